#include "sandbox/spacesapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/spaces"_s;
const QStringList kTypes{u"shared"_s, u"managed"_s, u"data"_s};

QJsonObject link(const QString &href)
{
    return QJsonObject{{u"href"_s, href}};
}

// FACTS §7: required, at most 256 characters, none of " * ? < > / | \ :
std::optional<QString> nameProblem(const QString &name)
{
    static const QRegularExpression forbidden(u"[\"*?<>/|\\\\:]"_s);
    if (name.trimmed().isEmpty())
        return u"'name' must not be empty."_s;
    if (name.size() > 256)
        return u"'name' must be at most 256 characters."_s;
    if (name.contains(forbidden))
        return u"'name' must not contain any of \" * ? < > / | \\ :"_s;
    return std::nullopt;
}

Space *visibleSpace(RequestContext &ctx, const QString &id)
{
    Space *space = ctx.tenant()->spaces.find(id);
    if (!space)
        return nullptr;
    // FACTS §7: 404 means "not found OR no access".
    if (ctx.caller().user && !AccessControl::canSeeSpace(*ctx.tenant(), *space, *ctx.caller().user))
        return nullptr;
    return space;
}

HttpResponse spaceNotFound(RequestContext &ctx)
{
    return ctx.error(ApiError(404, u"SpaceNotFound"_s, u"Not Found"_s,
                              u"Space '%1' not found or access denied."_s.arg(ctx.param(u"spaceId"_s))));
}

bool canManage(const RequestContext &ctx, const Space &space)
{
    const User *user = ctx.caller().user;
    return user
        && (space.ownerId == user->id || AccessControl::isTenantAdmin(*ctx.tenant(), *user)
            || AccessControl::spaceRoles(*ctx.tenant(), space, *user).contains(u"facilitator"_s));
}

HttpResponse types(RequestContext &)
{
    return HttpResponse::json(200, QJsonObject{{u"data"_s, QJsonArray::fromStringList(kTypes)}});
}

HttpResponse list(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s), {{u"name"_s, {u"eq"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    QStringList typeFilter;
    if (ctx.hasQuery(u"type"_s)) {
        typeFilter = ctx.query(u"type"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &type : std::as_const(typeFilter)) {
            if (!kTypes.contains(type))
                return ctx.error(
                    ApiError::badRequest(u"Unknown space type '%1'."_s.arg(type)).withParameter(u"type"_s));
        }
    }
    const QString action = ctx.query(u"action"_s);
    const QString nameFilter = ctx.query(u"name"_s);
    const QString ownerFilter = ctx.query(u"ownerId"_s);
    Paging paging(ctx, PagingStyle::NextPrev, {10, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);

    const User *caller = ctx.caller().user;
    QList<const Space *> spaces;
    for (const Space &space : tenant.spaces) {
        if (caller && !AccessControl::canSeeSpace(tenant, space, *caller))
            continue;
        if (!typeFilter.isEmpty() && !typeFilter.contains(space.type))
            continue;
        if (!nameFilter.isEmpty() && !space.name.contains(nameFilter, Qt::CaseInsensitive))
            continue;
        if (!ownerFilter.isEmpty() && space.ownerId != ownerFilter)
            continue;
        if (!action.isEmpty() && (!caller || !AccessControl::spaceActions(tenant, space, *caller).contains(action)))
            continue;
        if (!filter.matches([&space](const QString &) { return QStringList{space.name}; }))
            continue;
        spaces.append(&space);
    }

    QString sort = ctx.query(u"sort"_s);
    bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (!sort.isEmpty() && sort != "name"_L1 && sort != "type"_L1 && sort != "createdAt"_L1)
        return ctx.error(ApiError::badRequest(u"Unknown sort key '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    const auto key = [&sort](const Space *space) -> QString {
        if (sort == "type"_L1)
            return space->type + u'\n' + space->name.toLower();
        if (sort == "createdAt"_L1)
            return SandboxClock::iso(space->createdAt);
        if (sort == "name"_L1)
            return space->name.toLower();
        return SandboxClock::iso(space->createdAt); // default: creation order
    };
    std::stable_sort(spaces.begin(), spaces.end(),
                     [&](const Space *a, const Space *b) { return descending ? key(b) < key(a) : key(a) < key(b); });

    QStringList ids;
    for (const Space *space : std::as_const(spaces))
        ids.append(space->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(SpacesApi::toJson(ctx, tenant, *spaces.at(i)));
    const QJsonObject meta{
        {u"count"_s, spaces.size()},
        {u"personalSpace"_s,
         QJsonObject{{u"resourceType"_s, u"space"_s}, {u"actions"_s, QJsonArray{u"create"_s, u"read"_s}}}}};
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"meta"_s, meta}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString name = fields.string(u"name"_s, BodyFields::Required);
    const QString type = fields.oneOf(u"type"_s, kTypes, BodyFields::Required);
    const QString description = fields.string(u"description"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (const auto problem = nameProblem(name))
        return ctx.error(ApiError::badRequest(*problem).withPointer(u"/name"_s));

    const User *caller = ctx.caller().user;
    const QString creatorRole = type == "shared"_L1 ? u"SharedSpaceCreator"_s
        : type == "managed"_L1                      ? u"ManagedSpaceCreator"_s
                                                    : u"DataSpaceCreator"_s;
    if (!caller
        || (!AccessControl::isTenantAdmin(tenant, *caller) && !AccessControl::hasRole(tenant, *caller, creatorRole)))
        return ctx.error(ApiError::forbidden(u"Creating a %1 space needs the %2 role."_s.arg(type, creatorRole)));
    if (tenant.spaceByName(name))
        return ctx.error(ApiError(409, u"SpaceAlreadyExists"_s, u"Conflict"_s,
                                  u"A space named '%1' already exists. Space names must be unique."_s.arg(name))
                             .withPointer(u"/name"_s));

    Space space;
    space.id = ctx.state().ids().objectId();
    space.name = name;
    space.type = type;
    space.description = description;
    space.ownerId = caller->id;
    space.createdBy = caller->id;
    space.createdAt = ctx.clock().now();
    space.updatedAt = space.createdAt;
    const Space &stored = tenant.spaces.insert(space);
    ctx.audit(u"com.qlik.v1.space.created"_s, kSource,
              {{u"id"_s, stored.id}, {u"name"_s, stored.name}, {u"type"_s, stored.type}},
              {stored.id, stored.ownerId, stored.id});
    return HttpResponse::json(201, SpacesApi::toJson(ctx, tenant, stored));
}

HttpResponse get(RequestContext &ctx)
{
    const Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    return HttpResponse::json(200, SpacesApi::toJson(ctx, *ctx.tenant(), *space));
}

// Shared by PATCH and PUT: validates and applies name/description/owner, then answers 200.
HttpResponse update(RequestContext &ctx, Space &space, const std::optional<QString> &name,
                    const std::optional<QString> &description, const std::optional<QString> &ownerId)
{
    Tenant &tenant = *ctx.tenant();
    if (name) {
        if (const auto problem = nameProblem(*name))
            return ctx.error(ApiError::badRequest(*problem).withPointer(u"/name"_s));
        if (const Space *other = tenant.spaceByName(*name); other && other != &space)
            return ctx.error(ApiError(409, u"SpaceAlreadyExists"_s, u"Conflict"_s,
                                      u"A space named '%1' already exists."_s.arg(*name)));
    }
    if (ownerId && !tenant.users.find(*ownerId))
        return ctx.error(
            ApiError::badRequest(u"No user '%1' to own the space."_s.arg(*ownerId)).withPointer(u"/ownerId"_s));
    QJsonArray updates;
    if (name) {
        space.name = *name;
        updates.append(u"name"_s);
    }
    if (description) {
        space.description = *description;
        updates.append(u"description"_s);
    }
    if (ownerId) {
        space.ownerId = *ownerId;
        updates.append(u"ownerId"_s);
    }
    space.updatedAt = ctx.clock().now();
    ctx.audit(u"com.qlik.v1.space.updated"_s, kSource, {{u"id"_s, space.id}, {u"updates"_s, updates}},
              {space.id, space.ownerId, space.id});
    return HttpResponse::json(200, SpacesApi::toJson(ctx, tenant, space));
}

HttpResponse patch(RequestContext &ctx)
{
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    if (!canManage(ctx, *space))
        return ctx.error(
            ApiError::forbidden(u"Only the owner, a facilitator or a TenantAdmin may update the space."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> owner;
    for (const PatchOperation &op : parsed.operations) {
        if (!op.value.isString())
            return ctx.error(JsonPatch::invalid(op, u"'value' must be a string."_s));
        if (op.path == "/name"_L1)
            name = op.value.toString();
        else if (op.path == "/description"_L1)
            description = op.value.toString();
        else if (op.path == "/ownerId"_L1)
            owner = op.value.toString();
        else
            return ctx.error(JsonPatch::invalid(op, u"'path' must be /name, /ownerId or /description."_s));
    }
    return update(ctx, *space, name, description, owner);
}

HttpResponse put(RequestContext &ctx)
{
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    if (!canManage(ctx, *space))
        return ctx.error(
            ApiError::forbidden(u"Only the owner, a facilitator or a TenantAdmin may update the space."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const auto optionalString = [&fields](const QString &key) -> std::optional<QString> {
        if (!fields.has(key))
            return std::nullopt;
        return fields.string(key);
    };
    const std::optional<QString> name = optionalString(u"name"_s);
    const std::optional<QString> description = optionalString(u"description"_s);
    const std::optional<QString> owner = optionalString(u"ownerId"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    return update(ctx, *space, name, description, owner);
}

HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    if (!ctx.caller().user
        || (space->ownerId != ctx.caller().user->id && !AccessControl::isTenantAdmin(tenant, *ctx.caller().user)))
        return ctx.error(ApiError::forbidden(u"Only the owner or a TenantAdmin may delete the space."_s));
    if (tenant.spaceHasContent(space->id))
        return ctx.error(ApiError(412, u"SpaceNotEmpty"_s, u"Precondition Failed"_s,
                                  u"The space still holds content; move or delete it first."_s));
    const QString id = space->id;
    const QString owner = space->ownerId;
    ctx.audit(u"com.qlik.v1.space.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, space->name}}, {id, owner, id});
    tenant.spaces.remove(id);
    return HttpResponse::empty(204);
}

// --- assignments ----------------------------------------------------------------------------

HttpResponse listAssignments(RequestContext &ctx)
{
    const Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    const QString type = ctx.query(u"type"_s);
    if (!type.isEmpty() && type != "user"_L1 && type != "group"_L1)
        return ctx.error(ApiError::badRequest(u"'type' must be user or group."_s).withParameter(u"type"_s));
    const QString assignee = ctx.query(u"assigneeId"_s);
    Paging paging(ctx, PagingStyle::NextPrev, {10, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<const SpaceAssignment *> matches;
    QStringList ids;
    for (const SpaceAssignment &assignment : space->assignments) {
        if ((!type.isEmpty() && assignment.type != type) || (!assignee.isEmpty() && assignment.assigneeId != assignee))
            continue;
        matches.append(&assignment);
        ids.append(assignment.id);
    }
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(SpacesApi::assignmentJson(ctx, *ctx.tenant(), *space, *matches.at(i)));
    return HttpResponse::json(200,
                              QJsonObject{{u"data"_s, data},
                                          {u"meta"_s, QJsonObject{{u"count"_s, matches.size()}}},
                                          {u"links"_s, page.links}});
}

std::optional<ApiError> checkRoles(const Space &space, const QStringList &roles)
{
    if (roles.isEmpty())
        return ApiError::badRequest(u"'roles' must name at least one role."_s).withPointer(u"/roles"_s);
    const QStringList allowed = AccessControl::assignableRoles(space.type);
    for (const QString &role : roles) {
        if (!allowed.contains(role)) {
            return ApiError::badRequest(u"Role '%1' cannot be assigned in a %2 space; allowed: %3."_s.arg(
                                            role, space.type, allowed.join(u", "_s)))
                .withPointer(u"/roles"_s);
        }
    }
    return std::nullopt;
}

HttpResponse createAssignment(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    if (!canManage(ctx, *space))
        return ctx.error(ApiError::forbidden(u"Only the owner, a facilitator or a TenantAdmin may assign members."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString type = fields.oneOf(u"type"_s, {u"user"_s, u"group"_s}, BodyFields::Required);
    const QString assigneeId = fields.string(u"assigneeId"_s, BodyFields::Required);
    const QStringList roles = fields.stringList(u"roles"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (const auto error = checkRoles(*space, roles))
        return ctx.error(*error);
    const bool exists = type == "user"_L1 ? tenant.users.contains(assigneeId) : tenant.groups.contains(assigneeId);
    if (!exists)
        return ctx.error(
            ApiError::badRequest(u"No %1 '%2' on this tenant."_s.arg(type, assigneeId)).withPointer(u"/assigneeId"_s));
    if (space->assignmentFor(assigneeId)) {
        // FACTS §7: Qlik's scripts treat this 409 as "already assigned".
        return ctx.error(ApiError(409, u"AssignmentConflict"_s, u"Conflict"_s,
                                  u"'%1' is already assigned to this space."_s.arg(assigneeId)));
    }
    SpaceAssignment assignment;
    assignment.id = ctx.state().ids().objectId();
    assignment.type = type;
    assignment.assigneeId = assigneeId;
    assignment.roles = roles;
    assignment.createdAt = ctx.clock().now();
    assignment.createdBy = ctx.callerUserId();
    assignment.updatedAt = assignment.createdAt;
    assignment.updatedBy = assignment.createdBy;
    space->assignments.push_back(assignment);
    ctx.audit(u"com.qlik.v1.space.assignment.created"_s, kSource,
              {{u"id"_s, assignment.id},
               {u"spaceId"_s, space->id},
               {u"type"_s, type},
               {u"assigneeId"_s, assigneeId},
               {u"roles"_s, QJsonArray::fromStringList(roles)}},
              {space->id, space->ownerId, space->id});
    return HttpResponse::json(201, SpacesApi::assignmentJson(ctx, tenant, *space, space->assignments.back()));
}

HttpResponse getAssignment(RequestContext &ctx)
{
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    const SpaceAssignment *assignment = space->assignment(ctx.param(u"assignmentId"_s));
    if (!assignment)
        return ctx.error(ApiError::notFound(u"No assignment '%1' in this space."_s.arg(ctx.param(u"assignmentId"_s))));
    return HttpResponse::json(200, SpacesApi::assignmentJson(ctx, *ctx.tenant(), *space, *assignment));
}

HttpResponse updateAssignment(RequestContext &ctx)
{
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    SpaceAssignment *assignment = space->assignment(ctx.param(u"assignmentId"_s));
    if (!assignment)
        return ctx.error(ApiError::notFound(u"No assignment '%1' in this space."_s.arg(ctx.param(u"assignmentId"_s))));
    if (!canManage(ctx, *space))
        return ctx.error(ApiError::forbidden(u"Only the owner, a facilitator or a TenantAdmin may change members."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QStringList roles = fields.stringList(u"roles"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (const auto error = checkRoles(*space, roles))
        return ctx.error(*error);
    assignment->roles = roles;
    assignment->updatedAt = ctx.clock().now();
    assignment->updatedBy = ctx.callerUserId();
    ctx.audit(u"com.qlik.v1.space.assignment.updated"_s, kSource,
              {{u"id"_s, assignment->id}, {u"spaceId"_s, space->id}, {u"roles"_s, QJsonArray::fromStringList(roles)}},
              {space->id, space->ownerId, space->id});
    return HttpResponse::json(200, SpacesApi::assignmentJson(ctx, *ctx.tenant(), *space, *assignment));
}

HttpResponse removeAssignment(RequestContext &ctx)
{
    Space *space = visibleSpace(ctx, ctx.param(u"spaceId"_s));
    if (!space)
        return spaceNotFound(ctx);
    const QString id = ctx.param(u"assignmentId"_s);
    if (!space->assignment(id))
        return ctx.error(ApiError::notFound(u"No assignment '%1' in this space."_s.arg(id)));
    if (!canManage(ctx, *space))
        return ctx.error(ApiError::forbidden(u"Only the owner, a facilitator or a TenantAdmin may remove members."_s));
    std::erase_if(space->assignments, [&id](const SpaceAssignment &a) { return a.id == id; });
    ctx.audit(u"com.qlik.v1.space.assignment.deleted"_s, kSource, {{u"id"_s, id}, {u"spaceId"_s, space->id}},
              {space->id, space->ownerId, space->id});
    return HttpResponse::empty(204);
}

} // namespace

void SpacesApi::addRoutes(Router &router)
{
    const auto route = [&router](QByteArrayView method, const QString &path, RouteHandler handler) {
        router.add(HostKind::Tenant, method, path, std::move(handler)).errors(ErrorStyle::Spaces);
    };
    route("GET", u"/v1/spaces"_s, list);
    route("POST", u"/v1/spaces"_s, create);
    route("GET", u"/v1/spaces/types"_s, types);
    route("GET", u"/v1/spaces/{spaceId}"_s, get);
    route("PATCH", u"/v1/spaces/{spaceId}"_s, patch);
    route("PUT", u"/v1/spaces/{spaceId}"_s, put);
    route("DELETE", u"/v1/spaces/{spaceId}"_s, remove);
    route("GET", u"/v1/spaces/{spaceId}/assignments"_s, listAssignments);
    route("POST", u"/v1/spaces/{spaceId}/assignments"_s, createAssignment);
    route("GET", u"/v1/spaces/{spaceId}/assignments/{assignmentId}"_s, getAssignment);
    route("PUT", u"/v1/spaces/{spaceId}/assignments/{assignmentId}"_s, updateAssignment);
    route("DELETE", u"/v1/spaces/{spaceId}/assignments/{assignmentId}"_s, removeAssignment);
}

QJsonObject SpacesApi::toJson(const RequestContext &ctx, const Tenant &tenant, const Space &space)
{
    const QString self = ctx.absoluteUrl(u"/api/v1/spaces/"_s + space.id);
    QJsonObject meta{{u"assignableRoles"_s, QJsonArray::fromStringList(AccessControl::assignableRoles(space.type))}};
    if (const User *caller = ctx.caller().user) {
        meta.insert(u"roles"_s, QJsonArray::fromStringList(AccessControl::spaceRoles(tenant, space, *caller)));
        meta.insert(u"actions"_s, QJsonArray::fromStringList(AccessControl::spaceActions(tenant, space, *caller)));
    } else {
        meta.insert(u"roles"_s, QJsonArray());
        meta.insert(u"actions"_s, QJsonArray());
    }
    QJsonObject json{
        {u"id"_s, space.id},
        {u"name"_s, space.name},
        {u"type"_s, space.type},
        {u"ownerId"_s, space.ownerId},
        {u"tenantId"_s, tenant.id},
        {u"createdAt"_s, SandboxClock::iso(space.createdAt)},
        {u"createdBy"_s, space.createdBy},
        {u"updatedAt"_s, SandboxClock::iso(space.updatedAt)},
        {u"meta"_s, meta},
        {u"links"_s, QJsonObject{{u"self"_s, link(self)}, {u"assignments"_s, link(self + u"/assignments"_s)}}}};
    if (!space.description.isEmpty())
        json.insert(u"description"_s, space.description);
    return json;
}

QJsonObject SpacesApi::assignmentJson(const RequestContext &ctx, const Tenant &tenant, const Space &space,
                                      const SpaceAssignment &assignment)
{
    const QString spaceUrl = ctx.absoluteUrl(u"/api/v1/spaces/"_s + space.id);
    QJsonObject json{
        {u"id"_s, assignment.id},
        {u"type"_s, assignment.type},
        {u"assigneeId"_s, assignment.assigneeId},
        {u"roles"_s, QJsonArray::fromStringList(assignment.roles)},
        {u"spaceId"_s, space.id},
        {u"tenantId"_s, tenant.id},
        {u"createdAt"_s, SandboxClock::iso(assignment.createdAt)},
        {u"updatedAt"_s, SandboxClock::iso(assignment.updatedAt)},
        {u"links"_s,
         QJsonObject{{u"self"_s, link(spaceUrl + u"/assignments/"_s + assignment.id)}, {u"space"_s, link(spaceUrl)}}}};
    if (!assignment.createdBy.isEmpty())
        json.insert(u"createdBy"_s, assignment.createdBy);
    if (!assignment.updatedBy.isEmpty())
        json.insert(u"updatedBy"_s, assignment.updatedBy);
    return json;
}

} // namespace Sandbox
