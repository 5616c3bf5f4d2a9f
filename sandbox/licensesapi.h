#pragma once

namespace Sandbox {

class Router;

// /v1/licenses (FACTS §6): overview (with the licenseKey POST /v1/tenants accepts), status,
// settings (PUT answers 200 with the settings), assignments (page cursors) and the add/delete/
// update actions with 207 bodies. Assignments live on the subscription, so every tenant of it
// shares one pool; an add fails per item once the allotment is used up. Errors use the licenses
// service's {error, message, errors[]} shape.
class LicensesApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
