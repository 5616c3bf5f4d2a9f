#include "ops/ownerchangestep.h"

#include "cloud/apiresult.h"
#include "ops/ownedresourcelocation.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

constexpr auto botPrefix = "qlikbot\\"_L1; // FACTS §2.3: a bot's subject is qlikbot\<clientId>

// "a string value or nothing": owner and space fields are plain strings, or null when absent.
QString stringAt(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

} // namespace

OwnerChangeStep::OwnerChangeStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

OwnerChangeStep::~OwnerChangeStep() = default;

QStringList OwnerChangeStep::resourceTypes()
{
    return {u"app"_s,         u"automation"_s, u"automation-connection"_s, u"data-connection"_s, u"data-file"_s,
            u"data-folder"_s, u"space"_s};
}

QString OwnerChangeStep::ownerRole(const QString &spaceType)
{
    return spaceType == "managed"_L1 ? u"publisher"_s : u"producer"_s;
}

QStringList OwnerChangeStep::owningRoles(const QString &spaceType)
{
    // FACTS §7 role lists: who may hold content in each space type.
    if (spaceType == "managed"_L1)
        return {u"publisher"_s, u"facilitator"_s};
    return {u"producer"_s, u"facilitator"_s};
}

StepType OwnerChangeStep::type()
{
    StepType type;
    type.name = u"owner"_s;
    type.title = u"Owner"_s;
    QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["resourceType", "resourceId", "to"],
        "additionalProperties": false,
        "properties": {
            "resourceType": {"type": "string", "description": "What the resource is, as the ownership audit names it."},
            "resourceId": {"type": "string", "minLength": 1, "description": "The resource's own id (an app id, not its item id)."},
            "name": {"type": "string", "description": "The resource's name, for people."},
            "to": {"type": "string", "minLength": 1, "description": "The new owner: a subject (qlikbot\\<clientId> for a bot) or an email."}
        }
    })")
                             .object();
    QJsonObject properties = schema.value(u"properties"_s).toObject();
    QJsonObject typeSchema = properties.value(u"resourceType"_s).toObject();
    typeSchema.insert(u"enum"_s, QJsonArray::fromStringList(resourceTypes()));
    properties.insert(u"resourceType"_s, typeSchema);
    schema.insert(u"properties"_s, properties);
    type.paramsSchema = schema;
    type.outputs = {{u"resourceId"_s, u"the resource's id"_s, u"4c1f5a2e-0d3b-4a8e-9f61-2b7c8d9e0a1b"_s},
                    {u"ownerId"_s, u"the new owner's tenant-local user id"_s, u"65a8f1c2d3e4f5a6b7c8d9e0"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new OwnerChangeStep(context, parent); };
    return type;
}

QString OwnerChangeStep::resourceType() const
{
    return params().value(u"resourceType"_s).toString();
}

QString OwnerChangeStep::resourceId() const
{
    return params().value(u"resourceId"_s).toString();
}

QString OwnerChangeStep::to() const
{
    return params().value(u"to"_s).toString();
}

QString OwnerChangeStep::describe() const
{
    const QString name = params().value(u"name"_s).toString();
    return u"%1 %2 owned by %3"_s.arg(resourceType(),
                                      name.isEmpty() ? resourceId() : u"'%1' (%2)"_s.arg(name, resourceId()), to());
}

QString OwnerChangeStep::resourcePath() const
{
    return OwnedResourceLocation{resourceType(), resourceId()}.readPath();
}

Cloud::ApiCall OwnerChangeStep::readCall() const
{
    Cloud::ApiCall call = tenantCall("GET", resourcePath());
    call.query = OwnedResourceLocation{resourceType(), resourceId()}.readQuery();
    return call;
}

QString OwnerChangeStep::changeCall() const
{
    const QString type = resourceType();
    const QString id = resourceId();
    if (type == "app"_L1)
        return u"PUT /api/v1/apps/%1/owner"_s.arg(id);
    if (type == "space"_L1)
        return u"PATCH /api/v1/spaces/"_s + id;
    if (type == "automation"_L1)
        return u"POST /api/v1/automations/%1/actions/move"_s.arg(id);
    if (type == "automation-connection"_L1)
        return u"POST /api/v1/automation-connections/%1/actions/change-owner"_s.arg(id);
    if (type == "data-connection"_L1)
        return u"POST /api/v1/data-connections/actions/update"_s; // FACTS §11.2: the PATCH path is unverified
    return u"POST /api/v1/data-files/%1/actions/change-owner"_s.arg(id);
}

QJsonObject OwnerChangeStep::outputs(const QString &ownerId) const
{
    return {{u"resourceId"_s, resourceId()}, {u"ownerId"_s, ownerId}};
}

bool OwnerChangeStep::readResource(const QByteArray &body, QString *ownerId, QString *spaceId, QString *error,
                                   QString *folderId) const
{
    return OwnedResourceLocation{resourceType(), resourceId()}.read(body, ownerId, spaceId, error, folderId);
}

void OwnerChangeStep::probe()
{
    findNewOwner();
}

// The new owner on this tenant: bots by clientId (FACTS §2.3), people by email or subject.
void OwnerChangeStep::findNewOwner()
{
    const QString target = to();
    QString filter;
    if (target.startsWith(botPrefix, Qt::CaseInsensitive))
        filter = scimEquals(u"clientId"_s, target.mid(botPrefix.size()));
    else if (target.contains(u'@') && !target.contains(u'\\'))
        filter = scimEquals(u"email"_s, target);
    else
        filter = scimEquals(u"subject"_s, target);
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/users"_s);
    call.query = QUrlQuery{{u"filter"_s, filter}, {u"limit"_s, u"100"_s}};
    listAll(call, [this, target](const QJsonArray &users) {
        QStringList ids;
        for (const QJsonValue user : users) {
            const QJsonObject json = user.toObject();
            if (stringAt(json, u"status"_s) == "deleted"_L1)
                continue;
            if (target.startsWith(botPrefix, Qt::CaseInsensitive)
                && stringAt(json, u"subject"_s).compare(target, Qt::CaseInsensitive) != 0)
                continue; // a person whose clientId happens to match is not the bot
            if (const QString id = stringAt(json, u"id"_s); !id.isEmpty())
                ids.append(id);
        }
        if (ids.isEmpty()) {
            finishProbe(StepProbe::blocked(
                u"no user '%1' on this tenant: a bot appears once its client has used the tenant, a person "
                u"once they have signed in or been created"_s.arg(target)));
            return;
        }
        if (ids.size() > 1) {
            finishProbe(StepProbe::blocked(u"%1 users match '%2' (%3); name the new owner by subject"_s.arg(ids.size())
                                               .arg(target, ids.join(u", "_s))));
            return;
        }
        readOwner(ids.first());
    });
}

void OwnerChangeStep::readOwner(const QString &userId)
{
    send(
        readCall(),
        [this, userId](const Cloud::ApiResult &result) {
            QString ownerId;
            QString spaceId;
            QString error;
            QString folderId;
            if (OwnedResourceLocation{resourceType(), resourceId()}.isMissingFromCatalog(result.response().body)) {
                finishProbe(StepProbe::blocked(u"automation %1 no longer exists"_s.arg(resourceId())));
                return;
            }
            if (!readResource(result.response().body, &ownerId, &spaceId, &error, &folderId)) {
                fail(StepError::failed(error));
                return;
            }
            if (ownerId == userId) {
                finishProbe(StepProbe::noChange(describe(), outputs(userId)));
                return;
            }
            if (!folderId.isEmpty()) {
                checkFolder(userId, ownerId, folderId);
                return;
            }
            if (spaceId.isEmpty()) {
                probeDone(userId, ownerId, spaceId, {});
                return;
            }
            checkMembership(userId, ownerId, spaceId);
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 404)
                return false;
            finishProbe(StepProbe::blocked(
                u"%1 %2 no longer exists (GET %3 answered 404)"_s.arg(resourceType(), resourceId(), resourcePath())));
            return true;
        });
}

// Only root-level data files change owner (FACTS §11.2); one in a folder moves with its folder,
// which the plan puts before it when the same owner has it.
void OwnerChangeStep::checkFolder(const QString &userId, const QString &ownerId, const QString &folderId)
{
    send(tenantCall("GET", u"/api/v1/data-files/"_s + folderId),
         [this, userId, ownerId, folderId](const Cloud::ApiResult &result) {
             const QJsonObject folder = QJsonDocument::fromJson(result.response().body).object();
             const QString folderOwner = stringAt(folder, u"ownerId"_s);
             if (folderOwner != ownerId && folderOwner != userId) {
                 finishProbe(StepProbe::blocked(
                     u"%1 is in folder %2, owned by %3: only root-level data files change owner (FACTS §11.2)"_s.arg(
                         resourceId(), folderId, folderOwner)));
                 return;
             }
             StepProbe update = StepProbe::update(
                 u"%1 moves to %2 with its folder %3 (no call of its own)"_s.arg(resourceId(), to(), folderId), {},
                 {{u"ownerId"_s, ownerId, userId}}, outputs(userId));
             update.applyData = {{u"previousOwnerId"_s, ownerId}, {u"withFolder"_s, folderId}};
             finishProbe(update);
         });
}

// The precondition: a member of the item's space with a role that can own it.
void OwnerChangeStep::checkMembership(const QString &userId, const QString &ownerId, const QString &spaceId)
{
    send(tenantCall("GET", u"/api/v1/spaces/"_s + spaceId),
         [this, userId, ownerId, spaceId](const Cloud::ApiResult &result) {
             const QJsonObject space = QJsonDocument::fromJson(result.response().body).object();
             const QString spaceType = stringAt(space, u"type"_s);
             if (spaceType.isEmpty()) {
                 fail(StepError::failed(u"the answer of GET /api/v1/spaces/%1 names no space type"_s.arg(spaceId)));
                 return;
             }
             if (stringAt(space, u"ownerId"_s) == userId) {
                 probeDone(userId, ownerId, spaceId, {}); // the space's owner may own what is in it
                 return;
             }
             listAll(tenantCall("GET", u"/api/v1/spaces/%1/assignments"_s.arg(spaceId)),
                     [this, userId, ownerId, spaceId, spaceType](const QJsonArray &assignments) {
                         const QStringList owning = owningRoles(spaceType);
                         QJsonObject membership{
                             {u"spaceId"_s, spaceId}, {u"spaceType"_s, spaceType}, {u"role"_s, ownerRole(spaceType)}};
                         for (const QJsonValue value : assignments) {
                             const QJsonObject assignment = value.toObject();
                             if (stringAt(assignment, u"type"_s) != "user"_L1
                                 || stringAt(assignment, u"assigneeId"_s) != userId)
                                 continue;
                             QStringList roles;
                             for (const QJsonValue role : assignment.value(u"roles"_s).toArray())
                                 roles.append(role.toString());
                             if (std::any_of(roles.cbegin(), roles.cend(),
                                             [&owning](const QString &role) { return owning.contains(role); })) {
                                 probeDone(userId, ownerId, spaceId, {});
                                 return;
                             }
                             roles.append(ownerRole(spaceType));
                             membership.insert(u"do"_s, u"roles"_s);
                             membership.insert(u"assignmentId"_s, stringAt(assignment, u"id"_s));
                             membership.insert(u"roles"_s, QJsonArray::fromStringList(roles));
                             probeDone(userId, ownerId, spaceId, membership);
                             return;
                         }
                         membership.insert(u"do"_s, u"add"_s);
                         membership.insert(u"roles"_s, QJsonArray{ownerRole(spaceType)});
                         probeDone(userId, ownerId, spaceId, membership);
                     });
         });
}

void OwnerChangeStep::probeDone(const QString &userId, const QString &ownerId, const QString &spaceId,
                                const QJsonObject &membership)
{
    QStringList calls;
    QList<FieldChange> changes;
    // Who `to` resolved to on this tenant (user ids differ per tenant), for the dry run.
    QString summary = u"make %1 the owner of %2 %3 (now %4)"_s.arg(
        u"%1 (%2)"_s.arg(to(), userId), resourceType(),
        params().value(u"name"_s).toString().isEmpty() ? resourceId()
                                                       : u"'%1'"_s.arg(params().value(u"name"_s).toString()),
        ownerId);
    const QString action = membership.value(u"do"_s).toString();
    if (action == "add"_L1) {
        calls.append(u"POST /api/v1/spaces/%1/assignments"_s.arg(spaceId));
        changes.append({u"member of space "_s + spaceId, QJsonValue(), membership.value(u"roles"_s)});
        summary += u", first adding them to space %1 as %2"_s.arg(spaceId, membership.value(u"role"_s).toString());
    } else if (action == "roles"_L1) {
        const QString assignment = membership.value(u"assignmentId"_s).toString();
        calls.append(u"PUT /api/v1/spaces/%1/assignments/%2"_s.arg(spaceId, assignment));
        changes.append({u"roles in space "_s + spaceId, QJsonValue(), membership.value(u"roles"_s)});
        summary
            += u", first giving them the %1 role in space %2"_s.arg(membership.value(u"role"_s).toString(), spaceId);
    }
    calls.append(changeCall());
    changes.append({u"ownerId"_s, ownerId, userId});
    StepProbe update = StepProbe::update(summary, calls, changes, outputs(userId));
    update.applyData = {{u"previousOwnerId"_s, ownerId}, {u"membership"_s, membership}};
    finishProbe(update);
}

void OwnerChangeStep::apply(const StepProbe &probe)
{
    if (const QString folder = probe.applyData.value(u"withFolder"_s).toString(); !folder.isEmpty()) {
        // The folder's own step moved it (verify reads it back).
        StepChange change;
        change.summary = u"%1 moved with its folder %2"_s.arg(resourceId(), folder);
        change.updated.append({resourceType(), resourceId(), params().value(u"name"_s).toString()});
        change.outputs = probe.outputs;
        finishApply(change);
        return;
    }
    const QJsonObject membership = probe.applyData.value(u"membership"_s).toObject();
    const QString action = membership.value(u"do"_s).toString();
    const QString userId = probe.outputs.value(u"ownerId"_s).toString();
    const QString spaceId = membership.value(u"spaceId"_s).toString();
    if (action == "add"_L1) {
        const QJsonObject body{
            {u"type"_s, u"user"_s}, {u"assigneeId"_s, userId}, {u"roles"_s, membership.value(u"roles"_s)}};
        send(
            tenantCall("POST", u"/api/v1/spaces/%1/assignments"_s.arg(spaceId)).setJson(QJsonDocument(body)),
            [this, probe](const Cloud::ApiResult &) { changeOwner(probe); },
            [this, probe](const Cloud::ApiError &error) {
                if (error.httpStatus() != 409)
                    return false;
                // FACTS §7: already assigned (a step before this one added them); its role was
                // judged by the probe, which the engine repeats before any retry.
                changeOwner(probe);
                return true;
            });
        return;
    }
    if (action == "roles"_L1) {
        const QJsonObject body{{u"roles"_s, membership.value(u"roles"_s)}};
        send(tenantCall(
                 "PUT",
                 u"/api/v1/spaces/%1/assignments/%2"_s.arg(spaceId, membership.value(u"assignmentId"_s).toString()))
                 .setJson(QJsonDocument(body)),
             [this, probe](const Cloud::ApiResult &) { changeOwner(probe); });
        return;
    }
    changeOwner(probe);
}

void OwnerChangeStep::changeOwner(const StepProbe &probe)
{
    const QString userId = probe.outputs.value(u"ownerId"_s).toString();
    const QString type = resourceType();
    const QString call = changeCall();
    const qsizetype space = call.indexOf(u' ');
    const QByteArray method = call.left(space).toLatin1();
    QJsonDocument body;
    if (type == "app"_L1 || type == "data-file"_L1 || type == "data-folder"_L1)
        body = QJsonDocument(QJsonObject{{u"ownerId"_s, userId}});
    else if (type == "automation"_L1 || type == "automation-connection"_L1)
        body = QJsonDocument(QJsonObject{{u"userId"_s, userId}});
    else if (type == "space"_L1)
        body = QJsonDocument(
            QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/ownerId"_s}, {u"value"_s, userId}}});
    else
        body = QJsonDocument(
            QJsonObject{{u"connections"_s, QJsonArray{QJsonObject{{u"id"_s, resourceId()}, {u"ownerId"_s, userId}}}}});
    Cloud::ApiCall request = tenantCall(method, call.mid(space + 1));
    // Never resent on a lost answer, even the PUT: moving an automation wipes its run history, and
    // the probe that follows an unknown outcome tells whether the change happened.
    request.idempotency = Cloud::ApiCall::Idempotency::NotIdempotent;
    const QString previous = probe.applyData.value(u"previousOwnerId"_s).toString();
    send(request.setJson(body), [this, userId, previous, type](const Cloud::ApiResult &result) {
        if (type == "data-connection"_L1) {
            // 207: one status per connection (FACTS §11.2).
            const QJsonObject entry
                = QJsonDocument::fromJson(result.response().body).object().value(u"data"_s).toArray().at(0).toObject();
            if (entry.isEmpty()) {
                fail(StepError::outcomeUnknown(
                    u"the answer of POST /api/v1/data-connections/actions/update names no result for %1"_s.arg(
                        resourceId())));
                return;
            }
            const int status = entry.value(u"status"_s).toInt();
            if (status < 200 || status > 299) {
                const QJsonObject item = entry.value(u"error"_s).toObject();
                StepError error = status >= 500 ? StepError::transient({}) : StepError::failed({});
                error.message = u"data connection %1 kept its owner: %2 %3"_s.arg(
                    resourceId(), QString::number(status),
                    stringAt(item, u"detail"_s).isEmpty() ? stringAt(item, u"title"_s) : stringAt(item, u"detail"_s));
                error.httpStatus = status;
                error.code = stringAt(item, u"code"_s);
                error.request = u"POST /api/v1/data-connections/actions/update"_s;
                fail(error);
                return;
            }
        }
        StepChange change;
        change.summary = u"%1 now owns %2 %3 (was %4)"_s.arg(to(), resourceType(), resourceId(), previous);
        change.updated.append({resourceType(), resourceId(), params().value(u"name"_s).toString()});
        change.outputs = outputs(userId);
        finishApply(change);
    });
}

void OwnerChangeStep::verify(const StepChange &change)
{
    const QString userId = change.outputs.value(u"ownerId"_s).toString();
    send(readCall(), [this, userId](const Cloud::ApiResult &result) {
        QString ownerId;
        QString spaceId;
        QString error;
        if (!readResource(result.response().body, &ownerId, &spaceId, &error)) {
            fail(StepError::failed(error));
            return;
        }
        if (ownerId != userId) {
            fail(StepError::transient(
                u"%1 %2 reads back owned by %3, not yet by %4"_s.arg(resourceType(), resourceId(), ownerId, userId)));
            return;
        }
        finishVerify(u"%1 %2 is owned by %3 (%4)"_s.arg(resourceType(), resourceId(), to(), userId));
    });
}

} // namespace Ops
