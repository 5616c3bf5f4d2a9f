#include "ops/visualpackagestep.h"

#include "cloud/apiresult.h"
#include "ops/localpackagefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

bool VisualPackageStep::Wanted::present() const
{
    return !existing.isEmpty() && !md5.isEmpty() && md5Of(existing) == md5;
}

VisualPackageStep::VisualPackageStep(Kind kind, Selection selection, const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
    , m_kind(kind)
    , m_selection(selection)
{ }

VisualPackageStep::~VisualPackageStep() = default;

StepType VisualPackageStep::extensionType()
{
    return typeOf(Kind::Extension, Selection::ByName);
}

StepType VisualPackageStep::themeType()
{
    return typeOf(Kind::Theme, Selection::ByName);
}

StepType VisualPackageStep::extensionsByTagType()
{
    return typeOf(Kind::Extension, Selection::ByTag);
}

StepType VisualPackageStep::themesByTagType()
{
    return typeOf(Kind::Theme, Selection::ByTag);
}

StepType VisualPackageStep::typeOf(Kind kind, Selection selection)
{
    const bool extension = kind == Kind::Extension;
    StepType type;
    if (selection == Selection::ByName) {
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
        type.checkParams = [](const QJsonObject &params, const QString &path) {
            QList<PlanIssue> issues;
            if (params.contains(u"source"_s) == params.contains(u"file"_s))
                issues.append(
                    {path, u"give exactly one of \"source\" (copy from a tenant) and \"file\" (a local zip)"_s});
            return issues;
        };
        const QString id = extension ? u"extensionId"_s : u"themeId"_s;
        type.outputs = {{id, u"its id on the target"_s, u"9f0d3a2c5b7e4d1a8c6b2e0f4a1d3c5b"_s},
                        {u"name"_s, u"its name"_s, u"kpi-card"_s}};
    } else {
        type.name = extension ? u"extensions-by-tag"_s : u"themes-by-tag"_s;
        type.title = extension ? u"Extensions by tag"_s : u"Themes by tag"_s;
        type.paramsSchema = QJsonDocument::fromJson(R"({
            "type": "object",
            "required": ["source", "tag"],
            "additionalProperties": false,
            "properties": {
                "source": {"type": "string", "minLength": 1, "description": "Hostname of the tenant to copy them from."},
                "sourceProfile": {"type": "string", "description": "Credential profile for the source tenant (default: chosen by tier)."},
                "tag": {"type": "string", "minLength": 1, "description": "Every package the source tags so is copied (the spec's tags[])."}
            }
        })")
                                .object();
        const QString ids = extension ? u"extensionIds"_s : u"themeIds"_s;
        type.outputs = {{ids, u"their ids on the target, in the source's order"_s,
                         QJsonArray{u"9f0d3a2c5b7e4d1a8c6b2e0f4a1d3c5b"_s}},
                        {u"names"_s, u"their names"_s, QJsonArray{u"kpi-card"_s}}};
    }
    type.create = [kind, selection](const StepContext &context, QObject *parent) -> Step * {
        return new VisualPackageStep(kind, selection, context, parent);
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

QString VisualPackageStep::nouns() const
{
    return m_kind == Kind::Extension ? u"extensions"_s : u"themes"_s;
}

QString VisualPackageStep::idOutput() const
{
    const QString id = m_kind == Kind::Extension ? u"extensionId"_s : u"themeId"_s;
    return m_selection == Selection::ByTag ? id + u's' : id;
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

QString VisualPackageStep::tag() const
{
    return params().value(u"tag"_s).toString();
}

QString VisualPackageStep::named(const QList<Wanted> &packages) const
{
    QStringList names;
    for (const Wanted &package : packages)
        names.append(u'\'' + package.name + u'\'');
    return (packages.size() == 1 ? noun() : nouns()) + u' ' + names.join(u", "_s);
}

QJsonObject VisualPackageStep::entryNamed(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue item : items) {
        if (item[u"name"_s].toString() == name)
            return item.toObject();
    }
    return {};
}

QList<QJsonObject> VisualPackageStep::selected(const QJsonArray &sourceItems) const
{
    QList<QJsonObject> found;
    for (const QJsonValue item : sourceItems) {
        const bool wanted = m_selection == Selection::ByName ? item[u"name"_s].toString() == name()
                                                             : item[u"tags"_s].toArray().contains(QJsonValue(tag()));
        if (wanted)
            found.append(item.toObject());
    }
    return found;
}

QString VisualPackageStep::md5Of(const QJsonObject &entry)
{
    return entry.value(u"file"_s).toObject().value(u"md5"_s).toString();
}

QJsonObject VisualPackageStep::outputs(const QList<Wanted> &wanted) const
{
    if (m_selection == Selection::ByName) {
        const QString id = wanted.isEmpty() ? QString() : wanted.first().existing.value(u"id"_s).toString();
        return {{idOutput(), id}, {u"name"_s, name()}};
    }
    QJsonArray ids;
    QJsonArray names;
    for (const Wanted &package : wanted) {
        ids.append(package.existing.value(u"id"_s).toString());
        names.append(package.name);
    }
    return {{idOutput(), ids}, {u"names"_s, names}};
}

QString VisualPackageStep::describe() const
{
    if (m_selection == Selection::ByTag)
        return u"%1 tagged '%2' (copied from %3)"_s.arg(nouns(), tag(), source());
    if (!localFile().isEmpty())
        return u"%1 '%2' (from %3)"_s.arg(noun(), name(), localFile());
    return u"%1 '%2' (copied from %3)"_s.arg(noun(), name(), source());
}

void VisualPackageStep::gather(GatherHandler then, bool onTarget)
{
    if (!onTarget) {
        wantedFrom({}, std::move(then));
        return;
    }
    // The target's first: a tenant not reachable should fail before the source is read.
    send(tenantCall("GET", collection()), [this, then](const Cloud::ApiResult &targetList) {
        wantedFrom(targetList.json()[u"data"_s].toArray(), then);
    });
}

void VisualPackageStep::wantedFrom(const QJsonArray &targetItems, GatherHandler then)
{
    if (!localFile().isEmpty()) {
        LocalPackageFile::read(localFile(), this, [this, then, targetItems](const LocalPackageFile &file) {
            if (!file.ok()) {
                fail(StepError::failed(u"step \"%1\": file: %2"_s.arg(context().stepId, file.problem)));
                return;
            }
            then({Wanted{name(), file.md5, {}, entryNamed(targetItems, name())}}, {});
        });
        return;
    }
    send(sourceCall("GET", collection()), [this, then, targetItems](const Cloud::ApiResult &sourceList) {
        QList<Wanted> wanted;
        for (const QJsonObject &original : selected(sourceList.json()[u"data"_s].toArray())) {
            const QString packageName = original.value(u"name"_s).toString();
            wanted.append({packageName, md5Of(original), original.value(u"id"_s).toString(),
                           entryNamed(targetItems, packageName)});
        }
        if (!wanted.isEmpty()) {
            then(wanted, {});
            return;
        }
        then({},
             m_selection == Selection::ByTag ? u"%1 has no %2 tagged '%3'"_s.arg(source(), noun(), tag())
                                             : u"%1 has no %2 named '%3'"_s.arg(source(), noun(), name()));
    });
}

void VisualPackageStep::probeDeferred()
{
    gather(std::bind_front(&VisualPackageStep::judge, this), false);
}

void VisualPackageStep::probe()
{
    gather(std::bind_front(&VisualPackageStep::judge, this));
}

void VisualPackageStep::judge(const QList<Wanted> &wanted, const QString &missing)
{
    if (!missing.isEmpty()) {
        finishProbe(StepProbe::blocked(missing));
        return;
    }
    QList<Wanted> creates;
    QList<Wanted> replaces;
    QStringList calls;
    QList<FieldChange> changes;
    for (const Wanted &package : wanted) {
        if (package.present())
            continue;
        if (!package.sourceId.isEmpty())
            calls.append(u"GET %1/%2/file (on %3)"_s.arg(collection(), package.sourceId, source()));
        if (package.existing.isEmpty()) {
            creates.append(package);
            calls.append(u"POST "_s + collection());
            continue;
        }
        replaces.append(package);
        calls.append(u"PATCH %1/%2"_s.arg(collection(), package.existing.value(u"id"_s).toString()));
        const QString field = m_selection == Selection::ByTag ? package.name + u".file.md5"_s : u"file.md5"_s;
        changes.append({field, md5Of(package.existing), package.md5});
    }
    if (creates.isEmpty() && replaces.isEmpty()) {
        const QString summary = m_selection == Selection::ByTag
            ? u"%1, all there with the same files: %2"_s.arg(describe(), named(wanted))
            : describe() + u" is there with the same file"_s;
        finishProbe(StepProbe::noChange(summary, outputs(wanted)));
        return;
    }
    if (m_selection == Selection::ByName) {
        if (!creates.isEmpty())
            finishProbe(StepProbe::create(u"create "_s + describe(), calls));
        else
            finishProbe(StepProbe::update(u"replace the file of "_s + describe(), calls, changes, outputs(wanted)));
        return;
    }
    QStringList parts;
    if (!creates.isEmpty())
        parts.append(u"create "_s + named(creates));
    if (!replaces.isEmpty())
        parts.append(u"replace the file of "_s + named(replaces));
    const QString summary = u"%1 (%2 tagged '%3' on %4)"_s.arg(parts.join(u"; "_s), nouns(), tag(), source());
    if (replaces.isEmpty())
        finishProbe(StepProbe::create(summary, calls));
    else
        finishProbe(StepProbe::update(summary, calls, changes, outputs(wanted)));
}

void VisualPackageStep::apply(const StepProbe & /*probe*/)
{
    // Read everything again: the probe may be from a dry run a while ago, or deferred (a tenant
    // this plan creates), and a package may have arrived or changed since.
    gather([this](const QList<Wanted> &wanted, const QString &missing) {
        if (!missing.isEmpty()) {
            fail(StepError::failed(missing));
            return;
        }
        uploadPending(wanted, 0, {});
    });
}

void VisualPackageStep::uploadPending(QList<Wanted> wanted, qsizetype next, StepChange change)
{
    while (next < wanted.size() && wanted.at(next).present())
        ++next;
    if (next == wanted.size()) {
        QStringList parts;
        if (!change.created.isEmpty())
            parts.append(u"created "_s + QString::number(change.created.size()));
        if (!change.updated.isEmpty())
            parts.append(u"replaced the file of "_s + QString::number(change.updated.size()));
        change.summary = m_selection == Selection::ByName
            ? (change.updated.isEmpty() ? u"created "_s : u"replaced the file of "_s) + describe()
            : u"%1 of %2: %3"_s.arg(parts.isEmpty() ? u"nothing left to copy"_s : parts.join(u", "_s), describe(),
                                    named(wanted));
        change.outputs = outputs(wanted);
        finishApply(change);
        return;
    }
    const auto uploaded = [this, wanted, next, change](const QString &id) mutable {
        Wanted &package = wanted[next];
        const bool update = !package.existing.isEmpty();
        (update ? change.updated : change.created).append({noun(), id, package.name});
        package.existing
            = {{u"id"_s, id}, {u"name"_s, package.name}, {u"file"_s, QJsonObject{{u"md5"_s, package.md5}}}};
        uploadPending(wanted, next + 1, change);
    };
    const Wanted package = wanted.at(next);
    if (package.sourceId.isEmpty()) {
        LocalPackageFile::read(localFile(), this, [this, package, uploaded](const LocalPackageFile &file) {
            if (!file.ok()) {
                fail(StepError::failed(u"step \"%1\": file: %2"_s.arg(context().stepId, file.problem)));
                return;
            }
            upload(package, file.bytes, file.fileName, uploaded);
        });
        return;
    }
    send(sourceCall("GET", u"%1/%2/file"_s.arg(collection(), package.sourceId)),
         [this, package, uploaded](const Cloud::ApiResult &file) {
             upload(package, file.response().body, package.name + u".zip"_s, uploaded);
         });
}

void VisualPackageStep::upload(const Wanted &package, const QByteArray &zip, const QString &filename,
                               std::function<void(const QString &id)> done)
{
    // multipart/form-data with the one part `file`, as the tutorial's `curl -F file=@x.zip`.
    const QByteArray boundary = "tenantry-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray body;
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename.toUtf8() + "\"\r\n";
    body += "Content-Type: application/zip\r\n\r\n";
    body += zip;
    body += "\r\n--" + boundary + "--\r\n";
    const QString targetId = package.existing.value(u"id"_s).toString();
    const bool update = !targetId.isEmpty();
    Cloud::ApiCall call
        = update ? tenantCall("PATCH", collection() + u'/' + targetId) : tenantCall("POST", collection());
    call.body = body;
    call.contentType = "multipart/form-data; boundary=" + boundary;
    send(
        call,
        [this, update, targetId, package, done](const Cloud::ApiResult &result) {
            const QString id = update ? targetId : result.json()[u"id"_s].toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the %1 was uploaded but the answer has no id"_s.arg(noun())));
                return;
            }
            // Qlik names a package after its .qext: a zip of another package is not this step's.
            const QString uploadedName = result.json()[u"name"_s].toString();
            if (!uploadedName.isEmpty() && uploadedName != package.name) {
                fail(StepError::failed(u"the uploaded zip holds the %1 '%2' (%3 now), not '%4': give the step the "
                                       u"name its .qext says"_s.arg(noun(), uploadedName, id, package.name)));
                return;
            }
            done(id);
        },
        [this, package](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // Created meanwhile (a lost answer, another run): the next probe finds it.
            fail(StepError::transient(u"%1 '%2' exists already on the tenant"_s.arg(noun(), package.name)));
            return true;
        });
}

void VisualPackageStep::verify(const StepChange &change)
{
    gather([this, change](const QList<Wanted> &wanted, const QString &missing) {
        QStringList notYet;
        for (const Wanted &package : wanted) {
            if (!package.present())
                notYet.append(package.name);
        }
        // By name, the package read back must be the one the apply made or found.
        if (m_selection == Selection::ByName && notYet.isEmpty() && !wanted.isEmpty()
            && wanted.first().existing.value(u"id"_s).toString() != change.outputs.value(idOutput()).toString())
            notYet.append(name());
        if (!missing.isEmpty() || !notYet.isEmpty()) {
            fail(StepError::transient(missing.isEmpty() ? u"%1 '%2' does not read back with the wanted file yet"_s.arg(
                                          noun(), notYet.join(u"', '"_s))
                                                        : missing));
            return;
        }
        if (m_selection == Selection::ByTag) {
            finishVerify(u"%1 read back with the source's files: %2"_s.arg(describe(), named(wanted)));
            return;
        }
        const Wanted &package = wanted.first();
        finishVerify(u"%1 (%2) has the %3 file (md5 %4)"_s.arg(describe(), package.existing.value(u"id"_s).toString(),
                                                               localFile().isEmpty() ? u"source's"_s : u"zip's"_s,
                                                               package.md5));
    });
}

} // namespace Ops
