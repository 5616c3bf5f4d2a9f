#pragma once

namespace Sandbox {

class Router;

// /v1/data-connections (FACTS §11.2): list (userId, ownedByMe, spaceId, personal, SCIM filter on
// qName/qType, sort, page cursor; default 32, at most 100), get, PATCH (204: /qName,
// /qConnectStatement, /space), and the admin action /actions/update (207, one status per
// connection: owner, space, name). Errors carry "details", which the spec's PublicApiError requires.
class DataConnectionsApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
