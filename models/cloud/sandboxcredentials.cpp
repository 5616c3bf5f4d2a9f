#include "cloud/sandboxcredentials.h"

#include "cloud/region.h"

#include <algorithm>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

SandboxCredentials::SandboxCredentials(ClientSecretSource *savedSecrets)
    : m_savedSecrets(savedSecrets)
{ }

bool SandboxCredentials::isSeedProfile(const QString &profileName)
{
    const QList<CredentialProfile> seeds = profiles();
    return std::any_of(seeds.cbegin(), seeds.cend(), [&](const CredentialProfile &p) { return p.name == profileName; });
}

QList<CredentialProfile> SandboxCredentials::profilesWith(const QList<CredentialProfile> &saved)
{
    QList<CredentialProfile> all = profiles();
    for (const CredentialProfile &profile : saved) {
        if (!isSeedProfile(profile.name))
            all.append(profile);
    }
    return all;
}

QList<CredentialProfile> SandboxCredentials::profiles()
{
    QList<CredentialProfile> profiles{
        {u"sandbox-org"_s, CredentialTier::Organization, u"sandbox-org"_s, {}, {}, u"Sandbox organization client"_s}};
    for (const Region &region : Region::all()) {
        const QString name = u"sandbox-region-"_s + region.id;
        profiles.append(
            {name, CredentialTier::Region, name, region.id, {}, u"Sandbox %1 region client"_s.arg(region.id)});
    }
    return profiles;
}

void SandboxCredentials::fetchClientSecret(const QString &profileName, QObject *context,
                                           std::function<void(const SecretLookup &)> done)
{
    if (!isSeedProfile(profileName) && m_savedSecrets) {
        m_savedSecrets->fetchClientSecret(profileName, context, std::move(done));
        return;
    }
    const SecretLookup lookup = isSeedProfile(profileName)
        ? SecretLookup{profileName + u"-secret"_s, {}, false}
        : SecretLookup{{}, u"'%1' is not a sandbox seed client"_s.arg(profileName), false};
    QMetaObject::invokeMethod(
        context, [done = std::move(done), lookup] { done(lookup); }, Qt::QueuedConnection);
}

} // namespace Cloud
