#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Tenant;
struct WebIntegration;

// /v1/web-integrations (FACTS §8.2): create (201), list with id anchors (startingAfter /
// endingBefore, limit 0..100, sort by name), get, PATCH replace /name and /validOrigins (204),
// delete (204). Error codes are the spec's WEBINTEGRATIONS-*. Duplicates (same name or origins) are
// accepted: FACTS marks rejection UNVERIFIED and the spec declares no 409.
class WebIntegrationsApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant,
                                            const WebIntegration &integration);
};

} // namespace Sandbox
