#pragma once

#include "ops/plan.h"
#include "ops/stepchange.h"
#include "ops/steperror.h"
#include "ops/stepprobe.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ops {

enum class StepStatus {
    Pending,
    Probing,
    Applying,
    Verifying,
    Planned, // dry run: the probe's action (create/update) is what an apply would do
    Created,
    Updated,
    NoChange,
    Blocked,
    Failed,
    Skipped, // not run: an earlier step of the target failed or was blocked
    Cancelled,
};

enum class TargetStatus {
    Pending,
    Running,
    Planned, // dry run done, nothing blocked
    Succeeded,
    Blocked,
    Failed,
    Cancelled,
};

enum class JobStatus {
    Ready,
    Running,
    Planned, // dry run finished
    Succeeded,
    Failed, // some target failed or was blocked
    Cancelled,
    Refused, // preflight "plan": a step was blocked, so nothing was applied
    Interrupted, // the journal ends without the job's end (crash, kill): resumable
};

[[nodiscard]] QString stepStatusName(StepStatus status); // "pending", "no-change", ...
// A step's status in a report of results: stepStatusName(), a step still running said "pending".
[[nodiscard]] QString stepOutcomeName(StepStatus status);
[[nodiscard]] QString targetStatusName(TargetStatus status);
[[nodiscard]] QString jobStatusName(JobStatus status);
[[nodiscard]] bool parseStepStatus(const QString &name, StepStatus *status);
[[nodiscard]] bool parseTargetStatus(const QString &name, TargetStatus *status);
[[nodiscard]] bool parseJobStatus(const QString &name, JobStatus *status);

// Everything known about a job: its plan and, per target and step, where it is and what happened.
// The live Job keeps one; JournalReplay rebuilds one from a journal; the summary and the activity
// model read it.
class JobState
{
public:
    struct Step
    {
        StepStatus status = StepStatus::Pending;
        std::optional<StepProbe> probe; // the last probe (or, deferred, the step's deferredProbe())
        QString after; // dry run: cannot be probed before this earlier step has created its resource
        StepChange change; // what apply changed (ids created/updated)
        QJsonObject outputs; // known outputs: from the change, or from a probe of an existing resource
        std::optional<StepError> error;
        int attempts = 0; // apply attempts
        bool recovered = false; // an unknown-outcome apply was found done by probing again
        QString verifyDetail;
        QDateTime started;
        QDateTime finished;

        // The step's work is done (created, updated or already as planned): never run again.
        [[nodiscard]] bool isComplete() const;
        // The step reached an end state in this run (complete, blocked, failed, skipped, cancelled, planned).
        [[nodiscard]] bool isSettled() const;
    };

    struct Target
    {
        TargetStatus status = TargetStatus::Pending;
        QString hostname; // resolved, once known
        QString message; // why it failed/was blocked, in one line
        QList<Step> steps;
        QDateTime started;
        QDateTime finished;

        [[nodiscard]] int settledSteps() const;
        [[nodiscard]] int progressPercent() const;
        [[nodiscard]] bool isSettled() const;
    };

    struct Counts
    {
        int targets = 0;
        int pending = 0;
        int running = 0;
        int planned = 0;
        int succeeded = 0;
        int blocked = 0;
        int failed = 0;
        int cancelled = 0;

        [[nodiscard]] QJsonObject toJson() const;
    };

    JobState() = default;
    JobState(const QString &jobId, const Plan &plan, bool dryRun);

    QString jobId;
    Plan plan;
    QString planPath;
    QByteArray planSha256; // set when the job starts (Job::start() serialises the plan once, for the journal)
    bool dryRun = false;
    JobStatus status = JobStatus::Ready;
    QDateTime started;
    QDateTime finished;
    QList<Target> targets;
    QStringList notes; // things worth knowing (a journal's truncated last line, a resume)

    [[nodiscard]] Counts counts() const;
    [[nodiscard]] int progressPercent() const;
    [[nodiscard]] bool isFinished() const;
};

} // namespace Ops
