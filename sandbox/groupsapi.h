#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct Group;
struct Tenant;

// /v1/groups and /v1/groups/settings (FACTS §5.2): list with filter and system groups, create
// (201/409 on the name), get, PATCH 204 on assignedRoles (with or without the leading slash the
// tutorial sends), delete, the filter action, and the group settings (PATCH 204).
class GroupsApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const Group &group);
};

} // namespace Sandbox
