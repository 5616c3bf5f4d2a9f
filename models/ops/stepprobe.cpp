#include "ops/stepprobe.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QString stepActionName(StepAction action)
{
    switch (action) {
    case StepAction::Create:
        return u"create"_s;
    case StepAction::Update:
        return u"update"_s;
    case StepAction::NoChange:
        return u"no-change"_s;
    case StepAction::Blocked:
        return u"blocked"_s;
    }
    return {};
}

bool parseStepAction(const QString &name, StepAction *action)
{
    for (const StepAction candidate :
         {StepAction::Create, StepAction::Update, StepAction::NoChange, StepAction::Blocked}) {
        if (stepActionName(candidate) == name) {
            *action = candidate;
            return true;
        }
    }
    return false;
}

StepProbe StepProbe::create(const QString &summary, const QStringList &calls)
{
    StepProbe probe;
    probe.action = StepAction::Create;
    probe.summary = summary;
    probe.calls = calls;
    return probe;
}

StepProbe StepProbe::update(const QString &summary, const QStringList &calls, const QList<FieldChange> &changes,
                            const QJsonObject &outputs)
{
    StepProbe probe;
    probe.action = StepAction::Update;
    probe.summary = summary;
    probe.calls = calls;
    probe.changes = changes;
    probe.outputs = outputs;
    return probe;
}

StepProbe StepProbe::noChange(const QString &summary, const QJsonObject &outputs)
{
    StepProbe probe;
    probe.action = StepAction::NoChange;
    probe.summary = summary;
    probe.outputs = outputs;
    return probe;
}

StepProbe StepProbe::blocked(const QString &reason)
{
    StepProbe probe;
    probe.action = StepAction::Blocked;
    probe.summary = u"blocked: "_s + reason;
    probe.blockedReason = reason;
    return probe;
}

QJsonObject StepProbe::toJson() const
{
    QJsonObject json{{u"action"_s, stepActionName(action)}, {u"summary"_s, summary}};
    if (!calls.isEmpty())
        json.insert(u"calls"_s, QJsonArray::fromStringList(calls));
    if (!changes.isEmpty()) {
        QJsonArray array;
        for (const FieldChange &change : changes)
            array.append(
                QJsonObject{{u"field"_s, change.field}, {u"before"_s, change.before}, {u"after"_s, change.after}});
        json.insert(u"changes"_s, array);
    }
    if (!blockedReason.isEmpty())
        json.insert(u"blockedReason"_s, blockedReason);
    if (!outputs.isEmpty())
        json.insert(u"outputs"_s, outputs);
    if (!applyData.isEmpty())
        json.insert(u"applyData"_s, applyData);
    return json;
}

StepProbe StepProbe::fromJson(const QJsonObject &json)
{
    StepProbe probe;
    if (!parseStepAction(json.value(u"action"_s).toString(), &probe.action))
        probe.action = StepAction::Blocked;
    probe.summary = json.value(u"summary"_s).toString();
    for (const QJsonValue call : json.value(u"calls"_s).toArray())
        probe.calls.append(call.toString());
    for (const QJsonValue change : json.value(u"changes"_s).toArray()) {
        const QJsonObject object = change.toObject();
        probe.changes.append(
            {object.value(u"field"_s).toString(), object.value(u"before"_s), object.value(u"after"_s)});
    }
    probe.blockedReason = json.value(u"blockedReason"_s).toString();
    probe.outputs = json.value(u"outputs"_s).toObject();
    probe.applyData = json.value(u"applyData"_s).toObject();
    return probe;
}

} // namespace Ops
