#include "ops/keyproviderstep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Ops {
namespace {

const QString kProviders = u"/api/v1/encryption/keyproviders"_s;

QString migrationText(const QJsonObject &migration)
{
    return u"migration %1, %2 %"_s.arg(migration.value(u"state"_s).toString())
        .arg(migration.value(u"progress"_s).toDouble());
}

} // namespace

KeyProviderStep::KeyProviderStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

KeyProviderStep::~KeyProviderStep() = default;

QString KeyProviderStep::arnPattern()
{
    return u"^arn:aws:kms:[a-z]{2}(-[a-z]+)+-[0-9]:[0-9]{12}:key/"
           "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$"_s;
}

StepType KeyProviderStep::type()
{
    StepType type;
    type.name = u"key-provider"_s;
    type.title = u"Encryption key provider"_s;
    QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["arn", "name"],
        "additionalProperties": false,
        "properties": {
            "arn": {"type": "string", "description": "The customer's AWS KMS key ARN, in the tenant's AWS region; a multi-region key (mrk-...) with a replica in the DR region passes Qlik's test."},
            "name": {"type": "string", "minLength": 1, "description": "The key provider's name in the tenant."},
            "description": {"type": "string", "description": "Its description (left alone when not given)."},
            "keyprovider": {"type": "string", "enum": ["AWS-KMS"], "default": "AWS-KMS", "description": "The provider type; the spec knows AWS-KMS only."},
            "migrate": {"type": "boolean", "default": true, "description": "Migrate the tenant to the key after a passed test (default true)."}
        }
    })")
                             .object();
    QJsonObject properties = schema.value(u"properties"_s).toObject();
    QJsonObject arnSchema = properties.value(u"arn"_s).toObject();
    arnSchema.insert(u"pattern"_s, arnPattern());
    properties.insert(u"arn"_s, arnSchema);
    schema.insert(u"properties"_s, properties);
    type.paramsSchema = schema;
    type.outputs = {{u"keyProviderId"_s, u"the key's arnFingerPrint"_s, u"9f352c5a9c1618485051892cb57467e4"_s},
                    {u"arn"_s, u"the key's ARN"_s,
                     u"arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new KeyProviderStep(context, parent); };
    return type;
}

QString KeyProviderStep::arn() const
{
    return params().value(u"arn"_s).toString();
}

QString KeyProviderStep::name() const
{
    return params().value(u"name"_s).toString();
}

bool KeyProviderStep::migrate() const
{
    return params().value(u"migrate"_s).toBool(true);
}

QJsonObject KeyProviderStep::outputs(const QString &fingerprint) const
{
    return {{u"keyProviderId"_s, fingerprint}, {u"arn"_s, arn()}};
}

QString KeyProviderStep::path(const QString &fingerprint, const QString &action) const
{
    return kProviders + u'/' + fingerprint + (action.isEmpty() ? QString() : u"/actions/"_s + action);
}

QString KeyProviderStep::describe() const
{
    return u"key provider '%1' (%2)%3"_s.arg(name(), arn(), migrate() ? u", the tenant's current key"_s : QString());
}

StepProbe KeyProviderStep::deferredProbe() const
{
    QStringList calls{u"POST "_s + kProviders, u"POST %1/{arnFingerPrint}/actions/test"_s.arg(kProviders)};
    if (migrate())
        calls.append(u"POST %1/{arnFingerPrint}/actions/migrate"_s.arg(kProviders));
    return StepProbe::create(u"register, test"_s + (migrate() ? u" and migrate to "_s : u" "_s) + describe(), calls);
}

QJsonObject KeyProviderStep::registered(const QJsonObject &list) const
{
    // The spec's KeyProviders schema lists them under "errors"; "data" in case Qlik fixes it.
    const QJsonArray items
        = list.value(u"errors"_s).isArray() ? list.value(u"errors"_s).toArray() : list.value(u"data"_s).toArray();
    for (const QJsonValue item : items) {
        if (item[u"arn"_s].toString() == arn())
            return item.toObject();
    }
    return {};
}

QString KeyProviderStep::testFailure(const QJsonObject &provider)
{
    // The spec shows complianceError as an object in lists and as an array in KeyProvider.
    QJsonObject error = provider.value(u"complianceError"_s).toObject();
    if (provider.value(u"complianceError"_s).isArray())
        error = provider.value(u"complianceError"_s).toArray().first().toObject();
    const QString message = error.value(u"message"_s).toString();
    if (!message.isEmpty()) {
        const QString code = error.value(u"code"_s).toString();
        return code.isEmpty() ? message : code + u": "_s + message;
    }
    if (!provider.value(u"drCompliant"_s).toBool())
        return u"Qlik reports the key as not DR compliant"_s;
    return {};
}

void KeyProviderStep::probe()
{
    send(tenantCall("GET", kProviders), [this](const Cloud::ApiResult &result) {
        const QJsonObject provider = registered(result.json().object());
        if (provider.isEmpty()) {
            finishProbe(deferredProbe());
            return;
        }
        const QString fingerprint = provider.value(u"arnFingerPrint"_s).toString();
        if (fingerprint.isEmpty()) {
            fail(StepError::failed(u"the key provider %1 is listed without an arnFingerPrint"_s.arg(arn())));
            return;
        }
        QStringList calls;
        QList<FieldChange> changes;
        QJsonArray patch;
        for (const QString &field : {u"name"_s, u"description"_s}) {
            if (!params().contains(field) || provider.value(field).toString() == params().value(field).toString())
                continue;
            changes.append({field, provider.value(field), params().value(field)});
            patch.append(QJsonObject{
                {u"op"_s, u"replace"_s}, {u"path"_s, QString(u'/' + field)}, {u"value"_s, params().value(field)}});
        }
        if (!patch.isEmpty())
            calls.append(u"PATCH "_s + path(fingerprint));
        const bool move = migrate() && !provider.value(u"current"_s).toBool();
        if (move) {
            calls.append(u"POST "_s + path(fingerprint, u"test"_s));
            calls.append(u"POST "_s + path(fingerprint, u"migrate"_s));
            changes.append({u"current"_s, false, true});
        }
        if (calls.isEmpty()) {
            finishProbe(StepProbe::noChange(describe() + u" is registered"_s, outputs(fingerprint)));
            return;
        }
        QString summary = u"update "_s + describe();
        if (move) {
            summary = u"test and migrate to "_s + describe();
            if (const QString failure = testFailure(provider);
                !failure.isEmpty() && provider.contains(u"complianceError"_s))
                summary += u" (its last test failed: "_s + failure + u')';
        }
        StepProbe update = StepProbe::update(summary, calls, changes, outputs(fingerprint));
        update.applyData = {{u"patch"_s, patch}, {u"migrate"_s, move}};
        finishProbe(update);
    });
}

void KeyProviderStep::apply(const StepProbe &probe)
{
    if (probe.action == StepAction::Update) {
        const QString fingerprint = probe.outputs.value(u"keyProviderId"_s).toString();
        const bool move = probe.applyData.value(u"migrate"_s).toBool();
        const QJsonArray patch = probe.applyData.value(u"patch"_s).toArray();
        if (patch.isEmpty()) {
            testAndMigrate(fingerprint, false, move);
            return;
        }
        send(tenantCall("PATCH", path(fingerprint)).setJson(QJsonDocument(patch)),
             [this, fingerprint, move](const Cloud::ApiResult &) {
                 if (move) {
                     testAndMigrate(fingerprint, false, true);
                     return;
                 }
                 StepChange change;
                 change.summary = u"updated "_s + describe();
                 change.updated.append({u"key-provider"_s, fingerprint, name()});
                 change.outputs = outputs(fingerprint);
                 finishApply(change);
             });
        return;
    }
    QJsonObject body{{u"arn"_s, arn()},
                     {u"name"_s, name()},
                     {u"keyprovider"_s, params().value(u"keyprovider"_s).toString(u"AWS-KMS"_s)}};
    if (params().contains(u"description"_s))
        body.insert(u"description"_s, params().value(u"description"_s));
    send(
        tenantCall("POST", kProviders).setJson(QJsonDocument(body)),
        [this](const Cloud::ApiResult &result) {
            const QString fingerprint = result.json()[u"arnFingerPrint"_s].toString();
            if (fingerprint.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the key was registered but the answer has no arnFingerPrint"_s));
                return;
            }
            testAndMigrate(fingerprint, true, migrate());
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // Registered meanwhile (a lost answer, another run): the next probe finds it.
            fail(StepError::transient(u"the key %1 is registered already"_s.arg(arn())));
            return true;
        });
}

void KeyProviderStep::testAndMigrate(const QString &fingerprint, bool created, bool runMigration)
{
    Cloud::ApiCall test = tenantCall("POST", path(fingerprint, u"test"_s));
    // A test only reads the key's configuration: safe to resend.
    test.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
    send(test, [this, fingerprint, created, runMigration](const Cloud::ApiResult &tested) {
        StepChange change;
        (created ? change.created : change.updated).append({u"key-provider"_s, fingerprint, name()});
        change.outputs = outputs(fingerprint);
        if (const QString failure = testFailure(tested.json().object()); !failure.isEmpty()) {
            fail(
                StepError::failed(u"Qlik's test of the key %1 failed (%2); %3, the tenant was not migrated to it"_s.arg(
                    arn(), failure, created ? u"the key is registered"_s : u"the key stays registered"_s)));
            return;
        }
        const QString done = (created ? u"registered and tested "_s : u"tested "_s) + describe();
        if (!runMigration) {
            change.summary = done;
            finishApply(change);
            return;
        }
        send(tenantCall("POST", path(fingerprint, u"migrate"_s)), [this, change, done](const Cloud::ApiResult &result) {
            StepChange migrated = change;
            migrated.summary = done + u"; "_s + migrationText(result.json().object()) + u" started"_s;
            finishApply(migrated);
        });
    });
}

void KeyProviderStep::verify(const StepChange &change)
{
    const QString fingerprint = change.outputs.value(u"keyProviderId"_s).toString();
    send(tenantCall("GET", path(fingerprint)), [this, fingerprint](const Cloud::ApiResult &result) {
        const QJsonObject provider = result.json().object();
        if (provider.value(u"arn"_s).toString() != arn()) {
            fail(StepError::failed(u"the key provider %1 reads back with ARN '%2', not %3"_s.arg(
                fingerprint, provider.value(u"arn"_s).toString(), arn())));
            return;
        }
        if (!migrate()) {
            finishVerify(u"key provider '%1' (%2) is registered"_s.arg(name(), fingerprint));
            return;
        }
        if (!provider.value(u"current"_s).toBool()) {
            fail(StepError::transient(u"the key %1 is not the tenant's current key yet"_s.arg(arn())));
            return;
        }
        send(tenantCall("GET", kProviders + u"/migration/actions/details"_s),
             [this, fingerprint](const Cloud::ApiResult &details) {
                 const QJsonObject migration = details.json().object();
                 if (migration.value(u"migratingToFingerprint"_s).toString() != fingerprint) {
                     fail(StepError::transient(u"the tenant's last key migration is not to %1"_s.arg(arn())));
                     return;
                 }
                 finishVerify(
                     u"key provider '%1' (%2) is current; %3"_s.arg(name(), fingerprint, migrationText(migration)));
             });
    });
}

} // namespace Ops
