#include "logging/applicationlog.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using Logging::ApplicationLog;

Q_LOGGING_CATEGORY(lcLogTest, "tenantry.logtest")

namespace {

// Stands in for stderr: what the handler passes on to the one it replaced.
QMutex capturedMutex;
QStringList captured;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured << message;
}

} // namespace

// Runs with QT_LOGGING_RULES unset (tests/unit/CMakeLists.txt), so --verbose's rules are what counts.
class TestApplicationLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesRedactedLinesToFileAndStderr();
    void debugOnlyWhenVerbose();
    void warningLevelDropsInfo();
    void logsFromEveryThread();
    void multilineMessagesStayOneRecord();
    void unwritableFolderStillReachesStderr();

private:
    [[nodiscard]] QString logText() const;
    QTemporaryDir m_dir;
};

void TestApplicationLog::init()
{
    QVERIFY(m_dir.isValid());
    qInstallMessageHandler(captureMessage);
    const QMutexLocker lock(&capturedMutex);
    captured.clear();
}

void TestApplicationLog::cleanup()
{
    ApplicationLog::uninstall();
    qInstallMessageHandler(nullptr);
    QFile::remove(m_dir.path() + u"/test.log"_s);
}

QString TestApplicationLog::logText() const
{
    QFile file(m_dir.path() + u"/test.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestApplicationLog::writesRedactedLinesToFileAndStderr()
{
    QCOMPARE(ApplicationLog::install({m_dir.path(), u"test"_s}), QString());
    QCOMPARE(ApplicationLog::currentFilePath(), m_dir.path() + u"/test.log"_s);

    qCWarning(lcLogTest) << "token request failed; body"
                         << R"({"access_token":"s3cr3t-token-value"})";
    qInfo("Authorization: Bearer abcdefghijklmnopqrstuvwxyz");

    const QString text = logText();
    QVERIFY2(!text.contains(u"s3cr3t"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"abcdefghijklmnop"_s), qPrintable(text));
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    static const QRegularExpression record(
        uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[\d+\] (warning|info) (tenantry\.logtest: )?)"_s);
    QVERIFY2(record.match(lines[0]).hasMatch(), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u" warning tenantry.logtest: token request failed"_s), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u"<redacted>"_s), qPrintable(lines[0]));
    QVERIFY2(lines[1].endsWith(u" info Authorization: <redacted>"_s), qPrintable(lines[1]));

    const QMutexLocker lock(&capturedMutex);
    QCOMPARE(captured.size(), 2);
    QVERIFY(!captured.join(u'\n').contains(u"s3cr3t"_s));
    QCOMPARE(captured[1], u"Authorization: <redacted>"_s);
}

void TestApplicationLog::debugOnlyWhenVerbose()
{
    QCOMPARE(ApplicationLog::install({m_dir.path(), u"test"_s}), QString());
    QVERIFY(!lcLogTest().isDebugEnabled());
    qCDebug(lcLogTest) << "quiet detail";
    qCInfo(lcLogTest) << "always";
    ApplicationLog::uninstall();

    ApplicationLog::Options verbose{m_dir.path(), u"test"_s};
    verbose.verbose = true;
    QCOMPARE(ApplicationLog::install(verbose), QString());
    QVERIFY(lcLogTest().isDebugEnabled());
    QVERIFY(!QLoggingCategory("qt.network.ssl").isDebugEnabled());
    qCDebug(lcLogTest) << "verbose detail";

    const QString text = logText();
    QVERIFY(!text.contains(u"quiet detail"_s));
    QVERIFY(text.contains(u"always"_s));
    QVERIFY(text.contains(u" debug tenantry.logtest: verbose detail"_s));
    QCOMPARE(ApplicationLog::filterRules(false), u"*.debug=false"_s);
}

void TestApplicationLog::warningLevelDropsInfo()
{
    // The preferences' log level: warnings and worse only, and back to info at once.
    ApplicationLog::Options options{m_dir.path(), u"test"_s};
    options.level = ApplicationLog::Level::Warning;
    QCOMPARE(ApplicationLog::install(options), QString());
    QVERIFY(!lcLogTest().isInfoEnabled());
    QVERIFY(lcLogTest().isWarningEnabled());
    qCInfo(lcLogTest) << "routine";
    qCWarning(lcLogTest) << "attention";
    ApplicationLog::setLevel(ApplicationLog::Level::Info);
    QVERIFY(lcLogTest().isInfoEnabled());
    qCInfo(lcLogTest) << "informative";
    ApplicationLog::uninstall();

    const QString text = logText();
    QVERIFY(!text.contains(u"routine"_s));
    QVERIFY(text.contains(u" warning tenantry.logtest: attention"_s));
    QVERIFY(text.contains(u"informative"_s));
    QCOMPARE(ApplicationLog::filterRules(ApplicationLog::Level::Warning), u"*.debug=false\n*.info=false"_s);
}

void TestApplicationLog::logsFromEveryThread()
{
    QCOMPARE(ApplicationLog::install({m_dir.path(), u"test"_s}), QString());
    constexpr int threads = 4;
    constexpr int perThread = 200;
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers << QThread::create([t] {
            for (int n = 0; n < perThread; ++n)
                qCInfo(lcLogTest, "worker %d message %d client_secret=abc%d", t, n, n);
        });
        workers.last()->start();
    }
    for (QThread *worker : workers) {
        QVERIFY(worker->wait(30000));
        delete worker;
    }
    const QStringList lines = logText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), threads * perThread);
    for (const QString &line : lines)
        QVERIFY2(line.endsWith(u"client_secret=<redacted>"_s), qPrintable(line)); // whole records, never interleaved
}

void TestApplicationLog::multilineMessagesStayOneRecord()
{
    QCOMPARE(ApplicationLog::install({m_dir.path(), u"test"_s}), QString());
    qWarning("first line\nsecond line");
    QVERIFY(logText().endsWith(u" warning first line\n    second line\n"_s));
}

void TestApplicationLog::unwritableFolderStillReachesStderr()
{
    QFile blocker(m_dir.path() + u"/blocker"_s);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString error = ApplicationLog::install({blocker.fileName() + u"/logs"_s, u"test"_s});
    QVERIFY2(error.contains(u"blocker/logs"_s), qPrintable(error));
    QCOMPARE(ApplicationLog::currentFilePath(), QString());
    qWarning("password=hunter2 rejected");
    const QMutexLocker lock(&capturedMutex);
    QCOMPARE(captured, QStringList{u"password=<redacted> rejected"_s});
}

QTEST_GUILESS_MAIN(TestApplicationLog)
#include "tst_applicationlog.moc"
