#include "sandbox/itemsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/appaccess.h"
#include "sandbox/appsapi.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QStringList kResourceTypes{u"app"_s,
                                 u"collection"_s,
                                 u"qlikview"_s,
                                 u"insight"_s,
                                 u"qvapp"_s,
                                 u"genericlink"_s,
                                 u"sharingservicetask"_s,
                                 u"note"_s,
                                 u"dataasset"_s,
                                 u"dataset"_s,
                                 u"automation"_s,
                                 u"automl-experiment"_s,
                                 u"automl-deployment"_s};
const QStringList kSpaceTypes{u"shared"_s, u"managed"_s, u"personal"_s, u"data"_s};
constexpr int kMaxResourceIds = 100;

// One entry of the catalogue: an app or an automation, seen by one caller.
class Item
{
public:
    Item(const RequestContext &ctx, App &app)
        : m_context(&ctx)
        , m_app(&app)
    { }
    Item(const RequestContext &ctx, Automation &automation)
        : m_context(&ctx)
        , m_automation(&automation)
    { }

    [[nodiscard]] App *app() const { return m_app; }
    [[nodiscard]] Automation *automation() const { return m_automation; }
    [[nodiscard]] QString id() const { return m_app ? m_app->itemId : m_automation->itemId; }
    [[nodiscard]] QString name() const { return m_app ? m_app->name : m_automation->name; }
    [[nodiscard]] QString description() const { return m_app ? m_app->description : m_automation->description; }
    [[nodiscard]] QString resourceType() const { return m_app ? u"app"_s : u"automation"_s; }
    [[nodiscard]] QString resourceId() const { return m_app ? m_app->id : m_automation->id; }
    [[nodiscard]] QString ownerId() const { return m_app ? m_app->ownerId : m_automation->ownerId; }
    [[nodiscard]] QString spaceId() const { return m_app ? m_app->spaceId : m_automation->spaceId; }
    [[nodiscard]] QString creatorId() const { return m_app ? m_app->creatorId : m_automation->ownerId; }
    [[nodiscard]] QDateTime createdAt() const { return m_app ? m_app->createdAt : m_automation->createdAt; }
    [[nodiscard]] QDateTime updatedAt() const { return m_app ? m_app->modifiedDate : m_automation->updatedAt; }

    // shared | managed | data | personal
    [[nodiscard]] QString spaceType() const
    {
        if (spaceId().isEmpty())
            return u"personal"_s;
        const Space *space = ctx().tenant()->spaces.find(spaceId());
        return space ? space->type : u"personal"_s;
    }

    [[nodiscard]] bool isAdmin() const
    {
        const User *user = ctx().caller().user;
        return user && AccessControl::isTenantAdmin(*ctx().tenant(), *user);
    }

    [[nodiscard]] bool canRead() const
    {
        if (m_app)
            return appAccess().canRead();
        return isOwner() || isAdmin();
    }
    [[nodiscard]] bool canUpdate() const { return m_app ? appAccess().canUpdate() : isOwner(); }
    [[nodiscard]] bool canDelete() const { return m_app ? appAccess().canDelete() : (isOwner() || isAdmin()); }

    [[nodiscard]] QStringList actions() const
    {
        if (m_app)
            return appAccess().privileges();
        QStringList actions{u"read"_s};
        if (canUpdate())
            actions << u"update"_s;
        if (canDelete())
            actions << u"delete"_s << u"change_owner"_s;
        return actions;
    }

    [[nodiscard]] QJsonObject toJson(bool withActions) const
    {
        const Tenant &tenant = *ctx().tenant();
        const QJsonArray actionList = withActions ? QJsonArray::fromStringList(actions()) : QJsonArray();
        QJsonObject attributes;
        QJsonObject links{{u"self"_s, QJsonObject{{u"href"_s, ctx().absoluteUrl(u"/api/v1/items/"_s + id())}}}};
        QJsonObject json{{u"id"_s, id()},
                         {u"name"_s, name()},
                         {u"description"_s, description()},
                         {u"resourceType"_s, resourceType()},
                         {u"resourceId"_s, resourceId()},
                         {u"resourceCustomAttributes"_s, QJsonObject()},
                         {u"resourceCreatedAt"_s, SandboxClock::iso(createdAt())},
                         {u"resourceUpdatedAt"_s, SandboxClock::iso(updatedAt())},
                         {u"ownerId"_s, ownerId()},
                         {u"tenantId"_s, tenant.id},
                         {u"creatorId"_s, creatorId()},
                         {u"createdAt"_s, SandboxClock::iso(createdAt())},
                         {u"updatedAt"_s, SandboxClock::iso(updatedAt())},
                         {u"actions"_s, actionList},
                         {u"collectionIds"_s, QJsonArray()},
                         {u"isFavorited"_s, false},
                         {u"meta"_s,
                          QJsonObject{{u"tags"_s, QJsonArray()},
                                      {u"actions"_s, actionList},
                                      {u"collections"_s, QJsonArray()},
                                      {u"isFavorited"_s, false}}}};
        if (!spaceId().isEmpty())
            json.insert(u"spaceId"_s, spaceId());
        if (m_app) {
            attributes = AppsApi::toJson(ctx(), tenant, *m_app).value(u"attributes"_s).toObject();
            json.insert(u"updaterId"_s, m_app->updaterId);
            json.insert(u"resourceSize"_s,
                        QJsonObject{{u"appFile"_s, static_cast<double>(m_app->content.size())},
                                    {u"appMemory"_s, static_cast<double>(m_app->content.size()) * 2.5}});
            if (m_app->lastReloadTime.isValid()) {
                json.insert(u"resourceReloadEndTime"_s, SandboxClock::iso(m_app->lastReloadTime));
                json.insert(u"resourceReloadStatus"_s, u"ok"_s);
            }
            links.insert(u"open"_s, QJsonObject{{u"href"_s, ctx().absoluteUrl(u"/sense/app/"_s + m_app->id)}});
        } else {
            attributes = {{u"id"_s, m_automation->id},           {u"name"_s, m_automation->name},
                          {u"ownerId"_s, m_automation->ownerId}, {u"state"_s, m_automation->state},
                          {u"runMode"_s, m_automation->runMode}, {u"lastRunStatus"_s, m_automation->lastRunStatus},
                          {u"_resourcetype"_s, u"automation"_s}};
            json.insert(u"updaterId"_s, m_automation->ownerId);
        }
        json.insert(u"resourceAttributes"_s, attributes);
        json.insert(u"links"_s, links);
        return json;
    }

private:
    [[nodiscard]] AppAccess appAccess() const
    {
        return AppAccess(*ctx().tenant(), *m_app, ctx().caller().user, ctx().clock().now());
    }
    [[nodiscard]] bool isOwner() const { return ownerId() == ctx().callerUserId(); }

    [[nodiscard]] const RequestContext &ctx() const { return *m_context; }

    const RequestContext *m_context;
    App *m_app = nullptr;
    Automation *m_automation = nullptr;
};

// Every answer of the items service names its trace (FACTS §11.1).
HttpResponse traced(HttpResponse response)
{
    response.setHeader("X-B3-Traceid", newTraceId().toLatin1());
    return response;
}

QList<Item> allItems(const RequestContext &ctx)
{
    QList<Item> items;
    for (App &app : ctx.tenant()->apps)
        items.append(Item(ctx, app));
    for (Automation &automation : ctx.tenant()->automations)
        items.append(Item(ctx, automation));
    return items;
}

std::optional<Item> findItem(const RequestContext &ctx, const QString &itemId)
{
    for (const Item &item : allItems(ctx)) {
        if (item.id() == itemId && item.canRead())
            return item;
    }
    return std::nullopt;
}

HttpResponse itemNotFound(const RequestContext &ctx, const QString &itemId)
{
    return traced(ctx.error(ApiError::notFound(u"No item '%1'."_s.arg(itemId))));
}

// "app[qvd,chart-monitoring],qvapp": resource types, each with the subtypes it accepts (empty
// list: any). A trailing comma inside brackets admits items without a subtype.
struct TypeFilter
{
    QHash<QString, std::optional<QStringList>> types;
    bool usedBrackets = false;
};

std::optional<ApiError> parseTypes(const QString &text, TypeFilter *out)
{
    QStringList tokens;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'[')
            ++depth;
        else if (c == u']')
            --depth;
        if (c == u',' && depth == 0) {
            tokens.append(current);
            current.clear();
        } else {
            current += c;
        }
        if (depth < 0 || depth > 1)
            return ApiError::badRequest(u"'resourceType' has unbalanced brackets."_s).withParameter(u"resourceType"_s);
    }
    if (depth != 0)
        return ApiError::badRequest(u"'resourceType' has unbalanced brackets."_s).withParameter(u"resourceType"_s);
    tokens.append(current);
    for (const QString &token : std::as_const(tokens)) {
        if (token.trimmed().isEmpty())
            continue;
        QString type = token.trimmed();
        std::optional<QStringList> subtypes;
        if (const qsizetype open = type.indexOf(u'['); open >= 0) {
            if (!type.endsWith(u']'))
                return ApiError::badRequest(u"'resourceType' entry '%1' is malformed."_s.arg(type))
                    .withParameter(u"resourceType"_s);
            subtypes = type.mid(open + 1, type.size() - open - 2).split(u',');
            type.truncate(open);
            out->usedBrackets = true;
        }
        if (!kResourceTypes.contains(type)) {
            return ApiError::badRequest(
                       u"Unknown resourceType '%1'; known: %2."_s.arg(type, kResourceTypes.join(u", "_s)))
                .withParameter(u"resourceType"_s);
        }
        out->types.insert(type, subtypes);
    }
    return std::nullopt;
}

std::optional<bool> booleanQuery(const RequestContext &ctx, const QString &name, std::optional<ApiError> *error)
{
    if (!ctx.hasQuery(name))
        return std::nullopt;
    const QString value = ctx.query(name).toLower();
    if (value == "true"_L1)
        return true;
    if (value == "false"_L1)
        return false;
    *error = ApiError::badRequest(u"'%1' must be true or false."_s.arg(name)).withParameter(name);
    return std::nullopt;
}

// Sorts by "+createdAt", "-name", ...; false for a key the endpoint does not take.
bool sortItems(QList<Item> &items, const QString &sort, const QStringList &keys)
{
    const QString spec = sort.isEmpty() ? u"+createdAt"_s : sort;
    if (!keys.contains(spec))
        return false;
    const bool descending = spec.startsWith(u'-');
    const QString key = spec.mid(1);
    const auto value = [&key](const Item &item) -> QString {
        if (key == "name"_L1)
            return item.name().toLower();
        if (key == "updatedAt"_L1 || key == "recentlyUsed"_L1)
            return SandboxClock::iso(item.updatedAt());
        return SandboxClock::iso(item.createdAt());
    };
    std::stable_sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
        const QString left = value(a);
        const QString right = value(b);
        if (left == right)
            return descending ? b.id() < a.id() : a.id() < b.id();
        return descending ? right < left : left < right;
    });
    return true;
}

QStringList sortKeys(bool recentlyUsed)
{
    QStringList keys;
    QStringList names{u"createdAt"_s, u"updatedAt"_s, u"name"_s};
    if (recentlyUsed)
        names.append(u"recentlyUsed"_s);
    for (const QString &name : std::as_const(names))
        keys << u"+"_s + name << u"-"_s + name;
    return keys;
}

HttpResponse page(RequestContext &ctx, QList<Item> items, bool withActions, const QStringList &keys)
{
    if (!sortItems(items, ctx.query(u"sort"_s), keys))
        return traced(ctx.error(
            ApiError::badRequest(u"'sort' must be one of %1."_s.arg(keys.join(u", "_s))).withParameter(u"sort"_s)));
    Paging paging(ctx, PagingStyle::NextPrev, {10, 100, 1});
    if (const auto error = paging.error())
        return traced(ctx.error(*error));
    QStringList ids;
    ids.reserve(items.size());
    for (const Item &item : std::as_const(items))
        ids.append(item.id());
    const Page selected = paging.select(ids);
    if (const auto error = paging.error())
        return traced(ctx.error(*error));
    QJsonArray data;
    for (qsizetype i = selected.begin; i < selected.end; ++i)
        data.append(items.at(i).toJson(withActions));
    return traced(HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, selected.links}}));
}

HttpResponse list(RequestContext &ctx)
{
    TypeFilter types;
    if (ctx.hasQuery(u"resourceType"_s)) {
        if (auto error = parseTypes(ctx.query(u"resourceType"_s), &types))
            return traced(ctx.error(*error));
    }
    QStringList subTypes;
    if (ctx.hasQuery(u"resourceSubType"_s)) {
        if (types.usedBrackets)
            return traced(ctx.error(ApiError::badRequest(u"'resourceSubType' cannot be combined with subtypes in "
                                                         u"brackets in 'resourceType'."_s)
                                        .withParameter(u"resourceSubType"_s)));
        subTypes = ctx.query(u"resourceSubType"_s).split(u',');
    }
    QStringList resourceIds;
    for (const QString &parameter : {u"resourceId"_s, u"resourceIds"_s, u"resourceLink"_s}) {
        if (!ctx.hasQuery(parameter))
            continue;
        if (types.types.isEmpty())
            return traced(ctx.error(
                ApiError::badRequest(u"'%1' needs 'resourceType'."_s.arg(parameter)).withParameter(parameter)));
    }
    if (ctx.hasQuery(u"resourceId"_s) && ctx.hasQuery(u"resourceLink"_s))
        return traced(ctx.error(ApiError::badRequest(u"Give either 'resourceId' or 'resourceLink', not both."_s)
                                    .withParameter(u"resourceLink"_s)));
    if (ctx.hasQuery(u"resourceId"_s))
        resourceIds.append(ctx.query(u"resourceId"_s));
    if (ctx.hasQuery(u"resourceIds"_s)) {
        const QStringList more = ctx.query(u"resourceIds"_s).split(u',', Qt::SkipEmptyParts);
        if (more.size() > kMaxResourceIds)
            return traced(ctx.error(ApiError::badRequest(u"'resourceIds' takes at most %1 ids."_s.arg(kMaxResourceIds))
                                        .withParameter(u"resourceIds"_s)));
        resourceIds += more;
    }
    QStringList spaceTypes;
    if (ctx.hasQuery(u"spaceType"_s)) {
        spaceTypes = ctx.query(u"spaceType"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &type : std::as_const(spaceTypes)) {
            if (!kSpaceTypes.contains(type))
                return traced(ctx.error(
                    ApiError::badRequest(u"Unknown spaceType '%1'."_s.arg(type)).withParameter(u"spaceType"_s)));
        }
    }
    std::optional<ApiError> error;
    const std::optional<bool> shared = booleanQuery(ctx, u"shared"_s, &error);
    const std::optional<bool> noActions = booleanQuery(ctx, u"noActions"_s, &error);
    if (error)
        return traced(ctx.error(*error));

    const QString spaceId = ctx.query(u"spaceId"_s);
    const QString name = ctx.query(u"name"_s);
    const QString text = ctx.query(u"query"_s);
    const auto stringFilter = [&ctx](const QString &parameter) -> std::optional<QString> {
        if (!ctx.hasQuery(parameter))
            return std::nullopt;
        return ctx.query(parameter);
    };
    const auto ownerId = stringFilter(u"ownerId"_s);
    const auto notOwnerId = stringFilter(u"notOwnerId"_s);
    const auto createdBy = stringFilter(u"createdByUserId"_s);
    const auto notCreatedBy = stringFilter(u"notCreatedByUserId"_s);
    const auto itemId = stringFilter(u"id"_s);
    const auto collectionId = stringFilter(u"collectionId"_s);
    const auto resourceLink = stringFilter(u"resourceLink"_s);

    QList<Item> matches;
    for (const Item &item : allItems(ctx)) {
        if (!types.types.isEmpty()) {
            const auto it = types.types.constFind(item.resourceType());
            // Sandbox items have no subtype: a bracket list must admit the empty one.
            if (it == types.types.constEnd() || (it->has_value() && !(*it)->contains(QString())))
                continue;
        }
        if (!subTypes.isEmpty() && !subTypes.contains(QString()))
            continue;
        if (!resourceIds.isEmpty() && !resourceIds.contains(item.resourceId()))
            continue;
        if (resourceLink || collectionId)
            continue; // no sandbox item has a resource link or belongs to a collection
        if (!spaceId.isEmpty()) {
            if (spaceId == "personal"_L1 ? !item.spaceId().isEmpty() : item.spaceId() != spaceId)
                continue;
        }
        if (!spaceTypes.isEmpty() && !spaceTypes.contains(item.spaceType()))
            continue;
        if (shared && (item.spaceType() == "shared"_L1) != *shared)
            continue;
        if ((ownerId && item.ownerId() != *ownerId) || (notOwnerId && item.ownerId() == *notOwnerId))
            continue;
        if ((createdBy && item.creatorId() != *createdBy) || (notCreatedBy && item.creatorId() == *notCreatedBy))
            continue;
        if (itemId && item.id() != *itemId)
            continue;
        if (!name.isEmpty() && !item.name().contains(name, Qt::CaseInsensitive))
            continue;
        if (!text.isEmpty() && !item.name().contains(text, Qt::CaseInsensitive)
            && !item.description().contains(text, Qt::CaseInsensitive))
            continue;
        if (!item.canRead())
            continue;
        matches.append(item);
    }
    // noActions=true skips evaluating actions; the spec still requires the arrays, so they are empty.
    return page(ctx, matches, !noActions.value_or(false), sortKeys(true));
}

HttpResponse get(RequestContext &ctx)
{
    const QString id = ctx.param(u"itemId"_s);
    const std::optional<Item> item = findItem(ctx, id);
    if (!item)
        return itemNotFound(ctx, id);
    return traced(HttpResponse::json(200, item->toJson(true)));
}

HttpResponse update(RequestContext &ctx)
{
    const QString id = ctx.param(u"itemId"_s);
    const std::optional<Item> item = findItem(ctx, id);
    if (!item)
        return itemNotFound(ctx, id);
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return traced(*failure);
    BodyFields fields(body);
    const QString type = fields.oneOf(u"resourceType"_s, kResourceTypes, BodyFields::Required);
    const bool hasName = fields.has(u"name"_s);
    const QString name = fields.string(u"name"_s);
    const bool hasDescription = fields.has(u"description"_s);
    const QString description = fields.string(u"description"_s);
    if (hasName && name.isEmpty())
        fields.fail(u"name"_s, u"'name' must not be empty."_s);
    if (!fields.error() && type != item->resourceType())
        fields.fail(u"resourceType"_s, u"The item is of resourceType '%1'."_s.arg(item->resourceType()));
    if (const auto error = fields.error())
        return traced(ctx.error(*error));
    if (!item->canUpdate())
        return traced(ctx.error(ApiError::forbidden(u"You may not update the item '%1'."_s.arg(id))));
    const QDateTime now = ctx.clock().now();
    QJsonArray updates;
    if (App *app = item->app()) {
        if (hasName)
            app->name = name;
        if (hasDescription)
            app->description = description;
        app->modifiedDate = now;
        app->updaterId = ctx.callerUserId();
    } else if (Automation *automation = item->automation()) {
        if (hasName)
            automation->name = name;
        if (hasDescription)
            automation->description = description;
        automation->updatedAt = now;
    }
    if (hasName)
        updates.append(u"name"_s);
    if (hasDescription)
        updates.append(u"description"_s);
    ctx.audit(u"com.qlik.v1.item.updated"_s, u"com.qlik/items"_s,
              {{u"id"_s, id}, {u"resourceId"_s, item->resourceId()}, {u"updates"_s, updates}},
              {item->resourceId(), item->ownerId(), item->spaceId()});
    return traced(HttpResponse::json(200, item->toJson(true)));
}

HttpResponse remove(RequestContext &ctx)
{
    const QString id = ctx.param(u"itemId"_s);
    const std::optional<Item> item = findItem(ctx, id);
    if (!item)
        return itemNotFound(ctx, id);
    if (!item->canDelete())
        return traced(ctx.error(ApiError::forbidden(u"You may not delete the item '%1'."_s.arg(id))));
    // An item is the catalogue entry of its resource: deleting it deletes the resource.
    const QString resourceId = item->resourceId();
    ctx.audit(u"com.qlik.v1.item.deleted"_s, u"com.qlik/items"_s,
              {{u"id"_s, id}, {u"resourceId"_s, resourceId}, {u"resourceType"_s, item->resourceType()}},
              {resourceId, item->ownerId(), item->spaceId()});
    if (item->app())
        ctx.tenant()->apps.remove(resourceId);
    else
        ctx.tenant()->automations.remove(resourceId);
    return traced(HttpResponse::empty(204));
}

HttpResponse publishedItems(RequestContext &ctx)
{
    const QString id = ctx.param(u"itemId"_s);
    const std::optional<Item> source = findItem(ctx, id);
    if (!source)
        return itemNotFound(ctx, id);
    TypeFilter types;
    if (ctx.hasQuery(u"resourceType"_s)) {
        if (auto error = parseTypes(ctx.query(u"resourceType"_s), &types))
            return traced(ctx.error(*error));
    }
    QList<Item> copies;
    if (source->app() && (types.types.isEmpty() || types.types.contains(u"app"_s))) {
        for (App &app : ctx.tenant()->apps) {
            const Item copy(ctx, app);
            if (app.originAppId == source->resourceId() && app.id != source->resourceId() && copy.canRead())
                copies.append(copy);
        }
    }
    return page(ctx, copies, true, sortKeys(false));
}

} // namespace

void ItemsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/items"_s, list);
    router.add(HostKind::Tenant, "GET", u"/v1/items/{itemId}"_s, get);
    router.add(HostKind::Tenant, "PUT", u"/v1/items/{itemId}"_s, update);
    router.add(HostKind::Tenant, "DELETE", u"/v1/items/{itemId}"_s, remove);
    router.add(HostKind::Tenant, "GET", u"/v1/items/{itemId}/publisheditems"_s, publishedItems);
}

} // namespace Sandbox
