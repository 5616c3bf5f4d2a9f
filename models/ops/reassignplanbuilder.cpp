#include "ops/reassignplanbuilder.h"

#include "ops/ownerchangestep.h"
#include "ops/plan.h"

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

void ReassignPlanBuilder::addTenant(const Cloud::TenantOwnership &tenant, const QString &region,
                                    const QString &newOwner)
{
    const int number = ++m_tenants;
    const QString owner = newOwner.isEmpty() ? to : newOwner;
    const QStringList movable = OwnerChangeStep::resourceTypes();
    // Folders first: a file in a folder moves with it (FACTS §11.2). Spaces last: their content is
    // judged (and its new owner made a member) while the space is unchanged, so every run takes the
    // same calls whatever order the audit's listings came back in.
    QList<Cloud::OwnedResource> resources = tenant.resources;
    const auto rank
        = [](const Cloud::OwnedResource &r) { return r.type == u"data-folder"_s ? 0 : (r.type == u"space"_s ? 2 : 1); };
    // By path within a kind, so a folder comes before the folders inside it.
    std::sort(resources.begin(), resources.end(),
              [&rank](const Cloud::OwnedResource &a, const Cloud::OwnedResource &b) {
                  return std::tuple(rank(a), a.type, a.name, a.id) < std::tuple(rank(b), b.type, b.name, b.id);
              });
    QJsonArray steps;
    QList<Cloud::OwnedResource> items;
    for (const Cloud::OwnedResource &resource : std::as_const(resources)) {
        if (!movable.contains(resource.type)) {
            m_unmovable.append({tenant.hostname, resource});
            continue;
        }
        steps.append(QJsonObject{{u"id"_s, u"item-%1"_s.arg(steps.size() + 1)},
                                 {u"type"_s, u"owner"_s},
                                 {u"label"_s, QString(resource.type + u' ' + resource.name)},
                                 {u"params"_s,
                                  QJsonObject{{u"resourceType"_s, resource.type},
                                              {u"resourceId"_s, literal(resource.id)},
                                              {u"name"_s, literal(resource.name)},
                                              {u"to"_s, literal(owner)}}}});
        items.append(resource);
    }
    if (steps.isEmpty())
        return;
    m_items.append(items);
    m_owners.append(owner);
    // The label says whom this tenant's items go to: the dry run shows it per tenant.
    QJsonObject target{{u"id"_s, u"tenant-%1"_s.arg(number)},
                       {u"label"_s, u"%1 → %2"_s.arg(tenant.hostname, owner)},
                       {u"hostname"_s, tenant.hostname},
                       {u"steps"_s, steps}};
    if (!region.isEmpty())
        target.insert(u"region"_s, region);
    if (!profile.isEmpty())
        target.insert(u"profile"_s, profile);
    m_targets.append(target);
}

QString ReassignPlanBuilder::name() const
{
    QStringList owners = m_owners;
    owners.removeDuplicates();
    if (owners.size() > 1)
        return u"reassign to new owners per tenant"_s;
    return u"reassign to %1"_s.arg(owners.value(0, to));
}

QJsonObject ReassignPlanBuilder::toJson() const
{
    return QJsonObject{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, Plan::FormatVersion},
        {u"name"_s, name()},
        {u"options"_s,
         QJsonObject{{u"concurrency"_s, concurrency}, {u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 5}}},
        {u"targets"_s, m_targets}};
}

QString ReassignPlanBuilder::literal(QString text)
{
    return text.replace(u"${"_s, u"$${"_s);
}

} // namespace Ops
