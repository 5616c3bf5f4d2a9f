#pragma once

#include "cloud/clientsecretsource.h"

#include <QHash>
#include <QString>

// Test-only: hands out fixed client secrets per profile name (e.g. the sandbox's seed secrets,
// issue 3: sandbox-org / sandbox-org-secret, sandbox-region-<r> / sandbox-region-<r>-secret), later
// and on the context's thread like the real keychain store. A missing profile answers as an
// unavailable keychain would.
class StaticSecretSource final : public Cloud::ClientSecretSource
{
public:
    StaticSecretSource() = default;
    explicit StaticSecretSource(const QHash<QString, QString> &secrets)
        : m_secrets(secrets)
    { }

    void setSecret(const QString &profileName, const QString &secret) { m_secrets.insert(profileName, secret); }
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    [[nodiscard]] int lookups() const { return m_lookups; }

    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const Cloud::SecretLookup &)> done) override;

private:
    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
    int m_lookups = 0;
};
