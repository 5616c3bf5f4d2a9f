#pragma once

#include "ops/jobstate.h"
#include "ops/plan.h"
#include "ops/stepregistry.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Cloud {
class CloudClient;
}
namespace Ops {
class Job;
}
class JobListModel;
namespace Secrets {
class SecretStore;
}

// The jobs of the GUI (DESIGN.md §4): dry runs and applies of plan files, run by the same engine
// as `tenantryctl plan/apply` (Ops::Job with the built-in step types), journalled in the shared
// jobs folder so that history and resume work across restarts and with tenantryctl. Owns the
// live jobs and the activity panel's model. Never blocks: jobs run on the event loop.
class JobBoard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobBoard)

public:
    // Steps that keep keys in the keychain (the JWT steps) use `keys`, or, when null, a store of the
    // default service owned by the board.
    explicit JobBoard(QObject *parent = nullptr, Secrets::SecretStore *keys = nullptr);
    ~JobBoard() override;

    // The client jobs talk through (not owned). Changing it cancels the jobs still running on the
    // previous one; null: no job can start.
    void setCloudClient(Cloud::CloudClient *client);
    [[nodiscard]] Cloud::CloudClient *cloudClient() const;
    // Where journals go and history comes from (default Ops::JobHistory::defaultDirectory()).
    // Reloads the history.
    void setJournalDirectory(const QString &directory);
    [[nodiscard]] QString journalDirectory() const { return m_journalDirectory; }

    [[nodiscard]] JobListModel *model() const { return m_model.get(); }
    [[nodiscard]] const Ops::StepRegistry &steps() const { return m_steps; }
    // The keychain the steps read their keys and secrets from (the wizard stores into it).
    [[nodiscard]] Secrets::SecretStore *keys() const { return m_keys; }

    // Reads and checks the plan file and starts its dry run (no journal: nothing changes). Null
    // with `error` ("FILE: path: message" lines) when the plan is unusable or no client is set.
    Ops::Job *dryRun(const QString &planPath, QString *error);
    // Starts the dry run of a plan built in memory (the publish wizard's rollout; read with steps()).
    Ops::Job *dryRun(const Ops::Plan &plan, QString *error);
    // Applies the plan the dry run `dryRunJobId` probed, as a new journalled job.
    Ops::Job *applyDryRun(const QString &dryRunJobId, QString *error);
    // Stops a running job of this process.
    bool cancel(const QString &jobId, QString *error);
    // A finished apply of this process retries its failed and blocked targets; a cancelled one,
    // or an interrupted or cancelled job of the history, is resumed from its journal
    // (Ops::Job::resume); a past failed job applies its plan again (changing only what differs).
    Ops::Job *retry(const QString &jobId, QString *error);
    // Whether retry() has something to do for the job (for enabling the action).
    [[nodiscard]] bool canRetry(const QString &jobId) const;

    [[nodiscard]] Ops::Job *liveJob(const QString &jobId) const;
    // What a job did: a live job's state, or a past one's replayed from its journal (the rollout
    // report's source). Empty with `error` when the job is unknown or its journal unreadable.
    [[nodiscard]] std::optional<Ops::JobState> jobState(const QString &jobId, QString *error) const;
    [[nodiscard]] int liveJobCount() const { return static_cast<int>(m_jobs.size()); }
    // Applies still running in this process: quitting would stop them midway (dry runs change
    // nothing, so they do not count).
    [[nodiscard]] int runningApplyCount() const;
    // Cancels every running job; each ends at its next safe point and journals it, so an apply
    // can be resumed later. jobFinished() follows for each.
    void cancelAll();
    // Reads the history from the journals again (jobs of other processes, or after a restart).
    void reloadHistory();

Q_SIGNALS:
    void jobStarted(Ops::Job *job);
    void jobFinished(Ops::Job *job);

private:
    Ops::Job *startJob(std::unique_ptr<Ops::Job> job, bool dryRun, QString *error);
    Ops::Job *applyPlan(const Ops::Plan &plan, const QString &planPath, QString *error);
    void releaseJob(Ops::Job *job);

    Secrets::SecretStore *m_keys = nullptr; // before m_steps: its step types point at it
    Ops::StepRegistry m_steps;
    std::unique_ptr<JobListModel> m_model;
    QPointer<Cloud::CloudClient> m_client;
    QString m_journalDirectory;
    std::vector<std::unique_ptr<Ops::Job>> m_jobs; // newest last
};
