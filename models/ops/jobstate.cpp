#include "ops/jobstate.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QString stepStatusName(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return u"pending"_s;
    case StepStatus::Probing:
        return u"probing"_s;
    case StepStatus::Applying:
        return u"applying"_s;
    case StepStatus::Verifying:
        return u"verifying"_s;
    case StepStatus::Planned:
        return u"planned"_s;
    case StepStatus::Created:
        return u"created"_s;
    case StepStatus::Updated:
        return u"updated"_s;
    case StepStatus::NoChange:
        return u"no-change"_s;
    case StepStatus::Blocked:
        return u"blocked"_s;
    case StepStatus::Failed:
        return u"failed"_s;
    case StepStatus::Skipped:
        return u"skipped"_s;
    case StepStatus::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString stepOutcomeName(StepStatus status)
{
    JobState::Step step;
    step.status = status;
    return stepStatusName(step.isSettled() ? status : StepStatus::Pending);
}

QString targetStatusName(TargetStatus status)
{
    switch (status) {
    case TargetStatus::Pending:
        return u"pending"_s;
    case TargetStatus::Running:
        return u"running"_s;
    case TargetStatus::Planned:
        return u"planned"_s;
    case TargetStatus::Succeeded:
        return u"succeeded"_s;
    case TargetStatus::Blocked:
        return u"blocked"_s;
    case TargetStatus::Failed:
        return u"failed"_s;
    case TargetStatus::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString jobStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Ready:
        return u"ready"_s;
    case JobStatus::Running:
        return u"running"_s;
    case JobStatus::Planned:
        return u"planned"_s;
    case JobStatus::Succeeded:
        return u"succeeded"_s;
    case JobStatus::Failed:
        return u"failed"_s;
    case JobStatus::Cancelled:
        return u"cancelled"_s;
    case JobStatus::Refused:
        return u"refused"_s;
    case JobStatus::Interrupted:
        return u"interrupted"_s;
    }
    return {};
}

namespace {

template<typename Enum, typename NameOf>
bool parseByName(const QString &name, Enum *value, Enum last, NameOf nameOf)
{
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        if (nameOf(static_cast<Enum>(i)) == name) {
            *value = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}

} // namespace

bool parseStepStatus(const QString &name, StepStatus *status)
{
    return parseByName(name, status, StepStatus::Cancelled, stepStatusName);
}

bool parseTargetStatus(const QString &name, TargetStatus *status)
{
    return parseByName(name, status, TargetStatus::Cancelled, targetStatusName);
}

bool parseJobStatus(const QString &name, JobStatus *status)
{
    return parseByName(name, status, JobStatus::Interrupted, jobStatusName);
}

bool JobState::Step::isComplete() const
{
    return status == StepStatus::Created || status == StepStatus::Updated || status == StepStatus::NoChange;
}

bool JobState::Step::isSettled() const
{
    switch (status) {
    case StepStatus::Pending:
    case StepStatus::Probing:
    case StepStatus::Applying:
    case StepStatus::Verifying:
        return false;
    case StepStatus::Planned:
    case StepStatus::Created:
    case StepStatus::Updated:
    case StepStatus::NoChange:
    case StepStatus::Blocked:
    case StepStatus::Failed:
    case StepStatus::Skipped:
    case StepStatus::Cancelled:
        return true;
    }
    return false;
}

int JobState::Target::settledSteps() const
{
    int settled = 0;
    for (const Step &step : steps)
        settled += step.isSettled() ? 1 : 0;
    return settled;
}

int JobState::Target::progressPercent() const
{
    if (isSettled() || steps.isEmpty())
        return status == TargetStatus::Pending ? 0 : 100;
    return static_cast<int>(qsizetype(100) * settledSteps() / steps.size());
}

bool JobState::Target::isSettled() const
{
    return status != TargetStatus::Pending && status != TargetStatus::Running;
}

QJsonObject JobState::Counts::toJson() const
{
    return {{u"targets"_s, targets},     {u"pending"_s, pending}, {u"running"_s, running}, {u"planned"_s, planned},
            {u"succeeded"_s, succeeded}, {u"blocked"_s, blocked}, {u"failed"_s, failed},   {u"cancelled"_s, cancelled}};
}

JobState::JobState(const QString &id, const Plan &jobPlan, bool isDryRun)
    : jobId(id)
    , plan(jobPlan)
    , dryRun(isDryRun)
{
    targets.reserve(plan.targets.size());
    for (const Plan::Target &planTarget : plan.targets) {
        Target target;
        if (!planTarget.hostnameIsReference())
            target.hostname = planTarget.hostname;
        target.steps.resize(planTarget.steps.size());
        targets.append(target);
    }
}

JobState::Counts JobState::counts() const
{
    Counts counts;
    counts.targets = static_cast<int>(targets.size());
    for (const Target &target : targets) {
        switch (target.status) {
        case TargetStatus::Pending:
            ++counts.pending;
            break;
        case TargetStatus::Running:
            ++counts.running;
            break;
        case TargetStatus::Planned:
            ++counts.planned;
            break;
        case TargetStatus::Succeeded:
            ++counts.succeeded;
            break;
        case TargetStatus::Blocked:
            ++counts.blocked;
            break;
        case TargetStatus::Failed:
            ++counts.failed;
            break;
        case TargetStatus::Cancelled:
            ++counts.cancelled;
            break;
        }
    }
    return counts;
}

int JobState::progressPercent() const
{
    qint64 total = 0;
    qint64 settled = 0;
    for (const Target &target : targets) {
        total += target.steps.size();
        settled += target.isSettled() ? target.steps.size() : target.settledSteps();
    }
    return total == 0 ? 0 : static_cast<int>(qint64(100) * settled / total);
}

bool JobState::isFinished() const
{
    switch (status) {
    case JobStatus::Ready:
    case JobStatus::Running:
    case JobStatus::Interrupted:
        return false;
    case JobStatus::Planned:
    case JobStatus::Succeeded:
    case JobStatus::Failed:
    case JobStatus::Cancelled:
    case JobStatus::Refused:
        return true;
    }
    return false;
}

} // namespace Ops
