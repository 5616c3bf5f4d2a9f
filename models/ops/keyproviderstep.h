#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QJsonObject>

namespace Ops {

// Step type "key-provider" (issue 6 step 9b; spec /v1/encryption/keyproviders): the customer's
// AWS KMS key is registered with the tenant, tested, and — unless `migrate` is false — the tenant
// is migrated to it (its provider is `current`).
//
//     {"id": "cmk", "type": "key-provider", "params": {"name": "Northwind CMK",
//         "arn": "arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b"}}
//
// The provider is found by its ARN in GET /v1/encryption/keyproviders (the spec's list holds it
// under "errors", sic); its id is the arnFingerPrint Qlik assigns, never computed here. Missing:
// POST, then POST .../{arnFingerPrint}/actions/test, then .../actions/migrate. Present: PATCH a
// changed name or description; test and migrate when it is not current. A test whose answer is not
// DR compliant (drCompliant false or a complianceError) fails the step with Qlik's text and the
// tenant is never migrated; the next run tests again. The migration itself runs on Qlik's side
// for a while; verify checks that the key is current and that migration/actions/details names it.
//
// Outputs: keyProviderId (the arnFingerPrint), arn.
class KeyProviderStep : public CloudStep
{
    Q_OBJECT

public:
    KeyProviderStep(const StepContext &context, QObject *parent);
    ~KeyProviderStep() override;
    Q_DISABLE_COPY_MOVE(KeyProviderStep)

    [[nodiscard]] static StepType type();
    // arn:aws:kms:<region>:<12-digit account>:key/<uuid | mrk-<32 hex>>, as the plan schema checks it.
    [[nodiscard]] static QString arnPattern();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] QString arn() const;
    [[nodiscard]] QString name() const;
    [[nodiscard]] bool migrate() const;
    [[nodiscard]] QJsonObject outputs(const QString &fingerprint) const;
    [[nodiscard]] QString path(const QString &fingerprint, const QString &action = {}) const;
    // The registered provider with arn() in a list answer; empty when there is none.
    [[nodiscard]] QJsonObject registered(const QJsonObject &list) const;
    // Why Qlik's test of the key failed (from the tested provider); empty when it passed.
    [[nodiscard]] static QString testFailure(const QJsonObject &provider);
    // Test, then migrate (when planned); `summary` says what happened before.
    void testAndMigrate(const QString &fingerprint, bool created, bool runMigration);
};

} // namespace Ops
