// The ownership audit's pure parts (issue 8): how a bot is classified from its client id, and how
// owned resources are read from each list's entries; how a typed partner domain is cleaned.
#include "cloud/botidentity.h"
#include "cloud/ownedresource.h"
#include "cloud/tenantownership.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::BotIdentity;
using Cloud::OwnedResource;

class TestOwnership : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void readers_data();
    void readers();
    void entryWithoutIdIsAnError();
    void normalizedDomain_data();
    void normalizedDomain();
};

void TestOwnership::classify_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("standing");
    // configured: a, stale; deleted: gone, stale
    QTest::newRow("configured") << u"a"_s << u"active"_s;
    QTest::newRow("deleted") << u"gone"_s << u"orphaned"_s;
    QTest::newRow("deleted wins over a stale profile") << u"stale"_s << u"orphaned"_s;
    QTest::newRow("neither") << u"other"_s << u"unknown"_s;
}

void TestOwnership::classify()
{
    QFETCH(QString, clientId);
    QFETCH(QString, standing);
    Cloud::User bot;
    bot.id = u"0123456789abcdef01234567"_s;
    bot.clientId = clientId;
    bot.subject = Cloud::User::botSubject(clientId);
    const BotIdentity identity = BotIdentity::classify(bot, {u"a"_s, u"stale"_s}, {u"gone"_s, u"stale"_s});
    QCOMPARE(BotIdentity::standingName(identity.standing), standing);
    QCOMPARE(identity.user.id, bot.id);
    QVERIFY(!identity.basis.isEmpty());
}

void TestOwnership::readers_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("spaceId");
    auto row = [](const char *name, const QString &source, const QByteArray &json, const QString &type,
                  const QString &id, const QString &title,
                  const QString &space) { QTest::newRow(name) << source << json << type << id << title << space; };
    row("item: the app id, not the item id", u"item"_s,
        R"({"id":"item1","resourceId":"app1","resourceType":"app","name":"Sales","spaceId":"s1","ownerId":"u"})",
        u"app"_s, u"app1"_s, u"Sales"_s, u"s1"_s);
    row("item in a personal space", u"item"_s,
        R"({"id":"item2","resourceId":"auto1","resourceType":"automation","name":"Nightly","ownerId":"u"})",
        u"automation"_s, u"auto1"_s, u"Nightly"_s, QString());
    row("space", u"space"_s, R"({"id":"s1","name":"Staging","ownerId":"u","type":"shared"})", u"space"_s, u"s1"_s,
        u"Staging"_s, u"s1"_s);
    row("data connection", u"data-connection"_s, R"({"qID":"c1","qName":"Warehouse","user":"u","space":"s1"})",
        u"data-connection"_s, u"c1"_s, u"Warehouse"_s, u"s1"_s);
    row("automation connection", u"automation-connection"_s, R"({"id":"ac1","name":"Mail","ownerId":"u"})",
        u"automation-connection"_s, u"ac1"_s, u"Mail"_s, QString());
    row("data file", u"data-file"_s, R"({"id":"f1","name":"orders.csv","ownerId":"u","spaceId":null})", u"data-file"_s,
        u"f1"_s, u"orders.csv"_s, QString());
    row("data folder", u"data-file"_s, R"({"id":"f2","name":"exports","folder":true,"ownerId":"u"})", u"data-folder"_s,
        u"f2"_s, u"exports"_s, QString());
}

void TestOwnership::readers()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, json);
    QFETCH(QString, type);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, spaceId);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QString error;
    OwnedResource resource;
    if (source == u"item"_s)
        resource = OwnedResource::fromItem(object, &error);
    else if (source == u"space"_s)
        resource = OwnedResource::fromSpace(object, &error);
    else if (source == u"data-connection"_s)
        resource = OwnedResource::fromDataConnection(object, &error);
    else if (source == u"automation-connection"_s)
        resource = OwnedResource::fromAutomationConnection(object, &error);
    else
        resource = OwnedResource::fromDataFile(object, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(resource.type, type);
    QCOMPARE(resource.id, id);
    QCOMPARE(resource.name, name);
    QCOMPARE(resource.spaceId, spaceId);
    QCOMPARE(resource.ownerId, u"u"_s);
}

void TestOwnership::entryWithoutIdIsAnError()
{
    QString error;
    (void)OwnedResource::fromDataConnection(QJsonObject{{u"qName"_s, u"x"_s}}, &error);
    QVERIFY2(error.contains(u"'qID'"_s), qPrintable(error));
    error.clear();
    (void)OwnedResource::fromItem(QJsonObject{{u"resourceId"_s, u"a"_s}}, &error);
    QVERIFY2(error.contains(u"'resourceType'"_s), qPrintable(error));
}

void TestOwnership::normalizedDomain_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("domain"); // empty: refused
    QTest::newRow("plain") << u"acme.example"_s << u"acme.example"_s;
    QTest::newRow("at, case, spaces") << u" @Acme-Analytics.Example "_s << u"acme-analytics.example"_s;
    QTest::newRow("no dot") << u"acme"_s << QString();
    QTest::newRow("an address") << u"alex@acme.example"_s << QString();
    QTest::newRow("only at") << u"@"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestOwnership::normalizedDomain()
{
    QFETCH(QString, typed);
    QFETCH(QString, domain);
    QCOMPARE(Cloud::TenantOwnership::normalizedDomain(typed), domain);
    // What it returns compares with the domain of an address.
    if (!domain.isEmpty())
        QCOMPARE(Cloud::TenantOwnership::emailDomain(u"Someone@"_s + typed.trimmed().remove(u'@')), domain);
}

QTEST_GUILESS_MAIN(TestOwnership)
#include "tst_ownership.moc"
