#include "ops/visualpackagestep.h"

#include "cloud/apiresult.h"
#include "ops/localpackagefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

VisualPackageStep::VisualPackageStep(Kind kind, const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
    , m_kind(kind)
{ }

VisualPackageStep::~VisualPackageStep() = default;

StepType VisualPackageStep::extensionType()
{
    return typeOf(Kind::Extension);
}

StepType VisualPackageStep::themeType()
{
    return typeOf(Kind::Theme);
}

StepType VisualPackageStep::typeOf(Kind kind)
{
    const bool extension = kind == Kind::Extension;
    StepType type;
    type.name = extension ? u"extension"_s : u"theme"_s;
    type.title = extension ? u"Extension"_s : u"Theme"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name"],
        "additionalProperties": false,
        "properties": {
            "source": {"type": "string", "minLength": 1, "description": "Hostname of the tenant to copy it from. Give this or file."},
            "file": {"type": "string", "minLength": 1, "description": "A zip on this computer instead (absolute, or relative to the plan's folder)."},
            "sourceProfile": {"type": "string", "description": "Credential profile for the source tenant (default: chosen by tier)."},
            "name": {"type": "string", "minLength": 1, "maxLength": 256, "description": "Its name, unique per tenant (FACTS §9.1)."}
        }
    })")
                            .object();
    const QString id = extension ? u"extensionId"_s : u"themeId"_s;
    type.outputs = {{id, u"its id on the target"_s, u"9f0d3a2c5b7e4d1a8c6b2e0f4a1d3c5b"_s},
                    {u"name"_s, u"its name"_s, u"kpi-card"_s}};
    type.create = [kind](const StepContext &context, QObject *parent) -> Step * {
        return new VisualPackageStep(kind, context, parent);
    };
    return type;
}

QString VisualPackageStep::collection() const
{
    return m_kind == Kind::Extension ? u"/api/v1/extensions"_s : u"/api/v1/themes"_s;
}

QString VisualPackageStep::noun() const
{
    return m_kind == Kind::Extension ? u"extension"_s : u"theme"_s;
}

QString VisualPackageStep::idOutput() const
{
    return m_kind == Kind::Extension ? u"extensionId"_s : u"themeId"_s;
}

QString VisualPackageStep::source() const
{
    return params().value(u"source"_s).toString();
}

QString VisualPackageStep::localFile() const
{
    return localPath(params().value(u"file"_s).toString());
}

QString VisualPackageStep::name() const
{
    return params().value(u"name"_s).toString();
}

QJsonObject VisualPackageStep::named(const QJsonArray &items) const
{
    for (const QJsonValue item : items) {
        if (item[u"name"_s].toString() == name())
            return item.toObject();
    }
    return {};
}

QString VisualPackageStep::md5Of(const QJsonObject &entry)
{
    return entry.value(u"file"_s).toObject().value(u"md5"_s).toString();
}

QJsonObject VisualPackageStep::outputs(const QString &id) const
{
    return {{idOutput(), id}, {u"name"_s, name()}};
}

QString VisualPackageStep::describe() const
{
    if (!localFile().isEmpty())
        return u"%1 '%2' (from %3)"_s.arg(noun(), name(), localFile());
    return u"%1 '%2' (copied from %3)"_s.arg(noun(), name(), source());
}

StepProbe VisualPackageStep::deferredProbe() const
{
    if (!localFile().isEmpty())
        return StepProbe::create(u"create "_s + describe(), {u"POST "_s + collection()});
    return StepProbe::create(u"create "_s + describe(),
                             {u"GET %1/{id}/file (on %2)"_s.arg(collection(), source()), u"POST "_s + collection()});
}

void VisualPackageStep::probe()
{
    if (source().isEmpty() == localFile().isEmpty()) {
        fail(StepError::failed(u"step \"%1\" needs exactly one of \"source\" and \"file\""_s.arg(context().stepId)));
        return;
    }
    // The target's first: a tenant not reachable should fail before the source is read.
    send(tenantCall("GET", collection()), [this](const Cloud::ApiResult &targetList) {
        const QJsonObject existing = named(targetList.json()[u"data"_s].toArray());
        if (!localFile().isEmpty()) {
            LocalPackageFile::read(localFile(), this, [this, existing](const LocalPackageFile &file) {
                if (!file.ok()) {
                    fail(StepError::failed(u"step \"%1\": file: %2"_s.arg(context().stepId, file.problem)));
                    return;
                }
                judge(existing, file.md5, {});
            });
            return;
        }
        send(sourceCall("GET", collection()), [this, existing](const Cloud::ApiResult &sourceList) {
            const QJsonObject original = named(sourceList.json()[u"data"_s].toArray());
            if (original.isEmpty()) {
                finishProbe(StepProbe::blocked(u"%1 has no %2 named '%3'"_s.arg(source(), noun(), name())));
                return;
            }
            const QString sourceId = original.value(u"id"_s).toString();
            judge(existing, md5Of(original), {u"GET %1/%2/file (on %3)"_s.arg(collection(), sourceId, source())});
        });
    });
}

void VisualPackageStep::judge(const QJsonObject &existing, const QString &wantedMd5, const QStringList &readCalls)
{
    if (existing.isEmpty()) {
        finishProbe(StepProbe::create(u"create "_s + describe(), readCalls + QStringList{u"POST "_s + collection()}));
        return;
    }
    const QString id = existing.value(u"id"_s).toString();
    if (md5Of(existing) == wantedMd5 && !wantedMd5.isEmpty()) {
        finishProbe(StepProbe::noChange(describe() + u" is there with the same file"_s, outputs(id)));
        return;
    }
    finishProbe(StepProbe::update(u"replace the file of "_s + describe(),
                                  readCalls + QStringList{u"PATCH %1/%2"_s.arg(collection(), id)},
                                  {{u"file.md5"_s, md5Of(existing), wantedMd5}}, outputs(id)));
}

void VisualPackageStep::apply(const StepProbe &probe)
{
    const QString targetId
        = probe.action == StepAction::Update ? probe.outputs.value(idOutput()).toString() : QString();
    if (!localFile().isEmpty()) {
        // Read again: the probe may be from a dry run a while ago.
        LocalPackageFile::read(localFile(), this, [this, targetId](const LocalPackageFile &file) {
            if (!file.ok()) {
                fail(StepError::failed(u"step \"%1\": file: %2"_s.arg(context().stepId, file.problem)));
                return;
            }
            upload(targetId, file.bytes, file.fileName);
        });
        return;
    }
    // The source is looked up again: the probe may be from a dry run a while ago.
    send(sourceCall("GET", collection()), [this, targetId](const Cloud::ApiResult &sourceList) {
        const QString sourceId = named(sourceList.json()[u"data"_s].toArray()).value(u"id"_s).toString();
        if (sourceId.isEmpty()) {
            fail(StepError::failed(u"%1 no longer has a %2 named '%3'"_s.arg(source(), noun(), name())));
            return;
        }
        send(sourceCall("GET", u"%1/%2/file"_s.arg(collection(), sourceId)),
             [this, targetId](const Cloud::ApiResult &file) {
                 upload(targetId, file.response().body, name() + u".zip"_s);
             });
    });
}

void VisualPackageStep::upload(const QString &targetId, const QByteArray &zip, const QString &filename)
{
    // multipart/form-data with the one part `file`, as the tutorial's `curl -F file=@x.zip`.
    const QByteArray boundary = "tenantry-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray body;
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename.toUtf8() + "\"\r\n";
    body += "Content-Type: application/zip\r\n\r\n";
    body += zip;
    body += "\r\n--" + boundary + "--\r\n";
    const bool update = !targetId.isEmpty();
    Cloud::ApiCall call
        = update ? tenantCall("PATCH", collection() + u'/' + targetId) : tenantCall("POST", collection());
    call.body = body;
    call.contentType = "multipart/form-data; boundary=" + boundary;
    send(
        call,
        [this, update, targetId](const Cloud::ApiResult &result) {
            const QString id = update ? targetId : result.json()[u"id"_s].toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the %1 was uploaded but the answer has no id"_s.arg(noun())));
                return;
            }
            // Qlik names a package after its .qext: a zip of another package is not this step's.
            const QString uploadedName = result.json()[u"name"_s].toString();
            if (!uploadedName.isEmpty() && uploadedName != name()) {
                fail(StepError::failed(u"the uploaded zip holds the %1 '%2' (%3 now), not '%4': give the step the "
                                       u"name its .qext says"_s.arg(noun(), uploadedName, id, name())));
                return;
            }
            StepChange change;
            change.summary = (update ? u"replaced the file of "_s : u"created "_s) + describe();
            (update ? change.updated : change.created).append({noun(), id, name()});
            change.outputs = outputs(id);
            finishApply(change);
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // Created meanwhile (a lost answer, another run): the next probe finds it.
            fail(StepError::transient(u"%1 '%2' exists already on the tenant"_s.arg(noun(), name())));
            return true;
        });
}

void VisualPackageStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(idOutput()).toString();
    send(tenantCall("GET", collection()), [this, id](const Cloud::ApiResult &targetList) {
        const QJsonObject entry = named(targetList.json()[u"data"_s].toArray());
        if (!localFile().isEmpty()) {
            LocalPackageFile::read(localFile(), this, [this, id, entry](const LocalPackageFile &file) {
                if (entry.value(u"id"_s).toString() != id || md5Of(entry) != file.md5) {
                    fail(StepError::transient(
                        u"%1 '%2' does not read back with the file's content yet"_s.arg(noun(), name())));
                    return;
                }
                finishVerify(
                    u"%1 '%2' (%3) has the content of %4 (md5 %5)"_s.arg(noun(), name(), id, file.fileName, file.md5));
            });
            return;
        }
        send(sourceCall("GET", collection()), [this, id, entry](const Cloud::ApiResult &sourceList) {
            const QString wanted = md5Of(named(sourceList.json()[u"data"_s].toArray()));
            if (entry.value(u"id"_s).toString() != id || md5Of(entry) != wanted) {
                fail(StepError::transient(
                    u"%1 '%2' does not read back with the source's file yet"_s.arg(noun(), name())));
                return;
            }
            finishVerify(u"%1 '%2' (%3) has the source's file (md5 %4)"_s.arg(noun(), name(), id, wanted));
        });
    });
}

} // namespace Ops
