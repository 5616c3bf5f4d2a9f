#pragma once

#include "cloud/ownedresource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Ops {

// The plan shape the ownership builders share (ReassignPlanBuilder, DeletePlanBuilder): one target
// per audited tenant, one step per owned resource, in an order each builder ranks.
class OwnershipPlan
{
public:
    // `resources` by rank (lower first), then type, name and id: the same calls in the same order
    // whatever order the audit's listings came back in.
    [[nodiscard]] static QList<Cloud::OwnedResource> ordered(QList<Cloud::OwnedResource> resources,
                                                             int (*rank)(const Cloud::OwnedResource &));
    // Target `tenant-<number>` on `hostname` with `steps`; region and profile when given.
    [[nodiscard]] static QJsonObject target(int number, const QString &label, const QString &hostname,
                                            const QJsonArray &steps, const QString &region, const QString &profile);
    // The plan (format tenantry-plan): targets in parallel up to `concurrency`, five attempts a step.
    [[nodiscard]] static QJsonObject plan(const QString &name, int concurrency, const QJsonArray &targets);
    // Plan strings take ${step.output} references; names and ids are literal text (ParamReferences).
    [[nodiscard]] static QString literal(QString text);
};

} // namespace Ops
