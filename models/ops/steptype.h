#pragma once

#include "ops/planissue.h"
#include "ops/stepcontext.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace Ops {

class Step;

// An output a step type produces for later steps (${step-id.name}).
struct StepOutput
{
    QString name; // [A-Za-z][A-Za-z0-9_]*
    QString description;
    // A value of the right shape; plan validation checks parameters with references replaced by
    // these, so a reference passes a parameter's schema exactly when a real value would.
    QJsonValue example;
};

// A kind of step the engine can run: its parameters' schema, its outputs, and a factory.
struct StepType
{
    QString name; // "space", "group", ... ([a-z][a-z0-9.-]*)
    QString title; // "Space", for people
    QJsonObject paramsSchema; // JSON Schema (draft 7) of `params`; empty accepts any object
    QList<StepOutput> outputs;
    // True for steps that call the target tenant: they cannot run before its hostname is known.
    bool needsTenantHost = true;
    // Optional checks the schema cannot express; paths are under `path` (the params' path).
    std::function<QList<PlanIssue>(const QJsonObject &params, const QString &path)> checkParams;
    std::function<Step *(const StepContext &context, QObject *parent)> create;

    [[nodiscard]] const StepOutput *output(const QString &outputName) const
    {
        for (const StepOutput &candidate : outputs) {
            if (candidate.name == outputName)
                return &candidate;
        }
        return nullptr;
    }
};

} // namespace Ops
