#include "ops/jobreport.h"

#include "ops/secretscreen.h"
#include "ops/stepprobe.h"
#include "tableexport.h"

#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QStringList refNames(const QList<ResourceRef> &refs)
{
    QStringList names;
    names.reserve(refs.size());
    for (const ResourceRef &ref : refs)
        names.append(ref.kind + u' ' + ref.id);
    return names;
}

} // namespace

JobReport JobReport::fromState(const JobState &state)
{
    JobReport report;
    for (qsizetype t = 0; t < state.targets.size(); ++t) {
        const JobState::Target &target = state.targets.at(t);
        const Plan::Target *planTarget = t < state.plan.targets.size() ? &state.plan.targets.at(t) : nullptr;
        for (qsizetype s = 0; s < target.steps.size(); ++s) {
            const JobState::Step &step = target.steps.at(s);
            const Plan::Step *planStep
                = planTarget && s < planTarget->steps.size() ? &planTarget->steps.at(s) : nullptr;
            Row row;
            row.jobId = state.jobId;
            row.targetId = planTarget ? planTarget->id : QString();
            // The resolved hostname once known; before that the plan's (possibly a reference).
            row.hostname
                = !target.hostname.isEmpty() ? target.hostname : (planTarget ? planTarget->hostname : QString());
            row.targetStatus = targetStatusName(target.status);
            row.stepId = planStep ? planStep->id : QString();
            row.stepType = planStep ? planStep->type : QString();
            row.status = stepStatusName(step.status);
            row.action = step.probe ? stepActionName(step.probe->action) : QString();
            row.created = refNames(step.change.created);
            row.updated = refNames(step.change.updated);
            if (step.started.isValid() && step.finished.isValid())
                row.durationMs = step.started.msecsTo(step.finished);
            row.attempts = step.attempts;
            if (step.error) {
                row.error = SecretScreen::redactText(step.error->message);
                row.errorCode = step.error->code;
                row.httpStatus = step.error->httpStatus;
                row.traceId = step.error->traceId;
            } else if (step.status == StepStatus::Blocked && step.probe) {
                row.error = SecretScreen::redactText(step.probe->blockedReason);
            } else if (target.status == TargetStatus::Cancelled && step.status == StepStatus::Pending) {
                // Never run: why (cancelled, or held back by a staged rollout that stopped).
                row.error = SecretScreen::redactText(target.message);
            }
            report.m_rows.append(row);
        }
    }
    return report;
}

QStringList JobReport::headers()
{
    return {u"job_id"_s, u"target_id"_s,  u"hostname"_s,    u"target_status"_s, u"step_id"_s,     u"step_type"_s,
            u"status"_s, u"action"_s,     u"created"_s,     u"updated"_s,       u"duration_ms"_s, u"attempts"_s,
            u"error"_s,  u"error_code"_s, u"http_status"_s, u"trace_id"_s};
}

QStringList JobReport::cells(const Row &row)
{
    return {row.jobId,
            row.targetId,
            row.hostname,
            row.targetStatus,
            row.stepId,
            row.stepType,
            row.status,
            row.action,
            row.created.join(u"; "_s),
            row.updated.join(u"; "_s),
            row.durationMs < 0 ? QString() : QString::number(row.durationMs),
            QString::number(row.attempts),
            row.error,
            row.errorCode,
            row.httpStatus > 0 ? QString::number(row.httpStatus) : QString(),
            row.traceId};
}

QByteArray JobReport::toCsv() const
{
    QList<QStringList> table;
    table.reserve(m_rows.size());
    for (const Row &row : m_rows)
        table.append(cells(row));
    return TableExport::toCsv(headers(), table);
}

QJsonArray JobReport::toJson() const
{
    QJsonArray items;
    for (const Row &row : m_rows) {
        QJsonObject item{
            {u"jobId"_s, row.jobId},
            {u"targetId"_s, row.targetId},
            {u"hostname"_s, row.hostname},
            {u"targetStatus"_s, row.targetStatus},
            {u"stepId"_s, row.stepId},
            {u"stepType"_s, row.stepType},
            {u"status"_s, row.status},
            {u"action"_s, row.action},
            {u"created"_s, QJsonArray::fromStringList(row.created)},
            {u"updated"_s, QJsonArray::fromStringList(row.updated)},
            {u"durationMs"_s, row.durationMs < 0 ? QJsonValue() : QJsonValue(row.durationMs)},
            {u"attempts"_s, row.attempts},
            {u"error"_s, row.error},
            {u"errorCode"_s, row.errorCode},
            {u"httpStatus"_s, row.httpStatus > 0 ? QJsonValue(row.httpStatus) : QJsonValue()},
            {u"traceId"_s, row.traceId},
        };
        items.append(item);
    }
    return items;
}

QByteArray JobReport::toBytes(Format format) const
{
    switch (format) {
    case Format::Csv:
        return toCsv();
    case Format::Json:
        return TableExport::toJson(toJson());
    }
    return {};
}

bool JobReport::formatForPath(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "csv"_L1)
        *format = Format::Csv;
    else if (suffix == "json"_L1)
        *format = Format::Json;
    else
        return false;
    return true;
}

} // namespace Ops
