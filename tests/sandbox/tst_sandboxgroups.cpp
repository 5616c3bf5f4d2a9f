#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

QJsonObject replace(const QString &path, const QJsonValue &value)
{
    return {{u"op"_s, u"replace"_s}, {u"path"_s, path}, {u"value"_s, value}};
}

QJsonArray namedRoles(const QStringList &names)
{
    QJsonArray refs;
    for (const QString &name : names)
        refs.append(QJsonObject{{u"name"_s, name}});
    return refs;
}

} // namespace

// /v1/groups, /v1/groups/settings and /v1/roles (FACTS §5.2, §5.3) on the demo source tenant.
class TestSandboxGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsGroupsAndRefusesDuplicates();
    void createValidatesRoles();
    void patchAcceptsThePathWithAndWithoutSlash_data();
    void patchAcceptsThePathWithAndWithoutSlash();
    void patchRejectsOtherPaths();
    void listFiltersPagesAndCounts();
    void systemGroupsStandAlone();
    void deleteRemovesMembershipsAndAssignments();
    void filterAction();
    void settingsRoundTrip();
    void settingsRejectBadPatches_data();
    void settingsRejectBadPatches();
    void groupRolesReachMembers();
    void rolesListTheDefaultsWithTenantIds();
    void rolesFilterAndPage();
    void customRolesLifecycle();
    void defaultRolesAreReadOnly();

private:
    HttpReply createGroup(const QString &name, const QJsonArray &roles = {});
    QString userId(const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxGroups::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxGroups::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

HttpReply TestSandboxGroups::createGroup(const QString &name, const QJsonArray &roles)
{
    QJsonObject body{{u"name"_s, name}};
    if (!roles.isEmpty())
        body.insert(u"assignedRoles"_s, roles);
    return m_sandbox->http().post(m_host, u"/api/v1/groups"_s, body, m_token);
}

QString TestSandboxGroups::userId(const QString &name)
{
    for (const QJsonValue &user : m_sandbox->tenantState(u"acme-source"_s).value(u"users"_s).toArray()) {
        if (user.toObject().value(u"name"_s).toString() == name)
            return user.toObject().value(u"id"_s).toString();
    }
    return {};
}

void TestSandboxGroups::createsGroupsAndRefusesDuplicates()
{
    const HttpReply reply = createGroup(u"Finance"_s, namedRoles({u"AnalyticsAdmin"_s}));
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(reply.json().value(u"assignedRoles"_s).toArray().first().toObject().value(u"name"_s).toString(),
             u"AnalyticsAdmin"_s);
    QCOMPARE(createGroup(u"finance"_s).status, 409);
    QCOMPARE(createGroup(u"com.qlik.Everyone"_s).status, 409);
}

void TestSandboxGroups::createValidatesRoles()
{
    QCOMPARE(createGroup(u"Bad"_s, namedRoles({u"Wizard"_s})).status, 400);
    QCOMPARE(createGroup(u"Bad2"_s, QJsonArray{QJsonObject{{u"id"_s, u"000000000000000000000000"_s}}}).status, 400);
    QCOMPARE(
        m_sandbox->http()
            .post(m_host, u"/api/v1/groups"_s, QJsonObject{{u"name"_s, u"x"_s}, {u"status"_s, u"disabled"_s}}, m_token)
            .status,
        400);
    QCOMPARE(m_sandbox->http().post(m_host, u"/api/v1/groups"_s, QJsonObject{}, m_token).status, 400);
}

void TestSandboxGroups::patchAcceptsThePathWithAndWithoutSlash_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("spec: assignedRoles") << u"assignedRoles"_s;
    QTest::newRow("tutorial: /assignedRoles") << u"/assignedRoles"_s;
}

void TestSandboxGroups::patchAcceptsThePathWithAndWithoutSlash()
{
    QFETCH(QString, path);
    const QString id = createGroup(u"Auditors"_s).json().value(u"id"_s).toString();
    const HttpReply reply = m_sandbox->http().patch(
        m_host, u"/api/v1/groups/"_s + id,
        QJsonArray{replace(path, namedRoles({u"AuditAdmin"_s, u"AnalyticsAdmin"_s}))}, m_token);
    QCOMPARE(reply.status, 204);
    const QJsonArray roles
        = m_sandbox->http().get(m_host, u"/api/v1/groups/"_s + id, m_token).json().value(u"assignedRoles"_s).toArray();
    QCOMPARE(roles.size(), 2);
}

void TestSandboxGroups::patchRejectsOtherPaths()
{
    const QString id = createGroup(u"Auditors"_s).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/groups/"_s + id;
    QCOMPARE(m_sandbox->http().patch(m_host, path, QJsonArray{replace(u"/name"_s, u"x"_s)}, m_token).status, 400);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path,
                        QJsonArray{QJsonObject{
                            {u"op"_s, u"add"_s}, {u"path"_s, u"assignedRoles"_s}, {u"value"_s, QJsonArray()}}},
                        m_token)
                 .status,
             400);
    QCOMPARE(
        m_sandbox->http()
            .patch(m_host, u"/api/v1/groups/nope"_s, QJsonArray{replace(u"assignedRoles"_s, QJsonArray())}, m_token)
            .status,
        404);
}

void TestSandboxGroups::listFiltersPagesAndCounts()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(createGroup(u"Team %1"_s.arg(i)).status, 201);
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/groups?limit=3&totalResults=true"_s, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"totalResults"_s).toInt(), 7);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 3);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Analysts"_s);
    int seen = 3;
    QString next = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    while (!next.isEmpty()) {
        reply = m_sandbox->http().getUrl(next, m_token);
        QCOMPARE(reply.status, 200);
        seen += reply.json().value(u"data"_s).toArray().size();
        next = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    }
    QCOMPARE(seen, 7);
    reply = m_sandbox->http().get(
        m_host, u"/api/v1/groups?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(u"name sw \"team\""_s)),
        m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 5);
    QCOMPARE(m_sandbox->http()
                 .get(m_host, u"/api/v1/groups?sort=-name"_s, m_token)
                 .json()
                 .value(u"data"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"name"_s)
                 .toString(),
             u"Team 4"_s);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/groups?filter=colour%20eq%20%22x%22"_s, m_token).status, 400);
}

void TestSandboxGroups::systemGroupsStandAlone()
{
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/groups?systemGroups=true"_s, m_token);
    QCOMPARE(reply.status, 200);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.first().toObject().value(u"id"_s).toString(), u"000000000000000000000001"_s);
    QCOMPARE(data.first().toObject().value(u"name"_s).toString(), u"com.qlik.Everyone"_s);
    reply = m_sandbox->http().get(m_host, u"/api/v1/groups?systemGroups=true&filter=name%20eq%20%22x%22"_s, m_token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/groups/000000000000000000000001"_s, m_token).status, 200);
}

void TestSandboxGroups::deleteRemovesMembershipsAndAssignments()
{
    QString analysts;
    for (const QJsonValue &group : m_sandbox->tenantState(u"acme-source"_s).value(u"groups"_s).toArray()) {
        if (group.toObject().value(u"name"_s).toString() == "Analysts"_L1)
            analysts = group.toObject().value(u"id"_s).toString();
    }
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/groups/"_s + analysts, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/groups/"_s + analysts, m_token).status, 404);
    const QJsonObject jonas
        = m_sandbox->http().get(m_host, u"/api/v1/users/"_s + userId(u"Jonas Berg"_s), m_token).json();
    QCOMPARE(jonas.value(u"assignedGroups"_s).toArray().size(), 0);
    for (const QJsonValue &space : m_sandbox->tenantState(u"acme-source"_s).value(u"spaces"_s).toArray()) {
        for (const QJsonValue &assignment : space.toObject().value(u"assignments"_s).toArray())
            QVERIFY(assignment.toObject().value(u"assigneeId"_s).toString() != analysts);
    }
}

void TestSandboxGroups::filterAction()
{
    const HttpReply reply = m_sandbox->http().post(m_host, u"/api/v1/groups/actions/filter?sort=-name"_s,
                                                   QJsonObject{{u"filter"_s, u"name co \"e\""_s}}, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Developers"_s);
}

void TestSandboxGroups::settingsRoundTrip()
{
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/groups/settings"_s, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"autoCreateGroups"_s).toBool(), false);
    // FACTS §5.2: the tutorial's body, answered 204.
    reply
        = m_sandbox->http().patch(m_host, u"/api/v1/groups/settings"_s,
                                  QJsonArray{replace(u"/autoCreateGroups"_s, true), replace(u"/syncIdpGroups"_s, true),
                                             replace(u"/systemGroups/000000000000000000000001/assignedRoles"_s,
                                                     namedRoles({u"PrivateAnalyticsContentCreator"_s}))},
                                  m_token);
    QCOMPARE(reply.status, 204);
    const QJsonObject settings = m_sandbox->http().get(m_host, u"/api/v1/groups/settings"_s, m_token).json();
    QCOMPARE(settings.value(u"autoCreateGroups"_s).toBool(), true);
    QCOMPARE(settings.value(u"syncIdpGroups"_s).toBool(), true);
    QCOMPARE(settings.value(u"systemGroups"_s)
                 .toObject()
                 .value(u"000000000000000000000001"_s)
                 .toObject()
                 .value(u"assignedRoles"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"name"_s)
                 .toString(),
             u"PrivateAnalyticsContentCreator"_s);
}

void TestSandboxGroups::settingsRejectBadPatches_data()
{
    QTest::addColumn<QJsonArray>("body");
    QTest::newRow("not a boolean") << QJsonArray{replace(u"/autoCreateGroups"_s, u"yes"_s)};
    QTest::newRow("unknown path") << QJsonArray{replace(u"/magic"_s, true)};
    QTest::newRow("other system group") << QJsonArray{replace(u"/systemGroups/123/assignedRoles"_s, QJsonArray())};
    QTest::newRow("add op") << QJsonArray{
        QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/syncIdpGroups"_s}, {u"value"_s, true}}};
}

void TestSandboxGroups::settingsRejectBadPatches()
{
    QFETCH(QJsonArray, body);
    QCOMPARE(m_sandbox->http().patch(m_host, u"/api/v1/groups/settings"_s, body, m_token).status, 400);
    QCOMPARE(m_sandbox->http()
                 .get(m_host, u"/api/v1/groups/settings"_s, m_token)
                 .json()
                 .value(u"autoCreateGroups"_s)
                 .toBool(),
             false);
}

void TestSandboxGroups::groupRolesReachMembers()
{
    // Priya is a Developer (SharedSpaceCreator through the group): the user filter sees it.
    const HttpReply reply = m_sandbox->http().get(
        m_host, u"/api/v1/users?filter=assignedGroupsAssignedRoles.name%20eq%20%22SharedSpaceCreator%22"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
}

void TestSandboxGroups::rolesListTheDefaultsWithTenantIds()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/roles?limit=100&totalResults=true"_s, m_token);
    QCOMPARE(reply.status, 200);
    QStringList names;
    for (const QJsonValue &role : reply.json().value(u"data"_s).toArray())
        names.append(role.toObject().value(u"name"_s).toString());
    for (const QString &name :
         {u"TenantAdmin"_s, u"AnalyticsAdmin"_s, u"AuditAdmin"_s, u"SharedSpaceCreator"_s, u"ManagedSpaceCreator"_s,
          u"EmbeddedAnalyticsUser"_s, u"PrivateAnalyticsContentCreator"_s})
        QVERIFY2(names.contains(name), qPrintable(name));
    // Role ids differ per tenant (FACTS §5.3).
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    const auto tenantAdminId = [&](const QString &host, const QString &token) {
        return m_sandbox->http()
            .get(host, u"/api/v1/roles?filter=name%20eq%20%22TenantAdmin%22"_s, token)
            .json()
            .value(u"data"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"id"_s)
            .toString();
    };
    const QString here = tenantAdminId(m_host, m_token);
    const QString there = tenantAdminId(northwind, m_sandbox->regionToken(northwind));
    QVERIFY(!here.isEmpty() && !there.isEmpty());
    QVERIFY(here != there);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/roles/"_s + here, m_token).json().value(u"level"_s).toString(),
             u"admin"_s);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/roles/"_s + there, m_token).status, 404);
}

void TestSandboxGroups::rolesFilterAndPage()
{
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/roles?filter=level%20eq%20%22admin%22"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 4);
    reply = m_sandbox->http().get(m_host, u"/api/v1/roles?limit=5"_s, m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 5);
    QVERIFY(reply.json().value(u"links"_s).toObject().contains(u"next"_s));
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/roles?sort=colour"_s, m_token).status, 400);
}

void TestSandboxGroups::customRolesLifecycle()
{
    HttpReply reply = m_sandbox->http().post(m_host, u"/api/v1/roles"_s,
                                             QJsonObject{{u"name"_s, u"ReportViewer"_s},
                                                         {u"description"_s, u"Reads reports"_s},
                                                         {u"assignedScopes"_s, QJsonArray{u"apps:read"_s}}},
                                             m_token);
    QCOMPARE(reply.status, 201);
    const QString id = reply.json().value(u"id"_s).toString();
    QCOMPARE(reply.json().value(u"type"_s).toString(), u"custom"_s);
    QCOMPARE(
        m_sandbox->http().post(m_host, u"/api/v1/roles"_s, QJsonObject{{u"name"_s, u"ReportViewer"_s}}, m_token).status,
        409);
    QCOMPARE(
        m_sandbox->http().post(m_host, u"/api/v1/roles"_s, QJsonObject{{u"name"_s, u"TenantAdmin"_s}}, m_token).status,
        409);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, u"/api/v1/roles/"_s + id, QJsonArray{replace(u"/description"_s, u"New"_s)}, m_token)
                 .status,
             204);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/roles/"_s + id, m_token).json().value(u"description"_s).toString(),
             u"New"_s);
    // A custom role can be assigned, and deleting it takes it away from users.
    const QString jonas = userId(u"Jonas Berg"_s);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, u"/api/v1/users/"_s + jonas,
                        QJsonArray{replace(u"/assignedRoles"_s, QJsonArray{QJsonObject{{u"id"_s, id}}})}, m_token)
                 .status,
             204);
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/roles/"_s + id, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/roles/"_s + id, m_token).status, 404);
    QCOMPARE(m_sandbox->http()
                 .get(m_host, u"/api/v1/users/"_s + jonas, m_token)
                 .json()
                 .value(u"assignedRoles"_s)
                 .toArray()
                 .size(),
             0);
}

void TestSandboxGroups::defaultRolesAreReadOnly()
{
    const QString id = m_sandbox->http()
                           .get(m_host, u"/api/v1/roles?filter=name%20eq%20%22Steward%22"_s, m_token)
                           .json()
                           .value(u"data"_s)
                           .toArray()
                           .first()
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/roles/"_s + id, m_token).status, 403);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, u"/api/v1/roles/"_s + id, QJsonArray{replace(u"/name"_s, u"X"_s)}, m_token)
                 .status,
             403);
}

QTEST_GUILESS_MAIN(TestSandboxGroups)
#include "tst_sandboxgroups.moc"
