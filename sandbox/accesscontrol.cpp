#include "sandbox/accesscontrol.h"

#include "sandbox/entities.h"
#include "sandbox/rolecatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

QStringList AccessControl::roleNames(const Tenant &tenant, const User &user)
{
    QStringList names;
    const auto addRoles = [&](const QStringList &roleIds) {
        for (const QString &roleId : roleIds) {
            if (const auto role = RoleCatalog::byId(tenant, roleId); role && !names.contains(role->name))
                names.append(role->name);
        }
    };
    addRoles(user.roleIds);
    for (const QString &groupId : user.groupIds) {
        if (const Group *group = tenant.groups.find(groupId); group && group->status == "active"_L1)
            addRoles(group->roleIds);
    }
    if (tenant.groupSettings.everyoneEnabled)
        addRoles(tenant.groupSettings.everyoneRoleIds);
    return names;
}

bool AccessControl::hasRole(const Tenant &tenant, const User &user, const QString &roleName)
{
    return roleNames(tenant, user).contains(roleName);
}

bool AccessControl::isTenantAdmin(const Tenant &tenant, const User &user)
{
    return hasRole(tenant, user, u"TenantAdmin"_s);
}

QStringList AccessControl::assignableRoles(const QString &spaceType)
{
    if (spaceType == "shared"_L1)
        return {u"codeveloper"_s, u"consumer"_s, u"dataconsumer"_s, u"facilitator"_s, u"producer"_s};
    if (spaceType == "managed"_L1)
        return {u"consumer"_s,    u"contributor"_s, u"dataconsumer"_s,
                u"facilitator"_s, u"publisher"_s,   u"basicconsumer"_s};
    if (spaceType == "data"_L1)
        return {u"consumer"_s, u"dataconsumer"_s, u"datapreview"_s, u"facilitator"_s,
                u"operator"_s, u"producer"_s,     u"publisher"_s};
    return {};
}

QStringList AccessControl::spaceRoles(const Tenant &tenant, const Space &space, const User &user)
{
    if (space.ownerId == user.id)
        return assignableRoles(space.type);
    QStringList roles;
    for (const SpaceAssignment &assignment : space.assignments) {
        const Group *group = assignment.type == "group"_L1 ? tenant.groups.find(assignment.assigneeId) : nullptr;
        const bool mine = (assignment.type == "user"_L1 && assignment.assigneeId == user.id)
            || (group && group->status == "active"_L1 && user.groupIds.contains(group->id));
        if (!mine)
            continue;
        for (const QString &role : assignment.roles) {
            if (!roles.contains(role))
                roles.append(role);
        }
    }
    return roles;
}

bool AccessControl::canSeeSpace(const Tenant &tenant, const Space &space, const User &user)
{
    return isTenantAdmin(tenant, user) || !spaceRoles(tenant, space, user).isEmpty();
}

QStringList AccessControl::spaceActions(const Tenant &tenant, const Space &space, const User &user)
{
    const QStringList roles = spaceRoles(tenant, space, user);
    const bool owner = space.ownerId == user.id;
    const bool admin = isTenantAdmin(tenant, user);
    QStringList actions;
    if (owner || admin)
        actions << u"change_owner"_s;
    const bool creates = owner || roles.contains(u"producer"_s) || roles.contains(u"codeveloper"_s)
        || roles.contains(u"contributor"_s) || roles.contains(u"publisher"_s);
    if (creates)
        actions << u"create"_s;
    actions << u"read"_s;
    if (owner || admin || roles.contains(u"facilitator"_s))
        actions << u"update"_s << u"delete"_s;
    if (space.type != "shared"_L1 && (owner || roles.contains(u"publisher"_s)))
        actions << u"publish"_s;
    return actions;
}

} // namespace Sandbox
