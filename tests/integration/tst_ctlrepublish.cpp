// tenantryctl republish against the sandbox, as a script would run it (issue 7): the dry run's
// actions per tenant and app, the rollout, the rerun that finds everything up to date, the
// selection by region (source and deactivated tenants left out) and the exit codes.
#include "app/ctlrunner.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestCtlRepublish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void dryRunThenRolloutThenUpToDate();
    void regionSelectsActiveTenantsButTheSource();
    void journalKeepsCopiesTraceableAfterStagingIsDeleted();
    void usageErrors();

private:
    CtlRunner::Result ctl(const QStringList &arguments);
    [[nodiscard]] QMap<QString, QString> actions(const QJsonObject &summary); // "host app" -> action
    [[nodiscard]] int publishedCopies(const QString &host, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
    QString m_source;
};

void TestCtlRepublish::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCtlRepublish::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
    m_source = m_sandbox->hostOf(u"acme-source"_s);
}

CtlRunner::Result TestCtlRepublish::ctl(const QStringList &arguments)
{
    return m_ctl->run(QStringList{u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port())} + arguments, {},
                      120000);
}

QMap<QString, QString> TestCtlRepublish::actions(const QJsonObject &summary)
{
    QMap<QString, QString> map;
    for (const QJsonValue row : summary.value(u"results"_s).toArray())
        map.insert(row[u"tenant"_s].toString() + u' ' + row[u"app"_s].toString(), row[u"action"_s].toString());
    return map;
}

int TestCtlRepublish::publishedCopies(const QString &host, const QString &name)
{
    const QJsonObject tenant = m_sandbox->tenantState(host);
    QString spaceId;
    for (const QJsonValue space : tenant.value(u"spaces"_s).toArray()) {
        if (space[u"name"_s].toString() == u"Customer Apps"_s)
            spaceId = space[u"id"_s].toString();
    }
    int count = 0;
    for (const QJsonValue app : tenant.value(u"apps"_s).toArray()) {
        if (!spaceId.isEmpty() && app[u"spaceId"_s].toString() == spaceId && app[u"name"_s].toString() == name)
            ++count;
    }
    return count;
}

void TestCtlRepublish::dryRunThenRolloutThenUpToDate()
{
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    const QStringList rollout{u"--json"_s,
                              u"republish"_s,
                              u"--app"_s,
                              u"Sales Dashboard"_s,
                              u"--app"_s,
                              u"Executive KPIs"_s,
                              u"--from"_s,
                              m_source,
                              u"--space"_s,
                              u"Customer Apps"_s,
                              u"--staging-space"_s,
                              u"Tenantry Staging"_s,
                              u"--create-space"_s,
                              u"--tenants"_s,
                              northwind + u',' + stark};

    const CtlRunner::Result dry = ctl(rollout + QStringList{u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QMap<QString, QString> planned = actions(dry.json());
    QCOMPARE(planned.size(), 4);
    for (const QString &action : std::as_const(planned))
        QCOMPARE(action, u"publish"_s);
    QCOMPARE(publishedCopies(northwind, u"Sales Dashboard"_s), 0);

    // Staged: northwind alone first; stark follows since nothing of that wave failed.
    const CtlRunner::Result run
        = ctl(rollout + QStringList{u"--first-wave"_s, u"1"_s, u"--max-wave-failures"_s, u"0"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QMap<QString, QString> done = actions(run.json());
    for (const QString &action : done)
        QCOMPARE(action, u"published"_s);
    for (const QJsonValue row : run.json().value(u"results"_s).toArray()) {
        QVERIFY(!row[u"appId"_s].toString().isEmpty());
        QVERIFY(row[u"durationMs"_s].toInteger() >= 0);
    }
    for (const QString &host : {northwind, stark}) {
        QCOMPARE(publishedCopies(host, u"Sales Dashboard"_s), 1);
        QCOMPARE(publishedCopies(host, u"Executive KPIs"_s), 1);
    }

    const CtlRunner::Result again = ctl(rollout);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    for (const QString &action : actions(again.json()))
        QCOMPARE(action, u"up-to-date"_s);
    QCOMPARE(publishedCopies(northwind, u"Sales Dashboard"_s), 1);
}

void TestCtlRepublish::regionSelectsActiveTenantsButTheSource()
{
    // eu: acme-source (the source), northwind, globex, stark, umbrella (deactivated).
    const CtlRunner::Result dry
        = ctl({u"--json"_s, u"republish"_s, u"--app"_s, u"Inventory Overview"_s, u"--from"_s, m_source, u"--space"_s,
               u"Customer Apps"_s, u"--create-space"_s, u"--region"_s, u"eu"_s, u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QStringList tenants;
    for (const QJsonValue row : dry.json().value(u"results"_s).toArray())
        tenants.append(row[u"tenant"_s].toString());
    tenants.sort();
    QStringList expected{m_sandbox->hostOf(u"northwind"_s), m_sandbox->hostOf(u"globex"_s),
                         m_sandbox->hostOf(u"stark"_s)};
    expected.sort();
    QCOMPARE(tenants, expected);

    // The seeded Production spaces are the partner admin's: blocked, and the run says so (exit 1).
    const CtlRunner::Result blocked
        = ctl({u"republish"_s, u"--app"_s, u"Inventory Overview"_s, u"--from"_s, m_source, u"--space"_s,
               u"Production"_s, u"--tenants"_s, m_sandbox->hostOf(u"northwind"_s)});
    QCOMPARE(blocked.exitCode, 1);
    QVERIFY2(blocked.out.contains("blocked"), blocked.out.constData());
    QVERIFY2(blocked.out.contains("not a publisher"), blocked.out.constData());
}

void TestCtlRepublish::journalKeepsCopiesTraceableAfterStagingIsDeleted()
{
    // --cleanup delete leaves no staged copy behind: only the journal knows where the copy came from.
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    const QStringList rollout{u"--json"_s,
                              u"republish"_s,
                              u"--app"_s,
                              u"Inventory Overview"_s,
                              u"--from"_s,
                              m_source,
                              u"--space"_s,
                              u"Customer Apps"_s,
                              u"--staging-space"_s,
                              u"Tenantry Staging"_s,
                              u"--create-space"_s,
                              u"--cleanup"_s,
                              u"delete"_s,
                              u"--tenants"_s,
                              stark};
    const CtlRunner::Result first = ctl(rollout);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(actions(first.json()).first(), u"published"_s);

    // The source changes; the next rollout republishes over the same copy, without --match-name.
    QString sourceAppId;
    for (const QJsonValue app : m_sandbox->tenantState(u"acme-source"_s).value(u"apps"_s).toArray()) {
        if (app[u"name"_s].toString() == u"Inventory Overview"_s)
            sourceAppId = app[u"id"_s].toString();
    }
    QTest::qWait(20);
    QCOMPARE(m_sandbox->http()
                 .put(m_source, u"/api/v1/apps/"_s + sourceAppId,
                      QJsonObject{{u"attributes"_s, QJsonObject{{u"description"_s, u"Restocked."_s}}}},
                      m_sandbox->regionToken(m_source))
                 .status,
             200);
    const CtlRunner::Result second = ctl(rollout);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(actions(second.json()).first(), u"republished"_s);
    QCOMPARE(publishedCopies(stark, u"Inventory Overview"_s), 1);
}

void TestCtlRepublish::usageErrors()
{
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s}).exitCode, 2);
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s,
                  u"--region"_s, u"eu"_s})
                 .exitCode,
             2);
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, u"not a host"_s, u"--space"_s, u"P"_s, u"--all"_s})
                 .exitCode,
             2);
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s,
                  u"--first-wave"_s, u"some"_s})
                 .exitCode,
             2);
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s,
                  u"--first-wave"_s, u"2"_s, u"--max-wave-failures"_s, u"101"_s})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestCtlRepublish)
#include "tst_ctlrepublish.moc"
