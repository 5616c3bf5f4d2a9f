#include "sandbox/appaccess.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/entities.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

AppAccess::AppAccess(const Tenant &tenant, const App &app, const User *user, const QDateTime &now)
    : m_tenant(tenant)
    , m_app(app)
    , m_user(user)
{
    if (!app.spaceId.isEmpty())
        m_space = tenant.spaces.find(app.spaceId);
    if (!user)
        return;
    m_admin = AccessControl::isTenantAdmin(tenant, *user);
    m_owner = app.ownerId == user->id;
    if (m_space)
        m_spaceRoles = AccessControl::spaceRoles(tenant, *m_space, *user);
    // End users see a published copy only once it has propagated; its owner (the publisher) and
    // administrators see it at once.
    m_pending = app.visibleFrom.isValid() && now < app.visibleFrom && !m_owner && !m_admin;
}

bool AppAccess::hasSpaceRole(const QStringList &roles) const
{
    for (const QString &role : roles) {
        if (m_spaceRoles.contains(role))
            return true;
    }
    return false;
}

bool AppAccess::canRead() const
{
    if (!m_user || m_pending)
        return false;
    return m_owner || m_admin || !m_spaceRoles.isEmpty();
}

bool AppAccess::canUpdate() const
{
    if (!m_user)
        return false;
    if (m_owner || m_admin)
        return true;
    if (!m_space)
        return false;
    if (m_space->type == "managed"_L1)
        return hasSpaceRole({u"facilitator"_s, u"publisher"_s});
    return hasSpaceRole({u"producer"_s, u"codeveloper"_s, u"facilitator"_s});
}

bool AppAccess::canDelete() const
{
    if (!m_user)
        return false;
    if (m_owner || m_admin)
        return true;
    if (!m_space)
        return false;
    if (m_space->type == "managed"_L1)
        return hasSpaceRole({u"facilitator"_s, u"publisher"_s});
    return hasSpaceRole({u"producer"_s, u"facilitator"_s});
}

bool AppAccess::canChangeOwner() const
{
    return m_user && (m_owner || m_admin);
}

bool AppAccess::canExport() const
{
    if (!m_user)
        return false;
    // FACTS §10.2: only from personal or shared spaces; TenantAdmin does not imply membership.
    if (!m_space)
        return m_app.spaceId.isEmpty() && m_owner;
    if (m_space->type != "shared"_L1)
        return false;
    return !m_spaceRoles.isEmpty();
}

bool AppAccess::isPendingPublication() const
{
    return m_pending && (m_owner || m_admin || !m_spaceRoles.isEmpty());
}

QStringList AppAccess::privileges() const
{
    QStringList privileges;
    if (!canRead())
        return privileges;
    privileges << u"read"_s;
    if (canUpdate())
        privileges << u"update"_s << u"reload"_s << u"import"_s;
    if (canDelete())
        privileges << u"delete"_s << u"change_space"_s;
    if (canUpdate() && (!m_space || m_space->type == "shared"_L1))
        privileges << u"publish"_s;
    privileges << u"duplicate"_s;
    if (canExport())
        privileges << u"export"_s << u"exportdata"_s << u"export_reduced"_s;
    if (canChangeOwner())
        privileges << u"change_owner"_s;
    if (canUpdate())
        privileges << u"source"_s;
    return privileges;
}

bool AppAccess::canCreateIn(const Tenant &tenant, const Space *space, const User &user)
{
    if (!space)
        return true;
    if (space->type != "shared"_L1)
        return false;
    return AccessControl::spaceActions(tenant, *space, user).contains(u"create"_s);
}

bool AppAccess::canPublishTo(const Tenant &tenant, const Space &space, const User &user)
{
    return space.type == "managed"_L1 && AccessControl::spaceActions(tenant, space, user).contains(u"publish"_s);
}

} // namespace Sandbox
