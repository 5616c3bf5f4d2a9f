#include "sandbox/sandboxserver.h"

#include "sandbox/apifamilies.h"
#include "sandbox/backgroundwork.h"
#include "sandbox/controlapi.h"
#include "sandbox/faultinjector.h"
#include "sandbox/httpadapter.h"
#include "sandbox/ratelimiter.h"
#include "sandbox/region.h"
#include "sandbox/reloadfailures.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/seeder.h"
#include "sandbox/tokenauthority.h"

#include <QElapsedTimer>
#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr QLatin1StringView kDomain(".qlikcloud.com");

HttpResponse unknownHost(const HttpRequest &request)
{
    return ApiError(404, u"HTTP-404"_s, u"Not Found"_s,
                    u"No tenant answers for host '%1'."_s.arg(QString::fromLatin1(request.hostHeader)))
        .response(ErrorStyle::Standard);
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(std::make_unique<SandboxClock>())
    , m_state(std::make_unique<SandboxState>())
    , m_authority(std::make_unique<TokenAuthority>(*m_state, *m_clock))
    , m_rateLimiter(std::make_unique<RateLimiter>(*m_clock))
    , m_faults(std::make_unique<FaultInjector>())
    , m_reloadFailures(std::make_unique<ReloadFailures>())
    , m_router(std::make_unique<Router>())
    , m_jitter(0x5eed)
{
    m_clock->setTimeScale(options.timeScale);
    m_authority->setTokenTtl(options.tokenTtlSeconds);
    ApiFamilies::addRoutes(*m_router);
    ControlApi::addRoutes(*m_router, *this);
    const QString error = reset(options.seed.isEmpty() ? u"demo"_s : options.seed);
    if (!error.isEmpty()) {
        qWarning("tenantry-sandbox: %s; starting empty", qPrintable(error));
        [[maybe_unused]] const QString ignored = reset(u"empty"_s);
    }
    // The adapter is created last: it may call handle() as soon as it listens.
    m_http = std::make_unique<HttpAdapter>([this](const HttpRequest &request) { return handle(request); }, this);
}

SandboxServer::~SandboxServer()
{
    // The transport goes first so no late timer reaches a half-destroyed server.
    m_http.reset();
}

quint16 SandboxServer::listen(quint16 port)
{
    m_port = m_http->listen(QHostAddress::LocalHost, port);
    return m_port;
}

QString SandboxServer::reset(const QString &seed)
{
    const std::optional<SeedSpec> spec = SeedSpec::parse(seed);
    if (!spec)
        return u"unknown seed '%1' (use demo, empty or estate:TENANTS[:REGIONS])"_s.arg(seed);
    QElapsedTimer timer;
    timer.start();
    m_authority->clear();
    m_rateLimiter->reset();
    m_faults->reset(1);
    m_reloadFailures->clear();
    Seeder::apply(*spec, *m_state, m_clock->now());
    m_lastSeedMs = timer.elapsed();
    return {};
}

std::chrono::milliseconds SandboxServer::latency()
{
    qint64 ms = m_options.latencyMs;
    if (m_options.jitterMs > 0)
        ms += static_cast<qint64>(m_jitter() % static_cast<quint64>(m_options.jitterMs + 1));
    return std::chrono::milliseconds(ms);
}

std::optional<HostContext> SandboxServer::resolveHost(const QString &host)
{
    if (host == "console.qlikcloud.com"_L1)
        return HostContext{HostKind::Console, nullptr, {}};
    if (host.startsWith("register."_L1) && host.endsWith(kDomain)) {
        const QString region = host.mid(9, host.size() - 9 - kDomain.size());
        if (Region::byId(region))
            return HostContext{HostKind::Register, nullptr, region};
        return std::nullopt;
    }
    Tenant *tenant = m_state->tenantByHostname(host);
    if (!tenant)
        return std::nullopt;
    tenant->purgeIfDue(m_clock->now());
    if (tenant->status == TenantStatus::Deleted)
        return std::nullopt;
    BackgroundWork::settle(*tenant, m_clock->now());
    return HostContext{HostKind::Tenant, tenant, tenant->region};
}

Delivery SandboxServer::handle(const HttpRequest &request)
{
    SandboxServices services{*m_state, *m_clock, *m_authority, *m_rateLimiter, *m_faults, *m_reloadFailures, m_options};

    // The control surface: any host, no auth, no counting, no faults, no latency.
    if (request.path.startsWith("/__sandbox/"_L1)) {
        const Router::Match match = m_router->matchControl(request.method, request.path);
        if (!match.route)
            return {Delivery::Kind::Answer,
                    ApiError::notFound(u"No control route %1."_s.arg(request.path)).response(ErrorStyle::Standard)};
        RequestContext context(request, *match.route, match.params, HostContext{}, services);
        return {Delivery::Kind::Answer, match.route->handler(context)};
    }

    const std::chrono::milliseconds delay = latency();
    const std::optional<HostContext> host = resolveHost(request.host);
    if (!host)
        return {Delivery::Kind::Answer, unknownHost(request), delay};
    if (host->tenant && host->tenant->status == TenantStatus::Disabled) {
        // FACTS §3.3: every call to a deactivated tenant, the token endpoint included.
        const ApiError disabled(401, u"TENANT_DISABLED"_s,
                                u"Tenant has been deactivated. Contact your administrator for more details."_s);
        return {Delivery::Kind::Answer, disabled.response(ErrorStyle::Standard), delay};
    }

    const Router::Match match = m_router->match(host->kind, request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            ApiError notAllowed(405, u"HTTP-405"_s, u"Method Not Allowed"_s,
                                u"%1 is not supported on %2."_s.arg(QString::fromLatin1(request.method), request.path));
            notAllowed.withHeader("Allow", match.allowedMethods.join(", "));
            return {Delivery::Kind::Answer, notAllowed.response(ErrorStyle::Standard), delay};
        }
        return {Delivery::Kind::Answer,
                ApiError::notFound(u"No resource at %1."_s.arg(request.path)).response(ErrorStyle::Standard), delay};
    }
    const Route &route = *match.route;
    m_state->countRequest(route.operation);

    const FaultInjector::Decision fault = m_faults->decide(request.method, request.path);
    if (fault.fires) {
        switch (fault.kind) {
        case FaultInjector::Kind::Reset:
            return {Delivery::Kind::Reset, {}, delay};
        case FaultInjector::Kind::Status: {
            ApiError injected(fault.status, u"HTTP-%1"_s.arg(fault.status), u"Injected failure"_s,
                              u"The sandbox injected this failure (PUT /__sandbox/faults)."_s);
            if (fault.status == 429)
                injected.withHeader("Retry-After", "1");
            return {Delivery::Kind::Answer, injected.response(route.errorStyle), delay};
        }
        case FaultInjector::Kind::Delay:
        case FaultInjector::Kind::LostResponse:
            break;
        }
    }
    const std::chrono::milliseconds totalDelay = delay
        + std::chrono::milliseconds(fault.fires && fault.kind == FaultInjector::Kind::Delay ? fault.delayMs : 0);
    const Delivery::Kind kind = fault.fires && fault.kind == FaultInjector::Kind::LostResponse ? Delivery::Kind::Drop
                                                                                               : Delivery::Kind::Answer;

    RequestContext context(request, route, match.params, *host, services);
    if (route.access == RouteAccess::Bearer) {
        if (const std::optional<ApiError> denied = m_authority->authenticate(context))
            return {Delivery::Kind::Answer, context.error(*denied), totalDelay};
    }

    // Rate limits per (tenant, user, tier) (FACTS §14.3); unauthenticated calls count per host.
    const QString scope = host->tenant ? host->tenant->id : TokenAuthority::realmOf(context);
    const Caller &caller = context.caller();
    const QString who = caller.user ? caller.user->id : (caller.client ? caller.client->id : u"anonymous"_s);
    const RateLimiter::Decision limit = m_rateLimiter->check(scope, who, route.rateBucket, route.limitPerMinute);
    if (!limit.allowed) {
        ApiError limited(429, u"HTTP-429"_s, u"API rate limit reached."_s,
                         u"You need to wait %1 seconds until limit is lifted."_s.arg(limit.retryAfterSeconds));
        limited.withHeader("Retry-After", QByteArray::number(limit.retryAfterSeconds));
        return {Delivery::Kind::Answer, context.error(limited), totalDelay};
    }

    if (request.body.size() > route.maxBodyBytes) {
        const ApiError tooLarge(413, u"HTTP-413"_s, u"Payload Too Large"_s,
                                u"The request body is larger than %1 bytes."_s.arg(route.maxBodyBytes));
        return {Delivery::Kind::Answer, context.error(tooLarge), totalDelay};
    }

    return {kind, route.handler(context), totalDelay};
}

} // namespace Sandbox
