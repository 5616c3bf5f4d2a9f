// The "group-settings" step (issue 6, onboarding step 4; FACTS §5.2) against the sandbox: the
// flags are patched once, a second run changes nothing, a lost answer to the patch is found done by
// probing again, and a flag the plan leaves out is left as it is.
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

class TestGroupSettingsStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void setOnceThenNoChange();
    void lostPatchAnswerConverges();
    void leftOutFlagIsKept();

private:
    [[nodiscard]] static QJsonArray steps(const QJsonObject &params);
    [[nodiscard]] QJsonObject settings();

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<StepPlanRunner> m_runner;
    Ops::StepRegistry m_steps;
};

void TestGroupSettingsStep::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
}

void TestGroupSettingsStep::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    const QString host = m_sandbox->hostOf(u"wayne"_s); // a fresh tenant: both flags off
    QVERIFY(!host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"us"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_runner->setTarget({{u"id"_s, u"wayne"_s}, {u"hostname"_s, host}, {u"profile"_s, u"region-us"_s}});
    QCOMPARE(settings().value(u"autoCreateGroups"_s).toBool(), false);
    QCOMPARE(settings().value(u"syncIdpGroups"_s).toBool(), false);
}

QJsonArray TestGroupSettingsStep::steps(const QJsonObject &params)
{
    return {QJsonObject{{u"id"_s, u"group-settings"_s}, {u"type"_s, u"group-settings"_s}, {u"params"_s, params}}};
}

QJsonObject TestGroupSettingsStep::settings()
{
    return m_sandbox->tenantState(u"wayne"_s).value(u"groupSettings"_s).toObject();
}

void TestGroupSettingsStep::setOnceThenNoChange()
{
    const QJsonObject both{{u"autoCreateGroups"_s, true}, {u"syncIdpGroups"_s, true}};
    const std::unique_ptr<Job> dry = m_runner->run(steps(both), Job::Mode::DryRun);
    QVERIFY(dry);
    const auto &probe = dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe->action, Ops::StepAction::Update);
    QCOMPARE(probe->changes.size(), 2);
    QCOMPARE(settings().value(u"autoCreateGroups"_s).toBool(), false); // a dry run changes nothing

    const std::unique_ptr<Job> job = m_runner->run(steps(both));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(settings().value(u"autoCreateGroups"_s).toBool(), true);
    QCOMPARE(settings().value(u"syncIdpGroups"_s).toBool(), true);

    const int patches = SeededClient::requestCount(m_sandbox->http(), u"PATCH /v1/groups/settings"_s);
    QCOMPARE(patches, 1);
    const std::unique_ptr<Job> again = m_runner->run(steps(both));
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(SeededClient::requestCount(m_sandbox->http(), u"PATCH /v1/groups/settings"_s), patches);
}

void TestGroupSettingsStep::lostPatchAnswerConverges()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/groups/settings$"_s, "PATCH", 5));
    const std::unique_ptr<Job> job = m_runner->run(steps({{u"autoCreateGroups"_s, true}}));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
    QCOMPARE(settings().value(u"autoCreateGroups"_s).toBool(), true);
}

void TestGroupSettingsStep::leftOutFlagIsKept()
{
    const std::unique_ptr<Job> job = m_runner->run(steps({{u"syncIdpGroups"_s, true}}));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(settings().value(u"syncIdpGroups"_s).toBool(), true);
    QCOMPARE(settings().value(u"autoCreateGroups"_s).toBool(), false);

    // A plan without any flag is refused when it is read.
    QVERIFY(!m_runner->run(steps({}), Job::Mode::DryRun));
}

QTEST_GUILESS_MAIN(TestGroupSettingsStep)
#include "tst_groupsettingsstep.moc"
