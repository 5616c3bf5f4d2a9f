#pragma once

#include <QDateTime>

namespace Sandbox {

class Router;
struct Tenant;

// /v1/reloads (FACTS §10.5): a reload is created QUEUED (201), becomes RELOADING and then
// SUCCEEDED by the sandbox clock (reloadQueuedSeconds, reloadRunSeconds), and stamps its app's
// lastReloadTime. A second request while one is pending for the app answers 429 with its own
// meaning (no Retry-After: it is not a rate limit). Cancel: 204 while queued, 202 while reloading
// (CANCELING, then CANCELED), 409 once final. Reloads of apps named in PUT /__sandbox/reload-failures
// end FAILED with the rule's errorCode and errorMessage (ReloadFailures). Who may reload is who may edit the app
// (AppAccess); others get 403 RELOADS-003.
class ReloadsApi
{
public:
    static void addRoutes(Router &router);

    // Moves the tenant's reloads along to what the clock says.
    static void settle(Tenant &tenant, const QDateTime &now);
};

} // namespace Sandbox
