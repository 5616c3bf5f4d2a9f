#include "tenantscommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "listfetch.h"
#include "networkcommand.h"
#include "texttable.h"

#include "cloud/cloudhost.h"
#include "cloud/profilestore.h"
#include "cloud/region.h"
#include "cloud/resources/tenant.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

// One line of the merged list: a tenant the organization API reports, the inventory knows, or both.
struct TenantRow
{
    QString id;
    QString name;
    QString hostname; // the alias when there is one: that is the name people know
    QStringList hostnames;
    QString region; // region id, e.g. "eu"
    QString status;
    QString subscriptionId;
    QString label;
    QStringList sources; // "organization", "inventory"

    [[nodiscard]] bool matches(const QString &text) const
    {
        if (text.isEmpty())
            return true;
        const auto has = [&](const QString &value) { return value.contains(text, Qt::CaseInsensitive); };
        return has(id) || has(name) || has(label) || std::any_of(hostnames.cbegin(), hostnames.cend(), has);
    }

    [[nodiscard]] QJsonObject toJson() const
    {
        return {{u"id"_s, id},
                {u"name"_s, name},
                {u"hostname"_s, hostname},
                {u"hostnames"_s, QJsonArray::fromStringList(hostnames)},
                {u"region"_s, region},
                {u"status"_s, status},
                {u"subscriptionId"_s, subscriptionId},
                {u"label"_s, label},
                {u"sources"_s, QJsonArray::fromStringList(sources)}};
    }
};

class ListTenants final : public NetworkCommand
{
public:
    using NetworkCommand::NetworkCommand;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addOption({u"region"_s, u"Only tenants of this region id, e.g. eu."_s, u"REGION"_s});
        parser.addOption(
            {u"filter"_s, u"Only tenants whose hostname, name, id or label contains TEXT (any case)."_s, u"TEXT"_s});
        parser.addOption({u"subscription"_s,
                          u"Organization API: list this subscription (repeat for several) instead of the ones saved "
                          "with the organization profile."_s,
                          u"ID"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        if (parser.isSet(u"region"_s)) {
            m_region = Cloud::Region::fromId(parser.value(u"region"_s));
            if (!m_region) {
                usageError(u"--region: unknown region '%1' (known: %2)"_s.arg(parser.value(u"region"_s),
                                                                              Cloud::Region::knownIds()));
                return;
            }
        }
        m_filter = parser.value(u"filter"_s);
        for (const QString &problem : context().tenantInventory().problems())
            context().output().warning(problem);

        const QList<Cloud::CredentialProfile> profiles = context().profileStore().profiles();
        QList<Cloud::CredentialProfile> organizationProfiles;
        std::copy_if(profiles.cbegin(), profiles.cend(), std::back_inserter(organizationProfiles),
                     [](const Cloud::CredentialProfile &p) { return p.tier == Cloud::CredentialTier::Organization; });
        if (!context().isSandbox() && organizationProfiles.isEmpty()) {
            m_organizationNote = u"no organization client configured: listing the local inventory only"_s;
            context().output().warning(m_organizationNote);
            print({});
            return;
        }
        m_client = clientOrUsageError();
        if (!m_client)
            return;

        // The organization API lists one subscription at a time (FACTS §3.4: its filter must name one).
        if (parser.isSet(u"subscription"_s)) {
            listSubscriptions(parser.values(u"subscription"_s));
            return;
        }
        if (context().isSandbox()) { // the seed organization client: its subscriptions are seed data
            Cloud::SandboxCredentials::fetchSubscriptionIds(*m_client, this,
                                                            [this](const QStringList &ids, const QString &error) {
                                                                if (!error.isEmpty())
                                                                    organizationFailed(error);
                                                                else
                                                                    listSubscriptions(ids);
                                                            });
            return;
        }
        QStringList saved;
        for (const Cloud::CredentialProfile &profile : std::as_const(organizationProfiles))
            saved += profile.subscriptionIds;
        if (!saved.isEmpty()) {
            listSubscriptions(saved);
            return;
        }
        organizationFailed(
            u"the organization profile '%1' names no subscription: add one with 'tenantryctl "
            "credentials set %1 --subscription ID' or pass --subscription"_s.arg(organizationProfiles.first().name));
    }

private:
    void listSubscriptions(QStringList subscriptions)
    {
        subscriptions.removeDuplicates();
        m_usedOrganizationApi = true;
        m_subscriptions = subscriptions;
        m_pending = subscriptions.size();
        if (m_pending == 0) {
            organizationFailed(u"no subscription to list"_s);
            return;
        }
        for (const QString &subscription : std::as_const(subscriptions)) {
            QStringList filters{u"subscriptionId eq \"%1\""_s.arg(subscription)};
            if (m_region)
                filters << u"regionCode eq \"%1\""_s.arg(m_region->awsCode);
            QUrlQuery query;
            query.addQueryItem(u"limit"_s, u"100"_s);
            query.addQueryItem(u"filter"_s, filters.join(u" and "_s));
            ListFetch::all<Cloud::Tenant>(
                *m_client, Cloud::ApiCall::get(Cloud::CloudHost::console().hostname(), u"/api/core/tenants"_s, query),
                this, &Cloud::Tenant::readOrganization,
                [this](const QList<Cloud::Tenant> &tenants, const QString &error) {
                    if (!error.isEmpty() && m_organizationError.isEmpty()) {
                        m_organizationError = error;
                        context().output().warning(u"the organization API could not be listed: "_s + error);
                    }
                    m_organizationTenants += tenants;
                    if (--m_pending == 0)
                        print(m_organizationTenants);
                });
        }
    }

    void organizationFailed(const QString &error)
    {
        m_organizationError = error;
        context().output().warning(u"the organization API could not be listed: "_s + error);
        print({});
    }

    void print(const QList<Cloud::Tenant> &organizationTenants)
    {
        QList<TenantRow> rows;
        QHash<QString, qsizetype> byHostname;
        QHash<QString, qsizetype> byId;
        rows.reserve(organizationTenants.size());
        for (const Cloud::Tenant &tenant : organizationTenants) {
            if (byId.contains(tenant.id))
                continue; // listed under two subscriptions
            TenantRow row;
            row.id = tenant.id;
            row.name = tenant.name;
            row.hostnames = tenant.hostnames;
            row.hostname = tenant.hostnames.value(1, tenant.primaryHostname());
            const std::optional<Cloud::Region> region = Cloud::Region::fromAwsCode(tenant.awsRegion);
            row.region = region ? region->id : tenant.awsRegion;
            row.status = tenant.status;
            row.subscriptionId = tenant.subscriptionId;
            row.sources << u"organization"_s;
            for (const QString &hostname : std::as_const(row.hostnames))
                byHostname.insert(hostname.toLower(), rows.size());
            byId.insert(row.id, rows.size());
            rows.append(std::move(row));
        }

        for (const Cloud::InventoryTenant &entry : context().tenantInventory().tenants()) {
            if (m_region && entry.region != m_region->id)
                continue;
            qsizetype index = byHostname.value(entry.hostname, -1);
            if (index < 0 && !entry.tenantId.isEmpty())
                index = byId.value(entry.tenantId, -1);
            if (index >= 0) {
                rows[index].sources << u"inventory"_s;
                rows[index].label = entry.label;
                continue;
            }
            TenantRow row;
            row.id = entry.tenantId;
            row.name = entry.name;
            row.hostname = entry.hostname;
            row.hostnames = {entry.hostname};
            row.region = entry.region;
            row.label = entry.label;
            row.sources << u"inventory"_s;
            rows.append(std::move(row));
        }

        rows.removeIf([this](const TenantRow &row) { return !row.matches(m_filter); });
        std::sort(rows.begin(), rows.end(),
                  [](const TenantRow &a, const TenantRow &b) { return a.hostname < b.hostname; });

        if (context().output().isJson()) {
            QJsonArray array;
            for (const TenantRow &row : std::as_const(rows))
                array.append(row.toJson());
            QJsonObject organization{{u"used"_s, m_usedOrganizationApi},
                                     {u"subscriptionIds"_s, QJsonArray::fromStringList(m_subscriptions)}};
            if (!m_organizationError.isEmpty())
                organization.insert(u"error"_s, m_organizationError);
            if (!m_organizationNote.isEmpty())
                organization.insert(u"note"_s, m_organizationNote);
            context().output().json(
                {{u"tenants"_s, array}, {u"count"_s, rows.size()}, {u"organizationApi"_s, organization}});
        } else if (rows.isEmpty()) {
            context().output().line(u"No tenants."_s);
        } else {
            TextTable table({u"HOSTNAME"_s, u"NAME"_s, u"REGION"_s, u"STATUS"_s, u"SOURCE"_s, u"LABEL"_s});
            for (const TenantRow &row : std::as_const(rows))
                table.addRow({row.hostname, row.name, row.region, row.status, row.sources.join(u'+'), row.label});
            context().output().table(table);
        }
        finish(m_organizationError.isEmpty() ? ExitOk : ExitFailed);
    }

    std::optional<Cloud::Region> m_region;
    QString m_filter;
    Cloud::CloudClient *m_client = nullptr;
    QStringList m_subscriptions;
    qsizetype m_pending = 0;
    QList<Cloud::Tenant> m_organizationTenants;
    bool m_usedOrganizationApi = false;
    QString m_organizationError;
    QString m_organizationNote;
};

class AddTenant final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"HOST"_s, u"The tenant's hostname, e.g. acme.eu.qlikcloud.com."_s);
        parser.addOption({u"region"_s, u"Region id, for hostnames that do not show it."_s, u"REGION"_s});
        parser.addOption({u"label"_s, u"Free text shown in lists."_s, u"TEXT"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            usageError(u"tenants add takes one tenant HOST"_s);
            return;
        }
        Cloud::InventoryTenant tenant = Cloud::InventoryTenant::fromHostname(parser.positionalArguments().first());
        if (parser.isSet(u"region"_s))
            tenant.region = parser.value(u"region"_s).trimmed().toLower();
        tenant.label = parser.value(u"label"_s);
        if (const QString invalid = tenant.validationError(); !invalid.isEmpty()) {
            usageError(invalid);
            return;
        }
        Cloud::TenantInventory &inventory = context().tenantInventory();
        if (const QString error = inventory.add(tenant); !error.isEmpty()) {
            fail(error);
            return;
        }
        const Cloud::InventoryTenant added = *inventory.tenant(tenant.hostname);
        if (context().output().isJson())
            context().output().json({{u"added"_s, added.toJson()}});
        else
            context().output().line(
                u"Added %1 (region %2) to the tenant inventory."_s.arg(added.hostname, added.region));
        finish(ExitOk);
    }
};

class RemoveTenant final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"HOST"_s, u"The tenant hostname to drop from the local inventory."_s);
    }

    void run(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            usageError(u"tenants remove takes one tenant HOST"_s);
            return;
        }
        const QString host = parser.positionalArguments().first().trimmed().toLower();
        if (const QString error = context().tenantInventory().remove(host); !error.isEmpty()) {
            fail(error);
            return;
        }
        if (context().output().isJson())
            context().output().json({{u"removed"_s, host}});
        else
            context().output().line(
                u"Removed %1 from the tenant inventory (the tenant itself is untouched)."_s.arg(host));
        finish(ExitOk);
    }
};

} // namespace

void TenantsCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"tenants"_s, u"Tenants: the organization API and the local inventory."_s);
    registry.add({u"tenants"_s, u"list"_s, u"List tenants from the organization API and the local inventory."_s,
                  u"[--region R] [--filter TEXT]"_s, CommandRegistry::factoryOf<ListTenants>()});
    registry.add({u"tenants"_s, u"add"_s, u"Add a tenant to the local inventory by hostname."_s, u"HOST"_s,
                  CommandRegistry::factoryOf<AddTenant>()});
    registry.add({u"tenants"_s, u"remove"_s, u"Remove a tenant from the local inventory."_s, u"HOST"_s,
                  CommandRegistry::factoryOf<RemoveTenant>()});
}
