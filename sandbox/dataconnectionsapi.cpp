#include "sandbox/dataconnectionsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/data-connections"_s;

bool isAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

// Space roles that may edit a connection in a space.
bool editsInSpace(const RequestContext &ctx, const DataConnection &connection)
{
    const Space *space = ctx.tenant()->spaces.find(connection.spaceId);
    if (!space || !ctx.caller().user)
        return false;
    const QStringList roles = AccessControl::spaceRoles(*ctx.tenant(), *space, *ctx.caller().user);
    return roles.contains(u"producer"_s) || roles.contains(u"facilitator"_s) || roles.contains(u"dataconsumer"_s);
}

bool canSee(const RequestContext &ctx, const DataConnection &connection)
{
    if (isAdmin(ctx) || connection.ownerId == ctx.callerUserId())
        return true;
    const Space *space = ctx.tenant()->spaces.find(connection.spaceId);
    return space && ctx.caller().user && AccessControl::canSeeSpace(*ctx.tenant(), *space, *ctx.caller().user);
}

bool canEdit(const RequestContext &ctx, const DataConnection &connection)
{
    return isAdmin(ctx) || connection.ownerId == ctx.callerUserId() || editsInSpace(ctx, connection);
}

QJsonObject toJson(const RequestContext &ctx, const DataConnection &connection)
{
    QJsonArray privileges{u"list"_s, u"read"_s};
    if (canEdit(ctx, connection))
        privileges << u"update"_s << u"delete"_s << u"change_space"_s;
    if (isAdmin(ctx) || connection.ownerId == ctx.callerUserId())
        privileges.append(u"change_owner"_s);
    QJsonObject json{
        {u"qID"_s, connection.id},
        {u"qName"_s, connection.name},
        {u"qType"_s, connection.type},
        {u"qConnectStatement"_s, connection.connectionString},
        {u"qEngineObjectID"_s, connection.id},
        {u"qLogOn"_s, 0},
        {u"qArchitecture"_s, 0},
        {u"qSeparateCredentials"_s, false},
        {u"privileges"_s, privileges},
        {u"created"_s, SandboxClock::iso(connection.createdAt)},
        {u"updated"_s, SandboxClock::iso(connection.updatedAt)},
        {u"user"_s, connection.ownerId},
        {u"tenant"_s, ctx.tenant()->id},
        {u"links"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/data-connections/"_s + connection.id)}}}};
    if (!connection.spaceId.isEmpty())
        json.insert(u"space"_s, connection.spaceId);
    return json;
}

// Another connection of the same owner and space already has this name.
bool nameTaken(const Tenant &tenant, const DataConnection &connection, const QString &name, const QString &spaceId,
               const QString &ownerId)
{
    for (const DataConnection &other : tenant.dataConnections) {
        if (&other == &connection || other.name.compare(name, Qt::CaseInsensitive) != 0 || other.spaceId != spaceId)
            continue;
        if (!spaceId.isEmpty() || other.ownerId == ownerId)
            return true;
    }
    return false;
}

QStringList filterValues(const DataConnection &connection, const QString &attribute)
{
    if (attribute == "qname"_L1)
        return {connection.name};
    if (attribute == "qtype"_L1)
        return {connection.type};
    if (attribute == "created"_L1)
        return {SandboxClock::iso(connection.createdAt)};
    if (attribute == "updated"_L1)
        return {SandboxClock::iso(connection.updatedAt)};
    if (attribute == "user"_L1)
        return {connection.ownerId};
    if (attribute == "space"_L1)
        return {connection.spaceId};
    return {};
}

std::optional<bool> booleanQuery(const RequestContext &ctx, const QString &name, std::optional<ApiError> *error)
{
    if (!ctx.hasQuery(name))
        return std::nullopt;
    const QString value = ctx.query(name);
    if (value == "true"_L1)
        return true;
    if (value == "false"_L1)
        return false;
    *error = ApiError::badRequest(u"'%1' must be true or false."_s.arg(name)).withParameter(name);
    return std::nullopt;
}

HttpResponse list(RequestContext &ctx)
{
    const QString userId = ctx.query(u"userId"_s);
    if (!userId.isEmpty() && userId != ctx.callerUserId() && !isAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Listing another user's connections needs an admin role."_s)
                             .withParameter(u"userId"_s));
    std::optional<ApiError> error;
    const std::optional<bool> ownedByMe = booleanQuery(ctx, u"ownedByMe"_s, &error);
    const std::optional<bool> personal = booleanQuery(ctx, u"personal"_s, &error);
    if (error)
        return ctx.error(*error);
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"qname"_s, {u"eq"_s, u"co"_s, u"sw"_s, u"ew"_s}},
                                                 {u"qtype"_s, {u"eq"_s}},
                                                 {u"created"_s, {u"eq"_s, u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s}},
                                                 {u"updated"_s, {u"eq"_s, u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    Paging paging(ctx, PagingStyle::Page, {32, 100, 1});
    if (const auto pagingError = paging.error())
        return ctx.error(*pagingError);
    const QString spaceId = ctx.query(u"spaceId"_s);

    QList<const DataConnection *> matches;
    for (const DataConnection &connection : ctx.tenant()->dataConnections) {
        if (!canSee(ctx, connection))
            continue;
        if (!userId.isEmpty() && connection.ownerId != userId)
            continue;
        if (ownedByMe.value_or(false) && connection.ownerId != ctx.callerUserId())
            continue;
        if (!spaceId.isEmpty() && connection.spaceId != spaceId)
            continue;
        // personal is ignored when spaceId is given (spec).
        if (spaceId.isEmpty() && personal && connection.spaceId.isEmpty() != *personal)
            continue;
        if (!filter.matches([&connection](const QString &attribute) { return filterValues(connection, attribute); }))
            continue;
        matches.append(&connection);
    }
    QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"+qName"_s;
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (!QStringList{u"qName"_s, u"qType"_s, u"created"_s, u"updated"_s}.contains(sort))
        return ctx.error(ApiError::badRequest(u"Unknown sort field '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    const auto key = [&sort](const DataConnection *c) -> QString {
        const QString value = sort == "qType"_L1 ? c->type
            : sort == "created"_L1               ? SandboxClock::iso(c->createdAt)
            : sort == "updated"_L1               ? SandboxClock::iso(c->updatedAt)
                                                 : c->name.toLower();
        return value + u'\n' + c->id;
    };
    std::stable_sort(matches.begin(), matches.end(), [&](const DataConnection *a, const DataConnection *b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    QStringList ids;
    for (const DataConnection *connection : std::as_const(matches))
        ids.append(connection->id);
    const Page page = paging.select(ids);
    if (const auto pagingError = paging.error())
        return ctx.error(*pagingError);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(toJson(ctx, *matches.at(i)));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

DataConnection *findConnection(RequestContext &ctx, std::optional<HttpResponse> *refusal)
{
    const QString id = ctx.param(u"qID"_s);
    DataConnection *connection = ctx.tenant()->dataConnections.find(id);
    if (!connection || !canSee(ctx, *connection)) {
        *refusal = ctx.error(ApiError::notFound(u"No data connection '%1'."_s.arg(id)));
        return nullptr;
    }
    return connection;
}

HttpResponse get(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const DataConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    return HttpResponse::json(200, toJson(ctx, *connection));
}

HttpResponse patch(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    DataConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    if (!canEdit(ctx, *connection))
        return ctx.error(ApiError::forbidden(u"You may not change the data connection '%1'."_s.arg(connection->id)));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QJsonArray operations = fields.array(u"patchData"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (operations.isEmpty())
        return ctx.error(
            ApiError::badRequest(u"'patchData' needs at least one operation."_s).withPointer(u"/patchData"_s));
    DataConnection updated = *connection;
    QJsonArray changed;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        BodyFields op(operations.at(i).toObject(), u"/patchData/%1"_s.arg(i));
        const QString kind = op.oneOf(u"op"_s, {u"add"_s, u"replace"_s, u"remove"_s}, BodyFields::Required);
        const QString path
            = op.oneOf(u"path"_s, {u"/qName"_s, u"/qConnectStatement"_s, u"/space"_s}, BodyFields::Required);
        const QString value = kind == "remove"_L1 ? QString() : op.string(u"value"_s, BodyFields::Required);
        if (!op.error() && kind == "remove"_L1 && path != "/space"_L1)
            op.fail(u"op"_s, u"Only /space can be removed (it makes the connection personal)."_s);
        if (const auto error = op.error())
            return ctx.error(*error);
        if (path == "/qName"_L1) {
            updated.name = value;
        } else if (path == "/qConnectStatement"_L1) {
            updated.connectionString = value;
        } else {
            if (!value.isEmpty() && !ctx.tenant()->spaces.contains(value))
                return ctx.error(
                    ApiError::badRequest(u"No space '%1'."_s.arg(value)).withPointer(u"/patchData/%1/value"_s.arg(i)));
            updated.spaceId = value;
        }
        changed.append(path);
    }
    if (nameTaken(*ctx.tenant(), *connection, updated.name, updated.spaceId, updated.ownerId))
        return ctx.error(ApiError::conflict(u"A data connection named '%1' already exists there."_s.arg(updated.name)));
    updated.updatedAt = ctx.clock().now();
    *connection = updated;
    ctx.audit(u"com.qlik.v1.data-connection.updated"_s, kSource, {{u"id"_s, connection->id}, {u"updates"_s, changed}},
              {connection->id, connection->ownerId, connection->spaceId});
    return HttpResponse::empty(204);
}

// FACTS §11.2 / spec: 204; 403 without edit rights; 404 unknown (or not visible).
HttpResponse remove(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const DataConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    if (!canEdit(ctx, *connection))
        return ctx.error(ApiError::forbidden(u"You may not delete the data connection '%1'."_s.arg(connection->id)));
    const QString id = connection->id;
    ctx.audit(u"com.qlik.v1.data-connection.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, connection->name}},
              {id, connection->ownerId, connection->spaceId});
    ctx.tenant()->dataConnections.remove(id);
    return HttpResponse::empty(204);
}

// One entry of /actions/update; its status (and error) for the 207.
QJsonObject updateOne(RequestContext &ctx, const QJsonObject &request, qsizetype index)
{
    const QString pointer = u"/connections/%1"_s.arg(index);
    BodyFields fields(request, pointer);
    const QString id = fields.string(u"id"_s, BodyFields::Required);
    const bool hasName = fields.has(u"name"_s);
    const QString name = fields.string(u"name"_s);
    const bool hasOwner = fields.has(u"ownerId"_s);
    const QString ownerId = fields.string(u"ownerId"_s);
    const bool hasSpace = fields.has(u"spaceId"_s);
    const QString spaceId = fields.string(u"spaceId"_s);
    const QString spaceType = fields.oneOf(u"spaceType"_s, {u"personal"_s, u"shared"_s, u"managed"_s, u"data"_s});
    const auto failed = [&id](const ApiError &error) {
        return QJsonObject{{u"id"_s, id}, {u"status"_s, error.status()}, {u"error"_s, error.item()}};
    };
    if (const auto error = fields.error())
        return failed(*error);
    Tenant &tenant = *ctx.tenant();
    DataConnection *connection = tenant.dataConnections.find(id);
    if (!connection)
        return failed(ApiError::notFound(u"No data connection '%1'."_s.arg(id)));
    if (hasOwner && !tenant.users.find(ownerId))
        return failed(ApiError::badRequest(u"No user '%1'."_s.arg(ownerId)).withPointer(pointer + u"/ownerId"_s));
    if (hasSpace && !spaceId.isEmpty()) {
        const Space *space = tenant.spaces.find(spaceId);
        if (!space)
            return failed(ApiError::badRequest(u"No space '%1'."_s.arg(spaceId)).withPointer(pointer + u"/spaceId"_s));
        if (!spaceType.isEmpty() && spaceType != space->type)
            return failed(ApiError::badRequest(u"The space '%1' is %2, not %3."_s.arg(spaceId, space->type, spaceType))
                              .withPointer(pointer + u"/spaceType"_s));
    }
    if (hasName && name.trimmed().isEmpty())
        return failed(ApiError::badRequest(u"'name' must not be empty."_s).withPointer(pointer + u"/name"_s));
    const QString newName = hasName ? name : connection->name;
    const QString newSpace = hasSpace ? spaceId : connection->spaceId;
    const QString newOwner = hasOwner ? ownerId : connection->ownerId;
    if (nameTaken(tenant, *connection, newName, newSpace, newOwner))
        return failed(ApiError::conflict(u"A data connection named '%1' already exists there."_s.arg(newName)));
    const QString previousOwner = connection->ownerId;
    connection->name = newName;
    connection->spaceId = newSpace;
    connection->ownerId = newOwner;
    connection->updatedAt = ctx.clock().now();
    ctx.audit(
        u"com.qlik.v1.data-connection.updated"_s, kSource,
        {{u"id"_s, id}, {u"ownerId"_s, newOwner}, {u"previousOwnerId"_s, previousOwner}, {u"spaceId"_s, newSpace}},
        {id, newOwner, newSpace});
    return {{u"id"_s, id}, {u"status"_s, 204}};
}

HttpResponse bulkUpdate(RequestContext &ctx)
{
    if (!isAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Bulk updates of data connections are for admins."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QJsonArray connections = fields.array(u"connections"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    QJsonArray results;
    for (qsizetype i = 0; i < connections.size(); ++i) {
        if (!connections.at(i).isObject()) {
            const ApiError error = ApiError::badRequest(u"Each connection must be an object."_s)
                                       .withPointer(u"/connections/%1"_s.arg(i));
            results.append(QJsonObject{{u"id"_s, QString()}, {u"status"_s, 400}, {u"error"_s, error.item()}});
            continue;
        }
        results.append(updateOne(ctx, connections.at(i).toObject(), i));
    }
    return HttpResponse::json(207, QJsonObject{{u"data"_s, results}});
}

} // namespace

void DataConnectionsApi::addRoutes(Router &router)
{
    const auto add = [&router](QByteArrayView method, const QString &path, RouteHandler handler) {
        router.add(HostKind::Tenant, method, path, std::move(handler)).errors(ErrorStyle::DataConnections);
    };
    add("GET", u"/v1/data-connections"_s, list);
    add("POST", u"/v1/data-connections/actions/update"_s, bulkUpdate);
    add("GET", u"/v1/data-connections/{qID}"_s, get);
    add("PATCH", u"/v1/data-connections/{qID}"_s, patch);
    add("DELETE", u"/v1/data-connections/{qID}"_s, remove);
}

} // namespace Sandbox
