#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct RoleInfo;
struct Tenant;

// /v1/roles (FACTS §5.3): the default roles with this tenant's ids plus custom roles; custom roles
// can be created (201), patched (204) and deleted (204); default roles cannot be changed (403).
class RolesApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const RoleInfo &role);
};

} // namespace Sandbox
