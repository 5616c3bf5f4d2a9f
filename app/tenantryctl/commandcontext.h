#pragma once

#include "output.h"

#include <memory>
#include <QUrl>

namespace Cloud {
class CloudClient;
class ProfileStore;
class SandboxCredentials;
class TenantInventory;
} // namespace Cloud
namespace Secrets {
class ClientSecretResolver;
class SecretStore;
} // namespace Secrets
class TenantTagStore;

// What a running command shares with the rest of tenantryctl: the global options, the output,
// and the stores and services it may need, created on first use.
class CommandContext
{
public:
    struct Globals
    {
        bool json = false;
        bool verbose = false;
        QUrl sandboxUrl; // empty: the real Qlik Cloud
    };

    explicit CommandContext(const QString &commandName);
    ~CommandContext();
    CommandContext(const CommandContext &) = delete;
    CommandContext &operator=(const CommandContext &) = delete;

    // Set once the command line is parsed, before the command runs.
    void setGlobals(const Globals &globals);
    [[nodiscard]] const Globals &globals() const { return m_globals; }
    [[nodiscard]] const Output &output() const { return m_output; }
    [[nodiscard]] const QString &commandName() const { return m_commandName; } // "tenants list"

    [[nodiscard]] Secrets::SecretStore &secretStore();
    [[nodiscard]] Secrets::ClientSecretResolver &secretResolver();
    [[nodiscard]] Cloud::ProfileStore &profileStore();
    [[nodiscard]] Cloud::TenantInventory &tenantInventory();
    // The tags the GUI puts on tenants (--tag): the sandbox's with --sandbox-url, as the GUI keeps
    // them for its sandbox sessions, otherwise Qlik Cloud's.
    [[nodiscard]] const TenantTagStore &tenantTags();

    // The REST client: the saved profiles and their keychain (or environment) secrets; with
    // --sandbox-url every *.qlikcloud.com host goes to the sandbox and its seed clients come first.
    // Null, with `error` set, when the sandbox URL is not acceptable.
    [[nodiscard]] Cloud::CloudClient *client(QString *error);
    [[nodiscard]] bool isSandbox() const { return !m_globals.sandboxUrl.isEmpty(); }

private:
    Globals m_globals;
    Output m_output;
    QString m_commandName;
    std::unique_ptr<Secrets::SecretStore> m_secretStore;
    std::unique_ptr<Secrets::ClientSecretResolver> m_secretResolver;
    std::unique_ptr<Cloud::ProfileStore> m_profileStore;
    std::unique_ptr<Cloud::TenantInventory> m_tenantInventory;
    std::unique_ptr<TenantTagStore> m_tenantTags;
    std::unique_ptr<Cloud::SandboxCredentials> m_sandboxCredentials;
    std::unique_ptr<Cloud::CloudClient> m_client; // last: it uses the secret sources above
};
