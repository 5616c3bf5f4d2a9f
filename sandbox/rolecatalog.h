#pragma once

#include "sandbox/apierror.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

struct Tenant;

// A role as GET /v1/roles shows it: one of Qlik's default roles (FACTS §5.3) with this tenant's id
// for it, or one of the tenant's custom roles.
struct RoleInfo
{
    QString id;
    QString name;
    QString type; // default | custom
    QString level; // admin | user
    QString description;
    QStringList assignedScopes;
    bool canEdit = false;
    bool canDelete = false;
    QString createdBy;
    QString updatedBy;
};

// Default roles are the same everywhere but their ids differ per tenant; they are derived from the
// tenant's role prefix rather than stored, so a seeded estate of 20,000 tenants costs nothing.
class RoleCatalog
{
public:
    [[nodiscard]] static QStringList defaultRoleNames();
    [[nodiscard]] static QList<RoleInfo> roles(const Tenant &tenant); // defaults first, then custom
    [[nodiscard]] static std::optional<RoleInfo> byId(const Tenant &tenant, const QString &id);
    [[nodiscard]] static std::optional<RoleInfo> byName(const Tenant &tenant, const QString &name); // case-sensitive
    [[nodiscard]] static QString defaultRoleId(const Tenant &tenant, const QString &name);

    // assignedRoles as the APIs show them: [{"id","name","type","level"}].
    [[nodiscard]] static QJsonArray refs(const Tenant &tenant, const QStringList &roleIds);
    // Resolves [{"id"}] or [{"name"}] references (FACTS §5.1) and appends the ids to roleIds;
    // the error names the reference at `pointer`/<index>.
    [[nodiscard]] static std::optional<ApiError> resolveRefs(const Tenant &tenant, const QJsonValue &value,
                                                             const QString &pointer, QStringList &roleIds);
};

} // namespace Sandbox
