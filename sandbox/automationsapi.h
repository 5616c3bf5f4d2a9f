#pragma once

namespace Sandbox {

class Router;

// /v1/automations (FACTS §12): list (filter on name, runMode, lastRunStatus, ownerId; sort; cursor
// paging through links; listAll for TenantAdmin), create (201, owned by the caller, extraneous
// fields ignored so a GET payload posts unchanged), get/put (owner only: reading someone else's
// definition needs a move first, as Qlik's tutorial does), delete, enable/disable (204), move to
// another owner (204; run history wiped), copy (201), and runs (list, start, get, stop). Runs go
// through AutomationEngine.
class AutomationsApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
