// resources/plans/onboard-demo.json, as a user would try it: tenantryctl plans and applies it
// against the tenantry-sandbox process (demo seed), the sandbox's state shows every resource once
// as planned, and applying it again changes nothing (issue 6). And the one unsafe moment of a tenant
// create — killed after POST /v1/tenants, before the alias is set — never leads to a second tenant.
#include "ctlrunner.h"
#include "sandboxprocess.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kAlias = u"demo-customer.eu.qlikcloud.com"_s;
const QString kPlan = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/onboard-demo.json");
const QString kDemoBrand = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/demo-brand");
const QString kKeyArn = QStringLiteral("arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b");

QList<QJsonObject> named(const QJsonArray &items, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue item : items) {
        if (item.toObject().value(u"name"_s).toString() == name)
            found.append(item.toObject());
    }
    return found;
}

} // namespace

class TestCtlOnboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesOnceThenChangesNothing();
    void killedBetweenCreateAndAliasCreatesOnce_data();
    void killedBetweenCreateAndAliasCreatesOnce();
};

void TestCtlOnboard::appliesOnceThenChangesNothing()
{
    SandboxProcess sandbox({u"--seed"_s, u"demo"_s, u"--port"_s, u"0"_s});
    QVERIFY2(sandbox.isRunning(), sandbox.errorOutput().constData());
    CtlRunner ctl;
    QVERIFY(ctl.isValid());
    const QStringList base{u"--sandbox-url"_s, sandbox.urlText()};
    const int tenantsBefore = static_cast<int>(sandbox.state().value(u"tenants"_s).toArray().size());

    const CtlRunner::Result plan = ctl.run(base + QStringList{u"plan"_s, kPlan});
    QVERIFY2(plan.exitCode == 0, plan.err.constData());
    QVERIFY2(plan.out.contains("create tenant 'demo-customer.eu.qlikcloud.com'"), plan.out.constData());
    QCOMPARE(sandbox.state().value(u"tenants"_s).toArray().size(), tenantsBefore);

    const CtlRunner::Result apply = ctl.run(base + QStringList{u"apply"_s, kPlan, u"--json"_s});
    QVERIFY2(apply.exitCode == 0, apply.err.constData());

    // Exactly one new tenant, with its alias.
    const QJsonArray tenants = sandbox.state().value(u"tenants"_s).toArray();
    QCOMPARE(tenants.size(), tenantsBefore + 1);
    QJsonObject tenant;
    for (const QJsonValue candidate : tenants) {
        if (candidate.toObject().value(u"hostnames"_s).toArray().contains(kAlias))
            tenant = candidate.toObject();
    }
    QVERIFY(!tenant.isEmpty());

    // The created tenant joined the local inventory, labelled with its plan target.
    QVERIFY2(apply.err.contains("added "), apply.err.constData());
    const CtlRunner::Result listed = ctl.run(base + QStringList{u"tenants"_s, u"list"_s, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QJsonObject inInventory;
    for (const QJsonValue row : listed.json().value(u"tenants"_s).toArray()) {
        if (row[u"id"_s].toString() == tenant.value(u"id"_s).toString())
            inInventory = row.toObject();
    }
    QCOMPARE(inInventory.value(u"label"_s).toString(), u"demo-customer"_s);
    QVERIFY(inInventory.value(u"sources"_s).toArray().contains(u"inventory"_s));

    // The recovery admin, once, as TenantAdmin.
    int admins = 0;
    for (const QJsonValue user : tenant.value(u"users"_s).toArray()) {
        const QJsonObject object = user.toObject();
        if (object.value(u"email"_s).toString() == u"alex.morgan@acme-analytics.example"_s) {
            ++admins;
            QVERIFY(object.value(u"roles"_s).toArray().contains(u"TenantAdmin"_s));
        }
    }
    QCOMPARE(admins, 1);

    // Groups with their roles; spaces with their members.
    const QList<QJsonObject> developers = named(tenant.value(u"groups"_s).toArray(), u"Demo Customer Developers"_s);
    const QList<QJsonObject> viewers = named(tenant.value(u"groups"_s).toArray(), u"Demo Customer Viewers"_s);
    QCOMPARE(developers.size(), 1);
    QCOMPARE(viewers.size(), 1);
    QCOMPARE(developers.first().value(u"roles"_s).toArray(), QJsonArray{u"SharedSpaceCreator"_s});
    const QList<QJsonObject> staging = named(tenant.value(u"spaces"_s).toArray(), u"Staging"_s);
    const QList<QJsonObject> production = named(tenant.value(u"spaces"_s).toArray(), u"Production"_s);
    QCOMPARE(staging.size(), 1);
    QCOMPARE(production.size(), 1);
    QCOMPARE(staging.first().value(u"type"_s).toString(), u"shared"_s);
    QCOMPARE(production.first().value(u"type"_s).toString(), u"managed"_s);
    const QJsonObject consumer = production.first().value(u"assignments"_s).toArray().first().toObject();
    QCOMPARE(consumer.value(u"assigneeId"_s).toString(), viewers.first().value(u"id"_s).toString());
    QCOMPARE(consumer.value(u"roles"_s).toArray(), QJsonArray{u"consumer"_s});

    // Logins create and sync groups.
    QCOMPARE(tenant.value(u"groupSettings"_s).toObject().value(u"autoCreateGroups"_s).toBool(), true);
    QCOMPARE(tenant.value(u"groupSettings"_s).toObject().value(u"syncIdpGroups"_s).toBool(), true);

    // Automatic license assignment off.
    QCOMPARE(tenant.value(u"licenseSettings"_s).toObject(),
             (QJsonObject{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, false}}));

    // The customer's portal may embed the tenant.
    const QJsonArray csp = tenant.value(u"cspOrigins"_s).toArray();
    QCOMPARE(csp.size(), 1);
    QCOMPARE(csp.first().toObject().value(u"origin"_s).toString(), u"https://portal.demo-customer.example"_s);
    QCOMPARE(csp.first().toObject().value(u"directives"_s).toArray(), QJsonArray{u"frameAncestors"_s});
    const QList<QJsonObject> portal = named(tenant.value(u"webIntegrations"_s).toArray(), u"Demo Customer portal"_s);
    QCOMPARE(portal.size(), 1);
    QCOMPARE(portal.first().value(u"validOrigins"_s).toArray(), QJsonArray{u"https://portal.demo-customer.example"_s});

    // The source's extension, theme and "add new users" automation, each once.
    QCOMPARE(named(tenant.value(u"extensions"_s).toArray(), u"kpi-card"_s).size(), 1);
    QCOMPARE(named(tenant.value(u"themes"_s).toArray(), u"acme-corporate"_s).size(), 1);
    const QList<QJsonObject> automations
        = named(tenant.value(u"automations"_s).toArray(), u"Add new users to Production"_s);
    QCOMPARE(automations.size(), 1);
    QCOMPARE(automations.first().value(u"runMode"_s).toString(), u"webhook"_s);

    // The customer's brand once, active, with the demo's logo and favicon; the customer's key
    // registered once, tested, and the tenant moving its encryption to it.
    const QList<QJsonObject> brands = named(tenant.value(u"brands"_s).toArray(), u"Demo Customer"_s);
    QCOMPARE(brands.size(), 1);
    QCOMPARE(tenant.value(u"brands"_s).toArray().size(), 1);
    QVERIFY(brands.first()[u"active"_s].toBool());
    QJsonObject brandFiles;
    for (const QJsonValue file : brands.first()[u"files"_s].toArray())
        brandFiles.insert(file[u"id"_s].toString(), file[u"size"_s]);
    QCOMPARE(brandFiles,
             (QJsonObject{{u"logo"_s, int(QFileInfo(kDemoBrand + u"/logo.png"_s).size())},
                          {u"favIcon"_s, int(QFileInfo(kDemoBrand + u"/favicon.ico"_s).size())}}));
    const QJsonArray keys = tenant.value(u"encryptionKeyProviders"_s).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first()[u"arn"_s].toString(), kKeyArn);
    QCOMPARE(keys.first()[u"name"_s].toString(), u"Demo Customer key"_s);
    QVERIFY(keys.first()[u"tested"_s].toBool());
    QCOMPARE(tenant.value(u"keyMigration"_s).toObject().value(u"migratingTo"_s).toString(), kKeyArn);

    // Both apps published to Production once; the JWT provider once; its test consumer logged in.
    int published = 0;
    for (const QJsonValue app : tenant.value(u"apps"_s).toArray()) {
        if (app[u"spaceId"_s] == production.first().value(u"id"_s) && app[u"published"_s].toBool())
            ++published;
    }
    QCOMPARE(published, 2);
    int providers = 0;
    for (const QJsonValue idp : tenant.value(u"identityProviders"_s).toArray())
        providers += idp[u"issuer"_s].toString() == u"https://login.portal.example/demo-customer"_s ? 1 : 0;
    QCOMPARE(providers, 1);
    int checkUsers = 0;
    for (const QJsonValue user : tenant.value(u"users"_s).toArray())
        checkUsers += user[u"subject"_s].toString() == u"tenantry-embed-check"_s ? 1 : 0;
    QCOMPARE(checkUsers, 1);

    // Again: every step says "no change", nothing is sent but reads.
    const QJsonObject requests = sandbox.state().value(u"requests"_s).toObject();
    const CtlRunner::Result again = ctl.run(base + QStringList{u"apply"_s, kPlan, u"--json"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject after = sandbox.state().value(u"requests"_s).toObject();
    for (auto it = after.begin(); it != after.end(); ++it) {
        // The embedded-login check logs its test user in again: a login, not a change.
        if (!it.key().startsWith(u"GET "_s) && !it.key().startsWith(u"POST /oauth/token"_s)
            && it.key() != "POST /login/jwt-session"_L1)
            QVERIFY2(it.value().toInteger() == requests.value(it.key()).toInteger(), qPrintable(it.key()));
    }
    QCOMPARE(sandbox.state().value(u"tenants"_s).toArray().size(), tenantsBefore + 1);
    QVERIFY2(again.out.contains("\"noChange\": 19") || again.out.contains("\"noChange\":19"), again.out.constData());
}

void TestCtlOnboard::killedBetweenCreateAndAliasCreatesOnce_data()
{
    QTest::addColumn<QStringList>("again");
    QTest::newRow("a new apply of the plan") << QStringList{u"apply"_s, kPlan, u"--json"_s};
    QTest::newRow("resume of the killed job") << QStringList{u"apply"_s, u"--resume-last"_s, u"--json"_s};
}

void TestCtlOnboard::killedBetweenCreateAndAliasCreatesOnce()
{
    QFETCH(QStringList, again);
    SandboxProcess sandbox({u"--seed"_s, u"demo"_s, u"--port"_s, u"0"_s});
    QVERIFY2(sandbox.isRunning(), sandbox.errorOutput().constData());
    CtlRunner ctl;
    QVERIFY(ctl.isValid());
    const QStringList base{u"--sandbox-url"_s, sandbox.urlText()};
    const qsizetype tenantsBefore = sandbox.state().value(u"tenants"_s).toArray().size();

    // Refuse the alias update (503: the client retries it for seconds), so the process is surely
    // between the create and the alias when it is killed.
    QVERIFY(sandbox.setFaults(QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/tenants/"_s},
                                                     {u"method"_s, u"PATCH"_s},
                                                     {u"rate"_s, 1.0},
                                                     {u"kind"_s, u"status"_s},
                                                     {u"status"_s, 503}}}));
    QProcess first;
    first.setProcessEnvironment(ctl.environment());
    first.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl"), base + QStringList{u"apply"_s, kPlan});
    QVERIFY(first.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(sandbox.state().value(u"tenants"_s).toArray().size(), tenantsBefore + 1, 30000);
    first.kill(); // SIGKILL, right after the create: no alias yet
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QVERIFY(sandbox.setFaults(QJsonArray()));
    int aliased = 0;
    for (const QJsonValue tenant : sandbox.state().value(u"tenants"_s).toArray())
        aliased += tenant.toObject().value(u"hostnames"_s).toArray().contains(kAlias) ? 1 : 0;
    QCOMPARE(aliased, 0);

    const CtlRunner::Result result = ctl.run(base + again);
    QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
    const QJsonArray tenants = sandbox.state().value(u"tenants"_s).toArray();
    QCOMPARE(tenants.size(), tenantsBefore + 1);
    int withAlias = 0;
    for (const QJsonValue tenant : tenants)
        withAlias += tenant.toObject().value(u"hostnames"_s).toArray().contains(kAlias) ? 1 : 0;
    QCOMPARE(withAlias, 1);
    QCOMPARE(sandbox.state().value(u"requests"_s).toObject().value(u"POST /v1/tenants"_s).toInteger(), 1);

    // And once more: nothing left to do.
    const CtlRunner::Result settled = ctl.run(base + QStringList{u"apply"_s, kPlan, u"--json"_s});
    QVERIFY2(settled.exitCode == 0, settled.err.constData());
    QVERIFY2(settled.out.contains("\"noChange\": 19") || settled.out.contains("\"noChange\":19"),
             settled.out.constData());
}

QTEST_GUILESS_MAIN(TestCtlOnboard)
#include "tst_ctlonboard.moc"
