#include "sandbox/automationsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/automationengine.h"
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
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/automations"_s;
const QStringList kStates{u"available"_s, u"unavailable"_s, u"disabled"_s};

bool isAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

bool isOwner(const RequestContext &ctx, const Automation &automation)
{
    return !ctx.callerUserId().isEmpty() && automation.ownerId == ctx.callerUserId();
}

void audit(const RequestContext &ctx, const QString &what, const Automation &automation, QJsonObject data = {})
{
    data.insert(u"id"_s, automation.id);
    data.insert(u"name"_s, automation.name);
    ctx.audit(u"com.qlik.v1.automation."_s + what, kSource, data,
              {automation.id, automation.ownerId, automation.spaceId});
}

QJsonObject runJson(const AutomationRun &run, bool detail)
{
    QJsonObject json{
        {u"id"_s, run.id},
        {u"title"_s, run.title},
        {u"status"_s, run.status},
        {u"context"_s, run.context},
        {u"createdAt"_s, AutomationEngine::timestamp(run.createdAt)},
        {u"updatedAt"_s, AutomationEngine::timestamp(run.status == "running"_L1 ? run.startTime : run.stopTime)},
        {u"startTime"_s, AutomationEngine::timestamp(run.startTime)},
        {u"isTestRun"_s, false},
        {u"isArchived"_s, false}};
    if (run.status != "running"_L1) {
        json.insert(u"stopTime"_s, AutomationEngine::timestamp(run.stopTime));
        json.insert(u"duration"_s, run.startTime.secsTo(run.stopTime));
    }
    if (run.status == "failed"_L1)
        json.insert(u"error"_s, run.error);
    if (detail)
        json.insert(u"inputs"_s, run.inputs);
    return json;
}

// Connector and endpoint guids the workspace's blocks use (the response lists them).
void blockIds(const QJsonObject &workspace, QJsonArray *connectors, QJsonArray *endpoints)
{
    for (const QJsonValue value : workspace.value(u"blocks"_s).toArray()) {
        const QJsonObject block = value.toObject();
        const QString connector = block.value(u"datasourcetype_guid"_s).toString();
        const QString endpoint = block.value(u"endpoint_guid"_s).toString();
        if (!connector.isEmpty() && !connectors->contains(connector))
            connectors->append(connector);
        if (!endpoint.isEmpty() && !endpoints->contains(endpoint))
            endpoints->append(endpoint);
    }
}

QJsonObject automationJson(const Automation &automation, bool detail)
{
    QJsonArray connectors;
    QJsonArray endpoints;
    blockIds(automation.workspace, &connectors, &endpoints);
    QJsonObject json{{u"id"_s, automation.id},
                     {u"name"_s, automation.name},
                     {u"description"_s, automation.description},
                     {u"state"_s, automation.state},
                     {u"ownerId"_s, automation.ownerId},
                     {u"runMode"_s, automation.runMode},
                     {u"lastRunStatus"_s, automation.lastRunStatus},
                     {u"createdAt"_s, AutomationEngine::timestamp(automation.createdAt)},
                     {u"updatedAt"_s, AutomationEngine::timestamp(automation.updatedAt)},
                     {u"snippetIds"_s, QJsonArray()},
                     {u"connectorIds"_s, connectors},
                     {u"endpointIds"_s, endpoints}};
    if (automation.lastRunAt.isValid())
        json.insert(u"lastRunAt"_s, AutomationEngine::timestamp(automation.lastRunAt));
    if (!automation.spaceId.isEmpty())
        json.insert(u"spaceId"_s, automation.spaceId);
    if (detail) {
        json.insert(u"workspace"_s, automation.workspace);
        json.insert(u"schedules"_s, automation.schedules);
        json.insert(u"executionToken"_s, automation.executionToken);
        if (!automation.runs.empty())
            json.insert(u"lastRun"_s, runJson(automation.runs.back(), false));
    }
    return json;
}

HttpResponse notFound(const RequestContext &ctx, const QString &id)
{
    return ctx.error(ApiError::notFound(u"No automation '%1'."_s.arg(id)));
}

// The automation of the path, with the caller's right checked; otherwise the answer to send.
Automation *findAutomation(RequestContext &ctx, bool ownerOnly, std::optional<HttpResponse> *refusal)
{
    const QString id = ctx.param(u"id"_s);
    Automation *automation = ctx.tenant()->automations.find(id);
    if (!automation) {
        *refusal = notFound(ctx, id);
        return nullptr;
    }
    const bool allowed = isOwner(ctx, *automation) || (!ownerOnly && isAdmin(ctx));
    if (!allowed) {
        // FACTS §12: reading or running someone else's automation needs owning it (move it first).
        *refusal = ctx.error(ApiError::forbidden(u"The automation '%1' belongs to another user."_s.arg(id)));
        return nullptr;
    }
    return automation;
}

struct DefinitionBody
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> state;
    std::optional<QJsonArray> schedules;
    std::optional<QJsonObject> workspace;
    std::optional<QString> spaceId;
};

// The fields of AutomationDetailRequestObject (plus description and spaceId); anything else in
// the body is ignored, so a GET payload posts unchanged (FACTS §12).
std::optional<HttpResponse> readDefinition(RequestContext &ctx, DefinitionBody *out)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return failure;
    BodyFields fields(body);
    if (fields.has(u"name"_s))
        out->name = fields.string(u"name"_s).trimmed();
    if (fields.has(u"description"_s))
        out->description = fields.string(u"description"_s);
    if (fields.has(u"state"_s))
        out->state = fields.oneOf(u"state"_s, kStates);
    if (fields.has(u"schedules"_s)) {
        const QJsonArray schedules = fields.array(u"schedules"_s);
        for (qsizetype i = 0; i < schedules.size() && !fields.error(); ++i) {
            if (!schedules.at(i).isObject())
                fields.fail(u"schedules"_s, u"'schedules' must be an array of objects."_s);
        }
        out->schedules = schedules;
    }
    if (fields.has(u"workspace"_s)) {
        const QJsonObject workspace = fields.object(u"workspace"_s);
        if (!fields.error() && workspace.contains(u"blocks"_s) && !workspace.value(u"blocks"_s).isArray())
            fields.fail(u"workspace"_s, u"'workspace.blocks' must be an array."_s);
        out->workspace = workspace;
    }
    if (fields.has(u"spaceId"_s))
        out->spaceId = fields.string(u"spaceId"_s);
    if (out->name && out->name->isEmpty())
        fields.fail(u"name"_s, u"'name' must not be empty."_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    return std::nullopt;
}

QJsonArray withScheduleIds(RequestContext &ctx, const QJsonArray &schedules)
{
    QJsonArray out;
    for (const QJsonValue value : schedules) {
        QJsonObject schedule = value.toObject();
        if (!schedule.value(u"id"_s).isString())
            schedule.insert(u"id"_s, ctx.state().ids().uuidV1Like());
        out.append(schedule);
    }
    return out;
}

void apply(RequestContext &ctx, Automation &automation, const DefinitionBody &body)
{
    if (body.name)
        automation.name = *body.name;
    if (body.description)
        automation.description = *body.description;
    if (body.state)
        automation.state = *body.state;
    if (body.schedules)
        automation.schedules = withScheduleIds(ctx, *body.schedules);
    if (body.workspace) {
        automation.workspace = *body.workspace;
        automation.runMode = AutomationEngine::runModeOf(automation.workspace);
    }
    if (body.spaceId)
        automation.spaceId = *body.spaceId;
}

Automation newAutomation(RequestContext &ctx, const QString &name)
{
    Automation automation;
    automation.id = ctx.state().ids().uuidV1Like();
    automation.itemId = ctx.state().ids().objectId();
    automation.name = name;
    automation.ownerId = ctx.callerUserId();
    automation.createdAt = ctx.clock().now();
    automation.updatedAt = automation.createdAt;
    automation.executionToken = ctx.state().ids().alphanumeric(40);
    automation.workspace = QJsonObject{{u"blocks"_s, QJsonArray()}, {u"variables"_s, QJsonArray()}};
    return automation;
}

// --- automations --------------------------------------------------------------------------------

QStringList filterValues(const Automation &automation, const QString &attribute)
{
    if (attribute == "name"_L1)
        return {automation.name};
    if (attribute == "runmode"_L1)
        return {automation.runMode};
    if (attribute == "lastrunstatus"_L1)
        return {automation.lastRunStatus};
    if (attribute == "ownerid"_L1)
        return {automation.ownerId};
    return {};
}

QString sortValue(const Automation &automation, const QString &key)
{
    if (key == "name"_L1)
        return automation.name.toLower();
    if (key == "runMode"_L1)
        return automation.runMode;
    if (key == "state"_L1)
        return automation.state;
    if (key == "createdAt"_L1)
        return SandboxClock::iso(automation.createdAt);
    if (key == "updatedAt"_L1)
        return SandboxClock::iso(automation.updatedAt);
    if (key == "lastRunAt"_L1)
        return SandboxClock::iso(automation.lastRunAt);
    if (key == "lastRunStatus"_L1)
        return automation.lastRunStatus;
    if (key == "duration"_L1) {
        const qint64 duration
            = automation.runs.empty() ? 0 : automation.runs.back().startTime.secsTo(automation.runs.back().stopTime);
        return u"%1"_s.arg(duration, 12, 10, QLatin1Char('0'));
    }
    return automation.id;
}

// "name", "+name", "-name", ... from `keys`; false when the key is unknown.
template<typename T>
bool sortBy(QList<T *> &list, QString sort, const QStringList &keys,
            const std::function<QString(const T &, const QString &)> &value,
            const std::function<QString(const T &)> &id)
{
    bool descending = false;
    if (sort.startsWith(u'-') || sort.startsWith(u'+')) {
        descending = sort.startsWith(u'-');
        sort.remove(0, 1);
    }
    if (!keys.contains(sort))
        return false;
    std::stable_sort(list.begin(), list.end(), [&](const T *a, const T *b) {
        const QString left = value(*a, sort);
        const QString right = value(*b, sort);
        if (left == right)
            return descending ? id(*b) < id(*a) : id(*a) < id(*b);
        return descending ? right < left : left < right;
    });
    return true;
}

HttpResponse list(RequestContext &ctx)
{
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"name"_s, {u"eq"_s, u"co"_s, u"sw"_s}},
                                                 {u"runmode"_s, {u"eq"_s}},
                                                 {u"lastrunstatus"_s, {u"eq"_s}},
                                                 {u"ownerid"_s, {u"eq"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    const QString listAll = ctx.query(u"listAll"_s);
    if (!listAll.isEmpty() && listAll != "true"_L1 && listAll != "false"_L1)
        return ctx.error(ApiError::badRequest(u"'listAll' must be true or false."_s).withParameter(u"listAll"_s));
    // FACTS §11.2: listAll (TenantAdmin) lists everyone's automations; otherwise one's own.
    if (listAll == "true"_L1 && !isAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"'listAll' is for TenantAdmins."_s));
    Paging paging(ctx, PagingStyle::CursorParam, {100, 200, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);

    QList<Automation *> matches;
    for (Automation &automation : ctx.tenant()->automations) {
        if (listAll != "true"_L1 && !isOwner(ctx, automation))
            continue;
        if (!filter.matches([&automation](const QString &attribute) { return filterValues(automation, attribute); }))
            continue;
        matches.append(&automation);
    }
    static const QStringList keys{u"id"_s,        u"name"_s,      u"runMode"_s,       u"state"_s,   u"createdAt"_s,
                                  u"updatedAt"_s, u"lastRunAt"_s, u"lastRunStatus"_s, u"duration"_s};
    const QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"id"_s;
    if (!sortBy<Automation>(matches, sort, keys, sortValue, [](const Automation &a) { return a.id; }))
        return ctx.error(ApiError::badRequest(u"Unknown sort '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    QStringList ids;
    for (const Automation *automation : std::as_const(matches))
        ids.append(automation->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(automationJson(*matches.at(i), false));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    if (!ctx.caller().user)
        return ctx.error(ApiError::forbidden(u"Creating automations needs a user."_s));
    DefinitionBody body;
    if (auto failure = readDefinition(ctx, &body))
        return *failure;
    if (!body.name)
        return ctx.error(ApiError::badRequest(u"'name' is required."_s).withPointer(u"/name"_s));
    Automation automation = newAutomation(ctx, *body.name);
    apply(ctx, automation, body);
    Automation &stored = ctx.tenant()->automations.insert(automation);
    audit(ctx, u"created"_s, stored, {{u"runMode"_s, stored.runMode}});
    return HttpResponse::json(201, automationJson(stored, true));
}

HttpResponse get(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    return HttpResponse::json(200, automationJson(*automation, true));
}

HttpResponse update(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    DefinitionBody body;
    if (auto failure = readDefinition(ctx, &body))
        return *failure;
    apply(ctx, *automation, body);
    automation->updatedAt = ctx.clock().now();
    audit(ctx, u"updated"_s, *automation);
    return HttpResponse::json(200, automationJson(*automation, true));
}

HttpResponse remove(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const Automation *automation = findAutomation(ctx, false, &refusal);
    if (!automation)
        return *refusal;
    audit(ctx, u"deleted"_s, *automation);
    ctx.tenant()->automations.remove(automation->id);
    return HttpResponse::empty(204);
}

HttpResponse setState(RequestContext &ctx, const QString &state)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, false, &refusal);
    if (!automation)
        return *refusal;
    automation->state = state;
    automation->updatedAt = ctx.clock().now();
    audit(ctx, state == "disabled"_L1 ? u"disabled"_s : u"enabled"_s, *automation);
    return HttpResponse::empty(204);
}

HttpResponse enable(RequestContext &ctx)
{
    return setState(ctx, u"available"_s);
}

HttpResponse disable(RequestContext &ctx)
{
    return setState(ctx, u"disabled"_s);
}

HttpResponse move(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, false, &refusal);
    if (!automation)
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
            ApiError::badRequest(u"No user '%1' to own the automation."_s.arg(userId)).withPointer(u"/userId"_s));
    const QString previous = automation->ownerId;
    automation->ownerId = userId;
    // FACTS §12: moving wipes the run history and change log (and detaches connections).
    automation->runs.clear();
    automation->lastRunStatus = u"not started"_s;
    automation->lastRunAt = QDateTime();
    automation->updatedAt = ctx.clock().now();
    audit(ctx, u"owner.changed"_s, *automation, {{u"ownerId"_s, userId}, {u"previousOwnerId"_s, previous}});
    return HttpResponse::empty(204);
}

HttpResponse copy(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const Automation *source = findAutomation(ctx, true, &refusal);
    if (!source)
        return *refusal;
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString name = fields.string(u"name"_s, BodyFields::Required).trimmed();
    if (const auto error = fields.error())
        return ctx.error(*error);
    Automation copied = newAutomation(ctx, name);
    copied.description = source->description;
    copied.state = source->state;
    copied.workspace = source->workspace;
    copied.runMode = source->runMode;
    copied.spaceId = source->spaceId;
    QJsonArray schedules;
    for (const QJsonValue schedule : source->schedules) {
        QJsonObject fresh = schedule.toObject();
        fresh.remove(u"id"_s); // the copy's schedules are its own
        schedules.append(fresh);
    }
    copied.schedules = withScheduleIds(ctx, schedules);
    const Automation &stored = ctx.tenant()->automations.insert(copied);
    audit(ctx, u"copied"_s, stored, {{u"sourceAutomationId"_s, source->id}});
    return HttpResponse::json(201, QJsonObject{{u"id"_s, stored.id}});
}

// --- runs ----------------------------------------------------------------------------------------

QStringList runFilterValues(const AutomationRun &run, const QString &attribute)
{
    if (attribute == "status"_L1)
        return {run.status};
    if (attribute == "context"_L1)
        return {run.context};
    if (attribute == "title"_L1)
        return {run.title};
    if (attribute == "starttime"_L1)
        return {AutomationEngine::timestamp(run.startTime)};
    return {};
}

QString runSortValue(const AutomationRun &run, const QString &key)
{
    if (key == "status"_L1)
        return run.status;
    if (key == "startTime"_L1)
        return SandboxClock::iso(run.startTime);
    return run.id;
}

HttpResponse listRuns(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    const ScimFilter filter = ScimFilter::parse(ctx.query(u"filter"_s),
                                                {{u"status"_s, {u"eq"_s}},
                                                 {u"context"_s, {u"eq"_s}},
                                                 {u"title"_s, {u"eq"_s, u"co"_s}},
                                                 {u"starttime"_s, {u"eq"_s, u"gt"_s, u"lt"_s, u"ge"_s, u"le"_s}}});
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
    Paging paging(ctx, PagingStyle::CursorParam, {10, 200, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<AutomationRun *> runs;
    for (AutomationRun &run : automation->runs) {
        if (filter.matches([&run](const QString &attribute) { return runFilterValues(run, attribute); }))
            runs.append(&run);
    }
    static const QStringList keys{u"id"_s, u"status"_s, u"startTime"_s};
    const QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"-startTime"_s;
    if (!sortBy<AutomationRun>(runs, sort, keys, runSortValue, [](const AutomationRun &run) { return run.id; }))
        return ctx.error(ApiError::badRequest(u"Unknown sort '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    QStringList ids;
    for (const AutomationRun *run : std::as_const(runs))
        ids.append(run->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(runJson(*runs.at(i), false));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse startRun(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    [[maybe_unused]] const QString context = fields.oneOf(u"context"_s, {u"api"_s}, BodyFields::Required);
    const QJsonObject inputs = fields.object(u"inputs"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (automation->state != "available"_L1)
        return ctx.error(ApiError::badRequest(
            u"The automation '%1' is %2; enable it first."_s.arg(automation->id, automation->state)));
    const AutomationRun &run = AutomationEngine::start(ctx, *ctx.tenant(), *automation, u"api_async"_s, inputs);
    return HttpResponse::json(201, runJson(run, true));
}

AutomationRun *findRun(RequestContext &ctx, Automation &automation)
{
    const QString runId = ctx.param(u"runId"_s);
    for (AutomationRun &run : automation.runs) {
        if (run.id == runId)
            return &run;
    }
    return nullptr;
}

HttpResponse getRun(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    const AutomationRun *run = findRun(ctx, *automation);
    if (!run)
        return ctx.error(ApiError::notFound(u"No run '%1' of this automation."_s.arg(ctx.param(u"runId"_s))));
    return HttpResponse::json(200, runJson(*run, true));
}

HttpResponse stopRun(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    Automation *automation = findAutomation(ctx, true, &refusal);
    if (!automation)
        return *refusal;
    AutomationRun *run = findRun(ctx, *automation);
    if (!run)
        return ctx.error(ApiError::notFound(u"No run '%1' of this automation."_s.arg(ctx.param(u"runId"_s))));
    if (run->status != "running"_L1)
        return ctx.error(ApiError::badRequest(u"The run '%1' is %2 already."_s.arg(run->id, run->status)));
    run->status = u"stopped"_s;
    run->stopTime = ctx.clock().now();
    if (run == &automation->runs.back())
        automation->lastRunStatus = run->status;
    audit(ctx, u"run.stopped"_s, *automation, {{u"runId"_s, run->id}});
    return HttpResponse::empty(204);
}

} // namespace

void AutomationsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/automations"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/automations"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/automations/{id}"_s, get);
    router.add(HostKind::Tenant, "PUT", u"/v1/automations/{id}"_s, update);
    router.add(HostKind::Tenant, "DELETE", u"/v1/automations/{id}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/actions/enable"_s, enable);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/actions/disable"_s, disable);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/actions/move"_s, move);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/actions/copy"_s, copy);
    router.add(HostKind::Tenant, "GET", u"/v1/automations/{id}/runs"_s, listRuns);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/runs"_s, startRun);
    router.add(HostKind::Tenant, "GET", u"/v1/automations/{id}/runs/{runId}"_s, getRun);
    router.add(HostKind::Tenant, "POST", u"/v1/automations/{id}/runs/{runId}/actions/stop"_s, stopRun);
}

} // namespace Sandbox
