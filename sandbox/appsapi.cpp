#include "sandbox/appsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/appaccess.h"
#include "sandbox/appfile.h"
#include "sandbox/bodyfields.h"
#include "sandbox/contenttimings.h"
#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/sandboxservices.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/tempcontentsapi.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/apps"_s;
constexpr qsizetype kImportRouteLimit = 1024LL * 1024 * 1024 + 1; // the settings cap maxUploadBytes at 1 GiB
const QStringList kUsages{u"ANALYTICS"_s, u"DATA_PREPARATION"_s, u"DATAFLOW_PREP"_s, u"SINGLE_TABLE_PREP"_s};

const User *callerOf(const RequestContext &ctx)
{
    return ctx.caller().user;
}

AuditTarget targetOf(const App &app)
{
    return {app.id, app.ownerId, app.spaceId};
}

void audit(const RequestContext &ctx, const QString &what, const App &app, QJsonObject data = {})
{
    data.insert(u"id"_s, app.id);
    data.insert(u"name"_s, app.name);
    if (!app.spaceId.isEmpty())
        data.insert(u"spaceId"_s, app.spaceId);
    ctx.audit(u"com.qlik.v1.app."_s + what, kSource, data, targetOf(app));
}

HttpResponse appNotFound(const RequestContext &ctx, const QString &id)
{
    return ctx.error(ApiError::notFound(u"No app '%1'."_s.arg(id)));
}

HttpResponse forbidden(const RequestContext &ctx, const QString &detail)
{
    return ctx.error(ApiError::forbidden(detail));
}

// The app named by the path, readable by the caller; otherwise the 404 or 403 to answer.
App *readableApp(RequestContext &ctx, std::optional<HttpResponse> *refusal)
{
    const QString id = ctx.param(u"appId"_s);
    App *app = ctx.tenant()->apps.find(id);
    if (!app) {
        *refusal = appNotFound(ctx, id);
        return nullptr;
    }
    const AppAccess access(*ctx.tenant(), *app, callerOf(ctx), ctx.clock().now());
    if (access.isPendingPublication()) {
        // FACTS §14.5: Qlik's own verification loop retries this 403 for up to 120 s.
        *refusal = forbidden(ctx, u"The app '%1' is being published and is not accessible yet."_s.arg(id));
        return nullptr;
    }
    if (!access.canRead()) {
        *refusal = forbidden(ctx, u"You do not have access to the app '%1'."_s.arg(id));
        return nullptr;
    }
    return app;
}

// A space the caller can see, or nullptr with the 404 to answer.
Space *visibleSpace(RequestContext &ctx, const QString &spaceId, const QString &parameter,
                    std::optional<HttpResponse> *refusal)
{
    Space *space = ctx.tenant()->spaces.find(spaceId);
    const User *caller = callerOf(ctx);
    if (!space || !caller || !AccessControl::canSeeSpace(*ctx.tenant(), *space, *caller)) {
        ApiError error = ApiError::notFound(u"No space '%1', or no access to it."_s.arg(spaceId));
        if (parameter.startsWith(u'/'))
            error.withPointer(parameter);
        else
            error.withParameter(parameter);
        *refusal = ctx.error(error);
        return nullptr;
    }
    return space;
}

// Why the caller may not put an app into `space` (nullptr: personal), empty when allowed.
QString placementProblem(const RequestContext &ctx, const Space *space)
{
    if (!space)
        return {};
    if (space->type == "managed"_L1)
        return u"Apps cannot be placed in the managed space '%1'; publish them there instead."_s.arg(space->name);
    if (space->type != "shared"_L1)
        return u"Apps cannot be placed in the %1 space '%2'."_s.arg(space->type, space->name);
    if (!AppAccess::canCreateIn(*ctx.tenant(), space, *callerOf(ctx)))
        return u"Adding apps to the space '%1' needs the producer role there."_s.arg(space->name);
    return {};
}

std::optional<bool> booleanQuery(const RequestContext &ctx, const QString &name, std::optional<ApiError> *error)
{
    if (!ctx.hasQuery(name))
        return std::nullopt;
    const QString value = ctx.query(name).toLower();
    if (value == "true"_L1 || value == "1"_L1)
        return true;
    if (value == "false"_L1 || value == "0"_L1)
        return false;
    *error = ApiError::badRequest(u"'%1' must be true or false, not '%2'."_s.arg(name, ctx.query(name)))
                 .withParameter(name);
    return std::nullopt;
}

App newApp(RequestContext &ctx, const QString &name, const QString &description, const QString &spaceId,
           const QByteArray &content)
{
    App app;
    app.id = ctx.state().ids().uuid();
    app.itemId = ctx.state().ids().objectId();
    app.name = name;
    app.description = description;
    app.spaceId = spaceId;
    app.ownerId = ctx.callerUserId();
    app.creatorId = app.ownerId;
    app.updaterId = app.ownerId;
    app.createdAt = ctx.clock().now();
    app.modifiedDate = app.createdAt;
    app.content = content;
    return app;
}

HttpResponse appJson(const RequestContext &ctx, const App &app)
{
    return HttpResponse::json(200, AppsApi::toJson(ctx, *ctx.tenant(), app));
}

// The publish answers show attributes.published false even for the managed-space copy (FACTS
// §10.4: Qlik's tutorial sample does; clients must rely on originAppId and spaceId instead).
HttpResponse publishedJson(const RequestContext &ctx, const App &app)
{
    QJsonObject json = AppsApi::toJson(ctx, *ctx.tenant(), app);
    QJsonObject attributes = json.value(u"attributes"_s).toObject();
    attributes.insert(u"published"_s, false);
    json.insert(u"attributes"_s, attributes);
    return HttpResponse::json(200, json);
}

// --- import, create, copy -------------------------------------------------------------------

HttpResponse importApp(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (!callerOf(ctx))
        return forbidden(ctx, u"Importing apps needs a user."_s);
    const QString mode = ctx.query(u"mode"_s).toLower();
    // FACTS §10.2: autoreplace is internal-only yet sent by Qlik's scripts; it imports a new app too.
    if (!mode.isEmpty() && mode != "new"_L1 && mode != "autoreplace"_L1)
        return ctx.error(
            ApiError::badRequest(u"'mode' must be NEW or AUTOREPLACE, not '%1'."_s.arg(ctx.query(u"mode"_s)))
                .withParameter(u"mode"_s));
    std::optional<ApiError> error;
    [[maybe_unused]] const std::optional<bool> noData = booleanQuery(ctx, u"NoData"_s, &error);
    if (error)
        return ctx.error(*error);

    const Space *space = nullptr;
    const QString spaceId = ctx.query(u"spaceId"_s);
    if (!spaceId.isEmpty()) {
        std::optional<HttpResponse> refusal;
        space = visibleSpace(ctx, spaceId, u"spaceId"_s, &refusal);
        if (!space)
            return *refusal;
    }
    if (const QString problem = placementProblem(ctx, space); !problem.isEmpty())
        return forbidden(ctx, problem);

    QByteArray content;
    QString fileName;
    if (ctx.hasQuery(u"fileId"_s)) {
        const TempContent *file = TempContentsApi::usable(ctx, ctx.query(u"fileId"_s), &error);
        if (!file)
            return ctx.error(*error);
        content = file->data;
        fileName = file->name;
    } else {
        const QByteArray contentType = ctx.request().header("content-type").split(';').first().trimmed().toLower();
        if (!contentType.isEmpty() && contentType != "application/octet-stream") {
            return ctx.error(ApiError(
                415, u"HTTP-415"_s, u"Unsupported Media Type"_s,
                u"Send the app file as application/octet-stream, not '%1'."_s.arg(QString::fromLatin1(contentType))));
        }
        content = ctx.request().body;
    }
    if (content.isEmpty())
        return ctx.error(ApiError::badRequest(u"The app file is empty: send its bytes or a fileId."_s));
    const qint64 limit = ctx.services().options.maxUploadBytes;
    if (content.size() > limit) {
        return ctx.error(ApiError(413, u"HTTP-413"_s, u"Payload Too Large"_s,
                                  u"The app file is larger than the %1 bytes this tenant accepts."_s.arg(limit)));
    }
    QString name = ctx.query(u"name"_s).trimmed();
    if (name.isEmpty())
        name = AppFile::titleOf(content);
    if (name.isEmpty() && !fileName.isEmpty())
        name = fileName.contains(u'.') ? fileName.left(fileName.lastIndexOf(u'.')) : fileName;
    if (name.isEmpty())
        return ctx.error(
            ApiError::badRequest(u"The app file carries no title; pass 'name'."_s).withParameter(u"name"_s));

    // FACTS §10.2: every import creates a new app, whatever the mode.
    const App &stored = tenant.apps.insert(newApp(ctx, name, {}, space ? space->id : QString(), content));
    audit(ctx, u"imported"_s, stored, {{u"size"_s, static_cast<double>(content.size())}});
    return appJson(ctx, stored);
}

struct AttributesBody
{
    QString name;
    QString description;
    QString spaceId;
    QString usage;
    bool hasName = false;
    bool hasDescription = false;
    bool hasSpaceId = false;
};

// {"attributes": {...}} of create, copy and update.
std::optional<HttpResponse> readAttributes(RequestContext &ctx, AttributesBody *out, bool withPlacement)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return failure;
    BodyFields top(body);
    const QJsonObject attributes = top.object(u"attributes"_s);
    if (const auto error = top.error())
        return ctx.error(*error);
    BodyFields fields(attributes, u"/attributes"_s);
    out->hasName = fields.has(u"name"_s);
    out->name = fields.string(u"name"_s).trimmed();
    out->hasDescription = fields.has(u"description"_s);
    out->description = fields.string(u"description"_s);
    if (withPlacement) {
        out->hasSpaceId = fields.has(u"spaceId"_s);
        out->spaceId = fields.string(u"spaceId"_s);
        out->usage = fields.oneOf(u"usage"_s, kUsages);
        [[maybe_unused]] const QString locale = fields.string(u"locale"_s);
    }
    if (out->hasName && out->name.isEmpty())
        fields.fail(u"name"_s, u"'name' must not be empty."_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    return std::nullopt;
}

std::optional<HttpResponse> resolvePlacement(RequestContext &ctx, const QString &spaceId, const Space **space)
{
    *space = nullptr;
    if (!spaceId.isEmpty()) {
        std::optional<HttpResponse> refusal;
        *space = visibleSpace(ctx, spaceId, u"/attributes/spaceId"_s, &refusal);
        if (!*space)
            return refusal;
    }
    if (const QString problem = placementProblem(ctx, *space); !problem.isEmpty())
        return forbidden(ctx, problem);
    return std::nullopt;
}

HttpResponse create(RequestContext &ctx)
{
    if (!callerOf(ctx))
        return forbidden(ctx, u"Creating apps needs a user."_s);
    AttributesBody body;
    if (auto failure = readAttributes(ctx, &body, true))
        return *failure;
    if (body.name.isEmpty())
        return ctx.error(ApiError::badRequest(u"'attributes.name' is required."_s).withPointer(u"/attributes/name"_s));
    const Space *space = nullptr;
    if (auto refusal = resolvePlacement(ctx, body.spaceId, &space))
        return *refusal;
    App app = newApp(ctx, body.name, body.description, space ? space->id : QString(),
                     AppFile::build(body.name, ctx.state().ids(), 1024));
    if (!body.usage.isEmpty())
        app.usage = body.usage;
    const App &stored = ctx.tenant()->apps.insert(app);
    audit(ctx, u"created"_s, stored);
    return appJson(ctx, stored);
}

HttpResponse copy(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const App *source = readableApp(ctx, &refusal);
    if (!source)
        return *refusal;
    AttributesBody body;
    if (auto failure = readAttributes(ctx, &body, true))
        return *failure;
    const Space *space = nullptr;
    if (auto placementRefusal = resolvePlacement(ctx, body.spaceId, &space))
        return *placementRefusal;
    App app = newApp(ctx, body.hasName ? body.name : source->name,
                     body.hasDescription ? body.description : source->description, space ? space->id : QString(),
                     source->content);
    app.lastReloadTime = source->lastReloadTime;
    app.usage = body.usage.isEmpty() ? source->usage : body.usage;
    const App &stored = ctx.tenant()->apps.insert(app);
    audit(ctx, u"copied"_s, stored, {{u"sourceAppId"_s, source->id}});
    return appJson(ctx, stored);
}

// --- get, update, delete ----------------------------------------------------------------------

HttpResponse get(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    const App *app = readableApp(ctx, &refusal);
    if (!app)
        return *refusal;
    return appJson(ctx, *app);
}

HttpResponse update(RequestContext &ctx)
{
    std::optional<HttpResponse> refusal;
    App *app = readableApp(ctx, &refusal);
    if (!app)
        return *refusal;
    if (!AppAccess(*ctx.tenant(), *app, callerOf(ctx), ctx.clock().now()).canUpdate())
        return forbidden(ctx, u"Updating the app '%1' needs edit rights."_s.arg(app->id));
    AttributesBody body;
    if (auto failure = readAttributes(ctx, &body, false))
        return *failure;
    QJsonArray updates;
    if (body.hasName) {
        app->name = body.name;
        updates.append(u"name"_s);
    }
    if (body.hasDescription) {
        app->description = body.description;
        updates.append(u"description"_s);
    }
    app->modifiedDate = ctx.clock().now();
    app->updaterId = ctx.callerUserId();
    audit(ctx, u"updated"_s, *app, {{u"updates"_s, updates}});
    return appJson(ctx, *app);
}

HttpResponse remove(RequestContext &ctx)
{
    const QString id = ctx.param(u"appId"_s);
    App *app = ctx.tenant()->apps.find(id);
    if (!app)
        return appNotFound(ctx, id);
    const AppAccess access(*ctx.tenant(), *app, callerOf(ctx), ctx.clock().now());
    if (!access.canDelete())
        return forbidden(ctx, u"Deleting the app '%1' needs delete rights."_s.arg(id));
    audit(ctx, u"deleted"_s, *app);
    ctx.tenant()->apps.remove(id);
    // FACTS §10.1: 200, and the spec declares no body.
    HttpResponse response = HttpResponse::empty(200);
    response.setHeader("Content-Type", "application/json");
    return response;
}

// --- export -----------------------------------------------------------------------------------

HttpResponse exportApp(RequestContext &ctx)
{
    const QString id = ctx.param(u"appId"_s);
    App *app = ctx.tenant()->apps.find(id);
    if (!app)
        return appNotFound(ctx, id);
    std::optional<ApiError> error;
    [[maybe_unused]] const std::optional<bool> noData = booleanQuery(ctx, u"NoData"_s, &error);
    if (error)
        return ctx.error(*error);
    const AppAccess access(*ctx.tenant(), *app, callerOf(ctx), ctx.clock().now());
    if (access.space() && access.space()->type == "managed"_L1)
        return forbidden(ctx, u"Apps in managed spaces cannot be exported; export the app they were published from."_s);
    if (!access.canExport()) {
        // FACTS §2.3: TenantAdmin does not imply membership; the exporter must be in the space.
        return forbidden(ctx,
                         access.space()
                             ? u"Exporting from the space '%1' needs a membership in it."_s.arg(access.space()->name)
                             : u"Only the owner may export an app from a personal space."_s);
    }
    const TempContent &file = TempContentsApi::store(ctx, *ctx.tenant(), app->name + u".qvf"_s, app->content);
    audit(ctx, u"exported"_s, *app, {{u"tempContentId"_s, file.id}});
    HttpResponse response = HttpResponse::empty(201);
    response.setHeader("Location", (u"/api/v1/temp-contents/"_s + file.id).toUtf8());
    return response;
}

// --- publish and republish --------------------------------------------------------------------

struct PublishBody
{
    QString spaceId;
    QString targetId;
    QString originAppId;
    QString data; // source | target
    bool moveApp = false;
    bool checkOriginAppId = true;
    bool hasName = false;
    bool hasDescription = false;
    QString name;
    QString description;
};

std::optional<HttpResponse> readPublishBody(RequestContext &ctx, bool republish, PublishBody *out)
{
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return failure;
    BodyFields fields(body);
    if (republish) {
        out->targetId = fields.string(u"targetId"_s, BodyFields::Required);
        out->checkOriginAppId = fields.boolean(u"checkOriginAppId"_s).value_or(true);
    } else {
        out->spaceId = fields.string(u"spaceId"_s, BodyFields::Required);
        out->moveApp = fields.boolean(u"moveApp"_s).value_or(false);
        out->originAppId = fields.string(u"originAppId"_s);
        if (out->moveApp && out->originAppId.isEmpty())
            fields.fail(u"originAppId"_s, u"'originAppId' is required when 'moveApp' is true."_s);
    }
    out->data = fields.oneOf(u"data"_s, {u"source"_s, u"target"_s});
    const QJsonObject attributes = fields.object(u"attributes"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    BodyFields attributeFields(attributes, u"/attributes"_s);
    out->hasName = attributeFields.has(u"name"_s);
    out->name = attributeFields.string(u"name"_s).trimmed();
    out->hasDescription = attributeFields.has(u"description"_s);
    out->description = attributeFields.string(u"description"_s);
    if (out->hasName && out->name.isEmpty())
        attributeFields.fail(u"name"_s, u"'name' must not be empty."_s);
    if (const auto error = attributeFields.error())
        return ctx.error(*error);
    return std::nullopt;
}

// The source of a publish: readable, editable by the caller, not itself a published copy.
App *publishSource(RequestContext &ctx, std::optional<HttpResponse> *refusal)
{
    App *source = readableApp(ctx, refusal);
    if (!source)
        return nullptr;
    const AppAccess access(*ctx.tenant(), *source, callerOf(ctx), ctx.clock().now());
    if (access.space() && access.space()->type != "shared"_L1) {
        *refusal = forbidden(ctx, u"Only apps in personal or shared spaces can be published."_s);
        return nullptr;
    }
    if (!access.canUpdate()) {
        *refusal = forbidden(ctx, u"Publishing the app '%1' needs edit rights on it."_s.arg(source->id));
        return nullptr;
    }
    return source;
}

HttpResponse publish(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    std::optional<HttpResponse> refusal;
    App *source = publishSource(ctx, &refusal);
    if (!source)
        return *refusal;
    PublishBody body;
    if (auto failure = readPublishBody(ctx, false, &body))
        return *failure;
    const Space *space = visibleSpace(ctx, body.spaceId, u"/spaceId"_s, &refusal);
    if (!space)
        return *refusal;
    // FACTS §7, §14.5: publishing into a space created a moment ago can fail; retry after a second.
    const QDateTime now = ctx.clock().now();
    if (now < ContentTimings::after(ctx.services(), space->createdAt, ctx.services().options.spaceReadySeconds))
        return ctx.error(ApiError::notFound(u"The space '%1' is not available yet; retry shortly."_s.arg(space->id))
                             .withPointer(u"/spaceId"_s));
    if (space->type != "managed"_L1)
        return ctx.error(ApiError::badRequest(u"Apps are published to managed spaces; '%1' is a %2 space."_s.arg(
                                                  space->name, space->type))
                             .withPointer(u"/spaceId"_s));
    if (!AppAccess::canPublishTo(tenant, *space, *callerOf(ctx)))
        return forbidden(ctx, u"Publishing to the space '%1' needs the publisher role there."_s.arg(space->name));

    const QDateTime visibleFrom
        = ContentTimings::after(ctx.services(), ctx.services().options.publishVisibilitySeconds);
    if (body.moveApp) {
        // The app itself moves into the managed space and keeps its id.
        source->spaceId = space->id;
        source->originAppId = body.originAppId;
        source->published = true;
        source->publishTime = now;
        source->visibleFrom = visibleFrom;
        source->modifiedDate = now;
        if (body.hasName)
            source->name = body.name;
        if (body.hasDescription)
            source->description = body.description;
        audit(ctx, u"published"_s, *source, {{u"originAppId"_s, body.originAppId}, {u"moveApp"_s, true}});
        return publishedJson(ctx, *source);
    }
    App copy = newApp(ctx, body.hasName ? body.name : source->name,
                      body.hasDescription ? body.description : source->description, space->id, source->content);
    copy.originAppId = source->id;
    copy.published = true;
    copy.publishTime = now;
    copy.visibleFrom = visibleFrom;
    copy.lastReloadTime = source->lastReloadTime;
    copy.usage = source->usage;
    const App &stored = tenant.apps.insert(copy);
    audit(ctx, u"published"_s, stored, {{u"originAppId"_s, source->id}});
    return publishedJson(ctx, stored);
}

HttpResponse republish(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    std::optional<HttpResponse> refusal;
    App *source = publishSource(ctx, &refusal);
    if (!source)
        return *refusal;
    PublishBody body;
    if (auto failure = readPublishBody(ctx, true, &body))
        return *failure;
    App *target = tenant.apps.find(body.targetId);
    const User *caller = callerOf(ctx);
    const Space *targetSpace = target ? tenant.spaces.find(target->spaceId) : nullptr;
    if (!target || (targetSpace && !AccessControl::canSeeSpace(tenant, *targetSpace, *caller)))
        return ctx.error(
            ApiError::notFound(u"No published app '%1'."_s.arg(body.targetId)).withPointer(u"/targetId"_s));
    if (!targetSpace || targetSpace->type != "managed"_L1)
        return ctx.error(
            ApiError::badRequest(u"The target '%1' is not a published app in a managed space."_s.arg(target->id))
                .withPointer(u"/targetId"_s));
    if (!AppAccess::canPublishTo(tenant, *targetSpace, *caller))
        return forbidden(ctx, u"Publishing to the space '%1' needs the publisher role there."_s.arg(targetSpace->name));
    if (body.checkOriginAppId && target->originAppId != source->id) {
        // FACTS §10.4, §18.1: the check compares the target's originAppId with the source app.
        return ctx.error(
            ApiError::badRequest(u"The app '%1' was not published from '%2' (its originAppId is '%3'); set "
                                 u"checkOriginAppId to false to republish from another app."_s.arg(
                                     target->id, source->id, target->originAppId))
                .withPointer(u"/checkOriginAppId"_s));
    }
    const QDateTime now = ctx.clock().now();
    // The published copy keeps its id (end users' links, sheets and bookmarks stay); its content is
    // replaced unless data is "target", which keeps what the copy had.
    if (body.data != "target"_L1)
        target->content = source->content;
    const QString previousOrigin = target->originAppId;
    target->originAppId = source->id;
    target->published = true;
    target->publishTime = now;
    target->modifiedDate = now;
    target->updaterId = ctx.callerUserId();
    target->lastReloadTime = source->lastReloadTime;
    if (body.hasName)
        target->name = body.name;
    if (body.hasDescription)
        target->description = body.description;
    audit(ctx, u"republished"_s, *target, {{u"originAppId"_s, source->id}, {u"previousOriginAppId"_s, previousOrigin}});
    return publishedJson(ctx, *target);
}

// --- owner and space ---------------------------------------------------------------------------

HttpResponse changeOwner(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"appId"_s);
    App *app = tenant.apps.find(id);
    if (!app)
        return appNotFound(ctx, id);
    if (!AppAccess(tenant, *app, callerOf(ctx), ctx.clock().now()).canChangeOwner())
        return forbidden(ctx, u"Only the owner or a TenantAdmin may change the owner of '%1'."_s.arg(id));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString ownerId = fields.string(u"ownerId"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (!tenant.users.find(ownerId))
        return ctx.error(
            ApiError::badRequest(u"No user '%1' to own the app."_s.arg(ownerId)).withPointer(u"/ownerId"_s));
    const QString previous = app->ownerId;
    app->ownerId = ownerId;
    app->modifiedDate = ctx.clock().now();
    audit(ctx, u"owner.changed"_s, *app, {{u"ownerId"_s, ownerId}, {u"previousOwnerId"_s, previous}});
    return appJson(ctx, *app);
}

HttpResponse moveToSpace(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"appId"_s);
    App *app = tenant.apps.find(id);
    if (!app)
        return appNotFound(ctx, id);
    const AppAccess access(tenant, *app, callerOf(ctx), ctx.clock().now());
    if (access.space() && access.space()->type == "managed"_L1)
        return forbidden(ctx, u"Published apps stay in their managed space."_s);
    if (!access.canDelete())
        return forbidden(ctx, u"Moving the app '%1' needs delete rights on it."_s.arg(id));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    const QString spaceId = fields.string(u"spaceId"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    std::optional<HttpResponse> refusal;
    const Space *space = visibleSpace(ctx, spaceId, u"/spaceId"_s, &refusal);
    if (!space)
        return *refusal;
    if (const QString problem = placementProblem(ctx, space); !problem.isEmpty())
        return forbidden(ctx, problem);
    const QString previous = app->spaceId;
    app->spaceId = space->id;
    app->modifiedDate = ctx.clock().now();
    audit(ctx, u"space.changed"_s, *app, {{u"previousSpaceId"_s, previous}});
    return appJson(ctx, *app);
}

HttpResponse removeFromSpace(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"appId"_s);
    App *app = tenant.apps.find(id);
    if (!app)
        return appNotFound(ctx, id);
    const AppAccess access(tenant, *app, callerOf(ctx), ctx.clock().now());
    if (access.space() && access.space()->type == "managed"_L1)
        return forbidden(ctx, u"Published apps stay in their managed space."_s);
    if (!access.canDelete())
        return forbidden(ctx, u"Moving the app '%1' needs delete rights on it."_s.arg(id));
    // FACTS §10.1: the app goes to its owner's personal space (the result is UNVERIFIED there).
    const QString previous = app->spaceId;
    app->spaceId.clear();
    app->modifiedDate = ctx.clock().now();
    audit(ctx, u"space.changed"_s, *app, {{u"previousSpaceId"_s, previous}});
    return appJson(ctx, *app);
}

} // namespace

void AppsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "POST", u"/v1/apps"_s, create);
    router.add(HostKind::Tenant, "POST", u"/v1/apps/import"_s, importApp).maxBody(kImportRouteLimit);
    router.add(HostKind::Tenant, "GET", u"/v1/apps/{appId}"_s, get);
    router.add(HostKind::Tenant, "PUT", u"/v1/apps/{appId}"_s, update);
    router.add(HostKind::Tenant, "DELETE", u"/v1/apps/{appId}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/apps/{appId}/copy"_s, copy);
    router.add(HostKind::Tenant, "POST", u"/v1/apps/{appId}/export"_s, exportApp);
    router.add(HostKind::Tenant, "POST", u"/v1/apps/{appId}/publish"_s, publish);
    router.add(HostKind::Tenant, "PUT", u"/v1/apps/{appId}/publish"_s, republish);
    router.add(HostKind::Tenant, "PUT", u"/v1/apps/{appId}/owner"_s, changeOwner);
    router.add(HostKind::Tenant, "PUT", u"/v1/apps/{appId}/space"_s, moveToSpace);
    router.add(HostKind::Tenant, "DELETE", u"/v1/apps/{appId}/space"_s, removeFromSpace);
}

QJsonObject AppsApi::toJson(const RequestContext &ctx, const Tenant &tenant, const App &app)
{
    const AppAccess access(tenant, app, ctx.caller().user, ctx.clock().now());
    QJsonObject attributes{{u"id"_s, app.id},
                           {u"name"_s, app.name},
                           {u"description"_s, app.description},
                           {u"thumbnail"_s, QString()},
                           {u"ownerId"_s, app.ownerId},
                           {u"createdDate"_s, SandboxClock::iso(app.createdAt)},
                           {u"modifiedDate"_s, SandboxClock::iso(app.modifiedDate)},
                           {u"published"_s, app.published},
                           {u"custom"_s, QJsonObject()},
                           {u"dynamicColor"_s, QString()},
                           {u"hasSectionAccess"_s, false},
                           {u"encrypted"_s, false},
                           {u"isDirectQueryMode"_s, false},
                           {u"usage"_s, app.usage},
                           {u"_resourcetype"_s, u"app"_s}};
    // The deprecated owner attribute is the owner's subject (bots: qlikbot\<clientId>, FACTS §2.3).
    if (const User *owner = tenant.users.find(app.ownerId))
        attributes.insert(u"owner"_s, owner->subject);
    // Personal apps have no spaceId at all: Qlik's scripts test has("spaceId").
    if (!app.spaceId.isEmpty())
        attributes.insert(u"spaceId"_s, app.spaceId);
    if (app.lastReloadTime.isValid())
        attributes.insert(u"lastReloadTime"_s, SandboxClock::iso(app.lastReloadTime));
    if (app.publishTime.isValid())
        attributes.insert(u"publishTime"_s, SandboxClock::iso(app.publishTime));
    if (!app.originAppId.isEmpty())
        attributes.insert(u"originAppId"_s, app.originAppId);
    const bool edits = access.canUpdate();
    const QJsonArray create{QJsonObject{{u"resource"_s, u"sheet"_s}, {u"canCreate"_s, edits}},
                            QJsonObject{{u"resource"_s, u"bookmark"_s}, {u"canCreate"_s, access.canRead()}},
                            QJsonObject{{u"resource"_s, u"story"_s}, {u"canCreate"_s, edits}}};
    return {{u"attributes"_s, attributes},
            {u"privileges"_s, QJsonArray::fromStringList(access.privileges())},
            {u"create"_s, create}};
}

} // namespace Sandbox
