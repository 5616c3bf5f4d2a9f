#pragma once

#include "ops/jobstate.h"
#include "ops/licensepoolcheck.h"
#include "ops/plan.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

namespace Cloud {
class CloudClient;
}

namespace Ops {

class JournalWriter;
class StepRegistry;
class TargetRunner;

// Runs a plan (DESIGN.md §4): targets in parallel, at most `concurrency` at a time; the steps of one
// target in order. A dry run only probes. An apply probes, applies and verifies each step, with the
// plan's preflight policy deciding what is probed before anything changes. Every probe, every
// apply intent (before the call), every change with its ids, and every end goes to the journal
// first, so that a job killed at any point can be resumed without repeating or duplicating work.
class Job : public QObject
{
    Q_OBJECT

public:
    enum class Mode { DryRun, Apply };

    // `registry` must outlive the job.
    Job(const Plan &plan, const StepRegistry *registry, QObject *parent = nullptr);
    ~Job() override;
    Q_DISABLE_COPY_MOVE(Job)

    // A job rebuilt from the journal of an earlier run that did not finish (crash, kill, cancel):
    // targets that ended (succeeded, failed, blocked) stay as they are; the others continue, their
    // completed steps are not run again, and the step that was in flight is probed again first.
    // Null with `error` when there is nothing to resume or the journal cannot be trusted.
    [[nodiscard]] static std::unique_ptr<Job> resume(const QString &journalPath, const StepRegistry *registry,
                                                     QString *error);

    // Settings; change them before start().
    void setCloudClient(Cloud::CloudClient *cloud) { m_cloud = cloud; }
    // Where `<jobId>.jsonl` goes (JobHistory::defaultDirectory() in the programs); empty: no journal.
    void setJournalDirectory(const QString &directory) { m_journalDirectory = directory; }
    void setPlanPath(const QString &path) { m_state.planPath = path; }
    void setConcurrency(int concurrency) { m_concurrency = concurrency; } // 0: the plan's
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; } // 0: the plan's
    // First retry waits this long, each further one twice as long (at most 30 s).
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }

    // Starts; false (see errorString()) when already running, when the plan holds a secret, or when
    // a resumed job's journal is refused. A new journal is made on its own thread: if that fails,
    // the job stops before any target starts and ends Failed, with errorString() saying why.
    // Progress and finished() come later, from the event loop, never from within start(); finished()
    // once the job-end record is on disk.
    bool start(Mode mode = Mode::Apply);
    // Stops starting targets and aborts what is in flight; finished() follows once all have stopped.
    void cancel();
    // Runs the failed and blocked targets of a finished apply again, from their first incomplete step,
    // and those a stopped staged rollout never started.
    bool retryFailed();

    [[nodiscard]] QString id() const { return m_state.jobId; }
    [[nodiscard]] const JobState &state() const { return m_state; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] bool isRunning() const { return m_state.status == JobStatus::Running; }
    [[nodiscard]] QString journalPath() const { return m_journalPath; }
    // The journal's writer once start() has made or reopened it (null without a journal). Its
    // appended() comes on the writer thread the moment a record is in the file (crash tests).
    [[nodiscard]] const JournalWriter *journalWriter() const { return m_journal.get(); }
    // Where the journal is (set, or of the resumed journal); empty without a journal.
    [[nodiscard]] QString stateDirectory() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int concurrency() const;
    [[nodiscard]] int maxAttempts() const;
    [[nodiscard]] std::chrono::milliseconds retryDelay(int failures) const;
    // The most targets that ran at the same time (for tests and benchmarks).
    [[nodiscard]] int peakRunningTargets() const { return m_peakRunning; }

    [[nodiscard]] static QString newJobId();

Q_SIGNALS:
    void statusChanged(Ops::JobStatus status);
    void targetChanged(int target);
    void stepChanged(int target, int step);
    void finished();
    // A record has reached the journal (with its "seq" and "time"): for live logs and tests.
    void recorded(const QJsonObject &record);

private:
    void attachJournal();
    // The plan's compact JSON and hash, made on a pool thread by start(): writes the job-start
    // record, then on to checkLicensePool().
    void planPrepared(const QJsonObject &planJson, const QByteArray &compactPlan, const QByteArray &sha256);
    // A staged rollout: only the first wave is queued, the other targets are held.
    void holdWaves();
    // A wave has settled: queue the next one, or stop the held targets when too many of it failed.
    void judgeWave();
    friend class TargetRunner;
    enum class Phase { Preflight, Apply };

    // Before targets start (a run, a retry): the plan-wide license pool check, then pump().
    void checkLicensePool();
    void licensePoolChecked();
    void pump();
    void startRunner(int target);
    void runnerFinished(int target);
    void phaseFinished();
    void finish();
    void setStatus(JobStatus status);

    // For TargetRunner. Queues `record` for the journal (written on its own thread); false when the
    // journal has already failed. `written` runs once the record is on disk (true) or refused
    // (false), unless `context` is gone by then; without a journal, at once.
    bool record(const QJsonObject &record, const QObject *context = nullptr,
                const std::function<void(bool written)> &written = {});
    void journalFailed();
    // finish()'s end, once the job-end record is on disk.
    void ended(JobStatus status);
    [[nodiscard]] const StepRegistry *registry() const { return m_registry; }
    // Why the license pool check blocked a target (its "licenses" step), or null.
    [[nodiscard]] const LicensePoolCheck::Block *poolBlock(int target) const
    {
        const auto found = m_poolBlocks.constFind(target);
        return found == m_poolBlocks.constEnd() ? nullptr : &*found;
    }
    [[nodiscard]] Cloud::CloudClient *cloud() const { return m_cloud; }
    [[nodiscard]] JobState::Target &targetState(int target) { return m_state.targets[target]; }
    void notifyTarget(int target) { Q_EMIT targetChanged(target); }
    void notifyStep(int target, int step) { Q_EMIT stepChanged(target, step); }

    JobState m_state;
    const StepRegistry *m_registry;
    Cloud::CloudClient *m_cloud = nullptr;
    QString m_journalDirectory;
    QString m_journalPath;
    std::unique_ptr<JournalWriter> m_journal;
    qint64 m_resumeValidSize = -1; // >= 0: a resumed job continues this journal
    qint64 m_resumeLastSeq = 0;
    QString m_resumeNote;
    Mode m_mode = Mode::Apply;
    Phase m_phase = Phase::Apply;
    int m_concurrency = 0;
    int m_maxAttempts = 0;
    std::chrono::milliseconds m_retryDelay{500};
    QList<int> m_queue;
    QList<int> m_wave; // a staged rollout's current wave, while it runs
    int m_waveNumber = 0; // 1 for the first
    QList<int> m_held; // the targets after it, started wave by wave as long as each went well enough
    QHash<int, TargetRunner *> m_runners;
    std::unique_ptr<LicensePoolCheck> m_poolCheck; // while it reads the pools
    QHash<int, LicensePoolCheck::Block> m_poolBlocks; // target -> why the pool check blocked it
    int m_peakRunning = 0;
    bool m_cancelled = false;
    bool m_preparing = false; // start() has the plan's compact form made; no target runs yet
    bool m_journalBroken = false;
    bool m_ending = false; // finish() waits for the job-end record to reach the disk
    QString m_error;
};

} // namespace Ops
