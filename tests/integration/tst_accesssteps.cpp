// The "recovery-admin" and "licenses" steps against the sandbox (FACTS §5.1, §6): a person of the
// source tenant becomes TenantAdmin of a customer tenant exactly once, and license settings and
// seats are set with the shared pool checked before anything changes.
#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"

#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "staticsecretsource.h"
#include "support/sandboxfixture.h"

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

const QString kEmail = u"priya.shah@acme-analytics.example"_s;
// A subject without a seat yet (the demo's people all have one).
const QString kSeatSubject = u"jwt|tenantry-seat-check"_s;

} // namespace

class TestAccessSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void recoveryAdminIsCreatedOnce();
    void recoveryAdminUnknownEmailBlocks();
    void licensesSetAndSeatAssigned();
    void exhaustingThePoolBlocksBeforeAnyChange();
    void lostAnswersConvergeWithoutDuplicates_data();
    void lostAnswersConvergeWithoutDuplicates();

private:
    [[nodiscard]] Ops::Plan plan(const QJsonArray &steps);
    [[nodiscard]] std::unique_ptr<Job> run(const Ops::Plan &plan, Job::Mode mode = Job::Mode::Apply);
    [[nodiscard]] std::unique_ptr<Job> runToSuccess(const Ops::Plan &plan);
    [[nodiscard]] QJsonArray adminAndLicenseSteps(const QJsonObject &keepFree = {}) const;
    [[nodiscard]] QList<QJsonObject> usersWithSubject(const QString &subject);
    [[nodiscard]] QList<QJsonObject> seatsOf(const QString &subject);
    [[nodiscard]] qint64 requests(const QString &operation);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<Cloud::CloudClient> m_client;
    StaticSecretSource m_secrets;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_journals;
    QString m_source;
    QString m_target;
    QString m_subject;
};

void TestAccessSteps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
    m_secrets.setSecret(u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
}

void TestAccessSteps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_source = m_sandbox->hostOf(u"acme-source"_s);
    m_target = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!m_source.isEmpty() && !m_target.isEmpty());
    for (const QJsonValue user : m_sandbox->tenantState(u"acme-source"_s).value(u"users"_s).toArray()) {
        if (user.toObject().value(u"email"_s).toString() == kEmail)
            m_subject = user.toObject().value(u"subject"_s).toString();
    }
    QVERIFY(!m_subject.isEmpty());
    QVERIFY(usersWithSubject(m_subject).isEmpty());

    m_client = std::make_unique<Cloud::CloudClient>();
    m_client->setConnectTo(Cloud::ConnectToMap::sandbox(m_sandbox->port()));
    Cloud::CredentialProfile region;
    region.name = u"sandbox-region-eu"_s;
    region.tier = Cloud::CredentialTier::Region;
    region.clientId = u"sandbox-region-eu"_s;
    region.region = u"eu"_s;
    m_client->setProfiles({region});
    m_client->setSecretSource(&m_secrets);
}

void TestAccessSteps::cleanup()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_client.reset();
}

Ops::Plan TestAccessSteps::plan(const QJsonArray &steps)
{
    const QJsonObject json{{u"format"_s, u"tenantry-plan"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"access"_s},
                           {u"options"_s, QJsonObject{{u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 4}}},
                           {u"targets"_s,
                            QJsonArray{QJsonObject{{u"id"_s, u"northwind"_s},
                                                   {u"hostname"_s, m_target},
                                                   {u"profile"_s, u"sandbox-region-eu"_s},
                                                   {u"steps"_s, steps}}}}};
    const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(json);
    if (!read.ok())
        qWarning().noquote() << Ops::PlanIssue::toStrings(read.issues).join(u'\n');
    return read.plan.value_or(Ops::Plan());
}

std::unique_ptr<Job> TestAccessSteps::run(const Ops::Plan &plan, Job::Mode mode)
{
    auto job = std::make_unique<Job>(plan, &m_steps);
    job->setCloudClient(m_client.get());
    job->setJournalDirectory(m_journals.path());
    job->setRetryDelay(10ms);
    QSignalSpy finished(job.get(), &Job::finished);
    if (!job->start(mode) || !finished.wait(60000))
        return nullptr;
    return job;
}

std::unique_ptr<Job> TestAccessSteps::runToSuccess(const Ops::Plan &plan)
{
    std::unique_ptr<Job> job = run(plan);
    for (int retry = 0; job && retry < 3 && job->state().status != JobStatus::Succeeded; ++retry) {
        QSignalSpy finished(job.get(), &Job::finished);
        if (!job->retryFailed() || !finished.wait(60000))
            return nullptr;
    }
    return job;
}

QJsonArray TestAccessSteps::adminAndLicenseSteps(const QJsonObject &keepFree) const
{
    QJsonObject licenses{
        {u"autoAssignProfessional"_s, false},
        {u"autoAssignAnalyzer"_s, false},
        {u"assignments"_s, QJsonArray{QJsonObject{{u"subject"_s, kSeatSubject}, {u"type"_s, u"professional"_s}}}}};
    if (!keepFree.isEmpty())
        licenses.insert(u"keepFree"_s, keepFree);
    return {QJsonObject{{u"id"_s, u"admin"_s},
                        {u"type"_s, u"recovery-admin"_s},
                        {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"email"_s, kEmail}}}},
            QJsonObject{{u"id"_s, u"licenses"_s}, {u"type"_s, u"licenses"_s}, {u"params"_s, licenses}}};
}

QList<QJsonObject> TestAccessSteps::usersWithSubject(const QString &subject)
{
    QList<QJsonObject> found;
    for (const QJsonValue user : m_sandbox->tenantState(u"northwind"_s).value(u"users"_s).toArray()) {
        if (user.toObject().value(u"subject"_s).toString() == subject)
            found.append(user.toObject());
    }
    return found;
}

QList<QJsonObject> TestAccessSteps::seatsOf(const QString &subject)
{
    QList<QJsonObject> found;
    for (const QJsonValue subscription : m_sandbox->http().state().value(u"subscriptions"_s).toArray()) {
        for (const QJsonValue seat : subscription.toObject().value(u"assignments"_s).toArray()) {
            if (seat.toObject().value(u"subject"_s).toString() == subject)
                found.append(seat.toObject());
        }
    }
    return found;
}

qint64 TestAccessSteps::requests(const QString &operation)
{
    return m_sandbox->http().state().value(u"requests"_s).toObject().value(operation).toInteger();
}

void TestAccessSteps::recoveryAdminIsCreatedOnce()
{
    const Ops::Plan p = plan({adminAndLicenseSteps().at(0)});
    const std::unique_ptr<Job> dry = run(p, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QVERIFY(usersWithSubject(m_subject).isEmpty());

    const std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QList<QJsonObject> users = usersWithSubject(m_subject);
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().value(u"email"_s).toString(), kEmail);
    QCOMPARE(users.first().value(u"status"_s).toString(), u"active"_s);
    QVERIFY(users.first().value(u"roles"_s).toArray().contains(u"TenantAdmin"_s));
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.outputs.value(u"userId"_s).toString(), users.first().value(u"id"_s).toString());
    QCOMPARE(step.outputs.value(u"subject"_s).toString(), m_subject);

    const qint64 posts = requests(u"POST /v1/users"_s);
    const std::unique_ptr<Job> again = run(p);
    QVERIFY(again);
    QCOMPARE(again->state().status, JobStatus::Succeeded);
    QCOMPARE(Ops::JobSummary::stepTotals(again->state()).noChange, 1);
    QCOMPARE(requests(u"POST /v1/users"_s), posts);
}

void TestAccessSteps::recoveryAdminUnknownEmailBlocks()
{
    const std::unique_ptr<Job> job = run(plan(
        {QJsonObject{{u"id"_s, u"admin"_s},
                     {u"type"_s, u"recovery-admin"_s},
                     {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"email"_s, u"nobody@example.com"_s}}}}}));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).status, Ops::TargetStatus::Blocked);
    QVERIFY2(job->state().targets.at(0).message.contains(u"no user with email nobody@example.com"_s),
             qPrintable(job->state().targets.at(0).message));
}

void TestAccessSteps::licensesSetAndSeatAssigned()
{
    QVERIFY(seatsOf(kSeatSubject).isEmpty());
    const Ops::Plan p = plan(adminAndLicenseSteps());
    const std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QJsonObject settings = m_sandbox->tenantState(u"northwind"_s).value(u"licenseSettings"_s).toObject();
    QCOMPARE(settings.value(u"autoAssignProfessional"_s).toBool(), false);
    QCOMPARE(settings.value(u"autoAssignAnalyzer"_s).toBool(), false); // the demo had it on
    const QList<QJsonObject> seats = seatsOf(kSeatSubject);
    QCOMPARE(seats.size(), 1);
    QCOMPARE(seats.first().value(u"type"_s).toString(), u"professional"_s);
    QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::Updated);

    const qint64 puts = requests(u"PUT /v1/licenses/settings"_s);
    const qint64 adds = requests(u"POST /v1/licenses/assignments/actions/add"_s);
    const std::unique_ptr<Job> again = run(p);
    QVERIFY(again);
    QCOMPARE(Ops::JobSummary::stepTotals(again->state()).noChange, 2);
    QCOMPARE(requests(u"PUT /v1/licenses/settings"_s), puts);
    QCOMPARE(requests(u"POST /v1/licenses/assignments/actions/add"_s), adds);
}

void TestAccessSteps::exhaustingThePoolBlocksBeforeAnyChange()
{
    // The demo's pool: 50 professional seats. Keeping all of them free leaves none for the plan.
    const std::unique_ptr<Job> job = run(plan(adminAndLicenseSteps(QJsonObject{{u"professional"_s, 50}})));
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    QCOMPARE(job->state().targets.at(0).status, Ops::TargetStatus::Blocked);
    const QString message = job->state().targets.at(0).message;
    QVERIFY2(message.contains(u"shared pool has"_s) && message.contains(u"must stay free"_s), qPrintable(message));
    // Preflight "target": blocked before anything changed, the admin included.
    QVERIFY(usersWithSubject(m_subject).isEmpty());
    QVERIFY(seatsOf(kSeatSubject).isEmpty());
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s)
                 .value(u"licenseSettings"_s)
                 .toObject()
                 .value(u"autoAssignAnalyzer"_s)
                 .toBool(),
             true);
}

void TestAccessSteps::lostAnswersConvergeWithoutDuplicates_data()
{
    QTest::addColumn<QJsonArray>("faults");
    const auto rule = [](const QString &path, const QString &kind, double rate) {
        return QJsonObject{
            {u"path"_s, path}, {u"method"_s, u"POST"_s}, {u"rate"_s, rate}, {u"kind"_s, kind}, {u"status"_s, 503}};
    };
    QTest::newRow("user create lost") << QJsonArray{rule(u"^/api/v1/users$"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("user create 503") << QJsonArray{rule(u"^/api/v1/users$"_s, u"status"_s, 0.5)};
    QTest::newRow("seat add lost") << QJsonArray{
        rule(u"/licenses/assignments/actions/add$"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("seat add 503") << QJsonArray{rule(u"/licenses/assignments/actions/add$"_s, u"status"_s, 0.5)};
}

void TestAccessSteps::lostAnswersConvergeWithoutDuplicates()
{
    QFETCH(QJsonArray, faults);
    QVERIFY(
        m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, faults}, {u"seed"_s, 7}}));
    const std::unique_ptr<Job> job = runToSuccess(plan(adminAndLicenseSteps()));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(usersWithSubject(m_subject).size(), 1);
    QCOMPARE(seatsOf(kSeatSubject).size(), 1);
    const Ops::JobState::Step &admin = job->state().targets.at(0).steps.at(0);
    QCOMPARE(admin.status, StepStatus::Created);
    QCOMPARE(admin.change.created.first().id, usersWithSubject(m_subject).first().value(u"id"_s).toString());
}

QTEST_GUILESS_MAIN(TestAccessSteps)
#include "tst_accesssteps.moc"
