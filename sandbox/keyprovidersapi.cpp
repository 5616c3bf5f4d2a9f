#include "sandbox/keyprovidersapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/region.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/encryption"_s;
const QString kQlikArn = u"#QLIK_MANAGED_KEY_PROVIDER#"_s;
constexpr qsizetype kMaxFingerprint = 64;

// The DR region of each Qlik datacenter. eu-west-1 -> eu-west-3 is the spec's example; the others
// are the sandbox's assumption (the mapping is not in FACTS).
QString drRegion(const QString &datacenter)
{
    static const QHash<QString, QString> table{
        {u"eu-west-1"_s, u"eu-west-3"_s},           {u"us-east-1"_s, u"us-west-2"_s},
        {u"eu-central-1"_s, u"eu-west-1"_s},        {u"eu-west-2"_s, u"eu-west-1"_s},
        {u"ap-southeast-2"_s, u"ap-southeast-1"_s}, {u"ap-southeast-1"_s, u"ap-southeast-2"_s},
        {u"ap-northeast-1"_s, u"ap-northeast-3"_s}, {u"ap-south-1"_s, u"ap-south-2"_s},
    };
    return table.value(datacenter);
}

struct KeyArn
{
    QString region;
    QString account;
    QString keyId;
};

// arn:aws:kms:<region>:<12-digit account>:key/<uuid | mrk-<32 hex>>
std::optional<KeyArn> parseArn(const QString &arn)
{
    static const QRegularExpression pattern(
        u"^arn:aws:kms:([a-z]{2}(?:-[a-z]+)+-[0-9]):([0-9]{12}):key/"
        "((?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(?:mrk-[0-9a-f]{32}))$"_s);
    const QRegularExpressionMatch match = pattern.match(arn);
    if (!match.hasMatch())
        return std::nullopt;
    return KeyArn{match.captured(1), match.captured(2), match.captured(3)};
}

QString fingerprintOf(const QString &arn)
{
    return QString::fromLatin1(QCryptographicHash::hash(arn.toUtf8(), QCryptographicHash::Md5).toHex());
}

std::optional<HttpResponse> requireAdmin(const RequestContext &ctx)
{
    if (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user))
        return std::nullopt;
    return ctx.error(ApiError::forbidden(u"Managing encryption keys needs the TenantAdmin role."_s));
}

EncryptionKeyProvider *currentProvider(Tenant &tenant)
{
    for (EncryptionKeyProvider &provider : tenant.encryptionKeyProviders) {
        if (provider.current)
            return &provider;
    }
    return nullptr;
}

bool migrating(const Tenant &tenant, const QDateTime &now)
{
    return tenant.keyMigration.exists() && !tenant.keyMigration.completed(now);
}

// The provider of the path; the error is the answer (414 for an absurd fingerprint, 404).
std::optional<HttpResponse> lookup(RequestContext &ctx, EncryptionKeyProvider **provider)
{
    const QString fingerprint = ctx.param(u"arnFingerPrint"_s);
    if (fingerprint.size() > kMaxFingerprint)
        return ctx.error(ApiError(414, u"HTTP-414"_s, u"URI Too Long"_s,
                                  u"An ARN fingerprint has at most %1 characters."_s.arg(kMaxFingerprint)));
    *provider = ctx.tenant()->encryptionKeyProviders.find(fingerprint);
    if (!*provider)
        return ctx.error(ApiError::notFound(u"No key provider with fingerprint '%1'."_s.arg(fingerprint)));
    return std::nullopt;
}

QJsonObject migrationJson(const Tenant &tenant, const QDateTime &now)
{
    const KeyMigration &migration = tenant.keyMigration;
    const qint64 total = migration.initiatedAt.msecsTo(migration.completesAt);
    const qint64 elapsed = std::clamp<qint64>(migration.initiatedAt.msecsTo(now), 0, total);
    const QString state = elapsed >= total ? u"Completed"_s : elapsed == 0 ? u"New"_s : u"InProgress"_s;
    QJsonObject json{{u"id"_s, migration.id},
                     {u"state"_s, state},
                     {u"progress"_s, total > 0 ? std::floor(100.0 * double(elapsed) / double(total)) : 100.0},
                     {u"tenantId"_s, tenant.id},
                     {u"initiatedAt"_s, SandboxClock::iso(migration.initiatedAt)},
                     {u"migratingFrom"_s, migration.fromArn},
                     {u"migratingTo"_s, migration.toArn},
                     {u"migratingToFingerprint"_s, migration.toFingerprint},
                     {u"migratingToPrefix"_s,
                      migration.toArn == kQlikArn ? u"qlik"_s : u"cmk-"_s + migration.toFingerprint.left(8)}};
    if (state == "Completed"_L1)
        json.insert(u"completedAt"_s, SandboxClock::iso(migration.completesAt));
    return json;
}

// Starts a migration to `target` (nullptr: Qlik's own key) and makes it the current key.
void startMigration(RequestContext &ctx, Tenant &tenant, EncryptionKeyProvider *target)
{
    const QDateTime now = ctx.clock().now();
    EncryptionKeyProvider *previous = currentProvider(tenant);
    KeyMigration migration;
    migration.id = ctx.state().ids().objectId();
    migration.fromArn = previous ? previous->arn : kQlikArn;
    migration.fromFingerprint = previous ? previous->id : tenant.id;
    migration.toArn = target ? target->arn : kQlikArn;
    migration.toFingerprint = target ? target->id : tenant.id;
    migration.initiatedAt = now;
    migration.completesAt = now.addSecs(KeyProvidersApi::kMigrationSeconds);
    tenant.keyMigration = migration;
    if (previous) {
        previous->current = false;
        previous->demotedFromCurrentAt = now;
    }
    if (target) {
        target->current = true;
        target->promotedToCurrentAt = now;
    }
    ctx.audit(u"com.qlik.v1.encryption.migration.started"_s, kSource,
              {{u"id"_s, migration.id}, {u"migratingFrom"_s, migration.fromArn}, {u"migratingTo"_s, migration.toArn}},
              {migration.toFingerprint, {}, {}});
}

HttpResponse listProviders(RequestContext &ctx, bool withQlik)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Tenant &tenant = *ctx.tenant();
    QJsonArray providers;
    if (withQlik) {
        const EncryptionKeyProvider *current = currentProvider(tenant);
        // Qlik's own key, as the spec's ListKeyProviders example shows it.
        QJsonObject qlik{{u"arn"_s, kQlikArn},
                         {u"arnFingerPrint"_s, tenant.id},
                         {u"name"_s, u"Qlik Internal Kms"_s},
                         {u"description"_s, u"Default key management service"_s},
                         {u"keyprovider"_s, u"Qlik"_s},
                         {u"tenantId"_s, tenant.id},
                         {u"current"_s, current == nullptr},
                         {u"createdAt"_s, SandboxClock::iso(tenant.createdAt)}};
        providers.append(qlik);
    }
    for (const EncryptionKeyProvider &provider : tenant.encryptionKeyProviders)
        providers.append(KeyProvidersApi::toJson(tenant, provider));
    // The spec's KeyProviders / ListKeyProviders schemas hold the list in "errors".
    return HttpResponse::json(200, QJsonObject{{u"errors"_s, providers}});
}

HttpResponse list(RequestContext &ctx)
{
    return listProviders(ctx, false);
}

HttpResponse listAll(RequestContext &ctx)
{
    return listProviders(ctx, true);
}

HttpResponse create(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Tenant &tenant = *ctx.tenant();
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    EncryptionKeyProvider provider;
    provider.name = fields.string(u"name"_s, BodyFields::Required);
    provider.arn = fields.string(u"arn"_s, BodyFields::Required).trimmed();
    provider.description = fields.string(u"description"_s);
    // The spec requires "keyprovider" and describes "keyProvider"; either spelling, AWS-KMS only.
    const QString keyName = body.contains(u"keyprovider"_s) ? u"keyprovider"_s : u"keyProvider"_s;
    const QString kind = fields.oneOf(keyName, {u"AWS-KMS"_s});
    if (const auto error = fields.error())
        return ctx.error(*error);
    provider.keyProvider = kind.isEmpty() ? u"AWS-KMS"_s : kind;
    const std::optional<KeyArn> arn = parseArn(provider.arn);
    if (!arn) {
        return ctx.error(
            ApiError(417, u"HTTP-417"_s, u"Expectation Failed"_s,
                     u"'%1' is not an AWS KMS key ARN (arn:aws:kms:<region>:<12-digit account>:key/<key id>)."_s.arg(
                         provider.arn))
                .withPointer(u"/arn"_s));
    }
    if (arn->region != tenant.datacenter) {
        return ctx.error(ApiError(406, u"HTTP-406"_s, u"Not Acceptable"_s,
                                  u"The key is in %1; this tenant's keys must be in its own region, %2."_s.arg(
                                      arn->region, tenant.datacenter))
                             .withPointer(u"/arn"_s));
    }
    provider.id = fingerprintOf(provider.arn);
    if (tenant.encryptionKeyProviders.contains(provider.id))
        return ctx.error(ApiError::conflict(u"The key %1 is registered already."_s.arg(provider.arn)));
    provider.multiRegion = arn->keyId.startsWith("mrk-"_L1);
    provider.createdAt = ctx.clock().now();
    const EncryptionKeyProvider &stored = tenant.encryptionKeyProviders.insert(provider);
    ctx.audit(u"com.qlik.v1.encryption.keyprovider.created"_s, kSource,
              {{u"arnFingerPrint"_s, stored.id}, {u"arn"_s, stored.arn}, {u"name"_s, stored.name}},
              {stored.id, {}, {}});
    return HttpResponse::json(201, KeyProvidersApi::toJson(tenant, stored));
}

HttpResponse get(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    EncryptionKeyProvider *provider = nullptr;
    if (auto failure = lookup(ctx, &provider))
        return *failure;
    return HttpResponse::json(200, KeyProvidersApi::toJson(*ctx.tenant(), *provider));
}

HttpResponse patch(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    EncryptionKeyProvider *provider = nullptr;
    if (auto failure = lookup(ctx, &provider))
        return *failure;
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    EncryptionKeyProvider updated = *provider;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        if (op.path != "/name"_L1 && op.path != "/description"_L1)
            return ctx.error(JsonPatch::invalid(op, u"Only /name and /description of a key provider can change."_s));
        if (!op.value.isString() || (op.path == "/name"_L1 && op.value.toString().trimmed().isEmpty()))
            return ctx.error(ApiError::badRequest(u"'%1' needs a string value."_s.arg(op.path))
                                 .withPointer(u"/%1/value"_s.arg(op.index)));
        (op.path == "/name"_L1 ? updated.name : updated.description) = op.value.toString();
        changed.append(op.path);
    }
    *provider = updated;
    ctx.audit(u"com.qlik.v1.encryption.keyprovider.updated"_s, kSource,
              {{u"arnFingerPrint"_s, provider->id}, {u"updates"_s, changed}}, {provider->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    EncryptionKeyProvider *provider = nullptr;
    if (auto failure = lookup(ctx, &provider))
        return *failure;
    Tenant &tenant = *ctx.tenant();
    const bool sourceOfMigration
        = migrating(tenant, ctx.clock().now()) && tenant.keyMigration.fromFingerprint == provider->id;
    if (provider->current || sourceOfMigration) {
        return ctx.error(ApiError(424, u"HTTP-424"_s, u"Failed Dependency"_s,
                                  u"The key is in use (current, or being migrated from) and cannot be deleted."_s));
    }
    const QString id = provider->id;
    ctx.audit(u"com.qlik.v1.encryption.keyprovider.deleted"_s, kSource,
              {{u"arnFingerPrint"_s, id}, {u"arn"_s, provider->arn}}, {id, {}, {}});
    tenant.encryptionKeyProviders.remove(id);
    return HttpResponse::empty(204);
}

HttpResponse test(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    EncryptionKeyProvider *provider = nullptr;
    if (auto failure = lookup(ctx, &provider))
        return *failure;
    const Tenant &tenant = *ctx.tenant();
    const QString dr = drRegion(tenant.datacenter);
    provider->tested = true;
    provider->replicaKeys.clear();
    provider->complianceError = {};
    if (provider->multiRegion && !dr.isEmpty()) {
        QString replica = provider->arn;
        replica.replace(u":kms:"_s + tenant.datacenter + u':', u":kms:"_s + dr + u':');
        provider->replicaKeys.append({replica, dr});
        provider->drCompliant = true;
    } else {
        provider->drCompliant = false;
        provider->complianceError
            = {{u"code"_s, u"Encryption-88"_s},
               {u"region"_s, dr},
               {u"message"_s, u"The key is not a multi-region key with a replica in the DR region [%1]."_s.arg(dr)}};
    }
    ctx.audit(u"com.qlik.v1.encryption.keyprovider.tested"_s, kSource,
              {{u"arnFingerPrint"_s, provider->id}, {u"drCompliant"_s, provider->drCompliant}}, {provider->id, {}, {}});
    return HttpResponse::json(201, KeyProvidersApi::toJson(tenant, *provider));
}

HttpResponse migrate(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    EncryptionKeyProvider *provider = nullptr;
    if (auto failure = lookup(ctx, &provider))
        return *failure;
    Tenant &tenant = *ctx.tenant();
    const QDateTime now = ctx.clock().now();
    if (migrating(tenant, now)) {
        return ctx.error(ApiError(428, u"HTTP-428"_s, u"Precondition Required"_s,
                                  u"A migration is in progress (%1 %); it must complete first."_s.arg(
                                      migrationJson(tenant, now).value(u"progress"_s).toDouble())));
    }
    if (!provider->tested) {
        return ctx.error(
            ApiError(412, u"HTTP-412"_s, u"Precondition Failed"_s, u"Test the key first (POST .../actions/test)."_s));
    }
    if (provider->current)
        return ctx.error(ApiError::badRequest(u"The tenant uses this key already."_s));
    startMigration(ctx, tenant, provider);
    return HttpResponse::json(200, migrationJson(tenant, now));
}

HttpResponse resetToDefault(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Tenant &tenant = *ctx.tenant();
    const QDateTime now = ctx.clock().now();
    if (migrating(tenant, now)) {
        return ctx.error(ApiError(406, u"HTTP-406"_s, u"Not Acceptable"_s,
                                  u"A migration is in progress; it must complete before a new one starts."_s));
    }
    if (!currentProvider(tenant)) {
        return HttpResponse::json(
            200, QJsonObject{{u"message"_s, u"Tenant is already using Qlik KMS, no migration is required."_s}});
    }
    startMigration(ctx, tenant, nullptr);
    return HttpResponse::json(205, migrationJson(tenant, now));
}

HttpResponse migrationDetails(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    const Tenant &tenant = *ctx.tenant();
    if (!tenant.keyMigration.exists())
        return ctx.error(ApiError::notFound(u"This tenant has never migrated its encryption key."_s));
    return HttpResponse::json(200, migrationJson(tenant, ctx.clock().now()));
}

} // namespace

void KeyProvidersApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/encryption/keyproviders"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/encryption/keyproviders"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/encryption/keyproviders/actions/list"_s, listAll);
    router.add(HostKind::Tenant, "POST", u"/v1/encryption/keyproviders/actions/reset-to-default-provider"_s,
               resetToDefault);
    router.add(HostKind::Tenant, "GET", u"/v1/encryption/keyproviders/migration/actions/details"_s, migrationDetails);
    router.add(HostKind::Tenant, "GET", u"/v1/encryption/keyproviders/{arnFingerPrint}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/encryption/keyproviders/{arnFingerPrint}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/encryption/keyproviders/{arnFingerPrint}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/encryption/keyproviders/{arnFingerPrint}/actions/migrate"_s, migrate);
    router.add(HostKind::Tenant, "POST", u"/v1/encryption/keyproviders/{arnFingerPrint}/actions/test"_s, test);
}

QJsonObject KeyProvidersApi::toJson(const Tenant &tenant, const EncryptionKeyProvider &provider)
{
    QJsonArray replicas;
    for (const ReplicaKey &replica : provider.replicaKeys)
        replicas.append(QJsonObject{{u"arn"_s, replica.arn}, {u"region"_s, replica.region}});
    QJsonObject json{{u"arn"_s, provider.arn},
                     {u"arnFingerPrint"_s, provider.id},
                     {u"name"_s, provider.name},
                     {u"description"_s, provider.description},
                     // Both spellings: the schema requires "keyprovider" and describes "keyProvider".
                     {u"keyprovider"_s, provider.keyProvider},
                     {u"keyProvider"_s, provider.keyProvider},
                     {u"tenantId"_s, tenant.id},
                     {u"current"_s, provider.current},
                     {u"multiRegion"_s, provider.multiRegion},
                     {u"replicaKeys"_s, replicas},
                     {u"drCompliant"_s, provider.drCompliant},
                     {u"createdAt"_s, SandboxClock::iso(provider.createdAt)}};
    if (!provider.complianceError.isEmpty())
        json.insert(u"complianceError"_s, provider.complianceError);
    if (provider.promotedToCurrentAt.isValid())
        json.insert(u"promotedToCurrentAt"_s, SandboxClock::iso(provider.promotedToCurrentAt));
    if (provider.demotedFromCurrentAt.isValid())
        json.insert(u"demotedFromCurrentAt"_s, SandboxClock::iso(provider.demotedFromCurrentAt));
    return json;
}

} // namespace Sandbox
