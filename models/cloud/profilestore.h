#pragma once

#include "cloud/credentialprofile.h"
#include "secrets/secretstore.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QSettings>
#include <QStringList>

namespace Cloud {

// The configured OAuth clients, persisted with QSettings (an INI file the GUI and tenantryctl
// share). Only what identifies a client is stored: name, tier, client id, region or tenant host,
// label. Secrets stay in the keychain under SecretStore::oauthClientKey(name).
class ProfileStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    // Profiles in StoragePaths::profilesFile(); `secrets` (not owned) is used to remove secrets.
    explicit ProfileStore(Secrets::SecretStore *secrets, QObject *parent = nullptr);
    ProfileStore(const QString &settingsFile, Secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~ProfileStore() override;

    [[nodiscard]] QString settingsFile() const;

    // Sorted by name. Entries that cannot be read are left out and described by problems().
    [[nodiscard]] QList<CredentialProfile> profiles() const;
    [[nodiscard]] std::optional<CredentialProfile> profile(const QString &name) const;
    [[nodiscard]] QStringList problems() const;

    // What add() would refuse, without saving anything (empty when it would accept the profile).
    [[nodiscard]] QString validateNew(const CredentialProfile &profile) const;

    // Each returns an empty string on success, otherwise what is wrong, naming the field.
    [[nodiscard]] QString add(const CredentialProfile &profile);
    [[nodiscard]] QString update(const CredentialProfile &profile); // matched by name
    // Removes the profile at once, then its keychain secret; `done` gets the keychain's answer
    // (removing a secret that was never stored succeeds). On an error `done` is not called.
    [[nodiscard]] QString remove(const QString &name, QObject *context, Secrets::SecretStore::Completion done);

Q_SIGNALS:
    void profileAdded(const QString &name);
    void profileUpdated(const QString &name);
    void profileRemoved(const QString &name);

private:
    struct ReadOutcome
    {
        QList<CredentialProfile> profiles;
        QStringList problems;
    };
    [[nodiscard]] ReadOutcome readAll() const;
    [[nodiscard]] QStringList storedNames() const;
    [[nodiscard]] QString checkNameClash(const CredentialProfile &profile) const;
    [[nodiscard]] QString write(const CredentialProfile &profile);

    mutable QSettings m_settings;
    Secrets::SecretStore *m_secrets;
};

} // namespace Cloud
