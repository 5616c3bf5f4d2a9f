#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Ops {

// A plan is data (DESIGN.md §4): targets (tenants, existing or to be created) and, per target,
// ordered steps with their parameters. It is what the wizard saves, the activity panel runs and
// `tenantryctl apply` reads; PlanReader parses and validates the JSON form
// (resources/plans/plan.schema.json), toJson() writes it back.
class Plan
{
public:
    static constexpr int FormatVersion = 1;

    // Dry-run policy before applying (the schema's "options.preflight").
    enum class Preflight {
        None, // probe each step right before applying it; a blocked step stops its target there
        Target, // probe a whole target before touching it; a blocked target is left untouched
        Plan, // probe every target first; apply nothing at all if any step is blocked
    };

    struct Options
    {
        int concurrency = 4; // targets in parallel
        Preflight preflight = Preflight::Target;
        int maxAttempts = 3; // per step call, on transient failures and unknown outcomes
        // A staged rollout: the first `firstWave` targets (in plan order) run alone first, then the
        // others in waves of `waveSize` (0: all of them at once), each wave starting only after the
        // one before settled; when more than `maxWaveFailurePercent` of a wave fail or are blocked,
        // the later ones never start. Both 0: one wave.
        int firstWave = 0;
        int waveSize = 0;
        int maxWaveFailurePercent = 0;

        friend bool operator==(const Options &, const Options &) = default;
    };

    struct Step
    {
        QString id; // unique in its target: [a-z][a-z0-9-]*
        QString type; // a StepRegistry type name
        QString label;
        QJsonObject params; // may hold ${...} references, resolved when the step runs

        friend bool operator==(const Step &, const Step &) = default;
    };

    struct Target
    {
        QString id; // unique in the plan
        QString label;
        QString hostname; // a hostname, or a reference to the output of the step that creates the tenant
        QString region; // explicit, or derived from a *.<region>.qlikcloud.com hostname
        QString profile; // credential profile name (never a secret)
        QJsonObject vars;
        QString templateName; // when set, `steps` is that template's list
        QList<Step> steps;

        [[nodiscard]] QString displayName() const { return label.isEmpty() ? id : label; }
        [[nodiscard]] qsizetype stepIndex(const QString &stepId) const;
        [[nodiscard]] bool hostnameIsReference() const;

        friend bool operator==(const Target &, const Target &) = default;
    };

    QString name;
    QString description;
    Options options;
    QMap<QString, QList<Step>> templates;
    QList<Target> targets;

    [[nodiscard]] qsizetype targetIndex(const QString &targetId) const;

    // The JSON form (format "tenantry-plan", version 1). Targets made from a template are written
    // with "template", not with a copy of its steps.
    [[nodiscard]] QJsonObject toJson() const;
    // SHA-256 (hex) of the compact JSON form; QJsonObject keeps keys sorted, so equal plans hash equal.
    [[nodiscard]] QByteArray sha256() const;
    // The same hash of a plan already in compact JSON form (Job::start() has it for the journal).
    [[nodiscard]] static QByteArray sha256OfCompactJson(const QByteArray &compactJson);

    [[nodiscard]] static QString preflightName(Preflight preflight);
    [[nodiscard]] static bool parsePreflight(const QString &name, Preflight *preflight);
    // "eu" for "acme.eu.qlikcloud.com"; empty when the hostname is not a Qlik Cloud tenant hostname.
    [[nodiscard]] static QString regionOfHostname(const QString &hostname);

    friend bool operator==(const Plan &, const Plan &) = default;
};

} // namespace Ops
