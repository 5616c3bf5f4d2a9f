#include "sandbox/tenantsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/region.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/tenants"_s;
constexpr int kDefaultPurgeDays = 30;

// A tenant of the calling region client: in this register host's region and its subscription.
Tenant *registeredTenant(RequestContext &ctx)
{
    Tenant *tenant = ctx.state().tenant(ctx.param(u"tenantId"_s));
    if (!tenant)
        return nullptr;
    tenant->purgeIfDue(ctx.clock().now());
    const OAuthClient *client = ctx.caller().client;
    if (tenant->status == TenantStatus::Deleted || tenant->region != ctx.region() || !client
        || client->subscriptionId != tenant->subscriptionId)
        return nullptr;
    return tenant;
}

HttpResponse tenantNotFound(RequestContext &ctx)
{
    return ctx.error(
        ApiError::notFound(u"No tenant '%1' for this client in this region."_s.arg(ctx.param(u"tenantId"_s))));
}

// FACTS §3.3: the header must name one of the tenant's hostnames, or nothing happens (412).
std::optional<HttpResponse> checkConfirmHostname(RequestContext &ctx, const Tenant &tenant)
{
    const QString confirm = QString::fromLatin1(ctx.request().header("qlik-confirm-hostname")).trimmed().toLower();
    if (confirm.isEmpty() || !tenant.hostnames.contains(confirm)) {
        return ctx.error(
            ApiError(412, u"HTTP-412"_s, u"Precondition Failed"_s,
                     u"The qlik-confirm-hostname header must name a hostname of tenant %1."_s.arg(tenant.id)));
    }
    return std::nullopt;
}

HttpResponse create(RequestContext &ctx)
{
    SandboxState &state = ctx.state();
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString licenseKey = fields.string(u"licenseKey"_s);
    const QString datacenter = fields.string(u"datacenter"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (licenseKey.isEmpty())
        return ctx.error(
            ApiError(400, u"TENANTS-21"_s, u"Missing licenseKey property"_s).withPointer(u"/licenseKey"_s));
    const OAuthClient *client = ctx.caller().client;
    Subscription *subscription = state.subscriptionByLicenseKey(licenseKey);
    if (!subscription || !client || client->subscriptionId != subscription->id)
        return ctx.error(ApiError(403, u"TENANTS-23"_s, u"Invalid license error"_s));
    if (!datacenter.isEmpty()) {
        const std::optional<Region> region = Region::byDatacenter(datacenter);
        if (!region || region->id != ctx.region()) {
            return ctx.error(ApiError::badRequest(u"Datacenter '%1' is not served by register.%2.qlikcloud.com."_s.arg(
                                                      datacenter, ctx.region()))
                                 .withPointer(u"/datacenter"_s));
        }
    }
    int live = 0;
    for (Tenant &tenant : state.tenants()) {
        tenant.purgeIfDue(ctx.clock().now());
        live += tenant.subscriptionId == subscription->id && tenant.status != TenantStatus::Deleted;
    }
    if (live >= subscription->tenantQuota)
        return ctx.error(ApiError(403, u"TENANTS-22"_s, u"License quota limit reached"_s));

    Tenant fresh = state.newTenant(ctx.region(), subscription->id, ctx.clock().now());
    while (state.hostnameInUse(fresh.hostnames.constFirst())) {
        fresh.name = state.ids().tenantName();
        fresh.hostnames = {fresh.name + u'.' + ctx.region() + u".qlikcloud.com"_s};
    }
    Tenant &tenant = state.addTenant(std::move(fresh));
    ctx.auditOn(tenant, u"com.qlik.v1.tenant.created"_s, kSource,
                {{u"id"_s, tenant.id},
                 {u"name"_s, tenant.name},
                 {u"hostnames"_s, QJsonArray::fromStringList(tenant.hostnames)}},
                {tenant.id, {}, {}});
    return HttpResponse::json(201, TenantsApi::toJson(ctx, tenant));
}

HttpResponse deactivate(RequestContext &ctx)
{
    Tenant *tenant = registeredTenant(ctx);
    if (!tenant)
        return tenantNotFound(ctx);
    if (auto failure = checkConfirmHostname(ctx, *tenant))
        return *failure;
    int days = kDefaultPurgeDays;
    if (!ctx.request().body.trimmed().isEmpty()) {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return *failure;
        BodyFields fields(body);
        const std::optional<qint64> requested = fields.integer(u"purgeAfterDays"_s);
        if (requested && (*requested < 10 || *requested > 90))
            fields.fail(u"purgeAfterDays"_s, u"'purgeAfterDays' must be from 10 to 90."_s);
        if (const auto error = fields.error())
            return ctx.error(*error);
        days = static_cast<int>(requested.value_or(kDefaultPurgeDays));
    }
    const QDateTime now = ctx.clock().now();
    tenant->status = TenantStatus::Disabled;
    tenant->purgeAfterDays = days;
    tenant->estimatedPurgeDate = now.addDays(days);
    tenant->lastUpdated = now;
    // FACTS §3.3: purgeAfterDays in the event is a date string despite its name.
    ctx.auditOn(*tenant, u"com.qlik.v1.tenant.deactivated"_s, kSource,
                {{u"id"_s, tenant->id},
                 {u"name"_s, tenant->name},
                 {u"hostnames"_s, QJsonArray::fromStringList(tenant->hostnames)},
                 {u"purgeAfterDays"_s, SandboxClock::iso(tenant->estimatedPurgeDate)}},
                {tenant->id, {}, {}});
    return HttpResponse::json(200,
                              QJsonObject{{u"id"_s, tenant->id},
                                          {u"status"_s, u"disabled"_s},
                                          {u"estimatedPurgeDate"_s, SandboxClock::iso(tenant->estimatedPurgeDate)}});
}

HttpResponse reactivate(RequestContext &ctx)
{
    Tenant *tenant = registeredTenant(ctx);
    if (!tenant)
        return tenantNotFound(ctx);
    if (auto failure = checkConfirmHostname(ctx, *tenant))
        return *failure;
    if (!ctx.request().body.trimmed().isEmpty()) {
        QJsonObject ignored;
        if (auto failure = ctx.readJsonObject(ignored))
            return *failure;
    }
    const bool wasDisabled = tenant->status == TenantStatus::Disabled;
    tenant->status = TenantStatus::Active;
    tenant->estimatedPurgeDate = {};
    tenant->purgeAfterDays = 0;
    tenant->lastUpdated = ctx.clock().now();
    if (wasDisabled) {
        ctx.auditOn(*tenant, u"com.qlik.v1.tenant.reactivated"_s, kSource,
                    {{u"id"_s, tenant->id}, {u"name"_s, tenant->name}}, {tenant->id, {}, {}});
    }
    return HttpResponse::json(200, QJsonObject{{u"id"_s, tenant->id}, {u"status"_s, u"active"_s}});
}

HttpResponse get(RequestContext &ctx)
{
    if (ctx.param(u"tenantId"_s) != ctx.tenant()->id)
        return ctx.error(ApiError::notFound(u"No tenant '%1' on this host."_s.arg(ctx.param(u"tenantId"_s))));
    return HttpResponse::json(200, TenantsApi::toJson(ctx, *ctx.tenant()));
}

HttpResponse me(RequestContext &ctx)
{
    // FACTS §3.2: a 302 to the tenant itself.
    return HttpResponse::redirect(302, u"/api/v1/tenants/"_s + ctx.tenant()->id);
}

// FACTS §3.2: /hostnames/1 is a full alias in the tenant's region, e.g. example.us.qlikcloud.com.
std::optional<QString> aliasProblem(const QString &alias, const Tenant &tenant)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    const QString suffix = u'.' + tenant.region + u".qlikcloud.com"_s;
    if (!alias.endsWith(suffix))
        return u"The alias must end with %1."_s.arg(suffix);
    const QString name = alias.left(alias.size() - suffix.size());
    if (!label.match(name).hasMatch() || name == "register"_L1)
        return u"'%1' is not a valid hostname label."_s.arg(name);
    return std::nullopt;
}

HttpResponse patch(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (ctx.param(u"tenantId"_s) != tenant.id)
        return ctx.error(ApiError::notFound(u"No tenant '%1' on this host."_s.arg(ctx.param(u"tenantId"_s))));
    if (!ctx.caller().user || !AccessControl::isTenantAdmin(tenant, *ctx.caller().user))
        return ctx.error(ApiError::forbidden(u"Updating the tenant needs the TenantAdmin role."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    static const QStringList flags{u"/autoAssignCreateSharedSpacesRoleToProfessionals"_s,
                                   u"/autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals"_s,
                                   u"/autoAssignDataServicesContributorRoleToProfessionals"_s,
                                   u"/enableAnalyticCreation"_s};
    // Validate everything first: a partial failure changes nothing.
    std::optional<QString> name;
    std::optional<QString> alias;
    QHash<QString, bool> flagValues;
    for (const PatchOperation &op : parsed.operations) {
        if (op.path == "/name"_L1) {
            if (!op.value.isString() || op.value.toString().trimmed().isEmpty())
                return ctx.error(JsonPatch::invalid(op, u"'/name' needs a non-empty string."_s));
            name = op.value.toString();
        } else if (op.path == "/hostnames/1"_L1) {
            const QString value = op.value.toString().toLower();
            if (!op.value.isString())
                return ctx.error(JsonPatch::invalid(op, u"'/hostnames/1' needs a hostname string."_s));
            if (const auto problem = aliasProblem(value, tenant))
                return ctx.error(JsonPatch::invalid(op, *problem));
            if (ctx.state().hostnameInUse(value) && !tenant.hostnames.contains(value))
                return ctx.error(JsonPatch::invalid(op, u"The hostname '%1' is already taken."_s.arg(value)));
            alias = value;
        } else if (flags.contains(op.path)) {
            if (!op.value.isBool())
                return ctx.error(JsonPatch::invalid(op, u"'%1' needs a boolean."_s.arg(op.path)));
            flagValues.insert(op.path, op.value.toBool());
        } else {
            return ctx.error(JsonPatch::invalid(op, u"'%1' cannot be patched."_s.arg(op.path)));
        }
    }
    QJsonArray updates;
    if (name) {
        tenant.name = *name;
        updates.append(u"name"_s);
    }
    if (alias && *alias != tenant.hostnames.value(1)) {
        ctx.state().setHostname(tenant, 1, *alias);
        updates.append(u"hostnames"_s);
    }
    for (auto it = flagValues.constBegin(); it != flagValues.constEnd(); ++it) {
        const QString &path = it.key();
        bool &target = path == flags.at(0) ? tenant.autoAssignCreateSharedSpacesRoleToProfessionals
            : path == flags.at(1)          ? tenant.autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals
            : path == flags.at(2)          ? tenant.autoAssignDataServicesContributorRoleToProfessionals
                                           : tenant.enableAnalyticCreation;
        target = it.value();
        updates.append(path.mid(1));
    }
    tenant.lastUpdated = ctx.clock().now();
    ctx.audit(u"com.qlik.v1.tenant.updated"_s, kSource, {{u"id"_s, tenant.id}, {u"updates"_s, updates}},
              {tenant.id, {}, {}});
    return HttpResponse::empty(204);
}

} // namespace

void TenantsApi::addRoutes(Router &router)
{
    router.add(HostKind::Register, "POST", u"/v1/tenants"_s, create);
    router.add(HostKind::Register, "POST", u"/v1/tenants/{tenantId}/actions/deactivate"_s, deactivate);
    router.add(HostKind::Register, "POST", u"/v1/tenants/{tenantId}/actions/reactivate"_s, reactivate);
    router.add(HostKind::Tenant, "GET", u"/v1/tenants/me"_s, me);
    router.add(HostKind::Tenant, "GET", u"/v1/tenants/{tenantId}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/tenants/{tenantId}"_s, patch);
}

QJsonObject TenantsApi::toJson(const RequestContext &ctx, const Tenant &tenant)
{
    return {
        {u"id"_s, tenant.id},
        {u"name"_s, tenant.name},
        {u"hostnames"_s, QJsonArray::fromStringList(tenant.hostnames)},
        {u"datacenter"_s, tenant.datacenter},
        {u"status"_s, statusName(tenant.status)},
        {u"created"_s, SandboxClock::iso(tenant.createdAt)},
        {u"lastUpdated"_s, SandboxClock::iso(tenant.lastUpdated)},
        {u"createdByUser"_s, tenant.createdByUser},
        {u"enableAnalyticCreation"_s, tenant.enableAnalyticCreation},
        {u"autoAssignCreateSharedSpacesRoleToProfessionals"_s, tenant.autoAssignCreateSharedSpacesRoleToProfessionals},
        {u"autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals"_s,
         tenant.autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals},
        {u"autoAssignDataServicesContributorRoleToProfessionals"_s,
         tenant.autoAssignDataServicesContributorRoleToProfessionals},
        {u"links"_s,
         QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/tenants/"_s + tenant.id)}}}}}};
}

} // namespace Sandbox
