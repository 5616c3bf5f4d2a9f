#include "ops/oidcidentityproviderstep.h"

#include "cloud/apiresult.h"
#include "cloud/resources/identityprovider.h"
#include "cloud/resources/jsonreader.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QString kCollection = u"/api/v1/identity-providers"_s;
// Options that can be replaced one by one on an active provider (spec PatchOIDCPayload); any
// other difference replaces the whole options object, which must carry the client secret again.
const QStringList kPatchableOptions{u"discoveryUrl"_s, u"realm"_s, u"claimsMapping"_s};

QJsonObject replace(const QString &path, const QJsonValue &value)
{
    return {{u"op"_s, u"replace"_s}, {u"path"_s, path}, {u"value"_s, value}};
}

// True when `found` holds every claim `planned` maps, mapped alike: Qlik may list more claims.
bool sameClaims(const QJsonObject &found, const QJsonObject &planned)
{
    for (auto it = planned.constBegin(); it != planned.constEnd(); ++it) {
        if (found.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

OidcIdentityProviderStep::OidcIdentityProviderStep(const StepContext &context, Secrets::SecretStore *keys,
                                                   QObject *parent)
    : CloudStep(context, parent)
    , m_keys(keys)
{ }

OidcIdentityProviderStep::~OidcIdentityProviderStep() = default;

StepType OidcIdentityProviderStep::type(Secrets::SecretStore *keys)
{
    StepType type;
    type.name = u"oidc-idp"_s;
    type.title = u"Interactive OIDC identity provider"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["provider", "discoveryUrl", "clientId", "clientSecretEntry"],
        "additionalProperties": false,
        "properties": {
            "provider": {"enum": ["auth0", "okta", "generic", "salesforce", "keycloak", "adfs", "azureAD"],
                         "description": "Who runs the customer's identity provider."},
            "discoveryUrl": {"type": "string", "pattern": "^https://[^/\\s]+/\\S*$",
                             "description": "The provider's OpenID configuration (…/.well-known/openid-configuration)."},
            "clientId": {"type": "string", "minLength": 1,
                         "description": "The client id of the tenant's application at the identity provider."},
            "clientSecretEntry": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$",
                                  "description": "Name of the client secret in the keychain (oidc-client-secret/<name>); tenantryctl idp-secret set stores it."},
            "realm": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9.\\-_]+$", "maxLength": 254,
                      "description": "Qualifies the subjects of this provider's users."},
            "claimsMapping": {"type": "object",
                              "additionalProperties": {"type": "array", "items": {"type": "string"}},
                              "description": "Claim name → JSON pointers in the token (sub, name, email, groups, …); default: Qlik's Entra ID example."},
            "scope": {"type": "string", "maxLength": 254},
            "emailVerifiedAlwaysTrue": {"type": "boolean", "description": "Only for adfs and azureAD."},
            "useClaimsFromIdToken": {"type": "boolean"},
            "description": {"type": "string", "maxLength": 128}
        }
    })")
                            .object();
    type.outputs = {{u"idpId"_s, u"the identity provider's id"_s, u"62b6024fcdf339bb986fae79"_s}};
    QPointer<Secrets::SecretStore> store(keys);
    type.create = [store](const StepContext &context, QObject *parent) -> Step * {
        return new OidcIdentityProviderStep(context, store.data(), parent);
    };
    return type;
}

QJsonObject OidcIdentityProviderStep::defaultClaimsMapping()
{
    QJsonObject mapping;
    for (const QString &claim : {u"client_id"_s, u"email"_s, u"groups"_s, u"name"_s, u"picture"_s, u"sub"_s})
        mapping.insert(claim, QJsonArray{claim});
    return mapping;
}

QString OidcIdentityProviderStep::secretEntry() const
{
    return params().value(u"clientSecretEntry"_s).toString();
}

QString OidcIdentityProviderStep::describe() const
{
    return u"interactive %1 identity provider for client id %2"_s.arg(params().value(u"provider"_s).toString(),
                                                                      params().value(u"clientId"_s).toString());
}

StepProbe OidcIdentityProviderStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe()
                                 + u"; the tenant's people then sign in through it instead of Qlik Account"_s,
                             {u"POST "_s + kCollection});
}

QJsonObject OidcIdentityProviderStep::plannedOptions(const QString &secret) const
{
    QJsonObject options{{u"discoveryUrl"_s, params().value(u"discoveryUrl"_s)},
                        {u"clientId"_s, params().value(u"clientId"_s)},
                        {u"claimsMapping"_s,
                         params().contains(u"claimsMapping"_s) ? params().value(u"claimsMapping"_s)
                                                               : QJsonValue(defaultClaimsMapping())}};
    for (const QString &optional : {u"realm"_s, u"scope"_s, u"emailVerifiedAlwaysTrue"_s, u"useClaimsFromIdToken"_s}) {
        if (params().contains(optional))
            options.insert(optional, params().value(optional));
    }
    if (!secret.isEmpty())
        options.insert(u"clientSecret"_s, secret);
    return options;
}

bool OidcIdentityProviderStep::haveKeychain()
{
    if (m_keys)
        return true;
    fail(
        StepError::failed(u"step \"%1\" reads its client secret from the keychain, and this program gave it none"_s.arg(
            context().stepId)));
    return false;
}

void OidcIdentityProviderStep::withSecret(bool blockInstead, std::function<void(const QString &secret)> done)
{
    if (!haveKeychain())
        return;
    const QString entry = Secrets::SecretStore::oidcClientSecretKey(secretEntry());
    m_keys->read(entry, this, [this, blockInstead, entry, done = std::move(done)](const Secrets::SecretResult &read) {
        if (read.ok() && !read.secret.isEmpty()) {
            done(read.secret);
            return;
        }
        const QString reason = read.status == Secrets::SecretStatus::NotFound || read.ok()
            ? u"the client secret is not in %1; store it with `tenantryctl idp-secret set %2`"_s.arg(
                m_keys->describeLocation(entry), secretEntry())
            : u"the client secret cannot be read from %1: %2"_s.arg(m_keys->describeLocation(entry), read.error);
        if (blockInstead)
            finishProbe(StepProbe::blocked(reason));
        else
            fail(StepError::failed(reason));
    });
}

void OidcIdentityProviderStep::probeDeferred()
{
    withSecret(true, [this](const QString &) { finishProbe(deferredProbe()); });
}

void OidcIdentityProviderStep::probe()
{
    if (params().contains(u"emailVerifiedAlwaysTrue"_s)
        && !QStringList{u"adfs"_s, u"azureAD"_s}.contains(params().value(u"provider"_s).toString())) {
        fail(StepError::failed(u"step \"%1\": emailVerifiedAlwaysTrue is only for the adfs and azureAD providers"_s.arg(
            context().stepId)));
        return;
    }
    Cloud::ApiCall call = tenantCall("GET", kCollection);
    call.query = QUrlQuery{{u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        QJsonObject found;
        QString otherActive;
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::IdentityProvider idp = Cloud::IdentityProvider::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"an identity provider in the answer of GET %1 is malformed: %2"_s.arg(
                    kCollection, reader.error())));
                return;
            }
            if (idp.protocol == "OIDC"_L1 && idp.clientId == params().value(u"clientId"_s).toString())
                found = item.toObject();
            else if (idp.interactive && idp.active)
                otherActive = u"%1 %2 identity provider %3"_s.arg(idp.provider, idp.protocol, idp.id);
        }
        judge(found, !otherActive.isEmpty(), otherActive);
    });
}

void OidcIdentityProviderStep::judge(const QJsonObject &found, bool otherActiveInteractive,
                                     const QString &otherDescription)
{
    // FACTS §4.2: one active interactive IdP per tenant; the other one is the customer's decision.
    const QString onlyOne
        = u"the tenant already signs people in through the %1; only one interactive identity "
          u"provider can be active. Deactivate it first, or leave this step out"_s.arg(otherDescription);
    if (found.isEmpty()) {
        if (otherActiveInteractive) {
            finishProbe(StepProbe::blocked(onlyOne));
            return;
        }
        withSecret(true, [this](const QString &) { finishProbe(deferredProbe()); });
        return;
    }

    const QString id = found.value(u"id"_s).toString();
    const QJsonObject outputs{{u"idpId"_s, id}};
    const QString provider = params().value(u"provider"_s).toString();
    if (found.value(u"provider"_s).toString() != provider) {
        finishProbe(StepProbe::blocked(
            u"identity provider %1 for client id %2 is a %3 provider, not %4; the provider cannot be changed, so "
            u"delete it first"_s.arg(id, params().value(u"clientId"_s).toString(),
                                     found.value(u"provider"_s).toString(), provider)));
        return;
    }
    if (!found.value(u"interactive"_s).toBool()) {
        finishProbe(
            StepProbe::blocked(u"identity provider %1 for client id %2 is not interactive; delete it first"_s.arg(
                id, params().value(u"clientId"_s).toString())));
        return;
    }

    const QJsonObject now = found.value(u"options"_s).toObject();
    const QJsonObject planned = plannedOptions();
    QList<FieldChange> changes;
    QJsonArray patch;
    bool needsSecret = false;
    for (auto it = planned.constBegin(); it != planned.constEnd(); ++it) {
        const QJsonValue before = now.value(it.key());
        const bool same = it.key() == "claimsMapping"_L1 ? sameClaims(before.toObject(), it.value().toObject())
                                                         : before == it.value();
        if (same)
            continue;
        changes.append({u"options."_s + it.key(), before, it.value()});
        if (kPatchableOptions.contains(it.key()))
            patch.append(replace(u"/options/"_s + it.key(), it.value()));
        else
            needsSecret = true;
    }
    if (!found.value(u"active"_s).toBool()) {
        if (otherActiveInteractive) {
            finishProbe(StepProbe::blocked(u"identity provider %1 is inactive and "_s.arg(id) + onlyOne));
            return;
        }
        changes.append({u"active"_s, false, true});
        patch.append(replace(u"/active"_s, true));
    }
    if (changes.isEmpty()) {
        finishProbe(StepProbe::noChange(describe() + u" exists ("_s + id + u')', outputs));
        return;
    }
    StepProbe update = StepProbe::update(u"update "_s + describe() + u" ("_s + id + u')',
                                         {u"PATCH %1/%2"_s.arg(kCollection, id)}, changes, outputs);
    // The secret itself never goes into the probe: the journal keeps probes.
    update.applyData = {{u"idpId"_s, id}, {u"patch"_s, patch}, {u"replaceOptions"_s, needsSecret}};
    if (!needsSecret) {
        finishProbe(update);
        return;
    }
    withSecret(true, [this, update](const QString &) { finishProbe(update); });
}

void OidcIdentityProviderStep::apply(const StepProbe &probe)
{
    if (probe.action == StepAction::Update) {
        update(probe.applyData.value(u"idpId"_s).toString(), probe.applyData.value(u"patch"_s).toArray(),
               probe.applyData.value(u"replaceOptions"_s).toBool());
        return;
    }
    create();
}

void OidcIdentityProviderStep::create()
{
    withSecret(false, [this](const QString &secret) {
        // FACTS §4.2: "options" with "skipVerify" activates the provider without a browser round trip.
        QJsonObject body{{u"provider"_s, params().value(u"provider"_s)},
                         {u"protocol"_s, u"OIDC"_s},
                         {u"interactive"_s, true},
                         {u"active"_s, true},
                         {u"skipVerify"_s, true},
                         {u"options"_s, plannedOptions(secret)}};
        if (params().contains(u"description"_s))
            body.insert(u"description"_s, params().value(u"description"_s));
        send(tenantCall("POST", kCollection).setJson(QJsonDocument(body)), [this](const Cloud::ApiResult &result) {
            const QString id = result.json().object().value(u"id"_s).toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the identity provider was created but the answer names no id"_s));
                return;
            }
            StepChange change;
            change.summary = u"created "_s + describe();
            change.created.append({u"identity-provider"_s, id, params().value(u"clientId"_s).toString()});
            change.outputs = {{u"idpId"_s, id}};
            finishApply(change);
        });
    });
}

void OidcIdentityProviderStep::update(const QString &id, const QJsonArray &patch, bool needsSecret)
{
    const auto send = [this, id](const QJsonArray &operations) {
        CloudStep::send(tenantCall("PATCH", kCollection + u'/' + id).setJson(QJsonDocument(operations)),
                        [this, id](const Cloud::ApiResult &) {
                            StepChange change;
                            change.summary = u"updated "_s + describe();
                            change.updated.append({u"identity-provider"_s, id, describe()});
                            change.outputs = {{u"idpId"_s, id}};
                            finishApply(change);
                        });
    };
    if (!needsSecret) {
        send(patch);
        return;
    }
    withSecret(false, [this, patch, send](const QString &secret) {
        QJsonArray operations{replace(u"/options"_s, plannedOptions(secret))};
        for (const QJsonValue operation : patch) {
            if (!operation.toObject().value(u"path"_s).toString().startsWith("/options"_L1))
                operations.append(operation);
        }
        send(operations);
    });
}

void OidcIdentityProviderStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"idpId"_s).toString();
    send(tenantCall("GET", kCollection + u'/' + id), [this, id](const Cloud::ApiResult &result) {
        const QJsonObject idp = result.json().object();
        const QJsonObject options = idp.value(u"options"_s).toObject();
        if (!idp.value(u"active"_s).toBool() || !idp.value(u"interactive"_s).toBool()
            || options.value(u"clientId"_s) != params().value(u"clientId"_s)
            || options.value(u"discoveryUrl"_s) != params().value(u"discoveryUrl"_s)) {
            fail(StepError::transient(
                u"identity provider %1 does not read back yet as the active interactive provider planned"_s.arg(id)));
            return;
        }
        send(tenantCall("GET", kCollection + u"/status"_s), [this, id](const Cloud::ApiResult &status) {
            const int count = status.json().object().value(u"active_interactive_idps_count"_s).toInt(-1);
            if (count != 1) {
                fail(StepError::transient(
                    u"the tenant reports %1 active interactive identity providers, not 1"_s.arg(count)));
                return;
            }
            finishVerify(u"identity provider %1 reads back as the tenant's one active interactive provider; signing "
                         u"in through it needs a person at a browser"_s.arg(id));
        });
    });
}

} // namespace Ops
