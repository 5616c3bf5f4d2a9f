#include "ops/embedcheckstep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "ops/jwtsessiontoken.h"
#include "ops/jwtsigningkey.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

EmbedCheckStep::EmbedCheckStep(const StepContext &context, Secrets::SecretStore *keys, QObject *parent)
    : CloudStep(context, parent)
    , m_keys(keys)
{ }

EmbedCheckStep::~EmbedCheckStep() = default;

StepType EmbedCheckStep::type(Secrets::SecretStore *keys)
{
    StepType type;
    type.name = u"embed-check"_s;
    type.title = u"Embedded login check"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["issuer", "kid", "keyEntry", "spaceId", "apps"],
        "additionalProperties": false,
        "properties": {
            "issuer": {"type": "string", "minLength": 1, "description": "The JWT identity provider's issuer."},
            "kid": {"type": "string", "minLength": 1, "description": "The key id of its static key."},
            "keyEntry": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$",
                         "description": "The keychain entry holding the private key the identity provider step generated."},
            "subject": {"type": "string", "minLength": 1, "maxLength": 128, "description": "The test user's subject (default tenantry-embed-check)."},
            "groups": {"type": "array", "items": {"type": "string", "minLength": 1}, "description": "Groups the test user's token names: the consumer group."},
            "spaceId": {"type": "string", "minLength": 1, "description": "The managed space the apps are published to."},
            "apps": {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "string", "minLength": 1},
                     "description": "Ids of the published apps the test user must see."}
        }
    })")
                            .object();
    type.outputs = {{u"userId"_s, u"the test user's id"_s, u"65f0c3a1d2b4e5f6a7b8c9d0"_s},
                    {u"subject"_s, u"the test user's subject"_s, u"tenantry-embed-check"_s}};
    QPointer<Secrets::SecretStore> store(keys);
    type.create = [store](const StepContext &context, QObject *parent) -> Step * {
        return new EmbedCheckStep(context, store.data(), parent);
    };
    return type;
}

QString EmbedCheckStep::subject() const
{
    return params().value(u"subject"_s).toString(u"tenantry-embed-check"_s);
}

QString EmbedCheckStep::spaceId() const
{
    return params().value(u"spaceId"_s).toString();
}

QStringList EmbedCheckStep::apps() const
{
    QStringList ids;
    for (const QJsonValue app : params().value(u"apps"_s).toArray())
        ids.append(app.toString());
    return ids;
}

QString EmbedCheckStep::describe() const
{
    const QStringList groups = params().value(u"groups"_s).toVariant().toStringList();
    return u"test user %1%2 sees the %3 published app(s) in space %4"_s.arg(
        subject(), groups.isEmpty() ? QString() : u" of "_s + groups.join(u", "_s), QString::number(apps().size()),
        spaceId());
}

QStringList EmbedCheckStep::loginCalls() const
{
    return {u"POST /login/jwt-session"_s, u"GET /api/v1/items?resourceType=app&spaceId=… (as the test user)"_s};
}

StepProbe EmbedCheckStep::deferredProbe() const
{
    return StepProbe::create(u"log in: "_s + describe(), loginCalls());
}

QString EmbedCheckStep::missingText(const QStringList &missing) const
{
    return u"test user %1 does not see %2 of the %3 published app(s) in space %4 (%5); check the consumer group's "
           u"assignment to the space and the apps' publication"_s.arg(subject())
               .arg(missing.size())
               .arg(apps().size())
               .arg(spaceId(), missing.join(u", "_s));
}

void EmbedCheckStep::probe()
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/users"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"subject"_s, subject())}, {u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &users) {
        if (users.isEmpty()) {
            finishProbe(StepProbe::create(u"log in: "_s + describe(), loginCalls()));
            return;
        }
        // The test user exists from an earlier run: logging in again changes nothing, so look now.
        look([this](const Sight &sight) {
            if (!sight.missing.isEmpty()) {
                finishProbe(StepProbe::blocked(missingText(sight.missing)));
                return;
            }
            finishProbe(StepProbe::noChange(describe(), {{u"userId"_s, sight.userId}, {u"subject"_s, subject()}}));
        });
    });
}

void EmbedCheckStep::apply(const StepProbe &)
{
    // The login is the change: it creates the test user. What it sees is checked by verify().
    look([this](const Sight &sight) {
        StepChange change;
        change.summary = u"logged in test user %1 (%2) through a JWT"_s.arg(subject(), sight.userId);
        change.created.append({u"user"_s, sight.userId, subject()});
        change.outputs = {{u"userId"_s, sight.userId}, {u"subject"_s, subject()}};
        finishApply(change);
    });
}

void EmbedCheckStep::verify(const StepChange &)
{
    look([this](const Sight &sight) {
        if (!sight.missing.isEmpty()) {
            // Publishing and assignments settle eventually (FACTS §14.5): the engine asks again.
            fail(StepError::transient(missingText(sight.missing)));
            return;
        }
        finishVerify(describe());
    });
}

void EmbedCheckStep::withKey(std::function<void(const JwtSigningKey &key)> done)
{
    if (!m_keys) {
        fail(StepError::failed(
            u"step \"%1\" signs with a key from the keychain, and this program gave it none"_s.arg(context().stepId)));
        return;
    }
    const QString entry = Secrets::SecretStore::jwtSigningKeyKey(params().value(u"keyEntry"_s).toString());
    m_keys->read(entry, this, [this, entry, done = std::move(done)](const Secrets::SecretResult &read) {
        if (!read.ok()) {
            fail(StepError::failed(
                u"the JWT signing key cannot be read from %1: %2"_s.arg(m_keys->describeLocation(entry), read.error)));
            return;
        }
        QString error;
        const JwtSigningKey key = JwtSigningKey::fromPrivateKeyPem(read.secret.toUtf8(), &error);
        if (key.isNull()) {
            fail(StepError::failed(error + u" ("_s + m_keys->describeLocation(entry) + u')'));
            return;
        }
        done(key);
    });
}

void EmbedCheckStep::look(SightHandler done)
{
    withKey([this, done = std::move(done)](const JwtSigningKey &key) {
        const JwtSessionToken claims{params().value(u"issuer"_s).toString(),
                                     params().value(u"kid"_s).toString(),
                                     subject(),
                                     u"Tenantry embed check"_s,
                                     subject() + u"@tenantry.invalid"_s,
                                     params().value(u"groups"_s).toVariant().toStringList()};
        QString error;
        const QByteArray token = claims.sign(key, &error);
        if (token.isEmpty()) {
            fail(StepError::failed(error));
            return;
        }
        Cloud::ApiCall login = tenantCall("POST", u"/login/jwt-session"_s);
        login.auth = Cloud::ApiCall::Auth::None;
        login.addHeader("Authorization", "Bearer " + token);
        login.idempotency = Cloud::ApiCall::Idempotency::Idempotent; // only the first login creates the user
        send(
            login,
            [this, done](const Cloud::ApiResult &result) {
                // The session is the cookies the login set, sent back as a browser would.
                QByteArrayList cookies;
                for (const auto &[name, value] : result.response().headers) {
                    if (name.compare("set-cookie", Qt::CaseInsensitive) == 0)
                        cookies.append(value.left(value.indexOf(';')).trimmed());
                }
                if (cookies.isEmpty()) {
                    fail(StepError::failed(u"the tenant accepted the test JWT but set no session cookie"_s));
                    return;
                }
                lookWithSession(cookies.join("; "), done);
            },
            [this](const Cloud::ApiError &error) {
                if (error.httpStatus() != 401)
                    return false;
                StepError refused = errorFor(error);
                refused.kind = StepError::Kind::Failed;
                refused.message = u"the tenant refused the test user's JWT: "_s + error.message();
                fail(refused);
                return true;
            });
    });
}

void EmbedCheckStep::lookWithSession(const QByteArray &cookies, SightHandler done)
{
    const auto asUser = [this, cookies](const QString &path, const QUrlQuery &query) {
        Cloud::ApiCall call = tenantCall("GET", path);
        call.query = query;
        call.auth = Cloud::ApiCall::Auth::None;
        call.addHeader("Cookie", cookies); // redacted in logs like Authorization
        return call;
    };
    send(asUser(u"/api/v1/users/me"_s, {}), [this, asUser, done](const Cloud::ApiResult &me) {
        const QString userId = me.json()[u"id"_s].toString();
        if (userId.isEmpty()) {
            fail(StepError::failed(u"the test user's session does not say who it is (GET /v1/users/me)"_s));
            return;
        }
        const QUrlQuery query{{u"resourceType"_s, u"app"_s},
                              {u"spaceId"_s, spaceId()},
                              {u"resourceIds"_s, apps().join(u',')},
                              {u"limit"_s, u"100"_s},
                              {u"noActions"_s, u"true"_s}};
        send(asUser(u"/api/v1/items"_s, query), [this, userId, done](const Cloud::ApiResult &items) {
            QSet<QString> seen;
            for (const QJsonValue item : items.json()[u"data"_s].toArray())
                seen.insert(item[u"resourceId"_s].toString());
            Sight sight{userId, {}};
            for (const QString &app : apps()) {
                if (!seen.contains(app))
                    sight.missing.append(app);
            }
            done(sight);
        });
    });
}

} // namespace Ops
