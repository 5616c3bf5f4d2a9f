#include "ops/plan.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QJsonArray stepsToJson(const QList<Plan::Step> &steps)
{
    QJsonArray array;
    for (const Plan::Step &step : steps) {
        QJsonObject object{{u"id"_s, step.id}, {u"type"_s, step.type}};
        if (!step.label.isEmpty())
            object.insert(u"label"_s, step.label);
        if (!step.params.isEmpty())
            object.insert(u"params"_s, step.params);
        array.append(object);
    }
    return array;
}

} // namespace

qsizetype Plan::Target::stepIndex(const QString &stepId) const
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i).id == stepId)
            return i;
    }
    return -1;
}

bool Plan::Target::hostnameIsReference() const
{
    return hostname.startsWith(u"${"_s);
}

qsizetype Plan::targetIndex(const QString &targetId) const
{
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (targets.at(i).id == targetId)
            return i;
    }
    return -1;
}

QJsonObject Plan::toJson() const
{
    QJsonObject json{{u"format"_s, u"tenantry-plan"_s}, {u"version"_s, FormatVersion}};
    if (!name.isEmpty())
        json.insert(u"name"_s, name);
    if (!description.isEmpty())
        json.insert(u"description"_s, description);
    QJsonObject optionsJson{{u"concurrency"_s, options.concurrency},
                            {u"preflight"_s, preflightName(options.preflight)},
                            {u"maxAttempts"_s, options.maxAttempts}};
    if (options.firstWave > 0)
        optionsJson.insert(u"firstWave"_s, options.firstWave);
    if (options.waveSize > 0)
        optionsJson.insert(u"waveSize"_s, options.waveSize);
    if (options.firstWave > 0 || options.waveSize > 0)
        optionsJson.insert(u"maxWaveFailurePercent"_s, options.maxWaveFailurePercent);
    json.insert(u"options"_s, optionsJson);
    if (!templates.isEmpty()) {
        QJsonObject templatesJson;
        for (auto it = templates.begin(); it != templates.end(); ++it)
            templatesJson.insert(it.key(), stepsToJson(it.value()));
        json.insert(u"templates"_s, templatesJson);
    }
    QJsonArray targetsJson;
    for (const Target &target : targets) {
        QJsonObject object{{u"id"_s, target.id}, {u"hostname"_s, target.hostname}};
        if (!target.label.isEmpty())
            object.insert(u"label"_s, target.label);
        if (!target.region.isEmpty())
            object.insert(u"region"_s, target.region);
        if (!target.profile.isEmpty())
            object.insert(u"profile"_s, target.profile);
        if (!target.vars.isEmpty())
            object.insert(u"vars"_s, target.vars);
        if (target.templateName.isEmpty())
            object.insert(u"steps"_s, stepsToJson(target.steps));
        else
            object.insert(u"template"_s, target.templateName);
        targetsJson.append(object);
    }
    json.insert(u"targets"_s, targetsJson);
    return json;
}

QByteArray Plan::sha256() const
{
    return sha256OfCompactJson(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

QByteArray Plan::sha256OfCompactJson(const QByteArray &compactJson)
{
    return QCryptographicHash::hash(compactJson, QCryptographicHash::Sha256).toHex();
}

QString Plan::preflightName(Preflight preflight)
{
    switch (preflight) {
    case Preflight::None:
        return u"none"_s;
    case Preflight::Target:
        return u"target"_s;
    case Preflight::Plan:
        return u"plan"_s;
    }
    return {};
}

bool Plan::parsePreflight(const QString &name, Preflight *preflight)
{
    for (const Preflight candidate : {Preflight::None, Preflight::Target, Preflight::Plan}) {
        if (preflightName(candidate) == name) {
            *preflight = candidate;
            return true;
        }
    }
    return false;
}

QString Plan::regionOfHostname(const QString &hostname)
{
    static const QRegularExpression pattern(u"^[a-z0-9-]+\\.([a-z]{2,8})\\.qlikcloud\\.com$"_s);
    const QRegularExpressionMatch match = pattern.match(hostname);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace Ops
