#include "estatesession.h"

#include "cloud/cloudclient.h"
#include "cloud/tenantinventory.h"
#include "estatemodel.h"
#include "tenanttagstore.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

EstateSession::EstateSession(const Setup &setup, QObject *parent)
    : QObject(parent)
    , m_mode(setup.mode)
    , m_description(setup.description)
    , m_client(std::make_unique<Cloud::CloudClient>())
    , m_inventory(setup.inventoryFile.isEmpty() ? std::make_unique<Cloud::TenantInventory>()
                                                : std::make_unique<Cloud::TenantInventory>(setup.inventoryFile))
    , m_tags(setup.tagSettingsFile.isEmpty() ? std::make_unique<TenantTagStore>(setup.tagGroup)
                                             : std::make_unique<TenantTagStore>(setup.tagSettingsFile, setup.tagGroup))
    , m_model(std::make_unique<EstateModel>())
{
    if (!setup.connectTo.isEmpty())
        m_client->setConnectTo(setup.connectTo);
    m_client->setSecretSource(setup.secrets);
    m_client->setProfiles(setup.profiles);
    m_model->setClient(m_client.get());
    m_model->setInventory(m_inventory.get());
    m_model->setTagStore(m_tags.get());
    applyProfiles();
}

EstateSession::~EstateSession()
{
    // The model cancels its loads through the client: it goes first.
    m_model.reset();
}

const QList<Cloud::CredentialProfile> &EstateSession::profiles() const
{
    return m_client->profiles();
}

QStringList EstateSession::subscriptionIds() const
{
    return m_model->subscriptionIds();
}

void EstateSession::setProfiles(const QList<Cloud::CredentialProfile> &profiles)
{
    m_client->setProfiles(profiles);
    applyProfiles();
    Q_EMIT profilesChanged();
}

void EstateSession::applyProfiles()
{
    const QList<Cloud::CredentialProfile> &profiles = m_client->profiles();
    const auto organization = std::find_if(profiles.cbegin(), profiles.cend(), [](const Cloud::CredentialProfile &p) {
        return p.tier == Cloud::CredentialTier::Organization;
    });
    QString label;
    if (isSandbox())
        label = tr("Sandbox organization");
    else if (organization != profiles.cend())
        label = organization->label.isEmpty() ? organization->name : organization->label;
    else
        label = tr("Tenants");
    QSet<QString> clientIds;
    QStringList subscriptions;
    for (const Cloud::CredentialProfile &profile : profiles) {
        clientIds.insert(profile.clientId);
        if (profile.tier == Cloud::CredentialTier::Organization) {
            for (const QString &subscription : profile.subscriptionIds) {
                if (!subscriptions.contains(subscription))
                    subscriptions.append(subscription);
            }
        }
    }
    m_model->setConfiguredClientIds(clientIds);
    m_model->setOrganization(label, organization != profiles.cend(), subscriptions);
    m_model->reload();
}

QString EstateSession::profileSummary() const
{
    int organization = 0;
    int region = 0;
    int tenant = 0;
    for (const Cloud::CredentialProfile &profile : m_client->profiles()) {
        switch (profile.tier) {
        case Cloud::CredentialTier::Organization:
            ++organization;
            break;
        case Cloud::CredentialTier::Region:
            ++region;
            break;
        case Cloud::CredentialTier::Tenant:
            ++tenant;
            break;
        }
    }
    QStringList parts;
    if (organization > 0)
        parts.append(tr("%n organization client(s)", nullptr, organization));
    if (region > 0)
        parts.append(tr("%n region client(s)", nullptr, region));
    if (tenant > 0)
        parts.append(tr("%n tenant client(s)", nullptr, tenant));
    return parts.isEmpty() ? tr("no credentials") : parts.join(u", "_s);
}
