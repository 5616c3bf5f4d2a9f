#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Ops {

// What a probe found: the change the step would make (DESIGN.md §4).
enum class StepAction {
    Create, // the resource does not exist
    Update, // it exists and differs from the plan
    NoChange, // it exists as planned
    Blocked, // the step cannot be applied as planned; `blockedReason` says why
};

[[nodiscard]] QString stepActionName(StepAction action); // "create" | "update" | "no-change" | "blocked"
[[nodiscard]] bool parseStepAction(const QString &name, StepAction *action);

// One field an update would change, for the dry run's diff.
struct FieldChange
{
    QString field;
    QJsonValue before;
    QJsonValue after;

    friend bool operator==(const FieldChange &, const FieldChange &) = default;
};

// The result of Step::probe(): the state read from the cloud, judged against the plan.
struct StepProbe
{
    StepAction action = StepAction::Create;
    QString summary; // for people: "create space 'Production' (managed)"
    QStringList calls; // the API calls apply() would make: "POST /api/v1/spaces"
    QList<FieldChange> changes; // Update: what differs
    QString blockedReason; // Blocked: why, and what to do about it
    // When the resource exists (NoChange, Update): the step's outputs (ids, hostnames), so later steps
    // can be probed in a dry run and a resumed job can continue.
    QJsonObject outputs;
    // What apply() needs beyond the outputs (ids of sub-resources to update...). apply() must work
    // from the probe alone: the engine may hand it a probe a dry pass made with another Step object.
    QJsonObject applyData;

    [[nodiscard]] static StepProbe create(const QString &summary, const QStringList &calls);
    [[nodiscard]] static StepProbe update(const QString &summary, const QStringList &calls,
                                          const QList<FieldChange> &changes, const QJsonObject &outputs);
    [[nodiscard]] static StepProbe noChange(const QString &summary, const QJsonObject &outputs);
    [[nodiscard]] static StepProbe blocked(const QString &reason);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static StepProbe fromJson(const QJsonObject &json);

    friend bool operator==(const StepProbe &, const StepProbe &) = default;
};

} // namespace Ops

Q_DECLARE_METATYPE(Ops::StepProbe)
