#pragma once

namespace Sandbox {

class Router;

// The organization API on console.qlikcloud.com (FACTS §3.4): GET /api/core/tenants with a SCIM
// filter that must name subscriptionId, sort, id cursors and totalResults; one tenant by id; count;
// and the filter action. The org client sees every tenant of the organization.
class OrgTenantsApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
