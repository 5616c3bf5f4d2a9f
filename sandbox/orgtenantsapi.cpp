#include "sandbox/orgtenantsapi.h"

#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/region.h"
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

// FACTS §3.4: which attributes filter with which operators.
const ScimFilter::Allowed &filterAttributes()
{
    static const QStringList equality{u"eq"_s};
    static const QStringList either{u"eq"_s, u"ne"_s};
    static const QStringList ordered{u"eq"_s, u"ne"_s, u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s};
    static const ScimFilter::Allowed allowed{
        {u"subscriptionid"_s, equality}, {u"name"_s, equality},
        {u"hostnames"_s, equality},      {u"id"_s, equality},
        {u"originalid"_s, equality},     {u"regioncode"_s, either},
        {u"status"_s, either},           {u"countrycode"_s, either},
        {u"createdat"_s, ordered},       {u"updatedat"_s, ordered},
    };
    return allowed;
}

QString regionCode(const Tenant &tenant)
{
    return tenant.datacenter;
}

QString countryCode(const Tenant &tenant)
{
    return Region::byId(tenant.region).value_or(Region{}).countryCode;
}

QStringList attributeValues(const Tenant &tenant, const QString &attribute)
{
    if (attribute == "subscriptionid"_L1)
        return {tenant.subscriptionId};
    if (attribute == "name"_L1)
        return {tenant.name};
    if (attribute == "hostnames"_L1)
        return tenant.hostnames;
    if (attribute == "id"_L1 || attribute == "originalid"_L1)
        return {tenant.id};
    if (attribute == "regioncode"_L1)
        return {regionCode(tenant)};
    if (attribute == "countrycode"_L1)
        return {countryCode(tenant)};
    if (attribute == "status"_L1)
        return {statusName(tenant.status)};
    if (attribute == "createdat"_L1)
        return {SandboxClock::iso(tenant.createdAt)};
    if (attribute == "updatedat"_L1)
        return {SandboxClock::iso(tenant.lastUpdated)};
    return {};
}

QJsonObject tenantJson(const RequestContext &ctx, const Tenant &tenant)
{
    const Subscription *subscription = ctx.state().subscription(tenant.subscriptionId);
    QJsonObject json{
        {u"id"_s, tenant.id},
        {u"name"_s, tenant.name},
        {u"status"_s, statusName(tenant.status)},
        {u"createdAt"_s, SandboxClock::iso(tenant.createdAt)},
        {u"updatedAt"_s, SandboxClock::iso(tenant.lastUpdated)},
        {u"hostnames"_s, QJsonArray::fromStringList(tenant.hostnames)},
        {u"regionCode"_s, regionCode(tenant)},
        {u"countryCode"_s, countryCode(tenant)},
        {u"subscriptionId"_s, tenant.subscriptionId},
        {u"licenseNumber"_s, tenant.subscriptionId},
        {u"links"_s,
         QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/core/tenants/"_s + tenant.id)}}}}}};
    if (!tenant.createdByUser.isEmpty())
        json.insert(u"createdBy"_s, tenant.createdByUser);
    if (subscription) {
        json.insert(u"licenseStartsAt"_s, SandboxClock::iso(QDateTime(subscription->validFrom, QTime(0, 0), Qt::UTC)));
        json.insert(u"licenseEndsAt"_s, SandboxClock::iso(QDateTime(subscription->validTo, QTime(0, 0), Qt::UTC)));
    }
    if (tenant.estimatedPurgeDate.isValid())
        json.insert(u"deletionStartsAt"_s, SandboxClock::iso(tenant.estimatedPurgeDate));
    return json;
}

// Parses a filter that names subscriptionId, as the organization API requires.
std::optional<ApiError> parseFilter(const QString &text, ScimFilter &filter)
{
    filter = ScimFilter::parse(text, filterAttributes());
    if (!filter.isValid())
        return ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s);
    if (!filter.mentions(u"subscriptionId"_s)) {
        return ApiError::badRequest(u"The filter must name the subscription, e.g. subscriptionId eq \"<id>\"."_s)
            .withParameter(u"filter"_s);
    }
    return std::nullopt;
}

QList<const Tenant *> matching(const RequestContext &ctx, const ScimFilter &filter)
{
    QList<const Tenant *> tenants;
    for (Tenant &tenant : ctx.state().tenants()) {
        tenant.purgeIfDue(ctx.clock().now());
        if (filter.matches([&tenant](const QString &attribute) { return attributeValues(tenant, attribute); }))
            tenants.append(&tenant);
    }
    return tenants;
}

// `sort` is a comma list of fields, each with an optional '-' (FACTS §3.4).
std::optional<ApiError> sortTenants(QList<const Tenant *> &tenants, const QString &sort)
{
    static const QHash<QString, QString> fields{{u"name"_s, u"name"_s},
                                                {u"regionCode"_s, u"regioncode"_s},
                                                {u"countryCode"_s, u"countrycode"_s},
                                                {u"hostnames"_s, u"hostnames"_s},
                                                {u"createdAt"_s, u"createdat"_s},
                                                {u"updatedAt"_s, u"updatedat"_s},
                                                {u"status"_s, u"status"_s},
                                                {u"subscriptionId"_s, u"subscriptionid"_s}};
    QList<std::pair<QString, bool>> keys;
    for (QString key : sort.split(u',', Qt::SkipEmptyParts)) {
        key = key.trimmed();
        const bool descending = key.startsWith(u'-');
        if (key.startsWith(u'-') || key.startsWith(u'+'))
            key.remove(0, 1);
        if (!fields.contains(key))
            return ApiError::badRequest(u"Unknown sort field '%1'."_s.arg(key)).withParameter(u"sort"_s);
        keys.append({fields.value(key), descending});
    }
    if (keys.isEmpty())
        return std::nullopt;
    std::stable_sort(tenants.begin(), tenants.end(), [&keys](const Tenant *a, const Tenant *b) {
        for (const auto &[attribute, descending] : keys) {
            const QString left = attributeValues(*a, attribute).join(u',').toLower();
            const QString right = attributeValues(*b, attribute).join(u',').toLower();
            if (left != right)
                return descending ? right < left : left < right;
        }
        return false;
    });
    return std::nullopt;
}

HttpResponse listWithFilter(RequestContext &ctx, const QString &filterText)
{
    ScimFilter filter;
    if (const auto error = parseFilter(filterText, filter))
        return ctx.error(*error);
    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 0}, CursorForm::RawId);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<const Tenant *> tenants = matching(ctx, filter);
    if (const auto error = sortTenants(tenants, ctx.query(u"sort"_s)))
        return ctx.error(*error);
    QStringList ids;
    for (const Tenant *tenant : std::as_const(tenants))
        ids.append(tenant->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(tenantJson(ctx, *tenants.at(i)));
    QJsonObject body{{u"data"_s, data}, {u"links"_s, page.links}};
    if (ctx.query(u"totalResults"_s) == "true"_L1)
        body.insert(u"totalResults"_s, tenants.size());
    return HttpResponse::json(200, body);
}

HttpResponse list(RequestContext &ctx)
{
    return listWithFilter(ctx, ctx.query(u"filter"_s));
}

HttpResponse filterAction(RequestContext &ctx)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString filter = fields.string(u"filter"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    return listWithFilter(ctx, filter);
}

HttpResponse count(RequestContext &ctx)
{
    ScimFilter filter;
    if (const auto error = parseFilter(ctx.query(u"filter"_s), filter))
        return ctx.error(*error);
    return HttpResponse::json(200, QJsonObject{{u"total"_s, matching(ctx, filter).size()}});
}

HttpResponse get(RequestContext &ctx)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{32}$"_s);
    const QString id = ctx.param(u"tenantId"_s);
    if (!idPattern.match(id).hasMatch())
        return ctx.error(ApiError::badRequest(u"'%1' is not a tenant id."_s.arg(id)).withParameter(u"tenantId"_s));
    Tenant *tenant = ctx.state().tenant(id);
    if (!tenant)
        return ctx.error(ApiError::notFound(u"No tenant '%1' in this organization."_s.arg(id)));
    tenant->purgeIfDue(ctx.clock().now());
    return HttpResponse::json(200, tenantJson(ctx, *tenant));
}

} // namespace

void OrgTenantsApi::addRoutes(Router &router)
{
    router.add(HostKind::Console, "GET", u"/api/core/tenants"_s, list);
    router.add(HostKind::Console, "GET", u"/api/core/tenants/actions/count"_s, count);
    router.add(HostKind::Console, "POST", u"/api/core/tenants/actions/filter"_s, filterAction);
    router.add(HostKind::Console, "GET", u"/api/core/tenants/{tenantId}"_s, get);
}

} // namespace Sandbox
