#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include "cloud/resources/tenant.h"

#include <QSet>

namespace Ops {

// Step type "tenant": a tenant of the target's region exists with this alias hostname (FACTS §3).
// It is created on register.<region> with the license key read from the source tenant's license
// overview (FACTS §3.1, §16 steps 1–4), then given the alias (PATCH /hostnames/1, FACTS §3.2).
//
//     {"id": "tenant", "type": "tenant", "params": {
//         "alias": "customer-a.eu.qlikcloud.com", "licenseSource": "acme-source.eu.qlikcloud.com"}}
//
// Outputs: tenantId, hostname (the alias: write the target's hostname as "${tenant.hostname}" so
// later steps run on the new tenant), generatedHostname. The alias is how the step finds its
// tenant, through the organization API (console.qlikcloud.com, an organization client is needed).
// POST /v1/tenants is not idempotent: before it, the step lists the subscription's tenants; when
// its answer is lost, the one tenant that appeared since is the step's own (TenantCreationGate
// keeps creations of one subscription in this process apart). Across processes and crashes,
// TenantCreationLedger holds the intent until the alias is set. The license key is read when it is
// needed and never kept: it is not in the probe, the journal or a log.
class TenantStep : public CloudStep
{
    Q_OBJECT

public:
    TenantStep(const StepContext &context, QObject *parent);
    ~TenantStep() override;
    Q_DISABLE_COPY_MOVE(TenantStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;
    void abort() override;

private:
    using LicenseHandler = std::function<void(const QString &licenseKey, const QString &subscriptionId)>;
    // Reads the source tenant's license overview; a blocked reason goes to `blocked`.
    void readLicense(const std::function<void(const QString &reason)> &blocked, LicenseHandler done);
    void listSubscription(const QString &subscriptionId, const QString &filter,
                          std::function<void(const QList<Cloud::Tenant> &)> done);
    // No tenant has the alias: create, unless the ledger holds an unfinished create to adopt.
    void probePendingCreate(const QString &subscriptionId);
    void create(const QString &licenseKey, const QSet<QString> &before);
    void reconcile(const QSet<QString> &before, const Cloud::ApiError &lost);
    void setAlias(const Cloud::Tenant &tenant, bool recovered);
    void releaseGate();

    [[nodiscard]] QString alias() const;
    [[nodiscard]] QString licenseSource() const;
    [[nodiscard]] Cloud::ApiCall consoleCall(const QString &path) const;
    [[nodiscard]] QJsonObject outputs(const QString &id, const QString &generated) const;

    QString m_subscriptionId; // the gate's key while this step holds it
    QString m_ledgerSubscription; // the ledger entry this step opened or adopts
    bool m_waitingForGate = false;
};

} // namespace Ops
