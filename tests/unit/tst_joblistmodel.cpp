#include "joblistmodel.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "recordstep.h"
#include "recordstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Role = JobListModel::Role;
using Column = JobListModel::Column;

namespace {

int role(Role r)
{
    return static_cast<int>(r);
}

} // namespace

class TestJobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsALiveJobAsATree();
    void coalescesUpdates();
    void listsPastJobsAndLoadsThemOnDemand();
    void resumedJobReplacesItsPastRow();
    void destroyedJobLeaves();

private:
    Ops::Plan plan(int targets, int steps, const QString &prefix = u"r"_s);
    std::unique_ptr<Ops::Job> newJob(const Ops::Plan &plan);
    static bool run(Ops::Job *job, Ops::Job::Mode mode = Ops::Job::Mode::Apply);

    std::unique_ptr<RecordStore> m_store;
    std::unique_ptr<Ops::StepRegistry> m_registry;
    std::unique_ptr<QTemporaryDir> m_journals;
    std::unique_ptr<JobListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestJobListModel::init()
{
    m_model = std::make_unique<JobListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setUpdateInterval(20ms);
    m_store = std::make_unique<RecordStore>();
    m_registry = std::make_unique<Ops::StepRegistry>();
    QVERIFY(RecordStep::registerType(m_registry.get(), m_store.get()));
    m_journals = std::make_unique<QTemporaryDir>();
}

void TestJobListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_registry.reset();
    m_store.reset();
    m_journals.reset();
}

Ops::Plan TestJobListModel::plan(int targets, int steps, const QString &prefix)
{
    QJsonArray list;
    for (int t = 0; t < targets; ++t) {
        QJsonArray stepList;
        for (int s = 0; s < steps; ++s) {
            stepList.append(QJsonObject{
                {u"id"_s, u"s%1"_s.arg(s)},
                {u"type"_s, u"test.record"_s},
                {u"params"_s, QJsonObject{{u"name"_s, u"%1%2-%3"_s.arg(prefix).arg(t).arg(s)}, {u"value"_s, s}}}});
        }
        list.append(QJsonObject{{u"id"_s, u"t%1"_s.arg(t)},
                                {u"label"_s, u"Customer %1"_s.arg(t)},
                                {u"hostname"_s, u"t%1.eu.qlikcloud.com"_s.arg(t)},
                                {u"steps"_s, stepList}});
    }
    const Ops::PlanReadResult read = Ops::PlanReader(m_registry.get())
                                         .fromJson({{u"format"_s, u"tenantry-plan"_s},
                                                    {u"version"_s, 1},
                                                    {u"name"_s, u"Onboard"_s},
                                                    {u"options"_s, QJsonObject{{u"concurrency"_s, 8}}},
                                                    {u"targets"_s, list}});
    return read.plan.value_or(Ops::Plan());
}

std::unique_ptr<Ops::Job> TestJobListModel::newJob(const Ops::Plan &plan)
{
    auto job = std::make_unique<Ops::Job>(plan, m_registry.get());
    job->setJournalDirectory(m_journals->path());
    return job;
}

bool TestJobListModel::run(Ops::Job *job, Ops::Job::Mode mode)
{
    QSignalSpy finished(job, &Ops::Job::finished);
    return job->start(mode) && finished.wait(20000);
}

void TestJobListModel::showsALiveJobAsATree()
{
    auto job = newJob(plan(3, 2));
    m_model->addJob(job.get());
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex jobIndex = m_model->index(0, 0);
    QCOMPARE(m_model->rowCount(jobIndex), 3);
    QVERIFY(!m_model->canFetchMore(jobIndex));
    QCOMPARE(m_model->job(jobIndex), job.get());
    QCOMPARE(m_model->indexOfJob(job->id()), jobIndex);
    QCOMPARE(jobIndex.data(role(Role::Status)).toString(), u"ready"_s);
    QCOMPARE(jobIndex.data().toString(), u"Onboard"_s);
    QVERIFY(jobIndex.data(role(Role::Live)).toBool());

    QVERIFY(run(job.get()));
    QTRY_COMPARE(jobIndex.data(role(Role::Status)).toString(), u"succeeded"_s);
    QCOMPARE(jobIndex.data(role(Role::Progress)).toInt(), 100);
    QCOMPARE(jobIndex.siblingAtColumn(int(Column::Detail)).data().toString(),
             u"3 targets: 3 succeeded, 0 failed, 0 blocked"_s);

    const QModelIndex target = m_model->index(1, 0, jobIndex);
    QCOMPARE(target.data().toString(), u"Customer 1 (t1.eu.qlikcloud.com)"_s);
    QCOMPARE(target.data(role(Role::Kind)).toInt(), int(JobListModel::Kind::Target));
    QCOMPARE(target.data(role(Role::TargetId)).toString(), u"t1"_s);
    QCOMPARE(target.siblingAtColumn(int(Column::Status)).data().toString(), u"succeeded"_s);
    QCOMPARE(m_model->rowCount(target), 2);
    QCOMPARE(m_model->parent(target), jobIndex);

    const QModelIndex step = m_model->index(1, 0, target);
    QCOMPARE(m_model->parent(step), target);
    QCOMPARE(step.data().toString(), u"s1 (test.record)"_s);
    QCOMPARE(step.data(role(Role::Status)).toString(), u"created"_s);
    QCOMPARE(step.data(role(Role::Action)).toString(), u"create"_s);
    const QString id = m_store->recordsNamed(u"r1-1"_s).first().id;
    QCOMPARE(step.data(role(Role::CreatedIds)).toStringList(), QStringList{u"record "_s + id});
    QCOMPARE(step.data(role(Role::Outputs)).toJsonObject().value(u"id"_s).toString(), id);
    QCOMPARE(step.siblingAtColumn(int(Column::Detail)).data().toString(),
             u"created record 'r1-1' = 1 [record %1]"_s.arg(id));
    QCOMPARE(m_model->roleNames().value(role(Role::CreatedIds)), QByteArray("createdIds"));
}

void TestJobListModel::coalescesUpdates()
{
    m_store->setLatency(2ms);
    m_model->setUpdateInterval(50ms);
    auto job = newJob(plan(40, 2));
    m_model->addJob(job.get());
    QSignalSpy stepChanged(job.get(), &Ops::Job::stepChanged);
    QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(run(job.get()));
    QTRY_COMPARE(m_model->index(0, 0).data(role(Role::Status)).toString(), u"succeeded"_s);
    QTest::qWait(80);
    // Every change reached the views, in far fewer signals than the job sent.
    for (int t = 0; t < 40; ++t) {
        const QModelIndex target = m_model->index(t, 0, m_model->index(0, 0));
        QCOMPARE(target.data(role(Role::Status)).toString(), u"succeeded"_s);
        QCOMPARE(m_model->index(1, 0, target).data(role(Role::Status)).toString(), u"created"_s);
    }
    qInfo("%lld step changes reached views as %lld dataChanged signals", qlonglong(stepChanged.size()),
          qlonglong(dataChanged.size()));
    QVERIFY(stepChanged.size() >= qsizetype(40) * 2 * 4);
    QVERIFY2(dataChanged.size() * 3 < stepChanged.size(), "updates are not coalesced");
    // Each signal is one ranged change under one parent.
    for (const QList<QVariant> &arguments : dataChanged) {
        const QModelIndex topLeft = arguments.at(0).toModelIndex();
        const QModelIndex bottomRight = arguments.at(1).toModelIndex();
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        QVERIFY(topLeft.row() <= bottomRight.row());
        QCOMPARE(bottomRight.column(), int(Column::Count) - 1);
    }
}

void TestJobListModel::listsPastJobsAndLoadsThemOnDemand()
{
    {
        auto dry = newJob(plan(2, 1, u"d"_s));
        QVERIFY(run(dry.get(), Ops::Job::Mode::DryRun));
        QTest::qWait(5);
        auto applied = newJob(plan(3, 2, u"a"_s));
        QVERIFY(run(applied.get()));
    }
    m_model->loadHistory(Ops::JobHistory(m_journals->path()));
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex newest = m_model->index(0, 0);
    QCOMPARE(newest.data(role(Role::Status)).toString(), u"succeeded"_s);
    QVERIFY(!newest.data(role(Role::Live)).toBool());
    QVERIFY(!newest.data(role(Role::Resumable)).toBool());
    QVERIFY(m_model->hasChildren(newest));
    // Children load on demand (the model tester may have asked already), then arrive from the event loop.
    if (m_model->canFetchMore(newest)) {
        QCOMPARE(m_model->rowCount(newest), 0);
        m_model->fetchMore(newest);
    }
    QVERIFY(!m_model->canFetchMore(newest));
    QTRY_COMPARE(m_model->rowCount(newest), 3);
    const QModelIndex step = m_model->index(1, 0, m_model->index(2, 0, newest));
    QCOMPARE(step.data(role(Role::Status)).toString(), u"created"_s);
    QCOMPARE(step.data(role(Role::CreatedIds)).toStringList().size(), 1);

    const QModelIndex dry = m_model->index(1, 0);
    QVERIFY(dry.data().toString().endsWith(u"(dry run)"_s));
    QVERIFY(dry.data(role(Role::DryRun)).toBool());
    if (m_model->canFetchMore(dry))
        m_model->fetchMore(dry);
    QTRY_COMPARE(m_model->rowCount(dry), 2);
    QCOMPARE(m_model->index(0, 0, m_model->index(0, 0, dry)).data(role(Role::Status)).toString(), u"planned"_s);
    QCOMPARE(m_model->index(0, 0, m_model->index(0, 0, dry)).siblingAtColumn(int(Column::Status)).data().toString(),
             u"will create"_s);

    // Loading again replaces the past rows, never duplicates them.
    m_model->loadHistory(Ops::JobHistory(m_journals->path()));
    QCOMPARE(m_model->rowCount(), 2);
}

void TestJobListModel::resumedJobReplacesItsPastRow()
{
    // An interrupted job: its journal ends at the first intent.
    QString path;
    {
        auto job = newJob(plan(2, 1));
        QVERIFY(run(job.get()));
        path = job->journalPath();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    while (!lines.isEmpty() && !lines.last().contains("\"rec\":\"intent\""))
        lines.removeLast();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + '\n');
    file.close();

    m_model->loadHistory(Ops::JobHistory(m_journals->path()));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(role(Role::Status)).toString(), u"interrupted"_s);
    QVERIFY(m_model->index(0, 0).data(role(Role::Resumable)).toBool());

    QString error;
    std::unique_ptr<Ops::Job> resumed = Ops::Job::resume(path, m_registry.get(), &error);
    QVERIFY2(resumed, qPrintable(error));
    m_model->addJob(resumed.get());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->job(m_model->index(0, 0)), resumed.get());
    QVERIFY(run(resumed.get()));
    QTRY_COMPARE(m_model->index(0, 0).data(role(Role::Status)).toString(), u"succeeded"_s);
}

void TestJobListModel::destroyedJobLeaves()
{
    auto first = newJob(plan(1, 1));
    auto second = newJob(plan(2, 1));
    m_model->addJob(first.get());
    m_model->addJob(second.get());
    m_model->addJob(second.get()); // once only
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->job(m_model->index(0, 0)), second.get());
    QVERIFY(run(first.get()));
    first.reset();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->job(m_model->index(0, 0)), second.get());
    QTest::qWait(30); // a pending flush for the gone job must not touch it
}

QTEST_GUILESS_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
