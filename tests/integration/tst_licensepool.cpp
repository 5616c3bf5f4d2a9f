// The plan-wide license pool check (issue 6, step 5; FACTS §6) against the sandbox: seats live on
// the license every tenant of the demo subscription shares, so the "licenses" steps of a plan are
// judged together before any target runs. A plan whose targets each fit the pool but not all of
// them together is blocked before anything changes; one that fits goes through; a subject wanted
// on two tenants, or already holding a seat, is not counted twice.
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using Ops::TargetStatus;
using TestSupport::SandboxFixture;

namespace {

// A person of acme-source who already holds a professional seat in the demo seed.
const QString kSeatedEmail = u"alex.morgan@acme-analytics.example"_s;

} // namespace

class TestLicensePool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void eachFitsButNotAllTogetherIsBlockedBeforeAnyChange();
    void planThatFitsPasses();
    void sameSubjectOnTwoTenantsCountsOnce();

private:
    // A target of the demo's eu region whose "licenses" step assigns professional seats to `subjects`.
    [[nodiscard]] QJsonObject target(const QString &key, const QStringList &subjects, qint64 keepFree,
                                     const QJsonArray &before = {}) const;
    // A tenant the plan creates with acme-source's license key, assigning `subjects`.
    [[nodiscard]] QJsonObject newTenant(const QStringList &subjects, qint64 keepFree) const;
    [[nodiscard]] QJsonObject licenseStep(const QStringList &subjects, qint64 keepFree) const;
    [[nodiscard]] QJsonObject subscription();
    [[nodiscard]] qint64 professionalLeft();
    [[nodiscard]] int seatsOf(const QString &subject);
    [[nodiscard]] int requests(const QString &operation)
    {
        return SeededClient::requestCount(m_sandbox->http(), operation);
    }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<StepPlanRunner> m_runner;
    Ops::StepRegistry m_steps;
    QString m_licenseNumber;
};

void TestLicensePool::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
}

void TestLicensePool::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_licenseNumber = subscription().value(u"id"_s).toString();
    QVERIFY(!m_licenseNumber.isEmpty());
    // Room for the tests' seats, so keepFree can make the pool tight.
    QVERIFY2(professionalLeft() >= 7, qPrintable(QString::number(professionalLeft())));
}

QJsonObject TestLicensePool::licenseStep(const QStringList &subjects, qint64 keepFree) const
{
    QJsonArray assignments;
    for (const QString &subject : subjects)
        assignments.append(QJsonObject{{u"subject"_s, subject}, {u"type"_s, u"professional"_s}});
    return {{u"id"_s, u"licenses"_s},
            {u"type"_s, u"licenses"_s},
            {u"params"_s,
             QJsonObject{{u"autoAssignProfessional"_s, false},
                         {u"assignments"_s, assignments},
                         {u"keepFree"_s, QJsonObject{{u"professional"_s, keepFree}}}}}};
}

QJsonObject TestLicensePool::target(const QString &key, const QStringList &subjects, qint64 keepFree,
                                    const QJsonArray &before) const
{
    QJsonArray steps = before;
    steps.append(licenseStep(subjects, keepFree));
    return {
        {u"id"_s, key}, {u"hostname"_s, m_sandbox->hostOf(key)}, {u"profile"_s, u"region-eu"_s}, {u"steps"_s, steps}};
}

QJsonObject TestLicensePool::newTenant(const QStringList &subjects, qint64 keepFree) const
{
    const QJsonObject tenant{{u"id"_s, u"tenant"_s},
                             {u"type"_s, u"tenant"_s},
                             {u"params"_s,
                              QJsonObject{{u"alias"_s, u"pool-check.eu.qlikcloud.com"_s},
                                          {u"licenseSource"_s, m_sandbox->hostOf(u"acme-source"_s)}}}};
    return {{u"id"_s, u"pool-check"_s},
            {u"hostname"_s, u"${tenant.hostname}"_s},
            {u"region"_s, u"eu"_s},
            {u"profile"_s, u"region-eu"_s},
            {u"steps"_s, QJsonArray{tenant, licenseStep(subjects, keepFree)}}};
}

QJsonObject TestLicensePool::subscription()
{
    // The demo seed has one subscription; every tenant of it shares its license.
    return m_sandbox->http().state().value(u"subscriptions"_s).toArray().first().toObject();
}

qint64 TestLicensePool::professionalLeft()
{
    for (const QJsonValue allotment : subscription().value(u"allotments"_s).toArray()) {
        if (allotment[u"name"_s].toString() == u"professional"_s)
            return allotment[u"units"_s].toInteger() - allotment[u"unitsUsed"_s].toInteger();
    }
    return -1;
}

int TestLicensePool::seatsOf(const QString &subject)
{
    int seats = 0;
    for (const QJsonValue seat : subscription().value(u"assignments"_s).toArray())
        seats += seat[u"subject"_s].toString() == subject ? 1 : 0;
    return seats;
}

void TestLicensePool::eachFitsButNotAllTogetherIsBlockedBeforeAnyChange()
{
    const qint64 left = professionalLeft();
    // Five seats may be taken: two per target fits every target alone, six for the three does not.
    const qint64 keepFree = left - 5;
    const QJsonArray targets{target(u"northwind"_s, {u"jwt|pool-a1"_s, u"jwt|pool-a2"_s}, keepFree),
                             target(u"stark"_s, {u"jwt|pool-b1"_s, u"jwt|pool-b2"_s}, keepFree),
                             target(u"globex"_s, {u"jwt|pool-c1"_s, u"jwt|pool-c2"_s}, keepFree)};

    // Alone, the last target fits.
    const std::unique_ptr<Job> alone = m_runner->runTargets({targets.at(2)}, Job::Mode::DryRun);
    QVERIFY(alone);
    QVERIFY2(alone->state().targets.at(0).status == TargetStatus::Planned,
             qPrintable(Ops::JobSummary::toText(alone->state())));

    // Together, with a tenant the plan would create on the same license: the dry run blocks the
    // targets past what is left, in plan order, and says why.
    QJsonArray withNew = targets;
    withNew.append(newTenant({u"jwt|pool-d1"_s, u"jwt|pool-d2"_s}, keepFree));
    const std::unique_ptr<Job> dry = m_runner->runTargets(withNew, Job::Mode::DryRun);
    QVERIFY(dry);
    const QString summary = Ops::JobSummary::toText(dry->state());
    QCOMPARE(dry->state().targets.at(0).status, TargetStatus::Planned);
    QCOMPARE(dry->state().targets.at(1).status, TargetStatus::Planned);
    QCOMPARE(dry->state().targets.at(2).status, TargetStatus::Blocked);
    QCOMPARE(dry->state().targets.at(3).status, TargetStatus::Blocked);
    const QString reason = dry->state().targets.at(2).message;
    QVERIFY2(reason.contains(u"step \"licenses\" blocked"_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"8 new professional seat(s) on license "_s + m_licenseNumber), qPrintable(reason));
    QVERIFY2(reason.contains(u"has %1 left"_s.arg(left)), qPrintable(reason));
    QVERIFY2(reason.contains(u"%1 must stay free"_s.arg(keepFree)), qPrintable(reason));
    QVERIFY2(reason.contains(u"this target's 2 after the 4 of the targets before it"_s), qPrintable(reason));
    QCOMPARE(dry->state().targets.at(2).steps.at(0).status, StepStatus::Blocked);
    // The new tenant's license step is judged before its tenant exists: by acme-source's license.
    QCOMPARE(dry->state().targets.at(3).steps.at(1).status, StepStatus::Blocked);
    QVERIFY2(dry->state().targets.at(3).message.contains(m_licenseNumber), qPrintable(summary));
    QVERIFY2(
        summary.contains(u"license pool %1 (professional): the plan assigns 8 new seat(s) across 4 target(s)"_s.arg(
            m_licenseNumber)),
        qPrintable(summary));

    // Applied with preflight "plan": refused, nothing changed anywhere.
    const int puts = requests(u"PUT /v1/licenses/settings"_s);
    const int adds = requests(u"POST /v1/licenses/assignments/actions/add"_s);
    const std::unique_ptr<Job> apply = m_runner->runTargets(targets, Job::Mode::Apply, {{u"preflight"_s, u"plan"_s}});
    QVERIFY(apply);
    QCOMPARE(apply->state().status, JobStatus::Refused);
    QCOMPARE(apply->state().targets.at(2).status, TargetStatus::Blocked);
    QCOMPARE(requests(u"PUT /v1/licenses/settings"_s), puts);
    QCOMPARE(requests(u"POST /v1/licenses/assignments/actions/add"_s), adds);
    QCOMPARE(professionalLeft(), left);

    // Applied with preflight "none": the blocked target is stopped before its first step.
    const std::unique_ptr<Job> none
        = m_runner->runTargets({targets.at(2), targets.at(0), targets.at(1)}, Job::Mode::Apply,
                               {{u"preflight"_s, u"none"_s}, {u"concurrency"_s, 1}});
    QVERIFY(none);
    QCOMPARE(none->state().status, JobStatus::Failed);
    QCOMPARE(none->state().targets.at(0).status, TargetStatus::Succeeded);
    QCOMPARE(none->state().targets.at(1).status, TargetStatus::Succeeded);
    QCOMPARE(none->state().targets.at(2).status, TargetStatus::Blocked);
    QCOMPARE(seatsOf(u"jwt|pool-c1"_s), 1);
    QCOMPARE(seatsOf(u"jwt|pool-a2"_s), 1);
    QCOMPARE(seatsOf(u"jwt|pool-b1"_s), 0);
    QCOMPARE(seatsOf(u"jwt|pool-b2"_s), 0);
    QCOMPARE(professionalLeft(), left - 4);
}

void TestLicensePool::planThatFitsPasses()
{
    const qint64 left = professionalLeft();
    const qint64 keepFree = left - 6;
    const QStringList subjects{u"jwt|fit-a1"_s, u"jwt|fit-a2"_s, u"jwt|fit-b1"_s,
                               u"jwt|fit-b2"_s, u"jwt|fit-c1"_s, u"jwt|fit-c2"_s};
    const QJsonArray targets{target(u"northwind"_s, subjects.mid(0, 2), keepFree),
                             target(u"stark"_s, subjects.mid(2, 2), keepFree),
                             target(u"globex"_s, subjects.mid(4, 2), keepFree)};
    const std::unique_ptr<Job> job = m_runner->runTargets(targets, Job::Mode::Apply, {{u"preflight"_s, u"plan"_s}});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    for (const QString &subject : subjects)
        QCOMPARE(seatsOf(subject), 1);
    QCOMPARE(professionalLeft(), left - 6);
    QVERIFY2(job->state().notes.contains(u"license pool %1 (professional): the plan assigns 6 new seat(s) across 3 "
                                         u"target(s); %2 of 50 are left"_s.arg(m_licenseNumber)
                                             .arg(left)),
             qPrintable(job->state().notes.join(u'\n')));

    // Applied again: every subject holds its seat, so nothing is wanted from the pool.
    const std::unique_ptr<Job> again = m_runner->runTargets(targets, Job::Mode::DryRun);
    QVERIFY(again);
    QCOMPARE(again->state().status, JobStatus::Planned);
    QVERIFY2(again->state().notes.isEmpty(), qPrintable(again->state().notes.join(u'\n')));
}

void TestLicensePool::sameSubjectOnTwoTenantsCountsOnce()
{
    const qint64 left = professionalLeft();
    // Three seats may be taken: the shared subject once, one of each tenant's own, and none for
    // the recovery admin, who holds a seat already. Counted per tenant it would be five.
    const qint64 keepFree = left - 3;
    const QJsonObject admin{
        {u"id"_s, u"admin"_s},
        {u"type"_s, u"recovery-admin"_s},
        {u"params"_s, QJsonObject{{u"source"_s, m_sandbox->hostOf(u"acme-source"_s)}, {u"email"_s, kSeatedEmail}}}};
    const QJsonArray targets{
        target(u"northwind"_s, {u"${admin.subject}"_s, u"jwt|shared"_s, u"jwt|own-a"_s}, keepFree, {admin}),
        target(u"stark"_s, {u"${admin.subject}"_s, u"jwt|shared"_s, u"jwt|own-b"_s}, keepFree, {admin})};
    const std::unique_ptr<Job> dry = m_runner->runTargets(targets, Job::Mode::DryRun);
    QVERIFY(dry);
    QVERIFY2(dry->state().status == JobStatus::Planned, qPrintable(Ops::JobSummary::toText(dry->state())));
    QVERIFY2(dry->state().notes.join(u'\n').contains(u"the plan assigns 3 new seat(s) across 2 target(s)"_s),
             qPrintable(dry->state().notes.join(u'\n')));

    const std::unique_ptr<Job> job = m_runner->runTargets(targets, Job::Mode::Apply, {{u"preflight"_s, u"plan"_s}});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(seatsOf(u"jwt|shared"_s), 1);
    QCOMPARE(seatsOf(u"jwt|own-a"_s), 1);
    QCOMPARE(seatsOf(u"jwt|own-b"_s), 1);
    QCOMPARE(professionalLeft(), left - 3);

    // One more own subject on each tenant goes past the three: the second tenant is blocked.
    const QJsonArray more{target(u"northwind"_s, {u"jwt|shared-2"_s, u"jwt|more-a"_s}, left - 3 - 3),
                          target(u"stark"_s, {u"jwt|shared-2"_s, u"jwt|more-b"_s, u"jwt|more-c"_s}, left - 3 - 3)};
    const std::unique_ptr<Job> over = m_runner->runTargets(more, Job::Mode::DryRun);
    QVERIFY(over);
    QCOMPARE(over->state().targets.at(0).status, TargetStatus::Planned);
    QCOMPARE(over->state().targets.at(1).status, TargetStatus::Blocked);
    QVERIFY2(over->state().targets.at(1).message.contains(u"this target's 2 after the 2 of the targets before it"_s),
             qPrintable(over->state().targets.at(1).message));
}

QTEST_GUILESS_MAIN(TestLicensePool)
#include "tst_licensepool.moc"
