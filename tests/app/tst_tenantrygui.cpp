#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

// The GUI executable as users start it (offscreen): its options, its log, and a clean exit on SIGTERM.
class TestTenantryGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsVerbose();
    void langChoosesTheLanguage();
    void logsDebugMessagesOnlyWhenVerbose_data();
    void logsDebugMessagesOnlyWhenVerbose();
};

void TestTenantryGui::helpListsVerbose()
{
    QProcess process;
    process.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry"), {u"--help"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY2(help.contains("--verbose"), help.constData());
}

void TestTenantryGui::langChoosesTheLanguage()
{
    // --lang overrides the preference and the system's languages, --help included.
    QProcess german;
    german.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry"), {u"--lang"_s, u"de"_s, u"--help"_s});
    QVERIFY(german.waitForFinished(30000));
    QCOMPARE(german.exitCode(), 0);
    const QString help = QString::fromUtf8(german.readAllStandardOutput());
    QVERIFY2(help.contains(u"Eine lokale Sandbox von Qlik Cloud"_s), qPrintable(help));
    QVERIFY2(help.contains(u"--lang <LANGUAGE>"_s), qPrintable(help));

    QProcess unknown;
    unknown.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry"), {u"--lang=xx"_s});
    QVERIFY(unknown.waitForFinished(30000));
    QCOMPARE(unknown.exitCode(), 2);
    const QByteArray error = unknown.readAllStandardError();
    QVERIFY2(error.contains("--lang xx is not a language of Tenantry: use en or one of de"), error.constData());
}

void TestTenantryGui::logsDebugMessagesOnlyWhenVerbose_data()
{
    QTest::addColumn<bool>("verbose");
    QTest::newRow("default") << false;
    QTest::newRow("--verbose") << true;
}

void TestTenantryGui::logsDebugMessagesOnlyWhenVerbose()
{
    QFETCH(bool, verbose);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const QString &name : {u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s, u"QT_LOGGING_RULES"_s})
        environment.remove(name);
    const QString log = home.filePath(u".local/share/Tenantry/Tenantry/logs/tenantry.log"_s);
    const auto logText = [&log] {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };

    QProcess gui;
    gui.setProcessEnvironment(environment);
    gui.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry"), verbose ? QStringList{u"--verbose"_s} : QStringList());
    QVERIFY(gui.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(logText().contains("Main window shown") || gui.state() == QProcess::NotRunning, 30000);
    QCOMPARE(::kill(static_cast<pid_t>(gui.processId()), SIGTERM), 0);
    QVERIFY(gui.waitForFinished(30000));
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 0);

    const QByteArray written = logText();
    QVERIFY2(written.contains(" info tenantry.app: Main window shown"), written.constData());
    // A new home has no credential profile: the first-run dialog is offered.
    QVERIFY2(written.contains(" info tenantry.app: First run: no credential profiles"), written.constData());
    QCOMPARE(written.contains(" debug tenantry.app: Log file: "), verbose);
    // stderr carries the same records (Qt's default format), redacted alike.
    QCOMPARE(gui.readAllStandardError().contains("tenantry.app: Log file: "), verbose);
}

QTEST_GUILESS_MAIN(TestTenantryGui)
#include "tst_tenantrygui.moc"
