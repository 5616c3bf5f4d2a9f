#pragma once

#include "cloud/tenantownership.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Ops {

// Deleting what an ownership audit found (issue 8) as a plan: one target per tenant that owns
// something deletable, one "delete" step per resource (Ops::OwnershipDeleteStep), each naming the
// owner the audit found so that anything reassigned since is left alone. `tenantryctl ownership
// delete` and the GUI's ownership inspector build it the same way.
//
//     Ops::DeletePlanBuilder builder;
//     for (const Cloud::TenantOwnership &tenant : audit.results())
//         builder.addTenant(tenant);
//     if (!builder.isEmpty())
//         PlanReader(&steps).fromJson(builder.toJson());
class DeletePlanBuilder
{
public:
    // A resource no delete endpoint is known for: listed, never planned.
    struct Undeletable
    {
        QString hostname;
        Cloud::OwnedResource resource;
    };

    QString profile; // the targets' credential profile; empty: chosen per host
    int concurrency = 8;

    // One audited tenant, in the audit's order (its position names the target: tenant-N).
    void addTenant(const Cloud::TenantOwnership &tenant, const QString &region = {});

    [[nodiscard]] bool isEmpty() const { return m_targets.isEmpty(); }
    [[nodiscard]] int itemCount() const { return m_itemCount; }
    // The plan's name: "delete 12 audited items".
    [[nodiscard]] QString name() const;
    [[nodiscard]] QJsonObject toJson() const; // format tenantry-plan
    // Per plan target, per step: the resource the step deletes.
    [[nodiscard]] const QList<QList<Cloud::OwnedResource>> &items() const { return m_items; }
    [[nodiscard]] const QList<Undeletable> &undeletable() const { return m_undeletable; }

private:
    int m_tenants = 0;
    int m_itemCount = 0;
    QJsonArray m_targets;
    QList<QList<Cloud::OwnedResource>> m_items;
    QList<Undeletable> m_undeletable;
};

} // namespace Ops
