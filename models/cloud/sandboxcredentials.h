#pragma once

#include "cloud/clientsecretsource.h"
#include "cloud/credentialprofile.h"

#include <functional>
#include <QList>
#include <QStringList>

namespace Cloud {

class CloudClient;

// The seed OAuth clients every tenantry-sandbox has (sandbox/README.md): the organization client
// `sandbox-org` and one region client `sandbox-region-<region>` per region, each with the secret
// "<client id>-secret". They are public test values, so they come from here and never touch the
// keychain. Only for a client whose connect-to map points at a sandbox.
//
// Saved profiles can be used next to the seeds (a client the sandbox recreated, say): their
// secrets come from `savedSecrets`.
class SandboxCredentials final : public ClientSecretSource
{
public:
    explicit SandboxCredentials(ClientSecretSource *savedSecrets = nullptr);

    // The organization profile and a region profile for every region Tenantry knows; a region the
    // sandbox did not seed simply refuses its token. The organization profile lists `subscriptionIds`.
    [[nodiscard]] static QList<CredentialProfile> profiles(const QStringList &subscriptionIds = {});
    // The seeds first, then each saved profile whose name is not a seed's.
    [[nodiscard]] static QList<CredentialProfile> profilesWith(const QList<CredentialProfile> &saved);
    [[nodiscard]] static bool isSeedProfile(const QString &profileName);

    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const SecretLookup &)> done) override;

    // The subscriptions the seed organization client can list. They are seed data like the
    // clients, but random per seed, so they are read from the sandbox's control surface
    // (GET /__sandbox/state?content=false). `done` gets the ids, or what went wrong.
    static void fetchSubscriptionIds(CloudClient &client, QObject *context,
                                     std::function<void(const QStringList &ids, const QString &error)> done);

    // The OAuth clients the sandbox has deleted (`"deleted": true` in its state): the only place that
    // can say a region client is gone (Qlik lists region clients nowhere, FACTS §2.2).
    static void fetchDeletedClientIds(CloudClient &client, QObject *context,
                                      std::function<void(const QStringList &ids, const QString &error)> done);

private:
    ClientSecretSource *m_savedSecrets;
};

} // namespace Cloud
