#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTenantryCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpExitsZero();
    void unknownOptionIsAUsageError();
    void versionPrintsTheVersion();
    void verboseIsAnOption();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QStringList &arguments);
};

TestTenantryCtl::Result TestTenantryCtl::run(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl"));
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestTenantryCtl::helpExitsZero()
{
    const Result result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    // A man page: its sections in order, every command listed, no line wider than 80 columns.
    qsizetype at = 0;
    for (const char *section : {"NAME\n", "SYNOPSIS\n", "DESCRIPTION\n", "GLOBAL OPTIONS\n", "COMMANDS\n",
                                "EXIT STATUS\n", "FILES\n", "EXAMPLES\n", "SEE ALSO\n"}) {
        const qsizetype found = result.out.indexOf(section, at);
        QVERIFY2(found >= at, section);
        at = found;
    }
    QVERIFY(result.out.contains("--version"));
    for (const char *command :
         {"credentials import-qlik-cli", "apply FILE", "republish --app", "--app-file", "--first-wave-tag",
          "--wave-size", "ownership audit", "ownership reassign", "users list --tenant HOST"})
        QVERIFY2(result.out.contains(command), command);
    for (const QByteArray &line : result.out.split('\n'))
        QVERIFY2(line.size() <= 80, line.constData());
}

void TestTenantryCtl::unknownOptionIsAUsageError()
{
    const Result result = run({u"--no-such-option"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("Unknown option 'no-such-option'"), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

void TestTenantryCtl::versionPrintsTheVersion()
{
    const Result result = run({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(TENANTRY_VERSION), result.out.constData());
}

void TestTenantryCtl::verboseIsAnOption()
{
    const Result result = run({u"--verbose"_s, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains("--verbose"), result.out.constData());
    QVERIFY(result.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestTenantryCtl)
#include "tst_tenantryctl.moc"
