// tenantryctl ownership audit against the sandbox (issue 8): a region client deleted and recreated
// leaves its bot behind owning content; the audit classifies it orphaned and the successor's bot
// active, and lists everything the orphan owns exactly as the sandbox's state has it.
#include "app/ctlrunner.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestCtlOwnership : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void recreatedClientLeavesAnOrphanedBot();
    void seededOrphanAcrossTheEstate();
    void ownerBySubject();
    void endCustomerTenantAdmins();
    void usageErrors();

private:
    CtlRunner::Result ctl(const QStringList &arguments);
    // "type id" of everything the state says `ownerId` owns on the tenant.
    [[nodiscard]] QSet<QString> ownedInState(const QString &host, const QString &ownerId);
    [[nodiscard]] static QSet<QString> ownedInAudit(const QJsonObject &tenant, const QString &ownerId);
    [[nodiscard]] static QJsonObject tenantOf(const QJsonObject &audit, const QString &host);
    [[nodiscard]] static QJsonObject botOf(const QJsonObject &tenant, const QString &clientId);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
};

void TestCtlOwnership::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCtlOwnership::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
}

CtlRunner::Result TestCtlOwnership::ctl(const QStringList &arguments)
{
    return m_ctl->run(QStringList{u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port())} + arguments, {},
                      120000);
}

QSet<QString> TestCtlOwnership::ownedInState(const QString &host, const QString &ownerId)
{
    const QJsonObject tenant = m_sandbox->tenantState(host);
    const QList<QPair<QString, QString>> kinds{{u"apps"_s, u"app"_s},
                                               {u"automations"_s, u"automation"_s},
                                               {u"spaces"_s, u"space"_s},
                                               {u"dataConnections"_s, u"data-connection"_s},
                                               {u"automationConnections"_s, u"automation-connection"_s},
                                               {u"dataFiles"_s, u"data-file"_s}};
    QSet<QString> owned;
    for (const auto &[key, type] : kinds) {
        for (const QJsonValue entity : tenant.value(key).toArray()) {
            if (entity[u"ownerId"_s].toString() != ownerId)
                continue;
            const bool folder = entity[u"folder"_s].toBool();
            owned.insert((folder ? u"data-folder"_s : type) + u' ' + entity[u"id"_s].toString());
        }
    }
    return owned;
}

QSet<QString> TestCtlOwnership::ownedInAudit(const QJsonObject &tenant, const QString &ownerId)
{
    QSet<QString> owned;
    for (const QJsonValue resource : tenant.value(u"resources"_s).toArray()) {
        if (resource[u"ownerId"_s].toString() == ownerId)
            owned.insert(resource[u"type"_s].toString() + u' ' + resource[u"id"_s].toString());
    }
    return owned;
}

QJsonObject TestCtlOwnership::tenantOf(const QJsonObject &audit, const QString &host)
{
    for (const QJsonValue tenant : audit.value(u"tenants"_s).toArray()) {
        if (tenant[u"tenant"_s].toString() == host)
            return tenant.toObject();
    }
    return {};
}

QJsonObject TestCtlOwnership::botOf(const QJsonObject &tenant, const QString &clientId)
{
    for (const QJsonValue bot : tenant.value(u"bots"_s).toArray()) {
        if (bot[u"clientId"_s].toString() == clientId)
            return bot.toObject();
    }
    return {};
}

void TestCtlOwnership::recreatedClientLeavesAnOrphanedBot()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!host.isEmpty());
    // The EU region client's bot deploys a space and a data connection there.
    const QString oldToken = m_sandbox->regionToken(host);
    const TestSupport::HttpReply space = m_sandbox->http().post(
        host, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Old Deployments"_s}, {u"type"_s, u"shared"_s}}, oldToken);
    QCOMPARE(space.status, 201);
    const QString oldBotId = space.json().value(u"ownerId"_s).toString();
    QVERIFY(!oldBotId.isEmpty());

    QJsonObject recreated;
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clients/sandbox-region-eu/recreate"_s, {}, &recreated));
    const QString newClient = recreated.value(u"clientId"_s).toString();
    QVERIFY(!newClient.isEmpty());
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, u"eu-new"_s, u"--tier=region"_s, u"--region=eu"_s,
                        u"--client-id="_s + newClient, u"--no-secret"_s})
                 .exitCode,
             0);
    m_ctl->environment().insert(u"TENANTRY_CLIENT_SECRET_EU_NEW"_s, recreated.value(u"clientSecret"_s).toString());

    const CtlRunner::Result result = ctl({u"ownership"_s, u"audit"_s, u"--tenants"_s, host, u"--profile"_s, u"eu-new"_s,
                                          u"--orphaned-bots"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject tenant = tenantOf(result.json(), host);
    QVERIFY2(!tenant.isEmpty(), result.out.constData());
    const QJsonObject oldBot = botOf(tenant, u"sandbox-region-eu"_s);
    const QJsonObject newBot = botOf(tenant, newClient);
    QCOMPARE(oldBot.value(u"standing"_s).toString(), u"orphaned"_s);
    QCOMPARE(oldBot.value(u"id"_s).toString(), oldBotId);
    QCOMPARE(oldBot.value(u"subject"_s).toString(), u"qlikbot\\sandbox-region-eu"_s);
    // The successor's bot was created by the audit's own first token, and its client is configured.
    QCOMPARE(newBot.value(u"standing"_s).toString(), u"active"_s);
    // Last activity (FACTS §13): the old bot's newest audit event is the space it created.
    const QDateTime lastActive = QDateTime::fromString(oldBot.value(u"lastActivity"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(lastActive.isValid(), qPrintable(oldBot.value(u"lastActivity"_s).toVariant().toString()));
    const QDateTime created = QDateTime::fromString(space.json().value(u"createdAt"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QVERIFY2(qAbs(created.msecsTo(lastActive)) < 1000, qPrintable(lastActive.toString(Qt::ISODateWithMs)));

    // Only the orphan is an owner in this selection, and it owns exactly what the state says.
    const QJsonArray owners = tenant.value(u"owners"_s).toArray();
    QCOMPARE(owners.size(), 1);
    QCOMPARE(owners.first()[u"id"_s].toString(), oldBotId);
    const QSet<QString> expected = ownedInState(host, oldBotId);
    QVERIFY(expected.contains(u"space "_s + space.json().value(u"id"_s).toString()));
    QCOMPARE(ownedInAudit(tenant, oldBotId), expected);
    QCOMPARE(owners.first()[u"owns"_s].toInt(), int(expected.size()));

    // The table for people says the same.
    const CtlRunner::Result table
        = ctl({u"ownership"_s, u"audit"_s, u"--tenants"_s, host, u"--profile"_s, u"eu-new"_s});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("Old Deployments"), table.out.constData());
    QVERIFY2(table.out.contains("orphaned"), table.out.constData());
    QVERIFY2(table.out.contains("ORPHANED"), table.out.constData());
}

void TestCtlOwnership::seededOrphanAcrossTheEstate()
{
    // The demo seed's globex keeps the bot of a client deleted before it: apps, spaces, an
    // automation, its connection, data connections and data files.
    const CtlRunner::Result result = ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--orphaned-bots"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject audit = result.json();
    int tenantsWithOwners = 0;
    int nullActivities = 0;
    for (const QJsonValue value : audit.value(u"tenants"_s).toArray()) {
        const QJsonObject tenant = value.toObject();
        QVERIFY2(!tenant.contains(u"error"_s), qPrintable(tenant.value(u"error"_s).toString()));
        for (const QJsonValue bot : tenant.value(u"bots"_s).toArray()) {
            // Null when the bot has no audit event, a date otherwise; never missing.
            const QJsonValue last = bot[u"lastActivity"_s];
            QVERIFY(last.isNull() || QDateTime::fromString(last.toString(), Qt::ISODateWithMs).isValid());
            nullActivities += last.isNull() ? 1 : 0;
        }
        for (const QJsonValue owner : tenant.value(u"owners"_s).toArray()) {
            QCOMPARE(owner[u"standing"_s].toString(), u"orphaned"_s);
            ++tenantsWithOwners;
            const QString host = tenant.value(u"tenant"_s).toString();
            const QSet<QString> expected = ownedInState(host, owner[u"id"_s].toString());
            QCOMPARE(ownedInAudit(tenant, owner[u"id"_s].toString()), expected);
            QStringList types;
            for (const QString &entry : expected)
                types.append(entry.section(u' ', 0, 0));
            types.removeDuplicates();
            types.sort();
            QCOMPARE(types,
                     (QStringList{u"app"_s, u"automation"_s, u"automation-connection"_s, u"data-connection"_s,
                                  u"data-file"_s, u"data-folder"_s, u"space"_s}));
        }
    }
    QCOMPARE(tenantsWithOwners, 1);
    QVERIFY2(nullActivities > 0, "the seeded orphan has no audit event: its lastActivity must be null");
    QCOMPARE(audit.value(u"owned"_s).toInt(),
             int(tenantOf(audit, m_sandbox->hostOf(u"globex"_s)).value(u"resources"_s).toArray().size()));
}

void TestCtlOwnership::ownerBySubject()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const CtlRunner::Result result = ctl(
        {u"ownership"_s, u"audit"_s, u"--tenants"_s, host, u"--owner"_s, u"qlikbot\\sandbox-region-eu"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject tenant = tenantOf(result.json(), host);
    const QJsonArray owners = tenant.value(u"owners"_s).toArray();
    QCOMPARE(owners.size(), 1);
    QCOMPARE(owners.first()[u"standing"_s].toString(), u"active"_s);
    const QString ownerId = owners.first()[u"id"_s].toString();
    QCOMPARE(ownedInAudit(tenant, ownerId), ownedInState(host, ownerId));
}

void TestCtlOwnership::endCustomerTenantAdmins()
{
    // The demo seed makes Cyberdyne's own IT lead a TenantAdmin; the partner's admin (of
    // acme-analytics.example) holds it on every tenant. Bots are never in the list.
    const CtlRunner::Result result = ctl(
        {u"ownership"_s, u"audit"_s, u"--all"_s, u"--partner-domain"_s, u"@Acme-Analytics.example"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QStringList findings;
    int partnerAdmins = 0;
    for (const QJsonValue value : result.json().value(u"tenants"_s).toArray()) {
        for (const QJsonValue admin : value[u"tenantAdmins"_s].toArray()) {
            QVERIFY2(!admin[u"subject"_s].toString().startsWith(u"qlikbot\\"_s),
                     qPrintable(admin[u"subject"_s].toString()));
            if (admin[u"endCustomer"_s].toBool())
                findings.append(value[u"tenant"_s].toString() + u' ' + admin[u"email"_s].toString());
            else
                ++partnerAdmins;
        }
    }
    QCOMPARE(findings, QStringList{m_sandbox->hostOf(u"cyberdyne"_s) + u" miles.dyson@cyberdyne.example"_s});
    QVERIFY(partnerAdmins >= 12); // the partner's admin on acme-source and every active customer

    // In the table form, under its own heading.
    const CtlRunner::Result text = ctl({u"ownership"_s, u"audit"_s, u"--tenants"_s, m_sandbox->hostOf(u"cyberdyne"_s),
                                        u"--partner-domain"_s, u"acme-analytics.example"_s});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY2(text.out.contains("End customers holding TenantAdmin"), text.out.constData());
    QVERIFY2(text.out.contains("miles.dyson@cyberdyne.example"), text.out.constData());
    QVERIFY2(!text.out.contains("alex.morgan@acme-analytics.example"), text.out.constData());
}

void TestCtlOwnership::usageErrors()
{
    const CtlRunner::Result domain
        = ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--partner-domain"_s, u"alex@acme.example"_s});
    QCOMPARE(domain.exitCode, 2);
    QVERIFY2(domain.err.contains("'alex@acme.example' is not an email domain"), domain.err.constData());
    QCOMPARE(ctl({u"ownership"_s, u"audit"_s}).exitCode, 2);
    QCOMPARE(ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--tenants"_s, u"a.eu.qlikcloud.com"_s}).exitCode, 2);
    const CtlRunner::Result host = ctl({u"ownership"_s, u"audit"_s, u"--tenants"_s, u"register.eu.qlikcloud.com"_s});
    QCOMPARE(host.exitCode, 2);
    QVERIFY2(host.err.contains("is not a tenant hostname"), host.err.constData());
    QCOMPARE(ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--owner"_s, u"x"_s, u"--orphaned-bots"_s}).exitCode, 2);
    const CtlRunner::Result profile = ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--profile"_s, u"nope"_s});
    QCOMPARE(profile.exitCode, 2);
    QVERIFY2(profile.err.contains("no credential profile 'nope'"), profile.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlOwnership)
#include "tst_ctlownership.moc"
