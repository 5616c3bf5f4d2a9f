#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Ops {

class PublishedOrigins;

// A rollout of source apps to the managed space of many tenants (issue 7) as a plan: one target per
// tenant, one "publish-app" step per app, in the order given. `tenantryctl republish` and the
// publish wizard fill it from their flags and pages; the plan runs with Ops::Job like any plan file
// (and can be saved for `tenantryctl apply`).
class RolloutPlanBuilder
{
public:
    struct Target
    {
        QString hostname;
        QString region; // empty when unknown
    };

    QString source; // the source tenant's hostname (needed when `apps` is not empty)
    QStringList apps; // ids or exact names
    QStringList appLabels; // what people call them (the steps' labels); default: as in `apps`
    // Local .qvf files published after the apps (step param "appFile"): the plan holds their
    // absolute paths, never their bytes.
    QStringList appFiles;
    QString managedSpace;
    QString stagingSpace = QStringLiteral("Staging");
    QList<Target> targets;
    QString cleanup = QStringLiteral("keep-latest"); // keep-latest | delete | keep
    QString data; // empty (Qlik's default) | source | target
    QString profile; // the targets' credential profile; empty: chosen per host
    bool createSpaces = false;
    bool matchByName = false;
    bool reload = false;
    bool keepExisting = false; // publish new copies only: a tenant that has one keeps it
    int concurrency = 8;
    // A staged rollout (Plan::Options): the first `firstWave` targets go first, then the others in
    // waves of `waveSize` (0: all at once), each only when no more than `maxWaveFailurePercent` of
    // the wave before failed. Both 0: one wave.
    int firstWave = 0;
    int waveSize = 0;
    int maxWaveFailurePercent = 0;

    // The plan's name: "republish Sales Dashboard, KPIs to 'Customer Apps'".
    [[nodiscard]] QString name() const;
    // The plan (format tenantry-plan). `origins` adds the staged ids earlier rollouts recorded, so
    // the copies they published stay traceable after their staged copies were deleted.
    [[nodiscard]] QJsonObject toJson(const PublishedOrigins &origins) const;
    // The label of app `index` (the apps, then the files): its entry in appLabels, else in apps; a
    // file's name.
    [[nodiscard]] QString appLabel(qsizetype index) const;
    // apps and appFiles together.
    [[nodiscard]] qsizetype appCount() const { return apps.size() + appFiles.size(); }

private:
    [[nodiscard]] QJsonObject stepParams(const QString &host, qsizetype index, const PublishedOrigins &origins) const;
};

} // namespace Ops
