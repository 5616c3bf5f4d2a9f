#include "cloud/organizationtenants.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudhost.h"
#include "cloud/pager.h"
#include "cloud/region.h"
#include "cloud/resources/resourcepage.h"
#include "cloud/resources/tenant.h"

#include <algorithm>
#include <memory>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

OrganizationTenants::OrganizationTenants(CloudClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void OrganizationTenants::start(QStringList subscriptionIds, const QList<InventoryTenant> &inventory)
{
    m_inventory = inventory;
    m_tenants.clear();
    m_finished = false;
    subscriptionIds.removeDuplicates();
    m_pending = int(subscriptionIds.size());
    if (m_pending == 0) {
        // Keep `finished` asynchronous, like when there is something to list.
        QTimer::singleShot(0, this, [this] {
            ++m_pending;
            subscriptionDone();
        });
        return;
    }
    for (const QString &subscription : std::as_const(subscriptionIds)) {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, u"100"_s);
        query.addQueryItem(u"filter"_s, u"subscriptionId eq \"%1\""_s.arg(subscription));
        Pager *pager = m_client.list(ApiCall::get(CloudHost::console().hostname(), u"/api/core/tenants"_s, query));
        auto listed = std::make_shared<QList<Entry>>();
        auto problem = std::make_shared<QString>();
        connect(pager, &Pager::pageReceived, this, [listed, problem, pager](const ApiPage &page) {
            if (!problem->isEmpty())
                return;
            const Parsed<QList<Tenant>> parsed = ResourcePage<Tenant>::readItems(page.items, &Tenant::readOrganization);
            if (!parsed.ok()) {
                *problem = u"unexpected answer from %1 (page %2): %3"_s.arg(
                    page.response.url.toDisplayString(QUrl::RemoveQuery), QString::number(page.index + 1),
                    parsed.error);
                pager->cancel();
                return;
            }
            for (const Tenant &tenant : *parsed.value) {
                Entry entry;
                entry.id = tenant.id;
                entry.hostnames = tenant.hostnames;
                entry.hostname = tenant.primaryHostname().toLower();
                const std::optional<Region> region = Region::fromAwsCode(tenant.awsRegion);
                entry.region = region ? region->id : InventoryTenant::regionOfHostname(entry.hostname);
                entry.status = tenant.status;
                listed->append(entry);
            }
        });
        connect(pager, &Pager::finished, this, [this, listed, problem](const ApiError &error) {
            // A subscription that fails contributes nothing, not half a listing.
            if (!problem->isEmpty())
                Q_EMIT warning(*problem);
            else if (!error.isNull())
                Q_EMIT warning(error.message());
            else
                m_tenants.append(*listed);
            subscriptionDone();
        });
    }
}

void OrganizationTenants::subscriptionDone()
{
    if (--m_pending > 0)
        return;
    for (const InventoryTenant &known : std::as_const(m_inventory)) {
        const bool listed = std::any_of(m_tenants.cbegin(), m_tenants.cend(), [&known](const Entry &entry) {
            return (!known.tenantId.isEmpty() && entry.id == known.tenantId)
                || entry.hostname == known.hostname.toLower()
                || entry.hostnames.contains(known.hostname, Qt::CaseInsensitive);
        });
        if (!listed)
            m_tenants.append({known.tenantId, known.hostname.toLower(), {known.hostname.toLower()}, known.region, {}});
    }
    std::sort(m_tenants.begin(), m_tenants.end(),
              [](const Entry &a, const Entry &b) { return a.hostname < b.hostname; });
    m_finished = true;
    Q_EMIT finished(m_tenants);
}

} // namespace Cloud
