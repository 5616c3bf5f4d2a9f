#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/journalreader.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "recordstep.h"
#include "recordstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using Ops::TargetStatus;
using Fault = RecordStore::Fault;
using Operation = RecordStore::Operation;

namespace {

// "name=value" steps become test.record steps with ids s1, s2, ...; a value "@sN" is "${sN.id}".
QJsonArray recordSteps(const QStringList &steps)
{
    QJsonArray array;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString name = steps.at(i).section(u'=', 0, 0);
        const QString value = steps.at(i).section(u'=', 1);
        QJsonObject params{{u"name"_s, name}};
        if (value.startsWith(u'@'))
            params.insert(u"value"_s, u"${%1.id}"_s.arg(value.mid(1)));
        else if (value.startsWith(u"requires:"_s))
            params = QJsonObject{{u"name"_s, name}, {u"value"_s, 0}, {u"requires"_s, value.mid(9)}};
        else
            params.insert(u"value"_s, value.toInt());
        array.append(QJsonObject{{u"id"_s, u"s%1"_s.arg(i + 1)}, {u"type"_s, u"test.record"_s}, {u"params"_s, params}});
    }
    return array;
}

QJsonObject target(const QString &id, const QStringList &steps)
{
    return {{u"id"_s, id}, {u"hostname"_s, QString(id + u".eu.qlikcloud.com"_s)}, {u"steps"_s, recordSteps(steps)}};
}

QList<QJsonObject> journalRecords(const QString &path, const QString &kind = {})
{
    QList<QJsonObject> records;
    for (const QJsonObject &record : Ops::JournalReader::read(path).records) {
        if (kind.isEmpty() || record.value(u"rec"_s).toString() == kind)
            records.append(record);
    }
    return records;
}

} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dryRunProbesOnlyAndSaysWhatWouldChange();
    void appliesInOrderAndConverges();
    void boundedParallelism_data();
    void boundedParallelism();
    void cancelStopsSafelyAndResumes();
    void cancelRightAfterStartKeepsTheJournalInOrder();
    void retryRunsOnlyFailedTargets();
    void stagedRolloutStopsAfterAFailingFirstWave_data();
    void stagedRolloutStopsAfterAFailingFirstWave();
    void stagedRolloutRunsWavesUntilOneFails_data();
    void stagedRolloutRunsWavesUntilOneFails();
    void faultsConvergeWithoutDuplicates_data();
    void faultsConvergeWithoutDuplicates();
    void blockedStepsFollowThePreflightPolicy_data();
    void blockedStepsFollowThePreflightPolicy();
    void journalRecordsIntentBeforeTheCall();
    void journalNeverHoldsSecrets();
    void journalThatCannotBeMadeStopsTheJob();
    void resumesFromATruncatedJournal();
    void resumeRefusesWhatItCannotResume();
    void targetCreatedByThePlanGetsItsHostname();

private:
    Ops::Plan plan(const QJsonArray &targets, const QJsonObject &options = {});
    bool run(Job *job, Job::Mode mode = Job::Mode::Apply);
    std::unique_ptr<Job> newJob(const Ops::Plan &plan);

    std::unique_ptr<RecordStore> m_store;
    std::unique_ptr<Ops::StepRegistry> m_registry;
    std::unique_ptr<QTemporaryDir> m_journals;
};

void TestJob::init()
{
    m_store = std::make_unique<RecordStore>();
    m_registry = std::make_unique<Ops::StepRegistry>();
    QVERIFY(RecordStep::registerType(m_registry.get(), m_store.get()));
    // The same step, as a type that works on the target tenant (so it waits for its hostname).
    Ops::StepType hosted = *m_registry->find(u"test.record"_s);
    hosted.name = u"test.hosted"_s;
    hosted.needsTenantHost = true;
    QVERIFY(m_registry->add(hosted));
    m_journals = std::make_unique<QTemporaryDir>();
    QVERIFY(m_journals->isValid());
}

void TestJob::cleanup()
{
    m_journals.reset();
    m_registry.reset();
    m_store.reset();
}

Ops::Plan TestJob::plan(const QJsonArray &targets, const QJsonObject &options)
{
    QJsonObject json{
        {u"format"_s, u"tenantry-plan"_s}, {u"version"_s, 1}, {u"name"_s, u"test"_s}, {u"targets"_s, targets}};
    if (!options.isEmpty())
        json.insert(u"options"_s, options);
    const Ops::PlanReadResult read = Ops::PlanReader(m_registry.get()).fromJson(json);
    if (!read.ok()) {
        qWarning().noquote() << Ops::PlanIssue::toStrings(read.issues).join(u'\n');
        return {};
    }
    return *read.plan;
}

std::unique_ptr<Job> TestJob::newJob(const Ops::Plan &plan)
{
    auto job = std::make_unique<Job>(plan, m_registry.get());
    job->setJournalDirectory(m_journals->path());
    job->setRetryDelay(1ms);
    return job;
}

bool TestJob::run(Job *job, Job::Mode mode)
{
    QSignalSpy finished(job, &Job::finished);
    if (!job->start(mode)) {
        qWarning() << job->errorString();
        return false;
    }
    return finished.size() == 1 || finished.wait(20000);
}

void TestJob::dryRunProbesOnlyAndSaysWhatWouldChange()
{
    m_store->create(u"same"_s, 1, this, [](const RecordStore::Result &) {});
    m_store->create(u"other"_s, 1, this, [](const RecordStore::Result &) {});
    QTRY_COMPARE(m_store->records().size(), 2);
    const int createsBefore = m_store->creates();

    auto job = newJob(plan({target(
        u"a"_s, {u"same=1"_s, u"other=2"_s, u"new=3"_s, u"after=@s3"_s, u"gated=requires:absent"_s, u"last=5"_s})}));
    QVERIFY(run(job.get(), Job::Mode::DryRun));

    const Ops::JobState &state = job->state();
    QCOMPARE(state.status, JobStatus::Planned);
    QCOMPARE(state.targets.at(0).status, TargetStatus::Blocked);
    const QList<Ops::JobState::Step> &steps = state.targets.at(0).steps;
    QCOMPARE(steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(steps.at(0).outputs.value(u"id"_s).toString(), u"rec-0001"_s);
    QCOMPARE(steps.at(1).status, StepStatus::Planned);
    QCOMPARE(steps.at(1).probe->action, Ops::StepAction::Update);
    QCOMPARE(steps.at(1).probe->changes.first().after, QJsonValue(2));
    QCOMPARE(steps.at(2).probe->action, Ops::StepAction::Create);
    // Its input is the id step s3 will create: the dry run says so instead of probing.
    QCOMPARE(steps.at(3).status, StepStatus::Planned);
    QCOMPARE(steps.at(3).after, u"s3"_s);
    QCOMPARE(steps.at(3).probe->summary, u"create record 'after' = \"${s3.id}\", after step \"s3\""_s);
    QCOMPARE(steps.at(4).status, StepStatus::Blocked);
    QVERIFY(steps.at(4).probe->blockedReason.contains(u"'absent'"_s));
    QCOMPARE(steps.at(5).status, StepStatus::Planned); // a dry run goes on after a blocked step

    QCOMPARE(m_store->creates(), createsBefore);
    QCOMPARE(m_store->updates(), 0);

    const QString text = Ops::JobSummary::toText(state);
    QVERIFY2(text.contains(u"= s1  test.record  record 'same' = 1 exists"_s), qPrintable(text));
    QVERIFY2(text.contains(u"~ s2  test.record  update record 'other'"_s), qPrintable(text));
    QVERIFY2(text.contains(u"value: 1 -> 2"_s), qPrintable(text));
    QVERIFY2(text.contains(u"+ s3  test.record  create record 'new' = 3"_s), qPrintable(text));
    QVERIFY2(text.contains(u"! s5  test.record  blocked: record 'absent'"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Would create 3, update 1; 1 unchanged, 1 blocked"_s), qPrintable(text));
    const QJsonObject summary = Ops::JobSummary::toJson(state);
    QCOMPARE(summary.value(u"mode"_s).toString(), u"dry-run"_s);
    QCOMPARE(summary.value(u"steps"_s).toObject().value(u"create"_s).toInt(), 3);
}

void TestJob::appliesInOrderAndConverges()
{
    m_store->setLatency(2ms);
    const Ops::Plan p = plan({target(u"a"_s, {u"a1=1"_s, u"a2=@s1"_s, u"a3=@s2"_s}), target(u"b"_s, {u"b1=7"_s}),
                              target(u"c"_s, {u"c1=1"_s, u"c2=2"_s})});
    auto job = newJob(p);
    QSignalSpy stepChanged(job.get(), &Job::stepChanged);
    QVERIFY(run(job.get()));
    QCOMPARE(job->state().status, JobStatus::Succeeded);
    QVERIFY(stepChanged.size() >= qsizetype(6) * 3); // probing, applying, verifying, ... per step
    QCOMPARE(job->state().progressPercent(), 100);

    // References resolved to the ids earlier steps created.
    const QString a1 = m_store->recordsNamed(u"a1"_s).value(0).id;
    const QString a2 = m_store->recordsNamed(u"a2"_s).value(0).id;
    QCOMPARE(m_store->recordsNamed(u"a2"_s).value(0).value.toString(), a1);
    QCOMPARE(m_store->recordsNamed(u"a3"_s).value(0).value.toString(), a2);
    QCOMPARE(m_store->creates(), 6);
    QCOMPARE(job->state().targets.at(0).steps.at(1).change.created.first().id, a2);

    // Steps of one target ran in order: a1's create is journalled before a2's intent, a2's before a3's.
    QStringList order;
    for (const QJsonObject &record : journalRecords(job->journalPath())) {
        if (record.value(u"target"_s).toString() == u"a"_s && record.value(u"rec"_s).toString() != u"probe"_s
            && record.value(u"rec"_s).toString() != u"target-start"_s)
            order.append(record.value(u"step"_s).toString() + u':' + record.value(u"rec"_s).toString());
    }
    QCOMPARE(order,
             (QStringList{u"s1:intent"_s, u"s1:change"_s, u"s1:verify"_s, u"s1:step-end"_s, u"s2:intent"_s,
                          u"s2:change"_s, u"s2:verify"_s, u"s2:step-end"_s, u"s3:intent"_s, u"s3:change"_s,
                          u"s3:verify"_s, u"s3:step-end"_s, u":target-end"_s}));

    // Applying again changes nothing: every step says no change.
    auto again = newJob(p);
    QVERIFY(run(again.get()));
    QCOMPARE(again->state().status, JobStatus::Succeeded);
    QCOMPARE(m_store->creates(), 6);
    QCOMPARE(m_store->updates(), 0);
    QCOMPARE(Ops::JobSummary::stepTotals(again->state()).noChange, 6);
    QVERIFY(journalRecords(again->journalPath(), u"intent"_s).isEmpty());
}

void TestJob::boundedParallelism_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("8") << 8;
    QTest::newRow("more than targets") << 32;
}

void TestJob::boundedParallelism()
{
    QFETCH(int, concurrency);
    constexpr int targets = 12;
    constexpr auto latency = 20ms;
    m_store->setLatency(latency);
    QJsonArray list;
    for (int i = 0; i < targets; ++i)
        list.append(target(u"t%1"_s.arg(i), {u"t%1-a=1"_s.arg(i), u"t%1-b=2"_s.arg(i)}));
    auto job = newJob(plan(list, {{u"concurrency"_s, concurrency}}));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(run(job.get()));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(job->state().status, JobStatus::Succeeded);
    const int expected = std::min(concurrency, targets);
    QCOMPARE(job->peakRunningTargets(), expected);
    // One call at a time per target: what the store saw in flight is the number of running targets.
    QCOMPARE(m_store->peakInFlight(), expected);
    // Per target, 7 calls of `latency` each: 2 preflight probes, s1 create + verify (its preflight
    // probe still holds), s2 probed again (s1 changed something since), create, verify.
    const int waves = (targets + expected - 1) / expected;
    const qint64 bound = qint64(waves) * 7 * latency.count();
    qInfo("concurrency %d: %lld ms for %d targets (critical-path bound %lld ms, %.2fx)", concurrency, elapsed, targets,
          bound, double(elapsed) / double(bound));
    QVERIFY2(elapsed >= bound, "faster than the calls it makes: not really waiting?");
    QVERIFY2(elapsed < bound * 3 + 500, "far slower than the bound");
}

void TestJob::cancelStopsSafelyAndResumes()
{
    m_store->setLatency(15ms);
    QJsonArray list;
    for (int i = 0; i < 8; ++i)
        list.append(target(u"t%1"_s.arg(i), {u"t%1-a=1"_s.arg(i), u"t%1-b=@s1"_s.arg(i)}));
    auto job = newJob(plan(list, {{u"concurrency"_s, 2}}));
    connect(job.get(), &Job::targetChanged, this, [&job](int t) {
        if (job->state().targets.at(t).status == TargetStatus::Succeeded)
            job->cancel();
    });
    QVERIFY(run(job.get()));
    const Ops::JobState &state = job->state();
    QCOMPARE(state.status, JobStatus::Cancelled);
    const Ops::JobState::Counts counts = state.counts();
    QVERIFY(counts.succeeded >= 1);
    QVERIFY(counts.cancelled >= 5);
    QCOMPARE(counts.succeeded + counts.cancelled, 8);
    for (const Ops::JobState::Target &t : state.targets) {
        for (const Ops::JobState::Step &s : t.steps)
            QVERIFY(s.status != StepStatus::Applying && s.status != StepStatus::Probing
                    && s.status != StepStatus::Verifying);
    }
    const QString journal = job->journalPath();
    job.reset();

    // A cancelled job resumes: it finishes the cancelled targets and repeats nothing.
    QString error;
    std::unique_ptr<Job> resumed = Job::resume(journal, m_registry.get(), &error);
    QVERIFY2(resumed, qPrintable(error));
    resumed->setRetryDelay(1ms);
    QVERIFY(run(resumed.get()));
    QCOMPARE(resumed->state().status, JobStatus::Succeeded);
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(m_store->recordsNamed(u"t%1-a"_s.arg(i)).size(), 1);
        QCOMPARE(m_store->recordsNamed(u"t%1-b"_s.arg(i)).size(), 1);
    }
    QCOMPARE(m_store->creates(), 16);
}

void TestJob::cancelRightAfterStartKeepsTheJournalInOrder()
{
    // start() has the plan's JSON made on a pool thread; a cancel before it is back still leaves a
    // journal that starts with the job and ends every target.
    auto job = newJob(plan({target(u"a"_s, {u"a1=1"_s}), target(u"b"_s, {u"b1=1"_s})}));
    QSignalSpy finished(job.get(), &Job::finished);
    QVERIFY(job->start());
    job->cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state().status, JobStatus::Cancelled);
    QCOMPARE(job->state().counts().cancelled, 2);
    QCOMPARE(m_store->creates(), 0);
    QStringList kinds;
    for (const QJsonObject &record : journalRecords(job->journalPath()))
        kinds.append(record.value(u"rec"_s).toString());
    QCOMPARE(kinds, (QStringList{u"job-start"_s, u"target-end"_s, u"target-end"_s, u"job-end"_s}));
    QCOMPARE(job->state().planSha256, job->state().plan.sha256());
}

void TestJob::retryRunsOnlyFailedTargets()
{
    m_store->addFault(Operation::Create, u"^b1$"_s, Fault::Fail);
    auto job = newJob(plan({target(u"a"_s, {u"a1=1"_s}), target(u"b"_s, {u"b0=0"_s, u"b1=1"_s, u"b2=2"_s}),
                            target(u"c"_s, {u"c1=1"_s, u"c2=requires:gate"_s})},
                           {{u"preflight"_s, u"none"_s}}));
    QVERIFY(run(job.get()));
    QCOMPARE(job->state().status, JobStatus::Failed);
    QCOMPARE(job->state().targets.at(0).status, TargetStatus::Succeeded);
    QCOMPARE(job->state().targets.at(1).status, TargetStatus::Failed);
    QVERIFY2(job->state().targets.at(1).message.contains(
                 u"step \"s2\" failed: creating record 'b1': refused by the store"_s),
             qPrintable(job->state().targets.at(1).message));
    QCOMPARE(job->state().targets.at(1).steps.at(2).status, StepStatus::Skipped);
    QCOMPARE(job->state().targets.at(2).status, TargetStatus::Blocked);
    QCOMPARE(Ops::JobSummary::toJson(job->state()).value(u"counts"_s).toObject().value(u"failed"_s).toInt(), 1);

    // Fix the cause of the block, then retry: only b and c run, from their first incomplete step.
    m_store->create(u"gate"_s, 1, this, [](const RecordStore::Result &) {});
    QTRY_COMPARE(m_store->recordsNamed(u"gate"_s).size(), 1);
    const int getsBefore = m_store->operations(Operation::Get);
    QSignalSpy finished(job.get(), &Job::finished);
    QVERIFY(job->retryFailed());
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->state().status, JobStatus::Succeeded);
    // b: s2 (probe, verify), s3 (probe, verify); c: s2 (gate + record probe, verify). Nothing of a, b.s1, c.s1.
    QCOMPARE(m_store->operations(Operation::Get) - getsBefore, 2 + 2 + 3);
    QCOMPARE(m_store->recordsNamed(u"b0"_s).size(), 1);
    QCOMPARE(m_store->creates(u"b0"_s), 1);
    QCOMPARE(m_store->creates(u"b1"_s), 1);
    QCOMPARE(journalRecords(job->journalPath(), u"retry"_s).size(), 1);
    QVERIFY(!job->retryFailed()); // nothing left to retry
}

void TestJob::stagedRolloutStopsAfterAFailingFirstWave_data()
{
    QTest::addColumn<int>("maxFailurePercent");
    QTest::addColumn<bool>("stops");
    // 1 of the first wave's 2 targets fails: 50%.
    QTest::newRow("none may fail") << 0 << true;
    QTest::newRow("at most 49%") << 49 << true;
    QTest::newRow("at most 50%") << 50 << false;
}

void TestJob::stagedRolloutStopsAfterAFailingFirstWave()
{
    QFETCH(int, maxFailurePercent);
    QFETCH(bool, stops);
    m_store->addFault(Operation::Create, u"^a1$"_s, Fault::Fail);
    QJsonArray targets;
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        targets.append(target(id, {id + u"1=1"_s}));
    const Ops::Plan staged = plan(targets,
                                  {{u"concurrency"_s, 4},
                                   {u"preflight"_s, u"none"_s},
                                   {u"firstWave"_s, 2},
                                   {u"maxWaveFailurePercent"_s, maxFailurePercent}});
    QCOMPARE(staged.options.firstWave, 2);
    QCOMPARE(staged.toJson().value(u"options"_s).toObject().value(u"maxWaveFailurePercent"_s).toInt(),
             maxFailurePercent);
    auto job = newJob(staged);
    // The first wave runs alone: no later target starts before both of it have settled.
    bool laterStartedEarly = false;
    connect(job.get(), &Job::targetChanged, this, [&job, &laterStartedEarly](int t) {
        const auto &targets = job->state().targets;
        if (t >= 2 && targets.at(t).status == TargetStatus::Running
            && (!targets.at(0).isSettled() || !targets.at(1).isSettled()))
            laterStartedEarly = true;
    });
    QVERIFY(run(job.get()));
    QVERIFY(!laterStartedEarly);
    QCOMPARE(job->state().status, JobStatus::Failed);
    QCOMPARE(job->state().targets.at(0).status, TargetStatus::Failed);
    QCOMPARE(job->state().targets.at(1).status, TargetStatus::Succeeded);
    for (int t = 2; t < 5; ++t) {
        const Ops::JobState::Target &later = job->state().targets.at(t);
        QCOMPARE(later.status, stops ? TargetStatus::Cancelled : TargetStatus::Succeeded);
        if (stops)
            QVERIFY2(later.message.startsWith(u"not started: 1 of the first wave's 2 targets failed"_s),
                     qPrintable(later.message));
    }
    QCOMPARE(m_store->creates(u"c1"_s), stops ? 0 : 1);
    QCOMPARE(journalRecords(job->journalPath(), u"target-end"_s).size(), 5);

    // Retry Failed runs the failed target and those the stopped rollout held back; nothing twice.
    QSignalSpy finished(job.get(), &Job::finished);
    QVERIFY(job->retryFailed());
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->state().status, JobStatus::Succeeded);
    for (const QString &name : {u"a1"_s, u"b1"_s, u"c1"_s, u"d1"_s, u"e1"_s})
        QCOMPARE(m_store->recordsNamed(name).size(), 1);
}

void TestJob::stagedRolloutRunsWavesUntilOneFails_data()
{
    QTest::addColumn<int>("firstWave");
    QTest::addColumn<QList<int>>("waveOf"); // per target a..h
    QTest::addColumn<int>("failingWave"); // the wave "f" is in
    // Target "f" fails (1 of its wave of 3: 33%, more than the 0% allowed): the waves after it never start.
    QTest::newRow("first wave of 1, then waves of 3") << 1 << QList<int>{1, 2, 2, 2, 3, 3, 3, 4} << 3;
    QTest::newRow("waves of 3 only") << 0 << QList<int>{1, 1, 1, 2, 2, 2, 3, 3} << 2;
}

void TestJob::stagedRolloutRunsWavesUntilOneFails()
{
    QFETCH(int, firstWave);
    QFETCH(QList<int>, waveOf);
    QFETCH(int, failingWave);
    m_store->addFault(Operation::Create, u"^f1$"_s, Fault::Fail);
    const QStringList ids{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s, u"h"_s};
    QJsonArray targets;
    for (const QString &id : ids)
        targets.append(target(id, {id + u"1=1"_s}));
    QJsonObject options{
        {u"concurrency"_s, 8}, {u"preflight"_s, u"none"_s}, {u"waveSize"_s, 3}, {u"maxWaveFailurePercent"_s, 0}};
    if (firstWave > 0)
        options.insert(u"firstWave"_s, firstWave);
    const Ops::Plan staged = plan(targets, options);
    QCOMPARE(staged.options.waveSize, 3);
    QCOMPARE(staged.toJson().value(u"options"_s).toObject().value(u"waveSize"_s).toInt(), 3);
    auto job = newJob(staged);
    // A wave starts only once every target of the waves before it has settled.
    QStringList early;
    connect(job.get(), &Job::targetChanged, this, [&job, &early, &waveOf](int t) {
        const auto &state = job->state().targets;
        if (state.at(t).status != TargetStatus::Running)
            return;
        for (qsizetype o = 0; o < state.size(); ++o) {
            if (waveOf.at(o) < waveOf.at(t) && !state.at(o).isSettled())
                early.append(u"%1 before %2"_s.arg(t).arg(o));
        }
    });
    QVERIFY(run(job.get()));
    QVERIFY2(early.isEmpty(), qPrintable(early.join(u", "_s)));
    QCOMPARE(job->state().status, JobStatus::Failed);
    const QString reason = failingWave == 1 ? u"the first wave's"_s : u"wave %1's"_s.arg(failingWave);
    for (qsizetype t = 0; t < ids.size(); ++t) {
        const Ops::JobState::Target &state = job->state().targets.at(t);
        if (ids.at(t) == u"f"_s) {
            QCOMPARE(state.status, TargetStatus::Failed);
        } else if (waveOf.at(t) <= failingWave) {
            QCOMPARE(state.status, TargetStatus::Succeeded);
        } else {
            QCOMPARE(state.status, TargetStatus::Cancelled);
            QVERIFY2(state.message.startsWith(u"not started: 1 of %1 3 targets failed or were blocked"_s.arg(reason)),
                     qPrintable(state.message));
            QCOMPARE(m_store->creates(ids.at(t) + u"1"_s), 0);
        }
    }
    QVERIFY2(job->state().notes.join(u'\n').contains(u"staged rollout stopped after"_s),
             qPrintable(job->state().notes.join(u'\n')));
}

void TestJob::faultsConvergeWithoutDuplicates_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<bool>("recovered");
    QTest::addColumn<QString>("message");

    QTest::newRow("lost create response") << u"create"_s << u"lost-response"_s << 1 << true << true << QString();
    QTest::newRow("lost update response") << u"update"_s << u"lost-response"_s << 1 << true << true << QString();
    QTest::newRow("transient create ×2") << u"create"_s << u"transient"_s << 2 << true << false << QString();
    QTest::newRow("transient probe ×2") << u"get"_s << u"transient"_s << 2 << true << false << QString();
    QTest::newRow("transient create ×3: gives up")
        << u"create"_s << u"transient"_s << 3 << false << false << u"gave up after 3 attempts"_s;
    QTest::newRow("transient probe ×3: gives up")
        << u"get"_s << u"transient"_s << 3 << false << false << u"the store is unavailable"_s;
    QTest::newRow("definite failure") << u"create"_s << u"fail"_s << 1 << false << false << u"refused by the store"_s;
}

void TestJob::faultsConvergeWithoutDuplicates()
{
    QFETCH(QString, operation);
    QFETCH(QString, fault);
    QFETCH(int, count);
    QFETCH(bool, succeeds);
    QFETCH(bool, recovered);
    QFETCH(QString, message);

    if (operation == u"update"_s) {
        m_store->create(u"r"_s, 0, this, [](const RecordStore::Result &) {});
        QTRY_COMPARE(m_store->records().size(), 1);
    }
    QString error;
    QVERIFY(m_store->addFaults(
        QJsonArray{QJsonObject{{u"op"_s, operation}, {u"name"_s, u"^r$"_s}, {u"fault"_s, fault}, {u"count"_s, count}}},
        &error));
    auto job = newJob(plan({target(u"a"_s, {u"r=5"_s, u"next=@s1"_s})}, {{u"preflight"_s, u"none"_s}}));
    QVERIFY(run(job.get()));
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(job->state().status, succeeds ? JobStatus::Succeeded : JobStatus::Failed);
    QCOMPARE(step.recovered, recovered);
    QCOMPARE(m_store->recordsNamed(u"r"_s).size(), succeeds || operation == u"update"_s ? 1 : 0);
    QVERIFY(m_store->creates(u"r"_s) <= 1); // never a duplicate
    if (succeeds) {
        QCOMPARE(m_store->recordsNamed(u"r"_s).first().value, QJsonValue(5));
        QCOMPARE(m_store->recordsNamed(u"next"_s).first().value.toString(), m_store->recordsNamed(u"r"_s).first().id);
    } else {
        QVERIFY2(job->state().targets.at(0).message.contains(message), qPrintable(job->state().targets.at(0).message));
        QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::Skipped);
    }
    if (recovered) {
        // The journal shows the unknown outcome, the probe that settled it, and the recovered change.
        const QList<QJsonObject> errors = journalRecords(job->journalPath(), u"error"_s);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"outcome-unknown"_s);
        bool sawRecheck = false;
        for (const QJsonObject &probe : journalRecords(job->journalPath(), u"probe"_s))
            sawRecheck = sawRecheck || probe.value(u"afterUnknownOutcome"_s).toBool();
        QVERIFY(sawRecheck);
        QCOMPARE(journalRecords(job->journalPath(), u"intent"_s).size(), 2); // r once, next once
        const QList<QJsonObject> changes = journalRecords(job->journalPath(), u"change"_s);
        QVERIFY(changes.first().value(u"recovered"_s).toBool());
    }
}

void TestJob::blockedStepsFollowThePreflightPolicy_data()
{
    QTest::addColumn<QString>("preflight");
    QTest::addColumn<JobStatus>("jobStatus");
    QTest::addColumn<bool>("firstStepOfBlockedTargetApplied");
    QTest::addColumn<bool>("otherTargetApplied");

    QTest::newRow("none: stops where it is") << u"none"_s << JobStatus::Failed << true << true;
    QTest::newRow("target: blocked target untouched") << u"target"_s << JobStatus::Failed << false << true;
    QTest::newRow("plan: nothing applied anywhere") << u"plan"_s << JobStatus::Refused << false << false;
}

void TestJob::blockedStepsFollowThePreflightPolicy()
{
    QFETCH(QString, preflight);
    QFETCH(JobStatus, jobStatus);
    QFETCH(bool, firstStepOfBlockedTargetApplied);
    QFETCH(bool, otherTargetApplied);
    auto job
        = newJob(plan({target(u"a"_s, {u"a1=1"_s, u"a2=requires:missing"_s, u"a3=3"_s}), target(u"b"_s, {u"b1=1"_s})},
                      {{u"preflight"_s, preflight}, {u"concurrency"_s, 1}}));
    QVERIFY(run(job.get()));
    QCOMPARE(job->state().status, jobStatus);
    QCOMPARE(job->state().targets.at(0).status, TargetStatus::Blocked);
    QVERIFY2(job->state().targets.at(0).message.contains(u"record 'missing', which 'a2' requires, does not exist"_s),
             qPrintable(job->state().targets.at(0).message));
    QCOMPARE(m_store->recordsNamed(u"a1"_s).size(), firstStepOfBlockedTargetApplied ? 1 : 0);
    QCOMPARE(m_store->recordsNamed(u"a3"_s).size(), 0);
    QCOMPARE(m_store->recordsNamed(u"b1"_s).size(), otherTargetApplied ? 1 : 0);
    if (preflight == u"plan"_s)
        QCOMPARE(job->state().targets.at(1).status, TargetStatus::Planned);
}

void TestJob::journalRecordsIntentBeforeTheCall()
{
    m_store->setLatency(1ms);
    auto job = newJob(plan({target(u"a"_s, {u"a1=1"_s})}));
    bool intentFirst = false;
    connect(m_store.get(), &RecordStore::committed, this, [&] {
        // At the moment the store commits, the journal already says the apply is in flight.
        intentFirst = !journalRecords(job->journalPath(), u"intent"_s).isEmpty();
    });
    QVERIFY(run(job.get()));
    QVERIFY(intentFirst);

    QStringList kinds;
    qint64 seq = 0;
    for (const QJsonObject &record : journalRecords(job->journalPath())) {
        kinds.append(record.value(u"rec"_s).toString());
        QCOMPARE(record.value(u"seq"_s).toInteger(), ++seq);
        QVERIFY(QDateTime::fromString(record.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
    }
    QCOMPARE(kinds,
             (QStringList{u"job-start"_s, u"target-start"_s, u"probe"_s, u"target-start"_s, u"intent"_s, u"change"_s,
                          u"verify"_s, u"step-end"_s, u"target-end"_s, u"job-end"_s}));
    const QJsonObject start = journalRecords(job->journalPath()).first();
    QCOMPARE(start.value(u"format"_s).toString(), u"tenantry-journal"_s);
    QCOMPARE(start.value(u"planSha256"_s).toString(), QString::fromLatin1(job->state().plan.sha256()));
    QCOMPARE(start.value(u"plan"_s).toObject(), job->state().plan.toJson());
    const QJsonObject change = journalRecords(job->journalPath(), u"change"_s).first();
    QCOMPARE(
        change.value(u"change"_s).toObject().value(u"created"_s).toArray().first().toObject().value(u"id"_s).toString(),
        m_store->recordsNamed(u"a1"_s).first().id);
}

void TestJob::journalThatCannotBeMadeStopsTheJob()
{
    // The journal is made on its own thread, after start() returned: a folder that cannot be made
    // (a file is in its way) stops the job before anything is applied.
    QFile blocker(m_journals->filePath(u"not-a-folder"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto job
        = std::make_unique<Job>(plan({target(u"a"_s, {u"a1=1"_s}), target(u"b"_s, {u"b1=1"_s})}), m_registry.get());
    job->setJournalDirectory(blocker.fileName() + u"/journals"_s);
    QVERIFY(run(job.get()));
    QCOMPARE(job->state().status, JobStatus::Failed);
    QVERIFY2(job->errorString().contains(u"cannot create the journal folder"_s), qPrintable(job->errorString()));
    QVERIFY(job->state().notes.contains(job->errorString()));
    QCOMPARE(m_store->creates(), 0);
    // Cancelled before they started, or failed at their first intent (the plan may be ready first).
    for (const Ops::JobState::Target &target : job->state().targets)
        QVERIFY(target.status == TargetStatus::Cancelled || target.status == TargetStatus::Failed);
}

void TestJob::journalNeverHoldsSecrets()
{
    const QString token = u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl"_s;

    // A plan built in code skips the reader, but not the secret screen.
    Ops::Plan withSecret = plan({target(u"a"_s, {u"a1=1"_s})});
    withSecret.targets[0].steps[0].params.insert(u"value"_s, QString(u"Bearer "_s + token));
    auto refused = newJob(withSecret);
    QVERIFY(!refused->start());
    QVERIFY2(refused->errorString().contains(u"$.targets[0].steps[0].params.value: holds what looks like a secret"_s),
             qPrintable(refused->errorString()));
    QVERIFY(refused->journalPath().isEmpty());

    // What the cloud answers can hold one (here: the value an update replaces); the journal and the
    // summary never show it.
    m_store->create(u"a1"_s, QString(u"Bearer "_s + token), this, [](const RecordStore::Result &) {});
    QTRY_COMPARE(m_store->records().size(), 1);
    auto job = newJob(plan({target(u"a"_s, {u"a1=1"_s})}));
    QVERIFY(run(job.get(), Job::Mode::DryRun));
    QCOMPARE(job->state().targets.at(0).steps.at(0).probe->changes.first().before.toString(), u"Bearer "_s + token);
    QFile journal(job->journalPath());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray bytes = journal.readAll();
    QVERIFY(!bytes.contains(token.toLatin1()));
    QVERIFY(bytes.contains("<redacted>"));
    QVERIFY(!QJsonDocument(Ops::JobSummary::toJson(job->state())).toJson().contains(token.toLatin1()));
    QVERIFY(!Ops::JobSummary::toText(job->state()).contains(token));
}

void TestJob::resumesFromATruncatedJournal()
{
    // Run a job to the end, then cut its journal back to just after the first intent of target b
    // and add half a record: what a kill during the next write leaves behind.
    m_store->setLatency(1ms);
    const Ops::Plan p = plan({target(u"a"_s, {u"a1=1"_s, u"a2=2"_s}), target(u"b"_s, {u"b1=1"_s, u"b2=@s1"_s})},
                             {{u"concurrency"_s, 1}});
    auto job = newJob(p);
    QVERIFY(run(job.get()));
    const QString path = job->journalPath();
    job.reset();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    qsizetype cut = 0;
    while (cut < lines.size()
           && !(lines.at(cut).contains("\"rec\":\"intent\"") && lines.at(cut).contains("\"target\":\"b\"")))
        ++cut;
    QVERIFY(cut < lines.size());
    lines.resize(cut + 1);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + "\n{\"rec\":\"change\",\"target\":\"b\",\"st");
    file.close();

    QString error;
    std::unique_ptr<Job> resumed = Job::resume(path, m_registry.get(), &error);
    QVERIFY2(resumed, qPrintable(error));
    QCOMPARE(resumed->id(), p.targets.isEmpty() ? QString() : resumed->state().jobId);
    QCOMPARE(resumed->state().targets.at(0).status, TargetStatus::Succeeded);
    QCOMPARE(resumed->state().targets.at(1).status, TargetStatus::Pending);
    const int getsBefore = m_store->operations(Operation::Get);
    QVERIFY(run(resumed.get()));
    QCOMPARE(resumed->state().status, JobStatus::Succeeded);
    // Only target b ran: b1 (in flight at the "crash") and b2 probed, found done, nothing created.
    QCOMPARE(m_store->operations(Operation::Get) - getsBefore, 2);
    QCOMPARE(m_store->creates(), 4);
    QVERIFY(resumed->state().notes.join(u'\n').contains(u"was cut short"_s));

    // The repaired journal reads cleanly to the end.
    const Ops::JournalContents contents = Ops::JournalReader::read(path);
    QVERIFY2(contents.ok() && contents.note.isEmpty(), qPrintable(contents.error + contents.note));
    QCOMPARE(contents.records.last().value(u"rec"_s).toString(), u"job-end"_s);
    QCOMPARE(journalRecords(path, u"resume"_s).size(), 1);
}

void TestJob::resumeRefusesWhatItCannotResume()
{
    auto dry = newJob(plan({target(u"a"_s, {u"a1=1"_s})}));
    QVERIFY(run(dry.get(), Job::Mode::DryRun));
    QString error;
    QVERIFY(!Job::resume(dry->journalPath(), m_registry.get(), &error));
    QVERIFY2(error.contains(u"was a dry run"_s), qPrintable(error));

    auto done = newJob(plan({target(u"a"_s, {u"a1=1"_s})}));
    QVERIFY(run(done.get()));
    QVERIFY(!Job::resume(done->journalPath(), m_registry.get(), &error));
    QVERIFY2(error.contains(u"already finished (succeeded"_s), qPrintable(error));

    // A step type this program does not know.
    Ops::StepRegistry empty;
    QFile file(done->journalPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray firstLine = file.readLine();
    file.close();
    QTemporaryDir dir;
    QFile partial(dir.filePath(u"x.jsonl"_s));
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.write(firstLine);
    partial.close();
    QVERIFY(!Job::resume(partial.fileName(), &empty, &error));
    QVERIFY2(error.contains(u"unknown step type \"test.record\""_s), qPrintable(error));

    QVERIFY(!Job::resume(dir.filePath(u"missing.jsonl"_s), m_registry.get(), &error));
    QVERIFY2(error.contains(u"cannot read job journal"_s), qPrintable(error));
}

void TestJob::targetCreatedByThePlanGetsItsHostname()
{
    // Step "tenant" makes a record whose name is the new tenant's hostname (its output "name");
    // the target's hostname refers to it, so "config" (a step on the tenant) must wait for it.
    const QJsonObject json{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, 1},
        {u"targets"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"new"_s},
             {u"hostname"_s, u"${tenant.name}"_s},
             {u"region"_s, u"eu"_s},
             {u"steps"_s,
              QJsonArray{
                  QJsonObject{{u"id"_s, u"tenant"_s},
                              {u"type"_s, u"test.record"_s},
                              {u"params"_s, QJsonObject{{u"name"_s, u"n3w.eu.qlikcloud.com"_s}, {u"value"_s, 1}}}},
                  QJsonObject{{u"id"_s, u"config"_s},
                              {u"type"_s, u"test.hosted"_s},
                              {u"params"_s,
                               QJsonObject{{u"name"_s, u"config"_s}, {u"value"_s, u"on ${target.hostname}"_s}}}}}}}}}};
    const Ops::PlanReadResult read = Ops::PlanReader(m_registry.get()).fromJson(json);
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));

    auto dry = newJob(*read.plan);
    QVERIFY(run(dry.get(), Job::Mode::DryRun));
    const Ops::JobState::Step &waiting = dry->state().targets.at(0).steps.at(1);
    QCOMPARE(waiting.status, StepStatus::Planned);
    QCOMPARE(waiting.after, u"tenant"_s);
    QVERIFY(dry->state().targets.at(0).hostname.isEmpty());

    auto job = newJob(*read.plan);
    QVERIFY(run(job.get()));
    QCOMPARE(job->state().status, JobStatus::Succeeded);
    QCOMPARE(job->state().targets.at(0).hostname, u"n3w.eu.qlikcloud.com"_s);
    QCOMPARE(m_store->recordsNamed(u"config"_s).first().value.toString(), u"on n3w.eu.qlikcloud.com"_s);
    const QList<QJsonObject> ends = journalRecords(job->journalPath(), u"target-end"_s);
    QCOMPARE(ends.last().value(u"hostname"_s).toString(), u"n3w.eu.qlikcloud.com"_s);
}

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
