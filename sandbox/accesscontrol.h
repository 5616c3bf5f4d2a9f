#pragma once

#include <QString>
#include <QStringList>

namespace Sandbox {

struct Space;
struct Tenant;
struct User;

// Who may do what on a tenant: role names from direct assignments, groups and the Everyone group,
// and a user's roles in a space (direct or through a group; owners hold every assignable role).
class AccessControl
{
public:
    [[nodiscard]] static QStringList roleNames(const Tenant &tenant, const User &user);
    [[nodiscard]] static bool hasRole(const Tenant &tenant, const User &user, const QString &roleName);
    [[nodiscard]] static bool isTenantAdmin(const Tenant &tenant, const User &user);

    // FACTS §7: roles a space of this type accepts in assignments.
    [[nodiscard]] static QStringList assignableRoles(const QString &spaceType);
    [[nodiscard]] static QStringList spaceRoles(const Tenant &tenant, const Space &space, const User &user);
    // Whether the user sees the space at all (TenantAdmin sees every space).
    [[nodiscard]] static bool canSeeSpace(const Tenant &tenant, const Space &space, const User &user);
    // The actions Space.meta.actions lists for this user.
    [[nodiscard]] static QStringList spaceActions(const Tenant &tenant, const Space &space, const User &user);
};

} // namespace Sandbox
