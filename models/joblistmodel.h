#pragma once

#include "ops/jobhistory.h"
#include "ops/jobstate.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace Ops {
class Job;
}

// The activity panel's model: a tree of jobs → targets → steps. Live jobs (running in this
// process) come first, newest first, then past jobs read from their journals (children loaded on
// demand with fetchMore()). Updates from live jobs are coalesced: per batch, one ranged
// dataChanged per parent. Past jobs load when a view asks (fetchMore), from the event loop.
class JobListModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Job, Target, Step };
    enum class Column { Name, Status, Progress, Detail, Count };
    enum class Role {
        Kind = Qt::UserRole + 1, // int(Kind)
        JobId,
        TargetId,
        StepId,
        StepType,
        Status, // "running", "succeeded", "planned", "no-change", ... (jobStatusName & co.)
        Action, // steps: the probe's "create" | "update" | "no-change" | "blocked"
        Summary, // one line for people
        Error, // what failed, when something did
        Progress, // 0..100
        CreatedIds, // steps: QStringList of "kind id"
        UpdatedIds,
        Outputs, // steps: QJsonObject
        Calls, // steps: QStringList of the API calls an apply makes
        After, // steps in a dry run: the earlier step whose outputs they wait for
        Attempts,
        Hostname,
        Started, // QDateTime
        Finished,
        Resumable, // jobs: interrupted or cancelled, held by no process
        DryRun,
        JournalPath,
        Live, // jobs: running in this process (an Ops::Job), not read from a journal
    };

    explicit JobListModel(QObject *parent = nullptr);
    ~JobListModel() override;
    Q_DISABLE_COPY_MOVE(JobListModel)

    // Shows a job of this process; not owned (its row goes when it is destroyed). A past-job row
    // with the same id (a resumed job) is replaced.
    void addJob(Ops::Job *job);
    // Lists the jobs of `history` that are not live here (replacing the previous history rows).
    void loadHistory(const Ops::JobHistory &history);

    [[nodiscard]] Ops::Job *job(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOfJob(const QString &jobId) const;
    // How long updates are gathered before views hear of them (default 100 ms; 0: next event loop turn).
    void setUpdateInterval(std::chrono::milliseconds interval) { m_flush.setInterval(interval); }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Node
    {
        Kind kind;
    };
    struct JobNode;
    struct TargetNode : Node
    {
        JobNode *job = nullptr;
        int row = 0;
    };
    struct JobNode : Node
    {
        quint64 serial = 0; // names the node in queued calls, which must not hold its address
        QPointer<Ops::Job> live;
        const QObject *liveObject = nullptr; // for lookups once `live` is gone
        Ops::JobHistory::Entry entry;
        std::optional<Ops::JobState> replayed; // a past job's state, once fetched
        QString loadError;
        bool fetched = false;
        std::vector<std::unique_ptr<TargetNode>> targets;
        // Rows changed since the last flush.
        bool jobDirty = false;
        QSet<int> dirtyTargets;
        QHash<int, QSet<int>> dirtySteps; // target row -> step rows
    };

    [[nodiscard]] const Ops::JobState *stateOf(const JobNode *node) const;
    [[nodiscard]] int rowOf(const JobNode *node) const;
    [[nodiscard]] JobNode *jobNodeFor(const QObject *job) const;
    void createTargetNodes(JobNode *node, int count);
    void markDirty(const QObject *job, int target, int step);
    void flush();
    void removeJob(const QObject *job);
    void loadPastJob(quint64 serial);

    [[nodiscard]] QVariant jobData(const JobNode *node, int column, int role) const;
    [[nodiscard]] QVariant targetData(const JobNode *node, int target, int column, int role) const;
    [[nodiscard]] QVariant stepData(const JobNode *node, int target, int step, int column, int role) const;

    std::vector<std::unique_ptr<JobNode>> m_jobs; // live first, then history
    quint64 m_nextSerial = 1;
    QTimer m_flush;
};
