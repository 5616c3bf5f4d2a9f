#include "republishcommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "listfetch.h"
#include "networkcommand.h"
#include "texttable.h"

#include "cloud/cloudhost.h"
#include "cloud/credentialprofile.h"
#include "cloud/inventorytenant.h"
#include "cloud/profilestore.h"
#include "cloud/region.h"
#include "cloud/resources/tenant.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/publishedorigins.h"
#include "ops/rolloutplanbuilder.h"
#include "ops/stepregistry.h"
#include "tenanttagstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

// A tenant the rollout may go to.
struct Candidate
{
    QString id;
    QString hostname;
    QStringList hostnames;
    QString region;
    QString status; // empty when only the inventory knows it
};

// Builds the rollout as a plan in memory (one target per tenant, one "publish-app" step per app)
// and runs it with the ops engine, like `apply` runs a plan file.
class Republish final : public NetworkCommand
{
public:
    explicit Republish(CommandContext &context)
        : NetworkCommand(context)
    {
        Ops::BuiltInSteps::registerAll(&m_steps);
    }

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addOption({u"app"_s, u"A source app, by id or exact name (repeat for several)."_s, u"NAME_OR_ID"_s});
        parser.addOption({u"from"_s, u"The source tenant's hostname."_s, u"HOST"_s});
        parser.addOption({u"space"_s, u"The managed space to publish to, by name."_s, u"MANAGED_NAME"_s});
        parser.addOption({u"staging-space"_s, u"The shared space apps are imported into (default: Staging)."_s,
                          u"NAME"_s, u"Staging"_s});
        parser.addOption({u"tenants"_s, u"Target tenants, comma-separated hostnames."_s, u"H1,H2"_s});
        parser.addOption({u"tag"_s, u"Every known tenant with this tag."_s, u"TAG"_s});
        parser.addOption({u"region"_s, u"Every active tenant of this region id, e.g. eu."_s, u"REGION"_s});
        parser.addOption({u"all"_s, u"Every active tenant reachable with the configured credentials."_s});
        parser.addOption({u"create-space"_s, u"Create the managed and staging spaces where they are missing."_s});
        parser.addOption(
            {u"match-name"_s, u"Republish over a published app of the same name that Tenantry cannot trace."_s});
        parser.addOption({u"reload"_s, u"Reload each published copy afterwards."_s});
        parser.addOption(
            {u"cleanup"_s, u"Staged copies: keep-latest (default), delete or keep."_s, u"MODE"_s, u"keep-latest"_s});
        parser.addOption(
            {u"profile"_s, u"The credential profile for the targets (default: chosen per host)."_s, u"NAME"_s});
        parser.addOption({u"dry-run"_s, u"Only say, per tenant and app, what would be done."_s});
        parser.addOption({u"concurrency"_s, u"Tenants in parallel (default 8)."_s, u"N"_s});
        parser.addOption(
            {u"save-plan"_s, u"Also write the rollout as a plan file for `tenantryctl apply`."_s, u"FILE"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        m_apps = parser.values(u"app"_s);
        m_source = parser.value(u"from"_s).trimmed().toLower();
        m_space = parser.value(u"space"_s).trimmed();
        m_parser = &parser;
        if (m_apps.isEmpty() || m_source.isEmpty() || m_space.isEmpty()) {
            usageError(u"republish needs --app, --from and --space"_s);
            return;
        }
        const int selectors = int(parser.isSet(u"tenants"_s)) + int(parser.isSet(u"tag"_s))
            + int(parser.isSet(u"region"_s)) + int(parser.isSet(u"all"_s));
        if (selectors != 1) {
            usageError(u"name the targets with exactly one of --tenants, --tag, --region, --all"_s);
            return;
        }
        const QString cleanup = parser.value(u"cleanup"_s);
        if (!QStringList{u"keep-latest"_s, u"delete"_s, u"keep"_s}.contains(cleanup)) {
            usageError(u"--cleanup takes keep-latest, delete or keep, not '%1'"_s.arg(cleanup));
            return;
        }
        m_concurrency = 8;
        if (parser.isSet(u"concurrency"_s)) {
            bool ok = false;
            m_concurrency = parser.value(u"concurrency"_s).toInt(&ok);
            if (!ok || m_concurrency < 1 || m_concurrency > 256) {
                usageError(u"--concurrency takes a number from 1 to 256"_s);
                return;
            }
        }
        if (parser.isSet(u"region"_s) && !Cloud::Region::fromId(parser.value(u"region"_s))) {
            usageError(u"--region: unknown region '%1' (known: %2)"_s.arg(parser.value(u"region"_s),
                                                                          Cloud::Region::knownIds()));
            return;
        }
        QString sourceError;
        const Cloud::CloudHost sourceHost = Cloud::CloudHost::parse(m_source, &sourceError);
        if (!sourceHost.isValid() || sourceHost.kind() != Cloud::CloudHost::Kind::Tenant) {
            usageError(u"--from: '%1' is not a tenant hostname%2"_s.arg(
                m_source, sourceError.isEmpty() ? QString() : u" ("_s + sourceError + u')'));
            return;
        }
        m_client = clientOrUsageError();
        if (!m_client)
            return;

        if (parser.isSet(u"tenants"_s)) {
            QList<Candidate> targets;
            for (const QString &host : parser.value(u"tenants"_s).split(u',', Qt::SkipEmptyParts)) {
                Candidate candidate;
                QString error;
                const Cloud::CloudHost parsed = Cloud::CloudHost::parse(host.trimmed(), &error);
                if (!parsed.isValid() || parsed.kind() != Cloud::CloudHost::Kind::Tenant) {
                    usageError(u"--tenants: '%1' is not a tenant hostname%2"_s.arg(
                        host, error.isEmpty() ? QString() : u" ("_s + error + u')'));
                    return;
                }
                candidate.hostname = parsed.hostname();
                candidate.hostnames = {candidate.hostname};
                candidate.region = Cloud::InventoryTenant::regionOfHostname(candidate.hostname);
                targets.append(candidate);
            }
            runRollout(targets);
            return;
        }
        listTenants();
    }

private:
    // --all, --region, --tag: the organization API's tenants (active ones) and the local inventory.
    void listTenants()
    {
        if (context().isSandbox()) {
            Cloud::SandboxCredentials::fetchSubscriptionIds(
                *m_client, this, [this](const QStringList &ids, const QString &error) {
                    if (!error.isEmpty())
                        context().output().warning(u"the organization API could not be listed: "_s + error);
                    listSubscriptions(ids);
                });
            return;
        }
        QStringList saved;
        for (const Cloud::CredentialProfile &profile : context().profileStore().profiles()) {
            if (profile.tier == Cloud::CredentialTier::Organization)
                saved += profile.subscriptionIds;
        }
        if (saved.isEmpty())
            context().output().warning(
                u"no organization profile with a subscription: using the local inventory only"_s);
        listSubscriptions(saved);
    }

    void listSubscriptions(QStringList subscriptions)
    {
        subscriptions.removeDuplicates();
        m_pending = int(subscriptions.size());
        if (m_pending == 0) {
            choose();
            return;
        }
        for (const QString &subscription : std::as_const(subscriptions)) {
            QUrlQuery query;
            query.addQueryItem(u"limit"_s, u"100"_s);
            query.addQueryItem(u"filter"_s, u"subscriptionId eq \"%1\""_s.arg(subscription));
            ListFetch::all<Cloud::Tenant>(
                *m_client, Cloud::ApiCall::get(Cloud::CloudHost::console().hostname(), u"/api/core/tenants"_s, query),
                this, &Cloud::Tenant::readOrganization,
                [this](const QList<Cloud::Tenant> &tenants, const QString &error) {
                    if (!error.isEmpty())
                        context().output().warning(u"the organization API could not be listed: "_s + error);
                    for (const Cloud::Tenant &tenant : tenants) {
                        Candidate candidate;
                        candidate.id = tenant.id;
                        candidate.hostnames = tenant.hostnames;
                        candidate.hostname = tenant.primaryHostname().toLower();
                        const std::optional<Cloud::Region> region = Cloud::Region::fromAwsCode(tenant.awsRegion);
                        candidate.region
                            = region ? region->id : Cloud::InventoryTenant::regionOfHostname(candidate.hostname);
                        candidate.status = tenant.status;
                        m_known.append(candidate);
                    }
                    if (--m_pending == 0)
                        choose();
                });
        }
    }

    void choose()
    {
        for (const Cloud::InventoryTenant &entry : context().tenantInventory().tenants()) {
            const bool listed = std::any_of(m_known.cbegin(), m_known.cend(), [&entry](const Candidate &known) {
                return known.id == entry.tenantId || known.hostnames.contains(entry.hostname, Qt::CaseInsensitive);
            });
            if (!listed)
                m_known.append({entry.tenantId, entry.hostname, {entry.hostname}, entry.region, {}});
        }
        const TenantTagStore tags(u"TenantTags"_s);
        const QString tag = TenantTagStore::normalizedName(m_parser->value(u"tag"_s));
        const QString region = m_parser->value(u"region"_s);
        QList<Candidate> targets;
        for (const Candidate &candidate : std::as_const(m_known)) {
            if (candidate.hostnames.contains(m_source, Qt::CaseInsensitive) || candidate.hostname == m_source)
                continue; // the source is not a target
            if (!candidate.status.isEmpty() && candidate.status != u"active"_s)
                continue;
            if (m_parser->isSet(u"region"_s) && candidate.region != region)
                continue;
            if (m_parser->isSet(u"tag"_s) && !tags.hasTag(candidate.id, candidate.hostnames, tag))
                continue;
            targets.append(candidate);
        }
        if (targets.isEmpty()) {
            fail(u"no tenant matches the selection (the source %1 excepted)"_s.arg(m_source));
            return;
        }
        std::sort(targets.begin(), targets.end(),
                  [](const Candidate &a, const Candidate &b) { return a.hostname < b.hostname; });
        runRollout(targets);
    }

    [[nodiscard]] QJsonObject planJson(const QList<Candidate> &targets) const
    {
        Ops::RolloutPlanBuilder rollout;
        rollout.source = m_source;
        rollout.apps = m_apps;
        rollout.managedSpace = m_space;
        rollout.stagingSpace = m_parser->value(u"staging-space"_s);
        rollout.cleanup = m_parser->value(u"cleanup"_s);
        rollout.profile = m_parser->value(u"profile"_s);
        rollout.createSpaces = m_parser->isSet(u"create-space"_s);
        rollout.matchByName = m_parser->isSet(u"match-name"_s);
        rollout.reload = m_parser->isSet(u"reload"_s);
        rollout.concurrency = m_concurrency;
        for (const Candidate &target : targets)
            rollout.targets.append({target.hostname, target.region});
        // Staged ids earlier rollouts recorded: the copies they published stay traceable even when
        // their staged copies are gone (--cleanup delete).
        return rollout.toJson(Ops::PublishedOrigins(Ops::JobHistory::defaultDirectory()));
    }

    void runRollout(const QList<Candidate> &targets)
    {
        const QJsonObject json = planJson(targets);
        const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(json);
        if (!read.ok()) {
            for (const Ops::PlanIssue &issue : read.issues)
                context().output().error(issue.toString());
            finish(ExitUsage);
            return;
        }
        if (m_parser->isSet(u"save-plan"_s)) {
            QFile file(m_parser->value(u"save-plan"_s));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || file.write(QJsonDocument(json).toJson()) < 0) {
                fail(u"cannot write the plan to %1: %2"_s.arg(file.fileName(), file.errorString()));
                return;
            }
        }
        const bool dry = m_parser->isSet(u"dry-run"_s);
        m_job = std::make_unique<Ops::Job>(*read.plan, &m_steps);
        m_job->setCloudClient(m_client);
        if (!dry)
            m_job->setJournalDirectory(Ops::JobHistory::defaultDirectory());
        connect(m_job.get(), &Ops::Job::targetChanged, this, [this](int target) {
            const Ops::JobState::Target &state = m_job->state().targets.at(target);
            if (!state.isSettled())
                return;
            const Ops::JobState::Counts counts = m_job->state().counts();
            context().output().error(u"[%1/%2] %3: %4"_s.arg(counts.targets - counts.pending - counts.running)
                                         .arg(counts.targets)
                                         .arg(state.hostname, Ops::targetStatusName(state.status)));
        });
        connect(m_job.get(), &Ops::Job::finished, this, [this, dry] { report(dry); });
        if (!m_job->start(dry ? Ops::Job::Mode::DryRun : Ops::Job::Mode::Apply)) {
            fail(m_job->errorString());
            return;
        }
        if (!dry)
            context().output().error(u"job %1, journal %2"_s.arg(m_job->id(), m_job->journalPath()));
    }

    // What happened to one app on one tenant, in the report's words.
    [[nodiscard]] static QString actionOf(const Ops::JobState::Step &step)
    {
        switch (step.status) {
        case Ops::StepStatus::Created:
            return u"published"_s;
        case Ops::StepStatus::Updated:
            return step.change.updated.isEmpty() || step.change.updated.first().kind != u"app"_s ? u"finished"_s
                                                                                                 : u"republished"_s;
        case Ops::StepStatus::NoChange:
            return u"up-to-date"_s;
        case Ops::StepStatus::Planned:
            if (step.probe && step.probe->action == Ops::StepAction::Create)
                return u"publish"_s;
            return step.probe && step.probe->changes.isEmpty() ? u"finish"_s : u"republish"_s;
        case Ops::StepStatus::Blocked:
            return u"blocked"_s;
        case Ops::StepStatus::Failed:
            return u"failed"_s;
        case Ops::StepStatus::Skipped:
            return u"skipped"_s;
        case Ops::StepStatus::Cancelled:
            return u"cancelled"_s;
        case Ops::StepStatus::Pending:
        case Ops::StepStatus::Probing:
        case Ops::StepStatus::Applying:
        case Ops::StepStatus::Verifying:
            return u"pending"_s;
        }
        return {};
    }

    void report(bool dry)
    {
        const Ops::JobState &state = m_job->state();
        QJsonArray rows;
        TextTable table({u"TENANT"_s, u"APP"_s, u"ACTION"_s, u"APP ID"_s, u"MS"_s, u"DETAIL"_s});
        for (qsizetype t = 0; t < state.targets.size(); ++t) {
            const Ops::JobState::Target &target = state.targets.at(t);
            const QString host = state.plan.targets.at(t).hostname;
            for (qsizetype s = 0; s < target.steps.size(); ++s) {
                const Ops::JobState::Step &step = target.steps.at(s);
                const QString app = m_apps.value(s);
                QString appId = step.outputs.value(u"publishedAppId"_s).toString();
                const qint64 ms
                    = step.started.isValid() && step.finished.isValid() ? step.started.msecsTo(step.finished) : 0;
                QJsonObject row{{u"tenant"_s, host},
                                {u"app"_s, app},
                                {u"action"_s, actionOf(step)},
                                {u"appId"_s, appId},
                                {u"durationMs"_s, ms}};
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
                } else if (step.probe) {
                    detail = step.probe->summary;
                }
                rows.append(row);
                table.addRow({host, app, actionOf(step), appId, QString::number(ms), detail});
            }
        }
        const bool ok = dry ? state.counts().failed == 0 : state.status == Ops::JobStatus::Succeeded;
        if (context().output().isJson()) {
            QJsonObject summary = Ops::JobSummary::toJson(state);
            summary.insert(u"results"_s, rows);
            context().output().json(summary);
        } else {
            context().output().table(table);
        }
        if (!dry && !ok && !m_job->journalPath().isEmpty())
            context().output().error(u"job %1 did not succeed; run the same republish again (it only does what is "
                                     u"left), or `tenantryctl apply --resume %1`"_s.arg(m_job->id()));
        finish(ok ? ExitOk : ExitFailed);
    }

    Ops::StepRegistry m_steps;
    std::unique_ptr<Ops::Job> m_job;
    Cloud::CloudClient *m_client = nullptr;
    const QCommandLineParser *m_parser = nullptr;
    QStringList m_apps;
    QString m_source;
    QString m_space;
    int m_concurrency = 8;
    int m_pending = 0;
    QList<Candidate> m_known;
};

} // namespace

void RepublishCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"republish"_s, u"Publish apps to the managed space of many tenants, exactly once each."_s);
    registry.add({u"republish"_s,
                  {},
                  u"Publish or republish source apps to the managed space of many tenants as one job."_s,
                  u"--app NAME_OR_ID [--app ...] --from HOST --space MANAGED_NAME (--tenants H1,H2|--tag T|--region "
                  u"R|--all) [--create-space] [--dry-run] [--concurrency N]"_s,
                  CommandRegistry::factoryOf<Republish>()});
}
