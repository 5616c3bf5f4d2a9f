#pragma once

#include "cloud/connecttomap.h"
#include "cloud/credentialcheck.h"
#include "cloud/credentialprofile.h"

#include <memory>
#include <optional>
#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Cloud {
class ProfileStore;
class QlikCliImport;
} // namespace Cloud
namespace Secrets {
class SecretStore;
}

// File → Credentials…: the OAuth client profiles (organization, region, tenant) with add, edit and
// remove, a connection test that shows the bot user a client maps to, and an import of qlik-cli's
// contexts. Profiles are saved in the ProfileStore, secrets only in the OS keychain (asynchronously:
// the keychain is never waited on). The secret field is never filled from the keychain. When the
// keychain is unavailable a banner says so and nothing that needs it can be started.
class CredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsDialog)

public:
    // Neither store is owned. `connectTo` routes the connection test (the sandbox's map in sandbox
    // mode; empty for the real cloud).
    CredentialsDialog(Cloud::ProfileStore *profiles, Secrets::SecretStore *secrets,
                      const Cloud::ConnectToMap &connectTo, QWidget *parent = nullptr);
    // Same, on the stores everyone shares: StoragePaths' profiles file and the "Tenantry" keychain service.
    explicit CredentialsDialog(const Cloud::ConnectToMap &connectTo, QWidget *parent = nullptr);
    ~CredentialsDialog() override;

    [[nodiscard]] QList<Cloud::CredentialProfile> profiles() const;
    // Imports qlik-cli's contexts file at `path` (what "Import from qlik-cli…" does once a file is chosen).
    void importQlikCli(const QString &path);
    // Selects the profile `name` in the list and shows it in the form; false when there is none.
    bool selectProfile(const QString &name);
    // A note above the list on how the profiles relate to the running session (empty: none).
    void setSessionNote(const QString &text);

Q_SIGNALS:
    // A profile was added, changed or removed (the estate reloads with the new set).
    void profilesChanged();
    // The result of a save, remove, test or import was shown (tests wait on this).
    void operationFinished(bool ok, const QString &message);

private:
    CredentialsDialog(std::unique_ptr<Secrets::SecretStore> secrets, const Cloud::ConnectToMap &connectTo,
                      QWidget *parent);
    void buildForm();
    void reloadList(const QString &select = {});
    void startNew();
    void showProfile(const Cloud::CredentialProfile &profile);
    void updateTierRows();
    [[nodiscard]] Cloud::CredentialProfile formProfile() const;
    [[nodiscard]] QString formError(const Cloud::CredentialProfile &profile) const;
    void save();
    void storeProfile(const Cloud::CredentialProfile &profile, bool secretWritten);
    void askRemove();
    void remove(const QString &name);
    void testConnection();
    void showCheck(const Cloud::CredentialCheck::Outcome &outcome);
    void chooseQlikCliFile();
    void showImportReport();
    void probeKeychain();
    void setKeychainAvailable(bool available, const QString &reason);
    void setBusy(bool busy);
    void report(bool ok, const QString &message);

    std::unique_ptr<Secrets::SecretStore> m_ownSecrets; // only with the shared stores
    std::unique_ptr<Cloud::ProfileStore> m_ownProfiles;
    Cloud::ProfileStore *m_profiles;
    Secrets::SecretStore *m_secrets;
    Cloud::CredentialCheck *m_check;
    std::unique_ptr<Cloud::QlikCliImport> m_import;
    std::optional<QString> m_editing; // the profile shown in the form; nullopt for a new one
    bool m_keychainAvailable = true;
    bool m_busy = false;

    QLabel *m_banner = nullptr;
    QLabel *m_sessionNote = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_tierCombo = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QLineEdit *m_tenantHostEdit = nullptr;
    QLineEdit *m_subscriptionsEdit = nullptr;
    QLineEdit *m_labelEdit = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_testResult = nullptr;
};
