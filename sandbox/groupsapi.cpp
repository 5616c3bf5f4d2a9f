#include "sandbox/groupsapi.h"

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

const QString kSource = u"com.qlik/groups"_s;
// The system group every tenant has (FACTS §17).
const QString kEveryoneId = u"000000000000000000000001"_s;
const QString kEveryoneName = u"com.qlik.Everyone"_s;

QJsonObject selfLink(const RequestContext &ctx, const QString &path)
{
    return {{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(path)}}}};
}

QJsonObject everyoneJson(const RequestContext &ctx, const Tenant &tenant)
{
    const GroupSettings &settings = tenant.groupSettings;
    return {{u"id"_s, kEveryoneId},
            {u"name"_s, kEveryoneName},
            {u"status"_s, settings.everyoneEnabled ? u"active"_s : u"disabled"_s},
            {u"tenantId"_s, tenant.id},
            {u"createdAt"_s, SandboxClock::iso(settings.createdAt)},
            {u"lastUpdatedAt"_s, SandboxClock::iso(settings.lastUpdatedAt)},
            {u"assignedRoles"_s, RoleCatalog::refs(tenant, settings.everyoneRoleIds)},
            {u"links"_s, selfLink(ctx, u"/api/v1/groups/"_s + kEveryoneId)}};
}

bool callerIsAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

QStringList attributeValues(const Tenant &tenant, const Group &group, const QString &attribute)
{
    if (attribute == "id"_L1)
        return {group.id};
    if (attribute == "name"_L1)
        return {group.name};
    if (attribute == "status"_L1)
        return {group.status};
    if (attribute == "providertype"_L1)
        return {group.providerType};
    if (attribute == "createdat"_L1)
        return {SandboxClock::iso(group.createdAt)};
    if (attribute == "lastupdatedat"_L1)
        return {SandboxClock::iso(group.lastUpdatedAt)};
    if (attribute == "assignedroles.id"_L1)
        return group.roleIds;
    if (attribute == "assignedroles.name"_L1) {
        QStringList names;
        for (const QString &id : group.roleIds) {
            if (const auto role = RoleCatalog::byId(tenant, id))
                names.append(role->name);
        }
        return names;
    }
    return {};
}

const ScimFilter::Allowed &filterAttributes()
{
    static const QStringList text{u"eq"_s, u"ne"_s, u"co"_s, u"sw"_s, u"ew"_s};
    static const QStringList ordered{u"eq"_s, u"ne"_s, u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s};
    static const ScimFilter::Allowed allowed{
        {u"id"_s, {u"eq"_s, u"ne"_s}},      {u"name"_s, text},
        {u"status"_s, {u"eq"_s, u"ne"_s}},  {u"providertype"_s, {u"eq"_s}},
        {u"createdat"_s, ordered},          {u"lastupdatedat"_s, ordered},
        {u"assignedroles.id"_s, {u"eq"_s}}, {u"assignedroles.name"_s, {u"eq"_s}},
    };
    return allowed;
}

HttpResponse listWithFilter(RequestContext &ctx, const QString &filterText)
{
    Tenant &tenant = *ctx.tenant();
    if (ctx.query(u"systemGroups"_s) == "true"_L1) {
        // FACTS §5.2: only the system groups, and not combined with anything else.
        if (!filterText.isEmpty() || ctx.hasQuery(u"next"_s) || ctx.hasQuery(u"prev"_s))
            return ctx.error(ApiError::badRequest(u"'systemGroups' cannot be combined with other parameters."_s)
                                 .withParameter(u"systemGroups"_s));
        return HttpResponse::json(200,
                                  QJsonObject{{u"data"_s, QJsonArray{everyoneJson(ctx, tenant)}},
                                              {u"links"_s, selfLink(ctx, u"/api/v1/groups"_s)}});
    }
    const ScimFilter filter = ScimFilter::parse(filterText, filterAttributes());
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 1}, CursorForm::RawId);
    if (const auto error = paging.error())
        return ctx.error(*error);

    QList<const Group *> groups;
    for (const Group &group : tenant.groups) {
        if (filter.matches([&](const QString &attribute) { return attributeValues(tenant, group, attribute); }))
            groups.append(&group);
    }
    QString sort = ctx.query(u"sort"_s);
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (sort.isEmpty())
        sort = u"name"_s;
    if (sort != "name"_L1 && sort != "createdAt"_L1 && sort != "lastUpdatedAt"_L1 && sort != "id"_L1)
        return ctx.error(ApiError::badRequest(u"Unknown sort key '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    const auto key = [&sort](const Group *group) -> QString {
        if (sort == "createdAt"_L1)
            return SandboxClock::iso(group->createdAt);
        if (sort == "lastUpdatedAt"_L1)
            return SandboxClock::iso(group->lastUpdatedAt);
        if (sort == "id"_L1)
            return group->id;
        return group->name.toLower();
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const Group *a, const Group *b) { return descending ? key(b) < key(a) : key(a) < key(b); });

    QStringList ids;
    for (const Group *group : std::as_const(groups))
        ids.append(group->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(GroupsApi::toJson(ctx, tenant, *groups.at(i)));
    QJsonObject body{{u"data"_s, data}, {u"links"_s, page.links}};
    if (ctx.query(u"totalResults"_s) == "true"_L1)
        body.insert(u"totalResults"_s, groups.size());
    return HttpResponse::json(200, body);
}

HttpResponse list(RequestContext &ctx)
{
    return listWithFilter(ctx, ctx.query(u"filter"_s));
}

HttpResponse filterAction(RequestContext &ctx)
{
    QString filter;
    if (!ctx.request().body.trimmed().isEmpty()) {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return *failure;
        BodyFields fields(body);
        filter = fields.string(u"filter"_s);
        if (const auto error = fields.error())
            return ctx.error(*error);
    }
    return listWithFilter(ctx, filter);
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Creating groups needs the TenantAdmin role."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    Group group;
    group.name = fields.string(u"name"_s, BodyFields::Required);
    group.status = fields.oneOf(u"status"_s, {u"active"_s});
    if (group.status.isEmpty())
        group.status = u"active"_s;
    if (group.name.size() > 256)
        fields.fail(u"name"_s, u"'name' must be at most 256 characters."_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (body.contains(u"assignedRoles"_s)) {
        if (auto error
            = RoleCatalog::resolveRefs(tenant, body.value(u"assignedRoles"_s), u"/assignedRoles"_s, group.roleIds))
            return ctx.error(*error);
        if (group.roleIds.size() > 100)
            return ctx.error(
                ApiError::badRequest(u"A group can have at most 100 roles."_s).withPointer(u"/assignedRoles"_s));
    }
    if (tenant.groupByName(group.name) || group.name.compare(kEveryoneName, Qt::CaseInsensitive) == 0)
        return ctx.error(
            ApiError::conflict(u"A group named '%1' already exists."_s.arg(group.name)).withPointer(u"/name"_s));
    if (tenant.groups.size() >= 10000)
        return ctx.error(ApiError::forbidden(u"A tenant can have at most 10,000 groups."_s));
    group.id = ctx.state().ids().objectId();
    group.createdAt = ctx.clock().now();
    group.lastUpdatedAt = group.createdAt;
    const Group &stored = tenant.groups.insert(group);
    ctx.audit(u"com.qlik.v1.group.created"_s, kSource, {{u"id"_s, stored.id}, {u"name"_s, stored.name}},
              {stored.id, {}, {}});
    return HttpResponse::json(201, GroupsApi::toJson(ctx, tenant, stored));
}

HttpResponse get(RequestContext &ctx)
{
    const QString id = ctx.param(u"groupId"_s);
    if (id == kEveryoneId)
        return HttpResponse::json(200, everyoneJson(ctx, *ctx.tenant()));
    const Group *group = ctx.tenant()->groups.find(id);
    if (!group)
        return ctx.error(ApiError::notFound(u"No group '%1'."_s.arg(id)));
    return HttpResponse::json(200, GroupsApi::toJson(ctx, *ctx.tenant(), *group));
}

HttpResponse patch(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    Group *group = tenant.groups.find(ctx.param(u"groupId"_s));
    if (!group)
        return ctx.error(ApiError::notFound(u"No group '%1'."_s.arg(ctx.param(u"groupId"_s))));
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Updating groups needs the TenantAdmin role."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    QStringList roles = group->roleIds;
    for (const PatchOperation &op : parsed.operations) {
        // FACTS §18.6: the spec spells the path without the slash, the tutorial with it.
        if (op.path != "assignedRoles"_L1 && op.path != "/assignedRoles"_L1)
            return ctx.error(JsonPatch::invalid(op, u"'path' must be assignedRoles."_s));
        roles.clear();
        if (auto error = RoleCatalog::resolveRefs(tenant, op.value, u"/%1/value"_s.arg(op.index), roles))
            return ctx.error(*error);
    }
    group->roleIds = roles;
    group->lastUpdatedAt = ctx.clock().now();
    ctx.audit(u"com.qlik.v1.group.updated"_s, kSource,
              {{u"id"_s, group->id}, {u"updates"_s, QJsonArray{u"assignedRoles"_s}}}, {group->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"groupId"_s);
    const Group *group = tenant.groups.find(id);
    if (!group)
        return ctx.error(ApiError::notFound(u"No group '%1'."_s.arg(id)));
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Deleting groups needs the TenantAdmin role."_s));
    ctx.audit(u"com.qlik.v1.group.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, group->name}}, {id, {}, {}});
    for (User &user : tenant.users)
        user.groupIds.removeAll(id);
    for (Space &space : tenant.spaces) {
        std::erase_if(space.assignments,
                      [&id](const SpaceAssignment &a) { return a.type == "group"_L1 && a.assigneeId == id; });
    }
    tenant.groups.remove(id);
    return HttpResponse::empty(204);
}

HttpResponse getSettings(RequestContext &ctx)
{
    const Tenant &tenant = *ctx.tenant();
    const GroupSettings &settings = tenant.groupSettings;
    const QJsonObject everyone{{u"id"_s, kEveryoneId},
                               {u"name"_s, kEveryoneName},
                               {u"enabled"_s, settings.everyoneEnabled},
                               {u"createdAt"_s, SandboxClock::iso(settings.createdAt)},
                               {u"lastUpdatedAt"_s, SandboxClock::iso(settings.lastUpdatedAt)},
                               {u"assignedRoles"_s, RoleCatalog::refs(tenant, settings.everyoneRoleIds)}};
    return HttpResponse::json(200,
                              QJsonObject{{u"autoCreateGroups"_s, settings.autoCreateGroups},
                                          {u"syncIdpGroups"_s, settings.syncIdpGroups},
                                          {u"systemGroups"_s, QJsonObject{{kEveryoneId, everyone}}},
                                          {u"tenantId"_s, tenant.id},
                                          {u"links"_s, selfLink(ctx, u"/api/v1/groups/settings"_s)}});
}

HttpResponse patchSettings(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Group settings need the TenantAdmin role."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    GroupSettings updated = tenant.groupSettings;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        if (op.path == "/autoCreateGroups"_L1 || op.path == "/syncIdpGroups"_L1) {
            if (!op.value.isBool())
                return ctx.error(JsonPatch::invalid(op, u"'%1' needs a boolean value."_s.arg(op.path)));
            (op.path == "/autoCreateGroups"_L1 ? updated.autoCreateGroups : updated.syncIdpGroups) = op.value.toBool();
        } else if (op.path == u"/systemGroups/"_s + kEveryoneId + u"/assignedRoles"_s) {
            QStringList roles;
            if (auto error = RoleCatalog::resolveRefs(tenant, op.value, u"/%1/value"_s.arg(op.index), roles))
                return ctx.error(*error);
            updated.everyoneRoleIds = roles;
        } else {
            return ctx.error(JsonPatch::invalid(
                op, u"'path' must be /autoCreateGroups, /syncIdpGroups or /systemGroups/{id}/assignedRoles."_s));
        }
        changed.append(op.path);
    }
    updated.lastUpdatedAt = ctx.clock().now();
    tenant.groupSettings = updated;
    ctx.audit(u"com.qlik.v1.group.settings.updated"_s, kSource, {{u"updates"_s, changed}});
    return HttpResponse::empty(204);
}

} // namespace

void GroupsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/groups"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/groups"_s, create);
    router.add(HostKind::Tenant, "POST", u"/v1/groups/actions/filter"_s, filterAction);
    router.add(HostKind::Tenant, "GET", u"/v1/groups/settings"_s, getSettings);
    router.add(HostKind::Tenant, "PATCH", u"/v1/groups/settings"_s, patchSettings);
    router.add(HostKind::Tenant, "GET", u"/v1/groups/{groupId}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/groups/{groupId}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/groups/{groupId}"_s, remove);
}

QJsonObject GroupsApi::toJson(const RequestContext &ctx, const Tenant &tenant, const Group &group)
{
    return {{u"id"_s, group.id},
            {u"name"_s, group.name},
            {u"status"_s, group.status},
            {u"tenantId"_s, tenant.id},
            {u"createdAt"_s, SandboxClock::iso(group.createdAt)},
            {u"lastUpdatedAt"_s, SandboxClock::iso(group.lastUpdatedAt)},
            {u"assignedRoles"_s, RoleCatalog::refs(tenant, group.roleIds)},
            {u"links"_s, selfLink(ctx, u"/api/v1/groups/"_s + group.id)}};
}

} // namespace Sandbox
