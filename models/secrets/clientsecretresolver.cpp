#include "secrets/clientsecretresolver.h"

#include "secrets/secretstore.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace Secrets {

ClientSecretResolver::ClientSecretResolver(SecretStore *keychain, const QProcessEnvironment &environment)
    : m_keychain(keychain)
    , m_environment(environment)
{ }

QString ClientSecretResolver::environmentVariable(const QString &profileName)
{
    QString suffix = profileName.toUpper();
    suffix.replace(u'-', u'_');
    return "TENANTRY_CLIENT_SECRET_"_L1 + suffix;
}

std::optional<QString> ClientSecretResolver::environmentSecret(const QString &profileName) const
{
    const QString value = m_environment.value(environmentVariable(profileName));
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

ClientSecretResolver::Origin ClientSecretResolver::origin(const QString &profileName) const
{
    return environmentSecret(profileName) ? Origin::Environment : Origin::Keychain;
}

void ClientSecretResolver::fetchClientSecret(const QString &profileName, QObject *context,
                                             std::function<void(const Cloud::SecretLookup &)> done)
{
    if (const std::optional<QString> secret = environmentSecret(profileName)) {
        // The contract says "later, never inside the call", even when the answer is at hand.
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), secret = *secret] {
                done({secret, {}, false});
            },
            Qt::QueuedConnection);
        return;
    }
    m_keychain->fetchClientSecret(
        profileName, context,
        [variable = environmentVariable(profileName), done = std::move(done)](const Cloud::SecretLookup &lookup) {
            if (lookup.ok()) {
                done(lookup);
                return;
            }
            // Point at the other place a secret may come from.
            done({{}, u"%1 (In CI, set %2 instead.)"_s.arg(lookup.error, variable), lookup.keychainUnavailable});
        });
}

} // namespace Secrets
