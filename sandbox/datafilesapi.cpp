#include "sandbox/datafilesapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/data-files"_s;

bool isAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

// Personal files are their owner's; space files everyone in the space sees. Admins see all.
bool canSee(const RequestContext &ctx, const DataFile &file)
{
    if (isAdmin(ctx))
        return true;
    if (file.spaceId.isEmpty())
        return file.ownerId == ctx.callerUserId();
    const Space *space = ctx.tenant()->spaces.find(file.spaceId);
    return space && ctx.caller().user && AccessControl::canSeeSpace(*ctx.tenant(), *space, *ctx.caller().user);
}

bool canChangeOwner(const RequestContext &ctx, const DataFile &file)
{
    return isAdmin(ctx) || file.ownerId == ctx.callerUserId();
}

QList<const DataFile *> childrenOf(const Tenant &tenant, const QString &folderId)
{
    QList<const DataFile *> children;
    for (const DataFile &file : tenant.dataFiles) {
        if (file.folderId == folderId)
            children.append(&file);
    }
    return children;
}

// FolderStatsResponse: direct and recursive counts and sizes (zeros for files).
QJsonObject folderStats(const Tenant &tenant, const DataFile &item)
{
    qint64 directFiles = 0;
    qint64 directFolders = 0;
    qint64 totalFiles = 0;
    qint64 totalFolders = 0;
    qint64 size = 0;
    if (item.folder) {
        QList<const DataFile *> pending = childrenOf(tenant, item.id);
        for (const DataFile *child : std::as_const(pending))
            (child->folder ? directFolders : directFiles) += 1;
        while (!pending.isEmpty()) {
            const DataFile *child = pending.takeFirst();
            if (child->folder) {
                ++totalFolders;
                pending += childrenOf(tenant, child->id);
            } else {
                ++totalFiles;
                size += child->content.size();
            }
        }
    }
    return {{u"directFileCount"_s, directFiles}, {u"directFolderCount"_s, directFolders},
            {u"totalFileCount"_s, totalFiles},   {u"totalFolderCount"_s, totalFolders},
            {u"aggregateFileSize"_s, size},      {u"directInternalFileCount"_s, 0},
            {u"totalInternalFileCount"_s, 0},    {u"aggregateInternalFileSize"_s, 0},
            {u"directAppScopedFileCount"_s, 0},  {u"totalAppScopedFileCount"_s, 0},
            {u"aggregateAppScopedFileSize"_s, 0}};
}

QString folderPathOf(const Tenant &tenant, const DataFile &file)
{
    QStringList parts;
    QString folderId = file.folderId;
    for (int depth = 0; !folderId.isEmpty() && depth < 64; ++depth) {
        const DataFile *folder = tenant.dataFiles.find(folderId);
        if (!folder)
            break;
        parts.prepend(folder->name);
        folderId = folder->folderId;
    }
    return parts.join(u'/');
}

QJsonObject toJson(const RequestContext &ctx, const DataFile &file)
{
    const Tenant &tenant = *ctx.tenant();
    QJsonArray actions{u"read"_s, u"list"_s};
    if (canChangeOwner(ctx, file))
        actions << u"update"_s << u"delete"_s << u"change_owner"_s << u"change_space"_s;
    const qint64 size
        = file.folder ? folderStats(tenant, file).value(u"aggregateFileSize"_s).toInteger() : file.content.size();
    const QString folderPath = folderPathOf(tenant, file);
    return {{u"id"_s, file.id},
            {u"name"_s, folderPath.isEmpty() ? file.name : folderPath + u'/' + file.name},
            {u"baseName"_s, file.name},
            {u"size"_s, size},
            {u"ownerId"_s, file.ownerId},
            {u"folder"_s, file.folder},
            {u"spaceId"_s, file.spaceId.isEmpty() ? QJsonValue() : QJsonValue(file.spaceId)},
            {u"folderId"_s, file.folderId.isEmpty() ? QJsonValue() : QJsonValue(file.folderId)},
            {u"folderPath"_s, folderPath.isEmpty() ? QJsonValue() : QJsonValue(folderPath)},
            {u"createdDate"_s, SandboxClock::iso(file.createdAt)},
            {u"modifiedDate"_s, SandboxClock::iso(file.modifiedAt)},
            {u"actions"_s, actions},
            {u"folderStats"_s, folderStats(tenant, file)}};
}

std::optional<bool> booleanQuery(const RequestContext &ctx, const QString &name, std::optional<ApiError> *error)
{
    if (!ctx.hasQuery(name))
        return std::nullopt;
    const QString value = ctx.query(name);
    if (value == "true"_L1)
        return true;
    if (value == "false"_L1)
        return false;
    *error = ApiError::badRequest(u"'%1' must be true or false."_s.arg(name)).withParameter(name);
    return std::nullopt;
}

// Whether `file` lies under the folder `folderId` (at any depth).
bool isUnder(const Tenant &tenant, const DataFile &file, const QString &folderId)
{
    QString current = file.folderId;
    for (int depth = 0; !current.isEmpty() && depth < 64; ++depth) {
        if (current == folderId)
            return true;
        const DataFile *parent = tenant.dataFiles.find(current);
        current = parent ? parent->folderId : QString();
    }
    return false;
}

HttpResponse list(RequestContext &ctx)
{
    const Tenant &tenant = *ctx.tenant();
    std::optional<ApiError> error;
    const bool allSpaces = booleanQuery(ctx, u"includeAllSpaces"_s, &error).value_or(false);
    const bool includeFolders = booleanQuery(ctx, u"includeFolders"_s, &error).value_or(false);
    const bool excludeFiles = booleanQuery(ctx, u"excludeFiles"_s, &error).value_or(false);
    const bool excludeSubFolders = booleanQuery(ctx, u"excludeSubFolders"_s, &error).value_or(false);
    // Accepted and checked, with no effect: sandbox files are neither internal nor need stats computed.
    for (const QString &flag : {u"allowInternalFiles"_s, u"includeFolderStats"_s})
        booleanQuery(ctx, flag, &error);
    if (error)
        return ctx.error(*error);
    if (ctx.hasQuery(u"connectionId"_s))
        return ctx.error(
            ApiError::badRequest(u"No DataFiles connection '%1' on this tenant."_s.arg(ctx.query(u"connectionId"_s)))
                .withParameter(u"connectionId"_s));
    const QString ownerId = ctx.query(u"ownerId"_s);
    const QString notOwnerId = ctx.query(u"notOwnerId"_s);
    if (!ownerId.isEmpty() && ownerId != ctx.callerUserId() && !isAdmin(ctx))
        return ctx.error(
            ApiError::forbidden(u"Listing another user's files needs an admin role."_s).withParameter(u"ownerId"_s));
    const QString folderId = ctx.query(u"folderId"_s);
    const QString name = ctx.query(u"name"_s);
    QRegularExpression wildcard;
    if (ctx.hasQuery(u"baseNameWildcard"_s)) {
        wildcard = QRegularExpression(QRegularExpression::wildcardToRegularExpression(ctx.query(u"baseNameWildcard"_s)),
                                      QRegularExpression::CaseInsensitiveOption);
    }
    Paging paging(ctx, PagingStyle::Page, {20, 1000, 1});
    if (const auto pagingError = paging.error())
        return ctx.error(*pagingError);

    QList<const DataFile *> matches;
    for (const DataFile &file : tenant.dataFiles) {
        if (!canSee(ctx, file))
            continue;
        // Where to look (spec): ownerId alone spans every personal space; includeAllSpaces adds every
        // visible space to the caller's personal one; otherwise the caller's personal space only.
        if (!ownerId.isEmpty()) {
            if (file.ownerId != ownerId)
                continue;
        } else if (!allSpaces && (!file.spaceId.isEmpty() || file.ownerId != ctx.callerUserId())) {
            continue;
        }
        if (!notOwnerId.isEmpty() && file.ownerId == notOwnerId)
            continue;
        if ((file.folder && !includeFolders) || (!file.folder && excludeFiles))
            continue;
        if (!folderId.isEmpty() && !isUnder(tenant, file, folderId))
            continue;
        if (excludeSubFolders && file.folderId != folderId)
            continue;
        if (!name.isEmpty() && file.name != name)
            continue;
        if (wildcard.isValid() && !wildcard.pattern().isEmpty() && !wildcard.match(file.name).hasMatch())
            continue;
        matches.append(&file);
    }
    QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"name"_s;
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (!QStringList{u"name"_s, u"size"_s, u"modifiedDate"_s, u"folder"_s, u"baseName"_s}.contains(sort))
        return ctx.error(ApiError::badRequest(u"Unknown sort field '%1'."_s.arg(sort)).withParameter(u"sort"_s));
    const auto key = [&sort, &tenant](const DataFile *file) -> QString {
        QString value;
        if (sort == "size"_L1)
            value = u"%1"_s.arg(file->content.size(), 15, 10, QLatin1Char('0'));
        else if (sort == "modifiedDate"_L1)
            value = SandboxClock::iso(file->modifiedAt);
        else if (sort == "folder"_L1)
            value = file->folder ? u"1"_s : u"0"_s;
        else if (sort == "baseName"_L1)
            value = file->name.toLower();
        else
            value = (file->folderId.isEmpty() ? file->name : folderPathOf(tenant, *file) + u'/' + file->name).toLower();
        return value + u'\n' + file->id;
    };
    std::stable_sort(matches.begin(), matches.end(), [&](const DataFile *a, const DataFile *b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    QStringList ids;
    for (const DataFile *file : std::as_const(matches))
        ids.append(file->id);
    const Page page = paging.select(ids);
    if (const auto pagingError = paging.error())
        return ctx.error(*pagingError);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(toJson(ctx, *matches.at(i)));
    // LinksResponse requires all three links; an absent one has a null href.
    QJsonObject links;
    for (const QString &rel : {u"self"_s, u"next"_s, u"prev"_s})
        links.insert(rel,
                     page.links.value(rel).isObject() ? page.links.value(rel)
                                                      : QJsonValue(QJsonObject{{u"href"_s, QJsonValue()}}));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, links}});
}

HttpResponse get(RequestContext &ctx)
{
    const QString id = ctx.param(u"id"_s);
    const DataFile *file = ctx.tenant()->dataFiles.find(id);
    if (!file || !canSee(ctx, *file))
        return ctx.error(ApiError::notFound(u"No data file '%1'."_s.arg(id)));
    return HttpResponse::json(200, toJson(ctx, *file));
}

void changeOwnerBelow(Tenant &tenant, const QString &folderId, const QString &ownerId, const QDateTime &now)
{
    for (DataFile &file : tenant.dataFiles) {
        if (file.folderId != folderId)
            continue;
        file.ownerId = ownerId;
        file.modifiedAt = now;
        if (file.folder)
            changeOwnerBelow(tenant, file.id, ownerId, now);
    }
}

HttpResponse changeOwner(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"id"_s);
    DataFile *file = tenant.dataFiles.find(id);
    if (!file || !canSee(ctx, *file))
        return ctx.error(ApiError::notFound(u"No data file '%1'."_s.arg(id)));
    if (!canChangeOwner(ctx, *file))
        return ctx.error(ApiError::forbidden(u"Only the owner or an admin may change the owner of '%1'."_s.arg(id)));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    // ChangeDataFileOwnerRequest allows no other property.
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != "ownerId"_L1)
            return ctx.error(
                ApiError::badRequest(u"Unknown property '%1'."_s.arg(it.key())).withPointer(u'/' + it.key()));
    }
    BodyFields fields(body);
    const QString ownerId = fields.string(u"ownerId"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (!tenant.users.find(ownerId))
        return ctx.error(ApiError::badRequest(u"No user '%1'."_s.arg(ownerId)).withPointer(u"/ownerId"_s));
    if (!file->folderId.isEmpty())
        return ctx.error(ApiError::badRequest(u"Only items at the root of their space change owner; '%1' is in a "
                                              u"folder."_s.arg(file->name)));
    const QDateTime now = ctx.clock().now();
    if (file->lockedUntil.isValid() && now < file->lockedUntil)
        return ctx.error(ApiError(423, u"HTTP-423"_s, u"Locked"_s,
                                  u"'%1' is locked by an upload in progress; try again later."_s.arg(file->name)));
    if (file->spaceId.isEmpty()) {
        // In a personal space the item moves to the new owner's personal space (FACTS §11.2).
        for (const DataFile &other : tenant.dataFiles) {
            if (&other != file && other.spaceId.isEmpty() && other.folderId.isEmpty() && other.ownerId == ownerId
                && other.name.compare(file->name, Qt::CaseInsensitive) == 0)
                return ctx.error(
                    ApiError::conflict(u"The new owner already has '%1' in their personal space."_s.arg(file->name)));
        }
    }
    const QString previous = file->ownerId;
    file->ownerId = ownerId;
    file->modifiedAt = now;
    if (file->folder)
        changeOwnerBelow(tenant, file->id, ownerId, now);
    ctx.audit(u"com.qlik.v1.data-file.owner.changed"_s, kSource,
              {{u"id"_s, file->id}, {u"name"_s, file->name}, {u"ownerId"_s, ownerId}, {u"previousOwnerId"_s, previous}},
              {file->id, ownerId, file->spaceId});
    return HttpResponse::empty(204);
}

// Spec: deleting a folder also deletes everything in it, recursively; 204, 403, 404.
HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"id"_s);
    const DataFile *file = tenant.dataFiles.find(id);
    if (!file || !canSee(ctx, *file))
        return ctx.error(ApiError::notFound(u"No data file '%1'."_s.arg(id)));
    if (!canChangeOwner(ctx, *file))
        return ctx.error(ApiError::forbidden(u"Only the owner or an admin may delete '%1'."_s.arg(id)));
    QSet<QString> doomed{id};
    for (QList<QString> folders{id}; !folders.isEmpty();) {
        const QString folder = folders.takeFirst();
        for (const DataFile *child : childrenOf(tenant, folder)) {
            doomed.insert(child->id);
            if (child->folder)
                folders.append(child->id);
        }
    }
    ctx.audit(u"com.qlik.v1.data-file.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, file->name}},
              {id, file->ownerId, file->spaceId});
    tenant.dataFiles.removeIf([&doomed](const DataFile &item) { return doomed.contains(item.id); });
    return HttpResponse::empty(204);
}

} // namespace

void DataFilesApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/data-files"_s, list);
    router.add(HostKind::Tenant, "GET", u"/v1/data-files/{id}"_s, get);
    router.add(HostKind::Tenant, "DELETE", u"/v1/data-files/{id}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/data-files/{id}/actions/change-owner"_s, changeOwner);
}

} // namespace Sandbox
