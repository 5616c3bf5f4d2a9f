#include "ownershipcommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "networkcommand.h"
#include "tenantselection.h"
#include "texttable.h"

#include "cloud/cloudclient.h"
#include "cloud/credentialprofile.h"
#include "cloud/ownershipaudit.h"
#include "cloud/sandboxcredentials.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

class AuditOwnership final : public NetworkCommand
{
public:
    using NetworkCommand::NetworkCommand;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override
    {
        m_selection.addOptions(parser);
        parser.addOption({u"owner"_s,
                          u"Only what this user owns, by subject (a person, or a bot: qlikbot\\<clientId>)."_s,
                          u"SUBJECT"_s});
        parser.addOption({u"orphaned-bots"_s, u"Only what bots of deleted OAuth clients own."_s});
        parser.addOption(
            {u"profile"_s, u"The credential profile to use on every tenant (default: by tier)."_s, u"NAME"_s});
        parser.addOption({u"concurrency"_s, u"Tenants in parallel (default 8)."_s, u"N"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        if (const QString error = m_selection.read(parser); !error.isEmpty()) {
            usageError(error);
            return;
        }
        if (parser.isSet(u"owner"_s) && parser.isSet(u"orphaned-bots"_s)) {
            usageError(u"--owner and --orphaned-bots cannot be combined"_s);
            return;
        }
        m_options.selection = Cloud::OwnershipAudit::Selection::AllBots;
        if (parser.isSet(u"orphaned-bots"_s))
            m_options.selection = Cloud::OwnershipAudit::Selection::OrphanedBots;
        if (parser.isSet(u"owner"_s)) {
            m_options.selection = Cloud::OwnershipAudit::Selection::Subject;
            m_options.subject = parser.value(u"owner"_s).trimmed();
            if (m_options.subject.isEmpty()) {
                usageError(u"--owner needs a subject"_s);
                return;
            }
        }
        if (parser.isSet(u"concurrency"_s)) {
            bool ok = false;
            m_options.concurrentTenants = parser.value(u"concurrency"_s).toInt(&ok);
            if (!ok || m_options.concurrentTenants < 1 || m_options.concurrentTenants > 256) {
                usageError(u"--concurrency takes a number from 1 to 256"_s);
                return;
            }
        }
        m_options.profileName = parser.value(u"profile"_s);
        m_client = clientOrUsageError();
        if (!m_client)
            return;
        if (!m_options.profileName.isEmpty() && !m_client->credentials().profile(m_options.profileName)) {
            usageError(u"--profile: no credential profile '%1'"_s.arg(m_options.profileName));
            return;
        }
        for (const Cloud::CredentialProfile &profile : m_client->profiles())
            m_options.configuredClientIds.insert(profile.clientId);
        findDeletedClients();
    }

private:
    // Only the sandbox can say a region client is gone; on the real cloud, no API lists region
    // clients (FACTS §2.2, §18.10), so unconfigured bots stay "unknown" there.
    void findDeletedClients()
    {
        if (!context().isSandbox()) {
            chooseTenants();
            return;
        }
        Cloud::SandboxCredentials::fetchDeletedClientIds(*m_client, this,
                                                         [this](const QStringList &ids, const QString &error) {
                                                             if (!error.isEmpty()) {
                                                                 fail(error);
                                                                 return;
                                                             }
                                                             for (const QString &id : ids)
                                                                 m_options.deletedClientIds.insert(id);
                                                             chooseTenants();
                                                         });
    }

    void chooseTenants()
    {
        connect(&m_selection, &TenantSelection::failed, this, [this](const QString &message) { fail(message); });
        connect(&m_selection, &TenantSelection::finished, this,
                [this](const QList<Cloud::OrganizationTenants::Entry> &tenants) {
                    for (const Cloud::OrganizationTenants::Entry &tenant : tenants)
                        m_hosts.append(tenant.hostname);
                    audit();
                });
        m_selection.start(*m_client);
    }

    void audit()
    {
        m_timer.start();
        m_audit = new Cloud::OwnershipAudit(*m_client, m_options, this);
        connect(m_audit, &Cloud::OwnershipAudit::finished, this, [this] { print(); });
        m_audit->start(m_hosts);
    }

    void print()
    {
        const QList<Cloud::TenantOwnership> &results = m_audit->results();
        bool failed = false;
        for (const Cloud::TenantOwnership &tenant : results) {
            if (!tenant.error.isEmpty()) {
                failed = true;
                context().output().error(tenant.hostname + u": "_s + tenant.error);
            }
        }
        if (context().output().isJson())
            printJson(results);
        else
            printTables(results);
        finish(failed ? ExitFailed : ExitOk);
    }

    [[nodiscard]] static QString standingOf(const Cloud::TenantOwnership &tenant, const QString &userId)
    {
        const Cloud::BotIdentity *bot = tenant.bot(userId);
        return bot ? Cloud::BotIdentity::standingName(bot->standing) : u"user"_s;
    }

    void printJson(const QList<Cloud::TenantOwnership> &results) const
    {
        QJsonArray tenants;
        int owned = 0;
        for (const Cloud::TenantOwnership &tenant : results) {
            QJsonArray bots;
            for (const Cloud::BotIdentity &bot : tenant.bots)
                bots.append(QJsonObject{{u"id"_s, bot.user.id},
                                        {u"name"_s, bot.user.name},
                                        {u"subject"_s, bot.user.subject},
                                        {u"clientId"_s, bot.user.clientId},
                                        {u"standing"_s, Cloud::BotIdentity::standingName(bot.standing)},
                                        {u"basis"_s, bot.basis}});
            QJsonArray owners;
            for (const Cloud::User &owner : tenant.owners) {
                const auto count
                    = std::count_if(tenant.resources.cbegin(), tenant.resources.cend(),
                                    [&owner](const Cloud::OwnedResource &r) { return r.ownerId == owner.id; });
                owners.append(QJsonObject{{u"id"_s, owner.id},
                                          {u"subject"_s, owner.subject},
                                          {u"name"_s, owner.name},
                                          {u"standing"_s, standingOf(tenant, owner.id)},
                                          {u"owns"_s, int(count)}});
            }
            QJsonArray resources;
            for (const Cloud::OwnedResource &resource : tenant.resources)
                resources.append(resource.toJson());
            owned += int(tenant.resources.size());
            QJsonObject json{{u"tenant"_s, tenant.hostname},
                             {u"bots"_s, bots},
                             {u"owners"_s, owners},
                             {u"resources"_s, resources},
                             {u"requests"_s, tenant.requests}};
            if (!tenant.error.isEmpty())
                json.insert(u"error"_s, tenant.error);
            tenants.append(json);
        }
        context().output().json({{u"tenants"_s, tenants},
                                 {u"owned"_s, owned},
                                 {u"requests"_s, m_audit->requestCount()},
                                 {u"elapsedMs"_s, qint64(m_timer.elapsed())}});
    }

    void printTables(const QList<Cloud::TenantOwnership> &results) const
    {
        TextTable table({u"TENANT"_s, u"OWNER"_s, u"STANDING"_s, u"TYPE"_s, u"NAME"_s, u"ID"_s, u"SPACE"_s});
        TextTable summary({u"TENANT"_s, u"BOTS"_s, u"ACTIVE"_s, u"ORPHANED"_s, u"UNKNOWN"_s, u"OWNED"_s, u"ERROR"_s});
        for (const Cloud::TenantOwnership &tenant : results) {
            for (const Cloud::OwnedResource &resource : tenant.resources) {
                const Cloud::User *owner = tenant.owner(resource.ownerId);
                table.addRow({tenant.hostname, owner ? owner->name + u" ("_s + owner->subject + u')' : resource.ownerId,
                              standingOf(tenant, resource.ownerId), resource.type, resource.name, resource.id,
                              resource.spaceId.isEmpty() ? u"personal"_s : resource.spaceId});
            }
            auto count = [&tenant](Cloud::BotIdentity::Standing standing) {
                return QString::number(
                    std::count_if(tenant.bots.cbegin(), tenant.bots.cend(),
                                  [standing](const Cloud::BotIdentity &b) { return b.standing == standing; }));
            };
            summary.addRow({tenant.hostname, QString::number(tenant.bots.size()),
                            count(Cloud::BotIdentity::Standing::Active), count(Cloud::BotIdentity::Standing::Orphaned),
                            count(Cloud::BotIdentity::Standing::Unknown), QString::number(tenant.resources.size()),
                            tenant.error.isEmpty() ? QString() : u"yes"_s});
        }
        if (table.rowCount() > 0)
            context().output().table(table);
        else
            context().output().line(u"Nothing owned by the selected users."_s);
        context().output().line(QString());
        context().output().table(summary);
    }

    Cloud::CloudClient *m_client = nullptr;
    Cloud::OwnershipAudit::Options m_options;
    Cloud::OwnershipAudit *m_audit = nullptr;
    TenantSelection m_selection{context(), TenantSelection::Selectors::TenantsOrAll};
    QStringList m_hosts;
    QElapsedTimer m_timer;
};

} // namespace

void OwnershipCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"ownership"_s, u"Bot users and what they own, across tenants."_s);
    registry.add({u"ownership"_s, u"audit"_s,
                  u"List bot users (active, orphaned, unknown) and what they or a chosen user own."_s,
                  u"(--tenants H1,H2|--all) [--owner SUBJECT|--orphaned-bots] [--profile NAME] [--concurrency N]"_s,
                  CommandRegistry::factoryOf<AuditOwnership>()});
}
