// kill -9 a job in its own process at many points, resume it from its journal in a new process, and
// check that it converges: every record exists exactly once with its planned value, and nothing was
// created twice.
#include "ops/jobhistory.h"
#include "ops/journalreader.h"
#include "recordstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Targets = 4;
constexpr int StepsPerTarget = 3;

// Four targets of three steps; each target's second and third records hold the ids of the first and
// second (references), so a resumed job must restore earlier outputs to finish.
QByteArray planJson()
{
    QJsonArray targets;
    for (int t = 0; t < Targets; ++t) {
        const QString name = u"t%1"_s.arg(t);
        targets.append(QJsonObject{
            {u"id"_s, name},
            {u"hostname"_s, QString(name + u".eu.qlikcloud.com"_s)},
            {u"steps"_s,
             QJsonArray{
                 QJsonObject{{u"id"_s, u"first"_s},
                             {u"type"_s, u"test.record"_s},
                             {u"params"_s, QJsonObject{{u"name"_s, QString(name + u"-first"_s)}, {u"value"_s, t}}}},
                 QJsonObject{{u"id"_s, u"second"_s},
                             {u"type"_s, u"test.record"_s},
                             {u"params"_s,
                              QJsonObject{{u"name"_s, QString(name + u"-second"_s)}, {u"value"_s, u"${first.id}"_s}}}},
                 QJsonObject{{u"id"_s, u"third"_s},
                             {u"type"_s, u"test.record"_s},
                             {u"params"_s,
                              QJsonObject{{u"name"_s, QString(name + u"-third"_s)},
                                          {u"value"_s, u"after ${second.id}"_s}}}}}}});
    }
    return QJsonDocument(QJsonObject{{u"format"_s, u"tenantry-plan"_s},
                                     {u"version"_s, 1},
                                     {u"name"_s, u"crash test"_s},
                                     {u"options"_s, QJsonObject{{u"concurrency"_s, 2}}},
                                     {u"targets"_s, targets}})
        .toJson();
}

struct Run
{
    bool killed = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QByteArray text() const { return out + "\n" + err; }
};

} // namespace

class TestJobCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void killedAtAPointThenResumed_data();
    void killedAtAPointThenResumed();
    void killedAgainWhileResuming();
    void killedFromOutside_data();
    void killedFromOutside();

private:
    Run runner(const QStringList &arguments, int killAfterRecords = 0);
    void checkConverged();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_plan;
    QString m_store;
    QString m_journals;
};

void TestJobCrash::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_plan = m_dir->filePath(u"plan.json"_s);
    m_store = m_dir->filePath(u"store.json"_s);
    m_journals = m_dir->filePath(u"journals"_s);
    QFile plan(m_plan);
    QVERIFY(plan.open(QIODevice::WriteOnly));
    plan.write(planJson());
}

Run TestJobCrash::runner(const QStringList &arguments, int killAfterRecords)
{
    QProcess process;
    process.setProgram(QStringLiteral(TENANTRY_TESTKIT_DIR "/ops_jobrunner"));
    process.setArguments(QStringList{u"--store"_s, m_store, u"--journal-dir"_s, m_journals, u"--latency"_s,
                                     killAfterRecords > 0 ? u"20"_s : u"3"_s, u"--retry-delay"_s, u"1"_s}
                         + arguments + (killAfterRecords > 0 ? QStringList{u"--print-records"_s} : QStringList()));
    process.start();
    if (!process.waitForStarted(10000))
        return {};
    Run run;
    if (killAfterRecords > 0) {
        // kill -9 from outside after the child has journalled this many records.
        int seen = 0;
        while (seen < killAfterRecords && process.waitForReadyRead(10000)) {
            while (process.canReadLine()) {
                const QByteArray line = process.readLine();
                run.out += line;
                seen += line.startsWith("record ") ? 1 : 0;
            }
        }
        if (process.state() == QProcess::Running)
            process.kill(); // SIGKILL
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    run.killed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = run.killed ? -1 : process.exitCode();
    run.out += process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestJobCrash::checkConverged()
{
    RecordStore store(m_store);
    QString error;
    QVERIFY(store.load(&error));
    QCOMPARE(store.records().size(), Targets * StepsPerTarget);
    for (int t = 0; t < Targets; ++t) {
        const QString name = u"t%1"_s.arg(t);
        const QList<RecordStore::Record> first = store.recordsNamed(name + u"-first"_s);
        const QList<RecordStore::Record> second = store.recordsNamed(name + u"-second"_s);
        const QList<RecordStore::Record> third = store.recordsNamed(name + u"-third"_s);
        QCOMPARE(first.size(), 1);
        QCOMPARE(second.size(), 1);
        QCOMPARE(third.size(), 1);
        QCOMPARE(first.first().value, QJsonValue(t));
        QCOMPARE(second.first().value.toString(), first.first().id);
        QCOMPARE(third.first().value.toString(), u"after "_s + second.first().id);
    }
    // Never created twice, whatever was killed when.
    QCOMPARE(store.creates(), Targets * StepsPerTarget);
    QCOMPARE(store.updates(), 0);

    // The journal tells the same story and the job is no longer offered for resume.
    const Ops::JobHistory history(m_journals);
    const QList<Ops::JobHistory::Entry> entries = history.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().status, Ops::JobStatus::Succeeded);
    QVERIFY(history.resumable().isEmpty());
    const Ops::JournalContents journal = Ops::JournalReader::read(entries.first().journalPath);
    QVERIFY2(journal.ok(), qPrintable(journal.error));
    int steps = 0;
    for (const QJsonObject &record : journal.records)
        steps += record.value(u"rec"_s).toString() == u"step-end"_s ? 1 : 0;
    QVERIFY(steps >= Targets * StepsPerTarget);
}

void TestJobCrash::killedAtAPointThenResumed_data()
{
    QTest::addColumn<QString>("killAt");
    QTest::newRow("after job-start") << u"job-start:1"_s;
    QTest::newRow("after the first probe") << u"probe:1"_s;
    QTest::newRow("after the first intent, before the call") << u"intent:1"_s;
    QTest::newRow("after the first commit, before its answer") << u"commit:1"_s;
    QTest::newRow("after the second change") << u"change:2"_s;
    QTest::newRow("after the third verify") << u"verify:3"_s;
    QTest::newRow("after the fourth step-end") << u"step-end:4"_s;
    QTest::newRow("after the first target-end") << u"target-end:1"_s;
    QTest::newRow("after the seventh intent") << u"intent:7"_s;
    QTest::newRow("after the ninth commit") << u"commit:9"_s;
    QTest::newRow("after the third target-end") << u"target-end:3"_s;
    QTest::newRow("after the last step-end") << u"step-end:12"_s;
}

void TestJobCrash::killedAtAPointThenResumed()
{
    QFETCH(QString, killAt);
    const Run killed = runner({u"--plan"_s, m_plan, u"--kill-at"_s, killAt});
    QVERIFY2(killed.killed, killed.text().constData());

    const Ops::JobHistory history(m_journals);
    QCOMPARE(history.resumable().size(), 1); // offered for resume

    const Run resumed = runner({u"--resume-last"_s});
    QVERIFY2(!resumed.killed && resumed.exitCode == 0, resumed.text().constData());
    QVERIFY2(resumed.out.contains("\"status\":\"succeeded\""), resumed.out.constData());
    checkConverged();
}

void TestJobCrash::killedAgainWhileResuming()
{
    QVERIFY(runner({u"--plan"_s, m_plan, u"--kill-at"_s, u"intent:2"_s}).killed);
    QVERIFY(runner({u"--resume-last"_s, u"--kill-at"_s, u"commit:2"_s}).killed);
    QVERIFY(runner({u"--resume-last"_s, u"--kill-at"_s, u"step-end:3"_s}).killed);

    // A crash in the middle of writing a record leaves half a line: tolerated, with a note.
    const QString journal = Ops::JobHistory(m_journals).lastResumable()->journalPath;
    QFile file(journal);
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"rec":"change","target":"t1","step":"sec)");
    file.close();
    QVERIFY(Ops::JobHistory(m_journals).lastResumable().has_value());

    const Run resumed = runner({u"--resume-last"_s});
    QVERIFY2(!resumed.killed && resumed.exitCode == 0, resumed.text().constData());
    QVERIFY2(resumed.out.contains("cut short"), resumed.out.constData());
    checkConverged();
    QCOMPARE(Ops::JournalReader::read(journal).note, QString());
}

void TestJobCrash::killedFromOutside_data()
{
    QTest::addColumn<int>("records");
    QTest::newRow("early") << 4;
    QTest::newRow("middle") << 17;
    QTest::newRow("late") << 40;
}

void TestJobCrash::killedFromOutside()
{
    QFETCH(int, records);
    const Run killed = runner({u"--plan"_s, m_plan}, records);
    QVERIFY2(killed.killed, killed.text().constData());
    const Run resumed = runner({u"--resume-last"_s});
    QVERIFY2(!resumed.killed && resumed.exitCode == 0, resumed.text().constData());
    checkConverged();
}

QTEST_GUILESS_MAIN(TestJobCrash)
#include "tst_jobcrash.moc"
