#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Sandbox {

struct App;
struct Space;
struct Tenant;
struct User;

// Who may do what with one app (FACTS §2.3, §10): its owner; members of its space by their roles;
// TenantAdmin administers (reads, changes owner or space, deletes) but needs a membership like
// anyone else to export from a shared space. Apps in managed spaces are published copies: never
// exported, and hidden from end users until they become visible (FACTS §14.5).
class AppAccess
{
public:
    AppAccess(const Tenant &tenant, const App &app, const User *user, const QDateTime &now);

    [[nodiscard]] bool canRead() const;
    [[nodiscard]] bool canUpdate() const; // attributes, reloads
    [[nodiscard]] bool canDelete() const; // also moving it out of its space
    [[nodiscard]] bool canChangeOwner() const;
    [[nodiscard]] bool canExport() const;
    // The caller could read it, but the published copy is not visible to end users yet.
    [[nodiscard]] bool isPendingPublication() const;
    // NxApp.privileges for this caller.
    [[nodiscard]] QStringList privileges() const;

    [[nodiscard]] const Space *space() const { return m_space; }
    [[nodiscard]] bool isAdmin() const { return m_admin; }
    [[nodiscard]] bool isOwner() const { return m_owner; }

    // Whether `user` may put new apps into `space` (nullptr: the user's personal space): a shared
    // space where the user may create content. Apps reach managed spaces only by publishing.
    [[nodiscard]] static bool canCreateIn(const Tenant &tenant, const Space *space, const User &user);
    // Whether `user` may publish into `space`: a managed space the user owns or is publisher of.
    [[nodiscard]] static bool canPublishTo(const Tenant &tenant, const Space &space, const User &user);

private:
    [[nodiscard]] bool hasSpaceRole(const QStringList &roles) const;

    const Tenant &m_tenant;
    const App &m_app;
    const User *m_user;
    const Space *m_space = nullptr;
    QStringList m_spaceRoles;
    bool m_admin = false;
    bool m_owner = false;
    bool m_pending = false;
};

} // namespace Sandbox
