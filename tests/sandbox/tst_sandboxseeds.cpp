#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

QJsonObject byName(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue &value : list) {
        if (value.toObject().value(u"name"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

QJsonObject byId(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &value : list) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

// The seeds of issue 3: demo, empty and estate:N[:R], deterministic.
class TestSandboxSeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void demoHasASourceTenant();
    void demoCustomersAreInVariousStates();
    void demoHasAnOrphanedBotOwningApps();
    void seedsAreDeterministic_data();
    void seedsAreDeterministic();
    void emptyHasClientsButNoTenants();
    void estateLayout_data();
    void estateLayout();
    void estateTenantsServeRequests();
    void seedIdsHaveQlikFormats();

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestSandboxSeeds::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxSeeds::demoHasASourceTenant()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    const QJsonObject state = m_sandbox->http().state();
    QCOMPARE(state.value(u"regions"_s).toArray(), (QJsonArray{u"eu"_s, u"us"_s, u"ap"_s}));
    QCOMPARE(state.value(u"tenants"_s).toArray().size(), 13);
    const QJsonObject source = m_sandbox->tenantState(u"acme-source"_s);
    QVERIFY(source.value(u"name"_s).toString().contains(u"source"_s));
    QCOMPARE(source.value(u"region"_s).toString(), u"eu"_s);
    const QJsonObject staging = byName(source.value(u"spaces"_s).toArray(), u"Staging"_s);
    QCOMPARE(staging.value(u"type"_s).toString(), u"shared"_s);
    int staged = 0;
    for (const QJsonValue &app : source.value(u"apps"_s).toArray())
        staged += app.toObject().value(u"spaceId"_s).toString() == staging.value(u"id"_s).toString();
    QCOMPARE(staged, 4);
    QCOMPARE(source.value(u"extensions"_s).toArray().size(), 1);
    QCOMPARE(source.value(u"themes"_s).toArray().size(), 1);
    QVERIFY(source.value(u"extensions"_s).toArray().first().toObject().value(u"fileSize"_s).toInt() > 100);
    QVERIFY(source.value(u"users"_s).toArray().size() >= 3);
    QVERIFY(source.value(u"groups"_s).toArray().size() >= 2);
    // Every seeded region has its region client, plus the organization client.
    QStringList clients;
    for (const QJsonValue &client : state.value(u"clients"_s).toArray())
        clients.append(client.toObject().value(u"clientId"_s).toString());
    for (const QString &id : {u"sandbox-org"_s, u"sandbox-region-eu"_s, u"sandbox-region-us"_s, u"sandbox-region-ap"_s})
        QVERIFY2(clients.contains(id), qPrintable(id));
}

void TestSandboxSeeds::demoCustomersAreInVariousStates()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QSet<QString> regions;
    int disabled = 0;
    int withoutSpaces = 0;
    int published = 0;
    for (const QJsonValue &value : m_sandbox->http().state().value(u"tenants"_s).toArray()) {
        const QJsonObject tenant = value.toObject();
        regions.insert(tenant.value(u"region"_s).toString());
        if (tenant.value(u"status"_s).toString() == "disabled"_L1) {
            ++disabled;
            QVERIFY(tenant.contains(u"estimatedPurgeDate"_s));
        }
        withoutSpaces += tenant.value(u"spaces"_s).toArray().isEmpty();
        for (const QJsonValue &app : tenant.value(u"apps"_s).toArray())
            published += app.toObject().value(u"published"_s).toBool();
    }
    QCOMPARE(regions, (QSet<QString>{u"eu"_s, u"us"_s, u"ap"_s}));
    QCOMPARE(disabled, 1);
    QVERIFY(withoutSpaces >= 1);
    QVERIFY(published >= 10);
}

void TestSandboxSeeds::demoHasAnOrphanedBotOwningApps()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    const QJsonObject state = m_sandbox->http().state();
    QSet<QString> deleted;
    for (const QJsonValue &client : state.value(u"clients"_s).toArray()) {
        if (client.toObject().value(u"deleted"_s).toBool())
            deleted.insert(client.toObject().value(u"clientId"_s).toString());
    }
    QCOMPARE(deleted.size(), 1);
    const QJsonObject globex = m_sandbox->tenantState(u"globex"_s);
    QString orphan;
    for (const QJsonValue &user : globex.value(u"users"_s).toArray()) {
        if (deleted.contains(user.toObject().value(u"clientId"_s).toString()))
            orphan = user.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!orphan.isEmpty());
    int owned = 0;
    for (const QJsonValue &app : globex.value(u"apps"_s).toArray())
        owned += app.toObject().value(u"ownerId"_s).toString() == orphan;
    QVERIFY(owned >= 2);
    // Through the API as well: the orphan is findable by its client id.
    const QString host = m_sandbox->hostOf(u"globex"_s);
    const HttpReply reply
        = m_sandbox->http().get(host, u"/api/v1/users?filter=clientId%20eq%20%22"_s + *deleted.cbegin() + u"%22"_s,
                                m_sandbox->regionToken(host));
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
}

void TestSandboxSeeds::seedsAreDeterministic_data()
{
    QTest::addColumn<QString>("seed");
    QTest::newRow("demo") << u"demo"_s;
    QTest::newRow("estate") << u"estate:40:3"_s;
    QTest::newRow("empty") << u"empty"_s;
}

void TestSandboxSeeds::seedsAreDeterministic()
{
    QFETCH(QString, seed);
    QVERIFY(m_sandbox->http().reset(seed));
    const QJsonObject first = m_sandbox->http().state();
    QVERIFY(m_sandbox->http().reset(u"empty"_s));
    QVERIFY(m_sandbox->http().reset(seed));
    QCOMPARE(m_sandbox->http().state(), first);
}

void TestSandboxSeeds::emptyHasClientsButNoTenants()
{
    QVERIFY(m_sandbox->http().reset(u"empty"_s));
    const QJsonObject state = m_sandbox->http().state();
    QCOMPARE(state.value(u"tenants"_s).toArray().size(), 0);
    QCOMPARE(state.value(u"clients"_s).toArray().size(), 4);
    const QString token = m_sandbox->http().token(u"register.ap.qlikcloud.com"_s, u"sandbox-region-ap"_s,
                                                  u"sandbox-region-ap-secret"_s);
    QVERIFY(!token.isEmpty());
}

void TestSandboxSeeds::estateLayout_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<int>("tenants");
    QTest::addColumn<QStringList>("regions");
    QTest::newRow("default regions") << u"estate:30"_s << 30 << QStringList{u"eu"_s, u"us"_s, u"ap"_s};
    QTest::newRow("two regions") << u"estate:9:2"_s << 9 << QStringList{u"eu"_s, u"us"_s};
    QTest::newRow("one tenant") << u"estate:1:1"_s << 1 << QStringList{u"eu"_s};
    QTest::newRow("five regions") << u"estate:10:5"_s << 10 << QStringList{u"eu"_s, u"us"_s, u"ap"_s, u"de"_s, u"uk"_s};
}

void TestSandboxSeeds::estateLayout()
{
    QFETCH(QString, seed);
    QFETCH(int, tenants);
    QFETCH(QStringList, regions);
    QVERIFY(m_sandbox->http().reset(seed));
    const QJsonObject state = m_sandbox->http().state();
    const QJsonArray list = state.value(u"tenants"_s).toArray();
    QCOMPARE(list.size(), tenants);
    QSet<QString> deletedClients;
    for (const QJsonValue &client : state.value(u"clients"_s).toArray()) {
        if (client[u"deleted"_s].toBool())
            deletedClients.insert(client[u"clientId"_s].toString());
    }
    QCOMPARE(deletedClients.size(), regions.size()); // one retired client per region
    QSet<QString> seenRegions;
    QSet<QString> hostnames;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject tenant = list.at(i).toObject();
        seenRegions.insert(tenant.value(u"region"_s).toString());
        hostnames.insert(tenant.value(u"hostnames"_s).toArray().first().toString());
        QCOMPARE(byName(tenant.value(u"spaces"_s).toArray(), u"Staging"_s).value(u"type"_s).toString(), u"shared"_s);
        QCOMPARE(byName(tenant.value(u"spaces"_s).toArray(), u"Production"_s).value(u"type"_s).toString(),
                 u"managed"_s);
        QCOMPARE(tenant.value(u"name"_s).toString().contains(u"source"_s), i == 0);
        // Every tenant but the source: a deleted region client's bot owns a space and its apps.
        const QJsonObject legacy = byName(tenant.value(u"spaces"_s).toArray(), u"Legacy"_s);
        QCOMPARE(legacy.isEmpty(), i == 0);
        if (i == 0)
            continue;
        const QString botId = legacy.value(u"ownerId"_s).toString();
        const QJsonObject bot = byId(tenant.value(u"users"_s).toArray(), botId);
        QVERIFY(bot.value(u"subject"_s).toString().startsWith(u"qlikbot\\"_s));
        QVERIFY2(deletedClients.contains(bot.value(u"clientId"_s).toString()), qPrintable(botId));
        int owned = 0;
        for (const QJsonValue &app : tenant.value(u"apps"_s).toArray())
            owned += app.toObject().value(u"ownerId"_s).toString() == botId ? 1 : 0;
        QCOMPARE(owned, 3);
        QCOMPARE(tenant.value(u"automations"_s).toArray().size(), 1);
    }
    QCOMPARE(hostnames.size(), tenants);
    QCOMPARE(seenRegions, QSet<QString>(regions.cbegin(), regions.cend()));
    const QJsonObject first = list.first().toObject();
    QCOMPARE(first.value(u"apps"_s).toArray().size(), 3);
    const QString staging = byName(first.value(u"spaces"_s).toArray(), u"Staging"_s).value(u"id"_s).toString();
    for (const QJsonValue &app : first.value(u"apps"_s).toArray())
        QCOMPARE(app.toObject().value(u"spaceId"_s).toString(), staging);
    QCOMPARE(first.value(u"extensions"_s).toArray().size(), 1);
    QCOMPARE(first.value(u"themes"_s).toArray().size(), 1);
    QCOMPARE(state.value(u"regions"_s).toArray().size(), regions.size());
}

void TestSandboxSeeds::estateTenantsServeRequests()
{
    QVERIFY(m_sandbox->http().reset(u"estate:12"_s));
    for (const QJsonValue &tenant : m_sandbox->http().state().value(u"tenants"_s).toArray()) {
        const QString host = tenant.toObject().value(u"hostnames"_s).toArray().first().toString();
        const HttpReply reply = m_sandbox->http().get(host, u"/api/v1/spaces"_s, m_sandbox->regionToken(host));
        QCOMPARE(reply.status, 200);
        // Staging and Production; all but the source also the retired bot's Legacy.
        const bool source = tenant.toObject().value(u"name"_s).toString().startsWith(u"source"_s);
        QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), source ? 2 : 3);
    }
}

void TestSandboxSeeds::seedIdsHaveQlikFormats()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    const QRegularExpression tenantId(u"^[A-Za-z0-9_-]{32}$"_s);
    const QRegularExpression objectId(u"^[0-9a-f]{24}$"_s);
    const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    const QRegularExpression hostname(u"^[a-z0-9-]+\\.(eu|us|ap)\\.qlikcloud\\.com$"_s);
    for (const QJsonValue &value : m_sandbox->http().state().value(u"tenants"_s).toArray()) {
        const QJsonObject tenant = value.toObject();
        QVERIFY(tenantId.match(tenant.value(u"id"_s).toString()).hasMatch());
        for (const QJsonValue &host : tenant.value(u"hostnames"_s).toArray())
            QVERIFY2(hostname.match(host.toString()).hasMatch(), qPrintable(host.toString()));
        for (const QJsonValue &user : tenant.value(u"users"_s).toArray())
            QVERIFY(objectId.match(user.toObject().value(u"id"_s).toString()).hasMatch());
        for (const QJsonValue &space : tenant.value(u"spaces"_s).toArray())
            QVERIFY(objectId.match(space.toObject().value(u"id"_s).toString()).hasMatch());
        for (const QJsonValue &app : tenant.value(u"apps"_s).toArray())
            QVERIFY2(uuid.match(app.toObject().value(u"id"_s).toString()).hasMatch(),
                     qPrintable(app.toObject().value(u"id"_s).toString()));
    }
    const QString generated = m_sandbox->tenantState(u"northwind"_s).value(u"name"_s).toString();
    QVERIFY(QRegularExpression(u"^[a-z0-9]{15}$"_s).match(generated).hasMatch());
}

QTEST_GUILESS_MAIN(TestSandboxSeeds)
#include "tst_sandboxseeds.moc"
