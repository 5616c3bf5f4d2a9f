#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Space;
struct SpaceAssignment;
struct Tenant;

// /v1/spaces and /v1/spaces/{id}/assignments (FACTS §7): types, unique names, forbidden name
// characters, 409s, PATCH answering 200 with the space, DELETE 412 while the space holds content,
// assignment roles checked per space type, 409 AssignmentConflict. Errors carry the deprecated
// top-level code/title/detail spaces add.
class SpacesApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const Space &space);
    [[nodiscard]] static QJsonObject assignmentJson(const RequestContext &ctx, const Tenant &tenant, const Space &space,
                                                    const SpaceAssignment &assignment);
};

} // namespace Sandbox
