#include "sandbox/rolesapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/rolecatalog.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/roles"_s;
constexpr qsizetype kMaxCustomRoles = 500;

bool callerIsAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

QStringList attributeValues(const RoleInfo &role, const QString &attribute)
{
    if (attribute == "id"_L1)
        return {role.id};
    if (attribute == "name"_L1)
        return {role.name};
    if (attribute == "type"_L1)
        return {role.type};
    if (attribute == "level"_L1)
        return {role.level};
    if (attribute == "description"_L1)
        return {role.description};
    return {};
}

HttpResponse list(RequestContext &ctx)
{
    const Tenant &tenant = *ctx.tenant();
    static const QStringList text{u"eq"_s, u"ne"_s, u"co"_s, u"sw"_s, u"ew"_s};
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"id"_s, {u"eq"_s, u"ne"_s}},
                                                 {u"name"_s, text},
                                                 {u"type"_s, {u"eq"_s, u"ne"_s}},
                                                 {u"level"_s, {u"eq"_s, u"ne"_s}},
                                                 {u"description"_s, text}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 1}, CursorForm::RawId);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<RoleInfo> roles;
    for (const RoleInfo &role : RoleCatalog::roles(tenant)) {
        if (filter.matches([&role](const QString &attribute) { return attributeValues(role, attribute); }))
            roles.append(role);
    }
    QString sort = ctx.query(u"sort"_s);
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (sort.isEmpty())
        sort = u"name"_s;
    if (sort != "name"_L1 && sort != "type"_L1 && sort != "level"_L1 && sort != "id"_L1)
        return ctx.error(ApiError::badRequest(u"Unknown sort key '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    const auto key = [&sort](const RoleInfo &role) -> QString {
        if (sort == "type"_L1)
            return role.type + u'\n' + role.name;
        if (sort == "level"_L1)
            return role.level + u'\n' + role.name;
        if (sort == "id"_L1)
            return role.id;
        return role.name.toLower();
    };
    std::stable_sort(roles.begin(), roles.end(), [&](const RoleInfo &a, const RoleInfo &b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    QStringList ids;
    for (const RoleInfo &role : std::as_const(roles))
        ids.append(role.id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(RolesApi::toJson(ctx, tenant, roles.at(i)));
    QJsonObject body{{u"data"_s, data}, {u"links"_s, page.links}};
    if (ctx.query(u"totalResults"_s) == "true"_L1)
        body.insert(u"totalResults"_s, roles.size());
    return HttpResponse::json(200, body);
}

HttpResponse get(RequestContext &ctx)
{
    const auto role = RoleCatalog::byId(*ctx.tenant(), ctx.param(u"id"_s));
    if (!role)
        return ctx.error(ApiError::notFound(u"No role '%1'."_s.arg(ctx.param(u"id"_s))));
    return HttpResponse::json(200, RolesApi::toJson(ctx, *ctx.tenant(), *role));
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Creating roles needs the TenantAdmin role."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    CustomRole role;
    role.name = fields.string(u"name"_s, BodyFields::Required);
    role.description = fields.string(u"description"_s);
    role.assignedScopes = fields.stringList(u"assignedScopes"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (RoleCatalog::byName(tenant, role.name))
        return ctx.error(
            ApiError::conflict(u"A role named '%1' already exists."_s.arg(role.name)).withPointer(u"/name"_s));
    if (tenant.customRoles.size() >= kMaxCustomRoles)
        return ctx.error(ApiError::forbidden(u"A tenant can have at most 500 custom roles."_s));
    role.id = ctx.state().ids().objectId();
    role.createdAt = ctx.clock().now();
    role.lastUpdatedAt = role.createdAt;
    role.createdBy = ctx.callerUserId();
    role.updatedBy = role.createdBy;
    const CustomRole &stored = tenant.customRoles.insert(role);
    ctx.audit(u"com.qlik.v1.role.created"_s, kSource, {{u"id"_s, stored.id}, {u"name"_s, stored.name}},
              {stored.id, {}, {}});
    return HttpResponse::json(201, RolesApi::toJson(ctx, tenant, *RoleCatalog::byId(tenant, stored.id)));
}

HttpResponse patch(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"id"_s);
    if (!RoleCatalog::byId(tenant, id))
        return ctx.error(ApiError::notFound(u"No role '%1'."_s.arg(id)));
    CustomRole *role = tenant.customRoles.find(id);
    if (!role || !callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Only custom roles can be changed, by a TenantAdmin."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    CustomRole updated = *role;
    for (const PatchOperation &op : parsed.operations) {
        if (op.path == "/name"_L1 || op.path == "/description"_L1) {
            if (!op.value.isString())
                return ctx.error(JsonPatch::invalid(op, u"'%1' needs a string value."_s.arg(op.path)));
            if (op.path == "/name"_L1) {
                const auto clash = RoleCatalog::byName(tenant, op.value.toString());
                if (clash && clash->id != id)
                    return ctx.error(
                        ApiError::conflict(u"A role named '%1' already exists."_s.arg(op.value.toString())));
                updated.name = op.value.toString();
            } else {
                updated.description = op.value.toString();
            }
        } else if (op.path == "/assignedScopes"_L1) {
            if (!op.value.isArray())
                return ctx.error(JsonPatch::invalid(op, u"'/assignedScopes' needs an array of strings."_s));
            updated.assignedScopes.clear();
            for (const QJsonValue &scope : op.value.toArray()) {
                if (!scope.isString())
                    return ctx.error(JsonPatch::invalid(op, u"'/assignedScopes' needs an array of strings."_s));
                updated.assignedScopes.append(scope.toString());
            }
        } else {
            return ctx.error(JsonPatch::invalid(op, u"'path' must be /name, /description or /assignedScopes."_s));
        }
    }
    updated.lastUpdatedAt = ctx.clock().now();
    updated.updatedBy = ctx.callerUserId();
    *role = updated;
    ctx.audit(u"com.qlik.v1.role.updated"_s, kSource, {{u"id"_s, id}}, {id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"id"_s);
    if (!RoleCatalog::byId(tenant, id))
        return ctx.error(ApiError::notFound(u"No role '%1'."_s.arg(id)));
    if (!tenant.customRoles.contains(id) || !callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Only custom roles can be deleted, by a TenantAdmin."_s));
    for (User &user : tenant.users)
        user.roleIds.removeAll(id);
    for (Group &group : tenant.groups)
        group.roleIds.removeAll(id);
    tenant.groupSettings.everyoneRoleIds.removeAll(id);
    ctx.audit(u"com.qlik.v1.role.deleted"_s, kSource, {{u"id"_s, id}}, {id, {}, {}});
    tenant.customRoles.remove(id);
    return HttpResponse::empty(204);
}

} // namespace

void RolesApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/roles"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/roles"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/roles/{id}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/roles/{id}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/roles/{id}"_s, remove);
}

QJsonObject RolesApi::toJson(const RequestContext &ctx, const Tenant &tenant, const RoleInfo &role)
{
    QDateTime created = tenant.createdAt;
    QDateTime updated = tenant.createdAt;
    if (const CustomRole *custom = tenant.customRoles.find(role.id)) {
        created = custom->createdAt;
        updated = custom->lastUpdatedAt;
    }
    QJsonObject json{
        {u"id"_s, role.id},
        {u"name"_s, role.name},
        {u"type"_s, role.type},
        {u"level"_s, role.level},
        {u"description"_s, role.description},
        {u"permissions"_s, QJsonArray()},
        {u"assignedScopes"_s, QJsonArray::fromStringList(role.assignedScopes)},
        {u"canEdit"_s, role.canEdit},
        {u"canDelete"_s, role.canDelete},
        {u"tenantId"_s, tenant.id},
        {u"createdAt"_s, SandboxClock::iso(created)},
        {u"lastUpdatedAt"_s, SandboxClock::iso(updated)},
        {u"links"_s,
         QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/roles/"_s + role.id)}}}}}};
    if (!role.createdBy.isEmpty())
        json.insert(u"createdBy"_s, role.createdBy);
    if (!role.updatedBy.isEmpty())
        json.insert(u"updatedBy"_s, role.updatedBy);
    return json;
}

} // namespace Sandbox
