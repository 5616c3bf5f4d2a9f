#include "ctlrunner.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

// tenantryctl plan / apply without a cloud: what they refuse, and how they say it. Runs against the
// sandbox are in tests/integration.
class TestCtlPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listedInTheHelp();
    void refusesBadPlansNamingThePath_data();
    void refusesBadPlansNamingThePath();
    void usageErrors_data();
    void usageErrors();
    void nothingToResume();

private:
    QString writePlan(const QByteArray &json);

    CtlRunner m_ctl;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCtlPlan::initTestCase()
{
    QVERIFY(m_ctl.isValid());
    QVERIFY(m_dir.isValid());
}

QString TestCtlPlan::writePlan(const QByteArray &json)
{
    QString path = m_dir.filePath(u"plan%1.json"_s.arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

void TestCtlPlan::listedInTheHelp()
{
    const CtlRunner::Result help = m_ctl.run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("  plan FILE "), help.out.constData());
    QVERIFY2(help.out.contains("  apply FILE [--resume JOBID|--resume-last] "), help.out.constData());
    const CtlRunner::Result apply = m_ctl.run({u"apply"_s, u"--help"_s});
    QCOMPARE(apply.exitCode, 0);
    QVERIFY2(apply.out.contains("Usage: tenantryctl apply [options] FILE"), apply.out.constData());
    QVERIFY(apply.out.contains("--resume-last"));
    QVERIFY2(apply.out.contains("--yes") && apply.out.contains("\"delete\" steps"), apply.out.constData());
    QVERIFY(apply.out.contains("--concurrency <N>"));
}

void TestCtlPlan::refusesBadPlansNamingThePath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("secret") << QByteArray(R"({"format": "tenantry-plan", "version": 1, "targets": [{"id": "a",
        "hostname": "a.eu.qlikcloud.com", "steps": [{"id": "idp", "type": "group", "params": {"name": "x", "password": "hunter2"}}]}]})")
                            << QByteArray(R"($.targets[0].steps[0].params.password: looks like a secret)");
    QTest::newRow("space name") << QByteArray(R"({"format": "tenantry-plan", "version": 1, "targets": [{"id": "a",
        "hostname": "a.eu.qlikcloud.com", "steps": [{"id": "s", "type": "space", "params": {"name": "a/b", "type": "shared"}}]}]})")
                                << QByteArray(R"($.targets[0].steps[0].params.name: "a/b" is not valid here)");
    QTest::newRow("role for the space type")
        << QByteArray(R"({"format": "tenantry-plan", "version": 1, "targets": [{"id": "a",
        "hostname": "a.eu.qlikcloud.com", "steps": [{"id": "s", "type": "space", "params": {"name": "P", "type": "managed",
        "assignments": [{"type": "group", "assignee": "g", "roles": ["codeveloper"]}]}}]}]})")
        << QByteArray(R"("codeveloper" is not a role of managed spaces)");
    QTest::newRow("unknown step type")
        << QByteArray(R"({"format": "tenantry-plan", "version": 1, "targets": [{"id": "a",
        "hostname": "a.eu.qlikcloud.com", "steps": [{"id": "s", "type": "test.record"}]}]})")
        << QByteArray(
               R"(unknown step type "test.record"; known types are "automation", "brand", "csp-origin", "delete", "embed-check", "extension", "extensions-by-tag", "group", "group-settings", "jwt-idp", "key-provider", "licenses", "oidc-idp", "owner", "publish-app", "recovery-admin", "space", "tenant", "theme", "themes-by-tag", "web-integration")");
    QTest::newRow("not json") << QByteArray("{") << QByteArray("not valid JSON");
}

void TestCtlPlan::refusesBadPlansNamingThePath()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, message);
    const QString file = writePlan(json);
    for (const QString &command : {u"plan"_s, u"apply"_s}) {
        const CtlRunner::Result result = m_ctl.run({command, file});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QByteArray(file.toUtf8() + ": ")), result.err.constData());
        QVERIFY2(result.err.contains(message), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }
    QVERIFY(m_ctl.filesContaining("hunter2").isEmpty()); // not even in the log
}

void TestCtlPlan::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("plan without file") << QStringList{u"plan"_s} << QByteArray("plan takes one plan file");
    QTest::newRow("apply without file") << QStringList{u"apply"_s} << QByteArray("apply takes one plan file");
    QTest::newRow("two files") << QStringList{u"apply"_s, u"a.json"_s, u"b.json"_s}
                               << QByteArray("apply takes one plan file");
    QTest::newRow("both resumes") << QStringList{u"apply"_s, u"--resume"_s, u"x"_s, u"--resume-last"_s}
                                  << QByteArray("--resume and --resume-last exclude each other");
    QTest::newRow("bad concurrency") << QStringList{u"plan"_s, u"x.json"_s, u"--concurrency"_s, u"0"_s}
                                     << QByteArray("--concurrency takes a number from 1 to 256");
}

void TestCtlPlan::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const CtlRunner::Result result = m_ctl.run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), result.err.constData());
}

void TestCtlPlan::nothingToResume()
{
    CtlRunner::Result result = m_ctl.run({u"apply"_s, u"--resume-last"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no interrupted job to resume"), result.err.constData());
    result = m_ctl.run({u"apply"_s, u"--resume"_s, u"20250101-000000-00000000"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no job 20250101-000000-00000000 in "), result.err.constData());
    QVERIFY2(result.err.contains("/Tenantry/journals"), result.err.constData());
    result = m_ctl.run({u"plan"_s, m_dir.filePath(u"missing.json"_s)});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("cannot read plan file"), result.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlPlan)
#include "tst_ctlplan.moc"
