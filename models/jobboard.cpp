#include "jobboard.h"

#include "cloud/cloudclient.h"
#include "joblistmodel.h"
#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/journalreader.h"
#include "ops/journalreplay.h"
#include "ops/planreader.h"
#include "secrets/secretstore.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

JobBoard::JobBoard(QObject *parent, Secrets::SecretStore *keys)
    : QObject(parent)
    , m_keys(keys ? keys : new Secrets::SecretStore(this))
    , m_model(std::make_unique<JobListModel>())
    , m_journalDirectory(Ops::JobHistory::defaultDirectory())
{
    // As tenantryctl apply: the JWT steps find their signing keys in the same keychain entries.
    Ops::BuiltInSteps::registerAll(&m_steps, m_keys);
    reloadHistory();
}

JobBoard::~JobBoard()
{
    // The model drops the rows of destroyed jobs, and views ask about jobs as it does: they must
    // find none in m_jobs while it is being emptied. The model goes after them.
    auto jobs = std::move(m_jobs);
    m_jobs.clear();
    jobs.clear();
}

void JobBoard::setCloudClient(Cloud::CloudClient *client)
{
    if (client == m_client)
        return;
    // A job keeps the client it started with; one whose client goes away must stop first.
    for (const auto &job : m_jobs) {
        if (job->isRunning())
            job->cancel();
    }
    m_client = client;
}

Cloud::CloudClient *JobBoard::cloudClient() const
{
    return m_client;
}

void JobBoard::setJournalDirectory(const QString &directory)
{
    m_journalDirectory = directory;
    reloadHistory();
}

void JobBoard::reloadHistory()
{
    if (m_journalDirectory.isEmpty())
        return;
    m_model->loadHistory(Ops::JobHistory(m_journalDirectory));
}

Ops::Job *JobBoard::liveJob(const QString &jobId) const
{
    const auto it
        = std::find_if(m_jobs.begin(), m_jobs.end(), [&jobId](const auto &job) { return job->id() == jobId; });
    return it == m_jobs.end() ? nullptr : it->get();
}

std::optional<Ops::JobState> JobBoard::jobState(const QString &jobId, QString *error) const
{
    if (const Ops::Job *job = liveJob(jobId))
        return job->state();
    const std::optional<Ops::JobHistory::Entry> entry = Ops::JobHistory(m_journalDirectory).entry(jobId);
    if (!entry) {
        *error = tr("no job %1 in %2").arg(jobId, m_journalDirectory);
        return std::nullopt;
    }
    return Ops::JournalReplay::replay(Ops::JournalReader::read(entry->journalPath), error);
}

Ops::Job *JobBoard::dryRun(const QString &planPath, QString *error)
{
    const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).readFile(planPath);
    if (!read.ok()) {
        QStringList lines;
        for (const Ops::PlanIssue &issue : read.issues)
            lines.append(planPath + u": "_s + issue.toString());
        *error = lines.join(u'\n');
        return nullptr;
    }
    auto job = std::make_unique<Ops::Job>(*read.plan, &m_steps);
    job->setPlanPath(QFileInfo(planPath).absoluteFilePath());
    return startJob(std::move(job), true, error);
}

Ops::Job *JobBoard::dryRun(const Ops::Plan &plan, QString *error)
{
    return startJob(std::make_unique<Ops::Job>(plan, &m_steps), true, error);
}

Ops::Job *JobBoard::applyDryRun(const QString &dryRunJobId, QString *error)
{
    const Ops::Job *dry = liveJob(dryRunJobId);
    if (!dry || dry->mode() != Ops::Job::Mode::DryRun) {
        *error = tr("job %1 is not a dry run of this session").arg(dryRunJobId);
        return nullptr;
    }
    if (dry->isRunning()) {
        *error = tr("the dry run %1 has not finished yet").arg(dryRunJobId);
        return nullptr;
    }
    return applyPlan(dry->state().plan, dry->state().planPath, error);
}

Ops::Job *JobBoard::applyPlan(const Ops::Plan &plan, const QString &planPath, QString *error)
{
    auto job = std::make_unique<Ops::Job>(plan, &m_steps);
    job->setJournalDirectory(m_journalDirectory);
    job->setPlanPath(planPath);
    return startJob(std::move(job), false, error);
}

Ops::Job *JobBoard::startJob(std::unique_ptr<Ops::Job> job, bool dryRun, QString *error)
{
    if (!m_client) {
        *error = tr("not connected: jobs need a connection to Qlik Cloud (or the sandbox)");
        return nullptr;
    }
    job->setCloudClient(m_client);
    Ops::Job *raw = job.get();
    connect(raw, &Ops::Job::finished, this, [this, raw] { Q_EMIT jobFinished(raw); });
    m_jobs.push_back(std::move(job));
    m_model->addJob(raw);
    if (!raw->start(dryRun ? Ops::Job::Mode::DryRun : Ops::Job::Mode::Apply)) {
        *error = raw->errorString();
        releaseJob(raw);
        return nullptr;
    }
    Q_EMIT jobStarted(raw);
    return raw;
}

void JobBoard::releaseJob(Ops::Job *job)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [job](const auto &owned) { return owned.get() == job; });
    if (it == m_jobs.end())
        return;
    // Out of m_jobs before it dies: its row leaves the model then, and views ask about the rest.
    std::unique_ptr<Ops::Job> owned = std::move(*it);
    m_jobs.erase(it);
    owned.reset();
}

int JobBoard::runningApplyCount() const
{
    return static_cast<int>(std::count_if(m_jobs.begin(), m_jobs.end(), [](const auto &job) {
        return job->isRunning() && job->mode() == Ops::Job::Mode::Apply;
    }));
}

void JobBoard::cancelAll()
{
    for (const auto &job : m_jobs) {
        if (job->isRunning())
            job->cancel();
    }
}

bool JobBoard::cancel(const QString &jobId, QString *error)
{
    Ops::Job *job = liveJob(jobId);
    if (!job || !job->isRunning()) {
        *error = tr("job %1 is not running in this session").arg(jobId);
        return false;
    }
    job->cancel();
    return true;
}

bool JobBoard::canRetry(const QString &jobId) const
{
    if (const Ops::Job *job = liveJob(jobId)) {
        if (job->isRunning() || job->mode() != Ops::Job::Mode::Apply)
            return false;
        const Ops::JobStatus status = job->state().status;
        return status == Ops::JobStatus::Failed || status == Ops::JobStatus::Cancelled;
    }
    const std::optional<Ops::JobHistory::Entry> entry = Ops::JobHistory(m_journalDirectory).entry(jobId);
    return entry && !entry->dryRun && entry->readable
        && (entry->isResumable() || entry->status == Ops::JobStatus::Failed);
}

Ops::Job *JobBoard::retry(const QString &jobId, QString *error)
{
    if (Ops::Job *job = liveJob(jobId)) {
        if (job->isRunning()) {
            *error = tr("job %1 is still running").arg(jobId);
            return nullptr;
        }
        if (job->state().status != Ops::JobStatus::Cancelled) {
            if (!job->retryFailed()) {
                *error = job->errorString();
                return nullptr;
            }
            Q_EMIT jobStarted(job);
            return job;
        }
        // A cancelled job resumes from its journal like one of another run: its writer (and the
        // journal's lock) must be gone first.
        const QString journal = job->journalPath();
        releaseJob(job);
        m_model->loadHistory(Ops::JobHistory(m_journalDirectory));
        if (journal.isEmpty()) {
            *error = tr("job %1 has no journal to resume from").arg(jobId);
            return nullptr;
        }
    }
    const std::optional<Ops::JobHistory::Entry> entry = Ops::JobHistory(m_journalDirectory).entry(jobId);
    if (!entry) {
        *error = tr("no job %1 in %2").arg(jobId, m_journalDirectory);
        return nullptr;
    }
    if (entry->status == Ops::JobStatus::Failed && !entry->dryRun) {
        // Finished with failures in an earlier run: its plan again converges (steps probe first).
        QString replayError;
        const std::optional<Ops::JobState> state
            = Ops::JournalReplay::replay(Ops::JournalReader::read(entry->journalPath), &replayError);
        if (!state) {
            *error = replayError;
            return nullptr;
        }
        return applyPlan(state->plan, state->planPath, error);
    }
    std::unique_ptr<Ops::Job> resumed = Ops::Job::resume(entry->journalPath, &m_steps, error);
    if (!resumed)
        return nullptr;
    return startJob(std::move(resumed), false, error);
}
