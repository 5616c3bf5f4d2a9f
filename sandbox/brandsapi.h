#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Brand;

// /v1/brands (FACTS §9.3): create from multipart/form-data (name, description, logo PNG/JPEG up to
// 300 KB, favIcon ICO and styles JSON up to 100 KB each), list with id anchors, get, PATCH 204,
// delete, activate/deactivate (one active brand per tenant), GET /v1/brands/active (301 to the
// active brand as the spec declares, 200 {} with Qlik's default brand), and the brand's files.
class BrandsApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const Brand &brand);
};

} // namespace Sandbox
