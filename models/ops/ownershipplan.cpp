#include "ops/ownershipplan.h"

#include "ops/plan.h"

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QList<Cloud::OwnedResource> OwnershipPlan::ordered(QList<Cloud::OwnedResource> resources,
                                                   int (*rank)(const Cloud::OwnedResource &))
{
    std::sort(resources.begin(), resources.end(), [rank](const Cloud::OwnedResource &a, const Cloud::OwnedResource &b) {
        return std::tuple(rank(a), a.type, a.name, a.id) < std::tuple(rank(b), b.type, b.name, b.id);
    });
    return resources;
}

QJsonObject OwnershipPlan::target(int number, const QString &label, const QString &hostname, const QJsonArray &steps,
                                  const QString &region, const QString &profile)
{
    QJsonObject target{
        {u"id"_s, u"tenant-%1"_s.arg(number)}, {u"label"_s, label}, {u"hostname"_s, hostname}, {u"steps"_s, steps}};
    if (!region.isEmpty())
        target.insert(u"region"_s, region);
    if (!profile.isEmpty())
        target.insert(u"profile"_s, profile);
    return target;
}

QJsonObject OwnershipPlan::plan(const QString &name, int concurrency, const QJsonArray &targets)
{
    return QJsonObject{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, Plan::FormatVersion},
        {u"name"_s, name},
        {u"options"_s,
         QJsonObject{{u"concurrency"_s, concurrency}, {u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 5}}},
        {u"targets"_s, targets}};
}

QString OwnershipPlan::literal(QString text)
{
    return text.replace(u"${"_s, u"$${"_s);
}

} // namespace Ops
