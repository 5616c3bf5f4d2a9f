#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QPointer>

namespace Secrets {
class SecretStore;
}

namespace Ops {

class JwtSigningKey;

// Step type "embed-check" (issue 6, step 12): a test end user of the consumer group logs in the
// way the customer's portal will — a JWT signed with the onboarding's own key, through
// /login/jwt-session (FACTS §2.4) — and must see every published app in the managed space, asking
// GET /v1/items with its own session (FACTS §11.1).
//
//     {"id": "embed-check", "type": "embed-check", "params": {
//         "issuer": "${jwt.issuer}", "kid": "${jwt.kid}", "keyEntry": "demo-customer",
//         "groups": ["${vars.customer} Viewers"], "spaceId": "${production.spaceId}",
//         "apps": ["${app-1.publishedAppId}"]}}
//
// The first login creates the test user (subject "tenantry-embed-check" unless given): that user is
// what the step creates, so a second run finds it and only checks again (no change when every app
// is visible, blocked with the missing ones when not). Only a key Tenantry generated can sign; a
// customer's own public key leaves nothing to sign with, and the step blocks.
class EmbedCheckStep : public CloudStep
{
    Q_OBJECT

public:
    EmbedCheckStep(const StepContext &context, Secrets::SecretStore *keys, QObject *parent);
    ~EmbedCheckStep() override;
    Q_DISABLE_COPY_MOVE(EmbedCheckStep)

    [[nodiscard]] static StepType type(Secrets::SecretStore *keys);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    struct Sight
    {
        QString userId;
        QStringList missing; // expected app ids the user does not see
    };
    using SightHandler = std::function<void(const Sight &sight)>;

    [[nodiscard]] QString subject() const;
    [[nodiscard]] QString spaceId() const;
    [[nodiscard]] QStringList apps() const;
    [[nodiscard]] QStringList loginCalls() const;
    [[nodiscard]] QString missingText(const QStringList &missing) const;
    void withKey(std::function<void(const JwtSigningKey &key)> done);
    // Logs in as the test user and lists what it sees of the expected apps in the space.
    void look(SightHandler done);
    void lookWithSession(const QByteArray &cookies, SightHandler done);

    QPointer<Secrets::SecretStore> m_keys;
};

} // namespace Ops
