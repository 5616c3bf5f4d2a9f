#include "ops/rolloutplanbuilder.h"

#include "ops/plan.h"
#include "ops/publishedorigins.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QString RolloutPlanBuilder::name() const
{
    QStringList labels;
    for (qsizetype i = 0; i < appCount(); ++i)
        labels.append(appLabel(i));
    return u"republish %1 to '%2'"_s.arg(labels.join(u", "_s), managedSpace);
}

QJsonObject RolloutPlanBuilder::toJson(const PublishedOrigins &origins) const
{
    QJsonArray list;
    for (qsizetype t = 0; t < targets.size(); ++t) {
        const Target &target = targets.at(t);
        QJsonArray steps;
        for (qsizetype i = 0; i < appCount(); ++i) {
            steps.append(QJsonObject{{u"id"_s, u"app-%1"_s.arg(i + 1)},
                                     {u"type"_s, u"publish-app"_s},
                                     {u"label"_s, appLabel(i)},
                                     {u"params"_s, stepParams(target.hostname, i, origins)}});
        }
        QJsonObject json{{u"id"_s, u"tenant-%1"_s.arg(t + 1)},
                         {u"label"_s, target.hostname},
                         {u"hostname"_s, target.hostname},
                         {u"steps"_s, steps}};
        if (!target.region.isEmpty())
            json.insert(u"region"_s, target.region);
        if (!profile.isEmpty())
            json.insert(u"profile"_s, profile);
        list.append(json);
    }
    QJsonObject options{{u"concurrency"_s, concurrency}, {u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 5}};
    if (firstWave > 0)
        options.insert(u"firstWave"_s, firstWave);
    if (waveSize > 0)
        options.insert(u"waveSize"_s, waveSize);
    if (firstWave > 0 || waveSize > 0)
        options.insert(u"maxWaveFailurePercent"_s, maxWaveFailurePercent);
    return {{u"format"_s, u"tenantry-plan"_s},
            {u"version"_s, Plan::FormatVersion},
            {u"name"_s, name()},
            {u"options"_s, options},
            {u"targets"_s, list}};
}

QString RolloutPlanBuilder::appLabel(qsizetype index) const
{
    const QString label = appLabels.value(index);
    if (!label.isEmpty())
        return label;
    if (index < apps.size())
        return apps.at(index);
    return QFileInfo(appFiles.value(index - apps.size())).fileName();
}

QJsonObject RolloutPlanBuilder::stepParams(const QString &host, qsizetype index, const PublishedOrigins &origins) const
{
    QJsonObject params{{u"stagingSpace"_s, stagingSpace}, {u"managedSpace"_s, managedSpace}, {u"cleanup"_s, cleanup}};
    QString knownSource = source;
    QString app;
    if (index < apps.size()) {
        app = apps.at(index);
        params.insert(u"source"_s, source);
        params.insert(u"app"_s, app);
    } else {
        app = QFileInfo(appFiles.at(index - apps.size())).absoluteFilePath();
        knownSource.clear();
        params.insert(u"appFile"_s, app);
    }
    if (createSpaces)
        params.insert(u"createSpaces"_s, true);
    if (matchByName)
        params.insert(u"matchByName"_s, true);
    if (reload)
        params.insert(u"reload"_s, true);
    if (keepExisting)
        params.insert(u"existing"_s, u"keep"_s);
    if (!data.isEmpty())
        params.insert(u"data"_s, data);
    if (const QStringList known = origins.stagedIds(host, knownSource, app, managedSpace); !known.isEmpty())
        params.insert(u"knownOriginAppIds"_s, QJsonArray::fromStringList(known));
    return params;
}

} // namespace Ops
