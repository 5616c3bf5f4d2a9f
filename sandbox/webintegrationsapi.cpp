#include "sandbox/webintegrationsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/web-integrations"_s;

// The spec's error codes for this service (POST/PATCH /v1/web-integrations examples).
ApiError badBody()
{
    return ApiError(400, u"BAD_REQUEST"_s, u"Bad Request"_s, u"Error parsing request body"_s);
}

ApiError invalidProperty(const QString &pointer, const QString &detail)
{
    return ApiError(400, u"WEBINTEGRATIONS-6"_s, u"Invalid property value"_s, detail).withPointer(pointer);
}

ApiError invalidPatch(const QString &detail)
{
    return ApiError(400, u"WEBINTEGRATIONS-4"_s, u"Invalid PATCH request"_s, detail);
}

ApiError notFound(const QString &id)
{
    return ApiError(404, u"WEBINTEGRATIONS_NOT_FOUND"_s, u"Not found"_s, u"No web integration '%1'."_s.arg(id));
}

bool callerIsAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

ApiError forbidden()
{
    return ApiError(403, u"WEBINTEGRATIONS_FORBIDDEN"_s, u"Forbidden"_s,
                    u"Managing web integrations needs the TenantAdmin role."_s);
}

// A browser origin: http(s)://host[:port], nothing after it (the Origin header's form).
bool isOrigin(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1) && !url.host().isEmpty()
        && url.userInfo().isEmpty() && (url.path().isEmpty() || url.path() == "/"_L1) && !url.hasQuery()
        && !url.hasFragment();
}

std::optional<ApiError> readOrigins(const QJsonValue &value, const QString &pointer, QStringList &origins)
{
    // The spec types the PATCH value as a string; a lone origin string is taken as a list of one.
    const QJsonArray items = value.isString() ? QJsonArray{value} : value.toArray();
    if (!value.isArray() && !value.isString())
        return invalidProperty(pointer, u"'validOrigins' must be an array of origins."_s);
    QStringList result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString origin = items.at(i).toString();
        if (!items.at(i).isString() || !isOrigin(origin)) {
            return invalidProperty(value.isArray() ? pointer + u'/' + QString::number(i) : pointer,
                                   u"'%1' is not an origin such as https://app.example.com (scheme, host and "
                                   "optional port only)."_s.arg(origin));
        }
        result.append(origin.endsWith(u'/') ? origin.chopped(1) : origin);
    }
    origins = result;
    return std::nullopt;
}

HttpResponse list(RequestContext &ctx)
{
    const QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"+name"_s;
    if (sort != "name"_L1 && sort != "+name"_L1 && sort != "-name"_L1)
        return ctx.error(ApiError::badRequest(u"'sort' must be name, +name or -name."_s).withParameter(u"sort"_s));
    Paging paging(ctx, PagingStyle::IdAnchors, {10, 100, 0});
    if (const auto error = paging.error())
        return ctx.error(*error);
    Tenant &tenant = *ctx.tenant();
    QList<const WebIntegration *> matches;
    if (!ctx.hasQuery(u"tenantId"_s) || ctx.query(u"tenantId"_s) == tenant.id) {
        for (const WebIntegration &integration : tenant.webIntegrations)
            matches.append(&integration);
    }
    const bool descending = sort == "-name"_L1;
    std::stable_sort(matches.begin(), matches.end(), [descending](const WebIntegration *a, const WebIntegration *b) {
        const int order = a->name.compare(b->name, Qt::CaseInsensitive);
        if (order == 0)
            return a->id < b->id;
        return descending ? order > 0 : order < 0;
    });
    QStringList ids;
    for (const WebIntegration *integration : std::as_const(matches))
        ids.append(integration->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        QJsonObject json = WebIntegrationsApi::toJson(ctx, tenant, *matches.at(i));
        json.remove(u"links"_s); // list entries are WebIntegration, without links
        data.append(json);
    }
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    if (!callerIsAdmin(ctx))
        return ctx.error(forbidden());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(ctx.request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ctx.error(badBody());
    const QJsonObject body = document.object();
    const QJsonValue name = body.value(u"name"_s);
    if (name.isUndefined() || name.isNull() || (name.isString() && name.toString().trimmed().isEmpty())) {
        return ctx.error(ApiError(400, u"WEBINTEGRATIONS-5"_s, u"Missing required fields"_s, u"'name' is required."_s)
                             .withMeta({{u"requiredFields"_s, QJsonArray{u"name"_s}}}));
    }
    if (!name.isString())
        return ctx.error(invalidProperty(u"/name"_s, u"'name' must be a string."_s));
    WebIntegration integration;
    integration.name = name.toString();
    if (body.contains(u"validOrigins"_s) && !body.value(u"validOrigins"_s).isNull()) {
        if (!body.value(u"validOrigins"_s).isArray())
            return ctx.error(invalidProperty(u"/validOrigins"_s, u"'validOrigins' must be an array of origins."_s));
        if (auto error = readOrigins(body.value(u"validOrigins"_s), u"/validOrigins"_s, integration.validOrigins))
            return ctx.error(*error);
    }
    integration.id = ctx.state().ids().alphanumeric(32);
    integration.createdBy = ctx.callerUserId();
    integration.created = ctx.clock().now();
    integration.lastUpdated = integration.created;
    const WebIntegration &stored = ctx.tenant()->webIntegrations.insert(integration);
    ctx.audit(u"com.qlik.v1.web-integration.created"_s, kSource,
              {{u"id"_s, stored.id},
               {u"name"_s, stored.name},
               {u"validOrigins"_s, QJsonArray::fromStringList(stored.validOrigins)}},
              {stored.id, {}, {}});
    return HttpResponse::json(201, WebIntegrationsApi::toJson(ctx, *ctx.tenant(), stored));
}

HttpResponse get(RequestContext &ctx)
{
    const WebIntegration *integration = ctx.tenant()->webIntegrations.find(ctx.param(u"id"_s));
    if (!integration)
        return ctx.error(notFound(ctx.param(u"id"_s)));
    QJsonObject json = WebIntegrationsApi::toJson(ctx, *ctx.tenant(), *integration);
    json.remove(u"links"_s);
    return HttpResponse::json(200, json);
}

HttpResponse patch(RequestContext &ctx)
{
    WebIntegration *integration = ctx.tenant()->webIntegrations.find(ctx.param(u"id"_s));
    if (!integration)
        return ctx.error(notFound(ctx.param(u"id"_s)));
    if (!callerIsAdmin(ctx))
        return ctx.error(forbidden());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(ctx.request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return ctx.error(badBody());
    const JsonPatch::Parsed parsed = JsonPatch::parse(
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), {u"replace"_s});
    if (parsed.error)
        return ctx.error(invalidPatch(parsed.error->detail()));
    WebIntegration updated = *integration;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        const QString pointer = u"/%1/value"_s.arg(op.index);
        if (op.path == "/name"_L1) {
            if (!op.value.isString() || op.value.toString().trimmed().isEmpty())
                return ctx.error(invalidProperty(pointer, u"'/name' needs a non-empty string."_s));
            updated.name = op.value.toString();
        } else if (op.path == "/validOrigins"_L1) {
            if (auto error = readOrigins(op.value, pointer, updated.validOrigins))
                return ctx.error(*error);
        } else {
            return ctx.error(invalidPatch(u"'%1' cannot be patched; use /name or /validOrigins."_s.arg(op.path)));
        }
        changed.append(op.path);
    }
    updated.lastUpdated = ctx.clock().now();
    *integration = updated;
    ctx.audit(u"com.qlik.v1.web-integration.updated"_s, kSource, {{u"id"_s, integration->id}, {u"updates"_s, changed}},
              {integration->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    const WebIntegration *integration = ctx.tenant()->webIntegrations.find(ctx.param(u"id"_s));
    if (!integration)
        return ctx.error(notFound(ctx.param(u"id"_s)));
    if (!callerIsAdmin(ctx))
        return ctx.error(forbidden());
    const QString id = integration->id;
    ctx.audit(u"com.qlik.v1.web-integration.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, integration->name}},
              {id, {}, {}});
    ctx.tenant()->webIntegrations.remove(id);
    return HttpResponse::empty(204);
}

} // namespace

void WebIntegrationsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/web-integrations"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/web-integrations"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/web-integrations/{id}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/web-integrations/{id}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/web-integrations/{id}"_s, remove);
}

QJsonObject WebIntegrationsApi::toJson(const RequestContext &ctx, const Tenant &tenant,
                                       const WebIntegration &integration)
{
    return {
        {u"id"_s, integration.id},
        {u"name"_s, integration.name},
        {u"validOrigins"_s, QJsonArray::fromStringList(integration.validOrigins)},
        {u"tenantId"_s, tenant.id},
        {u"created"_s, SandboxClock::iso(integration.created)},
        {u"createdBy"_s, integration.createdBy},
        {u"lastUpdated"_s, SandboxClock::iso(integration.lastUpdated)},
        {u"links"_s,
         QJsonObject{
             {u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/web-integrations/"_s + integration.id)}}}}}};
}

} // namespace Sandbox
