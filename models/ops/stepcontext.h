#pragma once

#include <QJsonObject>
#include <QString>

namespace Cloud {
class CloudClient;
}

namespace Ops {

// What a step knows when it runs: its target, its parameters with every reference resolved, and the
// cloud client it talks through. The engine itself never touches HTTP; steps do, via `cloud`.
struct StepContext
{
    QString jobId;
    QString targetId;
    QString tenantHost; // the target tenant's hostname; empty while it is not known (before it exists)
    QString region; // the target's region id, e.g. "eu"
    QString profile; // the target's credential profile name
    QString stepId;
    QString stepType;
    QJsonObject params; // references resolved (in a dry run, unknown ones stay as "${step.output}")
    Cloud::CloudClient *cloud = nullptr; // not owned; null for step types that need no cloud
    // The directory of the job's journal: steps that must remember something across processes
    // (TenantCreationLedger) keep it there. Empty when the job has no journal.
    QString stateDirectory;
    // The plan file's folder: relative file paths in params (a brand's logo, an app file) are
    // resolved against it. Empty for plans built in memory: those hold absolute paths.
    QString planDirectory;
};

} // namespace Ops
