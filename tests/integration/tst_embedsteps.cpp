// The "csp-origin" and "web-integration" steps against the sandbox (FACTS §8): what a customer
// tenant needs before the customer's portal can embed it. Each is created once, found again by
// origin or name, brought back to the plan when it drifts, and never made twice when the answer to
// its create is lost.
#include "seededclient.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

namespace {

const QString kOrigin = u"https://portal.northwind.example"_s;
const QString kIntegration = u"Northwind portal"_s;

QJsonArray embedSteps(const QJsonArray &directives, const QJsonArray &origins)
{
    return {QJsonObject{{u"id"_s, u"csp"_s},
                        {u"type"_s, u"csp-origin"_s},
                        {u"params"_s, QJsonObject{{u"origin"_s, kOrigin}, {u"directives"_s, directives}}}},
            QJsonObject{{u"id"_s, u"portal"_s},
                        {u"type"_s, u"web-integration"_s},
                        {u"params"_s, QJsonObject{{u"name"_s, kIntegration}, {u"validOrigins"_s, origins}}}}};
}

} // namespace

class TestEmbedSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void createdOnceThenNoChange();
    void driftIsUpdated();
    void lostCreateAnswersConverge();
    void twoIntegrationsOfTheNameBlock();
    void unknownDirectiveIsAPlanError();

private:
    [[nodiscard]] Ops::PlanReadResult read(const QJsonArray &steps);
    [[nodiscard]] std::unique_ptr<Job> run(const QJsonArray &steps, Job::Mode mode = Job::Mode::Apply);
    [[nodiscard]] QList<QJsonObject> named(const QString &list, const QString &field, const QString &value);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_journals;
    QString m_host;
};

void TestEmbedSteps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
}

void TestEmbedSteps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!m_host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
}

Ops::PlanReadResult TestEmbedSteps::read(const QJsonArray &steps)
{
    const QJsonObject json{{u"format"_s, u"tenantry-plan"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"embedding"_s},
                           {u"options"_s, QJsonObject{{u"maxAttempts"_s, 4}}},
                           {u"targets"_s,
                            QJsonArray{QJsonObject{{u"id"_s, u"northwind"_s},
                                                   {u"hostname"_s, m_host},
                                                   {u"profile"_s, u"region-eu"_s},
                                                   {u"steps"_s, steps}}}}};
    return Ops::PlanReader(&m_steps).fromJson(json);
}

std::unique_ptr<Job> TestEmbedSteps::run(const QJsonArray &steps, Job::Mode mode)
{
    const Ops::PlanReadResult plan = read(steps);
    if (!plan.ok()) {
        qWarning().noquote() << Ops::PlanIssue::toStrings(plan.issues).join(u'\n');
        return nullptr;
    }
    auto job = std::make_unique<Job>(*plan.plan, &m_steps);
    job->setCloudClient(&m_client->client());
    job->setJournalDirectory(m_journals.path());
    job->setRetryDelay(10ms);
    QSignalSpy finished(job.get(), &Job::finished);
    if (!job->start(mode) || !finished.wait(60000))
        return nullptr;
    return job;
}

QList<QJsonObject> TestEmbedSteps::named(const QString &list, const QString &field, const QString &value)
{
    QList<QJsonObject> found;
    for (const QJsonValue item : m_sandbox->tenantState(u"northwind"_s).value(list).toArray()) {
        if (item.toObject().value(field).toString() == value)
            found.append(item.toObject());
    }
    return found;
}

void TestEmbedSteps::createdOnceThenNoChange()
{
    const QJsonArray steps = embedSteps({u"frameAncestors"_s, u"imgSrc"_s}, {kOrigin});
    const std::unique_ptr<Job> dry = run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QCOMPARE(dry->state().targets.at(0).steps.at(1).probe->action, Ops::StepAction::Create);

    const std::unique_ptr<Job> job = run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QList<QJsonObject> csp = named(u"cspOrigins"_s, u"origin"_s, kOrigin);
    QCOMPARE(csp.size(), 1);
    QStringList directives;
    for (const QJsonValue directive : csp.first().value(u"directives"_s).toArray())
        directives.append(directive.toString());
    directives.sort();
    QCOMPARE(directives, (QStringList{u"frameAncestors"_s, u"imgSrc"_s}));
    const QList<QJsonObject> portal = named(u"webIntegrations"_s, u"name"_s, kIntegration);
    QCOMPARE(portal.size(), 1);
    QCOMPARE(portal.first().value(u"validOrigins"_s).toArray(), QJsonArray{kOrigin});
    QCOMPARE(job->state().targets.at(0).steps.at(1).outputs.value(u"webIntegrationId"_s).toString(),
             portal.first().value(u"id"_s).toString());

    const qint64 posts = SeededClient::requestCount(m_sandbox->http(), u"POST /v1/csp-origins"_s)
        + SeededClient::requestCount(m_sandbox->http(), u"POST /v1/web-integrations"_s);
    const std::unique_ptr<Job> again = run(steps);
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(again->state().targets.at(0).steps.at(1).status, StepStatus::NoChange);
    QCOMPARE(SeededClient::requestCount(m_sandbox->http(), u"POST /v1/csp-origins"_s)
                 + SeededClient::requestCount(m_sandbox->http(), u"POST /v1/web-integrations"_s),
             posts);
}

void TestEmbedSteps::driftIsUpdated()
{
    QVERIFY(run(embedSteps({u"frameAncestors"_s}, {kOrigin})));
    const QString other = u"https://reports.northwind.example"_s;
    const std::unique_ptr<Job> job = run(embedSteps({u"frameAncestors"_s, u"scriptSrc"_s}, {kOrigin, other}));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::Updated);
    const QList<QJsonObject> csp = named(u"cspOrigins"_s, u"origin"_s, kOrigin);
    QCOMPARE(csp.size(), 1);
    QVERIFY(csp.first().value(u"directives"_s).toArray().contains(u"scriptSrc"_s));
    const QList<QJsonObject> portal = named(u"webIntegrations"_s, u"name"_s, kIntegration);
    QCOMPARE(portal.size(), 1);
    QCOMPARE(portal.first().value(u"validOrigins"_s).toArray().size(), 2);
}

void TestEmbedSteps::lostCreateAnswersConverge()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/(csp-origins|web-integrations)$"_s, "POST", 5));
    const std::unique_ptr<Job> job = run(embedSteps({u"frameAncestors"_s}, {kOrigin}));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(named(u"cspOrigins"_s, u"origin"_s, kOrigin).size(), 1);
    QCOMPARE(named(u"webIntegrations"_s, u"name"_s, kIntegration).size(), 1);
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
    QVERIFY(job->state().targets.at(0).steps.at(1).recovered);
}

void TestEmbedSteps::twoIntegrationsOfTheNameBlock()
{
    const QJsonArray portalOnly{embedSteps({u"frameAncestors"_s}, {kOrigin}).at(1)};
    QVERIFY(run(portalOnly));
    // Someone made a second one of the same name by hand (Qlik allows it).
    const QString token = m_sandbox->regionToken(m_host);
    const TestSupport::HttpReply made = m_sandbox->http().post(
        m_host, u"/api/v1/web-integrations"_s,
        QJsonObject{{u"name"_s, kIntegration}, {u"validOrigins"_s, QJsonArray{kOrigin}}}, token);
    QCOMPARE(made.status, 201);
    const std::unique_ptr<Job> job = run(portalOnly);
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QVERIFY(step.probe);
    QVERIFY2(step.probe->blockedReason.contains(u"2 web integrations are named"_s),
             qPrintable(step.probe->blockedReason));
    QCOMPARE(named(u"webIntegrations"_s, u"name"_s, kIntegration).size(), 2);
}

void TestEmbedSteps::unknownDirectiveIsAPlanError()
{
    const Ops::PlanReadResult plan = read(embedSteps({u"frame-ancestors"_s}, {kOrigin}));
    QVERIFY(!plan.ok());
    const QString issues = Ops::PlanIssue::toStrings(plan.issues).join(u'\n');
    QVERIFY2(issues.contains(u"directives"_s), qPrintable(issues));
}

QTEST_GUILESS_MAIN(TestEmbedSteps)
#include "tst_embedsteps.moc"
