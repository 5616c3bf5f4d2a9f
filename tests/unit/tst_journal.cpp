#include "ops/jobhistory.h"
#include "ops/journalreader.h"
#include "ops/journalreplay.h"
#include "ops/journalwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::JobHistory;
using Ops::JobStatus;
using Ops::JournalReader;
using Ops::JournalWriter;

namespace {

QJsonObject planJson(const QString &name)
{
    return {{u"format"_s, u"tenantry-plan"_s},
            {u"version"_s, 1},
            {u"name"_s, name},
            {u"targets"_s,
             QJsonArray{QJsonObject{{u"id"_s, u"a"_s},
                                    {u"hostname"_s, u"a.eu.qlikcloud.com"_s},
                                    {u"steps"_s,
                                     QJsonArray{QJsonObject{{u"id"_s, u"s1"_s}, {u"type"_s, u"test.record"_s}},
                                                QJsonObject{{u"id"_s, u"s2"_s}, {u"type"_s, u"test.record"_s}}}}}}}};
}

QJsonObject jobStart(const QString &jobId, const QString &mode = u"apply"_s)
{
    return {{u"rec"_s, u"job-start"_s}, {u"format"_s, u"tenantry-journal"_s},
            {u"version"_s, 1},          {u"jobId"_s, jobId},
            {u"mode"_s, mode},          {u"plan"_s, planJson(u"plan of "_s + jobId)}};
}

QJsonObject stepRecord(const QString &kind, const QString &step, const QJsonObject &extra = {})
{
    QJsonObject record = extra;
    record.insert(u"rec"_s, kind);
    record.insert(u"target"_s, u"a"_s);
    record.insert(u"step"_s, step);
    return record;
}

// Writes a journal with `records` after its job-start and closes it (releasing its lock).
QString writeJournal(const QString &dir, const QString &jobId, const QList<QJsonObject> &records,
                     const QString &mode = u"apply"_s)
{
    QString error;
    std::unique_ptr<JournalWriter> writer = JournalWriter::create(dir, jobId, &error);
    if (!writer)
        return {};
    writer->append(jobStart(jobId, mode));
    for (const QJsonObject &record : records)
        writer->append(record);
    return writer->path();
}

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writerNumbersTimesRedactsAndLocks();
    void writerReportsWrittenRecordsInOrder();
    void writerThatCannotCreateFailsOnce();
    void readerToleratesACutLastLine();
    void readerRefusesDamage();
    void reopenRepairsAndContinues();
    void readEndsFindsTheLastRecordOfLongJournals();
    void replayRebuildsTheState();
    void historyListsAndFindsResumableJobs();

private:
    QTemporaryDir m_dir;
};

void TestJournal::writerNumbersTimesRedactsAndLocks()
{
    QString error;
    std::unique_ptr<JournalWriter> writer = JournalWriter::create(m_dir.path(), u"job-1"_s, &error);
    QVERIFY2(writer, qPrintable(error));
    QCOMPARE(writer->path(), QDir(m_dir.path()).filePath(u"job-1.jsonl"_s));
    QVERIFY(writer->append(jobStart(u"job-1"_s)));
    QVERIFY(
        writer->append(stepRecord(u"change"_s, u"s1"_s,
                                  {{u"change"_s, QJsonObject{{u"outputs"_s, QJsonObject{{u"clientSecret"_s, u"x"_s}}}}},
                                   {u"note"_s, u"Authorization: Bearer 0123456789abcdefghij"_s}})));

    // Held while the writer lives: no second writer, and the history sees it as running.
    QVERIFY(JobHistory::isHeld(writer->path()));
    QVERIFY(!JournalWriter::create(m_dir.path(), u"job-1"_s, &error));
    QVERIFY2(error.contains(u"in use by"_s), qPrintable(error));
    QVERIFY(!JournalWriter::reopen(writer->path(), 0, 0, &error));
    const QString path = writer->path();
    writer.reset();
    QVERIFY(!JobHistory::isHeld(path));

    const Ops::JournalContents contents = JournalReader::read(path);
    QVERIFY(contents.ok());
    QCOMPARE(contents.records.size(), 2);
    QCOMPARE(contents.records.at(0).value(u"seq"_s).toInt(), 1);
    QCOMPARE(contents.records.at(1).value(u"seq"_s).toInt(), 2);
    QCOMPARE(contents.lastSeq, 2);
    QVERIFY(contents.records.at(1).contains(u"time"_s));
    const QJsonObject change = contents.records.at(1);
    QCOMPARE(change.value(u"change"_s).toObject().value(u"outputs"_s).toObject().value(u"clientSecret"_s).toString(),
             u"<redacted>"_s);
    QCOMPARE(change.value(u"note"_s).toString(), u"Authorization: <redacted>"_s);

    // A new journal never overwrites an old one.
    QVERIFY(!JournalWriter::create(m_dir.path(), u"job-1"_s, &error));
}

void TestJournal::writerReportsWrittenRecordsInOrder()
{
    std::unique_ptr<JournalWriter> writer = JournalWriter::createLater(m_dir.path(), u"later"_s);
    QVERIFY(writer);
    // appended() comes from the writer thread: queued to this one through a receiver here.
    QList<QJsonObject> appended;
    QObject receiver;
    connect(writer.get(), &JournalWriter::appended, &receiver,
            [&appended](const QJsonObject &record) { appended.append(record); });
    QList<int> written;
    QList<int> onDisk; // records in the file when each one's `written` ran
    QObject context;
    for (int i = 0; i < 50; ++i) {
        QVERIFY(writer->append(stepRecord(u"probe"_s, u"s%1"_s.arg(i)), &context, [&, i](bool ok) {
            written.append(ok ? i : -1);
            onDisk.append(int(JournalReader::read(writer->path()).records.size()));
        }));
    }
    // Not reported for a context that is gone by then.
    auto gone = std::make_unique<QObject>();
    bool goneCalled = false;
    QVERIFY(writer->append(stepRecord(u"probe"_s, u"gone"_s), gone.get(), [&goneCalled](bool) { goneCalled = true; }));
    gone.reset();
    QTRY_COMPARE(appended.size(), 51);
    QCOMPARE(written.size(), 50);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(written.at(i), i);
        QVERIFY(onDisk.at(i) > i); // its own record (and all before it) already in the file
        QCOMPARE(appended.at(i).value(u"seq"_s).toInt(), i + 1);
    }
    QVERIFY(!goneCalled);
    QVERIFY(JobHistory::isHeld(writer->path()));
    const QString path = writer->path();
    writer.reset();
    QVERIFY(!JobHistory::isHeld(path));
    QCOMPARE(JournalReader::read(path).records.size(), 51);
}

void TestJournal::writerThatCannotCreateFailsOnce()
{
    QFile blocker(QDir(m_dir.path()).filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    std::unique_ptr<JournalWriter> writer = JournalWriter::createLater(blocker.fileName() + u"/sub"_s, u"x"_s);
    QSignalSpy failed(writer.get(), &JournalWriter::failed);
    int appended = 0;
    connect(writer.get(), &JournalWriter::appended, this, [&appended] { ++appended; });
    QList<bool> written;
    QVERIFY(writer->append(jobStart(u"x"_s), writer.get(), [&written](bool ok) { written.append(ok); }));
    QVERIFY(writer->append(stepRecord(u"intent"_s, u"s1"_s), writer.get(), [&](bool ok) {
        // failed() comes first: whoever gets `false` can already say why.
        written.append(ok || writer->errorString().isEmpty());
    }));
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(written, (QList<bool>{false, false}));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(appended, 0);
    QVERIFY2(writer->errorString().contains(u"cannot create the journal folder"_s), qPrintable(writer->errorString()));
    QVERIFY(!writer->append(stepRecord(u"change"_s, u"s1"_s)));
}

void TestJournal::readerToleratesACutLastLine()
{
    const QString path = writeJournal(m_dir.path(), u"cut"_s, {stepRecord(u"intent"_s, u"s1"_s)});
    QFile file(path);
    const qint64 complete = file.size();
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"rec":"change","target":"a","st)");
    file.close();

    const Ops::JournalContents contents = JournalReader::read(path);
    QVERIFY(contents.ok());
    QCOMPARE(contents.records.size(), 2);
    QCOMPARE(contents.validSize, complete);
    QVERIFY2(contents.note.contains(u"the last line (3)"_s) && contents.note.contains(u"cut short"_s),
             qPrintable(contents.note));
}

void TestJournal::readerRefusesDamage()
{
    const QString path = writeJournal(m_dir.path(), u"damaged"_s, {stepRecord(u"intent"_s, u"s1"_s)});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    bytes.insert(bytes.indexOf('\n') + 1, "garbage\n");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();

    const Ops::JournalContents contents = JournalReader::read(path);
    QVERIFY(!contents.ok());
    QVERIFY2(contents.error.contains(u"is damaged: line 2 is not a JSON record"_s), qPrintable(contents.error));
    QString error;
    QVERIFY(!Ops::JournalReplay::replay(contents, &error));
    QCOMPARE(error, contents.error);
}

void TestJournal::reopenRepairsAndContinues()
{
    const QString path = writeJournal(m_dir.path(), u"reopen"_s, {stepRecord(u"intent"_s, u"s1"_s)});
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"rec":"chan)");
    file.close();

    const Ops::JournalContents before = JournalReader::read(path);
    QString error;
    std::unique_ptr<JournalWriter> writer = JournalWriter::reopen(path, before.validSize, before.lastSeq, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->append({{u"rec"_s, u"resume"_s}}));
    writer.reset();

    const Ops::JournalContents after = JournalReader::read(path);
    QVERIFY2(after.ok() && after.note.isEmpty(), qPrintable(after.error + after.note));
    QCOMPARE(after.records.size(), 3);
    QCOMPARE(after.records.last().value(u"rec"_s).toString(), u"resume"_s);
    QCOMPARE(after.records.last().value(u"seq"_s).toInt(), 3);

    // A last record whose newline is missing is kept, and the next one starts on its own line.
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 1));
    file.close();
    const Ops::JournalContents noNewline = JournalReader::read(path);
    QCOMPARE(noNewline.records.size(), 3);
    writer = JournalWriter::reopen(path, noNewline.validSize, noNewline.lastSeq, &error);
    QVERIFY(writer);
    QVERIFY(writer->append({{u"rec"_s, u"note"_s}, {u"text"_s, u"x"_s}}));
    writer.reset();
    QCOMPARE(JournalReader::read(path).records.size(), 4);
}

void TestJournal::readEndsFindsTheLastRecordOfLongJournals()
{
    QList<QJsonObject> records;
    const QString padding(400, u'x');
    for (int i = 0; i < 1000; ++i)
        records.append(stepRecord(u"probe"_s, u"s1"_s, {{u"padding"_s, padding}}));
    records.append({{u"rec"_s, u"job-end"_s}, {u"status"_s, u"succeeded"_s}});
    const QString path = writeJournal(m_dir.path(), u"long"_s, records);
    QFile file(path);
    QVERIFY(file.size() > qint64(256) * 1024);
    const Ops::JournalContents ends = JournalReader::readEnds(path);
    QVERIFY(ends.ok());
    QCOMPARE(ends.records.size(), 2);
    QCOMPARE(ends.records.first().value(u"rec"_s).toString(), u"job-start"_s);
    QCOMPARE(ends.records.last().value(u"rec"_s).toString(), u"job-end"_s);
    QCOMPARE(ends.lastSeq, 1002);
}

void TestJournal::replayRebuildsTheState()
{
    const QString path = writeJournal(
        m_dir.path(), u"replay"_s,
        {{{u"rec"_s, u"target-start"_s}, {u"target"_s, u"a"_s}, {u"phase"_s, u"apply"_s}},
         stepRecord(u"probe"_s, u"s1"_s,
                    {{u"phase"_s, u"apply"_s},
                     {u"probe"_s, QJsonObject{{u"action"_s, u"create"_s}, {u"summary"_s, u"create x"_s}}}}),
         stepRecord(u"intent"_s, u"s1"_s, {{u"attempt"_s, 1}, {u"action"_s, u"create"_s}}),
         stepRecord(
             u"change"_s, u"s1"_s,
             {{u"change"_s,
               QJsonObject{{u"summary"_s, u"created x"_s},
                           {u"created"_s, QJsonArray{QJsonObject{{u"kind"_s, u"record"_s}, {u"id"_s, u"rec-1"_s}}}},
                           {u"outputs"_s, QJsonObject{{u"id"_s, u"rec-1"_s}}}}}}),
         stepRecord(u"step-end"_s, u"s1"_s,
                    {{u"status"_s, u"created"_s}, {u"outputs"_s, QJsonObject{{u"id"_s, u"rec-1"_s}}}}),
         stepRecord(u"intent"_s, u"s2"_s, {{u"attempt"_s, 1}, {u"action"_s, u"create"_s}})});
    QString error;
    const std::optional<Ops::JobState> state = Ops::JournalReplay::replay(JournalReader::read(path), &error);
    QVERIFY2(state, qPrintable(error));
    QCOMPARE(state->jobId, u"replay"_s);
    QCOMPARE(state->plan.name, u"plan of replay"_s);
    QCOMPARE(state->status, JobStatus::Interrupted);
    QCOMPARE(state->targets.at(0).status, Ops::TargetStatus::Running);
    QCOMPARE(state->targets.at(0).steps.at(0).status, Ops::StepStatus::Created);
    QCOMPARE(state->targets.at(0).steps.at(0).change.created.first().id, u"rec-1"_s);
    QCOMPARE(state->targets.at(0).steps.at(0).outputs.value(u"id"_s).toString(), u"rec-1"_s);
    QCOMPARE(state->targets.at(0).steps.at(1).status, Ops::StepStatus::Applying); // in flight at the end

    QVERIFY(!Ops::JournalReplay::startState({{u"rec"_s, u"job-start"_s}, {u"format"_s, u"other"_s}}, &error));
    QVERIFY2(error.contains(u"not a Tenantry job journal"_s), qPrintable(error));
    QJsonObject future = jobStart(u"x"_s);
    future.insert(u"version"_s, 9);
    QVERIFY(!Ops::JournalReplay::startState(future, &error));
    QVERIFY2(error.contains(u"journal format version 9 is not known"_s), qPrintable(error));
}

void TestJournal::historyListsAndFindsResumableJobs()
{
    QTemporaryDir dir;
    const QJsonObject end{{u"rec"_s, u"job-end"_s},
                          {u"status"_s, u"succeeded"_s},
                          {u"counts"_s, QJsonObject{{u"succeeded"_s, 1}, {u"targets"_s, 1}}}};
    writeJournal(dir.path(), u"20250101-000000-aaaa"_s, {end});
    QTest::qWait(5); // distinct start times
    writeJournal(dir.path(), u"20250102-000000-bbbb"_s, {stepRecord(u"intent"_s, u"s1"_s)});
    QTest::qWait(5);
    writeJournal(dir.path(), u"20250103-000000-cccc"_s, {stepRecord(u"probe"_s, u"s1"_s)}, u"dry-run"_s);
    QTest::qWait(5);
    QString error;
    std::unique_ptr<JournalWriter> live = JournalWriter::create(dir.path(), u"20250104-000000-dddd"_s, &error);
    QVERIFY(live);
    live->append(jobStart(u"20250104-000000-dddd"_s));
    QFile junk(dir.filePath(u"junk.jsonl"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not json\n");
    junk.close();

    JobHistory history(dir.path());
    const QList<JobHistory::Entry> entries = history.entries();
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries.at(0).jobId, u"20250104-000000-dddd"_s);
    QCOMPARE(entries.at(0).status, JobStatus::Running);
    QVERIFY(!entries.at(0).isResumable());
    QCOMPARE(entries.at(1).jobId, u"20250103-000000-cccc"_s);
    QVERIFY(entries.at(1).dryRun);
    QVERIFY(!entries.at(1).isResumable());
    QCOMPARE(entries.at(2).jobId, u"20250102-000000-bbbb"_s);
    QCOMPARE(entries.at(2).status, JobStatus::Interrupted);
    QVERIFY(entries.at(2).isResumable());
    QCOMPARE(entries.at(2).planName, u"plan of 20250102-000000-bbbb"_s);
    QCOMPARE(entries.at(2).targets, 1);
    QCOMPARE(entries.at(3).status, JobStatus::Succeeded);
    QCOMPARE(entries.at(3).counts.value(u"succeeded"_s).toInt(), 1);
    QVERIFY(!entries.at(4).readable);

    QCOMPARE(history.resumable().size(), 1);
    QCOMPARE(history.lastResumable()->jobId, u"20250102-000000-bbbb"_s);
    QVERIFY(!history.entry(u"nope"_s));
    QVERIFY(!history.remove(u"20250104-000000-dddd"_s, &error));
    QVERIFY2(error.contains(u"is running"_s), qPrintable(error));
    QVERIFY2(history.remove(u"20250101-000000-aaaa"_s, &error), qPrintable(error));
    QCOMPARE(history.entries().size(), 4);
    QVERIFY(JobHistory::defaultDirectory().endsWith(u"/Tenantry/journals"_s));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
