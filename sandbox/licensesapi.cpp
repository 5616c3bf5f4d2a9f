#include "sandbox/licensesapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/licenses"_s;
const QStringList kAssignableTypes{u"professional"_s, u"analyzer"_s};
constexpr qsizetype kMaxItemsPerAction = 100;

QString validInterval(const Subscription &subscription)
{
    return subscription.validFrom.toString(Qt::ISODate) + u'/' + subscription.validTo.toString(Qt::ISODate);
}

Subscription *subscriptionOf(RequestContext &ctx)
{
    return ctx.state().subscription(ctx.tenant()->subscriptionId);
}

HttpResponse noLicense(RequestContext &ctx)
{
    return ctx.error(ApiError::notFound(u"This tenant has no license."_s));
}

bool callerIsAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

// Whether one more seat of this type fits the allotment (overage -1 is unbounded).
bool hasFreeSeat(const Subscription &subscription, const QString &type)
{
    const Allotment *allotment = subscription.allotment(type);
    if (!allotment)
        return false;
    if (allotment->overage < 0)
        return true;
    return subscription.unitsUsed(type) < allotment->units + allotment->overage;
}

HttpResponse overview(RequestContext &ctx)
{
    const Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    QJsonArray allotments;
    for (const Allotment &allotment : subscription->allotments) {
        allotments.append(QJsonObject{{u"name"_s, allotment.name},
                                      {u"usageClass"_s, allotment.usageClass},
                                      {u"units"_s, allotment.units},
                                      {u"unitsUsed"_s, subscription->unitsUsed(allotment.name)},
                                      {u"overage"_s, allotment.overage}});
    }
    const QString updated = SandboxClock::iso(subscription->updated);
    return HttpResponse::json(200,
                              QJsonObject{{u"licenseKey"_s, subscription->licenseKey},
                                          {u"licenseNumber"_s, subscription->id},
                                          {u"secondaryNumber"_s, u"0"_s},
                                          {u"parentLicenseNumber"_s, subscription->id},
                                          {u"product"_s, subscription->product},
                                          {u"valid"_s, validInterval(*subscription)},
                                          {u"status"_s, u"Ok"_s},
                                          {u"origin"_s, u"External"_s},
                                          {u"trial"_s, false},
                                          {u"updated"_s, updated},
                                          {u"changeTime"_s, updated},
                                          {u"latestValidTime"_s, updated},
                                          {u"allotments"_s, allotments},
                                          {u"parameters"_s, QJsonArray()}});
}

HttpResponse status(RequestContext &ctx)
{
    const Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    return HttpResponse::json(200,
                              QJsonObject{{u"type"_s, u"Signed"_s},
                                          {u"status"_s, u"Ok"_s},
                                          {u"trial"_s, false},
                                          {u"valid"_s, validInterval(*subscription)},
                                          {u"origin"_s, u"External"_s},
                                          {u"product"_s, subscription->product}});
}

QJsonObject settingsJson(const LicenseSettings &settings)
{
    return {{u"autoAssignProfessional"_s, settings.autoAssignProfessional},
            {u"autoAssignAnalyzer"_s, settings.autoAssignAnalyzer}};
}

HttpResponse getSettings(RequestContext &ctx)
{
    return HttpResponse::json(200, settingsJson(ctx.tenant()->licenseSettings));
}

HttpResponse putSettings(RequestContext &ctx)
{
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"License settings need the TenantAdmin role."_s));
    LicenseSettings settings = ctx.tenant()->licenseSettings;
    if (!ctx.request().body.trimmed().isEmpty()) {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return *failure;
        BodyFields fields(body);
        settings.autoAssignProfessional
            = fields.boolean(u"autoAssignProfessional"_s).value_or(settings.autoAssignProfessional);
        settings.autoAssignAnalyzer = fields.boolean(u"autoAssignAnalyzer"_s).value_or(settings.autoAssignAnalyzer);
        if (const auto error = fields.error())
            return ctx.error(*error);
    }
    ctx.tenant()->licenseSettings = settings;
    ctx.audit(u"com.qlik.v1.license.settings.updated"_s, kSource, settingsJson(settings));
    return HttpResponse::json(200, settingsJson(settings));
}

QStringList assignmentValues(const LicenseAssignment &assignment, const QString &attribute)
{
    if (attribute == "subject"_L1)
        return {assignment.subject};
    if (attribute == "type"_L1)
        return {assignment.type};
    if (attribute == "excess"_L1)
        return {assignment.excess ? u"true"_s : u"false"_s};
    if (attribute == "created"_L1)
        return {SandboxClock::iso(assignment.created)};
    return {};
}

HttpResponse listAssignments(RequestContext &ctx)
{
    const Tenant &tenant = *ctx.tenant();
    const Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    static const QStringList text{u"eq"_s, u"ne"_s, u"co"_s, u"sw"_s};
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"subject"_s, text},
                                                 {u"type"_s, {u"eq"_s, u"ne"_s}},
                                                 {u"excess"_s, {u"eq"_s}},
                                                 {u"created"_s, {u"eq"_s, u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    Paging paging(ctx, PagingStyle::Page, {20, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    const bool orphans = ctx.query(u"orphans"_s) == "true"_L1;
    QList<const LicenseAssignment *> matches;
    for (const LicenseAssignment &assignment : subscription->assignments) {
        // FACTS §6: orphans are assignments with no user of that subject on this tenant.
        if (orphans && tenant.userBySubject(assignment.subject))
            continue;
        if (filter.matches([&assignment](const QString &a) { return assignmentValues(assignment, a); }))
            matches.append(&assignment);
    }
    QString sort = ctx.query(u"sort"_s);
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (!sort.isEmpty() && sort != "subject"_L1 && sort != "type"_L1 && sort != "created"_L1)
        return ctx.error(ApiError::badRequest(u"Unknown sort field '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    if (!sort.isEmpty()) {
        const QString attribute = sort.toLower();
        std::stable_sort(matches.begin(), matches.end(), [&](const LicenseAssignment *a, const LicenseAssignment *b) {
            const QString left = assignmentValues(*a, attribute).constFirst().toLower();
            const QString right = assignmentValues(*b, attribute).constFirst().toLower();
            return descending ? right < left : left < right;
        });
    }
    QStringList keys;
    for (const LicenseAssignment *assignment : std::as_const(matches))
        keys.append(assignment->subject);
    const Page page = paging.select(keys);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        const LicenseAssignment &assignment = *matches.at(i);
        data.append(QJsonObject{{u"subject"_s, assignment.subject},
                                {u"type"_s, assignment.type},
                                {u"excess"_s, assignment.excess},
                                {u"created"_s, SandboxClock::iso(assignment.created)}});
    }
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

QJsonObject itemResult(const QString &subject, const QString &type, int status, const QString &title = {})
{
    QJsonObject item{{u"subject"_s, subject}, {u"type"_s, type}, {u"status"_s, status}};
    if (!title.isEmpty()) {
        item.insert(u"code"_s, u"HTTP-%1"_s.arg(status));
        item.insert(u"title"_s, title);
    }
    return item;
}

// Reads {"<key>": [ {...}, ... ]}, the body of every assignment action.
std::optional<HttpResponse> readItems(RequestContext &ctx, const QString &key, QJsonArray &items)
{
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"License assignments need the TenantAdmin role."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return failure;
    BodyFields fields(body);
    items = fields.array(key, BodyFields::Required);
    if (!fields.error() && items.isEmpty())
        fields.fail(key, u"'%1' must list at least one assignment."_s.arg(key));
    if (!fields.error() && items.size() > kMaxItemsPerAction)
        fields.fail(key, u"'%1' can list at most %2 assignments."_s.arg(key).arg(kMaxItemsPerAction));
    for (qsizetype i = 0; i < items.size() && !fields.error(); ++i) {
        if (!items.at(i).isObject())
            fields.fail(key + u'/' + QString::number(i), u"Each assignment must be an object."_s);
    }
    if (const auto error = fields.error())
        return ctx.error(*error);
    return std::nullopt;
}

HttpResponse addAssignments(RequestContext &ctx)
{
    Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    QJsonArray items;
    if (auto failure = readItems(ctx, u"add"_s, items))
        return *failure;
    QJsonArray results;
    for (const QJsonValue &value : std::as_const(items)) {
        const QJsonObject item = value.toObject();
        const QString subject = item.value(u"subject"_s).toString();
        const QString type = item.value(u"type"_s).toString();
        if (subject.isEmpty() || !kAssignableTypes.contains(type)) {
            results.append(itemResult(subject, type, 400,
                                      u"Each assignment needs a subject and a type (professional or analyzer)."_s));
        } else if (subscription->assignment(subject)) {
            results.append(itemResult(subject, type, 409, u"The subject already has a license assignment."_s));
        } else if (!hasFreeSeat(*subscription, type)) {
            results.append(itemResult(subject, type, 403, u"No %1 seat is left in this license."_s.arg(type)));
        } else {
            subscription->assignments.push_back({subject, type, ctx.clock().now(), false});
            ctx.audit(u"com.qlik.v1.license.assignment.created"_s, kSource,
                      {{u"subject"_s, subject}, {u"type"_s, type}});
            results.append(itemResult(subject, type, 201));
        }
    }
    subscription->updated = ctx.clock().now();
    return HttpResponse::json(207, QJsonObject{{u"data"_s, results}});
}

HttpResponse deleteAssignments(RequestContext &ctx)
{
    Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    QJsonArray items;
    if (auto failure = readItems(ctx, u"delete"_s, items))
        return *failure;
    QJsonArray results;
    for (const QJsonValue &value : std::as_const(items)) {
        const QJsonObject item = value.toObject();
        const QString subject = item.value(u"subject"_s).toString();
        const QString type = item.value(u"type"_s).toString();
        const LicenseAssignment *existing = subscription->assignment(subject);
        if (!existing || (!type.isEmpty() && existing->type != type)) {
            results.append(itemResult(subject, type, 404, u"No such license assignment."_s));
            continue;
        }
        std::erase_if(subscription->assignments, [existing](const LicenseAssignment &a) { return &a == existing; });
        ctx.audit(u"com.qlik.v1.license.assignment.deleted"_s, kSource, {{u"subject"_s, subject}, {u"type"_s, type}});
        results.append(itemResult(subject, type, 200));
    }
    subscription->updated = ctx.clock().now();
    return HttpResponse::json(207, QJsonObject{{u"data"_s, results}});
}

// Changes an assignment's type (sourceType -> type) or moves it to another subject
// (sourceSubject -> subject, 201 as a new assignment); FACTS §6.
HttpResponse updateAssignments(RequestContext &ctx)
{
    Subscription *subscription = subscriptionOf(ctx);
    if (!subscription)
        return noLicense(ctx);
    QJsonArray items;
    if (auto failure = readItems(ctx, u"update"_s, items))
        return *failure;
    QJsonArray results;
    for (const QJsonValue &value : std::as_const(items)) {
        const QJsonObject item = value.toObject();
        const QString subject = item.value(u"subject"_s).toString();
        const QString type = item.value(u"type"_s).toString();
        const QString sourceType = item.value(u"sourceType"_s).toString();
        const QString sourceSubject = item.value(u"sourceSubject"_s).toString();
        QJsonObject result = itemResult(subject, type, 200);
        if (subject.isEmpty() || (!type.isEmpty() && !kAssignableTypes.contains(type))) {
            result = itemResult(subject, type, 400, u"Each update needs a subject and a valid type."_s);
        } else if (!sourceSubject.isEmpty()) {
            LicenseAssignment *from = subscription->assignment(sourceSubject);
            if (!from) {
                result = itemResult(subject, type, 404, u"No license assignment for the source subject."_s);
            } else if (subscription->assignment(subject)) {
                result = itemResult(subject, type, 409, u"The subject already has a license assignment."_s);
            } else {
                from->subject = subject;
                if (!type.isEmpty())
                    from->type = type;
                result = itemResult(subject, from->type, 201);
            }
        } else {
            LicenseAssignment *existing = subscription->assignment(subject);
            if (!existing || (!sourceType.isEmpty() && existing->type != sourceType)) {
                result = itemResult(subject, type, 404, u"No such license assignment."_s);
            } else if (type.isEmpty()) {
                result = itemResult(subject, type, 400, u"'type' names the new license type."_s);
            } else if (existing->type != type && !hasFreeSeat(*subscription, type)) {
                result = itemResult(subject, type, 403, u"No %1 seat is left in this license."_s.arg(type));
            } else {
                existing->type = type;
            }
        }
        if (result.value(u"status"_s).toInt() < 300) {
            ctx.audit(u"com.qlik.v1.license.assignment.updated"_s, kSource,
                      {{u"subject"_s, subject}, {u"type"_s, result.value(u"type"_s)}});
        }
        if (!sourceType.isEmpty())
            result.insert(u"sourceType"_s, sourceType);
        if (!sourceSubject.isEmpty())
            result.insert(u"sourceSubject"_s, sourceSubject);
        results.append(result);
    }
    subscription->updated = ctx.clock().now();
    return HttpResponse::json(207, QJsonObject{{u"data"_s, results}});
}

} // namespace

void LicensesApi::addRoutes(Router &router)
{
    const auto route = [&router](QByteArrayView method, const QString &path, RouteHandler handler) {
        router.add(HostKind::Tenant, method, path, std::move(handler)).errors(ErrorStyle::Licenses);
    };
    route("GET", u"/v1/licenses/overview"_s, overview);
    route("GET", u"/v1/licenses/status"_s, status);
    route("GET", u"/v1/licenses/settings"_s, getSettings);
    route("PUT", u"/v1/licenses/settings"_s, putSettings);
    route("GET", u"/v1/licenses/assignments"_s, listAssignments);
    route("POST", u"/v1/licenses/assignments/actions/add"_s, addAssignments);
    route("POST", u"/v1/licenses/assignments/actions/delete"_s, deleteAssignments);
    route("POST", u"/v1/licenses/assignments/actions/update"_s, updateAssignments);
}

} // namespace Sandbox
