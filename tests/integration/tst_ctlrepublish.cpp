// tenantryctl republish against the sandbox, as a script would run it (issue 7): the dry run's
// actions per tenant and app, the rollout, the rerun that finds everything up to date, the
// selection by region (source and deactivated tenants left out), the selection by the tags the GUI
// sets (and by those older versions kept in tenantryctl's own settings) and the exit codes.
#include "app/ctlrunner.h"
#include "support/sandboxfixture.h"
#include "tenanttagstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
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
    void localAppFilesThenUpToDate();
    void badAppFilesAreRefusedBeforeAnyChange();
    void taggedTenantsGoFirstAndWavesFollow();
    void tagsSetInTheGuiSelectTenants();
    void tagsOnlyInOlderCtlSettingsStillSelect();
    void usageErrors();

private:
    CtlRunner::Result ctl(const QStringList &arguments);
    // `republish --app-file … --tag TAG --dry-run`, and the tenants it would publish to.
    CtlRunner::Result republishTagged(const QString &tag);
    [[nodiscard]] QSet<QString> taggedTargets(const QString &tag);
    // Tags are written as the GUI writes them: its store, in the shared file under tenantryctl's home.
    void pointConfigAtCtlHome();
    [[nodiscard]] QMap<QString, QString> actions(const QJsonObject &summary); // "host app" -> action
    [[nodiscard]] int publishedCopies(const QString &host, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
    QString m_source;
    QTemporaryDir m_config; // this process's own settings, never the user's
};

void TestCtlRepublish::initTestCase()
{
    // QSettings keeps the first configuration directory it sees: make that one of ours.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QSettings(u"Tenantry"_s, u"Tenantry"_s).sync();
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

void TestCtlRepublish::localAppFilesThenUpToDate()
{
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    QTemporaryDir dir;
    QStringList files;
    for (const QString &name : {u"Price List.qvf"_s, u"Stock.qvf"_s}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray("QVF local app ").repeated(100) + name.toUtf8()) > 0);
        files << u"--app-file"_s << file.fileName();
    }
    const QString planPath = dir.filePath(u"rollout.json"_s);
    // No --from: local files need no source tenant.
    const QStringList rollout = QStringList{u"--json"_s, u"republish"_s} + files
        + QStringList{u"--space"_s,        u"Customer Apps"_s, u"--staging-space"_s,    u"Tenantry Staging"_s,
                      u"--create-space"_s, u"--tenants"_s,     northwind + u',' + stark};
    const CtlRunner::Result dry = ctl(rollout + QStringList{u"--dry-run"_s, u"--save-plan"_s, planPath});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    const QMap<QString, QString> planned = actions(dry.json());
    QCOMPARE(planned.size(), 4);
    QCOMPARE(planned.value(northwind + u" Price List.qvf"_s), u"publish"_s);
    QCOMPARE(planned.value(stark + u" Stock.qvf"_s), u"publish"_s);
    // The saved plan names the files by path and carries none of their bytes.
    QFile plan(planPath);
    QVERIFY(plan.open(QIODevice::ReadOnly));
    const QByteArray planText = plan.readAll();
    QVERIFY(!planText.contains("QVF local app"));
    QVERIFY(planText.contains(QString(u"\"appFile\": \""_s + dir.filePath(u"Price List.qvf"_s) + u'"').toUtf8()));

    const CtlRunner::Result run = ctl(rollout);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    for (const QString &action : actions(run.json()))
        QCOMPARE(action, u"published"_s);
    for (const QString &host : {northwind, stark}) {
        QCOMPARE(publishedCopies(host, u"Price List"_s), 1);
        QCOMPARE(publishedCopies(host, u"Stock"_s), 1);
    }

    const CtlRunner::Result again = ctl(rollout);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    for (const QString &action : actions(again.json()))
        QCOMPARE(action, u"up-to-date"_s);
    QCOMPARE(publishedCopies(northwind, u"Price List"_s), 1);
    QCOMPARE(publishedCopies(stark, u"Stock"_s), 1);
}

void TestCtlRepublish::badAppFilesAreRefusedBeforeAnyChange()
{
    QTemporaryDir dir;
    QFile empty(dir.filePath(u"Empty.qvf"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile text(dir.filePath(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    QVERIFY(text.write("not an app") > 0);
    text.close();
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const qint64 spaces = m_sandbox->tenantState(u"northwind"_s).value(u"spaces"_s).toArray().size();
    for (const QString &path : {dir.filePath(u"Missing.qvf"_s), empty.fileName(), text.fileName()}) {
        const CtlRunner::Result result = ctl({u"republish"_s, u"--app-file"_s, path, u"--space"_s, u"Customer Apps"_s,
                                              u"--create-space"_s, u"--tenants"_s, northwind});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(path.toUtf8()), result.err.constData());
    }
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"spaces"_s).toArray().size(), spaces);
}

void TestCtlRepublish::taggedTenantsGoFirstAndWavesFollow()
{
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    const QString globex = m_sandbox->hostOf(u"globex"_s);
    // stark carries the built-in "production" tag in the settings older tenantryctl versions kept:
    // they are merged into the tags the GUI and tenantryctl share.
    {
        TenantTagStore tags(m_ctl->home() + u"/.config/Tenantry/tenantryctl.conf"_s, u"TenantTags"_s);
        QCOMPARE(tags.setTags({}, {stark}, {u"production"_s}), QString());
    }
    QTemporaryDir dir;
    QFile app(dir.filePath(u"Wave.qvf"_s));
    QVERIFY(app.open(QIODevice::WriteOnly));
    QVERIFY(app.write("QVF wave app") > 0);
    app.close();
    const QString planPath = dir.filePath(u"waves.json"_s);
    const QStringList rollout{u"--json"_s,
                              u"republish"_s,
                              u"--app-file"_s,
                              app.fileName(),
                              u"--space"_s,
                              u"Customer Apps"_s,
                              u"--staging-space"_s,
                              u"Tenantry Staging"_s,
                              u"--create-space"_s,
                              u"--tenants"_s,
                              northwind + u',' + globex + u',' + stark,
                              u"--first-wave-tag"_s,
                              u"production"_s,
                              u"--wave-size"_s,
                              u"1"_s};
    const CtlRunner::Result dry = ctl(rollout + QStringList{u"--dry-run"_s, u"--save-plan"_s, planPath});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QFile planFile(planPath);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(planFile.readAll()).object();
    const QJsonObject options = plan.value(u"options"_s).toObject();
    QCOMPARE(options.value(u"firstWave"_s).toInt(), 1);
    QCOMPARE(options.value(u"waveSize"_s).toInt(), 1);
    QCOMPARE(options.value(u"maxWaveFailurePercent"_s).toInt(), 0);
    QStringList order;
    for (const QJsonValue target : plan.value(u"targets"_s).toArray())
        order.append(target[u"hostname"_s].toString());
    QCOMPARE(order, (QStringList{stark, northwind, globex})); // the tagged one first, the others as given

    // The first wave (stark) fails — creating spaces is refused — so no later wave starts.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 400},
                                                             {u"rate"_s, 1}}}));
    const CtlRunner::Result stopped = ctl(rollout);
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    QCOMPARE(stopped.exitCode, 1);
    const QMap<QString, QString> first = actions(stopped.json());
    // A refused space creation (400) counts against the wave, whether it reads as failed or blocked.
    QVERIFY2(QStringList({u"failed"_s, u"blocked"_s}).contains(first.value(stark + u" Wave.qvf"_s)),
             qPrintable(first.value(stark + u" Wave.qvf"_s)));
    QCOMPARE(first.value(northwind + u" Wave.qvf"_s), u"not-run"_s);
    QCOMPARE(first.value(globex + u" Wave.qvf"_s), u"not-run"_s);
    for (const QJsonValue row : stopped.json().value(u"results"_s).toArray()) {
        if (row[u"action"_s].toString() == u"not-run"_s)
            QVERIFY2(row[u"reason"_s].toString().startsWith(u"not started: 1 of the first wave's 1 targets failed"_s),
                     qPrintable(row[u"reason"_s].toString()));
    }
    QCOMPARE(publishedCopies(northwind, u"Wave"_s), 0);

    // Without the fault, wave after wave: all three get their copy.
    const CtlRunner::Result done = ctl(rollout);
    QVERIFY2(done.exitCode == 0, done.out.constData());
    for (const QString &host : {stark, northwind, globex})
        QCOMPARE(publishedCopies(host, u"Wave"_s), 1);
}

void TestCtlRepublish::pointConfigAtCtlHome()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_ctl->home() + u"/.config"_s));
}

CtlRunner::Result TestCtlRepublish::republishTagged(const QString &tag)
{
    QFile app(m_ctl->home() + u"/Tagged.qvf"_s);
    if (!app.exists() && (!app.open(QIODevice::WriteOnly) || app.write("QVF tagged app") <= 0))
        return {-1, {}, "cannot write " + QFile::encodeName(app.fileName())};
    app.close();
    return ctl({u"--json"_s, u"republish"_s, u"--app-file"_s, app.fileName(), u"--space"_s, u"Customer Apps"_s,
                u"--create-space"_s, u"--tag"_s, tag, u"--dry-run"_s});
}

QSet<QString> TestCtlRepublish::taggedTargets(const QString &tag)
{
    const CtlRunner::Result dry = republishTagged(tag);
    if (dry.exitCode != 0)
        return {u"exit %1: "_s.arg(dry.exitCode) + QString::fromUtf8(dry.err)};
    QSet<QString> tenants;
    for (const QJsonValue row : dry.json().value(u"results"_s).toArray())
        tenants.insert(row[u"tenant"_s].toString());
    return tenants;
}

void TestCtlRepublish::tagsSetInTheGuiSelectTenants()
{
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    const QString globex = m_sandbox->hostOf(u"globex"_s);
    const QString starkId = m_sandbox->tenantState(u"stark"_s).value(u"id"_s).toString();
    QVERIFY(!starkId.isEmpty());
    pointConfigAtCtlHome();
    {
        // As the GUI's estate tree does in a sandbox session: its own tag, stark by id, globex by hostname.
        TenantTagStore tags(TenantTagStore::sandboxGroup);
        QCOMPARE(tags.define(u"Pilot"_s, u"#2e7d32"_s), QString());
        QCOMPARE(tags.setTags(starkId, {stark}, {u"pilot"_s}), QString());
        QCOMPARE(tags.setTags({}, {globex}, {u"pilot"_s, u"trial"_s}), QString());
        QCOMPARE(tags.setTags({}, {northwind}, {u"internal"_s}), QString());
        // Qlik Cloud's tags are another group: never a sandbox tenant's.
        TenantTagStore cloudTags(TenantTagStore::cloudGroup);
        QCOMPARE(cloudTags.setTags({}, {northwind}, {u"production"_s}), QString());
    }
    QVERIFY(QFile::exists(m_ctl->home() + u"/.config/Tenantry/tenant-tags.ini"_s));

    QCOMPARE(taggedTargets(u"pilot"_s), (QSet<QString>{stark, globex}));
    QCOMPARE(taggedTargets(u"PILOT"_s), (QSet<QString>{stark, globex}));
    QCOMPARE(taggedTargets(u"internal"_s), (QSet<QString>{northwind}));
    const CtlRunner::Result none = republishTagged(u"production"_s);
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("no tenant matches the selection"), none.err.constData());

    // ownership selects through the same tags: of the tagged tenants only globex keeps what an
    // orphaned bot owns (the demo seed), so only its items are listed.
    const CtlRunner::Result owned
        = ctl({u"--json"_s, u"ownership"_s, u"delete"_s, u"--tag"_s, u"pilot"_s, u"--orphaned-bots"_s, u"--dry-run"_s});
    QVERIFY2(owned.exitCode == 0, owned.err.constData());
    const QJsonArray rows = owned.json().value(u"results"_s).toArray();
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue row : rows)
        QCOMPARE(row[u"tenant"_s].toString(), globex);
    const CtlRunner::Result internal = ctl(
        {u"--json"_s, u"ownership"_s, u"delete"_s, u"--tag"_s, u"internal"_s, u"--orphaned-bots"_s, u"--dry-run"_s});
    QVERIFY2(internal.exitCode == 0, internal.err.constData());
    QCOMPARE(internal.json().value(u"results"_s).toArray().size(), 0);
}

void TestCtlRepublish::tagsOnlyInOlderCtlSettingsStillSelect()
{
    const QString stark = m_sandbox->hostOf(u"stark"_s);
    const QString globex = m_sandbox->hostOf(u"globex"_s);
    const QString older = m_ctl->home() + u"/.config/Tenantry/tenantryctl.conf"_s;
    {
        // Where tenantryctl kept tags before it shared the GUI's.
        TenantTagStore tags(older, u"TenantTags"_s);
        QCOMPARE(tags.define(u"canary"_s, u"#6a1b9a"_s), QString());
        QCOMPARE(tags.setTags({}, {stark}, {u"canary"_s}), QString());
        QCOMPARE(tags.setTags({}, {globex}, {u"canary"_s}), QString());
    }
    QFile olderFile(older);
    QVERIFY(olderFile.open(QIODevice::ReadOnly));
    const QByteArray olderBytes = olderFile.readAll();
    olderFile.close();
    QVERIFY(!QFile::exists(m_ctl->home() + u"/.config/Tenantry/tenant-tags.ini"_s));

    QCOMPARE(taggedTargets(u"canary"_s), (QSet<QString>{stark, globex}));
    // Merged into the shared file once, the older file left as it was.
    QVERIFY(olderFile.open(QIODevice::ReadOnly));
    QCOMPARE(olderFile.readAll(), olderBytes);
    olderFile.close();
    pointConfigAtCtlHome();
    {
        // The GUI sees them too, and what it changes afterwards holds: nothing is merged in again.
        TenantTagStore tags(TenantTagStore::sandboxGroup);
        QCOMPARE(tags.tagsOf({}, {globex}), QStringList{u"canary"_s});
        QCOMPARE(tags.setTags({}, {globex}, {}), QString());
    }
    QCOMPARE(taggedTargets(u"canary"_s), QSet<QString>{stark});
}

void TestCtlRepublish::usageErrors()
{
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s}).exitCode, 2);
    // --app needs --from; something to publish is needed.
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--space"_s, u"P"_s, u"--all"_s}).exitCode, 2);
    QCOMPARE(ctl({u"republish"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s}).exitCode, 2);
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
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s,
                  u"--first-wave"_s, u"2"_s, u"--first-wave-tag"_s, u"production"_s})
                 .exitCode,
             2);
    QCOMPARE(ctl({u"republish"_s, u"--app"_s, u"X"_s, u"--from"_s, m_source, u"--space"_s, u"P"_s, u"--all"_s,
                  u"--wave-size"_s, u"-1"_s})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestCtlRepublish)
#include "tst_ctlrepublish.moc"
