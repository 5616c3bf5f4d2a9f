#include "staticsecretsource.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

void StaticSecretSource::fetchClientSecret(const QString &profileName, QObject *context,
                                           std::function<void(const Cloud::SecretLookup &)> done)
{
    ++m_lookups;
    Cloud::SecretLookup lookup;
    if (m_unavailable) {
        lookup.error = u"the keychain is locked"_s;
        lookup.keychainUnavailable = true;
    } else if (const auto it = m_secrets.constFind(profileName); it != m_secrets.cend()) {
        lookup.secret = it.value();
    } else {
        lookup.error = u"no secret stored for profile '%1'"_s.arg(profileName);
    }
    QTimer::singleShot(0, context, [done = std::move(done), lookup] { done(lookup); });
}
