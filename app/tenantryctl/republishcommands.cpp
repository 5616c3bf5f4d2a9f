#include "republishcommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "jobreportoption.h"
#include "networkcommand.h"
#include "tenantselection.h"
#include "tenanttagstore.h"
#include "texttable.h"

#include "cloud/cloudhost.h"
#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/jobsummary.h"
#include "ops/localappfile.h"
#include "ops/planreader.h"
#include "ops/publishedorigins.h"
#include "ops/rolloutplanbuilder.h"
#include "ops/stepregistry.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace {

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
        parser.addOption({u"app-file"_s,
                          u"A local .qvf app file, uploaded to each target (repeat for several; the plan keeps its "
                          u"path)."_s,
                          u"PATH"_s});
        parser.addOption({u"from"_s, u"The source tenant's hostname (needed with --app)."_s, u"HOST"_s});
        parser.addOption({u"space"_s, u"The managed space to publish to, by name."_s, u"MANAGED_NAME"_s});
        parser.addOption({u"staging-space"_s, u"The shared space apps are imported into (default: Staging)."_s,
                          u"NAME"_s, u"Staging"_s});
        m_selection.addOptions(parser);
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
            {u"first-wave"_s, u"A staged rollout: N of the target tenants go first, the others after them."_s, u"N"_s});
        parser.addOption({u"first-wave-tag"_s,
                          u"A staged rollout: the target tenants with this inventory tag go first, the others "
                          u"after them."_s,
                          u"TAG"_s});
        parser.addOption({u"wave-size"_s,
                          u"A staged rollout: after the first wave (if any), the tenants go in waves of N, each "
                          u"once the one before settled."_s,
                          u"N"_s});
        parser.addOption({u"max-wave-failures"_s,
                          u"With staged waves: start the next wave only when at most PCT% of a wave failed "
                          u"(default 0)."_s,
                          u"PCT"_s});
        parser.addOption(
            {u"save-plan"_s, u"Also write the rollout as a plan file for `tenantryctl apply`."_s, u"FILE"_s});
        m_report.addTo(parser);
    }

    void run(const QCommandLineParser &parser) override
    {
        m_apps = parser.values(u"app"_s);
        m_source = parser.value(u"from"_s).trimmed().toLower();
        m_space = parser.value(u"space"_s).trimmed();
        m_parser = &parser;
        if ((m_apps.isEmpty() && !parser.isSet(u"app-file"_s)) || m_space.isEmpty()) {
            usageError(u"republish needs --app or --app-file, and --space"_s);
            return;
        }
        if (!m_apps.isEmpty() && m_source.isEmpty()) {
            usageError(u"republish --app needs --from (the source tenant)"_s);
            return;
        }
        // Files that cannot be published are refused before any tenant is touched.
        m_files.clear();
        m_labels.clear();
        for (const QString &path : parser.values(u"app-file"_s)) {
            const Ops::LocalAppFile file = Ops::LocalAppFile::inspect(path);
            if (!file.ok()) {
                usageError(u"--app-file: "_s + file.problem);
                return;
            }
            m_files.append(file.path);
            m_labels.append(file.fileName);
        }
        if (const QString error = m_selection.read(parser); !error.isEmpty()) {
            usageError(error);
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
        if (!readInt(parser, u"first-wave"_s, 0, 100000, &m_firstWave)
            || !readInt(parser, u"wave-size"_s, 0, 100000, &m_waveSize)
            || !readInt(parser, u"max-wave-failures"_s, 0, 100, &m_maxWaveFailures))
            return;
        m_waveTag.clear();
        if (parser.isSet(u"first-wave-tag"_s)) {
            if (parser.isSet(u"first-wave"_s)) {
                usageError(u"give the first wave by --first-wave or by --first-wave-tag, not both"_s);
                return;
            }
            m_waveTag = TenantTagStore::normalizedName(parser.value(u"first-wave-tag"_s));
            if (m_waveTag.isEmpty()) {
                usageError(u"--first-wave-tag: '%1' is not a tag name"_s.arg(parser.value(u"first-wave-tag"_s)));
                return;
            }
        }
        if (const QString error = m_report.read(parser); !error.isEmpty()) {
            usageError(error);
            return;
        }
        QString sourceError;
        const Cloud::CloudHost sourceHost = Cloud::CloudHost::parse(m_source, &sourceError);
        if (!m_source.isEmpty() && (!sourceHost.isValid() || sourceHost.kind() != Cloud::CloudHost::Kind::Tenant)) {
            usageError(u"--from: '%1' is not a tenant hostname%2"_s.arg(
                m_source, sourceError.isEmpty() ? QString() : u" ("_s + sourceError + u')'));
            return;
        }
        m_client = clientOrUsageError();
        if (!m_client)
            return;

        if (!m_source.isEmpty())
            m_selection.exclude(m_source);
        connect(&m_selection, &TenantSelection::failed, this, [this](const QString &message) { fail(message); });
        connect(&m_selection, &TenantSelection::finished, this,
                [this](const QList<Cloud::OrganizationTenants::Entry> &targets) { runRollout(targets); });
        m_selection.start(*m_client);
    }

private:
    // An optional integer option in [min, max] (0 when absent); false after a usage error.
    bool readInt(const QCommandLineParser &parser, const QString &name, int min, int max, int *value)
    {
        *value = 0;
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        *value = parser.value(name).toInt(&ok);
        if (ok && *value >= min && *value <= max)
            return true;
        usageError(u"--%1 takes a number from %2 to %3"_s.arg(name).arg(min).arg(max));
        return false;
    }

    [[nodiscard]] QJsonObject planJson(const QList<Cloud::OrganizationTenants::Entry> &targets) const
    {
        Ops::RolloutPlanBuilder rollout;
        rollout.source = m_source;
        rollout.apps = m_apps;
        rollout.appFiles = m_files;
        rollout.managedSpace = m_space;
        rollout.stagingSpace = m_parser->value(u"staging-space"_s);
        rollout.cleanup = m_parser->value(u"cleanup"_s);
        rollout.profile = m_parser->value(u"profile"_s);
        rollout.createSpaces = m_parser->isSet(u"create-space"_s);
        rollout.matchByName = m_parser->isSet(u"match-name"_s);
        rollout.reload = m_parser->isSet(u"reload"_s);
        rollout.concurrency = m_concurrency;
        rollout.firstWave = m_firstWave;
        rollout.waveSize = m_waveSize;
        rollout.maxWaveFailurePercent = m_maxWaveFailures;
        QList<Cloud::OrganizationTenants::Entry> ordered = targets;
        if (!m_waveTag.isEmpty()) {
            // The tagged tenants go first, as the first wave; the order within each part stays.
            const TenantTagStore &tags = context().tenantTags();
            const auto tagged = [&tags, this](const Cloud::OrganizationTenants::Entry &target) {
                return tags.hasTag(target.id, target.hostnames + QStringList{target.hostname}, m_waveTag);
            };
            const auto rest = std::stable_partition(ordered.begin(), ordered.end(), tagged);
            rollout.firstWave = static_cast<int>(std::distance(ordered.begin(), rest));
        }
        for (const Cloud::OrganizationTenants::Entry &target : std::as_const(ordered))
            rollout.targets.append({target.hostname, target.region});
        // Staged ids earlier rollouts recorded: the copies they published stay traceable even when
        // their staged copies are gone (--cleanup delete).
        return rollout.toJson(Ops::PublishedOrigins(Ops::JobHistory::defaultDirectory()));
    }

    void runRollout(const QList<Cloud::OrganizationTenants::Entry> &targets)
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
        connect(m_job.get(), &Ops::Job::finished, this, [this, dry] {
            m_report.write(m_job->state(), context().output(), this, [this, dry](bool written) {
                m_reportFailed = !written;
                report(dry);
            });
        });
        if (!m_job->start(dry ? Ops::Job::Mode::DryRun : Ops::Job::Mode::Apply)) {
            fail(m_job->errorString());
            return;
        }
        if (!dry)
            context().output().error(u"job %1, journal %2"_s.arg(m_job->id(), m_job->journalPath()));
    }

    // What happened to one app on one tenant, in the report's words.
    [[nodiscard]] static QString actionOf(const Ops::JobState::Target &target, const Ops::JobState::Step &step)
    {
        if (target.status == Ops::TargetStatus::Cancelled && step.status == Ops::StepStatus::Pending)
            return u"not-run"_s; // a staged rollout stopped before it, or the job was cancelled
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
                const QString app = s < m_apps.size() ? m_apps.at(s) : m_labels.value(s - m_apps.size());
                QString appId = step.outputs.value(u"publishedAppId"_s).toString();
                const qint64 ms
                    = step.started.isValid() && step.finished.isValid() ? step.started.msecsTo(step.finished) : 0;
                QJsonObject row{{u"tenant"_s, host},
                                {u"app"_s, app},
                                {u"action"_s, actionOf(target, step)},
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
                } else if (actionOf(target, step) == u"not-run"_s) {
                    detail = target.message;
                    row.insert(u"reason"_s, detail);
                } else if (step.probe) {
                    detail = step.probe->summary;
                }
                rows.append(row);
                table.addRow({host, app, actionOf(target, step), appId, QString::number(ms), detail});
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
        finish(ok && !m_reportFailed ? ExitOk : ExitFailed);
    }

    Ops::StepRegistry m_steps;
    std::unique_ptr<Ops::Job> m_job;
    Cloud::CloudClient *m_client = nullptr;
    const QCommandLineParser *m_parser = nullptr;
    QStringList m_apps;
    QStringList m_files; // absolute paths of --app-file
    QStringList m_labels; // their file names, as the report names them
    QString m_source;
    QString m_space;
    int m_concurrency = 8;
    int m_firstWave = 0;
    int m_waveSize = 0;
    QString m_waveTag; // --first-wave-tag, normalised
    int m_maxWaveFailures = 0;
    JobReportOption m_report;
    bool m_reportFailed = false;
    TenantSelection m_selection{context(), TenantSelection::Selectors::Every};
};

} // namespace

void RepublishCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"republish"_s, u"Publish apps to the managed space of many tenants, exactly once each."_s);
    registry.add(
        {u"republish"_s,
         {},
         u"Publish or republish source apps (or local .qvf files: --app-file, uploaded to each tenant) to the "
         u"managed space of many tenants as one job; --app needs --from. Staged: the first wave (N tenants or "
         u"those tagged T), then waves of --wave-size, each only when at most PCT% of the one before failed."_s,
         u"--app NAME_OR_ID|--app-file PATH [...] [--from HOST] --space MANAGED_NAME (--tenants H1,H2|--tag "
         u"T|--region R|--all) [--create-space] [--dry-run] [--concurrency N] [--first-wave N|--first-wave-tag T] "
         u"[--wave-size N] [--max-wave-failures PCT] [--report FILE]"_s,
         CommandRegistry::factoryOf<Republish>()});
}
