#include "ops/job.h"

#include "ops/journalreader.h"
#include "ops/journalreplay.h"
#include "ops/journalwriter.h"
#include "ops/planreader.h"
#include "ops/secretscreen.h"
#include "ops/targetrunner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimer>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

Job::Job(const Plan &plan, const StepRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_state(newJobId(), plan, false)
    , m_registry(registry)
{ }

Job::~Job() = default;

QString Job::newJobId()
{
    // Sortable by start time, unique enough to never collide on one machine.
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s) + u'-'
        + QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

int Job::concurrency() const
{
    return std::max(1, m_concurrency > 0 ? m_concurrency : m_state.plan.options.concurrency);
}

int Job::maxAttempts() const
{
    return std::max(1, m_maxAttempts > 0 ? m_maxAttempts : m_state.plan.options.maxAttempts);
}

std::chrono::milliseconds Job::retryDelay(int failures) const
{
    const int doublings = std::clamp(failures - 1, 0, 16);
    const std::chrono::milliseconds delay(m_retryDelay.count() * (qint64(1) << doublings));
    return std::min(delay, std::chrono::milliseconds(30000));
}

QString Job::stateDirectory() const
{
    if (!m_journalPath.isEmpty())
        return QFileInfo(m_journalPath).absolutePath();
    return m_journalDirectory;
}

std::unique_ptr<Job> Job::resume(const QString &journalPath, const StepRegistry *registry, QString *error)
{
    const JournalContents contents = JournalReader::read(journalPath);
    std::optional<JobState> state = JournalReplay::replay(contents, error);
    if (!state)
        return nullptr;
    if (state->dryRun) {
        *error = u"job %1 was a dry run; there is nothing to resume"_s.arg(state->jobId);
        return nullptr;
    }
    if (state->status != JobStatus::Interrupted && state->status != JobStatus::Cancelled) {
        const JobState::Counts counts = state->counts();
        *error = u"job %1 already finished (%2: %3 succeeded, %4 failed, %5 blocked); apply its plan again to "
                 u"converge, or retry its failed targets"_s.arg(state->jobId, jobStatusName(state->status))
                     .arg(counts.succeeded)
                     .arg(counts.failed)
                     .arg(counts.blocked);
        return nullptr;
    }
    // The plan must still be runnable here: every step type known, every parameter valid.
    const PlanReadResult check = PlanReader(registry).fromJson(state->plan.toJson());
    if (!check.ok()) {
        *error = u"job %1 cannot be resumed by this Tenantry: "_s.arg(state->jobId)
            + PlanIssue::toStrings(check.issues).join(u"; "_s);
        return nullptr;
    }

    auto job = std::make_unique<Job>(state->plan, registry);
    job->m_journal = JournalWriter::reopen(journalPath, contents.validSize, contents.lastSeq, error);
    if (!job->m_journal)
        return nullptr;
    job->m_state = *state;
    job->m_state.status = JobStatus::Ready;
    job->m_state.finished = {};
    for (JobState::Target &target : job->m_state.targets) {
        if (target.status == TargetStatus::Succeeded || target.status == TargetStatus::Failed
            || target.status == TargetStatus::Blocked)
            continue;
        // Unfinished: completed steps stay done; the one in flight and the rest start over with a probe.
        target.status = TargetStatus::Pending;
        target.message.clear();
        target.finished = {};
        for (JobState::Step &step : target.steps) {
            if (!step.isComplete())
                step = JobState::Step();
        }
    }
    job->attachJournal();
    job->m_journalPath = journalPath;
    job->m_resumeValidSize = contents.validSize;
    job->m_resumeLastSeq = contents.lastSeq;
    job->m_resumeNote = contents.note;
    return job;
}

bool Job::start(Mode mode)
{
    const bool resumed = m_resumeValidSize >= 0;
    if (m_state.status != JobStatus::Ready) {
        m_error = u"job %1 has already run; use retryFailed() to run its failed targets again"_s.arg(id());
        return false;
    }
    if (resumed && mode == Mode::DryRun) {
        m_error = u"a resumed job applies; run a new dry run of its plan instead"_s;
        return false;
    }
    // Plans from files passed the same screen in PlanReader; plans built in code must pass it too.
    // Screened as they are: making their JSON here would keep the GUI thread busy for a plan of a
    // thousand targets (the JSON is made on a pool thread below).
    if (const QList<PlanIssue> secrets = SecretScreen::findSecrets(m_state.plan); !secrets.isEmpty()) {
        m_error = u"the plan holds what looks like a secret: "_s + PlanIssue::toStrings(secrets).join(u"; "_s);
        return false;
    }
    m_mode = mode;
    m_cancelled = false;
    m_journalBroken = false;
    if (resumed) {
        QJsonObject resume{{u"rec"_s, u"resume"_s}};
        QJsonArray targets;
        for (qsizetype t = 0; t < m_state.targets.size(); ++t) {
            if (m_state.targets.at(t).status == TargetStatus::Pending)
                targets.append(m_state.plan.targets.at(t).id);
        }
        resume.insert(u"targets"_s, targets);
        if (!m_resumeNote.isEmpty())
            resume.insert(u"note"_s, m_resumeNote);
        if (!record(resume)) {
            m_error = m_journal->errorString();
            return false;
        }
        if (!m_resumeNote.isEmpty())
            m_state.notes.append(m_resumeNote);
        m_state.notes.append(u"resumed at %1"_s.arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    } else {
        m_state.dryRun = mode == Mode::DryRun;
        m_state.started = QDateTime::currentDateTimeUtc();
        if (!m_journalDirectory.isEmpty()) {
            // Made on the journal's own thread (taking its lock syncs to disk): a journal that cannot
            // be made stops the job through journalFailed(), before any target starts.
            m_journal = JournalWriter::createLater(m_journalDirectory, id());
            m_journalPath = m_journal->path();
            attachJournal();
        }
        // The plan's compact form (for its hash and the job-start record) is made on a pool thread:
        // for a thousand targets it takes several milliseconds the GUI thread cannot spare. Targets
        // start once the job-start record is in the journal.
        m_preparing = true;
        QPointer<Job> self(this);
        QThreadPool::globalInstance()->start([self, plan = m_state.plan] {
            QJsonObject planJson = plan.toJson();
            QByteArray compact = QJsonDocument(planJson).toJson(QJsonDocument::Compact);
            QByteArray sha = Plan::sha256OfCompactJson(compact);
            // Back through the application object: the job may be deleted on its thread meanwhile.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, planJson = std::move(planJson), compact = std::move(compact), sha = std::move(sha)] {
                    if (self)
                        self->planPrepared(planJson, compact, sha);
                },
                Qt::QueuedConnection);
        });
    }

    m_queue.clear();
    for (qsizetype t = 0; t < m_state.targets.size(); ++t) {
        if (m_state.targets.at(t).status == TargetStatus::Pending)
            m_queue.append(static_cast<int>(t));
    }
    m_phase = mode == Mode::Apply && m_state.plan.options.preflight == Plan::Preflight::Plan ? Phase::Preflight
                                                                                             : Phase::Apply;
    if (mode == Mode::Apply && m_phase == Phase::Apply)
        holdWaves();
    setStatus(JobStatus::Running);
    // Targets start from the event loop, never from within start(): callers may connect after start().
    if (!m_preparing)
        QMetaObject::invokeMethod(this, &Job::checkLicensePool, Qt::QueuedConnection);
    return true;
}

void Job::planPrepared(const QJsonObject &planJson, const QByteArray &compactPlan, const QByteArray &sha256)
{
    m_preparing = false;
    m_state.planSha256 = sha256;
    if (m_journal) {
        const QJsonObject start{
            {u"rec"_s, u"job-start"_s},
            {u"format"_s, u"tenantry-journal"_s},
            {u"version"_s, JournalReplay::FormatVersion},
            {u"jobId"_s, id()},
            {u"mode"_s, m_mode == Mode::DryRun ? u"dry-run"_s : u"apply"_s},
            {u"planPath"_s, m_state.planPath},
            {u"planSha256"_s, QString::fromLatin1(sha256)},
            {u"program"_s,
             QString(QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion())}};
        // As for any record the journal refuses, journalFailed() stops the job if it cannot be
        // written; the records after it (the targets') are queued behind it.
        static_cast<void>(m_journal->appendWithPlan(start, planJson, compactPlan));
    }
    if (m_cancelled) {
        // Cancelled while the plan was being prepared: the targets end now, after the job-start record.
        m_cancelled = false;
        cancel();
        return;
    }
    checkLicensePool();
}

void Job::attachJournal()
{
    connect(m_journal.get(), &JournalWriter::appended, this, &Job::recorded);
    connect(m_journal.get(), &JournalWriter::failed, this, &Job::journalFailed);
}

void Job::holdWaves()
{
    m_wave.clear();
    m_held.clear();
    m_waveNumber = 0;
    const Plan::Options &options = m_state.plan.options;
    const int first = options.firstWave > 0 ? options.firstWave : options.waveSize;
    if (first <= 0 || m_queue.size() <= first)
        return;
    m_wave = m_queue.mid(0, first);
    m_held = m_queue.mid(first);
    m_queue = m_wave;
    m_waveNumber = 1;
}

void Job::judgeWave()
{
    int failed = 0;
    for (const int t : std::as_const(m_wave)) {
        const TargetStatus status = m_state.targets.at(t).status;
        failed += status == TargetStatus::Failed || status == TargetStatus::Blocked ? 1 : 0;
    }
    const QList<int> held = std::exchange(m_held, {});
    const int waveSize = static_cast<int>(m_wave.size());
    m_wave.clear();
    const Plan::Options &options = m_state.plan.options;
    // More than X% failed: integer arithmetic, so 1 of 3 is over 33% but not over 34%.
    if (failed * 100 <= options.maxWaveFailurePercent * waveSize) {
        const qsizetype next = options.waveSize > 0 ? options.waveSize : held.size();
        m_wave = held.mid(0, next);
        m_held = held.mid(next);
        m_queue = m_wave;
        ++m_waveNumber;
        return;
    }
    const QString wave = m_waveNumber == 1 ? u"the first wave's"_s : u"wave %1's"_s.arg(m_waveNumber);
    const QString reason
        = u"%1 of %2 %3 targets failed or were blocked (more than %4%)"_s.arg(failed).arg(wave).arg(waveSize).arg(
            options.maxWaveFailurePercent);
    m_state.notes.append(u"staged rollout stopped after %1: "_s.arg(m_waveNumber == 1 ? u"the first wave"_s
                                                                                      : u"wave %1"_s.arg(m_waveNumber))
                         + reason);
    const QString message = u"not started: "_s + reason;
    for (const int t : held) {
        JobState::Target &target = m_state.targets[t];
        target.status = TargetStatus::Cancelled;
        target.message = message;
        record({{u"rec"_s, u"target-end"_s},
                {u"target"_s, m_state.plan.targets.at(t).id},
                {u"status"_s, targetStatusName(TargetStatus::Cancelled)},
                {u"message"_s, message}});
        Q_EMIT targetChanged(t);
    }
}

bool Job::retryFailed()
{
    if (m_state.status == JobStatus::Running || m_state.status == JobStatus::Ready || m_mode != Mode::Apply) {
        m_error = u"only a finished apply can retry its failed targets"_s;
        return false;
    }
    QJsonArray retried;
    m_queue.clear();
    for (qsizetype t = 0; t < m_state.targets.size(); ++t) {
        JobState::Target &target = m_state.targets[t];
        // Cancelled ones of a finished (not cancelled) job are those a stopped staged rollout held back.
        if (target.status != TargetStatus::Failed && target.status != TargetStatus::Blocked
            && (target.status != TargetStatus::Cancelled || m_state.status == JobStatus::Cancelled))
            continue;
        target.status = TargetStatus::Pending;
        target.message.clear();
        target.finished = {};
        for (qsizetype s = 0; s < target.steps.size(); ++s) {
            if (!target.steps.at(s).isComplete()) {
                target.steps[s] = JobState::Step();
                Q_EMIT stepChanged(static_cast<int>(t), static_cast<int>(s));
            }
        }
        Q_EMIT targetChanged(static_cast<int>(t));
        retried.append(m_state.plan.targets.at(t).id);
        m_queue.append(static_cast<int>(t));
    }
    if (m_queue.isEmpty()) {
        m_error = u"no failed or blocked targets to retry"_s;
        return false;
    }
    m_cancelled = false;
    m_state.finished = {};
    record({{u"rec"_s, u"retry"_s}, {u"targets"_s, retried}});
    m_phase = m_state.plan.options.preflight == Plan::Preflight::Plan ? Phase::Preflight : Phase::Apply;
    setStatus(JobStatus::Running);
    QMetaObject::invokeMethod(this, &Job::checkLicensePool, Qt::QueuedConnection);
    return true;
}

void Job::cancel()
{
    if (m_state.status != JobStatus::Running || m_cancelled || m_ending)
        return;
    m_cancelled = true;
    if (m_preparing)
        return; // planPrepared() ends the targets once the job-start record is written
    m_poolCheck.reset(); // its reads are dropped; no target has started
    // Targets not started yet end here; running ones stop at their next safe point.
    m_queue.append(std::exchange(m_held, {}));
    m_wave.clear();
    for (const int t : std::as_const(m_queue)) {
        JobState::Target &target = m_state.targets[t];
        target.status = TargetStatus::Cancelled;
        target.message = u"cancelled before it started"_s;
        record({{u"rec"_s, u"target-end"_s},
                {u"target"_s, m_state.plan.targets.at(t).id},
                {u"status"_s, targetStatusName(TargetStatus::Cancelled)},
                {u"message"_s, target.message}});
        Q_EMIT targetChanged(t);
    }
    m_queue.clear();
    const QList<TargetRunner *> runners = m_runners.values();
    for (TargetRunner *runner : runners)
        runner->cancel();
    if (m_runners.isEmpty())
        QMetaObject::invokeMethod(this, &Job::phaseFinished, Qt::QueuedConnection);
}

void Job::checkLicensePool()
{
    m_poolBlocks.clear();
    if (m_cancelled || !m_cloud || m_state.status != JobStatus::Running) {
        pump();
        return;
    }
    // Every target this run may start, later waves too: the pool is shared by all of them.
    QList<int> targets = m_queue + m_held;
    std::sort(targets.begin(), targets.end());
    auto check = std::make_unique<LicensePoolCheck>(m_state, targets, m_cloud);
    if (!check->isNeeded()) {
        pump();
        return;
    }
    m_poolCheck = std::move(check);
    connect(m_poolCheck.get(), &LicensePoolCheck::finished, this, &Job::licensePoolChecked, Qt::QueuedConnection);
    m_poolCheck->start();
}

void Job::licensePoolChecked()
{
    const std::unique_ptr<LicensePoolCheck> check = std::move(m_poolCheck);
    if (!check || m_cancelled)
        return;
    for (const LicensePoolCheck::Block &block : check->blocks())
        m_poolBlocks.insert(block.target, block);
    for (const QString &note : check->notes()) {
        m_state.notes.append(note);
        record({{u"rec"_s, u"note"_s}, {u"text"_s, note}});
    }
    pump();
}

void Job::pump()
{
    if (!m_cancelled && m_runners.isEmpty() && m_queue.isEmpty() && !m_held.isEmpty())
        judgeWave();
    while (!m_cancelled && m_runners.size() < concurrency() && !m_queue.isEmpty())
        startRunner(m_queue.takeFirst());
    if (m_runners.isEmpty() && (m_queue.isEmpty() || m_cancelled))
        phaseFinished();
}

void Job::startRunner(int target)
{
    TargetRunner::Pass pass = TargetRunner::Pass::Apply;
    if (m_mode == Mode::DryRun || m_phase == Phase::Preflight)
        pass = TargetRunner::Pass::Dry;
    else if (m_state.plan.options.preflight == Plan::Preflight::Target)
        pass = TargetRunner::Pass::DryThenApply;
    auto *runner = new TargetRunner(this, target, pass);
    connect(runner, &TargetRunner::finished, this, &Job::runnerFinished);
    m_runners.insert(target, runner);
    m_peakRunning = std::max(m_peakRunning, static_cast<int>(m_runners.size()));
    runner->start();
}

void Job::runnerFinished(int target)
{
    if (TargetRunner *runner = m_runners.take(target))
        runner->deleteLater();
    pump();
}

void Job::phaseFinished()
{
    if (m_state.status != JobStatus::Running || !m_runners.isEmpty() || m_ending)
        return;
    if (!m_cancelled && m_mode == Mode::Apply && m_phase == Phase::Preflight) {
        const JobState::Counts counts = m_state.counts();
        if (counts.blocked > 0 || counts.failed > 0) {
            // Preflight "plan": all or nothing. The planned targets stay as planned, untouched.
            m_state.notes.append(
                u"nothing was applied: the preflight found %1 blocked and %2 failed targets"_s.arg(counts.blocked)
                    .arg(counts.failed));
            finish();
            return;
        }
        m_phase = Phase::Apply;
        for (qsizetype t = 0; t < m_state.targets.size(); ++t) {
            if (m_state.targets.at(t).status == TargetStatus::Planned)
                m_queue.append(static_cast<int>(t));
        }
        holdWaves();
        pump();
        return;
    }
    finish();
}

void Job::finish()
{
    const JobState::Counts counts = m_state.counts();
    JobStatus status = JobStatus::Succeeded;
    if (m_cancelled && !m_journalBroken)
        status = JobStatus::Cancelled;
    else if (m_mode == Mode::DryRun && !m_journalBroken)
        status = counts.failed > 0 ? JobStatus::Failed : JobStatus::Planned;
    else if (m_phase == Phase::Preflight && !m_journalBroken)
        status = JobStatus::Refused;
    else if (m_journalBroken || counts.succeeded != counts.targets)
        status = JobStatus::Failed;
    m_state.finished = QDateTime::currentDateTimeUtc();
    QJsonObject end{{u"rec"_s, u"job-end"_s}, {u"status"_s, jobStatusName(status)}, {u"counts"_s, counts.toJson()}};
    if (m_journalBroken)
        end.insert(u"error"_s, m_error);
    // Finished once the journal says so: whoever reads it after finished() finds the job-end.
    if (!m_journalBroken && m_journal) {
        m_ending = true;
        if (record(end, this, [this, status](bool written) { ended(written ? status : JobStatus::Failed); }))
            return;
        status = JobStatus::Failed;
    } else if (!m_journalBroken) {
        record(end);
    }
    ended(status);
}

void Job::ended(JobStatus status)
{
    m_ending = false;
    setStatus(status);
    Q_EMIT finished();
}

void Job::setStatus(JobStatus status)
{
    if (m_state.status == status)
        return;
    m_state.status = status;
    Q_EMIT statusChanged(status);
}

bool Job::record(const QJsonObject &record, const QObject *context, const std::function<void(bool written)> &written)
{
    if (!m_journal) {
        if (written)
            written(true);
        return true;
    }
    if (m_journalBroken)
        return false;
    return m_journal->append(record, context, written);
}

void Job::journalFailed()
{
    // Without a journal the job could not be resumed safely: stop everything at its next safe point.
    // (A job waiting for its job-end record ends when that record's failure comes back.)
    if (m_journalBroken)
        return;
    m_journalBroken = true;
    m_error = m_journal->errorString();
    m_state.notes.append(m_error);
    cancel();
}

} // namespace Ops
