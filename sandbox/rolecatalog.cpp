#include "sandbox/rolecatalog.h"

#include "sandbox/entities.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

struct DefaultRole
{
    QLatin1StringView name;
    QLatin1StringView level;
    QLatin1StringView description;
};

// FACTS §5.3 (names are case sensitive). Developer is kept: the Jan 2025 spec still lists it.
constexpr DefaultRole kDefaultRoles[] = {
    {"AnalyticsAdmin"_L1, "admin"_L1, "Manages analytics content and spaces across the tenant."_L1},
    {"AuditAdmin"_L1, "admin"_L1, "Views and exports audit events."_L1},
    {"AutomationCreator"_L1, "user"_L1, "Creates and runs automations."_L1},
    {"AutomlDeploymentContributor"_L1, "user"_L1, "Creates ML deployments."_L1},
    {"AutomlExperimentContributor"_L1, "user"_L1, "Creates ML experiments."_L1},
    {"CollaborationPlatformUser"_L1, "user"_L1, "Uses collaboration features."_L1},
    {"DataAdmin"_L1, "admin"_L1, "Manages data spaces and data content."_L1},
    {"DataProductManager"_L1, "user"_L1, "Manages data products."_L1},
    {"DataServicesContributor"_L1, "user"_L1, "Creates data services content."_L1},
    {"DataSpaceCreator"_L1, "user"_L1, "Creates data spaces."_L1},
    {"Developer"_L1, "user"_L1, "Creates API keys."_L1},
    {"EmbeddedAnalyticsUser"_L1, "user"_L1, "Uses embedded analytics only."_L1},
    {"ManagedSpaceCreator"_L1, "user"_L1, "Creates managed spaces."_L1},
    {"PrivateAnalyticsContentCreator"_L1, "user"_L1, "Creates private analytics content."_L1},
    {"SharedSpaceCreator"_L1, "user"_L1, "Creates shared spaces."_L1},
    {"Steward"_L1, "user"_L1, "Stewards data quality."_L1},
    {"TenantAdmin"_L1, "admin"_L1, "Administers the tenant."_L1},
};

RoleInfo defaultRole(const Tenant &tenant, qsizetype index)
{
    const DefaultRole &role = kDefaultRoles[index];
    RoleInfo info;
    info.id = tenant.rolePrefix + u"%1"_s.arg(index, 8, 16, QLatin1Char('0'));
    info.name = role.name;
    info.type = u"default"_s;
    info.level = role.level;
    info.description = role.description;
    return info;
}

RoleInfo customRole(const CustomRole &role)
{
    RoleInfo info;
    info.id = role.id;
    info.name = role.name;
    info.type = u"custom"_s;
    info.level = u"user"_s;
    info.description = role.description;
    info.assignedScopes = role.assignedScopes;
    info.canEdit = true;
    info.canDelete = true;
    info.createdBy = role.createdBy;
    info.updatedBy = role.updatedBy;
    return info;
}

} // namespace

QStringList RoleCatalog::defaultRoleNames()
{
    QStringList names;
    for (const DefaultRole &role : kDefaultRoles)
        names.append(role.name);
    return names;
}

QList<RoleInfo> RoleCatalog::roles(const Tenant &tenant)
{
    QList<RoleInfo> roles;
    for (qsizetype i = 0; i < qsizetype(std::size(kDefaultRoles)); ++i)
        roles.append(defaultRole(tenant, i));
    for (const CustomRole &role : tenant.customRoles)
        roles.append(customRole(role));
    return roles;
}

std::optional<RoleInfo> RoleCatalog::byId(const Tenant &tenant, const QString &id)
{
    if (id.size() == 24 && id.startsWith(tenant.rolePrefix)) {
        bool ok = false;
        const qsizetype index = id.mid(16).toLongLong(&ok, 16);
        if (ok && index >= 0 && index < qsizetype(std::size(kDefaultRoles)))
            return defaultRole(tenant, index);
    }
    if (const CustomRole *role = tenant.customRoles.find(id))
        return customRole(*role);
    return std::nullopt;
}

std::optional<RoleInfo> RoleCatalog::byName(const Tenant &tenant, const QString &name)
{
    for (qsizetype i = 0; i < qsizetype(std::size(kDefaultRoles)); ++i) {
        if (kDefaultRoles[i].name == name)
            return defaultRole(tenant, i);
    }
    for (const CustomRole &role : tenant.customRoles) {
        if (role.name == name)
            return customRole(role);
    }
    return std::nullopt;
}

QString RoleCatalog::defaultRoleId(const Tenant &tenant, const QString &name)
{
    for (qsizetype i = 0; i < qsizetype(std::size(kDefaultRoles)); ++i) {
        if (kDefaultRoles[i].name == name)
            return defaultRole(tenant, i).id;
    }
    return {};
}

QJsonArray RoleCatalog::refs(const Tenant &tenant, const QStringList &roleIds)
{
    QJsonArray refs;
    for (const QString &id : roleIds) {
        if (const auto role = byId(tenant, id)) {
            refs.append(QJsonObject{
                {u"id"_s, role->id}, {u"name"_s, role->name}, {u"type"_s, role->type}, {u"level"_s, role->level}});
        }
    }
    return refs;
}

std::optional<ApiError> RoleCatalog::resolveRefs(const Tenant &tenant, const QJsonValue &value, const QString &pointer,
                                                 QStringList &roleIds)
{
    if (!value.isArray())
        return ApiError::badRequest(u"Roles must be an array of {\"id\"} or {\"name\"} objects."_s)
            .withPointer(pointer);
    const QJsonArray refs = value.toArray();
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const QJsonObject ref = refs.at(i).toObject();
        const QString itemPointer = pointer + u'/' + QString::number(i);
        std::optional<RoleInfo> role;
        if (ref.value(u"id"_s).isString())
            role = byId(tenant, ref.value(u"id"_s).toString());
        else if (ref.value(u"name"_s).isString())
            role = byName(tenant, ref.value(u"name"_s).toString());
        else
            return ApiError::badRequest(u"Each role needs an 'id' or a 'name' string."_s).withPointer(itemPointer);
        if (!role) {
            return ApiError::badRequest(
                       u"No such role: %1."_s.arg(QString::fromUtf8(QJsonDocument(ref).toJson(QJsonDocument::Compact))))
                .withPointer(itemPointer);
        }
        if (!roleIds.contains(role->id))
            roleIds.append(role->id);
    }
    return std::nullopt;
}

} // namespace Sandbox
