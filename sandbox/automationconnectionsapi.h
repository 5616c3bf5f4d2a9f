#pragma once

namespace Sandbox {

class Router;

// /v1/automation-connections (FACTS §11.2): list (filter on name, connectorId, ownerId, spaceId;
// listAll for TenantAdmin; cursor paging through links), get, delete, and change-owner (204) —
// what an ownership sweep needs. Connections are seeded: Qlik's tutorial says they cannot yet be
// recreated through the API, so the sandbox does not create them either.
class AutomationConnectionsApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
