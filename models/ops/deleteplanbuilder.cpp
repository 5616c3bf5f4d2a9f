#include "ops/deleteplanbuilder.h"

#include "ops/ownershipdeletestep.h"
#include "ops/ownershipplan.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

void DeletePlanBuilder::addTenant(const Cloud::TenantOwnership &tenant, const QString &region)
{
    const int number = ++m_tenants;
    const QStringList deletable = OwnershipDeleteStep::resourceTypes();
    // Content first, then data files, then their folders (a folder must be free of others' files,
    // and one already emptied of the owner's is judged as it is), spaces last: a space holding
    // content refuses to go (412), so what is in it goes before it.
    const QList<Cloud::OwnedResource> resources
        = OwnershipPlan::ordered(tenant.resources, [](const Cloud::OwnedResource &r) {
              if (r.type == "data-file"_L1)
                  return 1;
              if (r.type == "data-folder"_L1)
                  return 2;
              return r.type == "space"_L1 ? 3 : 0;
          });
    QJsonArray steps;
    QList<Cloud::OwnedResource> items;
    for (const Cloud::OwnedResource &resource : resources) {
        if (!deletable.contains(resource.type)) {
            m_undeletable.append({tenant.hostname, resource});
            continue;
        }
        steps.append(QJsonObject{{u"id"_s, u"item-%1"_s.arg(steps.size() + 1)},
                                 {u"type"_s, u"delete"_s},
                                 {u"label"_s, QString(u"delete "_s + resource.type + u' ' + resource.name)},
                                 {u"params"_s,
                                  QJsonObject{{u"resourceType"_s, resource.type},
                                              {u"resourceId"_s, OwnershipPlan::literal(resource.id)},
                                              {u"name"_s, OwnershipPlan::literal(resource.name)},
                                              {u"owner"_s, OwnershipPlan::literal(resource.ownerId)}}}});
        items.append(resource);
    }
    if (steps.isEmpty())
        return;
    m_itemCount += int(items.size());
    m_items.append(items);
    m_targets.append(OwnershipPlan::target(number, tenant.hostname, tenant.hostname, steps, region, profile));
}

QString DeletePlanBuilder::name() const
{
    return u"delete %1 audited items"_s.arg(m_itemCount);
}

QJsonObject DeletePlanBuilder::toJson() const
{
    return OwnershipPlan::plan(name(), concurrency, m_targets);
}

} // namespace Ops
