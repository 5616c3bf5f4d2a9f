#include "contentsteps.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// Who may not: end users without TenantAdmin (JWT sessions, FACTS §2.4) and bots without a space
// role get 403 with the family's Qlik error body on the content families whose 403s FACTS lists:
// spaces (§7), app import and publish (§10.1, §10.4), automations (§12, §11.2) and data
// connections (§11.2: bulk update is Admin only). Every answer is validated against the spec.
class TestSandboxNonAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void spacesNeedACreatorRoleOrASpaceRole();
    void appsNeedASpaceRole();
    void botWithoutTheSpaceRoleCannotPublishOrImport();
    void automationsOfOthersAreRefused();
    void dataConnectionsOfOthersAreRefused();

private:
    // Signs `subject` in on the steps' tenant; its Cookie header value and its user id.
    bool signIn(ContentSteps &steps, const QString &subject);
    HttpReply as(ContentSteps &steps, const QByteArray &method, const QString &path, const QByteArray &body = {},
                 const QByteArray &contentType = "application/json",
                 std::source_location where = std::source_location::current());
    // Empty when `reply` is Qlik's 403: errors[] whose first item has a code, a title and status
    // "403" as a string (FACTS §14.2), and a traceId.
    [[nodiscard]] static QString forbiddenProblem(const HttpReply &reply);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QByteArray m_cookie;
    QString m_userId;
};

void TestSandboxNonAdmin::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxNonAdmin::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_cookie.clear();
    m_userId.clear();
}

bool TestSandboxNonAdmin::signIn(ContentSteps &steps, const QString &subject)
{
    m_cookie = m_sandbox->endUserSession(steps.host(), subject);
    m_userId = steps.userIdNamed(subject.section(u'|', -1));
    return !m_cookie.isEmpty() && !m_userId.isEmpty();
}

HttpReply TestSandboxNonAdmin::as(ContentSteps &steps, const QByteArray &method, const QString &path,
                                  const QByteArray &body, const QByteArray &contentType, std::source_location where)
{
    HttpCall call;
    call.method = method;
    call.host = steps.host();
    call.path = path;
    call.body = body;
    call.contentType = body.isEmpty() ? QByteArray() : contentType;
    call.headers = {{"Cookie", m_cookie}};
    return m_sandbox->http().send(call, where);
}

QString TestSandboxNonAdmin::forbiddenProblem(const HttpReply &reply)
{
    if (reply.status != 403)
        return u"HTTP %1 instead of 403: %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body));
    const QJsonObject body = reply.json();
    const QJsonObject error = body.value(u"errors"_s).toArray().first().toObject();
    if (error.value(u"status"_s) != QJsonValue(u"403"_s))
        return u"errors[0].status is not the string \"403\": "_s + QString::fromUtf8(reply.body);
    if (error.value(u"code"_s).toString().isEmpty() || error.value(u"title"_s).toString().isEmpty())
        return u"errors[0] lacks code or title: "_s + QString::fromUtf8(reply.body);
    if (body.value(u"traceId"_s).toString().isEmpty())
        return u"no traceId: "_s + QString::fromUtf8(reply.body);
    return {};
}

void TestSandboxNonAdmin::spacesNeedACreatorRoleOrASpaceRole()
{
    ContentSteps steps(*m_sandbox, u"acme-source"_s);
    QVERIFY(steps.isReady());
    QVERIFY(signIn(steps, u"portal|analyst"_s));

    // No SharedSpaceCreator / ManagedSpaceCreator / DataSpaceCreator role: 403 (FACTS §7).
    for (const QString &type : {u"shared"_s, u"managed"_s, u"data"_s}) {
        const HttpReply refused
            = as(steps, "POST", u"/api/v1/spaces"_s,
                 R"({"name":"Mine )" + type.toLatin1() + R"(","type":")" + type.toLatin1() + R"("})");
        QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(type + u": "_s + forbiddenProblem(refused)));
        // Spaces add the deprecated top-level code and title (FACTS §14.2).
        QCOMPARE(refused.json().value(u"code"_s).toString(),
                 refused.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString());
    }

    // A consumer of Staging reads it but may not change it, delete it or assign members.
    const QString staging = steps.spaceIdNamed(u"Staging"_s);
    QCOMPARE(steps.assign(staging, m_userId, u"consumer"_s).status, 201);
    const QString path = u"/api/v1/spaces/"_s + staging;
    QCOMPARE(as(steps, "GET", path).status, 200);
    HttpReply refused = as(steps, "PATCH", path, R"([{"op":"replace","path":"/description","value":"mine"}])");
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    refused = as(steps, "DELETE", path);
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    refused = as(steps, "POST", path + u"/assignments"_s,
                 R"({"type":"user","assigneeId":")" + m_userId.toLatin1() + R"(","roles":["producer"]})");
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    const HttpReply unchanged = steps.http().get(steps.host(), path, steps.token());
    QCOMPARE(unchanged.status, 200);
    QVERIFY(unchanged.json().value(u"description"_s).toString() != "mine"_L1);

    // The role is what was missing: granted, the same create succeeds.
    const HttpReply granted = steps.http().patch(
        steps.host(), u"/api/v1/users/"_s + m_userId,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s},
                               {u"path"_s, u"/assignedRoles"_s},
                               {u"value"_s, QJsonArray{QJsonObject{{u"name"_s, u"SharedSpaceCreator"_s}}}}}},
        steps.token());
    QCOMPARE(granted.status, 204);
    QCOMPARE(as(steps, "POST", u"/api/v1/spaces"_s, R"({"name":"Mine shared","type":"shared"})").status, 201);
}

void TestSandboxNonAdmin::appsNeedASpaceRole()
{
    ContentSteps steps(*m_sandbox, u"acme-source"_s);
    QVERIFY(steps.isReady());
    QVERIFY(signIn(steps, u"portal|builder"_s));
    const QString staging = steps.spaceIdNamed(u"Staging"_s);
    const QString production = steps.spaceIdNamed(u"Production"_s);
    const QString import = u"/api/v1/apps/import?name=Mine&spaceId="_s + staging;
    const QByteArray bytes("sandbox app bytes");

    // Not a member: the shared space is invisible (404); a consumer may not create there (403).
    QCOMPARE(as(steps, "POST", import, bytes, "application/octet-stream").status, 404);
    QCOMPARE(steps.assign(staging, m_userId, u"consumer"_s).status, 201);
    HttpReply refused = as(steps, "POST", import, bytes, "application/octet-stream");
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    QVERIFY(steps.appIdNamed(u"Mine"_s).isEmpty());

    // A producer imports, but publishing needs the publisher role in the managed space.
    const QString assignments = u"/api/v1/spaces/%1/assignments"_s.arg(staging);
    const HttpReply members = steps.http().get(steps.host(), assignments, steps.token());
    QString assignmentId;
    for (const QJsonValue assignment : members.json().value(u"data"_s).toArray()) {
        if (assignment.toObject().value(u"assigneeId"_s).toString() == m_userId)
            assignmentId = assignment.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!assignmentId.isEmpty());
    QCOMPARE(steps.http()
                 .put(steps.host(), assignments + u'/' + assignmentId,
                      QJsonObject{{u"roles"_s, QJsonArray{u"producer"_s}}}, steps.token())
                 .status,
             200);
    const HttpReply imported = as(steps, "POST", import, bytes, "application/octet-stream");
    QCOMPARE(imported.status, 200);
    const QString appId = ContentSteps::appIdOf(imported);
    const QString publish = u"/api/v1/apps/%1/publish"_s.arg(appId);
    const QByteArray target = R"({"spaceId":")" + production.toLatin1() + R"("})";
    QCOMPARE(steps.assign(production, m_userId, u"consumer"_s).status, 201);
    refused = as(steps, "POST", publish, target);
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    for (const QJsonValue app : steps.tenantState().value(u"apps"_s).toArray())
        QVERIFY(app.toObject().value(u"originAppId"_s).toString() != appId);
}

void TestSandboxNonAdmin::botWithoutTheSpaceRoleCannotPublishOrImport()
{
    // TenantAdmin does not imply space membership (FACTS §2.3): the bot needs roles too.
    ContentSteps steps(*m_sandbox, u"acme-source"_s);
    QVERIFY(steps.isReady());
    const QString shared = steps.newSpace(u"Partner staging"_s, u"shared"_s);
    const QString managed = steps.newSpace(u"Partner production"_s, u"managed"_s);
    QVERIFY(!shared.isEmpty() && !managed.isEmpty());
    // The bot created both, so it owns them; a space another user owns is what it meets in practice.
    const QString other = steps.userIdNamed(u"Alex Morgan"_s);
    QVERIFY2(!other.isEmpty(), "the demo seed's source tenant has Alex Morgan");
    for (const QString &space : {shared, managed}) {
        QCOMPARE(steps.http()
                     .patch(steps.host(), u"/api/v1/spaces/"_s + space,
                            QJsonArray{
                                QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/ownerId"_s}, {u"value"_s, other}}},
                            steps.token())
                     .status,
                 200);
    }
    const QString source = steps.appIdNamed(u"Sales Dashboard"_s);
    const HttpReply refused = steps.publish(source, managed);
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    const HttpReply import = steps.importApp(shared, u"Unplaced"_s, QByteArray("bytes"));
    QVERIFY2(forbiddenProblem(import).isEmpty(), qPrintable(forbiddenProblem(import)));
    // With the roles, the same calls succeed.
    QCOMPARE(steps.assign(managed, steps.botId(), u"publisher"_s).status, 201);
    QCOMPARE(steps.publish(source, managed).status, 200);
    QCOMPARE(steps.assign(shared, steps.botId(), u"producer"_s).status, 201);
    QCOMPARE(steps.importApp(shared, u"Placed"_s, QByteArray("bytes")).status, 200);
}

void TestSandboxNonAdmin::automationsOfOthersAreRefused()
{
    ContentSteps steps(*m_sandbox, u"globex"_s);
    QVERIFY(steps.isReady());
    QVERIFY(signIn(steps, u"portal|operator"_s));
    const QJsonArray automations = steps.tenantState().value(u"automations"_s).toArray();
    QVERIFY(!automations.isEmpty());
    const QString id = automations.first().toObject().value(u"id"_s).toString();
    const QString path = u"/api/v1/automations/"_s + id;

    // FACTS §12: listAll is for admins; another user's automation cannot be read, run, changed or
    // moved (the bot's change-owner is TenantAdmin's, FACTS §11.2).
    struct Call
    {
        QByteArray method;
        QString path;
        QByteArray body;
    };
    const QList<Call> calls{
        {"GET", u"/api/v1/automations?listAll=true"_s, {}},
        {"GET", path, {}},
        {"PUT", path, R"({"name":"Mine now"})"},
        {"POST", path + u"/actions/move"_s, R"({"userId":")" + m_userId.toLatin1() + R"("})"},
        {"POST", path + u"/actions/disable"_s, {}},
        {"POST", path + u"/runs"_s, R"({"context":"api","inputs":{}})"},
        {"DELETE", path, {}},
    };
    for (const Call &call : calls) {
        const HttpReply refused = as(steps, call.method, call.path, call.body);
        QVERIFY2(forbiddenProblem(refused).isEmpty(),
                 qPrintable(QString::fromLatin1(call.method) + u' ' + call.path + u": "_s + forbiddenProblem(refused)));
    }
    const QJsonObject after = steps.tenantState().value(u"automations"_s).toArray().first().toObject();
    QCOMPARE(after, automations.first().toObject());
    // Their own list answers, without the other's automation.
    const HttpReply own = as(steps, "GET", u"/api/v1/automations"_s);
    QCOMPARE(own.status, 200);
    QVERIFY(own.json().value(u"data"_s).toArray().isEmpty());
}

void TestSandboxNonAdmin::dataConnectionsOfOthersAreRefused()
{
    ContentSteps steps(*m_sandbox, u"globex"_s);
    QVERIFY(steps.isReady());
    QVERIFY(signIn(steps, u"portal|operator"_s));
    // A connection in a shared space: its members see it (others get 404), editing needs more.
    QJsonObject connection;
    for (const QJsonValue entry : steps.tenantState().value(u"dataConnections"_s).toArray()) {
        if (!entry.toObject().value(u"spaceId"_s).toString().isEmpty())
            connection = entry.toObject();
    }
    const QString id = connection.value(u"id"_s).toString();
    const QString owner = connection.value(u"ownerId"_s).toString();
    QVERIFY(!id.isEmpty() && !owner.isEmpty());
    const QString patch = u"/api/v1/data-connections/"_s + id;
    const QByteArray rename(R"({"patchData":[{"op":"replace","path":"/qName","value":"Mine"}]})");
    QCOMPARE(as(steps, "PATCH", patch, rename).status, 404);
    QCOMPARE(steps.assign(connection.value(u"spaceId"_s).toString(), m_userId, u"consumer"_s).status, 201);

    // FACTS §11.2: the bulk update is Admin only ("The endpoint requires Admin role", the spec).
    HttpReply refused
        = as(steps, "POST", u"/api/v1/data-connections/actions/update"_s,
             R"({"connections":[{"id":")" + id.toLatin1() + R"(","ownerId":")" + m_userId.toLatin1() + R"("}]})");
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    // Data-connection errors carry `details` too (the spec's PublicApiError).
    QVERIFY(refused.json().value(u"errors"_s).toArray().first().toObject().contains(u"details"_s));
    refused = as(steps, "PATCH", patch, rename);
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    // Listing another user's connections needs an admin role.
    refused = as(steps, "GET", u"/api/v1/data-connections?userId="_s + owner);
    QVERIFY2(forbiddenProblem(refused).isEmpty(), qPrintable(forbiddenProblem(refused)));
    bool unchanged = false;
    for (const QJsonValue entry : steps.tenantState().value(u"dataConnections"_s).toArray())
        unchanged = unchanged || entry.toObject() == connection;
    QVERIFY(unchanged);
}

QTEST_GUILESS_MAIN(TestSandboxNonAdmin)
#include "tst_sandboxnonadmin.moc"
