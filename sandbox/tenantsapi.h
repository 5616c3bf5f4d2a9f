#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Tenant;

// /v1/tenants (FACTS §3): create from a license key on register.<region> (201, random name, one
// hostname), deactivate/reactivate there with qlik-confirm-hostname (412 on a mismatch); on the
// tenant's own host GET, PATCH (204; /hostnames/1 sets the alias) and /me (302).
class TenantsApi
{
public:
    static void addRoutes(Router &router);

    // The spec's Tenant body; links.self on the request's host.
    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant);
};

} // namespace Sandbox
