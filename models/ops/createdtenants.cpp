#include "ops/createdtenants.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QList<Cloud::InventoryTenant> createdTenants(const JobState &state)
{
    QList<Cloud::InventoryTenant> created;
    for (qsizetype t = 0; t < state.targets.size() && t < state.plan.targets.size(); ++t) {
        const Plan::Target &planned = state.plan.targets.at(t);
        const JobState::Target &target = state.targets.at(t);
        for (qsizetype s = 0; s < planned.steps.size() && s < target.steps.size(); ++s) {
            const JobState::Step &step = target.steps.at(s);
            if (planned.steps.at(s).type != "tenant"_L1 || !step.isComplete())
                continue;
            const QString hostname = step.outputs.value(u"hostname"_s).toString();
            if (hostname.isEmpty())
                continue;
            Cloud::InventoryTenant tenant = Cloud::InventoryTenant::fromHostname(hostname);
            tenant.tenantId = step.outputs.value(u"tenantId"_s).toString();
            tenant.label = planned.id;
            tenant.origin = Cloud::InventoryTenant::Origin::Created;
            created.append(tenant);
        }
    }
    return created;
}

} // namespace Ops
