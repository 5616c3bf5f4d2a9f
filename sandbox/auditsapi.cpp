#include "sandbox/auditsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

// Who sees which events: admins of the tenant or its audit, everyone else their own.
bool seesAll(const RequestContext &ctx)
{
    const User *user = ctx.caller().user;
    return user
        && (AccessControl::isTenantAdmin(*ctx.tenant(), *user)
            || AccessControl::hasRole(*ctx.tenant(), *user, u"AuditAdmin"_s));
}

QList<const AuditEvent *> visibleEvents(const RequestContext &ctx, bool archived)
{
    const bool all = seesAll(ctx);
    const QString me = ctx.callerUserId();
    const QDateTime oldest = ctx.clock().now().addSecs(-AuditsApi::kRetentionSeconds);
    QList<const AuditEvent *> events;
    for (const AuditEvent &event : ctx.tenant()->auditEvents) {
        if (!archived && event.eventTime < oldest)
            continue;
        if (all || (!me.isEmpty() && event.userId == me))
            events.append(&event);
    }
    return events;
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

// links.next / links.prev carry their cursor as `token` and say which they are (spec Page).
QJsonObject withTokens(QJsonObject links)
{
    for (const QString &type : {u"next"_s, u"prev"_s}) {
        if (!links.contains(type))
            continue;
        QJsonObject link = links.value(type).toObject();
        const QUrlQuery query(QUrl(link.value(u"href"_s).toString()));
        link.insert(u"type"_s, type);
        link.insert(u"token"_s, query.queryItemValue(type, QUrl::FullyDecoded));
        links.insert(type, link);
    }
    return links;
}

HttpResponse list(RequestContext &ctx)
{
    QList<const AuditEvent *> events = visibleEvents(ctx, false);
    const auto keep = [&events](auto predicate) {
        events.removeIf([&predicate](const AuditEvent *event) { return !predicate(*event); });
    };
    if (ctx.hasQuery(u"eventType"_s))
        keep([type = ctx.query(u"eventType"_s)](const AuditEvent &e) { return e.eventType == type; });
    if (ctx.hasQuery(u"source"_s))
        keep([source = ctx.query(u"source"_s)](const AuditEvent &e) { return e.source == source; });
    if (ctx.hasQuery(u"userId"_s))
        keep([user = ctx.query(u"userId"_s)](const AuditEvent &e) { return e.userId == user; });
    if (ctx.hasQuery(u"id"_s)) {
        const QStringList ids = ctx.query(u"id"_s).split(u',', Qt::SkipEmptyParts);
        keep([&ids](const AuditEvent &e) { return ids.contains(e.id); });
    }
    if (ctx.hasQuery(u"eventTime"_s)) {
        const QString interval = ctx.query(u"eventTime"_s);
        const QStringList ends = interval.split(u'/');
        const QDateTime start = ends.size() == 2 && !ends.at(0).isEmpty() ? parseTime(ends.at(0)) : QDateTime();
        const QDateTime end = ends.size() == 2 && !ends.at(1).isEmpty() ? parseTime(ends.at(1)) : QDateTime();
        const bool ok = ends.size() == 2 && (ends.at(0).isEmpty() || start.isValid())
            && (ends.at(1).isEmpty() || end.isValid()) && (start.isValid() || end.isValid());
        if (!ok) {
            return ctx.error(ApiError::badRequest(u"'eventTime' must be an ISO 8601 interval start/end, e.g. "
                                                  "2021-07-14T18:41:15.00Z/2021-07-14T18:41:15.99Z."_s)
                                 .withParameter(u"eventTime"_s));
        }
        keep([&](const AuditEvent &e) {
            return (!start.isValid() || e.eventTime >= start) && (!end.isValid() || e.eventTime <= end);
        });
    }
    const QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"-eventTime"_s;
    const QString field = sort.mid(1);
    if ((!sort.startsWith(u'+') && !sort.startsWith(u'-'))
        || (field != "eventTime"_L1 && field != "eventType"_L1 && field != "source"_L1)) {
        return ctx.error(ApiError::badRequest(u"'sort' is +/- followed by source, eventType or eventTime."_s)
                             .withParameter(u"sort"_s));
    }
    Paging paging(ctx, PagingStyle::NextPrev, {10, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    const bool descending = sort.startsWith(u'-');
    const auto key = [&field](const AuditEvent *event) {
        if (field == "eventType"_L1)
            return event->eventType;
        if (field == "source"_L1)
            return event->source;
        return SandboxClock::iso(event->eventTime);
    };
    // Events are recorded in time order; a stable sort keeps that order among equal keys.
    if (descending)
        std::reverse(events.begin(), events.end());
    std::stable_sort(events.begin(), events.end(), [&](const AuditEvent *a, const AuditEvent *b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    QStringList ids;
    ids.reserve(events.size());
    for (const AuditEvent *event : std::as_const(events))
        ids.append(event->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(AuditsApi::toJson(ctx, *ctx.tenant(), *events.at(i), true));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, withTokens(page.links)}});
}

HttpResponse get(RequestContext &ctx)
{
    const QString id = ctx.param(u"id"_s);
    for (const AuditEvent *event : visibleEvents(ctx, false)) {
        if (event->id == id)
            return HttpResponse::json(200, AuditsApi::toJson(ctx, *ctx.tenant(), *event, true));
    }
    return ctx.error(ApiError::notFound(u"No audit event '%1'."_s.arg(id)));
}

HttpResponse distinct(RequestContext &ctx, QString AuditEvent::*member)
{
    QStringList values;
    for (const AuditEvent *event : visibleEvents(ctx, false)) {
        if (!values.contains(event->*member))
            values.append(event->*member);
    }
    values.sort();
    return HttpResponse::json(
        200,
        QJsonObject{{u"data"_s, QJsonArray::fromStringList(values)},
                    {u"links"_s, QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.selfUrl()}}}}}});
}

HttpResponse types(RequestContext &ctx)
{
    return distinct(ctx, &AuditEvent::eventType);
}

HttpResponse sources(RequestContext &ctx)
{
    return distinct(ctx, &AuditEvent::source);
}

HttpResponse settings(RequestContext &)
{
    return HttpResponse::json(
        200,
        QJsonObject{{u"data"_s,
                     QJsonObject{{u"EventTTL"_s, static_cast<double>(AuditsApi::kRetentionSeconds)},
                                 {u"ArchiveEnabled"_s, true}}}});
}

HttpResponse archive(RequestContext &ctx)
{
    const QString text = ctx.query(u"date"_s);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (text.isEmpty() || !date.isValid() || text.size() != 10)
        return ctx.error(ApiError::badRequest(u"'date' is required, as YYYY-MM-DD."_s).withParameter(u"date"_s));
    // A day is archived once it is over.
    if (date >= ctx.clock().now().toUTC().date())
        return ctx.error(ApiError::notFound(u"%1 is not archived yet; archives cover past days."_s.arg(text)));
    QJsonArray data;
    for (const AuditEvent *event : visibleEvents(ctx, true)) {
        if (event->eventTime.toUTC().date() == date)
            data.append(AuditsApi::toJson(ctx, *ctx.tenant(), *event, false));
    }
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}});
}

} // namespace

void AuditsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/audits"_s, list);
    router.add(HostKind::Tenant, "GET", u"/v1/audits/archive"_s, archive);
    router.add(HostKind::Tenant, "GET", u"/v1/audits/settings"_s, settings);
    router.add(HostKind::Tenant, "GET", u"/v1/audits/sources"_s, sources);
    router.add(HostKind::Tenant, "GET", u"/v1/audits/types"_s, types);
    router.add(HostKind::Tenant, "GET", u"/v1/audits/{id}"_s, get);
}

QJsonObject AuditsApi::toJson(const RequestContext &ctx, const Tenant &tenant, const AuditEvent &event, bool withLinks)
{
    QJsonObject extensions;
    if (!event.actorSub.isEmpty())
        extensions.insert(u"actor"_s, QJsonObject{{u"sub"_s, event.actorSub}, {u"subType"_s, event.actorSubType}});
    if (!event.ownerId.isEmpty())
        extensions.insert(u"ownerId"_s, event.ownerId);
    if (!event.spaceId.isEmpty())
        extensions.insert(u"spaceId"_s, event.spaceId);
    if (!event.topLevelResourceId.isEmpty())
        extensions.insert(u"topLevelResourceId"_s, event.topLevelResourceId);
    if (event.data.contains(u"updates"_s))
        extensions.insert(u"updates"_s, event.data.value(u"updates"_s));
    QJsonObject json{{u"eventId"_s, event.eventId},
                     {u"eventType"_s, event.eventType},
                     {u"eventTypeVersion"_s, event.eventTypeVersion},
                     {u"eventTime"_s, SandboxClock::iso(event.eventTime)},
                     {u"source"_s, event.source},
                     {u"userId"_s, event.userId},
                     {u"tenantId"_s, tenant.id},
                     {u"contentType"_s, u"application/json"_s},
                     {u"data"_s, event.data},
                     {u"extensions"_s, extensions}};
    if (withLinks) {
        json.insert(u"id"_s, event.id);
        json.insert(
            u"links"_s,
            QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/audits/"_s + event.id)}}}});
    }
    return json;
}

} // namespace Sandbox
