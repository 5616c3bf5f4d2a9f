#include "contentsteps.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// Data connections, data files and automation connections (FACTS §11.2) on the demo seed's globex
// tenant, whose content belongs to the bot of a deleted client: the ownership sweep finds what
// that bot owns in each family and hands it to someone else, as the eu region client's bot.
class TestSandboxDataConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void dataConnectionsOfAUser();
    void dataConnectionsPage();
    void bulkUpdateReassignsOwners();
    void patchRenamesAndMoves();
    void dataConnectionErrors_data();
    void dataConnectionErrors();
    void dataFilesOfAUser();
    void dataFileOwnerChanges();
    void dataConnectionsAndFilesDelete();
    void automationConnectionsChangeOwner();
    void automationsOfTheOrphanMove();

private:
    ContentSteps &steps() { return *m_steps; }
    QJsonArray data(const QString &path, std::source_location where = std::source_location::current());
    QString connectionNamed(const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
    QString m_orphanId;
    QString m_adminId;
};

void TestSandboxDataConnections::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxDataConnections::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"globex"_s);
    QVERIFY(m_steps->isReady());
    // The orphan: a bot user whose client is gone (not the one this test acts as).
    m_orphanId.clear();
    for (const QJsonValue &user : m_steps->tenantState().value(u"users"_s).toArray()) {
        const QJsonObject object = user.toObject();
        if (object.value(u"subject"_s).toString().startsWith(u"qlikbot\\"_s)
            && object.value(u"id"_s).toString() != m_steps->botId())
            m_orphanId = object.value(u"id"_s).toString();
    }
    QVERIFY(!m_orphanId.isEmpty());
    m_adminId = m_steps->userIdNamed(u"Alex Morgan"_s);
    QVERIFY(!m_adminId.isEmpty());
}

QJsonArray TestSandboxDataConnections::data(const QString &path, std::source_location where)
{
    const HttpReply reply = steps().http().get(steps().host(), path, steps().token(), where);
    if (reply.status != 200) {
        QTest::qFail(qPrintable(u"GET %1 answered %2"_s.arg(path).arg(reply.status)), where.file_name(),
                     static_cast<int>(where.line()));
        return {};
    }
    return reply.json().value(u"data"_s).toArray();
}

QString TestSandboxDataConnections::connectionNamed(const QString &name)
{
    for (const QJsonValue &connection : steps().tenantState().value(u"dataConnections"_s).toArray()) {
        if (connection.toObject().value(u"name"_s).toString() == name)
            return connection.toObject().value(u"id"_s).toString();
    }
    return {};
}

void TestSandboxDataConnections::dataConnectionsOfAUser()
{
    // FACTS §11.2: GET /v1/data-connections?userId=X (admin) finds X's connections.
    const QJsonArray owned = data(u"/api/v1/data-connections?userId="_s + m_orphanId);
    QCOMPARE(owned.size(), 2);
    for (const QJsonValue &value : owned) {
        const QJsonObject connection = value.toObject();
        QCOMPARE(connection.value(u"user"_s).toString(), m_orphanId);
        QCOMPARE(connection.value(u"qID"_s).toString(), connection.value(u"qEngineObjectID"_s).toString());
        QVERIFY(connection.value(u"privileges"_s).toArray().contains(u"change_owner"_s));
    }
    // Sorted by name: the personal one has no space.
    QCOMPARE(owned.at(0).toObject().value(u"qName"_s).toString(), u"Globex Finance"_s);
    QVERIFY(!owned.at(0).toObject().contains(u"space"_s));
    QCOMPARE(owned.at(1).toObject().value(u"qName"_s).toString(), u"Globex Warehouse"_s);
    QCOMPARE(owned.at(1).toObject().value(u"space"_s).toString(), steps().spaceIdNamed(u"Staging"_s));

    QCOMPARE(data(u"/api/v1/data-connections?userId="_s + m_adminId).size(), 0);
    QCOMPARE(data(u"/api/v1/data-connections?personal=true"_s).size(), 1);
    QCOMPARE(data(u"/api/v1/data-connections?spaceId="_s + steps().spaceIdNamed(u"Staging"_s)).size(), 1);
    QCOMPARE(data(u"/api/v1/data-connections?filter=qName co \"Ware\""_s).size(), 1);
    QCOMPARE(data(u"/api/v1/data-connections?ownedByMe=true"_s).size(), 0);

    const QString id = owned.at(1).toObject().value(u"qID"_s).toString();
    const HttpReply one = steps().http().get(steps().host(), u"/api/v1/data-connections/"_s + id, steps().token());
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().value(u"qName"_s).toString(), u"Globex Warehouse"_s);
}

void TestSandboxDataConnections::dataConnectionsPage()
{
    // FACTS §14.1: data connections page with ?page, following links.next.href.
    QStringList names;
    QString url = u"https://%1/api/v1/data-connections?limit=1"_s.arg(steps().host());
    for (int pages = 0; !url.isEmpty(); ++pages) {
        QVERIFY(pages < 3);
        const HttpReply page = steps().http().getUrl(url, steps().token());
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json().value(u"data"_s).toArray();
        QCOMPARE(items.size(), 1);
        names.append(items.first().toObject().value(u"qName"_s).toString());
        url = page.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    }
    QCOMPARE(names, (QStringList{u"Globex Finance"_s, u"Globex Warehouse"_s}));
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/data-connections?limit=101"_s, steps().token()).status, 400);
}

void TestSandboxDataConnections::bulkUpdateReassignsOwners()
{
    const QString warehouse = connectionNamed(u"Globex Warehouse"_s);
    const QString finance = connectionNamed(u"Globex Finance"_s);
    const QJsonArray connections{QJsonObject{{u"id"_s, warehouse}, {u"ownerId"_s, m_adminId}},
                                 QJsonObject{{u"id"_s, finance}, {u"ownerId"_s, u"no-such-user"_s}},
                                 QJsonObject{{u"id"_s, u"no-such-connection"_s}, {u"ownerId"_s, m_adminId}}};
    const HttpReply reply = steps().http().post(steps().host(), u"/api/v1/data-connections/actions/update"_s,
                                                QJsonObject{{u"connections"_s, connections}}, steps().token());
    QCOMPARE(reply.status, 207);
    const QJsonArray results = reply.json().value(u"data"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"status"_s).toInt(), 204);
    QCOMPARE(results.at(1).toObject().value(u"status"_s).toInt(), 400);
    QVERIFY(!results.at(1).toObject().value(u"error"_s).toObject().value(u"code"_s).toString().isEmpty());
    QCOMPARE(results.at(2).toObject().value(u"status"_s).toInt(), 404);

    const QJsonArray owned = data(u"/api/v1/data-connections?userId="_s + m_adminId);
    QCOMPARE(owned.size(), 1);
    QCOMPARE(owned.first().toObject().value(u"qID"_s).toString(), warehouse);
    QCOMPARE(data(u"/api/v1/data-connections?userId="_s + m_orphanId).size(), 1);
}

void TestSandboxDataConnections::patchRenamesAndMoves()
{
    const QString warehouse = connectionNamed(u"Globex Warehouse"_s);
    const QString path = u"/api/v1/data-connections/"_s + warehouse;
    const QJsonObject rename{
        {u"patchData"_s,
         QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/qName"_s}, {u"value"_s, u"Warehouse"_s}},
                    QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"/space"_s}}}}};
    HttpReply reply = steps().http().patch(steps().host(), path, rename, steps().token());
    QCOMPARE(reply.status, 204);
    reply = steps().http().get(steps().host(), path, steps().token());
    QCOMPARE(reply.json().value(u"qName"_s).toString(), u"Warehouse"_s);
    QVERIFY(!reply.json().contains(u"space"_s));

    // The same owner cannot have two personal connections of one name: 409.
    const QJsonObject clash{
        {u"patchData"_s,
         QJsonArray{
             QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/qName"_s}, {u"value"_s, u"Globex Finance"_s}}}}};
    reply = steps().http().patch(steps().host(), path, clash, steps().token());
    QCOMPARE(reply.status, 409);
}

void TestSandboxDataConnections::dataConnectionErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown connection") << QByteArray("GET") << u"/api/v1/data-connections/nope"_s << QByteArray()
                                        << 404;
    QTest::newRow("patch without patchData")
        << QByteArray("PATCH") << u"/api/v1/data-connections/@warehouse"_s << QByteArray("{}") << 400;
    QTest::newRow("patch of an unknown path")
        << QByteArray("PATCH") << u"/api/v1/data-connections/@warehouse"_s
        << QByteArray(R"({"patchData":[{"op":"replace","path":"/user","value":"x"}]})") << 400;
    QTest::newRow("update without connections") << QByteArray("POST") << u"/api/v1/data-connections/actions/update"_s
                                                << QByteArray(R"({"connection":[]})") << 400;
    QTest::newRow("bad boolean") << QByteArray("GET") << u"/api/v1/data-connections?personal=maybe"_s << QByteArray()
                                 << 400;
    QTest::newRow("unknown sort") << QByteArray("GET") << u"/api/v1/data-connections?sort=colour"_s << QByteArray()
                                  << 400;
}

void TestSandboxDataConnections::dataConnectionErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    TestSupport::HttpCall call;
    call.method = method;
    call.host = steps().host();
    call.path = path.replace(u"@warehouse"_s, connectionNamed(u"Globex Warehouse"_s));
    call.body = body;
    call.contentType = body.isEmpty() ? QByteArray() : QByteArray("application/json");
    call.token = steps().token();
    const HttpReply reply = steps().http().send(call);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.errorCode().isEmpty());
}

void TestSandboxDataConnections::dataFilesOfAUser()
{
    // FACTS §11.2: GET /v1/data-files?ownerId=X&includeAllSpaces=true.
    const QString query = u"/api/v1/data-files?includeAllSpaces=true&ownerId="_s + m_orphanId;
    QJsonArray files = data(query);
    QStringList names;
    for (const QJsonValue &file : std::as_const(files))
        names.append(file.toObject().value(u"name"_s).toString());
    QCOMPARE(names, (QStringList{u"exports/q1-orders.csv"_s, u"orders.csv"_s}));
    for (const QJsonValue &file : std::as_const(files))
        QCOMPARE(file.toObject().value(u"ownerId"_s).toString(), m_orphanId);

    files = data(query + u"&includeFolders=true&excludeFiles=true"_s);
    QCOMPARE(files.size(), 1);
    const QJsonObject folder = files.first().toObject();
    QCOMPARE(folder.value(u"folder"_s).toBool(), true);
    QCOMPARE(folder.value(u"folderStats"_s).toObject().value(u"totalFileCount"_s).toInt(), 1);

    // The caller's own personal space holds nothing.
    QCOMPARE(data(u"/api/v1/data-files"_s).size(), 0);
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/data-files?limit=1001"_s, steps().token()).status, 400);
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/data-files/nope"_s, steps().token()).status, 404);
}

void TestSandboxDataConnections::dataFileOwnerChanges()
{
    QString personal;
    QString folder;
    QString nested;
    for (const QJsonValue &value :
         data(u"/api/v1/data-files?includeAllSpaces=true&includeFolders=true&ownerId="_s + m_orphanId)) {
        const QJsonObject file = value.toObject();
        const QString name = file.value(u"name"_s).toString();
        (name == "orders.csv"_L1 ? personal : name == "exports"_L1 ? folder : nested) = file.value(u"id"_s).toString();
    }
    QVERIFY(!personal.isEmpty() && !folder.isEmpty() && !nested.isEmpty());
    const QString changeOwner = u"/api/v1/data-files/%1/actions/change-owner"_s;
    const QJsonObject toAdmin{{u"ownerId"_s, m_adminId}};

    // Only root-level items change owner.
    HttpReply reply = steps().http().post(steps().host(), changeOwner.arg(nested), toAdmin, steps().token());
    QCOMPARE(reply.status, 400);
    // A folder takes its contents along.
    reply = steps().http().post(steps().host(), changeOwner.arg(folder), toAdmin, steps().token());
    QCOMPARE(reply.status, 204);
    reply = steps().http().get(steps().host(), u"/api/v1/data-files/"_s + nested, steps().token());
    QCOMPARE(reply.json().value(u"ownerId"_s).toString(), m_adminId);
    // A personal file moves to the new owner's personal space.
    reply = steps().http().post(steps().host(), changeOwner.arg(personal), toAdmin, steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(data(u"/api/v1/data-files?includeAllSpaces=true&ownerId="_s + m_orphanId).size(), 0);
    QCOMPARE(data(u"/api/v1/data-files?includeAllSpaces=true&ownerId="_s + m_adminId).size(), 2);

    reply = steps().http().post(steps().host(), changeOwner.arg(personal), QJsonObject{{u"ownerId"_s, u"nobody"_s}},
                                steps().token());
    QCOMPARE(reply.status, 400);
    reply = steps().http().post(steps().host(), changeOwner.arg(personal),
                                QJsonObject{{u"ownerId"_s, m_orphanId}, {u"spaceId"_s, u"x"_s}}, steps().token());
    QCOMPARE(reply.status, 400);
}

void TestSandboxDataConnections::dataConnectionsAndFilesDelete()
{
    // Spec: DELETE /v1/data-connections/{qID} 204, then 404.
    const QString warehouse = connectionNamed(u"Globex Warehouse"_s);
    QVERIFY(!warehouse.isEmpty());
    const QString connectionPath = u"/api/v1/data-connections/"_s + warehouse;
    QCOMPARE(steps().http().del(steps().host(), connectionPath, steps().token()).status, 204);
    QCOMPARE(steps().http().get(steps().host(), connectionPath, steps().token()).status, 404);
    QCOMPARE(steps().http().del(steps().host(), connectionPath, steps().token()).status, 404);
    QVERIFY(connectionNamed(u"Globex Warehouse"_s).isEmpty());

    // Spec: DELETE /v1/data-files/{id} on a folder deletes what is in it, recursively.
    QString folder;
    QString nested;
    for (const QJsonValue &value :
         data(u"/api/v1/data-files?includeAllSpaces=true&includeFolders=true&ownerId="_s + m_orphanId)) {
        const QJsonObject file = value.toObject();
        const QString name = file.value(u"name"_s).toString();
        if (name == "exports"_L1)
            folder = file.value(u"id"_s).toString();
        else if (name != "orders.csv"_L1)
            nested = file.value(u"id"_s).toString();
    }
    QVERIFY(!folder.isEmpty() && !nested.isEmpty());
    QCOMPARE(steps().http().del(steps().host(), u"/api/v1/data-files/"_s + folder, steps().token()).status, 204);
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/data-files/"_s + nested, steps().token()).status, 404);
    QCOMPARE(steps().http().del(steps().host(), u"/api/v1/data-files/"_s + folder, steps().token()).status, 404);
    QCOMPARE(data(u"/api/v1/data-files?includeAllSpaces=true&includeFolders=true&ownerId="_s + m_orphanId).size(), 1);
    // Both deletions are audit events of the caller.
    const QJsonArray events = data(u"/api/v1/audits?userId=%1&limit=2&sort=-eventTime"_s.arg(steps().botId()));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(u"eventType"_s).toString(), u"com.qlik.v1.data-file.deleted"_s);
    QCOMPARE(events.at(1).toObject().value(u"eventType"_s).toString(), u"com.qlik.v1.data-connection.deleted"_s);
}

void TestSandboxDataConnections::automationConnectionsChangeOwner()
{
    // FACTS §11.2: ?filter=ownerId eq "X"&listAll=true, then change-owner {userId} -> 204.
    const QString filter = u"/api/v1/automation-connections?listAll=true&filter=ownerId eq \"%1\""_s;
    const QJsonArray owned = data(filter.arg(m_orphanId));
    QCOMPARE(owned.size(), 1);
    const QString id = owned.first().toObject().value(u"id"_s).toString();
    // Without listAll the caller sees only its own.
    QCOMPARE(data(u"/api/v1/automation-connections"_s).size(), 0);

    HttpReply reply
        = steps().http().post(steps().host(), u"/api/v1/automation-connections/%1/actions/change-owner"_s.arg(id),
                              QJsonObject{{u"userId"_s, m_adminId}}, steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(data(filter.arg(m_orphanId)).size(), 0);
    reply = steps().http().get(steps().host(), u"/api/v1/automation-connections/"_s + id, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"ownerId"_s).toString(), m_adminId);

    reply = steps().http().post(steps().host(), u"/api/v1/automation-connections/%1/actions/change-owner"_s.arg(id),
                                QJsonObject{{u"userId"_s, u"nobody"_s}}, steps().token());
    QCOMPARE(reply.status, 400);
    reply = steps().http().del(steps().host(), u"/api/v1/automation-connections/"_s + id, steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/automation-connections/"_s + id, steps().token()).status,
             404);
}

void TestSandboxDataConnections::automationsOfTheOrphanMove()
{
    const QJsonArray owned = data(u"/api/v1/automations?listAll=true&filter=ownerId eq \"%1\""_s.arg(m_orphanId));
    QCOMPARE(owned.size(), 1);
    const QString id = owned.first().toObject().value(u"id"_s).toString();
    const HttpReply reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/move"_s.arg(id),
                                                QJsonObject{{u"userId"_s, m_adminId}}, steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(data(u"/api/v1/automations?listAll=true&filter=ownerId eq \"%1\""_s.arg(m_orphanId)).size(), 0);
    // Items see the automation under its new owner (FACTS §11.2's other way to find them).
    QCOMPARE(data(u"/api/v1/items?resourceType=automation&ownerId="_s + m_adminId).size(), 1);
}

QTEST_GUILESS_MAIN(TestSandboxDataConnections)
#include "tst_sandboxdataconnections.moc"
