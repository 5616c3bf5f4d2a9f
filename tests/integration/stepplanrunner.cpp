#include "stepplanrunner.h"

#include "seededclient.h"

#include "ops/stepregistry.h"

#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

StepPlanRunner::StepPlanRunner(SeededClient *client, Ops::StepRegistry *steps)
    : m_client(client)
    , m_steps(steps)
{ }

std::unique_ptr<Ops::Job> StepPlanRunner::run(const QJsonArray &steps, Ops::Job::Mode mode)
{
    QJsonObject target = m_target;
    target.insert(u"steps"_s, steps);
    return runTargets({target}, mode);
}

Ops::PlanReadResult StepPlanRunner::read(const QJsonArray &steps) const
{
    QJsonObject target = m_target;
    target.insert(u"steps"_s, steps);
    return readTargets({target}, {});
}

Ops::PlanReadResult StepPlanRunner::readTargets(const QJsonArray &targets, const QJsonObject &options) const
{
    QJsonObject planOptions{{u"maxAttempts"_s, 4}};
    for (auto it = options.begin(); it != options.end(); ++it)
        planOptions.insert(it.key(), it.value());
    const QJsonObject json{{u"format"_s, u"tenantry-plan"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"steps under test"_s},
                           {u"options"_s, planOptions},
                           {u"targets"_s, targets}};
    return Ops::PlanReader(m_steps).fromJson(json);
}

std::unique_ptr<Ops::Job> StepPlanRunner::runTargets(const QJsonArray &targets, Ops::Job::Mode mode,
                                                     const QJsonObject &options)
{
    const Ops::PlanReadResult plan = readTargets(targets, options);
    if (!plan.ok()) {
        qWarning().noquote() << Ops::PlanIssue::toStrings(plan.issues).join(u'\n');
        return nullptr;
    }
    auto job = std::make_unique<Ops::Job>(*plan.plan, m_steps);
    job->setCloudClient(&m_client->client());
    job->setJournalDirectory(m_journals.path());
    job->setPlanPath(m_planPath);
    job->setRetryDelay(10ms);
    QSignalSpy finished(job.get(), &Ops::Job::finished);
    if (!job->start(mode) || !finished.wait(60000))
        return nullptr;
    return job;
}
