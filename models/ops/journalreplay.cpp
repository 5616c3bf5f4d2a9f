#include "ops/journalreplay.h"

#include "ops/planreader.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QDateTime timeOf(const QJsonObject &record)
{
    return QDateTime::fromString(record.value(u"time"_s).toString(), Qt::ISODateWithMs);
}

} // namespace

std::optional<JobState> JournalReplay::startState(const QJsonObject &jobStart, QString *error)
{
    if (jobStart.value(u"rec"_s).toString() != u"job-start"_s
        || jobStart.value(u"format"_s).toString() != u"tenantry-journal"_s) {
        *error = u"not a Tenantry job journal (it does not start with a job-start record)"_s;
        return std::nullopt;
    }
    if (jobStart.value(u"version"_s).toInt() != FormatVersion) {
        *error = u"journal format version %1 is not known to this Tenantry (it reads version %2)"_s
                     .arg(jobStart.value(u"version"_s).toInt())
                     .arg(FormatVersion);
        return std::nullopt;
    }
    const PlanReadResult read = PlanReader().fromJson(jobStart.value(u"plan"_s).toObject());
    if (!read.ok()) {
        *error = u"the journal's plan is not valid: "_s + PlanIssue::toStrings(read.issues).join(u"; "_s);
        return std::nullopt;
    }
    JobState state(jobStart.value(u"jobId"_s).toString(), *read.plan,
                   jobStart.value(u"mode"_s).toString() == u"dry-run"_s);
    state.planPath = jobStart.value(u"planPath"_s).toString();
    state.planSha256 = jobStart.value(u"planSha256"_s).toString().toLatin1();
    state.started = timeOf(jobStart);
    state.status = JobStatus::Running;
    return state;
}

std::optional<JobState> JournalReplay::replay(const JournalContents &contents, QString *error)
{
    if (!contents.ok()) {
        *error = contents.error;
        return std::nullopt;
    }
    if (contents.records.isEmpty()) {
        *error = u"the journal is empty"_s;
        return std::nullopt;
    }
    std::optional<JobState> state = startState(contents.records.first(), error);
    if (!state)
        return std::nullopt;
    if (!contents.note.isEmpty())
        state->notes.append(contents.note);

    bool ended = false;
    for (qsizetype i = 1; i < contents.records.size(); ++i) {
        const QJsonObject &record = contents.records.at(i);
        const QString kind = record.value(u"rec"_s).toString();
        if (kind == u"job-end"_s) {
            ended = true;
            if (!parseJobStatus(record.value(u"status"_s).toString(), &state->status))
                state->status = JobStatus::Failed;
            state->finished = timeOf(record);
            continue;
        }
        if (kind == u"resume"_s || kind == u"retry"_s) {
            ended = false;
            state->status = JobStatus::Running;
            state->finished = {};
            if (kind == u"resume"_s)
                state->notes.append(u"resumed at %1"_s.arg(record.value(u"time"_s).toString()));
            const QJsonArray retried = record.value(u"targets"_s).toArray();
            for (const QJsonValue id : retried) {
                const qsizetype t = state->plan.targetIndex(id.toString());
                if (t < 0)
                    continue;
                JobState::Target &target = state->targets[t];
                target.status = TargetStatus::Pending;
                target.message.clear();
                for (JobState::Step &step : target.steps) {
                    if (!step.isComplete())
                        step = JobState::Step();
                }
            }
            continue;
        }
        if (kind == u"note"_s) {
            state->notes.append(record.value(u"text"_s).toString());
            continue;
        }

        const qsizetype t = state->plan.targetIndex(record.value(u"target"_s).toString());
        if (t < 0)
            continue; // records of other kinds name a target; unknown ones are from a newer writer
        JobState::Target &target = state->targets[t];
        const Plan::Target &planTarget = state->plan.targets.at(t);
        if (kind == u"target-start"_s) {
            target.status = TargetStatus::Running;
            if (!target.started.isValid())
                target.started = timeOf(record);
            continue;
        }
        if (kind == u"target-end"_s) {
            if (!parseTargetStatus(record.value(u"status"_s).toString(), &target.status))
                target.status = TargetStatus::Failed;
            target.message = record.value(u"message"_s).toString();
            if (record.contains(u"hostname"_s))
                target.hostname = record.value(u"hostname"_s).toString();
            target.finished = timeOf(record);
            if (target.status == TargetStatus::Failed || target.status == TargetStatus::Blocked) {
                for (JobState::Step &step : target.steps) {
                    if (step.status == StepStatus::Pending)
                        step.status = StepStatus::Skipped;
                }
            }
            continue;
        }

        const qsizetype s = planTarget.stepIndex(record.value(u"step"_s).toString());
        if (s < 0)
            continue;
        JobState::Step &step = target.steps[s];
        if (kind == u"probe"_s) {
            step.probe = StepProbe::fromJson(record.value(u"probe"_s).toObject());
            step.after = record.value(u"after"_s).toString();
            step.outputs = step.probe->outputs;
            if (!step.started.isValid())
                step.started = timeOf(record);
            if (record.value(u"phase"_s).toString() == u"apply"_s) {
                step.status = StepStatus::Probing;
            } else {
                step.status = step.probe->action == StepAction::NoChange ? StepStatus::NoChange
                    : step.probe->action == StepAction::Blocked          ? StepStatus::Blocked
                                                                         : StepStatus::Planned;
            }
        } else if (kind == u"error"_s) {
            step.error = StepError::fromJson(record.value(u"error"_s).toObject());
        } else if (kind == u"intent"_s) {
            step.status = StepStatus::Applying;
            step.attempts = record.value(u"attempt"_s).toInt();
        } else if (kind == u"change"_s) {
            step.change = StepChange::fromJson(record.value(u"change"_s).toObject());
            step.outputs = step.change.outputs;
            step.recovered = record.value(u"recovered"_s).toBool();
            step.status = StepStatus::Verifying;
        } else if (kind == u"verify"_s) {
            step.verifyDetail = record.value(u"detail"_s).toString();
        } else if (kind == u"step-end"_s) {
            if (!parseStepStatus(record.value(u"status"_s).toString(), &step.status))
                step.status = StepStatus::Failed;
            step.outputs = record.value(u"outputs"_s).toObject();
            if (record.contains(u"error"_s))
                step.error = StepError::fromJson(record.value(u"error"_s).toObject());
            else if (step.isComplete())
                step.error.reset();
            step.finished = timeOf(record);
            if (record.contains(u"hostname"_s))
                target.hostname = record.value(u"hostname"_s).toString();
        }
    }
    if (!ended)
        state->status = JobStatus::Interrupted;
    return state;
}

} // namespace Ops
