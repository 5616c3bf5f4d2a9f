#include "ops/jwtidentityproviderstep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/identityprovider.h"
#include "cloud/resources/parsed.h"
#include "ops/jwtsessiontoken.h"
#include "ops/onboardingtemplate.h"
#include "secrets/secretstore.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

JwtIdentityProviderStep::JwtIdentityProviderStep(const StepContext &context, Secrets::SecretStore *keys,
                                                 QObject *parent)
    : CloudStep(context, parent)
    , m_keys(keys)
{ }

JwtIdentityProviderStep::~JwtIdentityProviderStep() = default;

StepType JwtIdentityProviderStep::type(Secrets::SecretStore *keys)
{
    StepType type;
    type.name = u"jwt-idp"_s;
    type.title = u"JWT identity provider"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["issuer", "kid"],
        "additionalProperties": false,
        "properties": {
            "issuer": {"type": "string", "minLength": 1, "description": "The 'iss' of the tokens the tenant accepts."},
            "kid": {"type": "string", "minLength": 1, "description": "The key id tokens carry in their header."},
            "keyEntry": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$",
                    "description": "Name of the signing key in the keychain (jwt-signing-key/<key>); made when missing. Give this or publicKey."},
            "publicKey": {"type": "string", "pattern": "^-----BEGIN (PUBLIC KEY|CERTIFICATE)-----",
                          "description": "The customer's RSA public key or certificate (PEM) instead of a key pair Tenantry makes; then no test login is possible."},
            "description": {"type": "string", "maxLength": 128},
            "verifySubject": {"type": "string", "minLength": 1,
                              "description": "Subject of the user the check login creates (default tenantry-jwt-check)."}
        }
    })")
                            .object();
    type.outputs = {{u"idpId"_s, u"the identity provider's id"_s, u"62b6024fcdf339bb986fae78"_s},
                    {u"issuer"_s, u"the issuer"_s, u"https://login.customer-a.example"_s},
                    {u"kid"_s, u"the key id"_s, u"customer-a-1"_s}};
    QPointer<Secrets::SecretStore> store(keys);
    type.create = [store](const StepContext &context, QObject *parent) -> Step * {
        return new JwtIdentityProviderStep(context, store.data(), parent);
    };
    return type;
}

QString JwtIdentityProviderStep::issuer() const
{
    return params().value(u"issuer"_s).toString();
}

QString JwtIdentityProviderStep::kid() const
{
    return params().value(u"kid"_s).toString();
}

QString JwtIdentityProviderStep::keyName() const
{
    return params().value(u"keyEntry"_s).toString();
}

QJsonObject JwtIdentityProviderStep::outputs(const QString &id) const
{
    return {{u"idpId"_s, id}, {u"issuer"_s, issuer()}, {u"kid"_s, kid()}};
}

QString JwtIdentityProviderStep::importedKey() const
{
    return params().value(u"publicKey"_s).toString();
}

QString JwtIdentityProviderStep::describe() const
{
    if (!importedKey().isEmpty())
        return u"JWT identity provider for issuer %1, key id %2 (the customer's own public key)"_s.arg(issuer(), kid());
    return u"JWT identity provider for issuer %1, key id %2 (key '%3' in the keychain)"_s.arg(issuer(), kid(),
                                                                                              keyName());
}

StepProbe JwtIdentityProviderStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(),
                             {u"POST /api/v1/identity-providers"_s, u"POST /login/jwt-session (check)"_s});
}

void JwtIdentityProviderStep::probe()
{
    // Exactly one source of the key: Tenantry's key pair in the keychain, or the customer's public key.
    if (importedKey().isEmpty() == keyName().isEmpty()) {
        fail(StepError::failed(
            u"step \"%1\" needs exactly one of \"keyEntry\" and \"publicKey\""_s.arg(context().stepId)));
        return;
    }
    if (!importedKey().isEmpty()) {
        if (const QString problem = OnboardingTemplate::publicKeyProblem(importedKey()); !problem.isEmpty()) {
            fail(StepError::failed(u"step \"%1\": publicKey: %2"_s.arg(context().stepId, problem)));
            return;
        }
    }
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/identity-providers"_s);
    call.query = QUrlQuery{{u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::IdentityProvider idp = Cloud::IdentityProvider::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"an identity provider in the answer of GET /api/v1/identity-providers is "
                                       u"malformed: "_s
                                       + reader.error()));
                return;
            }
            if (!idp.isJwt())
                continue;
            if (idp.issuer != issuer()) {
                if (idp.staticKeyIds.contains(kid())) {
                    finishProbe(StepProbe::blocked(u"key id %1 is in use by the JWT identity provider %2 of issuer "
                                                   u"%3; choose another kid"_s.arg(kid(), idp.id, idp.issuer)));
                    return;
                }
                continue;
            }
            if (!idp.staticKeyIds.contains(kid())) {
                // FACTS §4.1: a JWT IdP's key cannot be patched; rotation is a new IdP, then deleting the old.
                finishProbe(StepProbe::blocked(
                    u"identity provider %1 of issuer %2 has key id %3, not %4; rotating a key means a new identity "
                    u"provider and deleting the old one, which Tenantry does not do on its own"_s.arg(
                        idp.id, issuer(), idp.staticKeyIds.join(u", "_s), kid())));
                return;
            }
            if (!idp.active) {
                finishProbe(
                    StepProbe::blocked(u"identity provider %1 of issuer %2 is inactive"_s.arg(idp.id, issuer())));
                return;
            }
            finishProbe(StepProbe::noChange(describe() + u" exists ("_s + idp.id + u')', outputs(idp.id)));
            return;
        }
        finishProbe(deferredProbe());
    });
}

bool JwtIdentityProviderStep::haveKeychain()
{
    if (m_keys)
        return true;
    fail(StepError::failed(
        u"step \"%1\" keeps its signing key in the keychain, and this program gave it none"_s.arg(context().stepId)));
    return false;
}

void JwtIdentityProviderStep::withKey(bool create, std::function<void(const JwtSigningKey &key)> done)
{
    if (!haveKeychain())
        return;
    const QString entry = Secrets::SecretStore::jwtSigningKeyKey(keyName());
    m_keys->read(entry, this, [this, create, entry, done = std::move(done)](const Secrets::SecretResult &read) {
        if (read.ok()) {
            QString error;
            const JwtSigningKey key = JwtSigningKey::fromPrivateKeyPem(read.secret.toUtf8(), &error);
            if (key.isNull()) {
                fail(StepError::failed(error + u" ("_s + m_keys->describeLocation(entry) + u')'));
                return;
            }
            done(key);
            return;
        }
        if (read.status != Secrets::SecretStatus::NotFound || !create) {
            fail(StepError::failed(
                u"the JWT signing key cannot be read from %1: %2"_s.arg(m_keys->describeLocation(entry), read.error)));
            return;
        }
        QString error;
        const JwtSigningKey key = JwtSigningKey::generate(&error);
        if (key.isNull()) {
            fail(StepError::failed(error));
            return;
        }
        // Stored before the public half is registered: a key Qlik trusts is never one we lost.
        m_keys->write(entry, QString::fromLatin1(key.privateKeyPem()), this,
                      [this, entry, key, done](const Secrets::SecretResult &written) {
                          if (!written.ok()) {
                              fail(StepError::failed(u"the new JWT signing key cannot be stored in %1: %2"_s.arg(
                                  m_keys->describeLocation(entry), written.error)));
                              return;
                          }
                          done(key);
                      });
    });
}

void JwtIdentityProviderStep::apply(const StepProbe &probe)
{
    Q_UNUSED(probe)
    if (!importedKey().isEmpty()) {
        registerKey(importedKey().trimmed());
        return;
    }
    withKey(true, [this](const JwtSigningKey &key) { registerKey(QString::fromLatin1(key.publicKeyPem())); });
}

void JwtIdentityProviderStep::registerKey(const QString &publicPem)
{
    // FACTS §4.1: the PEM goes on one line; the body is the one Qlik's scripts send.
    const QString pem = QString(publicPem).remove(u'\r').remove(u'\n');
    QJsonObject body{{u"provider"_s, u"external"_s},
                     {u"protocol"_s, u"jwtAuth"_s},
                     {u"interactive"_s, false},
                     {u"active"_s, true},
                     {u"options"_s,
                      QJsonObject{{u"jwtLoginEnabled"_s, true},
                                  {u"issuer"_s, issuer()},
                                  {u"staticKeys"_s, QJsonArray{QJsonObject{{u"kid"_s, kid()}, {u"pem"_s, pem}}}}}}};
    if (params().contains(u"description"_s))
        body.insert(u"description"_s, params().value(u"description"_s));
    send(tenantCall("POST", u"/api/v1/identity-providers"_s).setJson(QJsonDocument(body)),
         [this](const Cloud::ApiResult &result) {
             const Cloud::Parsed<Cloud::IdentityProvider> idp
                 = Cloud::parseResource<Cloud::IdentityProvider>(result.response().body);
             if (!idp.ok() || idp.value->id.isEmpty()) {
                 fail(StepError::outcomeUnknown(u"the identity provider was created but the answer is unreadable: "_s
                                                + idp.error));
                 return;
             }
             StepChange change;
             change.summary = u"created "_s + describe();
             change.created.append({u"identity-provider"_s, idp.value->id, issuer()});
             change.outputs = outputs(idp.value->id);
             finishApply(change);
         });
}

void JwtIdentityProviderStep::verify(const StepChange &change)
{
    if (!importedKey().isEmpty()) {
        // Only the customer holds the private key: no test login, but the provider must read back active.
        const QString id = change.outputs.value(u"idpId"_s).toString();
        send(tenantCall("GET", u"/api/v1/identity-providers/"_s + id), [this, id](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::IdentityProvider> idp
                = Cloud::parseResource<Cloud::IdentityProvider>(result.response().body);
            if (!idp.ok() || idp.value->issuer != issuer() || !idp.value->staticKeyIds.contains(kid())
                || !idp.value->active) {
                fail(StepError::transient(
                    u"identity provider %1 does not read back yet as an active provider of issuer %2 with key id %3"_s
                        .arg(id, issuer(), kid())));
                return;
            }
            finishVerify(u"identity provider %1 of issuer %2 (kid %3) reads back active; a test login needs the "
                         u"customer's private key"_s.arg(id, issuer(), kid()));
        });
        return;
    }
    withKey(false, [this](const JwtSigningKey &key) {
        const QString subject = params().value(u"verifySubject"_s).toString(u"tenantry-jwt-check"_s);
        const JwtSessionToken claims{
            issuer(), kid(), subject, u"Tenantry JWT check"_s, subject + u"@tenantry.invalid"_s, {}};
        QString error;
        const QByteArray token = claims.sign(key, &error);
        if (token.isEmpty()) {
            fail(StepError::failed(error));
            return;
        }
        Cloud::ApiCall call = tenantCall("POST", u"/login/jwt-session"_s);
        call.auth = Cloud::ApiCall::Auth::None;
        call.addHeader("Authorization", "Bearer " + token);
        call.idempotency = Cloud::ApiCall::Idempotency::Idempotent; // a login changes nothing twice
        send(
            call,
            [this, subject](const Cloud::ApiResult &) {
                finishVerify(u"a test JWT of issuer %1 (kid %2) logged in as %3 through /login/jwt-session"_s.arg(
                    issuer(), kid(), subject));
            },
            [this](const Cloud::ApiError &error) {
                if (error.httpStatus() != 401)
                    return false;
                StepError refused = errorFor(error);
                refused.kind = StepError::Kind::Failed;
                refused.message = u"the tenant refused a test JWT of issuer %1 (kid %2): %3"_s.arg(issuer(), kid(),
                                                                                                   error.message());
                fail(refused);
                return true;
            });
    });
}

} // namespace Ops
