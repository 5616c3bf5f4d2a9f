#include "tenantselection.h"

#include "commandcontext.h"

#include "cloud/cloudhost.h"
#include "cloud/credentialprofile.h"
#include "cloud/inventorytenant.h"
#include "cloud/profilestore.h"
#include "cloud/region.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "tenanttagstore.h"

#include <QCommandLineParser>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

TenantSelection::TenantSelection(CommandContext &context, Selectors selectors, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_selectors(selectors)
{ }

void TenantSelection::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({u"tenants"_s, u"The tenants, comma-separated hostnames."_s, u"H1,H2"_s});
    if (m_selectors == Selectors::Every) {
        parser.addOption({u"tag"_s, u"Every known tenant with this tag."_s, u"TAG"_s});
        parser.addOption({u"region"_s, u"Every active tenant of this region id, e.g. eu."_s, u"REGION"_s});
    }
    parser.addOption({u"all"_s, u"Every active tenant reachable with the configured credentials."_s});
}

QString TenantSelection::read(const QCommandLineParser &parser)
{
    const bool every = m_selectors == Selectors::Every;
    const int selectors = int(parser.isSet(u"tenants"_s)) + int(parser.isSet(u"all"_s))
        + (every ? int(parser.isSet(u"tag"_s)) + int(parser.isSet(u"region"_s)) : 0);
    if (selectors != 1)
        return every ? u"name the tenants with exactly one of --tenants, --tag, --region, --all"_s
                     : u"name the tenants with exactly one of --tenants, --all"_s;
    m_all = parser.isSet(u"all"_s);
    if (every && parser.isSet(u"region"_s)) {
        m_region = parser.value(u"region"_s);
        if (!Cloud::Region::fromId(m_region))
            return u"--region: unknown region '%1' (known: %2)"_s.arg(m_region, Cloud::Region::knownIds());
    }
    if (every && parser.isSet(u"tag"_s)) {
        m_tag = TenantTagStore::normalizedName(parser.value(u"tag"_s));
        if (m_tag.isEmpty())
            return u"--tag: '%1' is not a tag name"_s.arg(parser.value(u"tag"_s));
    }
    if (!parser.isSet(u"tenants"_s))
        return {};
    for (const QString &host : parser.value(u"tenants"_s).split(u',', Qt::SkipEmptyParts)) {
        QString error;
        const Cloud::CloudHost parsed = Cloud::CloudHost::parse(host.trimmed(), &error);
        if (!parsed.isValid() || parsed.kind() != Cloud::CloudHost::Kind::Tenant)
            return u"--tenants: '%1' is not a tenant hostname%2"_s.arg(
                host, error.isEmpty() ? QString() : u" ("_s + error + u')');
        const QString &hostname = parsed.hostname();
        if (std::none_of(m_explicit.cbegin(), m_explicit.cend(),
                         [&hostname](const Cloud::OrganizationTenants::Entry &e) { return e.hostname == hostname; }))
            m_explicit.append({{}, hostname, {hostname}, Cloud::InventoryTenant::regionOfHostname(hostname), {}});
    }
    if (m_explicit.isEmpty())
        return u"--tenants names no tenant"_s;
    return {};
}

void TenantSelection::start(Cloud::CloudClient &client)
{
    if (!m_explicit.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_explicit); });
        return;
    }
    if (m_context.isSandbox()) {
        Cloud::SandboxCredentials::fetchSubscriptionIds(
            client, this, [this, &client](const QStringList &ids, const QString &error) {
                if (!error.isEmpty())
                    m_context.output().warning(u"the organization API could not be listed: "_s + error);
                list(client, ids);
            });
        return;
    }
    QStringList saved;
    for (const Cloud::CredentialProfile &profile : m_context.profileStore().profiles()) {
        if (profile.tier == Cloud::CredentialTier::Organization)
            saved += profile.subscriptionIds;
    }
    if (saved.isEmpty())
        m_context.output().warning(u"no organization profile with a subscription: using the local inventory only"_s);
    list(client, saved);
}

void TenantSelection::list(Cloud::CloudClient &client, const QStringList &subscriptionIds)
{
    auto *lister = new Cloud::OrganizationTenants(client, this);
    connect(lister, &Cloud::OrganizationTenants::warning, this, [this](const QString &message) {
        m_context.output().warning(u"the organization API could not be listed: "_s + message);
    });
    connect(lister, &Cloud::OrganizationTenants::finished, this,
            [this, lister](const QList<Cloud::OrganizationTenants::Entry> &known) {
                lister->deleteLater();
                choose(known);
            });
    lister->start(subscriptionIds, m_context.tenantInventory().tenants());
}

void TenantSelection::choose(const QList<Cloud::OrganizationTenants::Entry> &known)
{
    const TenantTagStore &tags = m_context.tenantTags();
    QList<Cloud::OrganizationTenants::Entry> chosen;
    for (const Cloud::OrganizationTenants::Entry &tenant : known) {
        if (!m_excluded.isEmpty()
            && (tenant.hostname == m_excluded || tenant.hostnames.contains(m_excluded, Qt::CaseInsensitive)))
            continue;
        if (!tenant.isUsable())
            continue;
        if (!m_region.isEmpty() && tenant.region != m_region)
            continue;
        if (!m_tag.isEmpty() && !tags.hasTag(tenant.id, tenant.hostnames, m_tag))
            continue;
        chosen.append(tenant);
    }
    if (!chosen.isEmpty()) {
        Q_EMIT finished(chosen);
        return;
    }
    if (m_all && m_excluded.isEmpty())
        Q_EMIT failed(u"no tenant is reachable with the configured credentials"_s);
    else if (m_excluded.isEmpty())
        Q_EMIT failed(u"no tenant matches the selection"_s);
    else
        Q_EMIT failed(u"no tenant matches the selection (the source %1 excepted)"_s.arg(m_excluded));
}
