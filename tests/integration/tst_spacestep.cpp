// The "space" step end to end: the ops engine drives the real cloud client against the real
// sandbox over loopback HTTP, and the sandbox's state says what really happened (FACTS §7).
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

class TestSpaceStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dryRunThenApplyThenNothingToDo();
    void updatesWhatDiffers();
    void existingSpaceOfAnotherTypeBlocks();
    void lostAnswersAndErrorsConvergeWithoutDuplicates_data();
    void lostAnswersAndErrorsConvergeWithoutDuplicates();
    void unknownAssigneeFailsWithQliksError();

private:
    [[nodiscard]] Ops::Plan plan(const QJsonArray &steps);
    [[nodiscard]] std::unique_ptr<Job> run(const Ops::Plan &plan, Job::Mode mode = Job::Mode::Apply);
    [[nodiscard]] QList<QJsonObject> spacesNamed(const QString &name);
    [[nodiscard]] qint64 requests(const QString &operation);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<Cloud::CloudClient> m_client;
    StaticSecretSource m_secrets;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_journals;
    QString m_host;
    QString m_userId;
    QString m_otherUserId;
};

void TestSpaceStep::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
    m_secrets.setSecret(u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
}

void TestSpaceStep::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    QVERIFY(!m_host.isEmpty());
    const QJsonArray users = m_sandbox->tenantState(u"acme-source"_s).value(u"users"_s).toArray();
    QVERIFY(users.size() >= 2);
    m_userId = users.at(0).toObject().value(u"id"_s).toString();
    m_otherUserId = users.at(1).toObject().value(u"id"_s).toString();

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

void TestSpaceStep::cleanup()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_client.reset();
}

Ops::Plan TestSpaceStep::plan(const QJsonArray &steps)
{
    const QJsonObject json{{u"format"_s, u"tenantry-plan"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"spaces"_s},
                           {u"options"_s, QJsonObject{{u"preflight"_s, u"none"_s}, {u"maxAttempts"_s, 4}}},
                           {u"targets"_s,
                            QJsonArray{QJsonObject{{u"id"_s, u"acme"_s},
                                                   {u"hostname"_s, m_host},
                                                   {u"profile"_s, u"sandbox-region-eu"_s},
                                                   {u"steps"_s, steps}}}}};
    const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(json);
    if (!read.ok())
        qWarning().noquote() << Ops::PlanIssue::toStrings(read.issues).join(u'\n');
    return read.plan.value_or(Ops::Plan());
}

std::unique_ptr<Job> TestSpaceStep::run(const Ops::Plan &plan, Job::Mode mode)
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

QList<QJsonObject> TestSpaceStep::spacesNamed(const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue space : m_sandbox->tenantState(u"acme-source"_s).value(u"spaces"_s).toArray()) {
        if (space.toObject().value(u"name"_s).toString() == name)
            found.append(space.toObject());
    }
    return found;
}

qint64 TestSpaceStep::requests(const QString &operation)
{
    return m_sandbox->http().state().value(u"requests"_s).toObject().value(operation).toInteger();
}

void TestSpaceStep::dryRunThenApplyThenNothingToDo()
{
    const Ops::Plan p = plan(
        {QJsonObject{{u"id"_s, u"staging"_s},
                     {u"type"_s, u"space"_s},
                     {u"params"_s,
                      QJsonObject{{u"name"_s, u"Onboarding staging"_s},
                                  {u"type"_s, u"shared"_s},
                                  {u"description"_s, u"Apps on their way"_s}}}},
         QJsonObject{
             {u"id"_s, u"production"_s},
             {u"type"_s, u"space"_s},
             {u"params"_s,
              QJsonObject{{u"name"_s, u"Customer apps"_s},
                          {u"type"_s, u"managed"_s},
                          {u"assignments"_s,
                           QJsonArray{QJsonObject{{u"type"_s, u"user"_s},
                                                  {u"assignee"_s, m_userId},
                                                  {u"roles"_s, QJsonArray{u"consumer"_s, u"contributor"_s}}}}}}}}});

    const std::unique_ptr<Job> dry = run(p, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().status, JobStatus::Planned);
    const Ops::JobState::Step &planned = dry->state().targets.at(0).steps.at(1);
    QCOMPARE(planned.probe->action, Ops::StepAction::Create);
    QCOMPARE(planned.probe->calls,
             (QStringList{u"POST /api/v1/spaces"_s, u"POST /api/v1/spaces/{spaceId}/assignments"_s}));
    QVERIFY(spacesNamed(u"Customer apps"_s).isEmpty());

    const std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const QList<QJsonObject> production = spacesNamed(u"Customer apps"_s);
    QCOMPARE(production.size(), 1);
    QCOMPARE(production.first().value(u"type"_s).toString(), u"managed"_s);
    const QJsonArray assignments = production.first().value(u"assignments"_s).toArray();
    QCOMPARE(assignments.size(), 1);
    QCOMPARE(assignments.first().toObject().value(u"assigneeId"_s).toString(), m_userId);
    QStringList roles;
    for (const QJsonValue role : assignments.first().toObject().value(u"roles"_s).toArray())
        roles.append(role.toString());
    roles.sort();
    QCOMPARE(roles, (QStringList{u"consumer"_s, u"contributor"_s}));
    QCOMPARE(spacesNamed(u"Onboarding staging"_s).size(), 1);

    // The summary names the ids it created, and the outputs carry them to later steps.
    const Ops::JobState::Step &created = job->state().targets.at(0).steps.at(1);
    QCOMPARE(created.status, StepStatus::Created);
    QCOMPARE(created.outputs.value(u"spaceId"_s).toString(), production.first().value(u"id"_s).toString());
    QCOMPARE(created.change.created.first().id, production.first().value(u"id"_s).toString());
    QCOMPARE(created.change.created.at(1).kind, u"space-assignment"_s);

    // Applying again changes nothing: probes only.
    const qint64 posts = requests(u"POST /v1/spaces"_s);
    const std::unique_ptr<Job> again = run(p);
    QVERIFY(again);
    QCOMPARE(again->state().status, JobStatus::Succeeded);
    QCOMPARE(Ops::JobSummary::stepTotals(again->state()).noChange, 2);
    QCOMPARE(requests(u"POST /v1/spaces"_s), posts);
    QCOMPARE(spacesNamed(u"Customer apps"_s).size(), 1);
}

void TestSpaceStep::updatesWhatDiffers()
{
    // The demo's Staging (shared) exists; the plan wants another description and two members.
    const QJsonArray steps{
        QJsonObject{{u"id"_s, u"staging"_s},
                    {u"type"_s, u"space"_s},
                    {u"params"_s,
                     QJsonObject{{u"name"_s, u"Staging"_s},
                                 {u"type"_s, u"shared"_s},
                                 {u"description"_s, u"Staged by Tenantry"_s},
                                 {u"assignments"_s,
                                  QJsonArray{QJsonObject{{u"type"_s, u"user"_s},
                                                         {u"assignee"_s, m_userId},
                                                         {u"roles"_s, QJsonArray{u"producer"_s}}},
                                             QJsonObject{{u"type"_s, u"user"_s},
                                                         {u"assignee"_s, m_otherUserId},
                                                         {u"roles"_s, QJsonArray{u"consumer"_s}}}}}}}}};
    const std::unique_ptr<Job> dry = run(plan(steps), Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::StepProbe probe = *dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe.action, Ops::StepAction::Update);
    QCOMPARE(probe.changes.first().field, u"description"_s);
    QCOMPARE(probe.changes.first().after, QJsonValue(u"Staged by Tenantry"_s));

    const std::unique_ptr<Job> job = run(plan(steps));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    const QList<QJsonObject> staging = spacesNamed(u"Staging"_s);
    QCOMPARE(staging.size(), 1);
    QCOMPARE(staging.first().value(u"description"_s).toString(), u"Staged by Tenantry"_s);

    // Now change one member's roles: a PUT of that assignment, nothing else.
    QJsonArray changed = steps;
    QJsonObject step = changed.at(0).toObject();
    QJsonObject params = step.value(u"params"_s).toObject();
    QJsonArray members = params.value(u"assignments"_s).toArray();
    QJsonObject second = members.at(1).toObject();
    second.insert(u"roles"_s, QJsonArray{u"consumer"_s, u"facilitator"_s});
    members.replace(1, second);
    params.insert(u"assignments"_s, members);
    step.insert(u"params"_s, params);
    changed.replace(0, step);
    const qint64 puts = requests(u"PUT /v1/spaces/{spaceId}/assignments/{assignmentId}"_s);
    const qint64 posts = requests(u"POST /v1/spaces/{spaceId}/assignments"_s);
    const std::unique_ptr<Job> again = run(plan(changed));
    QVERIFY(again);
    QCOMPARE(again->state().status, JobStatus::Succeeded);
    QCOMPARE(requests(u"PUT /v1/spaces/{spaceId}/assignments/{assignmentId}"_s), puts + 1);
    QCOMPARE(requests(u"POST /v1/spaces/{spaceId}/assignments"_s), posts);
}

void TestSpaceStep::existingSpaceOfAnotherTypeBlocks()
{
    const std::unique_ptr<Job> job
        = run(plan({QJsonObject{{u"id"_s, u"staging"_s},
                                {u"type"_s, u"space"_s},
                                {u"params"_s, QJsonObject{{u"name"_s, u"staging"_s}, {u"type"_s, u"managed"_s}}}}}));
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    QCOMPARE(job->state().targets.at(0).status, Ops::TargetStatus::Blocked);
    QVERIFY2(job->state().targets.at(0).message.contains(u"a shared space named 'Staging' exists already"_s),
             qPrintable(job->state().targets.at(0).message));
    QCOMPARE(spacesNamed(u"Staging"_s).first().value(u"type"_s).toString(), u"shared"_s);
}

void TestSpaceStep::lostAnswersAndErrorsConvergeWithoutDuplicates_data()
{
    QTest::addColumn<QJsonArray>("faults");
    const auto rule = [](const QString &path, const QString &kind, double rate, int status = 503) {
        return QJsonObject{
            {u"path"_s, path}, {u"method"_s, u"POST"_s}, {u"rate"_s, rate}, {u"kind"_s, kind}, {u"status"_s, status}};
    };
    QTest::newRow("create answer lost") << QJsonArray{rule(u"^/api/v1/spaces$"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("assignment answer lost") << QJsonArray{rule(u"/assignments$"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("both lost") << QJsonArray{rule(u"^/api/v1/spaces"_s, u"lost-response"_s, 1.0)};
    QTest::newRow("reset half the time") << QJsonArray{rule(u"^/api/v1/spaces"_s, u"reset"_s, 0.5)};
    QTest::newRow("503 half the time") << QJsonArray{rule(u"^/api/v1/spaces"_s, u"status"_s, 0.5)};
}

void TestSpaceStep::lostAnswersAndErrorsConvergeWithoutDuplicates()
{
    QFETCH(QJsonArray, faults);
    QVERIFY(
        m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, faults}, {u"seed"_s, 7}}));
    const Ops::Plan p
        = plan({QJsonObject{{u"id"_s, u"production"_s},
                            {u"type"_s, u"space"_s},
                            {u"params"_s,
                             QJsonObject{{u"name"_s, u"Customer apps"_s},
                                         {u"type"_s, u"managed"_s},
                                         {u"assignments"_s,
                                          QJsonArray{QJsonObject{{u"type"_s, u"user"_s},
                                                                 {u"assignee"_s, m_userId},
                                                                 {u"roles"_s, QJsonArray{u"consumer"_s}}}}}}}}});
    std::unique_ptr<Job> job = run(p);
    QVERIFY(job);
    // With every POST answer lost, each attempt still lands once; a few tries may be needed.
    for (int retry = 0; retry < 3 && job->state().status != JobStatus::Succeeded; ++retry) {
        QSignalSpy finished(job.get(), &Job::finished);
        QVERIFY(job->retryFailed());
        QVERIFY(finished.wait(60000));
    }
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    if (qEnvironmentVariableIsSet("SHOW_SUMMARY"))
        qInfo().noquote() << Ops::JobSummary::toText(job->state());
    const QList<QJsonObject> spaces = spacesNamed(u"Customer apps"_s);
    QCOMPARE(spaces.size(), 1);
    QCOMPARE(spaces.first().value(u"assignments"_s).toArray().size(), 1);
    // However many attempts it took, the summary says the space was created, and which one.
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    QCOMPARE(step.change.created.first().kind, u"space"_s);
    QCOMPARE(step.change.created.first().id, spaces.first().value(u"id"_s).toString());
}

void TestSpaceStep::unknownAssigneeFailsWithQliksError()
{
    const std::unique_ptr<Job> job
        = run(plan({QJsonObject{{u"id"_s, u"production"_s},
                                {u"type"_s, u"space"_s},
                                {u"params"_s,
                                 QJsonObject{{u"name"_s, u"Customer apps"_s},
                                             {u"type"_s, u"managed"_s},
                                             {u"assignments"_s,
                                              QJsonArray{QJsonObject{{u"type"_s, u"user"_s},
                                                                     {u"assignee"_s, u"000000000000000000000bad"_s},
                                                                     {u"roles"_s, QJsonArray{u"consumer"_s}}}}}}}}}));
    QVERIFY(job);
    QCOMPARE(job->state().status, JobStatus::Failed);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Failed);
    QVERIFY(step.error->httpStatus >= 400 && step.error->httpStatus < 500);
    // The space was made before the member was refused: the error says so.
    QVERIFY2(step.error->message.contains(u"after changing space "_s), qPrintable(step.error->message));
    QCOMPARE(spacesNamed(u"Customer apps"_s).size(), 1);
}

QTEST_GUILESS_MAIN(TestSpaceStep)
#include "tst_spacestep.moc"
