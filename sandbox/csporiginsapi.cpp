#include "sandbox/csporiginsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/csp-origins"_s;

// The entry flags (spec CSPEntryContent) and the CSP directive each one feeds.
struct Directive
{
    QLatin1StringView flag;
    QLatin1StringView directive;
};
constexpr Directive kDirectives[] = {
    {"childSrc"_L1, "child-src"_L1},   {"connectSrc"_L1, "connect-src"_L1}, {"connectSrcWSS"_L1, "connect-src"_L1},
    {"fontSrc"_L1, "font-src"_L1},     {"formAction"_L1, "form-action"_L1}, {"frameAncestors"_L1, "frame-ancestors"_L1},
    {"frameSrc"_L1, "frame-src"_L1},   {"imgSrc"_L1, "img-src"_L1},         {"mediaSrc"_L1, "media-src"_L1},
    {"objectSrc"_L1, "object-src"_L1}, {"scriptSrc"_L1, "script-src"_L1},   {"styleSrc"_L1, "style-src"_L1},
    {"workerSrc"_L1, "worker-src"_L1},
};

std::optional<HttpResponse> requireAdmin(const RequestContext &ctx)
{
    if (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user))
        return std::nullopt;
    return ctx.error(ApiError::forbidden(u"Changing CSP origins needs the TenantAdmin role."_s));
}

// One origin: a host (optionally *.-prefixed) with an optional scheme and port, nothing else.
bool isOrigin(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
        "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::(?:[0-9]{1,5}|\\*))?$"_s);
    return pattern.match(text).hasMatch();
}

std::optional<ApiError> readContent(const QJsonObject &body, CspOrigin &entry)
{
    BodyFields fields(body);
    entry.origin = fields.string(u"origin"_s, BodyFields::Required).trimmed();
    entry.name = fields.string(u"name"_s);
    entry.description = fields.string(u"description"_s);
    QStringList directives;
    for (const Directive &directive : kDirectives) {
        if (fields.boolean(directive.flag).value_or(false))
            directives.append(directive.flag);
    }
    if (const auto error = fields.error())
        return error;
    if (entry.origin.size() > 256)
        return ApiError::badRequest(u"'origin' has at most 256 characters."_s).withPointer(u"/origin"_s);
    if (!isOrigin(entry.origin)) {
        return ApiError::badRequest(
                   u"'origin' must be one origin such as https://cdn.example.com or *.example.com (no path, "
                   "no list): '%1'."_s.arg(entry.origin))
            .withPointer(u"/origin"_s);
    }
    if (entry.name.size() > 512)
        return ApiError::badRequest(u"'name' has at most 512 characters."_s).withPointer(u"/name"_s);
    if (entry.description.size() > 1024)
        return ApiError::badRequest(u"'description' has at most 1024 characters."_s).withPointer(u"/description"_s);
    entry.directives = directives;
    return std::nullopt;
}

CspOrigin *find(RequestContext &ctx)
{
    return ctx.tenant()->cspOrigins.find(ctx.param(u"id"_s));
}

HttpResponse notFound(const RequestContext &ctx)
{
    return ctx.error(ApiError::notFound(u"No CSP origin '%1'."_s.arg(ctx.param(u"id"_s))));
}

// "Wildcard and case insensitive": * matches anything; without one the text is a substring.
bool matchesFilter(const QString &value, const QString &filter)
{
    if (!filter.contains(u'*'))
        return value.contains(filter, Qt::CaseInsensitive);
    const QRegularExpression pattern(
        QRegularExpression::wildcardToRegularExpression(filter, QRegularExpression::UnanchoredWildcardConversion),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(value).hasMatch();
}

HttpResponse list(RequestContext &ctx)
{
    QList<const CspOrigin *> entries;
    QHash<QString, bool> directiveFilters;
    for (const Directive &directive : kDirectives) {
        if (!ctx.hasQuery(directive.flag))
            continue;
        const QString value = ctx.query(directive.flag);
        if (value != "true"_L1 && value != "false"_L1) {
            return ctx.error(ApiError::badRequest(u"'%1' must be true or false."_s.arg(directive.flag))
                                 .withParameter(directive.flag));
        }
        directiveFilters.insert(directive.flag, value == "true"_L1);
    }
    QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"+createdDate"_s;
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    static const QStringList sortKeys{u"name"_s, u"origin"_s, u"createdDate"_s, u"modifiedDate"_s};
    if (!sortKeys.contains(sort)) {
        return ctx.error(ApiError::badRequest(u"'sort' must be one of name, origin, createdDate, modifiedDate "
                                              "(prefixed with + or -)."_s)
                             .withParameter(u"sort"_s));
    }
    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);

    for (const CspOrigin &entry : ctx.tenant()->cspOrigins) {
        bool keep = true;
        for (auto it = directiveFilters.constBegin(); it != directiveFilters.constEnd() && keep; ++it)
            keep = entry.directives.contains(it.key()) == it.value();
        if (keep && ctx.hasQuery(u"name"_s))
            keep = matchesFilter(entry.name, ctx.query(u"name"_s));
        if (keep && ctx.hasQuery(u"origin"_s))
            keep = matchesFilter(entry.origin, ctx.query(u"origin"_s));
        if (keep)
            entries.append(&entry);
    }
    const auto key = [&sort](const CspOrigin *entry) -> QString {
        if (sort == "name"_L1)
            return entry->name.toLower();
        if (sort == "origin"_L1)
            return entry->origin.toLower();
        return SandboxClock::iso(sort == "createdDate"_L1 ? entry->createdDate : entry->modifiedDate);
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const CspOrigin *a, const CspOrigin *b) {
        const QString left = key(a);
        const QString right = key(b);
        return descending ? right < left : left < right;
    });
    QStringList ids;
    for (const CspOrigin *entry : std::as_const(entries))
        ids.append(entry->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(CspOriginsApi::toJson(*entries.at(i)));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    CspOrigin entry;
    if (auto error = readContent(body, entry))
        return ctx.error(*error);
    entry.id = ctx.state().ids().objectId();
    entry.createdDate = ctx.clock().now();
    entry.modifiedDate = entry.createdDate;
    const CspOrigin &stored = ctx.tenant()->cspOrigins.insert(entry);
    ctx.audit(u"com.qlik.v1.csp-origin.created"_s, kSource,
              {{u"id"_s, stored.id}, {u"origin"_s, stored.origin}, {u"name"_s, stored.name}}, {stored.id, {}, {}});
    return HttpResponse::json(201, CspOriginsApi::toJson(stored));
}

HttpResponse get(RequestContext &ctx)
{
    const CspOrigin *entry = find(ctx);
    if (!entry)
        return notFound(ctx);
    return HttpResponse::json(200, CspOriginsApi::toJson(*entry));
}

HttpResponse put(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    CspOrigin *entry = find(ctx);
    if (!entry)
        return notFound(ctx);
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    // PUT replaces the whole content: flags it leaves out become false.
    CspOrigin updated = *entry;
    if (auto error = readContent(body, updated))
        return ctx.error(*error);
    updated.modifiedDate = ctx.clock().now();
    *entry = updated;
    ctx.audit(u"com.qlik.v1.csp-origin.updated"_s, kSource, {{u"id"_s, entry->id}, {u"origin"_s, entry->origin}},
              {entry->id, {}, {}});
    return HttpResponse::json(200, CspOriginsApi::toJson(*entry));
}

HttpResponse remove(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    const CspOrigin *entry = find(ctx);
    if (!entry)
        return notFound(ctx);
    const QString id = entry->id;
    ctx.audit(u"com.qlik.v1.csp-origin.deleted"_s, kSource, {{u"id"_s, id}, {u"origin"_s, entry->origin}},
              {id, {}, {}});
    ctx.tenant()->cspOrigins.remove(id);
    return HttpResponse::empty(204);
}

// The first acceptable media type of an Accept header, by q-value (ties keep their order).
enum class HeaderFormat { Json, Text, None };

HeaderFormat negotiate(const QByteArray &accept)
{
    if (accept.trimmed().isEmpty())
        return HeaderFormat::Json; // the spec's default
    struct Range
    {
        QByteArray type;
        double q;
    };
    QList<Range> ranges;
    for (const QByteArray &item : accept.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        Range range{parts.first().trimmed().toLower(), 1.0};
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q="))
                range.q = parameter.mid(2).toDouble();
        }
        if (range.q > 0)
            ranges.append(range);
    }
    std::stable_sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) { return a.q > b.q; });
    for (const Range &range : std::as_const(ranges)) {
        if (range.type == "application/json" || range.type == "application/*" || range.type == "*/*")
            return HeaderFormat::Json;
        if (range.type == "text/plain" || range.type == "text/*")
            return HeaderFormat::Text;
    }
    return HeaderFormat::None;
}

HttpResponse generateHeader(RequestContext &ctx)
{
    const QString policy = CspOriginsApi::policyHeader(*ctx.tenant());
    switch (negotiate(ctx.request().header("accept"))) {
    case HeaderFormat::Json:
        return HttpResponse::json(200, QJsonObject{{u"Content-Security-Policy"_s, policy}});
    case HeaderFormat::Text: {
        HttpResponse response;
        response.status = 200;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
        response.body = policy.toUtf8();
        return response;
    }
    case HeaderFormat::None:
        break;
    }
    return ctx.error(ApiError(406, u"HTTP-406"_s, u"Not Acceptable"_s,
                              u"The CSP header is available as application/json or text/plain; Accept was '%1'."_s.arg(
                                  QString::fromLatin1(ctx.request().header("accept")))));
}

} // namespace

void CspOriginsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/csp-origins"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/csp-origins"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/csp-origins/actions/generate-header"_s, generateHeader);
    router.add(HostKind::Tenant, "GET", u"/v1/csp-origins/{id}"_s, get);
    router.add(HostKind::Tenant, "PUT", u"/v1/csp-origins/{id}"_s, put);
    router.add(HostKind::Tenant, "DELETE", u"/v1/csp-origins/{id}"_s, remove);
}

QJsonObject CspOriginsApi::toJson(const CspOrigin &origin)
{
    QJsonObject json{{u"id"_s, origin.id},
                     {u"origin"_s, origin.origin},
                     {u"name"_s, origin.name},
                     {u"description"_s, origin.description},
                     {u"createdDate"_s, SandboxClock::iso(origin.createdDate)},
                     {u"modifiedDate"_s, SandboxClock::iso(origin.modifiedDate)}};
    for (const Directive &directive : kDirectives)
        json.insert(directive.flag, origin.directives.contains(directive.flag));
    return json;
}

QString CspOriginsApi::policyHeader(const Tenant &tenant)
{
    // The sandbox's composition (the real value also carries Qlik's own sources): every directive
    // allows 'self' plus the origins whose entries enable it; connectSrcWSS adds wss://<host>.
    QStringList order;
    QHash<QString, QStringList> sources;
    for (const Directive &directive : kDirectives) {
        if (!order.contains(directive.directive)) {
            order.append(directive.directive);
            sources.insert(directive.directive, {u"'self'"_s});
        }
    }
    for (const CspOrigin &entry : tenant.cspOrigins) {
        for (const Directive &directive : kDirectives) {
            if (!entry.directives.contains(directive.flag))
                continue;
            QString source = entry.origin;
            if (directive.flag == "connectSrcWSS"_L1) {
                const qsizetype scheme = source.indexOf("://"_L1);
                source = u"wss://"_s + (scheme >= 0 ? source.mid(scheme + 3) : source);
            }
            QStringList &list = sources[directive.directive];
            if (!list.contains(source))
                list.append(source);
        }
    }
    QStringList parts;
    for (const QString &directive : std::as_const(order))
        parts.append(directive + u' ' + sources.value(directive).join(u' '));
    return parts.join(u"; "_s);
}

} // namespace Sandbox
