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
#include "ops/builtinsteps.h"
#include "ops/deleteplanbuilder.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/reassignplanbuilder.h"
#include "ops/stepregistry.h"

#include <algorithm>
#include <memory>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

// What `ownership audit` and `ownership reassign` share: the tenant selection, the owners to look
// at, and the audit that lists what they own; subclasses say what to do with it.
class OwnershipCommand : public NetworkCommand
{
public:
    OwnershipCommand(CommandContext &context, TenantSelection::Selectors selectors)
        : NetworkCommand(context)
        , m_selection(context, selectors)
    { }

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
        parser.addOption({u"partner-domain"_s,
                          u"Your own staff's email domain (repeat for several): TenantAdmins of other domains are "
                          u"reported as end customers holding the management console."_s,
                          u"DOMAIN"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        for (const QString &domain : parser.values(u"partner-domain"_s)) {
            const QString normalized = Cloud::TenantOwnership::normalizedDomain(domain);
            if (normalized.isEmpty()) {
                usageError(u"--partner-domain: '%1' is not an email domain (e.g. acme.example)"_s.arg(domain));
                return;
            }
            m_partnerDomains.append(normalized);
        }
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
        if (const QString error = readArguments(parser); !error.isEmpty()) {
            usageError(error);
            return;
        }
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

protected:
    // The subclass's own options; empty when they are fine, otherwise the usage error.
    [[nodiscard]] virtual QString readArguments(const QCommandLineParser &parser) = 0;
    // The audit is done: results() and requestCount() are there.
    virtual void audited() = 0;

    Cloud::CloudClient *m_client = nullptr;
    Cloud::OwnershipAudit::Options m_options;
    Cloud::OwnershipAudit *m_audit = nullptr;
    QStringList m_partnerDomains; // lower case; empty: every person holding TenantAdmin is reported

    // One finding per person holding TenantAdmin outside the partner's domains.
    [[nodiscard]] QJsonArray tenantAdminsJson(const Cloud::TenantOwnership &tenant) const
    {
        const QList<Cloud::User> customers = tenant.customerAdmins(m_partnerDomains);
        QJsonArray admins;
        for (const Cloud::User &admin : tenant.tenantAdmins) {
            const bool customer = std::any_of(customers.cbegin(), customers.cend(),
                                              [&admin](const Cloud::User &user) { return user.id == admin.id; });
            admins.append(QJsonObject{{u"id"_s, admin.id},
                                      {u"subject"_s, admin.subject},
                                      {u"name"_s, admin.name},
                                      {u"email"_s, admin.email},
                                      {u"endCustomer"_s, customer}});
        }
        return admins;
    }
    TenantSelection m_selection;
    QList<Cloud::OrganizationTenants::Entry> m_tenants;
    QElapsedTimer m_timer;

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
                    m_tenants = tenants;
                    audit();
                });
        m_selection.start(*m_client);
    }

    void audit()
    {
        m_timer.start();
        m_audit = new Cloud::OwnershipAudit(*m_client, m_options, this);
        connect(m_audit, &Cloud::OwnershipAudit::finished, this, [this] { audited(); });
        QStringList hosts;
        for (const Cloud::OrganizationTenants::Entry &tenant : std::as_const(m_tenants))
            hosts.append(tenant.hostname);
        m_audit->start(hosts);
    }
};

class AuditOwnership final : public OwnershipCommand
{
public:
    explicit AuditOwnership(CommandContext &context)
        : OwnershipCommand(context, TenantSelection::Selectors::TenantsOrAll)
    { }

protected:
    [[nodiscard]] QString readArguments(const QCommandLineParser &) override
    {
        // Only the audit view reads the TenantAdmin findings and the bots' last activity.
        m_options.tenantAdmins = true;
        m_options.lastActivity = true;
        return {};
    }

    void audited() override
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
                                        {u"basis"_s, bot.basis},
                                        // FACTS §13: the newest audit event; null when there is none
                                        {u"lastActivity"_s,
                                         bot.lastActivity.isValid()
                                             ? QJsonValue(bot.lastActivity.toUTC().toString(Qt::ISODateWithMs))
                                             : QJsonValue()}});
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
                             {u"tenantAdmins"_s, tenantAdminsJson(tenant)},
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
        TextTable bots({u"TENANT"_s, u"BOT"_s, u"SUBJECT"_s, u"STANDING"_s, u"LAST ACTIVITY"_s});
        for (const Cloud::TenantOwnership &tenant : results) {
            for (const Cloud::OwnedResource &resource : tenant.resources) {
                const Cloud::User *owner = tenant.owner(resource.ownerId);
                table.addRow({tenant.hostname, owner ? owner->name + u" ("_s + owner->subject + u')' : resource.ownerId,
                              standingOf(tenant, resource.ownerId), resource.type, resource.name, resource.id,
                              resource.spaceId.isEmpty() ? u"personal"_s : resource.spaceId});
            }
            for (const Cloud::BotIdentity &bot : tenant.bots)
                bots.addRow({tenant.hostname, bot.user.name, bot.user.subject,
                             Cloud::BotIdentity::standingName(bot.standing),
                             bot.lastActivity.isValid() ? bot.lastActivity.toUTC().toString(Qt::ISODate) : u"-"_s});
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
        if (bots.rowCount() > 0) {
            context().output().line(QString());
            context().output().table(bots);
        }
        TextTable findings({u"TENANT"_s, u"TENANTADMIN HELD BY"_s, u"EMAIL"_s, u"SUBJECT"_s});
        for (const Cloud::TenantOwnership &tenant : results) {
            for (const Cloud::User &admin : tenant.customerAdmins(m_partnerDomains))
                findings.addRow({tenant.hostname, admin.name, admin.email, admin.subject});
        }
        if (findings.rowCount() == 0)
            return;
        context().output().line(QString());
        context().output().line(m_partnerDomains.isEmpty()
                                    ? u"People holding TenantAdmin (name your staff's domains with --partner-domain "
                                      u"to keep only end customers):"_s
                                    : u"End customers holding TenantAdmin (the management console):"_s);
        context().output().table(findings);
    }
};

// Moves what the selected owners own to one new owner per tenant (Reassign), or deletes it
// (Delete), as a job of the ops engine: one target per tenant, one step per resource ("owner":
// who owns it now and what the new owner lacks, then the membership and the type's owner-change
// call; "delete": is it still there and still the audited owner's, then the type's DELETE).
// Journals, retries and resume come from the engine; a re-run finds nothing left to do.
class OwnershipJobCommand final : public OwnershipCommand
{
public:
    enum class Kind { Reassign, Delete };

    OwnershipJobCommand(CommandContext &context, Kind kind)
        : OwnershipCommand(context, TenantSelection::Selectors::Every)
        , m_kind(kind)
    {
        Ops::BuiltInSteps::registerAll(&m_steps);
    }

    void defineArguments(QCommandLineParser &parser) override
    {
        OwnershipCommand::defineArguments(parser);
        if (m_kind == Kind::Reassign) {
            parser.addOption(
                {u"to"_s, u"The new owner, by subject (qlikbot\\<clientId> for a bot) or email."_s, u"SUBJECT"_s});
            parser.addOption(
                {u"dry-run"_s, u"Only say, per item, which call would move it and what it needs first."_s});
        } else {
            parser.addOption({u"dry-run"_s, u"Only say, per item, which call would delete it."_s});
            parser.addOption({u"yes"_s, u"Really delete: without it (or --dry-run) nothing is deleted."_s});
        }
    }

protected:
    [[nodiscard]] QString readArguments(const QCommandLineParser &parser) override
    {
        if (m_options.selection == Cloud::OwnershipAudit::Selection::AllBots)
            return u"name the current owner with --owner SUBJECT or --orphaned-bots"_s;
        m_dry = parser.isSet(u"dry-run"_s);
        if (m_kind == Kind::Delete) {
            // Deleting is never the default: it takes an explicit --yes (issue 8).
            if (!m_dry && !parser.isSet(u"yes"_s))
                return u"delete removes content for good: add --yes to delete, or --dry-run to see what would go"_s;
            return {};
        }
        m_to = parser.value(u"to"_s).trimmed();
        if (m_to.isEmpty())
            return u"reassign needs --to SUBJECT, the new owner"_s;
        if (m_options.selection == Cloud::OwnershipAudit::Selection::Subject
            && m_options.subject.compare(m_to, Qt::CaseInsensitive) == 0)
            return u"--owner and --to name the same user"_s;
        return {};
    }

    void audited() override
    {
        const QList<Cloud::TenantOwnership> &results = m_audit->results();
        Ops::ReassignPlanBuilder reassign;
        reassign.to = m_to;
        reassign.profile = m_options.profileName;
        reassign.concurrency = m_options.concurrentTenants;
        Ops::DeletePlanBuilder remove;
        remove.profile = m_options.profileName;
        remove.concurrency = m_options.concurrentTenants;
        for (qsizetype t = 0; t < results.size(); ++t) {
            const Cloud::TenantOwnership &tenant = results.at(t);
            if (!tenant.error.isEmpty()) {
                m_failed = true;
                context().output().error(tenant.hostname + u": "_s + tenant.error);
            }
            if (m_kind == Kind::Reassign)
                reassign.addTenant(tenant, m_tenants.value(t).region);
            else
                remove.addTenant(tenant, m_tenants.value(t).region);
        }
        QJsonObject plan;
        if (m_kind == Kind::Reassign) {
            m_items = reassign.items();
            for (const auto &[hostname, resource] : reassign.unmovable())
                m_unsupported.append({hostname, resource});
            if (!reassign.isEmpty())
                plan = reassign.toJson();
        } else {
            m_items = remove.items();
            for (const auto &[hostname, resource] : remove.undeletable())
                m_unsupported.append({hostname, resource});
            if (!remove.isEmpty())
                plan = remove.toJson();
        }
        if (plan.isEmpty()) {
            report();
            return;
        }
        const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(plan);
        if (!read.ok()) {
            for (const Ops::PlanIssue &issue : read.issues)
                context().output().error(issue.toString());
            finish(ExitFailed);
            return;
        }
        m_job = std::make_unique<Ops::Job>(*read.plan, &m_steps);
        m_job->setCloudClient(m_client);
        if (!m_dry)
            m_job->setJournalDirectory(Ops::JobHistory::defaultDirectory());
        connect(m_job.get(), &Ops::Job::finished, this, [this] { report(); });
        if (!m_job->start(m_dry ? Ops::Job::Mode::DryRun : Ops::Job::Mode::Apply)) {
            fail(m_job->errorString());
            return;
        }
        if (!m_dry)
            context().output().error(u"job %1, journal %2"_s.arg(m_job->id(), m_job->journalPath()));
    }

private:
    // The report's words for an item: done, to do (dry run), nothing to do.
    [[nodiscard]] QString doneWord() const { return m_kind == Kind::Reassign ? u"reassigned"_s : u"deleted"_s; }
    [[nodiscard]] QString plannedWord() const { return m_kind == Kind::Reassign ? u"reassign"_s : u"delete"_s; }
    [[nodiscard]] QString unchangedWord() const
    {
        return m_kind == Kind::Reassign ? u"already-owned"_s : u"already-gone"_s;
    }

    // What happened to one item, in the report's words.
    [[nodiscard]] QString actionOf(const Ops::JobState::Step &step) const
    {
        switch (step.status) {
        case Ops::StepStatus::Created:
        case Ops::StepStatus::Updated:
            return doneWord();
        case Ops::StepStatus::NoChange:
            return unchangedWord();
        case Ops::StepStatus::Planned:
            return step.probe && step.probe->action == Ops::StepAction::NoChange ? unchangedWord() : plannedWord();
        case Ops::StepStatus::Blocked:
        case Ops::StepStatus::Failed:
        case Ops::StepStatus::Skipped:
        case Ops::StepStatus::Cancelled:
        case Ops::StepStatus::Pending:
        case Ops::StepStatus::Probing:
        case Ops::StepStatus::Applying:
        case Ops::StepStatus::Verifying:
            break;
        }
        return Ops::stepOutcomeName(step.status);
    }

    void report()
    {
        QJsonArray rows;
        TextTable table({u"TENANT"_s, u"TYPE"_s, u"NAME"_s, u"ID"_s, u"ACTION"_s, u"DETAIL"_s});
        int moved = 0;
        int unchanged = 0;
        int problems = 0;
        if (m_job) {
            const Ops::JobState &state = m_job->state();
            for (qsizetype t = 0; t < state.targets.size(); ++t) {
                const Ops::Plan::Target &planned = state.plan.targets.at(t);
                const Ops::JobState::Target &target = state.targets.at(t);
                for (qsizetype s = 0; s < target.steps.size(); ++s) {
                    const Ops::JobState::Step &step = target.steps.at(s);
                    const Cloud::OwnedResource &item = m_items.at(t).at(s);
                    const QString action = actionOf(step);
                    QJsonObject row{{u"tenant"_s, planned.hostname}, {u"type"_s, item.type},
                                    {u"name"_s, item.name},          {u"id"_s, item.id},
                                    {u"action"_s, action},           {u"attempts"_s, step.attempts}};
                    QString detail;
                    if (step.status == Ops::StepStatus::Blocked && step.probe) {
                        detail = step.probe->blockedReason;
                        row.insert(u"reason"_s, detail);
                    } else if (step.error) {
                        row.insert(u"error"_s, step.error->toJson());
                        detail = step.error->message;
                        if (!step.error->code.isEmpty())
                            detail += u" [%1]"_s.arg(step.error->code);
                        if (!step.error->traceId.isEmpty())
                            detail += u" trace %1"_s.arg(step.error->traceId);
                    } else if (!step.change.summary.isEmpty()) {
                        detail = step.change.summary;
                        row.insert(u"summary"_s, detail);
                        if (step.recovered)
                            row.insert(u"recovered"_s, true); // its answer was lost; a probe found it done
                    } else if (step.probe) {
                        detail = step.probe->summary;
                        if (step.probe->action == Ops::StepAction::Update) {
                            row.insert(u"calls"_s, QJsonArray::fromStringList(step.probe->calls));
                            if (m_dry)
                                detail += u": "_s + step.probe->calls.join(u", "_s);
                        }
                        row.insert(u"summary"_s, step.probe->summary);
                    }
                    if (const QString owner = step.outputs.value(u"ownerId"_s).toString(); !owner.isEmpty())
                        row.insert(u"ownerId"_s, owner);
                    if (action == doneWord() || action == plannedWord())
                        ++moved;
                    else if (action == unchangedWord())
                        ++unchanged;
                    else
                        ++problems;
                    rows.append(row);
                    table.addRow({planned.hostname, item.type, item.name, item.id, action, detail});
                }
            }
        }
        for (const auto &[hostname, resource] : std::as_const(m_unsupported)) {
            const QString reason = m_kind == Kind::Reassign
                ? u"no owner-change endpoint is known for %1 (FACTS §11.2)"_s.arg(resource.type)
                : u"no delete endpoint of %1 is used here: delete it by hand"_s.arg(resource.type);
            rows.append(QJsonObject{{u"tenant"_s, hostname},
                                    {u"type"_s, resource.type},
                                    {u"name"_s, resource.name},
                                    {u"id"_s, resource.id},
                                    {u"action"_s, u"unsupported"_s},
                                    {u"reason"_s, reason}});
            table.addRow({hostname, resource.type, resource.name, resource.id, u"unsupported"_s, reason});
            ++problems;
        }
        const bool ok = !m_failed && problems == 0
            && (!m_job
                || (m_dry ? m_job->state().counts().failed == 0 : m_job->state().status == Ops::JobStatus::Succeeded));
        if (context().output().isJson()) {
            QJsonObject summary = m_job ? Ops::JobSummary::toJson(m_job->state()) : QJsonObject();
            summary.insert(u"dryRun"_s, m_dry);
            if (m_kind == Kind::Reassign)
                summary.insert(u"to"_s, m_to);
            summary.insert(u"results"_s, rows);
            summary.insert(doneWord(), m_dry ? 0 : moved);
            summary.insert(m_kind == Kind::Reassign ? u"toReassign"_s : u"toDelete"_s, m_dry ? moved : 0);
            summary.insert(u"unchanged"_s, unchanged);
            summary.insert(u"problems"_s, problems);
            summary.insert(u"auditRequests"_s, m_audit->requestCount());
            summary.insert(u"elapsedMs"_s, qint64(m_timer.elapsed()));
            context().output().json(summary);
        } else if (table.rowCount() > 0) {
            context().output().table(table);
        } else {
            context().output().line(m_kind == Kind::Reassign
                                        ? u"Nothing to reassign: the selected owners own nothing."_s
                                        : u"Nothing to delete: the selected owners own nothing."_s);
        }
        if (!m_dry && m_job && !ok && !m_job->journalPath().isEmpty())
            context().output().error(u"job %1 did not succeed; run the same %2 again (it only does what is left), "
                                     u"or `tenantryctl apply --resume %1%3`"_s.arg(
                                         m_job->id(), plannedWord(), m_kind == Kind::Delete ? u" --yes"_s : QString()));
        finish(ok ? ExitOk : ExitFailed);
    }

    const Kind m_kind;
    Ops::StepRegistry m_steps;
    std::unique_ptr<Ops::Job> m_job;
    QString m_to; // Reassign: the new owner
    bool m_dry = false;
    bool m_failed = false;
    QList<QList<Cloud::OwnedResource>> m_items; // per plan target, per step
    QList<std::pair<QString, Cloud::OwnedResource>> m_unsupported; // (hostname, resource) left as they are
};

} // namespace

void OwnershipCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"ownership"_s, u"Bot users and what they own, across tenants."_s);
    registry.add(
        {u"ownership"_s, u"audit"_s,
         u"List bot users (active, orphaned, unknown) and what they or a chosen user own."_s,
         u"(--tenants H1,H2|--all) [--owner SUBJECT|--orphaned-bots] [--partner-domain DOMAIN]... [--profile NAME] "
         u"[--concurrency N]"_s,
         CommandRegistry::factoryOf<AuditOwnership>()});
    registry.add({u"ownership"_s, u"reassign"_s,
                  u"Give everything the selected owners own to a new owner, tenant by tenant, as one job."_s,
                  u"(--tenants H1,H2|--tag T|--region R|--all) (--owner SUBJECT|--orphaned-bots) --to SUBJECT "
                  u"[--dry-run] [--profile NAME] [--concurrency N]"_s,
                  [](CommandContext &context) -> std::unique_ptr<Command> {
                      return std::make_unique<OwnershipJobCommand>(context, OwnershipJobCommand::Kind::Reassign);
                  }});
    registry.add({u"ownership"_s, u"delete"_s,
                  u"Delete everything the selected owners own, tenant by tenant, as one job (needs --yes)."_s,
                  u"(--tenants H1,H2|--tag T|--region R|--all) (--owner SUBJECT|--orphaned-bots) (--yes|--dry-run) "
                  u"[--profile NAME] [--concurrency N]"_s,
                  [](CommandContext &context) -> std::unique_ptr<Command> {
                      return std::make_unique<OwnershipJobCommand>(context, OwnershipJobCommand::Kind::Delete);
                  }});
}
