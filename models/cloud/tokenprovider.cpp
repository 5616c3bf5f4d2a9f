#include "cloud/tokenprovider.h"

#include "cloud/apicall.h"
#include "cloud/apirequest.h"
#include "cloud/clientsecretsource.h"
#include "cloud/cloudlogging.h"

#include <QJsonObject>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

TokenProvider::TokenProvider(Sender sender, QObject *parent)
    : QObject(parent)
    , m_sender(std::move(sender))
{ }

TokenProvider::~TokenProvider() = default;

QString TokenProvider::keyOf(const QString &host, const QString &clientId)
{
    return host.toLower() + u'\n' + clientId;
}

void TokenProvider::fetch(const CredentialProfile &profile, const QString &host, QObject *context, Callback done)
{
    const QString key = keyOf(host, profile.clientId);
    if (const auto cached = m_tokens.constFind(key); cached != m_tokens.cend()) {
        if (cached->isUsable(AccessToken::Clock::now())) {
            done(cached.value(), {});
            return;
        }
        m_tokens.erase(cached);
    }
    if (auto running = m_fetches.find(key); running != m_fetches.end()) {
        running->waiters.append({context, std::move(done)});
        return;
    }
    m_fetches.insert(key, Fetch{profile, host.toLower(), {{context, std::move(done)}}});

    if (const auto secret = m_secretCache.constFind(profile.name); secret != m_secretCache.cend()) {
        requestToken(key, secret.value());
        return;
    }
    if (auto waiting = m_secretWaiters.find(profile.name); waiting != m_secretWaiters.end()) {
        waiting->append(key);
        return;
    }
    m_secretWaiters.insert(profile.name, {key});
    const QString profileName = profile.name;
    if (!m_secrets) {
        QTimer::singleShot(0, this, [this, profileName] {
            onSecret(profileName, SecretLookup{{}, u"no secret source is configured for the cloud client"_s, false});
        });
        return;
    }
    qCDebug(lcCloudToken).noquote() << "looking up the client secret of profile" << profileName;
    m_secrets->fetchClientSecret(profileName, this,
                                 [this, profileName](const SecretLookup &lookup) { onSecret(profileName, lookup); });
}

void TokenProvider::onSecret(const QString &profileName, const SecretLookup &lookup)
{
    const QList<QString> keys = m_secretWaiters.take(profileName);
    if (lookup.ok() && lookup.secret.isEmpty()) {
        const ApiError error(ApiError::Kind::SecretUnavailable,
                             u"the client secret of profile '%1' is empty"_s.arg(profileName));
        for (const QString &key : keys)
            complete(key, {}, error);
        return;
    }
    if (!lookup.ok()) {
        ApiError error(ApiError::Kind::SecretUnavailable,
                       u"the client secret of profile '%1' is unavailable: %2"_s.arg(profileName, lookup.error));
        for (const QString &key : keys)
            complete(key, {}, error);
        return;
    }
    m_secretCache.insert(profileName, lookup.secret);
    for (const QString &key : keys)
        requestToken(key, lookup.secret);
}

void TokenProvider::requestToken(const QString &key, const QString &secret)
{
    const auto fetchIt = m_fetches.constFind(key);
    if (fetchIt == m_fetches.cend())
        return;
    const CredentialProfile profile = fetchIt->profile;
    const QString host = fetchIt->host;

    // FACTS §2.1: JSON body, as every Qlik example sends it.
    ApiCall call = ApiCall::post(host, u"/oauth/token"_s,
                                 QJsonDocument(QJsonObject{{u"client_id"_s, profile.clientId},
                                                           {u"client_secret"_s, secret},
                                                           {u"grant_type"_s, u"client_credentials"_s}}));
    call.auth = ApiCall::Auth::None;
    call.idempotency = ApiCall::Idempotency::Idempotent; // a second token is harmless
    call.profileName = profile.name;
    call.transferTimeout = std::chrono::seconds(30);

    const AccessToken::Clock::time_point requestedAt = AccessToken::Clock::now();
    ++m_tokenRequests;
    qCInfo(lcCloudToken).noquote() << "requesting a token for client" << profile.clientId << "(profile"
                                   << profile.name + u')' << "at" << host;
    ApiRequest *request = m_sender(call);
    connect(request, &ApiRequest::finished, this, [this, key, profile, host, requestedAt](const ApiResult &result) {
        if (!result.ok()) {
            ApiError error = result.error();
            const int status = error.httpStatus();
            if (error.kind() == ApiError::Kind::Http && (status == 400 || status == 401 || status == 403))
                error.setKind(ApiError::Kind::Authentication);
            error.setDetail(u"no token for client '%1' (profile '%2') at %3%4"_s.arg(
                profile.clientId, profile.name, host, error.detail().isEmpty() ? QString() : u": "_s + error.detail()));
            // The stored secret may have changed since it was read: read it again next time.
            if (status == 400 || status == 401)
                m_secretCache.remove(profile.name);
            complete(key, {}, error);
            return;
        }
        QString problem;
        const AccessToken token
            = AccessToken::fromTokenResponse(result.json(), requestedAt, QDateTime::currentDateTimeUtc(), &problem);
        if (token.value.isEmpty()) {
            ApiError error(ApiError::Kind::MalformedResponse,
                           u"%1 (client '%2' at %3)"_s.arg(problem, profile.clientId, host));
            error.setRequest("POST", result.response().url).setHttpStatus(result.status());
            complete(key, {}, error);
            return;
        }
        complete(key, token, {});
    });
}

void TokenProvider::complete(const QString &key, const AccessToken &token, const ApiError &error)
{
    const Fetch fetch = m_fetches.take(key);
    if (error.isNull()) {
        m_tokens.insert(key, token);
        qCInfo(lcCloudToken).noquote()
            << "token for client" << fetch.profile.clientId << "at" << fetch.host << "valid for"
            << std::chrono::duration_cast<std::chrono::seconds>(token.expiresAt - AccessToken::Clock::now()).count()
            << "s;" << fetch.waiters.size() << "waiting";
        Q_EMIT tokenIssued(fetch.host, fetch.profile.clientId);
    } else {
        qCWarning(lcCloudToken).noquote() << error.message();
        Q_EMIT tokenFailed(fetch.host, fetch.profile.clientId, error);
    }
    for (const Waiter &waiter : fetch.waiters) {
        if (waiter.context)
            waiter.done(token, error);
    }
}

bool TokenProvider::isCurrent(const QString &host, const QString &clientId, const QByteArray &token) const
{
    const auto it = m_tokens.constFind(keyOf(host, clientId));
    return it != m_tokens.cend() && it->value == token && it->isUsable(AccessToken::Clock::now());
}

void TokenProvider::invalidate(const QString &host, const QString &clientId, const QByteArray &token)
{
    const QString key = keyOf(host, clientId);
    const auto it = m_tokens.constFind(key);
    if (it != m_tokens.cend() && it->value == token) {
        qCInfo(lcCloudToken).noquote() << "the server refused the token of client" << clientId << "at" << host
                                       << "; fetching a new one";
        m_tokens.erase(it);
    }
}

void TokenProvider::clear()
{
    m_tokens.clear();
    m_secretCache.clear();
}

} // namespace Cloud
