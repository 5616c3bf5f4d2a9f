#pragma once

#include <QJsonObject>

namespace Sandbox {

class Router;
struct Tenant;
struct VisualPackage;

// /v1/extensions and /v1/themes (FACTS §9.1, §9.2), one pattern for both: multipart/form-data
// upload with a `file` part (the zip, whose .qext names and describes the package) and/or a `data`
// part (JSON fields), 201; 409 when the name or qextFilename is taken; 415 for a body that is not
// multipart or a `data` part that is not a JSON object; 422 for what fails validation (no part,
// not a zip, no .qext, the wrong type); get/patch/delete by id or qextFilename; soft delete (410
// afterwards); the archive and single files from it. Errors are single objects (FACTS §14.2).
class VisualPackagesApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const Tenant &tenant, const VisualPackage &package, bool theme);
};

} // namespace Sandbox
