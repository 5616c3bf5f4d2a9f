#include "ops/ownershipdeletestep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "ops/ownedresourcelocation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

OwnershipDeleteStep::OwnershipDeleteStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

OwnershipDeleteStep::~OwnershipDeleteStep() = default;

QStringList OwnershipDeleteStep::resourceTypes()
{
    return {u"app"_s,         u"automation"_s, u"automation-connection"_s, u"data-connection"_s, u"data-file"_s,
            u"data-folder"_s, u"space"_s};
}

StepType OwnershipDeleteStep::type()
{
    StepType type;
    type.name = u"delete"_s;
    type.title = u"Delete"_s;
    QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["resourceType", "resourceId"],
        "additionalProperties": false,
        "properties": {
            "resourceType": {"type": "string", "description": "What the resource is, as the ownership audit names it."},
            "resourceId": {"type": "string", "minLength": 1, "description": "The resource's own id (an app id, not its item id)."},
            "name": {"type": "string", "description": "The resource's name, for people."},
            "owner": {"type": "string", "description": "The owner's user id the audit found; anything else owning it blocks the delete."}
        }
    })")
                             .object();
    QJsonObject properties = schema.value(u"properties"_s).toObject();
    QJsonObject typeSchema = properties.value(u"resourceType"_s).toObject();
    typeSchema.insert(u"enum"_s, QJsonArray::fromStringList(resourceTypes()));
    properties.insert(u"resourceType"_s, typeSchema);
    schema.insert(u"properties"_s, properties);
    type.paramsSchema = schema;
    type.outputs = {{u"resourceId"_s, u"the deleted resource's id"_s, u"4c1f5a2e-0d3b-4a8e-9f61-2b7c8d9e0a1b"_s}};
    type.create = [](const StepContext &context, QObject *parent) -> Step * {
        return new OwnershipDeleteStep(context, parent);
    };
    return type;
}

QString OwnershipDeleteStep::resourceType() const
{
    return params().value(u"resourceType"_s).toString();
}

QString OwnershipDeleteStep::resourceId() const
{
    return params().value(u"resourceId"_s).toString();
}

QJsonObject OwnershipDeleteStep::outputs() const
{
    return {{u"resourceId"_s, resourceId()}};
}

QString OwnershipDeleteStep::describe() const
{
    const QString name = params().value(u"name"_s).toString();
    return u"%1 %2"_s.arg(resourceType(), name.isEmpty() ? resourceId() : u"'%1' (%2)"_s.arg(name, resourceId()));
}

StepChange OwnershipDeleteStep::recoveredChange(StepAction, const StepProbe &) const
{
    StepChange change;
    change.summary = u"deleted "_s + describe();
    change.updated.append({resourceType(), resourceId(), params().value(u"name"_s).toString()});
    change.outputs = outputs();
    return change;
}

StepProbe OwnershipDeleteStep::gone(const QString &how) const
{
    return StepProbe::noChange(u"%1 is already gone (%2)"_s.arg(describe(), how), outputs());
}

Cloud::ApiCall OwnershipDeleteStep::readCall() const
{
    const OwnedResourceLocation where{resourceType(), resourceId()};
    Cloud::ApiCall call = tenantCall("GET", where.readPath());
    call.query = where.readQuery();
    return call;
}

void OwnershipDeleteStep::read(const std::function<void(const QString &ownerId)> &found)
{
    const OwnedResourceLocation where{resourceType(), resourceId()};
    send(
        readCall(),
        [this, where, found](const Cloud::ApiResult &result) {
            if (where.isMissingFromCatalog(result.response().body)) {
                found({});
                return;
            }
            QString ownerId;
            QString spaceId;
            QString error;
            if (!where.read(result.response().body, &ownerId, &spaceId, &error)) {
                fail(StepError::failed(error));
                return;
            }
            found(ownerId);
        },
        [found](const Cloud::ApiError &error) {
            if (error.httpStatus() != 404)
                return false;
            found({});
            return true;
        });
}

void OwnershipDeleteStep::probe()
{
    read([this](const QString &ownerId) {
        if (ownerId.isEmpty()) {
            finishProbe(gone(u"not found"_s));
            return;
        }
        const QString audited = params().value(u"owner"_s).toString();
        if (!audited.isEmpty() && ownerId != audited) {
            finishProbe(
                StepProbe::blocked(u"%1 is now owned by %2, not by %3 as audited: audit again before deleting it"_s.arg(
                    describe(), ownerId, audited)));
            return;
        }
        if (resourceType() == "data-folder"_L1 && !audited.isEmpty()) {
            checkFolder(ownerId);
            return;
        }
        planned(ownerId);
    });
}

// Deleting a folder deletes what is in it (spec): refuse when someone else's files are inside.
void OwnershipDeleteStep::checkFolder(const QString &ownerId)
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/data-files"_s);
    call.query = QUrlQuery{{u"folderId"_s, resourceId()},
                           {u"notOwnerId"_s, ownerId},
                           {u"includeAllSpaces"_s, u"true"_s},
                           {u"includeFolders"_s, u"true"_s},
                           {u"limit"_s, u"1"_s}};
    send(call, [this, ownerId](const Cloud::ApiResult &result) {
        const QJsonArray others = QJsonDocument::fromJson(result.response().body).object().value(u"data"_s).toArray();
        if (!others.isEmpty()) {
            finishProbe(StepProbe::blocked(
                u"folder %1 holds '%2', owned by %3: deleting the folder would delete it too; move or delete it "
                u"first"_s.arg(describe(), others.first()[u"name"_s].toString(),
                               others.first()[u"ownerId"_s].toString())));
            return;
        }
        planned(ownerId);
    });
}

void OwnershipDeleteStep::planned(const QString &ownerId)
{
    const QString call = OwnedResourceLocation{resourceType(), resourceId()}.deleteCall();
    StepProbe update = StepProbe::update(u"delete %1, owned by %2"_s.arg(describe(), ownerId), {call},
                                         {{u"exists"_s, true, false}}, outputs());
    update.applyData = {{u"ownerId"_s, ownerId}};
    finishProbe(update);
}

void OwnershipDeleteStep::apply(const StepProbe &probe)
{
    const QString call = OwnedResourceLocation{resourceType(), resourceId()}.deleteCall();
    const qsizetype space = call.indexOf(u' ');
    Cloud::ApiCall request = tenantCall(call.left(space).toLatin1(), call.mid(space + 1));
    // Never resent on a lost answer: the probe that follows an unknown outcome finds it gone.
    request.idempotency = Cloud::ApiCall::Idempotency::NotIdempotent;
    const QString previous = probe.applyData.value(u"ownerId"_s).toString();
    const auto done = [this, previous] {
        StepChange change;
        change.summary = u"deleted %1 (owned by %2)"_s.arg(describe(), previous);
        change.updated.append({resourceType(), resourceId(), params().value(u"name"_s).toString()});
        change.outputs = outputs();
        finishApply(change);
    };
    send(
        request, [done](const Cloud::ApiResult &) { done(); },
        [done](const Cloud::ApiError &error) {
            if (error.httpStatus() != 404)
                return false;
            done(); // gone already: deleted by someone else (or a folder deleted before it)
            return true;
        });
}

void OwnershipDeleteStep::verify(const StepChange &)
{
    read([this](const QString &ownerId) {
        if (!ownerId.isEmpty()) {
            fail(StepError::transient(u"%1 still reads back, owned by %2"_s.arg(describe(), ownerId)));
            return;
        }
        finishVerify(u"%1 is gone"_s.arg(describe()));
    });
}

} // namespace Ops
