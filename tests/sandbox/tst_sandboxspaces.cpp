#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/spaces and their assignments (FACTS §7) on the demo seed's source tenant.
class TestSandboxSpaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listsTypes();
    void createsEachType_data();
    void createsEachType();
    void rejectsBadNames_data();
    void rejectsBadNames();
    void namesAreUniqueCaseInsensitively();
    void listFiltersSortsAndCounts();
    void listPagesWithDefaultLimit10();
    void getAnswers404ForUnknownSpaces();
    void patchAnswers200WithTheSpace();
    void patchRejectsBadOperations();
    void putReplacesProperties();
    void deleteNeedsAnEmptySpace();
    void assignmentsFollowTheSpaceType_data();
    void assignmentsFollowTheSpaceType();
    void duplicateAssignmentIsAConflict();
    void assignmentLifecycle();
    void errorsCarryTheDeprecatedTopLevelFields();
    void ownerSeesAllAssignableRoles();

private:
    HttpReply createSpace(const QString &name, const QString &type);
    QString spaceId(const QString &name);
    QString userId(const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxSpaces::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxSpaces::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

HttpReply TestSandboxSpaces::createSpace(const QString &name, const QString &type)
{
    return m_sandbox->http().post(m_host, u"/api/v1/spaces"_s,
                                  QJsonObject{{u"name"_s, name}, {u"type"_s, type}, {u"description"_s, u"test"_s}},
                                  m_token);
}

QString TestSandboxSpaces::spaceId(const QString &name)
{
    const HttpReply reply = m_sandbox->http().get(
        m_host,
        u"/api/v1/spaces?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(u"name eq \"%1\""_s.arg(name))),
        m_token);
    return reply.json().value(u"data"_s).toArray().first().toObject().value(u"id"_s).toString();
}

QString TestSandboxSpaces::userId(const QString &name)
{
    for (const QJsonValue &user : m_sandbox->tenantState(u"acme-source"_s).value(u"users"_s).toArray()) {
        if (user.toObject().value(u"name"_s).toString() == name)
            return user.toObject().value(u"id"_s).toString();
    }
    return {};
}

void TestSandboxSpaces::listsTypes()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/spaces/types"_s, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray(), (QJsonArray{u"shared"_s, u"managed"_s, u"data"_s}));
}

void TestSandboxSpaces::createsEachType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("assignableRoles");
    QTest::newRow("shared") << u"shared"_s
                            << QStringList{u"codeveloper"_s, u"consumer"_s, u"dataconsumer"_s, u"facilitator"_s,
                                           u"producer"_s};
    QTest::newRow("managed") << u"managed"_s << QStringList{u"consumer"_s,    u"contributor"_s, u"dataconsumer"_s,
                                                            u"facilitator"_s, u"publisher"_s,   u"basicconsumer"_s};
    QTest::newRow("data") << u"data"_s
                          << QStringList{u"consumer"_s, u"dataconsumer"_s, u"datapreview"_s, u"facilitator"_s,
                                         u"operator"_s, u"producer"_s,     u"publisher"_s};
}

void TestSandboxSpaces::createsEachType()
{
    QFETCH(QString, type);
    QFETCH(QStringList, assignableRoles);
    const HttpReply reply = createSpace(u"Team "_s + type, type);
    QCOMPARE(reply.status, 201);
    const QJsonObject space = reply.json();
    QCOMPARE(space.value(u"type"_s).toString(), type);
    QCOMPARE(space.value(u"id"_s).toString().size(), 24);
    QStringList roles;
    for (const QJsonValue &role : space.value(u"meta"_s).toObject().value(u"assignableRoles"_s).toArray())
        roles.append(role.toString());
    QCOMPARE(roles, assignableRoles);
    // The bot created it, so the bot owns it.
    const QString me = QString::fromLatin1(
        m_sandbox->http().get(m_host, u"/api/v1/users/me"_s, m_token).header("location").split('/').last());
    QCOMPARE(space.value(u"ownerId"_s).toString(), me);
    QCOMPARE(space.value(u"links"_s).toObject().value(u"assignments"_s).toObject().value(u"href"_s).toString(),
             u"https://"_s + m_host + u"/api/v1/spaces/"_s + space.value(u"id"_s).toString() + u"/assignments"_s);
}

void TestSandboxSpaces::rejectsBadNames_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("missing name") << QByteArray(R"({"type":"shared"})");
    QTest::newRow("empty name") << QByteArray(R"({"name":"","type":"shared"})");
    QTest::newRow("slash") << QByteArray(R"({"name":"a/b","type":"shared"})");
    QTest::newRow("colon") << QByteArray(R"({"name":"a:b","type":"shared"})");
    QTest::newRow("quote") << QByteArray(R"({"name":"a\"b","type":"shared"})");
    QTest::newRow("backslash") << QByteArray(R"({"name":"a\\b","type":"shared"})");
    QTest::newRow("257 characters") << (R"({"type":"shared","name":")" + QByteArray(257, 'x') + R"("})");
    QTest::newRow("unknown type") << QByteArray(R"({"name":"ok","type":"personal"})");
    QTest::newRow("missing type") << QByteArray(R"({"name":"ok"})");
    QTest::newRow("name not a string") << QByteArray(R"({"name":["ok"],"type":"shared"})");
}

void TestSandboxSpaces::rejectsBadNames()
{
    QFETCH(QByteArray, body);
    const HttpReply reply
        = m_sandbox->http().send({"POST", m_host, u"/api/v1/spaces"_s, body, "application/json", m_token, {}, true});
    QCOMPARE(reply.status, 400);
}

void TestSandboxSpaces::namesAreUniqueCaseInsensitively()
{
    QCOMPARE(createSpace(u"Finance (dev)"_s, u"shared"_s).status, 201);
    const HttpReply again = createSpace(u"FINANCE (DEV)"_s, u"managed"_s);
    QCOMPARE(again.status, 409);
    QCOMPARE(createSpace(u"staging"_s, u"shared"_s).status, 409);
}

void TestSandboxSpaces::listFiltersSortsAndCounts()
{
    QCOMPARE(createSpace(u"Alpha"_s, u"managed"_s).status, 201);
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?type=managed&sort=-name"_s, m_token);
    QCOMPARE(reply.status, 200);
    QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject().value(u"name"_s).toString(), u"Production"_s);
    QCOMPARE(data.at(1).toObject().value(u"name"_s).toString(), u"Alpha"_s);
    QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 2);

    reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?name=TAG"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Staging"_s);
    reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?filter=name%20eq%20%22production%22"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces?filter=type%20eq%20%22shared%22"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces?type=personal"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces?sort=size"_s, m_token).status, 400);

    const QString owner = userId(u"Alex Morgan"_s);
    reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?ownerId="_s + owner, m_token);
    QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 2);
    // The bot owns Alpha, a managed space: it may publish there.
    reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?action=publish"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Alpha"_s);
}

void TestSandboxSpaces::listPagesWithDefaultLimit10()
{
    for (int i = 0; i < 11; ++i)
        QCOMPARE(createSpace(u"Space %1"_s.arg(i, 2, 10, QLatin1Char('0')), u"shared"_s).status, 201);
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/spaces?sort=name"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 10);
    QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 13);
    const QString next
        = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    QVERIFY(next.contains(u"sort=name"_s));
    reply = m_sandbox->http().getUrl(next, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 3);
    QCOMPARE(reply.json().value(u"data"_s).toArray().last().toObject().value(u"name"_s).toString(), u"Staging"_s);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces?next=garbage"_s, m_token).status, 400);
}

void TestSandboxSpaces::getAnswers404ForUnknownSpaces()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/spaces/5f0000000000000000000000"_s, m_token);
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces/"_s + spaceId(u"Staging"_s), m_token).status, 200);
}

void TestSandboxSpaces::patchAnswers200WithTheSpace()
{
    const QString id = spaceId(u"Production"_s);
    const QString newOwner = userId(u"Priya Shah"_s);
    const HttpReply reply = m_sandbox->http().patch(
        m_host, u"/api/v1/spaces/"_s + id,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Prod"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"Live"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/ownerId"_s}, {u"value"_s, newOwner}}},
        m_token);
    // FACTS §18.7: spaces answer PATCH with 200 and the space, not 204.
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"name"_s).toString(), u"Prod"_s);
    QCOMPARE(reply.json().value(u"description"_s).toString(), u"Live"_s);
    QCOMPARE(reply.json().value(u"ownerId"_s).toString(), newOwner);
}

void TestSandboxSpaces::patchRejectsBadOperations()
{
    const QString path = u"/api/v1/spaces/"_s + spaceId(u"Production"_s);
    const auto patch
        = [&](const QJsonArray &body) { return m_sandbox->http().patch(m_host, path, body, m_token).status; };
    QCOMPARE(patch({QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"x"_s}}}), 400);
    QCOMPARE(patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/type"_s}, {u"value"_s, u"shared"_s}}}), 400);
    QCOMPARE(patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, 3}}}), 400);
    QCOMPARE(patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Staging"_s}}}), 409);
    QCOMPARE(patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/ownerId"_s}, {u"value"_s, u"nobody"_s}}}), 400);
    QCOMPARE(patch({}), 400);
}

void TestSandboxSpaces::putReplacesProperties()
{
    const QString path = u"/api/v1/spaces/"_s + spaceId(u"Production"_s);
    const HttpReply reply = m_sandbox->http().put(
        m_host, path, QJsonObject{{u"name"_s, u"Production EU"_s}, {u"description"_s, u"Published apps"_s}}, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"name"_s).toString(), u"Production EU"_s);
}

void TestSandboxSpaces::deleteNeedsAnEmptySpace()
{
    const HttpReply notEmpty = m_sandbox->http().del(m_host, u"/api/v1/spaces/"_s + spaceId(u"Staging"_s), m_token);
    QCOMPARE(notEmpty.status, 412);
    const QString id = createSpace(u"Scratch"_s, u"shared"_s).json().value(u"id"_s).toString();
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/spaces/"_s + id, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces/"_s + id, m_token).status, 404);
}

void TestSandboxSpaces::assignmentsFollowTheSpaceType_data()
{
    QTest::addColumn<QString>("space");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("status");
    QTest::newRow("shared producer") << u"Staging"_s << u"producer"_s << 201;
    QTest::newRow("shared codeveloper") << u"Staging"_s << u"codeveloper"_s << 201;
    QTest::newRow("shared publisher") << u"Staging"_s << u"publisher"_s << 400;
    QTest::newRow("managed publisher") << u"Production"_s << u"publisher"_s << 201;
    QTest::newRow("managed basicconsumer") << u"Production"_s << u"basicconsumer"_s << 201;
    QTest::newRow("managed producer") << u"Production"_s << u"producer"_s << 400;
    QTest::newRow("unknown role") << u"Production"_s << u"king"_s << 400;
}

void TestSandboxSpaces::assignmentsFollowTheSpaceType()
{
    QFETCH(QString, space);
    QFETCH(QString, role);
    QFETCH(int, status);
    const HttpReply reply = m_sandbox->http().post(
        m_host, u"/api/v1/spaces/"_s + spaceId(space) + u"/assignments"_s,
        QJsonObject{{u"type"_s, u"user"_s}, {u"assigneeId"_s, userId(u"Jonas Berg"_s)}, {u"roles"_s, QJsonArray{role}}},
        m_token);
    QCOMPARE(reply.status, status);
}

void TestSandboxSpaces::duplicateAssignmentIsAConflict()
{
    const QString path = u"/api/v1/spaces/"_s + spaceId(u"Staging"_s) + u"/assignments"_s;
    const QJsonObject body{
        {u"type"_s, u"user"_s}, {u"assigneeId"_s, userId(u"Jonas Berg"_s)}, {u"roles"_s, QJsonArray{u"consumer"_s}}};
    QCOMPARE(m_sandbox->http().post(m_host, path, body, m_token).status, 201);
    const HttpReply again = m_sandbox->http().post(m_host, path, body, m_token);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"AssignmentConflict"_s);
    // The seeded group assignment conflicts as well.
    const QString developers = [&] {
        for (const QJsonValue &group : m_sandbox->tenantState(u"acme-source"_s).value(u"groups"_s).toArray()) {
            if (group.toObject().value(u"name"_s).toString() == "Developers"_L1)
                return group.toObject().value(u"id"_s).toString();
        }
        return QString();
    }();
    QCOMPARE(m_sandbox->http()
                 .post(m_host, path,
                       QJsonObject{{u"type"_s, u"group"_s},
                                   {u"assigneeId"_s, developers},
                                   {u"roles"_s, QJsonArray{u"consumer"_s}}},
                       m_token)
                 .status,
             409);
}

void TestSandboxSpaces::assignmentLifecycle()
{
    const QString path = u"/api/v1/spaces/"_s + spaceId(u"Production"_s) + u"/assignments"_s;
    const QString jonas = userId(u"Jonas Berg"_s);
    HttpReply reply = m_sandbox->http().post(
        m_host, path,
        QJsonObject{{u"type"_s, u"user"_s}, {u"assigneeId"_s, jonas}, {u"roles"_s, QJsonArray{u"consumer"_s}}},
        m_token);
    QCOMPARE(reply.status, 201);
    const QString id = reply.json().value(u"id"_s).toString();
    QCOMPARE(reply.json().value(u"assigneeId"_s).toString(), jonas);

    reply = m_sandbox->http().get(m_host, path, m_token);
    QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 2);
    reply = m_sandbox->http().get(m_host, path + u"?type=group"_s, m_token);
    QCOMPARE(reply.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 1);
    QCOMPARE(m_sandbox->http().get(m_host, path + u"?type=robot"_s, m_token).status, 400);

    reply = m_sandbox->http().put(m_host, path + u'/' + id,
                                  QJsonObject{{u"roles"_s, QJsonArray{u"consumer"_s, u"publisher"_s}}}, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"roles"_s).toArray().size(), 2);
    QCOMPARE(m_sandbox->http().put(m_host, path + u'/' + id, QJsonObject{{u"roles"_s, QJsonArray{}}}, m_token).status,
             400);
    QCOMPARE(m_sandbox->http().get(m_host, path + u'/' + id, m_token).status, 200);
    QCOMPARE(m_sandbox->http().del(m_host, path + u'/' + id, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, path + u'/' + id, m_token).status, 404);

    // Unknown assignee, empty roles.
    QCOMPARE(m_sandbox->http()
                 .post(m_host, path,
                       QJsonObject{{u"type"_s, u"user"_s},
                                   {u"assigneeId"_s, u"nobody"_s},
                                   {u"roles"_s, QJsonArray{u"consumer"_s}}},
                       m_token)
                 .status,
             400);
    QCOMPARE(m_sandbox->http()
                 .post(m_host, path,
                       QJsonObject{{u"type"_s, u"user"_s}, {u"assigneeId"_s, jonas}, {u"roles"_s, QJsonArray{}}},
                       m_token)
                 .status,
             400);
}

void TestSandboxSpaces::errorsCarryTheDeprecatedTopLevelFields()
{
    const HttpReply reply = createSpace(u"Staging"_s, u"shared"_s);
    QCOMPARE(reply.status, 409);
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(u"code"_s).toString(),
             body.value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString());
    QVERIFY(!body.value(u"title"_s).toString().isEmpty());
    QVERIFY(!body.value(u"traceId"_s).toString().isEmpty());
}

void TestSandboxSpaces::ownerSeesAllAssignableRoles()
{
    const HttpReply reply = createSpace(u"Mine"_s, u"managed"_s);
    const QJsonObject meta = reply.json().value(u"meta"_s).toObject();
    QCOMPARE(meta.value(u"roles"_s).toArray(), meta.value(u"assignableRoles"_s).toArray());
    QVERIFY(meta.value(u"actions"_s).toArray().contains(u"publish"_s));
}

QTEST_GUILESS_MAIN(TestSandboxSpaces)
#include "tst_sandboxspaces.moc"
