#include "ops/jobsummary.h"

#include "ops/secretscreen.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QJsonArray refs(const QList<ResourceRef> &list)
{
    QJsonArray array;
    for (const ResourceRef &ref : list)
        array.append(ref.toJson());
    return array;
}

QString refsText(const QList<ResourceRef> &list)
{
    QStringList parts;
    for (const ResourceRef &ref : list)
        parts.append(ref.kind + u' ' + ref.id);
    return parts.join(u", "_s);
}

// A JSON value as it would appear in a file: "Sales", 3, ["a","b"].
QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString JobSummary::marker(const JobState::Step &step)
{
    switch (step.status) {
    case StepStatus::Planned:
        return step.probe && step.probe->action == StepAction::Update ? u"~"_s : u"+"_s;
    case StepStatus::Created:
        return u"+"_s;
    case StepStatus::Updated:
        return u"~"_s;
    case StepStatus::NoChange:
        return u"="_s;
    case StepStatus::Blocked:
        return u"!"_s;
    case StepStatus::Failed:
        return u"x"_s;
    case StepStatus::Skipped:
        return u"-"_s;
    case StepStatus::Cancelled:
        return u"/"_s;
    case StepStatus::Pending:
    case StepStatus::Probing:
    case StepStatus::Applying:
    case StepStatus::Verifying:
        return u"."_s;
    }
    return u"."_s;
}

QString JobSummary::stepLine(const JobState::Step &step)
{
    QString text;
    switch (step.status) {
    case StepStatus::Created:
    case StepStatus::Updated:
        text = step.change.summary.isEmpty() ? stepStatusName(step.status) : step.change.summary;
        if (const QString ids = refsText(step.change.created + step.change.updated); !ids.isEmpty())
            text += u" [" + ids + u']';
        if (step.recovered)
            text += u" (confirmed by probing after an unknown outcome)"_s;
        break;
    case StepStatus::Planned:
    case StepStatus::NoChange:
    case StepStatus::Blocked:
        text = step.probe ? step.probe->summary : stepStatusName(step.status);
        break;
    case StepStatus::Failed:
    case StepStatus::Cancelled:
        text = stepStatusName(step.status) + (step.error ? u": "_s + step.error->toString() : QString());
        break;
    case StepStatus::Skipped:
        text = u"skipped (an earlier step did not complete)"_s;
        break;
    case StepStatus::Pending:
    case StepStatus::Probing:
    case StepStatus::Applying:
    case StepStatus::Verifying:
        text = stepStatusName(step.status);
        break;
    }
    return marker(step) + u' ' + SecretScreen::redactText(text);
}

JobSummary::StepTotals JobSummary::stepTotals(const JobState &state)
{
    StepTotals totals;
    for (const JobState::Target &target : state.targets) {
        for (const JobState::Step &step : target.steps) {
            switch (step.status) {
            case StepStatus::Planned:
                (step.probe && step.probe->action == StepAction::Update ? totals.update : totals.create)++;
                break;
            case StepStatus::Created:
                ++totals.create;
                break;
            case StepStatus::Updated:
                ++totals.update;
                break;
            case StepStatus::NoChange:
                ++totals.noChange;
                break;
            case StepStatus::Blocked:
                ++totals.blocked;
                break;
            case StepStatus::Failed:
                ++totals.failed;
                break;
            case StepStatus::Skipped:
                ++totals.skipped;
                break;
            case StepStatus::Cancelled:
                ++totals.cancelled;
                break;
            case StepStatus::Pending:
            case StepStatus::Probing:
            case StepStatus::Applying:
            case StepStatus::Verifying:
                ++totals.pending;
                break;
            }
        }
    }
    return totals;
}

QJsonObject JobSummary::toJson(const JobState &state)
{
    QJsonArray targets;
    for (qsizetype t = 0; t < state.targets.size(); ++t) {
        const JobState::Target &target = state.targets.at(t);
        const Plan::Target &planTarget = state.plan.targets.at(t);
        QJsonArray steps;
        for (qsizetype s = 0; s < target.steps.size(); ++s) {
            const JobState::Step &step = target.steps.at(s);
            const Plan::Step &planStep = planTarget.steps.at(s);
            QJsonObject json{
                {u"id"_s, planStep.id}, {u"type"_s, planStep.type}, {u"status"_s, stepStatusName(step.status)}};
            if (step.probe) {
                json.insert(u"action"_s, stepActionName(step.probe->action));
                json.insert(u"summary"_s, step.probe->summary);
                if (!step.probe->calls.isEmpty())
                    json.insert(u"calls"_s, QJsonArray::fromStringList(step.probe->calls));
                if (!step.probe->changes.isEmpty())
                    json.insert(u"changes"_s, step.probe->toJson().value(u"changes"_s));
                if (!step.probe->blockedReason.isEmpty())
                    json.insert(u"blockedReason"_s, step.probe->blockedReason);
            }
            if (!step.after.isEmpty())
                json.insert(u"after"_s, step.after);
            if (!step.change.summary.isEmpty())
                json.insert(u"summary"_s, step.change.summary);
            if (!step.change.created.isEmpty())
                json.insert(u"created"_s, refs(step.change.created));
            if (!step.change.updated.isEmpty())
                json.insert(u"updated"_s, refs(step.change.updated));
            if (!step.outputs.isEmpty())
                json.insert(u"outputs"_s, step.outputs);
            if (step.error && !step.isComplete())
                json.insert(u"error"_s, step.error->toJson());
            if (step.attempts > 0)
                json.insert(u"attempts"_s, step.attempts);
            if (step.recovered)
                json.insert(u"recovered"_s, true);
            if (!step.verifyDetail.isEmpty())
                json.insert(u"verified"_s, step.verifyDetail);
            steps.append(json);
        }
        QJsonObject json{{u"id"_s, planTarget.id}, {u"status"_s, targetStatusName(target.status)}, {u"steps"_s, steps}};
        if (!planTarget.label.isEmpty())
            json.insert(u"label"_s, planTarget.label);
        if (!target.hostname.isEmpty())
            json.insert(u"hostname"_s, target.hostname);
        if (!target.message.isEmpty())
            json.insert(u"message"_s, target.message);
        targets.append(json);
    }
    QJsonObject plan{{u"sha256"_s, QString::fromLatin1(state.planSha256)}};
    if (!state.plan.name.isEmpty())
        plan.insert(u"name"_s, state.plan.name);
    if (!state.planPath.isEmpty())
        plan.insert(u"path"_s, state.planPath);
    const StepTotals totals = stepTotals(state);
    QJsonObject json{{u"format"_s, u"tenantry-job-summary"_s},
                     {u"version"_s, 1},
                     {u"jobId"_s, state.jobId},
                     {u"mode"_s, state.dryRun ? u"dry-run"_s : u"apply"_s},
                     {u"status"_s, jobStatusName(state.status)},
                     {u"plan"_s, plan},
                     {u"counts"_s, state.counts().toJson()},
                     {u"steps"_s,
                      QJsonObject{{u"create"_s, totals.create},
                                  {u"update"_s, totals.update},
                                  {u"noChange"_s, totals.noChange},
                                  {u"blocked"_s, totals.blocked},
                                  {u"failed"_s, totals.failed},
                                  {u"skipped"_s, totals.skipped},
                                  {u"cancelled"_s, totals.cancelled},
                                  {u"pending"_s, totals.pending}}},
                     {u"targets"_s, targets}};
    if (state.started.isValid())
        json.insert(u"started"_s, isoTime(state.started));
    if (state.finished.isValid())
        json.insert(u"finished"_s, isoTime(state.finished));
    if (!state.notes.isEmpty())
        json.insert(u"notes"_s, QJsonArray::fromStringList(state.notes));
    return SecretScreen::redact(json).toObject();
}

QString JobSummary::toText(const JobState &state)
{
    QString text;
    const JobState::Counts counts = state.counts();
    const QString planName = state.plan.name.isEmpty() ? QString() : u"Plan \"%1\", "_s.arg(state.plan.name);
    if (state.dryRun)
        text += planName + u"dry run of %1 targets (nothing was changed):\n"_s.arg(counts.targets);
    else
        text += planName
            + u"job %1, %2 targets: %3\n"_s.arg(state.jobId).arg(counts.targets).arg(jobStatusName(state.status));

    for (qsizetype t = 0; t < state.targets.size(); ++t) {
        const JobState::Target &target = state.targets.at(t);
        const Plan::Target &planTarget = state.plan.targets.at(t);
        QString host = target.hostname;
        if (host.isEmpty())
            host = planTarget.hostnameIsReference() ? u"new tenant in " + planTarget.region : planTarget.hostname;
        text += u"\n%1 (%2): %3"_s.arg(planTarget.displayName(), host, targetStatusName(target.status));
        if (!target.message.isEmpty() && target.status != TargetStatus::Succeeded)
            text += u" — " + target.message;
        text += u'\n';
        qsizetype idWidth = 0;
        qsizetype typeWidth = 0;
        for (const Plan::Step &step : planTarget.steps) {
            idWidth = std::max(idWidth, step.id.size());
            typeWidth = std::max(typeWidth, step.type.size());
        }
        for (qsizetype s = 0; s < target.steps.size(); ++s) {
            const JobState::Step &step = target.steps.at(s);
            const Plan::Step &planStep = planTarget.steps.at(s);
            const QString line = stepLine(step);
            text += u"  " + line.left(1) + u' ' + planStep.id.leftJustified(idWidth) + u"  "
                + planStep.type.leftJustified(typeWidth) + u"  " + line.mid(2) + u'\n';
            if (step.status == StepStatus::Planned && step.probe) {
                const QString indent(6 + idWidth + typeWidth, u' ');
                for (const FieldChange &change : step.probe->changes) {
                    text += indent
                        + u"%1: %2 -> %3\n"_s.arg(change.field, jsonText(change.before), jsonText(change.after));
                }
                for (const QString &call : step.probe->calls)
                    text += indent + call + u'\n';
            }
        }
    }
    const StepTotals totals = stepTotals(state);
    if (state.dryRun) {
        text += u"\nWould create %1, update %2; %3 unchanged, %4 blocked, %5 failed to probe.\n"_s.arg(totals.create)
                    .arg(totals.update)
                    .arg(totals.noChange)
                    .arg(totals.blocked)
                    .arg(totals.failed);
    } else {
        text += u"\nTargets: %1 succeeded, %2 failed, %3 blocked, %4 cancelled, %5 not run. Steps: %6 created, %7 "
                u"updated, %8 unchanged.\n"_s.arg(counts.succeeded)
                    .arg(counts.failed)
                    .arg(counts.blocked)
                    .arg(counts.cancelled)
                    .arg(counts.pending + counts.planned)
                    .arg(totals.create)
                    .arg(totals.update)
                    .arg(totals.noChange);
    }
    for (const QString &note : state.notes)
        text += u"Note: " + note + u'\n';
    return SecretScreen::redactText(text);
}

} // namespace Ops
