#include "sandbox/reloadsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/appaccess.h"
#include "sandbox/bodyfields.h"
#include "sandbox/contenttimings.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/reloadfailures.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/sandboxservices.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/reloads"_s;
constexpr double kCancelSeconds = 1; // how long CANCELING lasts at most

bool isFinal(const QString &status)
{
    return status == "SUCCEEDED"_L1 || status == "FAILED"_L1 || status == "CANCELED"_L1
        || status == "EXCEEDED_LIMIT"_L1;
}

bool isPending(const Reload &reload)
{
    return !isFinal(reload.status);
}

ApiError notAllowed(const QString &detail)
{
    return ApiError(403, u"RELOADS-003"_s, u"Forbidden"_s, detail);
}

QJsonObject toJson(const RequestContext &ctx, const Reload &reload, bool withLog)
{
    QJsonObject json{
        {u"id"_s, reload.id},
        {u"appId"_s, reload.appId},
        {u"tenantId"_s, ctx.tenant()->id},
        {u"userId"_s, reload.userId},
        {u"type"_s, reload.type},
        {u"status"_s, reload.status},
        {u"partial"_s, reload.partial},
        {u"creationTime"_s, SandboxClock::iso(reload.creationTime)},
        {u"links"_s,
         QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/reloads/"_s + reload.id)}}}}}};
    // Planned times show once they have happened.
    const bool started
        = reload.status != "QUEUED"_L1 && reload.startTime.isValid() && reload.startTime <= reload.endTime;
    if (started)
        json.insert(u"startTime"_s, SandboxClock::iso(reload.startTime));
    if (isFinal(reload.status)) {
        json.insert(u"endTime"_s, SandboxClock::iso(reload.endTime));
        // The spec: the engine's time "upon successful reload".
        if (started && reload.status == "SUCCEEDED"_L1) {
            const qint64 ms = reload.startTime.msecsTo(reload.endTime);
            json.insert(u"engineTime"_s, u"PT%1.%2S"_s.arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0')));
        }
    }
    // A pending reload may carry the failure it is planned to end with: shown once it has.
    if (reload.status == "FAILED"_L1) {
        json.insert(u"errorCode"_s, reload.errorCode);
        json.insert(u"errorMessage"_s, reload.errorMessage);
    }
    if (withLog)
        json.insert(u"log"_s, reload.log);
    return json;
}

// The caller may see reloads of apps it can read (TenantAdmin sees all).
bool canSee(const RequestContext &ctx, const QString &appId)
{
    const User *user = ctx.caller().user;
    if (!user)
        return false;
    if (AccessControl::isTenantAdmin(*ctx.tenant(), *user))
        return true;
    const App *app = ctx.tenant()->apps.find(appId);
    return app && AppAccess(*ctx.tenant(), *app, user, ctx.clock().now()).canRead();
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString appId = fields.string(u"appId"_s, BodyFields::Required);
    const bool partial = fields.boolean(u"partial"_s).value_or(false);
    if (const auto error = fields.error())
        return ctx.error(*error);
    App *app = tenant.apps.find(appId);
    if (!app)
        return ctx.error(ApiError::notFound(u"No app '%1' to reload."_s.arg(appId)).withPointer(u"/appId"_s));
    if (!AppAccess(tenant, *app, ctx.caller().user, ctx.clock().now()).canUpdate())
        return ctx.error(notAllowed(u"You may not reload the app '%1'."_s.arg(appId)));
    for (const Reload &other : tenant.reloads) {
        if (other.appId == appId && isPending(other)) {
            // FACTS §10.5, §18.8: 429 here means "a reload is already pending", not a rate limit.
            return ctx.error(
                ApiError(429, u"HTTP-429"_s, u"Too Many Requests"_s,
                         u"A reload request is already pending for the app '%1' (reload %2)."_s.arg(appId, other.id)));
        }
    }
    const SandboxOptions &options = ctx.services().options;
    Reload reload;
    reload.id = ctx.state().ids().objectId();
    reload.appId = appId;
    reload.userId = ctx.callerUserId();
    reload.partial = partial;
    reload.creationTime = ctx.clock().now();
    reload.startTime = ContentTimings::after(ctx.services(), options.reloadQueuedSeconds);
    reload.endTime = ContentTimings::after(ctx.services(), reload.startTime, options.reloadRunSeconds);
    reload.log = u"Reload queued for %1\n"_s.arg(app->name);
    // PUT /__sandbox/reload-failures: this one will end FAILED; settle() acts on the plan.
    if (const auto failure = ctx.services().reloadFailures.take(appId)) {
        reload.errorCode = failure->errorCode;
        reload.errorMessage = failure->errorMessage;
    }
    const Reload &stored = tenant.reloads.insert(reload);
    ctx.audit(u"com.qlik.v1.reload.created"_s, kSource,
              {{u"id"_s, stored.id}, {u"appId"_s, appId}, {u"partial"_s, partial}},
              {appId, app->ownerId, app->spaceId});
    return HttpResponse::json(201, toJson(ctx, stored, false));
}

HttpResponse get(RequestContext &ctx)
{
    const QString id = ctx.param(u"reloadId"_s);
    const Reload *reload = ctx.tenant()->reloads.find(id);
    if (!reload)
        return ctx.error(ApiError::notFound(u"No reload '%1'."_s.arg(id)));
    if (!canSee(ctx, reload->appId))
        return ctx.error(notAllowed(u"You may not see reloads of the app '%1'."_s.arg(reload->appId)));
    return HttpResponse::json(200, toJson(ctx, *reload, true));
}

QStringList filterValues(const Reload &reload, const QString &attribute)
{
    if (attribute == "status"_L1)
        return {reload.status};
    if (attribute == "partial"_L1)
        return {reload.partial ? u"true"_s : u"false"_s};
    if (attribute == "type"_L1)
        return {reload.type};
    return {};
}

HttpResponse list(RequestContext &ctx)
{
    const Tenant &tenant = *ctx.tenant();
    const User *user = ctx.caller().user;
    const bool admin = user && AccessControl::isTenantAdmin(tenant, *user);
    const QString appId = ctx.query(u"appId"_s);
    if (appId.isEmpty() && !admin)
        return ctx.error(
            ApiError::badRequest(u"'appId' is required unless you are a TenantAdmin."_s).withParameter(u"appId"_s));
    if (!appId.isEmpty() && !canSee(ctx, appId))
        return ctx.error(notAllowed(u"You may not see reloads of the app '%1'."_s.arg(appId)));
    const ScimFilter filter = ScimFilter::parse(
        ctx.query(u"filter"_s), {{u"status"_s, {u"eq"_s}}, {u"partial"_s, {u"eq"_s}}, {u"type"_s, {u"eq"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    std::optional<bool> partial;
    if (ctx.hasQuery(u"partial"_s)) {
        const QString text = ctx.query(u"partial"_s);
        if (text != "true"_L1 && text != "false"_L1)
            return ctx.error(ApiError::badRequest(u"'partial' must be true or false."_s).withParameter(u"partial"_s));
        partial = text == "true"_L1;
    }
    const QString log = ctx.query(u"log"_s);
    if (!log.isEmpty() && log != "true"_L1 && log != "false"_L1)
        return ctx.error(ApiError::badRequest(u"'log' must be true or false."_s).withParameter(u"log"_s));
    Paging paging(ctx, PagingStyle::NextPrev, {10, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);

    QList<const Reload *> matches;
    for (const Reload &reload : tenant.reloads) {
        if (!appId.isEmpty() && reload.appId != appId)
            continue;
        if (partial && reload.partial != *partial)
            continue;
        if (!filter.matches([&reload](const QString &attribute) { return filterValues(reload, attribute); }))
            continue;
        matches.append(&reload);
    }
    // Newest first.
    std::stable_sort(matches.begin(), matches.end(), [](const Reload *a, const Reload *b) {
        return a->creationTime != b->creationTime ? b->creationTime < a->creationTime : b->id < a->id;
    });
    QStringList ids;
    for (const Reload *reload : std::as_const(matches))
        ids.append(reload->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(toJson(ctx, *matches.at(i), log == "true"_L1));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse cancel(RequestContext &ctx)
{
    const QString id = ctx.param(u"reloadId"_s);
    Reload *reload = ctx.tenant()->reloads.find(id);
    if (!reload)
        return ctx.error(ApiError::notFound(u"No reload '%1'."_s.arg(id)));
    const App *app = ctx.tenant()->apps.find(reload->appId);
    const bool allowed = reload->userId == ctx.callerUserId()
        || (app && AppAccess(*ctx.tenant(), *app, ctx.caller().user, ctx.clock().now()).canUpdate())
        || (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user));
    if (!allowed)
        return ctx.error(notAllowed(u"You may not cancel the reload '%1'."_s.arg(id)));
    if (isFinal(reload->status))
        return ctx.error(
            ApiError::conflict(u"The reload '%1' is %2 and cannot be cancelled."_s.arg(id, reload->status)));
    const QDateTime now = ctx.clock().now();
    const AuditTarget target{reload->appId, app ? app->ownerId : QString(), app ? app->spaceId : QString()};
    if (reload->status == "QUEUED"_L1) {
        reload->status = u"CANCELED"_s;
        reload->startTime = QDateTime();
        reload->endTime = now;
        reload->log += u"Reload cancelled before it started\n"_s;
        ctx.audit(u"com.qlik.v1.reload.cancelled"_s, kSource, {{u"id"_s, id}, {u"appId"_s, reload->appId}}, target);
        return HttpResponse::empty(204);
    }
    if (reload->status == "RELOADING"_L1) {
        reload->status = u"CANCELING"_s;
        reload->endTime = std::min(reload->endTime, ContentTimings::after(ctx.services(), kCancelSeconds));
        reload->log += u"Cancel requested\n"_s;
        ctx.audit(u"com.qlik.v1.reload.cancel-requested"_s, kSource, {{u"id"_s, id}, {u"appId"_s, reload->appId}},
                  target);
    }
    return HttpResponse::empty(202);
}

} // namespace

void ReloadsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/reloads"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/reloads"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/reloads/{reloadId}"_s, get);
    router.add(HostKind::Tenant, "POST", u"/v1/reloads/{reloadId}/actions/cancel"_s, cancel);
}

void ReloadsApi::settle(Tenant &tenant, const QDateTime &now)
{
    for (Reload &reload : tenant.reloads) {
        if (isFinal(reload.status))
            continue;
        if (reload.status == "QUEUED"_L1 && now >= reload.startTime) {
            reload.status = u"RELOADING"_s;
            reload.log += u"Reload started\n"_s;
        }
        if (reload.status == "CANCELING"_L1 && now >= reload.endTime) {
            reload.status = u"CANCELED"_s;
            reload.log += u"Reload cancelled\n"_s;
        }
        if (reload.status == "RELOADING"_L1 && now >= reload.endTime) {
            App *app = tenant.apps.find(reload.appId);
            if (!app) {
                reload.status = u"FAILED"_s;
                reload.errorCode = u"RELOADS-404"_s;
                reload.errorMessage = u"The app was deleted during the reload."_s;
                reload.log += u"App not found\n"_s;
                continue;
            }
            if (!reload.errorCode.isEmpty()) {
                // FACTS §10.5: a final FAILED; the app keeps its last successful reload time.
                reload.status = u"FAILED"_s;
                reload.log += u"Error: %1\nReload failed\n"_s.arg(reload.errorMessage);
                continue;
            }
            reload.status = u"SUCCEEDED"_s;
            reload.log += u"Data has been loaded.\nApp saved\n"_s;
            app->lastReloadTime = reload.endTime;
        }
    }
}

} // namespace Sandbox
