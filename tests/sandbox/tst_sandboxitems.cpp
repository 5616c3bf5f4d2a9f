#include "contentsteps.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/items (FACTS §11.1, §10.4) over the demo seed's source tenant: four apps in Staging, the
// bot being TenantAdmin (it sees every item).
class TestSandboxItems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void itemIdsAreNotResourceIds();
    void filters_data();
    void filters();
    void rejectsBadQueries_data();
    void rejectsBadQueries();
    void sortsAndPages();
    void getsUpdatesAndDeletes();
    void publishedItemsTakeTheItemId();
    void republishingKeepsOneItem();
    void findsWhatAUserOwns();
    void noActionsLeavesActionsEmpty();

private:
    QJsonArray items(const QString &query);
    QStringList names(const QJsonArray &items);
    QString itemOf(const QString &appId);

    ContentSteps &steps() { return *m_steps; }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
};

void TestSandboxItems::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxItems::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"acme-source"_s);
    QVERIFY(m_steps->isReady());
    QVERIFY(m_steps->restoreDefaultSettings());
}

QJsonArray TestSandboxItems::items(const QString &query)
{
    const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/items?"_s + query, steps().token());
    if (reply.status != 200)
        return {};
    return reply.json().value(u"data"_s).toArray();
}

QStringList TestSandboxItems::names(const QJsonArray &items)
{
    QStringList list;
    for (const QJsonValue &item : items)
        list.append(item.toObject().value(u"name"_s).toString());
    return list;
}

QString TestSandboxItems::itemOf(const QString &appId)
{
    const QJsonArray found = items(u"resourceType=app&resourceId="_s + appId);
    return found.isEmpty() ? QString() : found.first().toObject().value(u"id"_s).toString();
}

void TestSandboxItems::itemIdsAreNotResourceIds()
{
    const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/items?resourceType=app"_s, steps().token());
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.header("x-b3-traceid").isEmpty());
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 4);
    const QString staging = steps().spaceIdNamed(u"Staging"_s);
    for (const QJsonValue &value : data) {
        const QJsonObject item = value.toObject();
        QCOMPARE(item.value(u"id"_s).toString().size(), 24);
        QVERIFY(item.value(u"id"_s).toString() != item.value(u"resourceId"_s).toString());
        const QJsonObject attributes = item.value(u"resourceAttributes"_s).toObject();
        QCOMPARE(attributes.value(u"id"_s).toString(), item.value(u"resourceId"_s).toString());
        QCOMPARE(attributes.value(u"spaceId"_s).toString(), staging);
        QCOMPARE(item.value(u"spaceId"_s).toString(), staging);
        QCOMPARE(attributes.value(u"ownerId"_s).toString(), item.value(u"ownerId"_s).toString());
        QCOMPARE(item.value(u"resourceType"_s).toString(), u"app"_s);
        QCOMPARE(steps().appState(attributes.value(u"id"_s).toString()).value(u"itemId"_s).toString(),
                 item.value(u"id"_s).toString());
    }
}

void TestSandboxItems::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // names, in default order (+createdAt)
    const QStringList all{u"Sales Dashboard"_s, u"Customer Churn Analysis"_s, u"Inventory Overview"_s,
                          u"Executive KPIs"_s};
    QTest::newRow("everything") << u"resourceType=app"_s << all;
    QTest::newRow("two types") << u"resourceType=app,automation"_s << all;
    QTest::newRow("subtype excludes untyped apps") << u"resourceType=app[qvd]"_s << QStringList();
    QTest::newRow("trailing comma admits untyped") << u"resourceType=app[qvd,]"_s << all;
    QTest::newRow("name is a case-insensitive search")
        << u"resourceType=app&name=SALES"_s << QStringList{u"Sales Dashboard"_s};
    QTest::newRow("query searches descriptions") << u"query=warehouse"_s << QStringList{u"Inventory Overview"_s};
    QTest::newRow("space") << u"spaceId=@Staging"_s << all;
    QTest::newRow("managed space is empty") << u"spaceId=@Production"_s << QStringList();
    QTest::newRow("personal") << u"spaceId=personal"_s << QStringList();
    QTest::newRow("space type") << u"spaceType=shared,managed"_s << all;
    QTest::newRow("shared=false") << u"shared=false"_s << QStringList();
    QTest::newRow("owner") << u"ownerId=@Alex"_s << all;
    QTest::newRow("not owner") << u"notOwnerId=@Alex"_s << QStringList();
    QTest::newRow("created by") << u"createdByUserId=@Alex"_s << all;
    QTest::newRow("resourceIds") << u"resourceType=app&resourceIds=@Sales,@KPIs"_s
                                 << QStringList{u"Sales Dashboard"_s, u"Executive KPIs"_s};
    QTest::newRow("collection") << u"collectionId=000000000000000000000000"_s << QStringList();
}

void TestSandboxItems::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    query.replace(u"@Staging"_s, steps().spaceIdNamed(u"Staging"_s))
        .replace(u"@Production"_s, steps().spaceIdNamed(u"Production"_s))
        .replace(u"@Alex"_s, steps().userIdNamed(u"Alex Morgan"_s))
        .replace(u"@Sales"_s, steps().appIdNamed(u"Sales Dashboard"_s))
        .replace(u"@KPIs"_s, steps().appIdNamed(u"Executive KPIs"_s));
    const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/items?"_s + query, steps().token());
    QCOMPARE(reply.status, 200);
    QStringList found = names(reply.json().value(u"data"_s).toArray());
    found.removeIf([](const QString &name) { return name.startsWith(u"Add new users"_s); });
    QCOMPARE(found, expected);
}

void TestSandboxItems::rejectsBadQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown type") << u"resourceType=spreadsheet"_s;
    QTest::newRow("unbalanced brackets") << u"resourceType=app[qvd"_s;
    QTest::newRow("resourceId without type") << u"resourceId=abc"_s;
    QTest::newRow("resourceIds without type") << u"resourceIds=a,b"_s;
    QTest::newRow("brackets and resourceSubType") << u"resourceType=app[qvd]&resourceSubType=qvd"_s;
    QTest::newRow("unknown space type") << u"spaceType=public"_s;
    QTest::newRow("unknown sort") << u"sort=size"_s;
    QTest::newRow("sort without sign") << u"sort=name"_s;
    QTest::newRow("limit zero") << u"limit=0"_s;
    QTest::newRow("limit above 100") << u"limit=101"_s;
    QTest::newRow("bad cursor") << u"next=%21%21"_s;
    QTest::newRow("shared not boolean") << u"shared=sometimes"_s;
}

void TestSandboxItems::rejectsBadQueries()
{
    QFETCH(QString, query);
    const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/items?"_s + query, steps().token());
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.header("x-b3-traceid").isEmpty());
    QCOMPARE(reply.errorCode(), u"HTTP-400"_s);
}

void TestSandboxItems::sortsAndPages()
{
    const QString shared = steps().newSpace(u"Bulk"_s, u"shared"_s);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(steps().importApp(shared, u"Bulk %1"_s.arg(i, 2, 10, QLatin1Char('0')), "x").status, 200);
    QCOMPARE(names(items(u"resourceType=app&sort=-name&limit=2"_s)),
             (QStringList{u"Sales Dashboard"_s, u"Inventory Overview"_s}));

    HttpReply reply
        = steps().http().get(steps().host(), u"/api/v1/items?spaceId=%1&sort=%2Bname"_s.arg(shared), steps().token());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 10); // default limit
    QStringList seen = names(reply.json().value(u"data"_s).toArray());
    const QString next
        = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    QVERIFY(next.startsWith(u"https://"_s + steps().host()));
    reply = steps().http().getUrl(next, steps().token());
    QCOMPARE(reply.status, 200);
    seen += names(reply.json().value(u"data"_s).toArray());
    QCOMPARE(seen.size(), 12);
    QCOMPARE(seen.first(), u"Bulk 00"_s);
    QCOMPARE(seen.last(), u"Bulk 11"_s);
    QVERIFY(!reply.json().value(u"links"_s).toObject().contains(u"next"_s));
    const QString prev
        = reply.json().value(u"links"_s).toObject().value(u"prev"_s).toObject().value(u"href"_s).toString();
    QCOMPARE(names(steps().http().getUrl(prev, steps().token()).json().value(u"data"_s).toArray()).first(),
             u"Bulk 00"_s);
}

void TestSandboxItems::getsUpdatesAndDeletes()
{
    const QString appId = steps().appIdNamed(u"Inventory Overview"_s);
    const QString itemId = itemOf(appId);
    const QString path = u"/api/v1/items/"_s + itemId;
    HttpReply reply = steps().http().get(steps().host(), path, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"resourceId"_s).toString(), appId);
    QVERIFY(!reply.header("x-b3-traceid").isEmpty());

    reply = steps().http().put(steps().host(), path,
                               QJsonObject{{u"resourceType"_s, u"app"_s}, {u"name"_s, u"Stock Overview"_s}},
                               steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"name"_s).toString(), u"Stock Overview"_s);
    QCOMPARE(steps().appState(appId).value(u"name"_s).toString(), u"Stock Overview"_s);
    QCOMPARE(steps().http().put(steps().host(), path, QJsonObject{{u"name"_s, u"No type"_s}}, steps().token()).status,
             400);
    QCOMPARE(steps()
                 .http()
                 .put(steps().host(), path, QJsonObject{{u"resourceType"_s, u"automation"_s}}, steps().token())
                 .status,
             400);
    QCOMPARE(
        steps()
            .http()
            .put(steps().host(), path, QJsonObject{{u"resourceType"_s, u"app"_s}, {u"name"_s, u""_s}}, steps().token())
            .status,
        400);

    reply = steps().http().del(steps().host(), path, steps().token());
    QCOMPARE(reply.status, 204);
    QVERIFY(!reply.header("x-b3-traceid").isEmpty());
    QCOMPARE(steps().http().get(steps().host(), path, steps().token()).status, 404);
    QVERIFY(steps().appState(appId).isEmpty());
    QCOMPARE(steps().http().del(steps().host(), path, steps().token()).status, 404);
}

void TestSandboxItems::publishedItemsTakeTheItemId()
{
    const QString shared = steps().newSpace(u"Bot Staging"_s, u"shared"_s);
    const QString managed = steps().newSpace(u"Bot Production"_s, u"managed"_s);
    const QString appId = ContentSteps::appIdOf(steps().importApp(shared, u"Source"_s, "v1"));
    const QString copyId = ContentSteps::appIdOf(steps().publish(appId, managed));
    QVERIFY(!copyId.isEmpty());
    const QString itemId = itemOf(appId);

    const HttpReply reply
        = steps().http().get(steps().host(), u"/api/v1/items/%1/publisheditems"_s.arg(itemId), steps().token());
    QCOMPARE(reply.status, 200);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 1);
    const QJsonObject copy = data.first().toObject();
    QCOMPARE(copy.value(u"resourceId"_s).toString(), copyId);
    QCOMPARE(copy.value(u"resourceAttributes"_s).toObject().value(u"originAppId"_s).toString(), appId);
    QCOMPARE(copy.value(u"resourceAttributes"_s).toObject().value(u"published"_s).toBool(), true);
    QCOMPARE(copy.value(u"spaceId"_s).toString(), managed);
    // FACTS §10.4: the app id is not an item id.
    QCOMPARE(
        steps().http().get(steps().host(), u"/api/v1/items/%1/publisheditems"_s.arg(appId), steps().token()).status,
        404);
    QCOMPARE(steps()
                 .http()
                 .get(steps().host(), u"/api/v1/items/%1/publisheditems?resourceType=automation"_s.arg(itemId),
                      steps().token())
                 .json()
                 .value(u"data"_s)
                 .toArray()
                 .size(),
             0);
}

void TestSandboxItems::republishingKeepsOneItem()
{
    const QString shared = steps().newSpace(u"Bot Staging"_s, u"shared"_s);
    const QString managed = steps().newSpace(u"Bot Production"_s, u"managed"_s);
    const QString first = ContentSteps::appIdOf(steps().importApp(shared, u"Source"_s, "v1"));
    const QString copyId = ContentSteps::appIdOf(steps().publish(first, managed));
    const QString second = ContentSteps::appIdOf(steps().importApp(shared, u"Source"_s, "v2"));
    QCOMPARE(steps().republish(second, copyId, false).status, 200);

    // FACTS §10.4 step 2: find the copy by originAppId among the managed space's items.
    const QJsonArray inManaged = items(u"resourceType=app&spaceId="_s + managed);
    QCOMPARE(inManaged.size(), 1);
    const QJsonObject attributes = inManaged.first().toObject().value(u"resourceAttributes"_s).toObject();
    QCOMPARE(attributes.value(u"id"_s).toString(), copyId);
    QCOMPARE(attributes.value(u"originAppId"_s).toString(), second);
    QCOMPARE(items(u"resourceType=app&name=Source&spaceId="_s + managed).size(), 1);
}

void TestSandboxItems::findsWhatAUserOwns()
{
    // FACTS §11.2: items?ownerId=X&resourceType=app finds a stale bot's apps; the demo's globex
    // tenant has the apps of a deleted client's bot.
    ContentSteps globex(*m_sandbox, u"globex"_s);
    QVERIFY(globex.isReady());
    QString orphan;
    for (const QJsonValue &user : globex.tenantState().value(u"users"_s).toArray()) {
        if (user.toObject().value(u"subject"_s).toString().startsWith(u"qlikbot\\"_s)
            && user.toObject().value(u"id"_s).toString() != globex.botId())
            orphan = user.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!orphan.isEmpty());
    int owned = 0;
    for (const QJsonValue &app : globex.tenantState().value(u"apps"_s).toArray())
        owned += app.toObject().value(u"ownerId"_s).toString() == orphan;
    QVERIFY(owned > 0);
    const HttpReply reply = globex.http().get(
        globex.host(), u"/api/v1/items?resourceType=app&limit=100&ownerId="_s + orphan, globex.token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), owned);
}

void TestSandboxItems::noActionsLeavesActionsEmpty()
{
    QJsonObject item = items(u"resourceType=app&limit=1"_s).first().toObject();
    QVERIFY(item.value(u"actions"_s).toArray().contains(u"read"_s));
    item = items(u"resourceType=app&limit=1&noActions=true"_s).first().toObject();
    QCOMPARE(item.value(u"actions"_s).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxItems)
#include "tst_sandboxitems.moc"
