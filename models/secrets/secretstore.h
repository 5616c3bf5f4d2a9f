#pragma once

#include "cloud/clientsecretsource.h"
#include "secrets/secretresult.h"

#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace Secrets {

// The only place Tenantry keeps secrets: the OS keychain through QtKeychain (Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows). Items live under one service
// ("Tenantry") with keys such as "oauth-client/<profile>". The insecure plaintext fallback is
// never enabled, so when the keychain fails nothing is written anywhere else.
class SecretStore : public QObject, public Cloud::ClientSecretSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Completion = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr); // service "Tenantry"
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    [[nodiscard]] QString service() const { return m_service; }

    // Each operation completes exactly once, later (never inside the call), on `context`'s thread,
    // and not at all if `context` (or this store) is destroyed first.
    void write(const QString &key, const QString &secret, QObject *context, Completion done);
    void read(const QString &key, QObject *context, Completion done);
    // Removing a key that does not exist succeeds.
    void remove(const QString &key, QObject *context, Completion done);

    // Cloud::ClientSecretSource: the keychain item oauthClientKey(profileName).
    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const Cloud::SecretLookup &)> done) override;

    [[nodiscard]] static QString oauthClientKey(const QString &profileName); // "oauth-client/<profile>"
    [[nodiscard]] static QString jwtSigningKeyKey(const QString &name); // "jwt-signing-key/<name>"
    // The client secret of an interactive (OIDC) identity provider's application at the customer's IdP.
    [[nodiscard]] static QString oidcClientSecretKey(const QString &name); // "oidc-client-secret/<name>"
    // "Secret Service", "Keychain" or "Credential Manager": what people call the keychain here.
    [[nodiscard]] static QString keychainName();
    // Where a key is stored, for messages: "the OS keychain (Secret Service), service 'Tenantry', key '…'".
    [[nodiscard]] QString describeLocation(const QString &key) const;

    // False after an operation found the keychain unavailable or locked, until one succeeds again.
    [[nodiscard]] bool isAvailable() const { return m_available; }
    [[nodiscard]] QString unavailableReason() const { return m_unavailableReason; }

Q_SIGNALS:
    // The UI shows or hides its keychain banner on this.
    void availabilityChanged(bool available, const QString &reason);

private:
    enum class Operation { Write, Read, Remove };
    void start(Operation operation, QKeychain::Job *job, QObject *context, Completion done);
    [[nodiscard]] SecretResult resultOf(Operation operation, QKeychain::Job *job);
    void noteAvailability(const SecretResult &result);

    QString m_service;
    bool m_available = true;
    QString m_unavailableReason;
};

} // namespace Secrets
