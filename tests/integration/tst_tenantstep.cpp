// The "tenant" step end to end against the sandbox (FACTS §3): a new tenant made on
// register.<region> with the source tenant's license key, given its alias, found again by that
// alias, and never made twice when the answer to its create is lost.
#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "ops/tenantcreationledger.h"

#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "staticsecretsource.h"
#include "support/sandboxfixture.h"

#include <QDirIterator>
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

const QString kAlias = u"customer-a.eu.qlikcloud.com"_s;

} // namespace

class TestTenantStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsOnceThenFindsItByAlias();
    void lostAnswersAndErrorsConvergeWithoutDuplicates_data();
    void lostAnswersAndErrorsConvergeWithoutDuplicates();
    void refusedAliasThenANewJobAdoptsTheTenant();
    void openLedgerEntryWithoutATenantCreates();
    void deactivatedSourceBlocks();
    void aliasOfAnotherRegionIsRefusedInThePlan();

private:
    [[nodiscard]] QJsonObject planJson(const QString &licenseSource, const QString &alias = kAlias);
    [[nodiscard]] Ops::Plan plan(const QJsonObject &json);
    [[nodiscard]] std::unique_ptr<Job> run(const Ops::Plan &plan, Job::Mode mode = Job::Mode::Apply);
    [[nodiscard]] QList<QJsonObject> tenantsWith(const QString &hostname);
    [[nodiscard]] int tenantCount();
    [[nodiscard]] QString subscriptionOfSource();
    [[nodiscard]] qint64 requests(const QString &operation);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<Cloud::CloudClient> m_client;
    StaticSecretSource m_secrets;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_journals;
    QString m_source;
};

void TestTenantStep::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
    m_secrets.setSecret(u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
    m_secrets.setSecret(u"sandbox-org"_s, u"sandbox-org-secret"_s);
}

void TestTenantStep::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_source = m_sandbox->hostOf(u"acme-source"_s);
    QVERIFY(!m_source.isEmpty());
    m_client = std::make_unique<Cloud::CloudClient>();
    m_client->setConnectTo(Cloud::ConnectToMap::sandbox(m_sandbox->port()));
    Cloud::CredentialProfile region;
    region.name = u"sandbox-region-eu"_s;
    region.tier = Cloud::CredentialTier::Region;
    region.clientId = u"sandbox-region-eu"_s;
    region.region = u"eu"_s;
    Cloud::CredentialProfile org;
    org.name = u"sandbox-org"_s;
    org.tier = Cloud::CredentialTier::Organization;
    org.clientId = u"sandbox-org"_s;
    m_client->setProfiles({region, org});
    m_client->setSecretSource(&m_secrets);
}

void TestTenantStep::cleanup()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_client.reset();
}

QJsonObject TestTenantStep::planJson(const QString &licenseSource, const QString &alias)
{
    // The target's hostname is the tenant step's output: the group step runs on the new tenant.
    return {{u"format"_s, u"tenantry-plan"_s},
            {u"version"_s, 1},
            {u"name"_s, u"new tenant"_s},
            {u"options"_s, QJsonObject{{u"preflight"_s, u"none"_s}, {u"maxAttempts"_s, 4}}},
            {u"targets"_s,
             QJsonArray{QJsonObject{
                 {u"id"_s, u"customer-a"_s},
                 {u"hostname"_s, u"${tenant.hostname}"_s},
                 {u"region"_s, u"eu"_s},
                 {u"profile"_s, u"sandbox-region-eu"_s},
                 {u"steps"_s,
                  QJsonArray{
                      QJsonObject{{u"id"_s, u"tenant"_s},
                                  {u"type"_s, u"tenant"_s},
                                  {u"params"_s, QJsonObject{{u"alias"_s, alias}, {u"licenseSource"_s, licenseSource}}}},
                      QJsonObject{{u"id"_s, u"viewers"_s},
                                  {u"type"_s, u"group"_s},
                                  {u"params"_s, QJsonObject{{u"name"_s, u"Customer A Viewers"_s}}}}}}}}}};
}

Ops::Plan TestTenantStep::plan(const QJsonObject &json)
{
    const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(json);
    if (!read.ok())
        qWarning().noquote() << Ops::PlanIssue::toStrings(read.issues).join(u'\n');
    return read.plan.value_or(Ops::Plan());
}

std::unique_ptr<Job> TestTenantStep::run(const Ops::Plan &plan, Job::Mode mode)
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

QList<QJsonObject> TestTenantStep::tenantsWith(const QString &hostname)
{
    QList<QJsonObject> found;
    for (const QJsonValue tenant : m_sandbox->http().state().value(u"tenants"_s).toArray()) {
        const QJsonObject object = tenant.toObject();
        for (const QJsonValue name : object.value(u"hostnames"_s).toArray()) {
            if (name.toString() == hostname)
                found.append(object);
        }
    }
    return found;
}

QString TestTenantStep::subscriptionOfSource()
{
    const QList<QJsonObject> source = tenantsWith(m_source);
    return source.isEmpty() ? QString() : source.first().value(u"subscriptionId"_s).toString();
}

int TestTenantStep::tenantCount()
{
    return static_cast<int>(m_sandbox->http().state().value(u"tenants"_s).toArray().size());
}

qint64 TestTenantStep::requests(const QString &operation)
{
    return m_sandbox->http().state().value(u"requests"_s).toObject().value(operation).toInteger();
}

void TestTenantStep::createsOnceThenFindsItByAlias()
{
    const Ops::Plan p = plan(planJson(m_source));
    const int before = tenantCount();

    const std::unique_ptr<Job> dry = run(p, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().status, JobStatus::Planned);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QCOMPARE(dry->state().targets.at(0).steps.at(1).after, u"tenant"_s);
    QCOMPARE(tenantCount(), before);

    const std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(tenantCount(), before + 1);
    const QList<QJsonObject> created = tenantsWith(kAlias);
    QCOMPARE(created.size(), 1);
    const QJsonObject tenant = created.first();
    QCOMPARE(tenant.value(u"hostnames"_s).toArray().size(), 2);
    QCOMPARE(tenant.value(u"hostnames"_s).toArray().at(1).toString(), kAlias);
    QCOMPARE(tenant.value(u"region"_s).toString(), u"eu"_s);
    QCOMPARE(job->state().targets.at(0).hostname, kAlias);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    QCOMPARE(step.outputs.value(u"tenantId"_s).toString(), tenant.value(u"id"_s).toString());
    QCOMPARE(step.outputs.value(u"generatedHostname"_s).toString(),
             tenant.value(u"hostnames"_s).toArray().first().toString());
    // The later step ran on the new tenant.
    const QJsonObject state = m_sandbox->tenantState(tenant.value(u"id"_s).toString());
    bool groupFound = false;
    for (const QJsonValue group : state.value(u"groups"_s).toArray())
        groupFound = groupFound || group.toObject().value(u"name"_s).toString() == u"Customer A Viewers"_s;
    QVERIFY(groupFound);

    // The license key never reaches the journal.
    const QString key = m_sandbox->http()
                            .get(m_source, u"/api/v1/licenses/overview"_s, m_sandbox->regionToken(m_source))
                            .json()
                            .value(u"licenseKey"_s)
                            .toString();
    QVERIFY(!key.isEmpty());
    QDirIterator files(m_journals.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key.toUtf8()), qPrintable(file.fileName()));
    }

    // Again: found by its alias, nothing created.
    const qint64 posts = requests(u"POST /v1/tenants"_s);
    const std::unique_ptr<Job> again = run(p);
    QVERIFY(again);
    QCOMPARE(again->state().status, JobStatus::Succeeded);
    QCOMPARE(Ops::JobSummary::stepTotals(again->state()).noChange, 2);
    QCOMPARE(requests(u"POST /v1/tenants"_s), posts);
    QCOMPARE(tenantCount(), before + 1);
}

void TestTenantStep::lostAnswersAndErrorsConvergeWithoutDuplicates_data()
{
    QTest::addColumn<QJsonArray>("faults");
    const auto rule = [](const QString &method, const QString &kind, double rate) {
        return QJsonObject{{u"path"_s, u"^/api/v1/tenants"_s},
                           {u"method"_s, method},
                           {u"rate"_s, rate},
                           {u"kind"_s, kind},
                           {u"status"_s, 503}};
    };
    QTest::newRow("create answer lost") << QJsonArray{rule(u"POST"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("create 503 half the time") << QJsonArray{rule(u"POST"_s, u"status"_s, 0.5)};
    QTest::newRow("create reset half the time") << QJsonArray{rule(u"POST"_s, u"reset"_s, 0.5)};
    QTest::newRow("alias answer lost") << QJsonArray{rule(u"PATCH"_s, u"lost-response"_s, 0.5)};
}

void TestTenantStep::lostAnswersAndErrorsConvergeWithoutDuplicates()
{
    QFETCH(QJsonArray, faults);
    QVERIFY(
        m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, faults}, {u"seed"_s, 7}}));
    const int before = tenantCount();
    std::unique_ptr<Job> job = run(plan(planJson(m_source)));
    QVERIFY(job);
    for (int retry = 0; retry < 3 && job->state().status != JobStatus::Succeeded; ++retry) {
        QSignalSpy finished(job.get(), &Job::finished);
        QVERIFY(job->retryFailed());
        QVERIFY(finished.wait(60000));
    }
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(tenantCount(), before + 1);
    QCOMPARE(tenantsWith(kAlias).size(), 1);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    QCOMPARE(step.change.created.first().id, tenantsWith(kAlias).first().value(u"id"_s).toString());
}

void TestTenantStep::refusedAliasThenANewJobAdoptsTheTenant()
{
    // The create succeeds, the alias is refused every time: the tenant exists without its alias.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/tenants/"_s},
                                                             {u"method"_s, u"PATCH"_s},
                                                             {u"rate"_s, 1.0},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 500}}}));
    const int before = tenantCount();
    const qint64 creates = requests(u"POST /v1/tenants"_s);
    const Ops::Plan p = plan(planJson(m_source));
    const std::unique_ptr<Job> refused = run(p);
    QVERIFY(refused);
    QCOMPARE(refused->state().status, JobStatus::Failed);
    QCOMPARE(tenantCount(), before + 1);
    QVERIFY(tenantsWith(kAlias).isEmpty());
    // Its intent is still open in the ledger beside the journal.
    QString error;
    const std::optional<Ops::TenantCreationLedger::Entry> open
        = Ops::TenantCreationLedger(m_journals.path()).find(subscriptionOfSource(), kAlias, &error);
    QVERIFY2(open, qPrintable(error));
    QCOMPARE(open->jobId, refused->id());

    // A brand-new job (not a retry of that one) finds it through the ledger and sets the alias.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    const std::unique_ptr<Job> dry = run(p, Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::StepProbe probe = *dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe.action, Ops::StepAction::Update);
    QVERIFY2(probe.summary.contains(refused->id()), qPrintable(probe.summary));
    const std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(tenantCount(), before + 1);
    QCOMPARE(tenantsWith(kAlias).size(), 1);
    QCOMPARE(requests(u"POST /v1/tenants"_s), creates + 1);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.change.created.size(), 1);
    QCOMPARE(step.change.created.first().id, tenantsWith(kAlias).first().value(u"id"_s).toString());

    // The ledger is closed: nothing pending for this alias any more.
    QFile ledger(Ops::TenantCreationLedger(m_journals.path()).path());
    QVERIFY(ledger.open(QIODevice::ReadOnly));
    QVERIFY2(!ledger.readAll().contains(kAlias.toUtf8()), "the ledger still holds the alias");
}

void TestTenantStep::openLedgerEntryWithoutATenantCreates()
{
    // An entry whose create never reached Qlik (killed just before the POST): the next apply creates.
    const QString subscription = subscriptionOfSource();
    QVERIFY(!subscription.isEmpty());
    Ops::TenantCreationLedger ledger(m_journals.path());
    QString error;
    QVERIFY2(ledger.open({subscription, kAlias, u"killed-job"_s, QDateTime::currentDateTimeUtc()}, &error),
             qPrintable(error));
    const int before = tenantCount();
    const std::unique_ptr<Job> job = run(plan(planJson(m_source)));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(tenantCount(), before + 1);
    QCOMPARE(tenantsWith(kAlias).size(), 1);
    QVERIFY(!ledger.find(subscription, kAlias, &error));
    QVERIFY(error.isEmpty());
}

void TestTenantStep::deactivatedSourceBlocks()
{
    const int before = tenantCount();
    const std::unique_ptr<Job> job = run(plan(planJson(m_sandbox->hostOf(u"umbrella"_s))));
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    QVERIFY2(job->state().targets.at(0).message.contains(u"is deactivated"_s),
             qPrintable(job->state().targets.at(0).message));
    QCOMPARE(tenantCount(), before);
}

void TestTenantStep::aliasOfAnotherRegionIsRefusedInThePlan()
{
    const std::unique_ptr<Job> job = run(plan(planJson(m_source, u"customer-a.us.qlikcloud.com"_s)));
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    QVERIFY2(job->state().targets.at(0).message.contains(u"region eu"_s),
             qPrintable(job->state().targets.at(0).message));
}

QTEST_GUILESS_MAIN(TestTenantStep)
#include "tst_tenantstep.moc"
