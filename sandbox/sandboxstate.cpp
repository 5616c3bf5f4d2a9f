#include "sandbox/sandboxstate.h"

#include "sandbox/region.h"

namespace Sandbox {

SandboxState::SandboxState(quint64 seed)
    : m_ids(seed)
{ }

SandboxState::~SandboxState() = default;

void SandboxState::clear(quint64 seed)
{
    m_ids.reseed(seed);
    m_byHostname.clear();
    m_tenants.clear();
    m_clients.clear();
    m_subscriptions.clear();
    m_regions.clear();
    m_seedName.clear();
    m_requests.clear();
}

Subscription &SandboxState::addSubscription(Subscription subscription)
{
    m_subscriptions.push_back(std::make_unique<Subscription>(std::move(subscription)));
    return *m_subscriptions.back();
}

Subscription *SandboxState::subscription(const QString &id) const
{
    for (const auto &subscription : m_subscriptions) {
        if (subscription->id == id)
            return subscription.get();
    }
    return nullptr;
}

Subscription *SandboxState::subscriptionByLicenseKey(const QString &licenseKey) const
{
    if (licenseKey.isEmpty())
        return nullptr;
    for (const auto &subscription : m_subscriptions) {
        if (subscription->licenseKey == licenseKey)
            return subscription.get();
    }
    return nullptr;
}

Tenant &SandboxState::addTenant(Tenant tenant)
{
    Tenant &stored = m_tenants.insert(std::move(tenant));
    for (const QString &hostname : std::as_const(stored.hostnames))
        m_byHostname.insert(hostname.toLower(), &stored);
    return stored;
}

Tenant *SandboxState::tenantByHostname(const QString &hostname) const
{
    return m_byHostname.value(hostname.toLower(), nullptr);
}

bool SandboxState::hostnameInUse(const QString &hostname) const
{
    return m_byHostname.contains(hostname.toLower());
}

bool SandboxState::setHostname(Tenant &tenant, qsizetype index, const QString &hostname)
{
    const QString key = hostname.toLower();
    if (Tenant *owner = m_byHostname.value(key, nullptr); owner && owner != &tenant)
        return false;
    if (index < tenant.hostnames.size()) {
        m_byHostname.remove(tenant.hostnames.at(index).toLower());
        tenant.hostnames[index] = key;
    } else {
        tenant.hostnames.append(key);
    }
    m_byHostname.insert(key, &tenant);
    return true;
}

Tenant SandboxState::newTenant(const QString &region, const QString &subscriptionId, const QDateTime &now)
{
    Tenant tenant;
    tenant.id = m_ids.tenantId();
    tenant.name = m_ids.tenantName();
    tenant.region = region;
    tenant.datacenter = Region::byId(region).value_or(Region{}).datacenter;
    tenant.subscriptionId = subscriptionId;
    tenant.createdAt = now;
    tenant.lastUpdated = now;
    tenant.rolePrefix = m_ids.hex(16);
    tenant.hostnames.append(tenant.name + u'.' + region + QStringLiteral(".qlikcloud.com"));
    tenant.groupSettings.createdAt = now;
    tenant.groupSettings.lastUpdatedAt = now;
    return tenant;
}

} // namespace Sandbox
