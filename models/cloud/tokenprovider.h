#pragma once

#include "cloud/accesstoken.h"
#include "cloud/apierror.h"
#include "cloud/credentialprofile.h"

#include <functional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Cloud {

class ApiRequest;
class ClientSecretSource;
struct ApiCall;
struct SecretLookup;

// OAuth2 client-credentials tokens per (host, client id) (FACTS §2.1): cached until shortly before
// expiry, one token request in flight per key while other requests wait for it, invalidated on a
// 401 so the request can be resent once. When a token cannot be had, every waiting request fails
// together with the same clear error. Tokens are bound to one host, so each tenant, register host
// and console gets its own.
class TokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenProvider)

public:
    // Sends a request without Authorization (the token endpoint); provided by CloudClient.
    using Sender = std::function<ApiRequest *(const ApiCall &)>;
    // Either a usable token or an error (kind Authentication, SecretUnavailable, Network, ...).
    using Callback = std::function<void(const AccessToken &token, const ApiError &error)>;

    explicit TokenProvider(Sender sender, QObject *parent = nullptr);
    ~TokenProvider() override;

    void setSecretSource(ClientSecretSource *source) { m_secrets = source; }

    // Calls `done` with a token of `profile` for `host`: at once when a usable one is cached (before
    // this returns), otherwise when the token request ends. Not called if `context` is destroyed.
    void fetch(const CredentialProfile &profile, const QString &host, QObject *context, Callback done);

    // Whether `token` is still the usable cached token for (host, client id).
    [[nodiscard]] bool isCurrent(const QString &host, const QString &clientId, const QByteArray &token) const;
    // The server refused `token` (401): forget it unless a newer one replaced it already.
    void invalidate(const QString &host, const QString &clientId, const QByteArray &token);
    // Forgets every cached token and client secret (profiles changed, user signed out).
    void clear();

    [[nodiscard]] int cachedTokenCount() const { return static_cast<int>(m_tokens.size()); }
    [[nodiscard]] int tokenRequestCount() const { return m_tokenRequests; } // sent since construction

Q_SIGNALS:
    void tokenIssued(const QString &host, const QString &clientId);
    void tokenFailed(const QString &host, const QString &clientId, const Cloud::ApiError &error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct Fetch
    {
        CredentialProfile profile;
        QString host;
        QList<Waiter> waiters;
    };

    static QString keyOf(const QString &host, const QString &clientId);
    void requestToken(const QString &key, const QString &secret);
    void onSecret(const QString &key, const SecretLookup &lookup);
    void complete(const QString &key, const AccessToken &token, const ApiError &error);

    Sender m_sender;
    ClientSecretSource *m_secrets = nullptr;
    QHash<QString, AccessToken> m_tokens;
    QHash<QString, Fetch> m_fetches;
    QHash<QString, QString> m_secretCache; // profile name -> client secret, in memory only
    QHash<QString, QList<QString>> m_secretWaiters; // profile name -> fetch keys waiting for it
    int m_tokenRequests = 0;
};

} // namespace Cloud
