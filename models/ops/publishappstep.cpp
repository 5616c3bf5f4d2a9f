#include "ops/publishappstep.h"

#include "ops/localappfile.h"
#include "ops/plan.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/item.h"
#include "cloud/resources/parsed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

constexpr int kPublishNotReadyRetries = 10; // FACTS §7, §14.5: a fresh space may not take a publish for a while
constexpr std::chrono::seconds kVerifyInterval{1}; // FACTS §14.5: Qlik's own loop retries every second
constexpr int kDefaultVerifySeconds = 120;

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : u"(never)"_s;
}

QJsonObject sourceJson(const ExportedAppCache::SourceApp &app)
{
    return {{u"id"_s, app.id},
            {u"name"_s, app.name},
            {u"description"_s, app.description},
            {u"spaceId"_s, app.spaceId},
            {u"spaceType"_s, app.spaceType},
            {u"modifiedDate"_s, iso(app.modifiedDate)},
            {u"lastReloadTime"_s, app.lastReloadTime.isValid() ? iso(app.lastReloadTime) : QString()}};
}

ExportedAppCache::SourceApp sourceFromJson(const QJsonObject &json)
{
    ExportedAppCache::SourceApp app;
    app.id = json.value(u"id"_s).toString();
    app.name = json.value(u"name"_s).toString();
    app.description = json.value(u"description"_s).toString();
    app.spaceId = json.value(u"spaceId"_s).toString();
    app.spaceType = json.value(u"spaceType"_s).toString();
    app.modifiedDate = QDateTime::fromString(json.value(u"modifiedDate"_s).toString(), Qt::ISODateWithMs);
    app.lastReloadTime = QDateTime::fromString(json.value(u"lastReloadTime"_s).toString(), Qt::ISODateWithMs);
    return app;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

PublishAppStep::PublishAppStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{
    m_retryTimer.setSingleShot(true);
}

PublishAppStep::~PublishAppStep() = default;

StepType PublishAppStep::type()
{
    StepType type;
    type.name = u"publish-app"_s;
    type.title = u"Publish app"_s;
    // Space names follow the spec's SpaceCreate (see the "space" step).
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["stagingSpace", "managedSpace"],
        "oneOf": [{"required": ["source", "app"]}, {"required": ["appFile"]}],
        "additionalProperties": false,
        "properties": {
            "source": {"type": "string", "minLength": 3, "pattern": "^[A-Za-z0-9.-]+$",
                       "description": "The source tenant's hostname, where the app is exported from."},
            "sourceProfile": {"type": "string", "minLength": 1,
                              "description": "The credential profile for the source tenant; default: chosen by its hostname."},
            "app": {"type": "string", "minLength": 1, "description": "The source app's id, or its exact name."},
            "appFile": {"type": "string", "minLength": 1,
                        "description": "Instead of source and app: the path of a .qvf file on the computer that runs the plan, absolute or relative to the plan file's folder (the plan holds the path, never the bytes); the app is called by the file's name without .qvf."},
            "stagingSpace": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[^\"*?<>/|\\\\:]+$",
                             "description": "The target's shared space the app is imported into."},
            "managedSpace": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[^\"*?<>/|\\\\:]+$",
                             "description": "The target's managed space the app is published to."},
            "createSpaces": {"type": "boolean", "description": "Create the staging and managed spaces when missing."},
            "matchByName": {"type": "boolean",
                            "description": "Republish over a copy of the same name whose origin cannot be traced."},
            "name": {"type": "string", "minLength": 1, "description": "The published copy's name; default: the source app's."},
            "data": {"enum": ["source", "target"], "description": "Publish the source's data, or keep the copy's."},
            "existing": {"enum": ["republish", "keep"],
                         "description": "A copy published earlier: republish over it (default), or keep it as it is (publish new copies only)."},
            "reload": {"type": "boolean", "description": "Reload the published copy afterwards."},
            "cleanup": {"enum": ["keep-latest", "delete", "keep"],
                        "description": "Staged copies: keep the one the published copy comes from (default), delete all, or keep all."},
            "knownOriginAppIds": {"type": "array", "items": {"type": "string", "minLength": 1},
                                  "description": "Ids of earlier staged copies the published copy may come from."},
            "verifySeconds": {"type": "integer", "minimum": 0, "maximum": 600,
                              "description": "How long to wait for the published copy (and its reload) to read back; default 120."}
        }
    })")
                            .object();
    type.outputs
        = {{u"publishedAppId"_s, u"the published copy's app id"_s, u"116dbfae-7fb9-4983-8e23-5ccd8c508722"_s},
           {u"stagedAppId"_s, u"the staged app it was published from"_s, u"3a5f1e7c-2b4d-4e8f-9a1b-6c7d8e9f0a1b"_s},
           {u"sourceAppId"_s, u"the source app's id"_s, u"f0e1d2c3-b4a5-4697-8889-7a6b5c4d3e2f"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new PublishAppStep(context, parent); };
    return type;
}

ExportedAppCache::Source PublishAppStep::source() const
{
    ExportedAppCache::Source source;
    source.jobId = context().jobId;
    source.host = params().value(u"source"_s).toString();
    source.profile = params().value(u"sourceProfile"_s).toString();
    source.region = Plan::regionOfHostname(source.host);
    source.app = params().value(u"app"_s).toString();
    return source;
}

QString PublishAppStep::appFile() const
{
    return localPath(params().value(u"appFile"_s).toString());
}

QString PublishAppStep::managedName() const
{
    return params().value(u"managedSpace"_s).toString();
}

QString PublishAppStep::stagingName() const
{
    return params().value(u"stagingSpace"_s).toString();
}

QString PublishAppStep::publishedName(const ExportedAppCache::SourceApp &app) const
{
    const QString name = params().value(u"name"_s).toString();
    return name.isEmpty() ? app.name : name;
}

QString PublishAppStep::cleanupMode() const
{
    return params().value(u"cleanup"_s).toString(u"keep-latest"_s);
}

QString PublishAppStep::describe() const
{
    if (!appFile().isEmpty())
        return u"app file '%1' published to '%2'"_s.arg(appFile(), managedName());
    return u"app '%1' of %2 published to '%3'"_s.arg(params().value(u"app"_s).toString(),
                                                     params().value(u"source"_s).toString(), managedName());
}

StepChange PublishAppStep::recoveredChange(StepAction intended, const StepProbe &found) const
{
    StepChange change;
    change.outputs = found.outputs;
    const QString id = found.outputs.value(u"publishedAppId"_s).toString();
    const bool created = intended == StepAction::Create;
    change.summary = (created ? u"published "_s : u"republished "_s) + describe() + u" as "_s + id;
    (created ? change.created : change.updated).append({u"app"_s, id, {}});
    return change;
}

// --- probe -----------------------------------------------------------------------------------

void PublishAppStep::probe()
{
    m_reading = Reading();
    if (!context().cloud) {
        fail(StepError::failed(
            u"step \"%1\" needs the Qlik Cloud client, and the job has none"_s.arg(context().stepId)));
        return;
    }
    if (!appFile().isEmpty()) {
        probeFile();
        return;
    }
    m_waitingForSource = true;
    ExportedAppCache::shared()->sourceApp(
        context().cloud, source(), this, [this](const ExportedAppCache::SourceApp &app, const StepError &error) {
            if (!m_waitingForSource)
                return;
            m_waitingForSource = false;
            if (!error.message.isEmpty()) {
                fail(error);
                return;
            }
            m_reading.source = app;
            // FACTS §10.2, §10.4: only apps of personal or shared spaces are exported and published.
            if (app.spaceType == u"managed"_s) {
                finishProbe(StepProbe::blocked(
                    u"the source app '%1' (%2) is in a managed space of %3; export and publish work only from "
                    u"shared or personal spaces — publish from its staged original instead"_s.arg(app.name, app.id,
                                                                                                  source().host)));
                return;
            }
            probeTarget();
        });
}

void PublishAppStep::probeFile()
{
    const LocalAppFile file = LocalAppFile::inspect(appFile());
    if (!file.ok()) {
        finishProbe(StepProbe::blocked(file.problem));
        return;
    }
    // A local file stands in for the source app: its name names the app, and its modification
    // time is its "last change" (a copy published after it carries this content).
    m_reading.source = ExportedAppCache::SourceApp();
    m_reading.source.name = file.appName;
    m_reading.source.modifiedDate = file.modified;
    probeTarget();
}

bool PublishAppStep::blockedOnError(const Cloud::ApiError &error)
{
    // FACTS §3.3: a deactivated tenant answers every call (its token too) with 401 TENANT_DISABLED.
    if (error.code() == u"TENANT_DISABLED"_s) {
        finishProbe(StepProbe::blocked(u"tenant %1 is deactivated (TENANT_DISABLED); reactivate it or leave it out "
                                       u"of the rollout"_s.arg(context().tenantHost)));
        return true;
    }
    return false;
}

void PublishAppStep::probeTarget()
{
    // The bot user's id tells Tenantry's own staged copies (it imports them) from anyone else's.
    send(
        tenantCall("GET", u"/api/v1/users/me"_s),
        [this](const Cloud::ApiResult &result) {
            m_reading.botId = result.json().object().value(u"id"_s).toString();
            if (m_reading.botId.isEmpty()) {
                fail(StepError::failed(u"GET /api/v1/users/me on %1 answered no user id"_s.arg(context().tenantHost)));
                return;
            }
            findSpace(true);
        },
        [this](const Cloud::ApiError &error) { return blockedOnError(error); });
}

void PublishAppStep::findSpace(bool managed)
{
    const QString name = managed ? managedName() : stagingName();
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/spaces"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"name"_s, name)}, {u"limit"_s, u"100"_s}};
    listAll(call, [this, managed, name](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::Space space = Cloud::Space::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a space in the answer of GET /api/v1/spaces is malformed: "_s
                                       + reader.error()));
                return;
            }
            if (space.name.compare(name, Qt::CaseInsensitive) == 0)
                (managed ? m_reading.managed : m_reading.staging) = space;
        }
        const bool create = params().value(u"createSpaces"_s).toBool();
        const std::optional<Cloud::Space> &space = managed ? m_reading.managed : m_reading.staging;
        const QString wanted = managed ? u"managed"_s : u"shared"_s;
        if (!space && !create) {
            finishProbe(StepProbe::blocked(
                u"%1 has no %2 space '%3'; create it first (or allow creating it: "
                u"createSpaces, tenantryctl republish --create-space)"_s.arg(context().tenantHost, wanted, name)));
            return;
        }
        if (space && space->type != wanted) {
            finishProbe(StepProbe::blocked(u"space '%1' on %2 is a %3 space, not %4"_s.arg(
                space->name, context().tenantHost, space->type, wanted)));
            return;
        }
        // The caller's actions in the space say whether the bot may publish / import there (FACTS §7).
        const QString action = managed ? u"publish"_s : u"create"_s;
        if (space && !space->actions.contains(action)) {
            finishProbe(StepProbe::blocked(
                u"the bot user of this client is not a %1 of space '%2' on %3 (it may not %4 there); assign it "
                u"that role in the space"_s.arg(managed ? u"publisher"_s : u"producer"_s, space->name,
                                                context().tenantHost, action)));
            return;
        }
        if (managed) {
            findSpace(false);
            return;
        }
        if (m_reading.managed)
            listApps(true);
        else if (m_reading.staging)
            listApps(false);
        else
            classify();
    });
}

void PublishAppStep::listApps(bool managed)
{
    const Cloud::Space &space = managed ? *m_reading.managed : *m_reading.staging;
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/items"_s);
    call.query = QUrlQuery{
        {u"resourceType"_s, u"app"_s}, {u"spaceId"_s, space.id}, {u"limit"_s, u"100"_s}, {u"noActions"_s, u"true"_s}};
    listAll(call, [this, managed](const QJsonArray &items) {
        QList<Cloud::App> &apps = managed ? m_reading.managedApps : m_reading.stagingApps;
        for (const QJsonValue value : items) {
            Cloud::JsonReader reader(value.toObject());
            const Cloud::Item item = Cloud::Item::read(reader);
            if (!reader.ok()) {
                fail(
                    StepError::failed(u"an item in the answer of GET /api/v1/items is malformed: "_s + reader.error()));
                return;
            }
            if (!item.app)
                continue;
            Cloud::App app = *item.app;
            if (app.id.isEmpty())
                app.id = item.resourceId;
            if (app.ownerId.isEmpty())
                app.ownerId = item.ownerId;
            if (!app.createdDate.isValid())
                app.createdDate = item.resourceCreatedAt.isValid() ? item.resourceCreatedAt : item.createdAt;
            apps.append(app);
        }
        if (managed && m_reading.staging)
            listApps(false);
        else
            classify();
    });
}

void PublishAppStep::classify()
{
    const ExportedAppCache::SourceApp &src = m_reading.source;
    const QString name = publishedName(src);
    const QString managedId = m_reading.managed ? m_reading.managed->id : QString();
    const QString stagingId = m_reading.staging ? m_reading.staging->id : QString();
    const QDateTime changed = src.changed();

    // Tenantry's staged copies of this app: named as the source, imported by this client's bot.
    QList<Cloud::App> staged;
    for (const Cloud::App &app : std::as_const(m_reading.stagingApps)) {
        if (app.name.compare(src.name, Qt::CaseInsensitive) == 0 && app.ownerId == m_reading.botId
            && app.originAppId.isEmpty())
            staged.append(app);
    }
    QStringList origins = strings(params().value(u"knownOriginAppIds"_s));
    for (const Cloud::App &app : std::as_const(staged))
        origins.append(app.id);

    QList<Cloud::App> traced;
    QList<Cloud::App> sameName;
    for (const Cloud::App &app : std::as_const(m_reading.managedApps)) {
        if (!app.originAppId.isEmpty() && origins.contains(app.originAppId))
            traced.append(app);
        else if (app.name.compare(name, Qt::CaseInsensitive) == 0)
            sameName.append(app);
    }
    const bool byName = params().value(u"matchByName"_s).toBool();
    const auto ids = [](const QList<Cloud::App> &apps) {
        QStringList list;
        for (const Cloud::App &app : apps)
            list.append(app.id);
        return list.join(u", "_s);
    };
    std::optional<Cloud::App> existing;
    if (traced.size() > 1) {
        finishProbe(StepProbe::blocked(u"%1 published copies in '%2' on %3 come from staged copies of '%4' (%5); "
                                       u"remove all but one, then run again"_s.arg(traced.size())
                                           .arg(managedName(), context().tenantHost, src.name, ids(traced))));
        return;
    }
    if (traced.size() == 1) {
        existing = traced.first();
    } else if (!sameName.isEmpty()) {
        if (!byName) {
            finishProbe(StepProbe::blocked(
                u"'%1' has a published app named '%2' (%3) that Tenantry cannot trace to a staged copy of the source; "
                u"allow matching by name (matchByName, tenantryctl republish --match-name) to republish over it"_s.arg(
                    managedName(), name, ids(sameName))));
            return;
        }
        if (sameName.size() > 1) {
            finishProbe(StepProbe::blocked(u"%1 published apps in '%2' on %3 are named '%4' (%5); remove all but one, "
                                           u"then run again"_s.arg(sameName.size())
                                               .arg(managedName(), context().tenantHost, name, ids(sameName))));
            return;
        }
        existing = sameName.first();
    }

    if (existing && params().value(u"existing"_s).toString() == u"keep"_s) {
        // Publishing new copies only: a tenant that has one keeps it, whatever its age.
        finishProbe(StepProbe::noChange(
            u"kept: '%1' already has the published copy %2 (origin %3); only new copies are published"_s.arg(
                managedName(), existing->id, existing->originAppId),
            QJsonObject{{u"publishedAppId"_s, existing->id},
                        {u"stagedAppId"_s, existing->originAppId},
                        {u"sourceAppId"_s, src.id}}));
        return;
    }

    // A staged copy imported after the source's last change carries its current content: one whose
    // import answer was lost, or one kept from an earlier run. The newest is used; none is imported twice.
    std::optional<Cloud::App> fresh;
    for (const Cloud::App &app : std::as_const(staged)) {
        if (app.createdDate.isValid() && app.createdDate >= changed && (!fresh || app.createdDate > fresh->createdDate))
            fresh = app;
    }
    const bool tracedCopy = existing && origins.contains(existing->originAppId);
    const bool upToDate = tracedCopy && existing->publishTime.isValid() && existing->publishTime >= changed
        && existing->name.compare(name, Qt::CaseSensitive) == 0;

    const QString publishFrom = upToDate ? existing->originAppId : (fresh ? fresh->id : QString());
    QStringList cleanup;
    const QString mode = cleanupMode();
    for (const Cloud::App &app : std::as_const(staged)) {
        if (mode == u"delete"_s || (mode == u"keep-latest"_s && app.id != publishFrom))
            cleanup.append(app.id);
    }
    if (mode == u"delete"_s && !publishFrom.isEmpty() && !cleanup.contains(publishFrom))
        cleanup.append(publishFrom);
    const bool reload = params().value(u"reload"_s).toBool();
    // A reload is still owed when the copy has not been reloaded since it was (re)published.
    const bool reloadOwed = reload && existing
        && (!existing->lastReloadTime.isValid() || existing->lastReloadTime < existing->publishTime);

    QJsonObject data{{u"source"_s, sourceJson(src)},
                     {u"managedSpaceId"_s, managedId},
                     {u"stagingSpaceId"_s, stagingId},
                     {u"createManaged"_s, !m_reading.managed.has_value()},
                     {u"createStaging"_s, !m_reading.staging.has_value()},
                     {u"stagedAppId"_s, publishFrom},
                     {u"targetId"_s, existing ? existing->id : QString()},
                     {u"targetOrigin"_s, existing ? existing->originAppId : QString()},
                     {u"cleanup"_s, QJsonArray::fromStringList(cleanup)}};
    const bool fromFile = !appFile().isEmpty();
    const QString exportCall = fromFile
        ? u"POST /api/v1/temp-contents?filename=%1 (the bytes of %2)"_s.arg(LocalAppFile::inspect(appFile()).fileName,
                                                                            appFile())
        : u"POST /api/v1/apps/%1/export on %2 (once per job)"_s.arg(src.id, source().host);
    const QString importCall = u"POST /api/v1/apps/import?spaceId=%1%2"_s.arg(
        stagingId.isEmpty() ? u"{stagingSpaceId}"_s : stagingId, fromFile ? u"&fileId={tempContentId}"_s : QString());
    QStringList calls;
    const auto cleanupCalls = [&calls, &cleanup] {
        for (const QString &id : std::as_const(cleanup))
            calls.append(u"DELETE /api/v1/apps/"_s + id);
    };

    if (upToDate) {
        const QJsonObject outputs{
            {u"publishedAppId"_s, existing->id}, {u"stagedAppId"_s, existing->originAppId}, {u"sourceAppId"_s, src.id}};
        if (!reloadOwed && cleanup.isEmpty()) {
            finishProbe(StepProbe::noChange(
                u"up to date: '%1' (%2) in '%3' was published %4, after the source app last changed (%5)"_s.arg(
                    name, existing->id, managedName(), iso(existing->publishTime), iso(changed)),
                outputs));
            return;
        }
        QStringList left;
        QJsonArray work;
        if (reloadOwed) {
            left.append(u"reload it"_s);
            work.append(u"reload"_s);
            calls.append(u"POST /api/v1/reloads"_s);
        }
        if (!cleanup.isEmpty()) {
            left.append(u"remove %1 staged cop%2"_s.arg(cleanup.size()).arg(cleanup.size() == 1 ? u"y"_s : u"ies"_s));
            work.append(u"cleanup"_s);
            cleanupCalls();
        }
        data.insert(u"work"_s, work);
        StepProbe finish = StepProbe::update(
            u"published copy %1 is up to date; finish the rollout: %2"_s.arg(existing->id, left.join(u", "_s)), calls,
            {}, outputs);
        finish.applyData = data;
        finishProbe(finish);
        return;
    }

    QJsonArray work;
    if (!m_reading.managed) {
        work.append(u"create-managed"_s);
        calls.append(u"POST /api/v1/spaces (managed '%1')"_s.arg(managedName()));
    }
    if (!m_reading.staging) {
        work.append(u"create-staging"_s);
        calls.append(u"POST /api/v1/spaces (shared '%1')"_s.arg(stagingName()));
    }
    work.append(u"stage"_s);
    if (publishFrom.isEmpty())
        calls << exportCall << importCall;
    work.append(u"publish"_s);
    if (reload)
        work.append(u"reload"_s);
    if (mode != u"keep"_s)
        work.append(u"cleanup"_s);
    data.insert(u"work"_s, work);

    if (existing) {
        const bool originChanged = existing->originAppId != publishFrom || publishFrom.isEmpty();
        calls.append(u"PUT /api/v1/apps/{stagedAppId}/publish {targetId: %1%2}"_s.arg(
            existing->id, originChanged ? u", checkOriginAppId: false"_s : QString()));
        if (reload)
            calls.append(u"POST /api/v1/reloads"_s);
        cleanupCalls();
        const QString how = tracedCopy ? u"from origin %1"_s.arg(existing->originAppId)
                                       : u"matched by name; origin %1"_s.arg(existing->originAppId);
        StepProbe update = StepProbe::update(
            u"republish over %1 (published %2, %3): the source app changed %4"_s.arg(
                existing->id, iso(existing->publishTime), how, iso(changed)),
            calls,
            {{u"publishTime"_s, iso(existing->publishTime), u"(now)"_s},
             {u"originAppId"_s, existing->originAppId, publishFrom.isEmpty() ? u"(new staged copy)"_s : publishFrom}},
            QJsonObject{{u"publishedAppId"_s, existing->id},
                        {u"stagedAppId"_s, existing->originAppId},
                        {u"sourceAppId"_s, src.id}});
        update.applyData = data;
        finishProbe(update);
        return;
    }
    calls.append(u"POST /api/v1/apps/{stagedAppId}/publish"_s);
    if (reload)
        calls.append(u"POST /api/v1/reloads"_s);
    cleanupCalls();
    StepProbe create
        = StepProbe::create(u"publish '%1' to '%2'%3"_s.arg(name, managedName(),
                                                            m_reading.managed ? QString() : u" (creating the space)"_s),
                            calls);
    create.applyData = data;
    finishProbe(create);
}

// --- apply -----------------------------------------------------------------------------------

void PublishAppStep::apply(const StepProbe &probe)
{
    m_data = probe.applyData;
    m_work = strings(m_data.value(u"work"_s));
    m_change = StepChange();
    m_createdManaged = false;
    if (m_work.isEmpty()) {
        fail(StepError::failed(u"nothing to apply: the probe gave no work (a bug in step type \"publish-app\")"_s));
        return;
    }
    if (!m_data.value(u"targetId"_s).toString().isEmpty())
        m_data.insert(u"publishedAppId"_s, m_data.value(u"targetId"_s));
    nextWork();
}

bool PublishAppStep::partialFailure(const Cloud::ApiError &error, const QString &what)
{
    StepError failed = errorFor(error);
    QStringList done;
    for (const ResourceRef &ref : m_change.created + m_change.updated)
        done.append(ref.kind + u' ' + ref.id);
    failed.message = what + u": "_s + failed.message;
    if (!done.isEmpty())
        failed.message = u"after changing %1: "_s.arg(done.join(u", "_s)) + failed.message;
    fail(failed);
    return true;
}

void PublishAppStep::nextWork()
{
    if (m_work.isEmpty()) {
        finishWork();
        return;
    }
    const QString what = m_work.takeFirst();
    if (what == u"create-managed"_s)
        createSpace(true);
    else if (what == u"create-staging"_s)
        createSpace(false);
    else if (what == u"stage"_s)
        stageApp();
    else if (what == u"publish"_s)
        publishApp(0);
    else if (what == u"reload"_s)
        reloadApp();
    else
        deleteStaged();
}

void PublishAppStep::createSpace(bool managed)
{
    const QString name = managed ? managedName() : stagingName();
    const QJsonObject body{{u"name"_s, name}, {u"type"_s, managed ? u"managed"_s : u"shared"_s}};
    send(
        tenantCall("POST", u"/api/v1/spaces"_s).setJson(QJsonDocument(body)),
        [this, managed, name](const Cloud::ApiResult &result) {
            const QString id = result.json().object().value(u"id"_s).toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"space '%1' was created but the answer has no id"_s.arg(name)));
                return;
            }
            m_data.insert(managed ? u"managedSpaceId"_s : u"stagingSpaceId"_s, id);
            m_change.created.append({u"space"_s, id, name});
            if (managed)
                m_createdManaged = true;
            nextWork();
        },
        [this, name](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return partialFailure(error, u"creating space '%1'"_s.arg(name));
            // FACTS §14.6: the name is taken, most likely by our own earlier attempt: probe again.
            StepError exists = errorFor(error);
            exists.kind = StepError::Kind::OutcomeUnknown;
            exists.message = u"a space named '%1' exists already (409); looking again"_s.arg(name);
            fail(exists);
            return true;
        });
}

void PublishAppStep::stageApp()
{
    if (!m_data.value(u"stagedAppId"_s).toString().isEmpty()) {
        nextWork();
        return;
    }
    if (!appFile().isEmpty()) {
        m_waitingForSource = true;
        ExportedAppCache::shared()->localFile(context().jobId, appFile(), this,
                                              [this](const QByteArray &qvf, const StepError &error) {
                                                  if (!m_waitingForSource)
                                                      return;
                                                  m_waitingForSource = false;
                                                  if (!error.message.isEmpty()) {
                                                      fail(error);
                                                      return;
                                                  }
                                                  uploadFile(qvf);
                                              });
        return;
    }
    const ExportedAppCache::SourceApp src = sourceFromJson(m_data.value(u"source"_s).toObject());
    m_waitingForSource = true;
    ExportedAppCache::shared()->exportedApp(context().cloud, source(), src, this,
                                            [this](const QByteArray &qvf, const StepError &error) {
                                                if (!m_waitingForSource)
                                                    return;
                                                m_waitingForSource = false;
                                                if (!error.message.isEmpty()) {
                                                    fail(error);
                                                    return;
                                                }
                                                importApp(qvf, {});
                                            });
}

void PublishAppStep::uploadFile(const QByteArray &qvf)
{
    // FACTS §10.2, §10.3: a local file goes to the target's temporary contents first, then is
    // imported from there by its fileId. Temporary contents expire on their own (default 1 h).
    const LocalAppFile file = LocalAppFile::inspect(appFile());
    Cloud::ApiCall call = tenantCall("POST", u"/api/v1/temp-contents"_s);
    call.query = QUrlQuery{{u"filename"_s, file.fileName}};
    call.setBytes(qvf, "application/octet-stream");
    call.transferTimeout = std::chrono::minutes(10);
    // A repeated upload only leaves another temporary file that expires: safe to resend.
    call.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
    send(call, [this, file](const Cloud::ApiResult &result) {
        // FACTS §10.2: Location comes as /api/v1/temp-contents/<id> or /v1/temp-contents/<id>.
        const QString location = result.response().location().path();
        const QString id = location.section(u'/', -1);
        if (!location.contains(u"/v1/temp-contents/"_s) || id.isEmpty()) {
            fail(StepError::failed(u"the upload of app file %1 answered no temporary content Location (%2)"_s.arg(
                file.path, location.isEmpty() ? u"none"_s : location)));
            return;
        }
        importApp({}, id);
    });
}

void PublishAppStep::importApp(const QByteArray &qvf, const QString &fileId)
{
    const ExportedAppCache::SourceApp src = sourceFromJson(m_data.value(u"source"_s).toObject());
    // FACTS §10.1, §10.2: raw .qvf bytes, or the temporary content they were uploaded to; every
    // import makes a new app (NEW mode, no autoreplace).
    Cloud::ApiCall call = tenantCall("POST", u"/api/v1/apps/import"_s);
    call.query = QUrlQuery{{u"spaceId"_s, m_data.value(u"stagingSpaceId"_s).toString()}, {u"name"_s, src.name}};
    if (fileId.isEmpty())
        call.setBytes(qvf, "application/octet-stream");
    else
        call.query.addQueryItem(u"fileId"_s, fileId);
    call.transferTimeout = std::chrono::minutes(10);
    send(
        call,
        [this, src](const Cloud::ApiResult &result) {
            const QString id = result.json().object().value(u"attributes"_s).toObject().value(u"id"_s).toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the app was imported but the answer has no attributes.id"_s));
                return;
            }
            m_data.insert(u"stagedAppId"_s, id);
            m_change.created.append({u"staged-app"_s, id, src.name});
            nextWork();
        },
        [this](const Cloud::ApiError &error) {
            if (error.isOutcomeUnknown())
                return false; // the probe finds the staged copy, if it was made
            return partialFailure(error, u"importing the app into the staging space"_s);
        });
}

void PublishAppStep::publishApp(int attempt)
{
    const ExportedAppCache::SourceApp src = sourceFromJson(m_data.value(u"source"_s).toObject());
    const QString staged = m_data.value(u"stagedAppId"_s).toString();
    const QString targetId = m_data.value(u"targetId"_s).toString();
    QJsonObject attributes{{u"name"_s, publishedName(src)}};
    if (!src.description.isEmpty())
        attributes.insert(u"description"_s, src.description);
    QJsonObject body{{u"attributes"_s, attributes}};
    if (params().contains(u"data"_s))
        body.insert(u"data"_s, params().value(u"data"_s));
    Cloud::ApiCall call;
    if (targetId.isEmpty()) {
        body.insert(u"spaceId"_s, m_data.value(u"managedSpaceId"_s));
        call = tenantCall("POST", u"/api/v1/apps/%1/publish"_s.arg(staged)).setJson(QJsonDocument(body));
    } else {
        body.insert(u"targetId"_s, targetId);
        // FACTS §10.4: a new staged id (every import makes one) needs checkOriginAppId false.
        if (m_data.value(u"targetOrigin"_s).toString() != staged)
            body.insert(u"checkOriginAppId"_s, false);
        call = tenantCall("PUT", u"/api/v1/apps/%1/publish"_s.arg(staged)).setJson(QJsonDocument(body));
        // A republish onto a known target makes no copy: repeating it is harmless.
        call.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
    }
    send(
        call,
        [this, targetId, src](const Cloud::ApiResult &result) {
            const QString id = result.json().object().value(u"attributes"_s).toObject().value(u"id"_s).toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the app was published but the answer has no attributes.id"_s));
                return;
            }
            m_data.insert(u"publishedAppId"_s, id);
            (targetId.isEmpty() ? m_change.created : m_change.updated).append({u"app"_s, id, publishedName(src)});
            nextWork();
        },
        [this, attempt, targetId](const Cloud::ApiError &error) {
            // FACTS §7, §14.5: a space created a moment ago may refuse a publish (404) for a while.
            if (targetId.isEmpty() && m_createdManaged && error.httpStatus() == 404
                && attempt < kPublishNotReadyRetries) {
                m_retryTimer.callOnTimeout(
                    this, [this, attempt] { publishApp(attempt + 1); }, Qt::SingleShotConnection);
                m_retryTimer.start(kVerifyInterval);
                return true;
            }
            if (error.isOutcomeUnknown())
                return false; // the probe finds the copy by its originAppId, if it was made
            return partialFailure(
                error, targetId.isEmpty() ? u"publishing the staged app"_s : u"republishing over %1"_s.arg(targetId));
        });
}

void PublishAppStep::reloadApp()
{
    const QString app = m_data.value(u"publishedAppId"_s).toString();
    send(
        tenantCall("POST", u"/api/v1/reloads"_s)
            .setJson(QJsonDocument(QJsonObject{{u"appId"_s, app}, {u"partial"_s, false}})),
        [this, app](const Cloud::ApiResult &result) {
            const QString id = result.json().object().value(u"id"_s).toString();
            m_data.insert(u"reloadId"_s, id);
            m_change.created.append({u"reload"_s, id, app});
            nextWork();
        },
        [this, app](const Cloud::ApiError &error) {
            // FACTS §10.5: 429 without Retry-After also means "a reload is pending for this app already".
            if (error.httpStatus() == 429 && error.retryAfterSeconds() <= 0) {
                nextWork();
                return true;
            }
            if (error.isOutcomeUnknown())
                return false; // the probe sees whether the copy still owes a reload
            return partialFailure(error, u"reloading %1"_s.arg(app));
        });
}

void PublishAppStep::deleteStaged()
{
    m_cleanup = strings(m_data.value(u"cleanup"_s));
    const QString staged = m_data.value(u"stagedAppId"_s).toString();
    // The probe did not know a staged copy this apply imported: "delete" removes it too, and
    // "keep-latest" keeps exactly it.
    if (cleanupMode() == u"delete"_s && !staged.isEmpty() && !m_cleanup.contains(staged))
        m_cleanup.append(staged);
    if (cleanupMode() == u"keep-latest"_s)
        m_cleanup.removeAll(staged);
    deleteNextStaged();
}

void PublishAppStep::deleteNextStaged()
{
    if (m_cleanup.isEmpty()) {
        nextWork();
        return;
    }
    const QString id = m_cleanup.takeFirst();
    send(
        tenantCall("DELETE", u"/api/v1/apps/"_s + id),
        [this, id](const Cloud::ApiResult &) {
            m_change.updated.append({u"staged-app-deleted"_s, id, {}});
            deleteNextStaged();
        },
        [this, id](const Cloud::ApiError &error) {
            if (error.httpStatus() != 404)
                return partialFailure(error, u"removing staged copy %1"_s.arg(id));
            deleteNextStaged(); // gone already
            return true;
        });
}

void PublishAppStep::finishWork()
{
    const QString published = m_data.value(u"publishedAppId"_s).toString();
    const QString staged = m_data.value(u"stagedAppId"_s).toString();
    const bool created = std::any_of(m_change.created.cbegin(), m_change.created.cend(),
                                     [](const ResourceRef &ref) { return ref.kind == u"app"_s; });
    const bool republished = std::any_of(m_change.updated.cbegin(), m_change.updated.cend(),
                                         [](const ResourceRef &ref) { return ref.kind == u"app"_s; });
    QString summary = created ? u"published %1 as %2"_s.arg(describe(), published)
        : republished         ? u"republished %1 over %2"_s.arg(describe(), published)
                              : u"finished the rollout of %1 (%2)"_s.arg(describe(), published);
    if (!m_data.value(u"reloadId"_s).toString().isEmpty())
        summary += u", reload "_s + m_data.value(u"reloadId"_s).toString();
    m_change.summary = summary;
    m_change.outputs = {{u"publishedAppId"_s, published},
                        {u"stagedAppId"_s, staged},
                        {u"sourceAppId"_s, sourceFromJson(m_data.value(u"source"_s).toObject()).id}};
    if (!m_data.value(u"reloadId"_s).toString().isEmpty())
        m_change.outputs.insert(u"reloadId"_s, m_data.value(u"reloadId"_s));
    m_change.outputs.insert(u"managedSpaceId"_s, m_data.value(u"managedSpaceId"_s));
    finishApply(m_change);
}

// --- verify ----------------------------------------------------------------------------------

void PublishAppStep::verify(const StepChange &change)
{
    m_verifyAppId = change.outputs.value(u"publishedAppId"_s).toString();
    m_verifyStaged = change.outputs.value(u"stagedAppId"_s).toString();
    m_verifySpace = change.outputs.value(u"managedSpaceId"_s).toString();
    m_verifyReload = change.outputs.value(u"reloadId"_s).toString();
    m_verifyClock.start();
    readPublished();
}

void PublishAppStep::retryVerify(const QString &why, void (PublishAppStep::*again)())
{
    const qint64 limit = qint64(params().value(u"verifySeconds"_s).toInt(kDefaultVerifySeconds)) * 1000;
    if (m_verifyClock.elapsed() >= limit) {
        fail(StepError::failed(u"%1 (still after %2 s)"_s.arg(why).arg(limit / 1000)));
        return;
    }
    m_retryTimer.callOnTimeout(this, again, Qt::SingleShotConnection);
    m_retryTimer.start(kVerifyInterval);
}

void PublishAppStep::readPublished()
{
    send(
        tenantCall("GET", u"/api/v1/apps/"_s + m_verifyAppId),
        [this](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::App> app = Cloud::parseResource<Cloud::App>(result.response().body);
            if (!app.ok()) {
                fail(StepError::failed(
                    u"GET /api/v1/apps/%1 answered a malformed app: %2"_s.arg(m_verifyAppId, app.error)));
                return;
            }
            if (!m_verifySpace.isEmpty() && app.value->spaceId != m_verifySpace) {
                fail(StepError::failed(u"app %1 is in space %2, not in the managed space %3"_s.arg(
                    m_verifyAppId, app.value->spaceId, m_verifySpace)));
                return;
            }
            if (!m_verifyStaged.isEmpty() && app.value->originAppId != m_verifyStaged) {
                fail(StepError::failed(u"app %1 comes from %2, not from the staged copy %3"_s.arg(
                    m_verifyAppId, app.value->originAppId, m_verifyStaged)));
                return;
            }
            if (m_verifyReload.isEmpty()) {
                finishVerify(
                    u"published copy %1 reads back in its managed space, from %2"_s.arg(m_verifyAppId, m_verifyStaged));
                return;
            }
            readReload();
        },
        [this](const Cloud::ApiError &error) {
            // FACTS §14.5: a fresh copy may answer 403 (or not be found) for a while.
            if (error.httpStatus() != 403 && error.httpStatus() != 404)
                return false;
            retryVerify(u"published copy %1 does not read back (%2)"_s.arg(m_verifyAppId).arg(error.httpStatus()),
                        &PublishAppStep::readPublished);
            return true;
        });
}

void PublishAppStep::readReload()
{
    send(tenantCall("GET", u"/api/v1/reloads/"_s + m_verifyReload), [this](const Cloud::ApiResult &result) {
        const QString status = result.json().object().value(u"status"_s).toString();
        if (status == u"SUCCEEDED"_s) {
            finishVerify(u"published copy %1 reads back from %2; reload %3 succeeded"_s.arg(
                m_verifyAppId, m_verifyStaged, m_verifyReload));
            return;
        }
        if (status == u"FAILED"_s || status == u"CANCELED"_s || status == u"EXCEEDED_LIMIT"_s) {
            const QString message = result.json().object().value(u"errorMessage"_s).toString();
            fail(StepError::failed(u"reload %1 of %2 ended %3%4"_s.arg(
                m_verifyReload, m_verifyAppId, status, message.isEmpty() ? QString() : u": "_s + message)));
            return;
        }
        retryVerify(u"reload %1 of %2 is %3"_s.arg(m_verifyReload, m_verifyAppId, status), &PublishAppStep::readReload);
    });
}

void PublishAppStep::abort()
{
    // A call waiting for the source app or for its next try ends here; one on the wire ends below.
    const bool waiting = m_waitingForSource || m_retryTimer.isActive();
    m_retryTimer.stop();
    m_retryTimer.disconnect();
    m_waitingForSource = false;
    if (waiting)
        fail(StepError::cancelled());
    CloudStep::abort();
}

} // namespace Ops
