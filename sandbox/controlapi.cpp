#include "sandbox/controlapi.h"

#include "sandbox/backgroundwork.h"
#include "sandbox/entities.h"
#include "sandbox/faultinjector.h"
#include "sandbox/ratelimiter.h"
#include "sandbox/reloadfailures.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/statedump.h"
#include "sandbox/tokenauthority.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

HttpResponse badRequest(const QString &detail)
{
    return ApiError::badRequest(detail).response(ErrorStyle::Standard);
}

HttpResponse state(RequestContext &ctx)
{
    StateDump::Options options;
    options.tenant = ctx.query(u"tenant"_s);
    options.withContent = ctx.query(u"content"_s) != "false"_L1;
    // Reloads and automation runs the clock has finished show as finished.
    const QDateTime now = ctx.clock().now();
    for (const Tenant &tenant : ctx.state().tenants()) {
        if (Tenant *settled = ctx.state().tenant(tenant.id))
            BackgroundWork::settle(*settled, now);
    }
    return HttpResponse::json(200, StateDump::dump(ctx.state(), options));
}

QJsonObject settingsJson(const RequestContext &ctx)
{
    const SandboxOptions &options = ctx.services().options;
    return {{u"latencyMs"_s, options.latencyMs},
            {u"jitterMs"_s, options.jitterMs},
            {u"tokenTtlSeconds"_s, ctx.services().authority.tokenTtl()},
            {u"timeScale"_s, ctx.clock().timeScale()},
            {u"publishVisibilitySeconds"_s, options.publishVisibilitySeconds},
            {u"spaceReadySeconds"_s, options.spaceReadySeconds},
            {u"maxUploadBytes"_s, static_cast<double>(options.maxUploadBytes)},
            {u"reloadQueuedSeconds"_s, options.reloadQueuedSeconds},
            {u"reloadRunSeconds"_s, options.reloadRunSeconds},
            {u"automationRunSeconds"_s, options.automationRunSeconds},
            {u"now"_s, SandboxClock::iso(ctx.clock().now())},
            {u"advancedSeconds"_s, static_cast<double>(ctx.clock().advancedMs()) / 1000.0}};
}

HttpResponse getSettings(RequestContext &ctx)
{
    return HttpResponse::json(200, settingsJson(ctx));
}

// {"latencyMs","jitterMs","tokenTtlSeconds","timeScale", and the content timings of
// SandboxOptions}: any subset.
HttpResponse putSettings(RequestContext &ctx)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    const auto number = [&body](const QString &key, double minimum, double maximum, double *out) -> QString {
        if (!body.contains(key))
            return {};
        const QJsonValue value = body.value(key);
        if (!value.isDouble() || value.toDouble() < minimum || value.toDouble() > maximum)
            return u"'%1' must be a number from %2 to %3"_s.arg(key).arg(minimum).arg(maximum);
        *out = value.toDouble();
        return {};
    };
    SandboxOptions &options = ctx.services().options;
    double latency = options.latencyMs;
    double jitter = options.jitterMs;
    double ttl = ctx.services().authority.tokenTtl();
    double scale = ctx.clock().timeScale();
    double visibility = options.publishVisibilitySeconds;
    double spaceReady = options.spaceReadySeconds;
    double maxUpload = static_cast<double>(options.maxUploadBytes);
    double reloadQueued = options.reloadQueuedSeconds;
    double reloadRun = options.reloadRunSeconds;
    double automationRun = options.automationRunSeconds;
    constexpr double kDay = 86400;
    for (const QString &error :
         {number(u"latencyMs"_s, 0, 600000, &latency), number(u"jitterMs"_s, 0, 600000, &jitter),
          number(u"tokenTtlSeconds"_s, 1, 31536000, &ttl), number(u"timeScale"_s, 0.001, 1000000, &scale),
          number(u"publishVisibilitySeconds"_s, 0, kDay, &visibility),
          number(u"spaceReadySeconds"_s, 0, kDay, &spaceReady),
          number(u"maxUploadBytes"_s, 1, 1024.0 * 1024 * 1024, &maxUpload),
          number(u"reloadQueuedSeconds"_s, 0, kDay, &reloadQueued), number(u"reloadRunSeconds"_s, 0, kDay, &reloadRun),
          number(u"automationRunSeconds"_s, 0, kDay, &automationRun)}) {
        if (!error.isEmpty())
            return badRequest(error);
    }
    options.publishVisibilitySeconds = visibility;
    options.spaceReadySeconds = spaceReady;
    options.maxUploadBytes = static_cast<qint64>(maxUpload);
    options.reloadQueuedSeconds = reloadQueued;
    options.reloadRunSeconds = reloadRun;
    options.automationRunSeconds = automationRun;
    options.latencyMs = static_cast<int>(latency);
    options.jitterMs = static_cast<int>(jitter);
    options.tokenTtlSeconds = static_cast<int>(ttl);
    options.timeScale = scale;
    ctx.services().authority.setTokenTtl(options.tokenTtlSeconds);
    ctx.clock().setTimeScale(scale);
    return HttpResponse::json(200, settingsJson(ctx));
}

// {"seconds": n}: moves wall and monotonic time forward (tokens expire, purge dates pass).
HttpResponse advanceClock(RequestContext &ctx)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    const double seconds = body.value(u"seconds"_s).toDouble(-1);
    if (seconds < 0)
        return badRequest(u"'seconds' must be a non-negative number"_s);
    ctx.clock().advance(std::chrono::milliseconds(std::llround(seconds * 1000)));
    return HttpResponse::json(200, settingsJson(ctx));
}

HttpResponse getFaults(RequestContext &ctx)
{
    return HttpResponse::json(200, QJsonObject{{u"rules"_s, ctx.services().faults.rules()}});
}

HttpResponse putFaults(RequestContext &ctx)
{
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    if (const QString error = ctx.services().faults.configure(body); !error.isEmpty())
        return badRequest(error);
    return getFaults(ctx);
}

HttpResponse getReloadFailures(RequestContext &ctx)
{
    return HttpResponse::json(200, QJsonObject{{u"rules"_s, ctx.services().reloadFailures.rules()}});
}

// [{"appId", "errorCode", "errorMessage", "times"}]: reloads of these apps end FAILED (FACTS §10.5).
HttpResponse putReloadFailures(RequestContext &ctx)
{
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const SandboxState &state = ctx.state();
    const auto appExists = [&state](const QString &appId) {
        for (const Tenant &tenant : state.tenants()) {
            if (tenant.apps.find(appId))
                return true;
        }
        return false;
    };
    if (const QString error = ctx.services().reloadFailures.configure(body, appExists); !error.isEmpty())
        return badRequest(error);
    return getReloadFailures(ctx);
}

HttpResponse getRateLimits(RequestContext &ctx)
{
    return HttpResponse::json(200, ctx.services().rateLimiter.describe());
}

HttpResponse putRateLimits(RequestContext &ctx)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    if (const QString error = ctx.services().rateLimiter.configure(body); !error.isEmpty())
        return badRequest(error);
    return getRateLimits(ctx);
}

OAuthClient *liveClient(RequestContext &ctx)
{
    OAuthClient *client = ctx.state().clients().find(ctx.param(u"clientId"_s));
    return client && !client->deleted ? client : nullptr;
}

HttpResponse deleteClient(RequestContext &ctx)
{
    OAuthClient *client = liveClient(ctx);
    if (!client)
        return ApiError::notFound(u"No live client '%1'."_s.arg(ctx.param(u"clientId"_s)))
            .response(ErrorStyle::Standard);
    client->deleted = true;
    ctx.services().authority.revokeClient(client->id);
    return HttpResponse::empty(204);
}

// Deletes the client and creates its successor (same kind, region, subscription and name) with a
// new client id and secret: the old bot users stay behind, orphaned (FACTS §2.3).
HttpResponse recreateClient(RequestContext &ctx)
{
    OAuthClient *client = liveClient(ctx);
    if (!client)
        return ApiError::notFound(u"No live client '%1'."_s.arg(ctx.param(u"clientId"_s)))
            .response(ErrorStyle::Standard);
    client->deleted = true;
    ctx.services().authority.revokeClient(client->id);
    OAuthClient successor = *client;
    successor.id = ctx.state().ids().hex(32);
    successor.secret = ctx.state().ids().alphanumeric(48);
    successor.deleted = false;
    successor.createdAt = ctx.clock().now();
    const OAuthClient &stored = ctx.state().clients().insert(successor);
    return HttpResponse::json(200,
                              QJsonObject{{u"deletedClientId"_s, client->id},
                                          {u"clientId"_s, stored.id},
                                          {u"clientSecret"_s, stored.secret},
                                          {u"kind"_s, kindName(stored.kind)}});
}

} // namespace

void ControlApi::addRoutes(Router &router, SandboxServer &server)
{
    router.addControl("GET", u"/__sandbox/state"_s, state);
    router.addControl("POST", u"/__sandbox/reset"_s, [&server](RequestContext &ctx) {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return *failure;
        const QString seed = body.value(u"seed"_s).toString(u"demo"_s);
        if (const QString error = server.reset(seed); !error.isEmpty())
            return badRequest(error);
        return HttpResponse::json(200,
                                  QJsonObject{{u"seed"_s, ctx.state().seedName()},
                                              {u"seedMs"_s, server.lastSeedMs()},
                                              {u"tenants"_s, ctx.state().tenants().size()}});
    });
    router.addControl("GET", u"/__sandbox/settings"_s, getSettings);
    router.addControl("PUT", u"/__sandbox/settings"_s, putSettings);
    router.addControl("POST", u"/__sandbox/clock/advance"_s, advanceClock);
    router.addControl("GET", u"/__sandbox/faults"_s, getFaults);
    router.addControl("PUT", u"/__sandbox/faults"_s, putFaults);
    router.addControl("GET", u"/__sandbox/reload-failures"_s, getReloadFailures);
    router.addControl("PUT", u"/__sandbox/reload-failures"_s, putReloadFailures);
    router.addControl("GET", u"/__sandbox/rate-limits"_s, getRateLimits);
    router.addControl("PUT", u"/__sandbox/rate-limits"_s, putRateLimits);
    router.addControl("DELETE", u"/__sandbox/clients/{clientId}"_s, deleteClient);
    router.addControl("POST", u"/__sandbox/clients/{clientId}/recreate"_s, recreateClient);
}

} // namespace Sandbox
