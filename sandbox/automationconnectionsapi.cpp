#include "sandbox/automationconnectionsapi.h"

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

const QString kSource = u"com.qlik/automation-connections"_s;

bool isAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

QJsonObject toJson(const AutomationConnection &connection, bool detail)
{
    QJsonObject json{{u"id"_s, connection.id},
                     {u"name"_s, connection.name},
                     {u"connectorId"_s, connection.connectorId},
                     {u"ownerId"_s, connection.ownerId},
                     {u"isConnected"_s, true},
                     {u"createdAt"_s, SandboxClock::iso(connection.createdAt)},
                     {u"updatedAt"_s, SandboxClock::iso(connection.updatedAt)}};
    if (!connection.spaceId.isEmpty())
        json.insert(u"spaceId"_s, connection.spaceId);
    if (detail)
        json.insert(u"params"_s, QJsonArray());
    return json;
}

// The connection of the path if the caller owns it or is TenantAdmin; otherwise the answer.
AutomationConnection *findConnection(RequestContext &ctx, std::optional<HttpResponse> *refusal)
{
    const QString id = ctx.param(u"id"_s);
    AutomationConnection *connection = ctx.tenant()->automationConnections.find(id);
    if (!connection) {
        *refusal = ctx.error(ApiError::notFound(u"No automation connection '%1'."_s.arg(id)));
        return nullptr;
    }
    if (connection->ownerId != ctx.callerUserId() && !isAdmin(ctx)) {
        *refusal = ctx.error(ApiError::forbidden(u"The automation connection '%1' belongs to another user."_s.arg(id)));
        return nullptr;
    }
    return connection;
}

QStringList filterValues(const AutomationConnection &connection, const QString &attribute)
{
    if (attribute == "name"_L1)
        return {connection.name};
    if (attribute == "connectorid"_L1)
        return {connection.connectorId};
    if (attribute == "ownerid"_L1)
        return {connection.ownerId};
    if (attribute == "spaceid"_L1)
        return {connection.spaceId};
    return {};
}

HttpResponse list(RequestContext &ctx)
{
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"name"_s, {u"eq"_s, u"co"_s}},
                                                 {u"connectorid"_s, {u"eq"_s}},
                                                 {u"ownerid"_s, {u"eq"_s}},
                                                 {u"spaceid"_s, {u"eq"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    const QString listAll = ctx.query(u"listAll"_s);
    if (!listAll.isEmpty() && listAll != "true"_L1 && listAll != "false"_L1)
        return ctx.error(ApiError::badRequest(u"'listAll' must be true or false."_s).withParameter(u"listAll"_s));
    if (listAll == "true"_L1 && !isAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"'listAll' is for TenantAdmins and AnalyticsAdmins."_s));
    Paging paging(ctx, PagingStyle::CursorParam, {100, 200, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);

    QList<const AutomationConnection *> matches;
    for (const AutomationConnection &connection : ctx.tenant()->automationConnections) {
        if (listAll != "true"_L1 && connection.ownerId != ctx.callerUserId())
            continue;
        if (filter.matches([&connection](const QString &attribute) { return filterValues(connection, attribute); }))
            matches.append(&connection);
    }
    QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"id"_s;
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (!QStringList{u"id"_s, u"name"_s, u"createdAt"_s, u"updatedAt"_s}.contains(sort))
        return ctx.error(
            ApiError::badRequest(u"Unknown sort '%1'."_s.arg(ctx.query(u"sort"_s))).withParameter(u"sort"_s));
    const auto key = [&sort](const AutomationConnection *c) -> QString {
        if (sort == "name"_L1)
            return c->name.toLower() + u'\n' + c->id;
        if (sort == "createdAt"_L1)
            return SandboxClock::iso(c->createdAt) + u'\n' + c->id;
        if (sort == "updatedAt"_L1)
            return SandboxClock::iso(c->updatedAt) + u'\n' + c->id;
        return c->id;
    };
    std::stable_sort(matches.begin(), matches.end(), [&](const AutomationConnection *a, const AutomationConnection *b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    QStringList ids;
    for (const AutomationConnection *connection : std::as_const(matches))
        ids.append(connection->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(toJson(*matches.at(i), false));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse get(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const AutomationConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    return HttpResponse::json(200, toJson(*connection, true));
}

HttpResponse remove(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const AutomationConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    ctx.audit(u"com.qlik.v1.automation-connection.deleted"_s, kSource,
              {{u"id"_s, connection->id}, {u"name"_s, connection->name}},
              {connection->id, connection->ownerId, connection->spaceId});
    ctx.tenant()->automationConnections.remove(connection->id);
    return HttpResponse::empty(204);
}

HttpResponse changeOwner(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    AutomationConnection *connection = findConnection(ctx, &refusal);
    if (!connection)
        return *refusal;
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString userId = fields.string(u"userId"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (!ctx.tenant()->users.find(userId))
        return ctx.error(
            ApiError::badRequest(u"No user '%1' to own the connection."_s.arg(userId)).withPointer(u"/userId"_s));
    const QString previous = connection->ownerId;
    connection->ownerId = userId;
    connection->updatedAt = ctx.clock().now();
    ctx.audit(u"com.qlik.v1.automation-connection.owner.changed"_s, kSource,
              {{u"id"_s, connection->id}, {u"ownerId"_s, userId}, {u"previousOwnerId"_s, previous}},
              {connection->id, connection->ownerId, connection->spaceId});
    return HttpResponse::empty(204);
}

} // namespace

void AutomationConnectionsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/automation-connections"_s, list);
    router.add(HostKind::Tenant, "GET", u"/v1/automation-connections/{id}"_s, get);
    router.add(HostKind::Tenant, "DELETE", u"/v1/automation-connections/{id}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/automation-connections/{id}/actions/change-owner"_s, changeOwner);
}

} // namespace Sandbox
