#include "ops/reassignplanbuilder.h"

#include "ops/ownerchangestep.h"
#include "ops/ownershipplan.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

void ReassignPlanBuilder::addTenant(const Cloud::TenantOwnership &tenant, const QString &region,
                                    const QString &newOwner)
{
    const int number = ++m_tenants;
    const QString owner = newOwner.isEmpty() ? to : newOwner;
    const QStringList movable = OwnerChangeStep::resourceTypes();
    // Folders first: a file in a folder moves with it (FACTS §11.2). Spaces last: their content is
    // judged (and its new owner made a member) while the space is unchanged. By path within a kind,
    // so a folder comes before the folders inside it.
    const QList<Cloud::OwnedResource> resources
        = OwnershipPlan::ordered(tenant.resources, [](const Cloud::OwnedResource &r) {
              return r.type == u"data-folder"_s ? 0 : (r.type == u"space"_s ? 2 : 1);
          });
    QJsonArray steps;
    QList<Cloud::OwnedResource> items;
    for (const Cloud::OwnedResource &resource : resources) {
        if (!movable.contains(resource.type)) {
            m_unmovable.append({tenant.hostname, resource});
            continue;
        }
        steps.append(QJsonObject{{u"id"_s, u"item-%1"_s.arg(steps.size() + 1)},
                                 {u"type"_s, u"owner"_s},
                                 {u"label"_s, QString(resource.type + u' ' + resource.name)},
                                 {u"params"_s,
                                  QJsonObject{{u"resourceType"_s, resource.type},
                                              {u"resourceId"_s, OwnershipPlan::literal(resource.id)},
                                              {u"name"_s, OwnershipPlan::literal(resource.name)},
                                              {u"to"_s, OwnershipPlan::literal(owner)}}}});
        items.append(resource);
    }
    if (steps.isEmpty())
        return;
    m_items.append(items);
    m_owners.append(owner);
    // The label says whom this tenant's items go to: the dry run shows it per tenant.
    m_targets.append(OwnershipPlan::target(number, u"%1 → %2"_s.arg(tenant.hostname, owner), tenant.hostname, steps,
                                           region, profile));
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
    return OwnershipPlan::plan(name(), concurrency, m_targets);
}

} // namespace Ops
