#include "ops/brandstep.h"

#include "cloud/apiresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Ops {
namespace {

const QString kBrands = u"/api/v1/brands"_s;

struct FormPart
{
    QByteArray name;
    QByteArray data;
    QByteArray fileName; // empty: a text part
    QByteArray contentType;
};

// multipart/form-data as the spec's POST /v1/brands and .../files/{fileId} take it.
QByteArray formBody(const QByteArray &boundary, const QList<FormPart> &parts)
{
    QByteArray body;
    for (const FormPart &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName + '"';
        body += "\r\n";
        if (!part.contentType.isEmpty())
            body += "Content-Type: " + part.contentType + "\r\n";
        body += "\r\n" + part.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

FormPart filePart(const QByteArray &name, const BrandAsset &asset)
{
    // The file name only labels the part; quotes and line breaks would break the header.
    QByteArray fileName = asset.fileName().toUtf8();
    for (char &c : fileName) {
        if (c == '"' || c == '\r' || c == '\n')
            c = '_';
    }
    return {name, asset.data(), fileName, asset.contentType()};
}

void setForm(Cloud::ApiCall &call, const QList<FormPart> &parts)
{
    const QByteArray boundary = "tenantry-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    call.body = formBody(boundary, parts);
    call.contentType = "multipart/form-data; boundary=" + boundary;
}

bool hasFile(const QJsonObject &brand, const QString &fileId)
{
    const QJsonArray files = brand.value(u"files"_s).toArray();
    return std::any_of(files.begin(), files.end(),
                       [&fileId](const QJsonValue &file) { return file[u"id"_s].toString() == fileId; });
}

QString sizeText(qsizetype bytes)
{
    return u"%1 bytes"_s.arg(bytes);
}

} // namespace

BrandStep::BrandStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

BrandStep::~BrandStep() = default;

StepType BrandStep::type()
{
    StepType type;
    type.name = u"brand"_s;
    type.title = u"Branding"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name", "logo", "favIcon"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 256, "description": "The brand's name; the step finds the brand by it (FACTS §9.3)."},
            "description": {"type": "string", "description": "The brand's description (left alone when not given)."},
            "logo": {"type": "string", "minLength": 1, "description": "Path of a local PNG or JPEG file, at most 300 KB (absolute, or relative to the plan file's folder)."},
            "favIcon": {"type": "string", "minLength": 1, "description": "Path of a local ICO file, at most 100 KB (absolute, or relative to the plan file's folder)."},
            "activate": {"type": "boolean", "default": true, "description": "Make it the tenant's active brand (default true); false leaves its state alone."}
        }
    })")
                            .object();
    type.outputs = {{u"brandId"_s, u"the brand's id"_s, u"6447c2e1a6e5c0d5a6b1f7e2"_s},
                    {u"name"_s, u"its name"_s, u"Northwind"_s}};
    type.create = [](const StepContext &context, QObject *parent) -> Step * { return new BrandStep(context, parent); };
    return type;
}

QString BrandStep::name() const
{
    return params().value(u"name"_s).toString();
}

bool BrandStep::activate() const
{
    return params().value(u"activate"_s).toBool(true);
}

QList<BrandAsset> BrandStep::assets() const
{
    return {BrandAsset::load(BrandAsset::Kind::Logo, localPath(params().value(u"logo"_s).toString())),
            BrandAsset::load(BrandAsset::Kind::FavIcon, localPath(params().value(u"favIcon"_s).toString()))};
}

QString BrandStep::problemOf(const QList<BrandAsset> &assets)
{
    for (const BrandAsset &asset : assets) {
        if (!asset.ok())
            return asset.problem();
    }
    return {};
}

QJsonObject BrandStep::outputs(const QString &id) const
{
    return {{u"brandId"_s, id}, {u"name"_s, name()}};
}

QString BrandStep::describe() const
{
    return u"brand '%1'%2"_s.arg(name(), activate() ? u" (active)"_s : QString());
}

StepProbe BrandStep::deferredProbe() const
{
    QStringList calls{u"POST "_s + kBrands};
    if (activate())
        calls.append(u"POST %1/{id}/actions/activate"_s.arg(kBrands));
    return StepProbe::create(u"create "_s + describe(), calls);
}

Cloud::ApiCall BrandStep::fileCall(const QByteArray &method, const QString &brandId, const BrandAsset &asset) const
{
    Cloud::ApiCall call = tenantCall(method, u"%1/%2/files/%3"_s.arg(kBrands, brandId, asset.fileId()));
    setForm(call, {filePart("file", asset)});
    return call;
}

void BrandStep::probe()
{
    // The local files first: a bad file blocks before the tenant is even read.
    const QList<BrandAsset> local = assets();
    if (const QString problem = problemOf(local); !problem.isEmpty()) {
        finishProbe(StepProbe::blocked(u"brand '%1': %2"_s.arg(name(), problem)));
        return;
    }
    listAll(tenantCall("GET", kBrands), [this, local](const QJsonArray &items) {
        QList<QJsonObject> named;
        for (const QJsonValue item : items) {
            if (item[u"name"_s].toString() == name())
                named.append(item.toObject());
        }
        if (named.size() > 1) {
            finishProbe(StepProbe::blocked(
                u"the tenant has %1 brands named '%2'; delete all but one, then run the step again"_s.arg(named.size())
                    .arg(name())));
            return;
        }
        if (named.isEmpty()) {
            finishProbe(StepProbe::create(
                u"create %1 with logo %2 and favicon %3"_s.arg(describe(), local.at(0).path(), local.at(1).path()),
                deferredProbe().calls));
            return;
        }
        const QJsonObject brand = named.first();
        QStringList present;
        for (const BrandAsset &asset : local) {
            if (hasFile(brand, asset.fileId()))
                present.append(asset.fileId());
        }
        download(brand.value(u"id"_s).toString(), present, {},
                 [this, brand, local](const Downloads &remote) { judge(brand, local, remote); });
    });
}

void BrandStep::download(const QString &brandId, QStringList fileIds, const Downloads &got,
                         const std::function<void(const Downloads &)> &done)
{
    if (fileIds.isEmpty()) {
        done(got);
        return;
    }
    const QString fileId = fileIds.takeFirst();
    send(tenantCall("GET", u"%1/%2/files/%3"_s.arg(kBrands, brandId, fileId)),
         [this, brandId, fileIds, got, fileId, done](const Cloud::ApiResult &result) {
             Downloads more = got;
             more.insert(fileId, result.response().body);
             download(brandId, fileIds, more, done);
         });
}

void BrandStep::judge(const QJsonObject &brand, const QList<BrandAsset> &local, const Downloads &remote)
{
    const QString id = brand.value(u"id"_s).toString();
    QStringList calls;
    QList<FieldChange> changes;
    QJsonArray put;
    QJsonArray post;
    for (const BrandAsset &asset : local) {
        const bool there = remote.contains(asset.fileId());
        if (there && remote.value(asset.fileId()) == asset.data())
            continue;
        (there ? put : post).append(asset.fileId());
        calls.append(u"%1 %2/%3/files/%4"_s.arg(there ? u"PUT"_s : u"POST"_s, kBrands, id, asset.fileId()));
        changes.append({u"files."_s + asset.fileId(),
                        there ? QJsonValue(sizeText(remote.value(asset.fileId()).size())) : QJsonValue(),
                        u"%1 (%2)"_s.arg(asset.path(), sizeText(asset.data().size()))});
    }
    const bool describeIt = params().contains(u"description"_s)
        && brand.value(u"description"_s).toString() != params().value(u"description"_s).toString();
    if (describeIt) {
        calls.append(u"PATCH %1/%2"_s.arg(kBrands, id));
        changes.append({u"description"_s, brand.value(u"description"_s), params().value(u"description"_s)});
    }
    const bool activateIt = activate() && !brand.value(u"active"_s).toBool();
    if (activateIt) {
        calls.append(u"POST %1/%2/actions/activate"_s.arg(kBrands, id));
        changes.append({u"active"_s, false, true});
    }
    if (calls.isEmpty()) {
        finishProbe(StepProbe::noChange(describe() + u" is there with the same logo and favicon"_s, outputs(id)));
        return;
    }
    StepProbe update = StepProbe::update(u"update "_s + describe(), calls, changes, outputs(id));
    update.applyData
        = {{u"put"_s, put}, {u"post"_s, post}, {u"description"_s, describeIt}, {u"activate"_s, activateIt}};
    finishProbe(update);
}

void BrandStep::sendAll(QList<Cloud::ApiCall> calls, const std::function<void()> &done)
{
    if (calls.isEmpty()) {
        done();
        return;
    }
    const Cloud::ApiCall call = calls.takeFirst();
    send(call, [this, calls, done](const Cloud::ApiResult &) { sendAll(calls, done); });
}

void BrandStep::apply(const StepProbe &probe)
{
    // Read again: the files may have changed since a dry run.
    const QList<BrandAsset> local = assets();
    if (const QString problem = problemOf(local); !problem.isEmpty()) {
        fail(StepError::failed(u"brand '%1': %2"_s.arg(name(), problem)));
        return;
    }
    const auto activation = [this](const QString &id) {
        Cloud::ApiCall call = tenantCall("POST", u"%1/%2/actions/activate"_s.arg(kBrands, id));
        // Activating an active brand changes nothing: safe to resend.
        call.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
        return call;
    };
    if (probe.action == StepAction::Update) {
        const QString id = probe.outputs.value(u"brandId"_s).toString();
        QList<Cloud::ApiCall> calls;
        for (const BrandAsset &asset : local) {
            if (probe.applyData.value(u"put"_s).toArray().contains(asset.fileId()))
                calls.append(fileCall("PUT", id, asset));
            else if (probe.applyData.value(u"post"_s).toArray().contains(asset.fileId()))
                calls.append(fileCall("POST", id, asset));
        }
        if (probe.applyData.value(u"description"_s).toBool()) {
            calls.append(tenantCall("PATCH", kBrands + u'/' + id)
                             .setJson(QJsonDocument(
                                 QJsonArray{QJsonObject{{u"op"_s, u"replace"_s},
                                                        {u"path"_s, u"/description"_s},
                                                        {u"value"_s, params().value(u"description"_s).toString()}}})));
        }
        if (probe.applyData.value(u"activate"_s).toBool())
            calls.append(activation(id));
        sendAll(calls, [this, id]() {
            StepChange change;
            change.summary = u"updated "_s + describe();
            change.updated.append({u"brand"_s, id, name()});
            change.outputs = outputs(id);
            finishApply(change);
        });
        return;
    }
    QList<FormPart> parts{{"name", name().toUtf8(), {}, {}}};
    if (params().contains(u"description"_s))
        parts.append({"description", params().value(u"description"_s).toString().toUtf8(), {}, {}});
    for (const BrandAsset &asset : local)
        parts.append(filePart(asset.fileId().toLatin1(), asset));
    Cloud::ApiCall create = tenantCall("POST", kBrands);
    setForm(create, parts);
    send(create, [this, activation](const Cloud::ApiResult &result) {
        const QString id = result.json()[u"id"_s].toString();
        if (id.isEmpty()) {
            fail(StepError::outcomeUnknown(u"the brand was sent but the answer has no id"_s));
            return;
        }
        StepChange change;
        change.summary = u"created "_s + describe();
        change.created.append({u"brand"_s, id, name()});
        change.outputs = outputs(id);
        if (!activate()) {
            finishApply(change);
            return;
        }
        send(activation(id), [this, change](const Cloud::ApiResult &) { finishApply(change); });
    });
}

void BrandStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"brandId"_s).toString();
    send(tenantCall("GET", kBrands + u'/' + id), [this, id](const Cloud::ApiResult &result) {
        const QJsonObject brand = result.json().object();
        if (brand.value(u"name"_s).toString() != name() || (activate() && !brand.value(u"active"_s).toBool())) {
            fail(StepError::transient(u"brand '%1' (%2) does not read back as planned yet"_s.arg(name(), id)));
            return;
        }
        download(id, {u"logo"_s, u"favIcon"_s}, {}, [this, id](const Downloads &remote) {
            for (const BrandAsset &asset : assets()) {
                if (remote.value(asset.fileId()) != asset.data()) {
                    fail(StepError::transient(u"brand '%1' does not read back with the %2 of %3 yet"_s.arg(
                        name(), asset.fileId(), asset.path())));
                    return;
                }
            }
            finishVerify(u"brand '%1' (%2)%3 has the logo and favicon of the plan"_s.arg(
                name(), id, activate() ? u" is active and"_s : QString()));
        });
    });
}

} // namespace Ops
