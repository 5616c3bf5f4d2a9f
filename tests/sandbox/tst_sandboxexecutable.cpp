#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

// The tenantry-sandbox executable as other tools use it (issue 3, "Interface").
class TestSandboxExecutable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsItsAddressFirstAndServes();
    void badOptionsExit2_data();
    void badOptionsExit2();
    void stopsCleanlyOnSignals_data();
    void stopsCleanlyOnSignals();
    void debugMessagesOnlyWhenVerbose_data();
    void debugMessagesOnlyWhenVerbose();

private:
    static QString binary() { return QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"); }
    // Starts the sandbox and returns its port (0 on failure), reading the first stdout line.
    static quint16 start(QProcess &process, const QStringList &arguments);
};

quint16 TestSandboxExecutable::start(QProcess &process, const QStringList &arguments)
{
    process.start(binary(), arguments);
    if (!process.waitForStarted(10000))
        return 0;
    QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
    for (int i = 0; i < 100 && !process.canReadLine(); ++i)
        output.wait(100);
    const QByteArray line = process.readLine();
    static const QRegularExpression pattern(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\n$"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(line));
    if (!match.hasMatch()) {
        qWarning("unexpected first line: %s", line.constData());
        return 0;
    }
    return static_cast<quint16>(match.captured(1).toUInt());
}

void TestSandboxExecutable::printsItsAddressFirstAndServes()
{
    QProcess process;
    const quint16 port = start(process,
                               {u"--seed"_s, u"estate:3:1"_s, u"--latency-ms"_s, u"5"_s, u"--jitter-ms"_s, u"5"_s,
                                u"--token-ttl"_s, u"120"_s, u"--time-scale"_s, u"10"_s});
    QVERIFY(port > 0);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/__sandbox/settings"_s.arg(port)));
    request.setRawHeader("Host", "console.qlikcloud.com");
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    const QJsonObject settings = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(settings.value(u"tokenTtlSeconds"_s).toInt(), 120);
    QCOMPARE(settings.value(u"timeScale"_s).toDouble(), 10.0);
    QCOMPARE(settings.value(u"latencyMs"_s).toInt(), 5);
    reply->deleteLater();
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxExecutable::badOptionsExit2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s};
    QTest::newRow("port too large") << QStringList{u"--port"_s, u"70000"_s};
    QTest::newRow("unknown seed") << QStringList{u"--seed"_s, u"galaxy"_s};
    QTest::newRow("estate of zero") << QStringList{u"--seed"_s, u"estate:0"_s};
    QTest::newRow("estate with too many regions") << QStringList{u"--seed"_s, u"estate:5:99"_s};
    QTest::newRow("negative latency") << QStringList{u"--latency-ms"_s, u"-5"_s};
    QTest::newRow("jitter not a number") << QStringList{u"--jitter-ms"_s, u"lots"_s};
    QTest::newRow("zero token ttl") << QStringList{u"--token-ttl"_s, u"0"_s};
    QTest::newRow("zero time scale") << QStringList{u"--time-scale"_s, u"0"_s};
    QTest::newRow("unknown option") << QStringList{u"--turbo"_s};
    QTest::newRow("positional argument") << QStringList{u"demo"_s};
}

void TestSandboxExecutable::badOptionsExit2()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(binary(), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(!process.readAllStandardError().isEmpty());
}

void TestSandboxExecutable::stopsCleanlyOnSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxExecutable::stopsCleanlyOnSignals()
{
    QFETCH(int, signal);
    QProcess process;
    QVERIFY(start(process, {u"--seed"_s, u"empty"_s}) > 0);
    QCOMPARE(::kill(static_cast<pid_t>(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxExecutable::debugMessagesOnlyWhenVerbose_data()
{
    QTest::addColumn<bool>("verbose");
    QTest::newRow("default") << false;
    QTest::newRow("--verbose") << true;
}

void TestSandboxExecutable::debugMessagesOnlyWhenVerbose()
{
    QFETCH(bool, verbose);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s); // it would override what --verbose sets
    process.setProcessEnvironment(environment);
    QStringList arguments{u"--seed"_s, u"empty"_s};
    if (verbose)
        arguments << u"--verbose"_s;
    QVERIFY(start(process, arguments) > 0);
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(err.contains("tenantry.sandbox.app: seed empty, latency 0 ms"), verbose);
}

QTEST_GUILESS_MAIN(TestSandboxExecutable)
#include "tst_sandboxexecutable.moc"
