#pragma once

#include "cloud/inventorytenant.h"
#include "ops/jobstate.h"

#include <QList>

namespace Ops {

// The tenants an applied job created (its completed `tenant` steps), as local inventory entries:
// origin Created, labelled with the plan target's id. The GUI and tenantryctl add them to the
// inventory so a created tenant shows in the estate even without an organization client.
[[nodiscard]] QList<Cloud::InventoryTenant> createdTenants(const JobState &state);

} // namespace Ops
