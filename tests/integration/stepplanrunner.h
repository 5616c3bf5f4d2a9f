#pragma once

#include "ops/job.h"
#include "ops/planreader.h"

#include <QJsonArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class SeededClient;

namespace Ops {
class StepRegistry;
}

// What every step test does to run its steps: one target's steps as a plan (maxAttempts 4), a job
// on the seeded client with a journal and a 10 ms retry delay, started and waited for (60 s).
class StepPlanRunner
{
public:
    StepPlanRunner(SeededClient *client, Ops::StepRegistry *steps);

    // The target's fields besides its steps ("id", "hostname", "profile", "region"...).
    void setTarget(const QJsonObject &target) { m_target = target; }
    // As if the plan were read from this file (relative file paths in params resolve against its folder).
    void setPlanPath(const QString &path) { m_planPath = path; }

    // The finished job; null (with a warning naming the plan's problems) when it did not finish.
    [[nodiscard]] std::unique_ptr<Ops::Job> run(const QJsonArray &steps, Ops::Job::Mode mode = Ops::Job::Mode::Apply);
    // The plan run() would run, as read (its issues, when the steps' parameters are refused).
    [[nodiscard]] Ops::PlanReadResult read(const QJsonArray &steps) const;
    // Same, for a plan of several targets (each with its "steps"); `options` goes over maxAttempts 4.
    [[nodiscard]] std::unique_ptr<Ops::Job>
    runTargets(const QJsonArray &targets, Ops::Job::Mode mode = Ops::Job::Mode::Apply, const QJsonObject &options = {});

private:
    [[nodiscard]] Ops::PlanReadResult readTargets(const QJsonArray &targets, const QJsonObject &options) const;

    SeededClient *m_client;
    Ops::StepRegistry *m_steps;
    QJsonObject m_target;
    QString m_planPath;
    QTemporaryDir m_journals;
};
