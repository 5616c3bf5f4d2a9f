#include "ops/deleteplanbuilder.h"

#include "ops/ownershipdeletestep.h"
#include "ops/plan.h"
#include "ops/reassignplanbuilder.h"

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

void DeletePlanBuilder::addTenant(const Cloud::TenantOwnership &tenant, const QString &region)
{
    const int number = ++m_tenants;
    const QStringList deletable = OwnershipDeleteStep::resourceTypes();
    // Content first, then data files, then their folders (a folder must be free of others' files,
    // and one already emptied of the owner's is judged as it is), spaces last: a space holding
    // content refuses to go (412), so what is in it goes before it.
    QList<Cloud::OwnedResource> resources = tenant.resources;
    const auto rank = [](const Cloud::OwnedResource &r) {
        if (r.type == "data-file"_L1)
            return 1;
        if (r.type == "data-folder"_L1)
            return 2;
        return r.type == "space"_L1 ? 3 : 0;
    };
    std::sort(resources.begin(), resources.end(),
              [&rank](const Cloud::OwnedResource &a, const Cloud::OwnedResource &b) {
                  return std::tuple(rank(a), a.type, a.name, a.id) < std::tuple(rank(b), b.type, b.name, b.id);
              });
    QJsonArray steps;
    QList<Cloud::OwnedResource> items;
    for (const Cloud::OwnedResource &resource : std::as_const(resources)) {
        if (!deletable.contains(resource.type)) {
            m_undeletable.append({tenant.hostname, resource});
            continue;
        }
        steps.append(QJsonObject{{u"id"_s, u"item-%1"_s.arg(steps.size() + 1)},
                                 {u"type"_s, u"delete"_s},
                                 {u"label"_s, QString(u"delete "_s + resource.type + u' ' + resource.name)},
                                 {u"params"_s,
                                  QJsonObject{{u"resourceType"_s, resource.type},
                                              {u"resourceId"_s, ReassignPlanBuilder::literal(resource.id)},
                                              {u"name"_s, ReassignPlanBuilder::literal(resource.name)},
                                              {u"owner"_s, ReassignPlanBuilder::literal(resource.ownerId)}}}});
        items.append(resource);
    }
    if (steps.isEmpty())
        return;
    m_itemCount += int(items.size());
    m_items.append(items);
    QJsonObject target{{u"id"_s, u"tenant-%1"_s.arg(number)},
                       {u"label"_s, tenant.hostname},
                       {u"hostname"_s, tenant.hostname},
                       {u"steps"_s, steps}};
    if (!region.isEmpty())
        target.insert(u"region"_s, region);
    if (!profile.isEmpty())
        target.insert(u"profile"_s, profile);
    m_targets.append(target);
}

QString DeletePlanBuilder::name() const
{
    return u"delete %1 audited items"_s.arg(m_itemCount);
}

QJsonObject DeletePlanBuilder::toJson() const
{
    return QJsonObject{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, Plan::FormatVersion},
        {u"name"_s, name()},
        {u"options"_s,
         QJsonObject{{u"concurrency"_s, concurrency}, {u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 5}}},
        {u"targets"_s, m_targets}};
}

} // namespace Ops
