#pragma once

#include "cloud/connecttomap.h"
#include "cloud/credentialprofile.h"
#include "tenanttagstore.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Cloud {
class ClientSecretSource;
class CloudClient;
class TenantInventory;
} // namespace Cloud
class EstateModel;

// What the estate window shows and talks through: one cloud client with its credential profiles,
// the tenant inventory, the tags and the estate tree built from them. Either the configured
// profiles against the real Qlik Cloud, or a sandbox with its seed clients (profiles that live
// only as long as the session: never saved, their secrets never in QSettings).
class EstateSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EstateSession)

public:
    enum class Mode { Cloud, Sandbox };

    struct Setup
    {
        Mode mode = Mode::Cloud;
        QString description; // for the status bar: "Sandbox (demo) on 127.0.0.1:41234"
        QList<Cloud::CredentialProfile> profiles;
        Cloud::ClientSecretSource *secrets = nullptr; // not owned; must outlive the session
        Cloud::ConnectToMap connectTo; // the sandbox's; empty for the real cloud
        QString inventoryFile; // empty: the shared inventory (StoragePaths)
        QString tagGroup = QString(TenantTagStore::cloudGroup); // QSettings group of the tags
        QString tagSettingsFile; // empty: the tags file the GUI and tenantryctl share
    };

    explicit EstateSession(const Setup &setup, QObject *parent = nullptr);
    ~EstateSession() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] bool isSandbox() const { return m_mode == Mode::Sandbox; }
    [[nodiscard]] QString description() const { return m_description; }
    [[nodiscard]] const QList<Cloud::CredentialProfile> &profiles() const;
    // The subscriptions the organization API is asked about: those of the organization profiles
    // (FACTS §3.4), the one place they are kept (tenantryctl credentials set --subscription too).
    [[nodiscard]] QStringList subscriptionIds() const;

    [[nodiscard]] Cloud::CloudClient *client() const { return m_client.get(); }
    [[nodiscard]] Cloud::TenantInventory *inventory() const { return m_inventory.get(); }
    [[nodiscard]] TenantTagStore *tags() const { return m_tags.get(); }
    [[nodiscard]] EstateModel *model() const { return m_model.get(); }

    // New profiles (the credentials dialog): the estate loads again.
    void setProfiles(const QList<Cloud::CredentialProfile> &profiles);

    // One line about the credentials in use: "1 organization, 3 region clients".
    [[nodiscard]] QString profileSummary() const;

Q_SIGNALS:
    void profilesChanged();

private:
    void applyProfiles();

    Mode m_mode;
    QString m_description;
    std::unique_ptr<Cloud::CloudClient> m_client;
    std::unique_ptr<Cloud::TenantInventory> m_inventory;
    std::unique_ptr<TenantTagStore> m_tags;
    std::unique_ptr<EstateModel> m_model;
};
