#pragma once

#include "cloud/clientsecretsource.h"

#include <optional>
#include <QProcessEnvironment>
#include <QString>

namespace Secrets {

class SecretStore;

// Where the client finds OAuth client secrets: the environment variable
// TENANTRY_CLIENT_SECRET_<PROFILE> when it is set and not empty (CI), otherwise the OS keychain.
// Secrets never come from command-line arguments.
class ClientSecretResolver : public Cloud::ClientSecretSource
{
public:
    enum class Origin { Environment, Keychain };

    explicit ClientSecretResolver(SecretStore *keychain,
                                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const Cloud::SecretLookup &)> done) override;

    // Where fetchClientSecret() will look first for this profile.
    [[nodiscard]] Origin origin(const QString &profileName) const;
    [[nodiscard]] std::optional<QString> environmentSecret(const QString &profileName) const;

    // "TENANTRY_CLIENT_SECRET_" + the profile name upper-cased with '-' turned into '_'.
    [[nodiscard]] static QString environmentVariable(const QString &profileName);

private:
    SecretStore *m_keychain;
    QProcessEnvironment m_environment;
};

} // namespace Secrets
