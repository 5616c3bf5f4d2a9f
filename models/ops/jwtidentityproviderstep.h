#pragma once

#include "ops/cloudstep.h"
#include "ops/jwtsigningkey.h"
#include "ops/steptype.h"

#include <QPointer>

namespace Secrets {
class SecretStore;
}

namespace Ops {

// Step type "jwt-idp": the target tenant has an active JWT identity provider for this issuer and
// key id, whose RSA key pair Tenantry made and keeps: the private key only in the keychain, under
// SecretStore::jwtSigningKeyKey(keyEntry), never in the plan, the journal or a log (FACTS §4.1, §2.4).
//
//     {"id": "jwt", "type": "jwt-idp", "params": {
//         "issuer": "https://login.customer-a.example", "kid": "customer-a-1", "keyEntry": "customer-a"}}
//
// Outputs: idpId, issuer, kid. Found by issuer. A key pair already in the keychain under that name
// is reused, so a create whose answer was lost registers the same public key when it is tried
// again. With "publicKey" instead of "keyEntry" the customer's own public key or certificate is
// registered, and verify can only read the provider back (the private key is the customer's).
// Verify signs a short-lived test JWT (RS256, the claims FACTS §2.4 lists) and logs in
// through POST /login/jwt-session; the first login creates the check user "verifySubject".
class JwtIdentityProviderStep : public CloudStep
{
    Q_OBJECT

public:
    JwtIdentityProviderStep(const StepContext &context, Secrets::SecretStore *keys, QObject *parent);
    ~JwtIdentityProviderStep() override;
    Q_DISABLE_COPY_MOVE(JwtIdentityProviderStep)

    // `keys` is where signing keys live; null makes every apply and verify fail with a clear message.
    [[nodiscard]] static StepType type(Secrets::SecretStore *keys);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    // Reads the key pair from the keychain; when `create` and there is none, makes one and stores it.
    void withKey(bool create, std::function<void(const JwtSigningKey &key)> done);
    // Registers the public half, a PEM public key or certificate.
    void registerKey(const QString &publicPem);
    [[nodiscard]] bool haveKeychain();

    [[nodiscard]] QString issuer() const;
    [[nodiscard]] QString kid() const;
    [[nodiscard]] QString keyName() const;
    [[nodiscard]] QString importedKey() const; // "publicKey": the customer's PEM, or empty
    [[nodiscard]] QJsonObject outputs(const QString &id) const;

    QPointer<Secrets::SecretStore> m_keys;
};

} // namespace Ops
