#include "commandcontext.h"

#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "cloud/profilestore.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "secrets/clientsecretresolver.h"
#include "secrets/secretstore.h"
#include "tenanttagstore.h"

CommandContext::CommandContext(const QString &commandName)
    : m_output(false)
    , m_commandName(commandName)
{ }

void CommandContext::setGlobals(const Globals &globals)
{
    m_globals = globals;
    m_output = Output(globals.json);
}

// Members go in reverse order: the profile store and resolver before the secret store they use.
CommandContext::~CommandContext() = default;

Secrets::SecretStore &CommandContext::secretStore()
{
    if (!m_secretStore)
        m_secretStore = std::make_unique<Secrets::SecretStore>();
    return *m_secretStore;
}

Secrets::ClientSecretResolver &CommandContext::secretResolver()
{
    if (!m_secretResolver)
        m_secretResolver = std::make_unique<Secrets::ClientSecretResolver>(&secretStore());
    return *m_secretResolver;
}

Cloud::ProfileStore &CommandContext::profileStore()
{
    if (!m_profileStore)
        m_profileStore = std::make_unique<Cloud::ProfileStore>(&secretStore());
    return *m_profileStore;
}

Cloud::TenantInventory &CommandContext::tenantInventory()
{
    if (!m_tenantInventory)
        m_tenantInventory = std::make_unique<Cloud::TenantInventory>();
    return *m_tenantInventory;
}

const TenantTagStore &CommandContext::tenantTags()
{
    if (!m_tenantTags) {
        m_tenantTags = std::make_unique<TenantTagStore>(
            QString(isSandbox() ? TenantTagStore::sandboxGroup : TenantTagStore::cloudGroup));
    }
    return *m_tenantTags;
}

Cloud::CloudClient *CommandContext::client(QString *error)
{
    if (m_client)
        return m_client.get();
    auto client = std::make_unique<Cloud::CloudClient>();
    if (isSandbox()) {
        QString mapError;
        const Cloud::ConnectToMap map = Cloud::ConnectToMap::sandbox(m_globals.sandboxUrl, &mapError);
        if (!mapError.isEmpty()) {
            *error = QStringLiteral("--sandbox-url: ") + mapError;
            return nullptr;
        }
        client->setConnectTo(map);
        m_sandboxCredentials = std::make_unique<Cloud::SandboxCredentials>(&secretResolver());
        client->setProfiles(Cloud::SandboxCredentials::profilesWith(profileStore().profiles()));
        client->setSecretSource(m_sandboxCredentials.get());
    } else {
        client->setProfiles(profileStore().profiles());
        client->setSecretSource(&secretResolver());
    }
    // Alias hostnames do not tell their region; the inventory does.
    for (const Cloud::InventoryTenant &tenant : tenantInventory().tenants())
        client->setHostRegion(tenant.hostname, tenant.region);
    m_client = std::move(client);
    return m_client.get();
}
