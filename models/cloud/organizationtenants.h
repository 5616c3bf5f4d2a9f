#pragma once

#include "cloud/inventorytenant.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace Cloud {

class CloudClient;

// Every tenant Tenantry can name: the organization API's tenants of the given subscriptions
// (FACTS §3.4), every status, then the local inventory's tenants the organization API did not
// list (matched by id or hostname). A subscription that cannot be listed is reported with
// `warning` and the others still count; `finished` comes exactly once, sorted by hostname.
//
//     auto *lister = new Cloud::OrganizationTenants(client, this);
//     connect(lister, &Cloud::OrganizationTenants::finished, this, [](const QList<Entry> &tenants) { ... });
//     lister->start(subscriptionIds, inventory.tenants());
class OrganizationTenants final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganizationTenants)

public:
    struct Entry
    {
        QString id; // empty when only the inventory knows the tenant without its id
        QString hostname; // lower case, the primary one
        QStringList hostnames; // every hostname the tenant answers to
        QString region; // region id, e.g. "eu"; empty when unknown
        QString status; // active | disabled | deleted | ...; empty when only the inventory knows it

        // Active per the organization API, or known only to the inventory.
        [[nodiscard]] bool isUsable() const { return status.isEmpty() || status == QLatin1StringView("active"); }
    };

    explicit OrganizationTenants(CloudClient &client, QObject *parent = nullptr);

    void start(QStringList subscriptionIds, const QList<InventoryTenant> &inventory);
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const QList<Entry> &tenants() const { return m_tenants; }

Q_SIGNALS:
    // One subscription could not be listed (the organization API said why); the listing goes on.
    void warning(const QString &message);
    void finished(const QList<Cloud::OrganizationTenants::Entry> &tenants);

private:
    void subscriptionDone();

    CloudClient &m_client;
    QList<InventoryTenant> m_inventory;
    QList<Entry> m_tenants;
    int m_pending = 0;
    bool m_finished = false;
};

} // namespace Cloud
