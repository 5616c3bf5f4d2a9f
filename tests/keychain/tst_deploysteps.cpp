// The "automation" and "embed-check" steps (issue 6, onboarding steps 11 and 12) against the
// in-process sandbox, the signing key in a real Secret Service. The source's "add new users"
// automation is copied once and left alone after; a lost answer to its create converges on one
// copy. A test user of the consumer group logs in by JWT and sees the published apps; without the
// group it sees nothing — until the copied automation adds every new user to Production.
#include "keychaintestsupport.h"
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

namespace {

const QString kAutomation = u"Add new users to Production"_s;
const QString kIssuer = u"https://login.northwind-portal.example"_s;

} // namespace

class TestDeploySteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void automationCopiedOnceThenNoChange();
    void lostAutomationCreateConverges();
    void automationMissingOnTheSourceBlocks();
    void consumerSeesThePublishedApps();
    void userOutsideTheGroupSeesNothingAndIsBlockedOnRerun();
    void copiedAutomationAddsNewUsersToProduction();

private:
    [[nodiscard]] static QJsonObject step(const QString &id, const QString &type, const QJsonObject &params);
    [[nodiscard]] QJsonObject automationStep(const QString &name = kAutomation) const;
    [[nodiscard]] QJsonObject jwtStep() const;
    [[nodiscard]] QJsonObject embedCheck(const QStringList &groups, const QString &subject) const;
    [[nodiscard]] QList<QJsonObject> named(const QString &tenant, const QString &list, const QString &field,
                                           const QString &value);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<StepPlanRunner> m_runner;
    std::unique_ptr<Secrets::SecretStore> m_keys;
    QString m_service;
    Ops::StepRegistry m_steps;
    QString m_source;
    QString m_productionId;
    QStringList m_publishedApps;
};

void TestDeploySteps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    m_service = KeychainTestSupport::uniqueService("tst_deploysteps");
    m_keys = std::make_unique<Secrets::SecretStore>(m_service);
    Ops::BuiltInSteps::registerAll(&m_steps, m_keys.get());
}

void TestDeploySteps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_source = m_sandbox->hostOf(u"acme-source"_s);
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!m_source.isEmpty() && !host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_runner->setTarget({{u"id"_s, u"northwind"_s}, {u"hostname"_s, host}, {u"profile"_s, u"region-eu"_s}});

    const QList<QJsonObject> production = named(u"northwind"_s, u"spaces"_s, u"name"_s, u"Production"_s);
    QCOMPARE(production.size(), 1);
    m_productionId = production.first()[u"id"_s].toString();
    m_publishedApps.clear();
    for (const QJsonObject &app : named(u"northwind"_s, u"apps"_s, u"spaceId"_s, m_productionId))
        m_publishedApps.append(app[u"id"_s].toString());
    QVERIFY(m_publishedApps.size() >= 2);
}

void TestDeploySteps::cleanupTestCase()
{
    QVERIFY(KeychainTestSupport::clearService(m_service));
}

QJsonObject TestDeploySteps::step(const QString &id, const QString &type, const QJsonObject &params)
{
    return {{u"id"_s, id}, {u"type"_s, type}, {u"params"_s, params}};
}

QJsonObject TestDeploySteps::automationStep(const QString &name) const
{
    // The source keeps it disabled, as a template; the copy is to run.
    return step(u"add-users"_s, u"automation"_s,
                {{u"source"_s, m_source}, {u"name"_s, name}, {u"state"_s, u"available"_s}});
}

QJsonObject TestDeploySteps::jwtStep() const
{
    return step(u"jwt"_s, u"jwt-idp"_s,
                {{u"issuer"_s, kIssuer}, {u"kid"_s, u"northwind-portal-1"_s}, {u"keyEntry"_s, u"northwind-portal"_s}});
}

QJsonObject TestDeploySteps::embedCheck(const QStringList &groups, const QString &subject) const
{
    return step(u"embed-check"_s, u"embed-check"_s,
                {{u"issuer"_s, u"${jwt.issuer}"_s},
                 {u"kid"_s, u"${jwt.kid}"_s},
                 {u"keyEntry"_s, u"northwind-portal"_s},
                 {u"subject"_s, subject},
                 {u"groups"_s, QJsonArray::fromStringList(groups)},
                 {u"spaceId"_s, m_productionId},
                 {u"apps"_s, QJsonArray::fromStringList(m_publishedApps)}});
}

QList<QJsonObject> TestDeploySteps::named(const QString &tenant, const QString &list, const QString &field,
                                          const QString &value)
{
    QList<QJsonObject> found;
    for (const QJsonValue item : m_sandbox->tenantState(tenant).value(list).toArray()) {
        if (item[field].toString() == value)
            found.append(item.toObject());
    }
    return found;
}

void TestDeploySteps::automationCopiedOnceThenNoChange()
{
    const std::unique_ptr<Job> dry = m_runner->run({automationStep()}, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QVERIFY(named(u"northwind"_s, u"automations"_s, u"name"_s, kAutomation).isEmpty());

    const std::unique_ptr<Job> job = m_runner->run({automationStep()});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QList<QJsonObject> copies = named(u"northwind"_s, u"automations"_s, u"name"_s, kAutomation);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.first()[u"runMode"_s].toString(), u"webhook"_s); // the definition came along
    QCOMPARE(copies.first()[u"state"_s].toString(), u"available"_s);
    const QList<QJsonObject> bots = named(u"northwind"_s, u"users"_s, u"clientId"_s, u"sandbox-region-eu"_s);
    QCOMPARE(bots.size(), 1);
    QCOMPARE(copies.first()[u"ownerId"_s].toString(), bots.first()[u"id"_s].toString());
    QCOMPARE(job->state().targets.at(0).steps.at(0).outputs.value(u"automationId"_s).toString(),
             copies.first()[u"id"_s].toString());

    const int creates = SeededClient::requestCount(m_sandbox->http(), u"POST /v1/automations"_s);
    const std::unique_ptr<Job> again = m_runner->run({automationStep()});
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(SeededClient::requestCount(m_sandbox->http(), u"POST /v1/automations"_s), creates);
}

void TestDeploySteps::lostAutomationCreateConverges()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/automations$"_s, "POST", 11));
    const std::unique_ptr<Job> job = m_runner->run({automationStep()});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(named(u"northwind"_s, u"automations"_s, u"name"_s, kAutomation).size(), 1);
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
}

void TestDeploySteps::automationMissingOnTheSourceBlocks()
{
    const std::unique_ptr<Job> dry = m_runner->run({automationStep(u"No such automation"_s)}, Job::Mode::DryRun);
    QVERIFY(dry);
    const auto &probe = dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe->action, Ops::StepAction::Blocked);
    QVERIFY2(probe->blockedReason.contains(u"no automation named 'No such automation'"_s),
             qPrintable(probe->blockedReason));
}

void TestDeploySteps::consumerSeesThePublishedApps()
{
    const QJsonArray steps{jwtStep(), embedCheck({u"Northwind Traders Viewers"_s}, u"portal-check"_s)};
    const std::unique_ptr<Job> job = m_runner->run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const auto &check = job->state().targets.at(0).steps.at(1);
    QCOMPARE(check.status, StepStatus::Created);
    const QList<QJsonObject> users = named(u"northwind"_s, u"users"_s, u"subject"_s, u"portal-check"_s);
    QCOMPARE(users.size(), 1);
    QCOMPARE(check.outputs.value(u"userId"_s).toString(), users.first()[u"id"_s].toString());
    const QList<QJsonObject> viewers = named(u"northwind"_s, u"groups"_s, u"name"_s, u"Northwind Traders Viewers"_s);
    QCOMPARE(viewers.size(), 1);
    QVERIFY(users.first()[u"groupIds"_s].toArray().contains(viewers.first()[u"id"_s]));

    // Again: the user exists, looks again, and nothing changes.
    const std::unique_ptr<Job> dry = m_runner->run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(1).probe->action, Ops::StepAction::NoChange);
    const std::unique_ptr<Job> again = m_runner->run(steps);
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(1).status, StepStatus::NoChange);
    QCOMPARE(named(u"northwind"_s, u"users"_s, u"subject"_s, u"portal-check"_s).size(), 1);
}

void TestDeploySteps::userOutsideTheGroupSeesNothingAndIsBlockedOnRerun()
{
    const QJsonArray steps{jwtStep(), embedCheck({}, u"outsider-check"_s)};
    const std::unique_ptr<Job> job = m_runner->run(steps);
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    const auto &check = job->state().targets.at(0).steps.at(1);
    QCOMPARE(check.status, StepStatus::Failed);
    QVERIFY2(check.error->message.contains(u"does not see %1 of the %1"_s.arg(m_publishedApps.size())),
             qPrintable(check.error->message));
    QVERIFY(check.error->message.contains(m_publishedApps.first()));

    const std::unique_ptr<Job> dry = m_runner->run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    const auto &probe = dry->state().targets.at(0).steps.at(1).probe;
    QCOMPARE(probe->action, Ops::StepAction::Blocked);
    QVERIFY2(probe->blockedReason.contains(u"outsider-check does not see"_s), qPrintable(probe->blockedReason));
}

void TestDeploySteps::copiedAutomationAddsNewUsersToProduction()
{
    // No group in the token: only the automation, run by the User Created event, can let it in.
    const QJsonArray steps{automationStep(), jwtStep(), embedCheck({}, u"new-customer-user"_s)};
    const std::unique_ptr<Job> job = m_runner->run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QString userId
        = named(u"northwind"_s, u"users"_s, u"subject"_s, u"new-customer-user"_s).first()[u"id"_s].toString();
    const QList<QJsonObject> production = named(u"northwind"_s, u"spaces"_s, u"id"_s, m_productionId);
    bool consumer = false;
    for (const QJsonValue assignment : production.first()[u"assignments"_s].toArray()) {
        if (assignment[u"assigneeId"_s].toString() == userId)
            consumer = assignment[u"roles"_s].toArray().contains(u"consumer"_s);
    }
    QVERIFY2(consumer, "the copied automation did not add the new user to Production as a consumer");
}

QTEST_GUILESS_MAIN(TestDeploySteps)
#include "tst_deploysteps.moc"
