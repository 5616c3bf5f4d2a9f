#pragma once

#include "sandbox/collection.h"
#include "sandbox/entities.h"
#include "sandbox/idgenerator.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace Sandbox {

// Everything the local Qlik Cloud knows: subscriptions, OAuth clients, tenants (and through them
// every tenant-scoped entity), plus the request counters of the state dump. Owned by one
// SandboxServer and touched only from its thread.
class SandboxState
{
    Q_DISABLE_COPY_MOVE(SandboxState)

public:
    explicit SandboxState(quint64 seed = 1);
    ~SandboxState();

    // Empties everything and restarts the id sequence from the seed.
    void clear(quint64 seed);

    [[nodiscard]] IdGenerator &ids() { return m_ids; }

    // Subscriptions (license pools shared by their tenants).
    Subscription &addSubscription(Subscription subscription);
    [[nodiscard]] Subscription *subscription(const QString &id) const;
    [[nodiscard]] Subscription *subscriptionByLicenseKey(const QString &licenseKey) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Subscription>> &subscriptions() const { return m_subscriptions; }

    // OAuth clients, keyed by client id; deleted ones stay (flagged) so the dump can show them.
    [[nodiscard]] Collection<OAuthClient> &clients() { return m_clients; }
    [[nodiscard]] const Collection<OAuthClient> &clients() const { return m_clients; }

    // Tenants. Hostnames are unique across the sandbox and looked up case-insensitively.
    Tenant &addTenant(Tenant tenant);
    [[nodiscard]] Tenant *tenant(const QString &id) const { return m_tenants.find(id); }
    [[nodiscard]] Tenant *tenantByHostname(const QString &hostname) const;
    [[nodiscard]] const Collection<Tenant> &tenants() const { return m_tenants; }
    [[nodiscard]] bool hostnameInUse(const QString &hostname) const;
    // Replaces hostnames[index] (appends when index == size); false when another tenant has it.
    bool setHostname(Tenant &tenant, qsizetype index, const QString &hostname);

    // A new tenant's defaults: role ids, group settings, license settings (no users, no spaces).
    [[nodiscard]] Tenant newTenant(const QString &region, const QString &subscriptionId, const QDateTime &now);

    // Regions that have seeded region clients, in seed order.
    [[nodiscard]] const QStringList &regions() const { return m_regions; }
    void setRegions(const QStringList &regions) { m_regions = regions; }

    [[nodiscard]] const QString &seedName() const { return m_seedName; }
    void setSeedName(const QString &name) { m_seedName = name; }

    // "<METHOD> <path template>" -> count, for the state dump.
    void countRequest(const QString &operation) { ++m_requests[operation]; }
    [[nodiscard]] const QHash<QString, qint64> &requestCounts() const { return m_requests; }

private:
    IdGenerator m_ids;
    std::vector<std::unique_ptr<Subscription>> m_subscriptions;
    Collection<OAuthClient> m_clients;
    Collection<Tenant> m_tenants;
    QHash<QString, Tenant *> m_byHostname;
    QStringList m_regions;
    QString m_seedName;
    QHash<QString, qint64> m_requests;
};

} // namespace Sandbox
