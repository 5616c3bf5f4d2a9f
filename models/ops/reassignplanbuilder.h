#pragma once

#include "cloud/tenantownership.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Ops {

// Moving what an ownership audit found to one new owner (issue 8) as a plan: one target per tenant
// that owns something movable, one "owner" step per resource (Ops::OwnerChangeStep). `tenantryctl
// ownership reassign` and the GUI's ownership inspector build it the same way, so both take the
// same calls in the same order.
//
//     Ops::ReassignPlanBuilder builder;
//     builder.to = u"qlikbot\\sandbox-region-eu"_s;
//     for (const Cloud::TenantOwnership &tenant : audit.results())
//         builder.addTenant(tenant);
//     if (!builder.isEmpty())
//         PlanReader(&steps).fromJson(builder.toJson());
class ReassignPlanBuilder
{
public:
    // A resource no owner-change endpoint is known for (FACTS §11.2): listed, never planned.
    struct Unmovable
    {
        QString hostname;
        Cloud::OwnedResource resource;
    };

    QString to; // the new owner's subject (or email), for tenants added without their own
    QString profile; // the targets' credential profile; empty: chosen per host
    int concurrency = 8;

    // One audited tenant, in the audit's order (its position names the target: tenant-N). Its
    // movable resources become a target's steps; a tenant with none adds no target. `newOwner`:
    // this tenant's new owner (each step looks it up on the tenant); empty: `to`.
    void addTenant(const Cloud::TenantOwnership &tenant, const QString &region = {}, const QString &newOwner = {});

    [[nodiscard]] bool isEmpty() const { return m_targets.isEmpty(); }
    // The plan's name: "reassign to qlikbot\sandbox-region-eu", or "reassign to new owners per tenant".
    [[nodiscard]] QString name() const;
    // The plan (format tenantry-plan).
    [[nodiscard]] QJsonObject toJson() const;
    // Per plan target, per step: the resource the step moves.
    [[nodiscard]] const QList<QList<Cloud::OwnedResource>> &items() const { return m_items; }
    [[nodiscard]] const QList<Unmovable> &unmovable() const { return m_unmovable; }

private:
    int m_tenants = 0;
    QStringList m_owners; // the new owners of the targets, in order
    QJsonArray m_targets;
    QList<QList<Cloud::OwnedResource>> m_items;
    QList<Unmovable> m_unmovable;
};

} // namespace Ops
