#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include "cloud/resources/user.h"

namespace Ops {

// Step type "recovery-admin": a person of the source tenant (found by email) is a TenantAdmin of
// the target tenant under the same subject, so they can log in with their Qlik Account even when
// the tenant's own identity provider fails (FACTS §5.1 "Recovery/interactive admin", §16 steps 7–8).
//
//     {"id": "admin", "type": "recovery-admin", "params": {
//         "source": "acme-source.eu.qlikcloud.com", "email": "alex.morgan@acme-analytics.example"}}
//
// Outputs: userId (on the target), subject. The user is looked up on the target by subject (the
// same in every tenant); POST /v1/users answers 409 for a subject that exists, which here means an
// earlier create whose answer was lost: look again. An existing user without TenantAdmin gets it
// added to its roles (PATCH replaces the whole list, so the others are kept).
class RecoveryAdminStep : public CloudStep
{
    Q_OBJECT

public:
    RecoveryAdminStep(const StepContext &context, QObject *parent);
    ~RecoveryAdminStep() override;
    Q_DISABLE_COPY_MOVE(RecoveryAdminStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    void findOnTarget(const Cloud::User &person);
    [[nodiscard]] QString email() const;
    [[nodiscard]] QString source() const;
    [[nodiscard]] static QJsonObject outputs(const QString &id, const QString &subject);
};

} // namespace Ops
