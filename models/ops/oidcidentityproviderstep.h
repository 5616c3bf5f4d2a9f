#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QPointer>

namespace Secrets {
class SecretStore;
}

namespace Ops {

// Step type "oidc-idp": the customer's own people sign in to the tenant through their OIDC identity
// provider (e.g. Microsoft Entra ID), an interactive IdP (FACTS §4.2). The IdP application's client
// secret lives only in the keychain, under SecretStore::oidcClientSecretKey(clientSecretEntry)
// (`tenantryctl idp-secret set NAME` or the wizard puts it there); the plan names the entry.
//
//     {"id": "login", "type": "oidc-idp", "params": {
//         "provider": "azureAD", "discoveryUrl":
//         "https://login.microsoftonline.com/<dir>/v2.0/.well-known/openid-configuration", "clientId": "<app id>",
//         "clientSecretEntry": "customer-a", "realm": "customer-a"}}
//
// Outputs: idpId. Found by client id among the tenant's OIDC providers, so a create whose answer was
// lost is found by the next probe. A tenant has at most one active interactive IdP: another one
// blocks the step, never replaced silently. Created with "options" and "skipVerify": true, the way
// Qlik documents activating one without a browser round trip; a differing realm, discovery URL or
// claims mapping is patched in place, other option changes replace the options (with the secret).
// Qlik never returns the secret, so a changed secret in the keychain is not noticed by the probe.
// Verify reads the provider back active and checks it is the tenant's only active interactive one;
// an interactive login itself needs a person at a browser.
class OidcIdentityProviderStep : public CloudStep
{
    Q_OBJECT

public:
    OidcIdentityProviderStep(const StepContext &context, Secrets::SecretStore *keys, QObject *parent);
    ~OidcIdentityProviderStep() override;
    Q_DISABLE_COPY_MOVE(OidcIdentityProviderStep)

    // `keys` is where client secrets live; null makes every probe and apply fail with a clear message.
    [[nodiscard]] static StepType type(Secrets::SecretStore *keys);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

    // The claims mapping Qlik's Entra ID example uses (FACTS §4.2), when the plan gives none.
    [[nodiscard]] static QJsonObject defaultClaimsMapping();

protected:
    void probe() override;
    // On a tenant the plan creates: the secret must be in the keychain before anything changes.
    void probeDeferred() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    // Reads the client secret; on failure the step fails (or, when `blockInstead`, is blocked) with why.
    void withSecret(bool blockInstead, std::function<void(const QString &secret)> done);
    // The probe's verdict on one provider of the same client id.
    void judge(const QJsonObject &found, bool otherActiveInteractive, const QString &otherDescription);
    void create();
    void update(const QString &id, const QJsonArray &patch, bool needsSecret);

    // The options the plan asks for; with `secret`, the full object the API takes.
    [[nodiscard]] QJsonObject plannedOptions(const QString &secret = {}) const;
    [[nodiscard]] QString secretEntry() const;
    [[nodiscard]] bool haveKeychain();

    QPointer<Secrets::SecretStore> m_keys;
};

} // namespace Ops
