#include "cloud/profilestore.h"

#include "cloud/storagepaths.h"
#include "secrets/clientsecretresolver.h"

#include <algorithm>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcProfiles, "tenantry.profiles", QtInfoMsg)

namespace Cloud {

namespace {

const QString profilesGroup = u"profiles"_s;
const QString tierKey = u"tier"_s;
const QString clientIdKey = u"clientId"_s;
const QString regionKey = u"region"_s;
const QString tenantHostKey = u"tenantHost"_s;
const QString labelKey = u"label"_s;
const QString subscriptionsKey = u"subscriptionIds"_s;

QString settingsStatusText(QSettings::Status status)
{
    switch (status) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return u"access denied"_s;
    case QSettings::FormatError:
        return u"the file is not a valid settings file"_s;
    }
    return {};
}

} // namespace

ProfileStore::ProfileStore(Secrets::SecretStore *secrets, QObject *parent)
    : ProfileStore(StoragePaths::profilesFile(), secrets, parent)
{ }

ProfileStore::ProfileStore(const QString &settingsFile, Secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile, QSettings::IniFormat)
    , m_secrets(secrets)
{ }

ProfileStore::~ProfileStore() = default;

QString ProfileStore::settingsFile() const
{
    return m_settings.fileName();
}

ProfileStore::ReadOutcome ProfileStore::readAll() const
{
    m_settings.sync(); // pick up changes another Tenantry process made
    ReadOutcome outcome;
    if (const QString status = settingsStatusText(m_settings.status()); !status.isEmpty())
        outcome.problems << u"%1: %2"_s.arg(m_settings.fileName(), status);

    m_settings.beginGroup(profilesGroup);
    const QStringList names = m_settings.childGroups();
    for (const QString &name : names) {
        m_settings.beginGroup(name);
        CredentialProfile profile;
        profile.name = name;
        const QString tierName = m_settings.value(tierKey).toString();
        const bool tierKnown = parseCredentialTier(tierName, &profile.tier);
        profile.clientId = m_settings.value(clientIdKey).toString();
        profile.region = m_settings.value(regionKey).toString();
        profile.tenantHost = m_settings.value(tenantHostKey).toString();
        profile.label = m_settings.value(labelKey).toString();
        profile.subscriptionIds = m_settings.value(subscriptionsKey).toStringList();
        m_settings.endGroup();

        QString problem;
        if (!tierKnown)
            problem = u"profile '%1': tier '%2' is not organization, region or tenant"_s.arg(name, tierName);
        else
            problem = profile.validationError();
        if (!problem.isEmpty()) {
            outcome.problems << u"%1: %2"_s.arg(m_settings.fileName(), problem);
            continue;
        }
        outcome.profiles << profile;
    }
    m_settings.endGroup();
    std::sort(outcome.profiles.begin(), outcome.profiles.end(),
              [](const CredentialProfile &a, const CredentialProfile &b) { return a.name < b.name; });
    return outcome;
}

QList<CredentialProfile> ProfileStore::profiles() const
{
    return readAll().profiles;
}

std::optional<CredentialProfile> ProfileStore::profile(const QString &name) const
{
    const QList<CredentialProfile> all = profiles();
    const auto found
        = std::find_if(all.cbegin(), all.cend(), [&](const CredentialProfile &p) { return p.name == name; });
    if (found == all.cend())
        return std::nullopt;
    return *found;
}

QStringList ProfileStore::problems() const
{
    return readAll().problems;
}

QStringList ProfileStore::storedNames() const
{
    m_settings.sync();
    m_settings.beginGroup(profilesGroup);
    QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    return names;
}

QString ProfileStore::checkNameClash(const CredentialProfile &profile) const
{
    const QStringList names = storedNames();
    // CI reads secrets from TENANTRY_CLIENT_SECRET_<PROFILE>; two names must not map to one variable.
    const QString variable = Secrets::ClientSecretResolver::environmentVariable(profile.name);
    for (const QString &other : names) {
        if (other == profile.name)
            return u"a profile named '%1' already exists"_s.arg(profile.name);
        if (Secrets::ClientSecretResolver::environmentVariable(other) == variable)
            return u"profile name '%1' is too close to the existing profile '%2': both would read their secret "
                   "from %3 in CI"_s.arg(profile.name, other, variable);
    }
    return {};
}

QString ProfileStore::validateNew(const CredentialProfile &profile) const
{
    if (QString error = profile.validationError(); !error.isEmpty())
        return error;
    return checkNameClash(profile);
}

QString ProfileStore::add(const CredentialProfile &profile)
{
    if (QString error = validateNew(profile); !error.isEmpty())
        return error;
    if (QString error = write(profile); !error.isEmpty())
        return error;
    qCDebug(lcProfiles) << "added profile" << profile.name;
    Q_EMIT profileAdded(profile.name);
    return {};
}

QString ProfileStore::update(const CredentialProfile &profile)
{
    if (QString error = profile.validationError(); !error.isEmpty())
        return error;
    if (!storedNames().contains(profile.name))
        return u"there is no profile named '%1'"_s.arg(profile.name);
    if (QString error = write(profile); !error.isEmpty())
        return error;
    qCDebug(lcProfiles) << "updated profile" << profile.name;
    Q_EMIT profileUpdated(profile.name);
    return {};
}

QString ProfileStore::write(const CredentialProfile &profile)
{
    m_settings.beginGroup(profilesGroup);
    m_settings.remove(profile.name); // drop fields a tier change made obsolete
    m_settings.beginGroup(profile.name);
    m_settings.setValue(tierKey, credentialTierName(profile.tier));
    m_settings.setValue(clientIdKey, profile.clientId);
    if (profile.tier == CredentialTier::Region)
        m_settings.setValue(regionKey, profile.region);
    if (profile.tier == CredentialTier::Tenant)
        m_settings.setValue(tenantHostKey, profile.tenantHost);
    if (!profile.label.isEmpty())
        m_settings.setValue(labelKey, profile.label);
    if (profile.tier == CredentialTier::Organization && !profile.subscriptionIds.isEmpty())
        m_settings.setValue(subscriptionsKey, profile.subscriptionIds);
    m_settings.endGroup();
    m_settings.endGroup();
    m_settings.sync();
    if (const QString status = settingsStatusText(m_settings.status()); !status.isEmpty())
        return u"could not save profile '%1' to %2: %3"_s.arg(profile.name, m_settings.fileName(), status);
    return {};
}

QString ProfileStore::remove(const QString &name, QObject *context, Secrets::SecretStore::Completion done)
{
    if (!storedNames().contains(name))
        return u"there is no profile named '%1'"_s.arg(name);
    m_settings.beginGroup(profilesGroup);
    m_settings.remove(name);
    m_settings.endGroup();
    m_settings.sync();
    if (const QString status = settingsStatusText(m_settings.status()); !status.isEmpty())
        return u"could not remove profile '%1' from %2: %3"_s.arg(name, m_settings.fileName(), status);
    qCDebug(lcProfiles) << "removed profile" << name;
    Q_EMIT profileRemoved(name);
    m_secrets->remove(Secrets::SecretStore::oauthClientKey(name), context, std::move(done));
    return {};
}

} // namespace Cloud
