#include "plancommands.h"

#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"
#include "jobreportoption.h"

#include "cloud/cloudclient.h"
#include "cloud/tenantinventory.h"
#include "ops/builtinsteps.h"
#include "ops/createdtenants.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/jobsummary.h"
#include "ops/journalreader.h"
#include "ops/journalreplay.h"
#include "ops/ownershipdeletestep.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// What plan and apply share: reading the plan, the step types, the client, and the job's output.
class PlanRunCommand : public Command
{
public:
    explicit PlanRunCommand(CommandContext &context)
        : Command(context)
    {
        // The keychain is opened lazily: only a "jwt-idp" step's apply reads or stores a key.
        Ops::BuiltInSteps::registerAll(&m_steps, &context.secretStore());
    }

protected:
    void defineCommonArguments(QCommandLineParser &parser)
    {
        parser.addPositionalArgument(u"FILE"_s, u"The plan (JSON, format \"tenantry-plan\")."_s);
        parser.addOption(
            {u"concurrency"_s, u"Targets in parallel (default: the plan's options.concurrency)."_s, u"N"_s});
        m_report.addTo(parser);
    }

    // Takes --report; false (after a usage error) when its file name has no known format.
    [[nodiscard]] bool reportOption(const QCommandLineParser &parser)
    {
        if (const QString error = m_report.read(parser); !error.isEmpty()) {
            usageError(error);
            return false;
        }
        return true;
    }

    // Reads and checks the plan; on failure prints every issue (file: path: message) and finishes.
    [[nodiscard]] std::optional<Ops::Plan> readPlan(const QString &file)
    {
        const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).readFile(file);
        if (!read.ok()) {
            for (const Ops::PlanIssue &issue : read.issues)
                context().output().error(file + u": "_s + issue.toString());
            finish(ExitFailed);
            return std::nullopt;
        }
        return read.plan;
    }

    [[nodiscard]] bool concurrencyOption(const QCommandLineParser &parser, int *concurrency)
    {
        *concurrency = 0;
        if (!parser.isSet(u"concurrency"_s))
            return true;
        bool ok = false;
        *concurrency = parser.value(u"concurrency"_s).toInt(&ok);
        if (!ok || *concurrency < 1 || *concurrency > 256) {
            usageError(u"--concurrency takes a number from 1 to 256"_s);
            return false;
        }
        return true;
    }

    // Runs `job` and finishes with its summary; progress goes to stderr as steps settle.
    void runJob(std::unique_ptr<Ops::Job> job, Ops::Job::Mode mode, int concurrency)
    {
        QString error;
        Cloud::CloudClient *client = context().client(&error);
        if (!client) {
            fail(error);
            return;
        }
        m_job = std::move(job);
        m_job->setCloudClient(client);
        if (concurrency > 0)
            m_job->setConcurrency(concurrency);
        if (mode == Ops::Job::Mode::Apply) {
            connect(m_job.get(), &Ops::Job::stepChanged, this, &PlanRunCommand::reportStep);
            connect(m_job.get(), &Ops::Job::targetChanged, this, &PlanRunCommand::reportTarget);
        }
        connect(m_job.get(), &Ops::Job::finished, this, [this, mode] {
            m_report.write(m_job->state(), context().output(), this, [this, mode](bool written) {
                m_reportFailed = !written;
                finishJob(mode);
            });
        });
        if (!m_job->start(mode)) {
            fail(m_job->errorString());
            return;
        }
        if (mode == Ops::Job::Mode::Apply)
            context().output().error(u"job %1, journal %2"_s.arg(m_job->id(), m_job->journalPath()));
    }

    Ops::StepRegistry m_steps;
    std::unique_ptr<Ops::Job> m_job;

private:
    // Prints the summary and finishes with the job's exit code.
    void finishJob(Ops::Job::Mode mode)
    {
        const Ops::JobState &state = m_job->state();
        if (context().output().isJson())
            context().output().json(Ops::JobSummary::toJson(state));
        else
            context().output().line(Ops::JobSummary::toText(state).trimmed());
        if (mode == Ops::Job::Mode::DryRun) {
            // The dry run worked if every probe answered, whatever it found.
            finish(state.counts().failed == 0 && !m_reportFailed ? ExitOk : ExitFailed);
            return;
        }
        addCreatedTenants(state);
        if (state.status != Ops::JobStatus::Succeeded && !m_job->journalPath().isEmpty())
            context().output().error(u"job %1 did not succeed; once the cause is fixed, `tenantryctl apply` the "
                                     u"plan again (it only changes what still differs)"_s.arg(m_job->id()));
        finish(state.status == Ops::JobStatus::Succeeded && !m_reportFailed ? ExitOk : ExitFailed);
    }

    // Tenants the job created join the local inventory, as they do when the GUI applies a plan.
    void addCreatedTenants(const Ops::JobState &state)
    {
        Cloud::TenantInventory &inventory = context().tenantInventory();
        for (const Cloud::InventoryTenant &tenant : Ops::createdTenants(state)) {
            if (inventory.tenant(tenant.hostname))
                continue;
            if (const QString error = inventory.add(tenant); !error.isEmpty())
                context().output().error(
                    u"%1 was created but not added to the tenant inventory: %2"_s.arg(tenant.hostname, error));
            else
                context().output().error(u"added %1 to the tenant inventory"_s.arg(tenant.hostname));
        }
    }

    JobReportOption m_report;
    bool m_reportFailed = false;

    void reportStep(int target, int step)
    {
        const Ops::JobState &state = m_job->state();
        const Ops::JobState::Step &stepState = state.targets.at(target).steps.at(step);
        if (!stepState.isSettled() || stepState.status == Ops::StepStatus::Planned)
            return;
        const Ops::Plan::Step &planStep = state.plan.targets.at(target).steps.at(step);
        context().output().error(u"%1: %2 (%3): %4"_s.arg(hostOf(target), planStep.id, planStep.type,
                                                          Ops::JobSummary::stepLine(stepState).mid(2)));
    }

    void reportTarget(int target)
    {
        const Ops::JobState &state = m_job->state();
        const Ops::JobState::Target &targetState = state.targets.at(target);
        if (!targetState.isSettled())
            return;
        const Ops::JobState::Counts counts = state.counts();
        const int done = counts.targets - counts.pending - counts.running;
        context().output().error(u"[%1/%2] %3: %4%5"_s.arg(done)
                                     .arg(counts.targets)
                                     .arg(hostOf(target), Ops::targetStatusName(targetState.status),
                                          targetState.message.isEmpty() ? QString() : u" — "_s + targetState.message));
    }

    [[nodiscard]] QString hostOf(int target) const
    {
        const Ops::JobState &state = m_job->state();
        const QString host = state.targets.at(target).hostname;
        return host.isEmpty() ? state.plan.targets.at(target).id : host;
    }
};

// --- plan ------------------------------------------------------------------------------------

class PlanCommand final : public PlanRunCommand
{
public:
    using PlanRunCommand::PlanRunCommand;

    void defineArguments(QCommandLineParser &parser) override { defineCommonArguments(parser); }

    void run(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            usageError(u"plan takes one plan file"_s);
            return;
        }
        int concurrency = 0;
        if (!concurrencyOption(parser, &concurrency) || !reportOption(parser))
            return;
        const std::optional<Ops::Plan> plan = readPlan(parser.positionalArguments().first());
        if (!plan)
            return;
        // A dry run leaves no journal: nothing happens that would need resuming.
        runJob(std::make_unique<Ops::Job>(*plan, &m_steps), Ops::Job::Mode::DryRun, concurrency);
    }
};

// --- apply -----------------------------------------------------------------------------------

class ApplyCommand final : public PlanRunCommand
{
public:
    using PlanRunCommand::PlanRunCommand;

    void defineArguments(QCommandLineParser &parser) override
    {
        defineCommonArguments(parser);
        parser.addOption(
            {u"resume"_s, u"Complete the interrupted or cancelled job JOBID from its journal."_s, u"JOBID"_s});
        parser.addOption({u"resume-last"_s, u"Complete the most recent interrupted job (of FILE, when given)."_s});
        parser.addOption({u"yes"_s,
                          u"Apply a plan that deletes content (\"delete\" steps): without it such a plan is "
                          u"refused; `tenantryctl plan FILE` shows what it would delete."_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        const QStringList files = parser.positionalArguments();
        const bool resume = parser.isSet(u"resume"_s) || parser.isSet(u"resume-last"_s);
        if (files.size() > 1 || (files.isEmpty() && !resume)) {
            usageError(u"apply takes one plan file"_s);
            return;
        }
        if (parser.isSet(u"resume"_s) && parser.isSet(u"resume-last"_s)) {
            usageError(u"--resume and --resume-last exclude each other"_s);
            return;
        }
        int concurrency = 0;
        if (!concurrencyOption(parser, &concurrency) || !reportOption(parser))
            return;

        std::optional<Ops::Plan> plan;
        if (!files.isEmpty()) {
            plan = readPlan(files.first());
            if (!plan)
                return;
        }
        if (!resume) {
            if (!deletionConfirmed(parser, *plan))
                return;
            auto job = std::make_unique<Ops::Job>(*plan, &m_steps);
            job->setJournalDirectory(Ops::JobHistory::defaultDirectory());
            job->setPlanPath(QFileInfo(files.first()).absoluteFilePath());
            runJob(std::move(job), Ops::Job::Mode::Apply, concurrency);
            return;
        }

        const Ops::JobHistory history(Ops::JobHistory::defaultDirectory());
        QString journal;
        if (parser.isSet(u"resume"_s)) {
            const std::optional<Ops::JobHistory::Entry> entry = history.entry(parser.value(u"resume"_s));
            if (!entry) {
                fail(u"no job %1 in %2"_s.arg(parser.value(u"resume"_s), history.directory()));
                return;
            }
            journal = entry->journalPath;
        } else {
            for (const Ops::JobHistory::Entry &entry : history.resumable()) {
                if (!plan || journalPlanMatches(entry.journalPath, *plan)) {
                    journal = entry.journalPath;
                    break;
                }
            }
            if (journal.isEmpty()) {
                fail(plan ? u"no interrupted job of plan %1 to resume"_s.arg(files.first())
                          : u"no interrupted job to resume"_s);
                return;
            }
        }
        // Resuming one plan's job with another plan's file would mix them up.
        if (plan && !journalPlanMatches(journal, *plan)) {
            fail(
                u"the job in %1 ran another plan than %2 (they differ); resume it without FILE, or apply the file as a "
                u"new job"_s.arg(journal, files.first()));
            return;
        }
        // The plan the job runs is the journal's; a FILE given matches it (above).
        if (const std::optional<Ops::Plan> journalled = journalPlan(journal);
            journalled && !deletionConfirmed(parser, *journalled))
            return;
        QString error;
        std::unique_ptr<Ops::Job> job = Ops::Job::resume(journal, &m_steps, &error);
        if (!job) {
            fail(error);
            return;
        }
        context().output().error(u"resuming job %1"_s.arg(job->id()));
        runJob(std::move(job), Ops::Job::Mode::Apply, concurrency);
    }

private:
    // A plan that deletes content for good ("delete" steps, Ops::OwnershipDeleteStep) is applied
    // only with --yes, as `ownership delete` asks for it (issue 8); false after the usage error.
    [[nodiscard]] bool deletionConfirmed(const QCommandLineParser &parser, const Ops::Plan &plan)
    {
        if (parser.isSet(u"yes"_s))
            return true;
        const QString deleteType = Ops::OwnershipDeleteStep::type().name;
        qsizetype deletes = 0;
        for (const Ops::Plan::Target &target : plan.targets) {
            deletes += std::count_if(target.steps.cbegin(), target.steps.cend(),
                                     [&deleteType](const Ops::Plan::Step &step) { return step.type == deleteType; });
        }
        if (deletes == 0)
            return true;
        usageError(u"the plan holds %1 \"delete\" step%2, which delete content for good: add --yes to apply it "
                   u"(`tenantryctl plan FILE` shows what would be deleted)"_s.arg(deletes)
                       .arg(deletes == 1 ? QString() : u"s"_s));
        return false;
    }

    // The plan a journal's job runs, as its first record holds it; nullopt when it cannot be read
    // (Job::resume() then says why).
    [[nodiscard]] std::optional<Ops::Plan> journalPlan(const QString &journal) const
    {
        const Ops::JournalContents ends = Ops::JournalReader::readEnds(journal);
        if (!ends.ok() || ends.records.isEmpty())
            return std::nullopt;
        const Ops::PlanReadResult read
            = Ops::PlanReader(&m_steps).fromJson(ends.records.first().value(u"plan"_s).toObject());
        return read.plan; // set only when the plan is valid
    }

    [[nodiscard]] static bool journalPlanMatches(const QString &journal, const Ops::Plan &plan)
    {
        const Ops::JournalContents ends = Ops::JournalReader::readEnds(journal);
        return ends.ok() && !ends.records.isEmpty()
            && ends.records.first().value(u"planSha256"_s).toString().toLatin1() == plan.sha256();
    }
};

} // namespace

void PlanCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"plan"_s, u"Dry-run a plan: what applying it would change, step by step."_s);
    registry.add({u"plan"_s,
                  {},
                  u"Print the dry run of a plan; changes nothing."_s,
                  u"FILE [--report FILE.csv|FILE.json]"_s,
                  CommandRegistry::factoryOf<PlanCommand>()});
    registry.addGroup(u"apply"_s, u"Apply a plan as a job, journalled so that it can be resumed."_s);
    registry.add({u"apply"_s,
                  {},
                  u"Apply a plan; progress on stderr, the summary on stdout."_s,
                  u"FILE [--resume JOBID|--resume-last] [--yes] [--report FILE.csv|FILE.json]"_s,
                  CommandRegistry::factoryOf<ApplyCommand>()});
}
