#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct App;
struct Tenant;

// /v1/apps (FACTS §10.1–10.4): import of raw bytes (every import a new app), create, copy, get,
// update, delete, export through temp contents (201 + Location), publish to a managed space and
// republish onto an existing copy (checkOriginAppId), owner and space changes. Access follows
// AppAccess; published copies become visible to end users only after the configured delay.
class AppsApi
{
public:
    static void addRoutes(Router &router);

    // NxApp for the caller (privileges depend on who asks).
    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const App &app);
};

} // namespace Sandbox
