#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Tenant;
struct User;

// /v1/users (FACTS §5.1): list with the SCIM filter subset, create (201/409), get, PATCH (204),
// delete, /me (301), count, and the filter action.
class UsersApi
{
public:
    static void addRoutes(Router &router);

    // The User body of the spec, with links on the request's host.
    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const User &user);
};

} // namespace Sandbox
