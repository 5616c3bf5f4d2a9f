#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/users against the demo seed's source tenant (FACTS §5.1).
class TestSandboxUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listsUsersSortedByName();
    void pagesWithNextAndPrevLinks();
    void filters_data();
    void filters();
    void rejectsBadFilters_data();
    void rejectsBadFilters();
    void deprecatedParametersCannotMixWithFilter();
    void sortsAndCountsTotals();
    void createsUsers();
    void createConflictsOnSubjectAndEmail();
    void createValidatesItsBody_data();
    void createValidatesItsBody();
    void meRedirectsToTheCaller();
    void getsOneUserOr404();
    void patchAnswers204AndApplies();
    void patchIsAllOrNothing();
    void deleteRemovesUserAndMemberships();
    void countsUsers();
    void filterActionTakesTheFilterInTheBody();
    void changesAreAudited();

private:
    QString usersPath(const QString &query = {}) const;
    QJsonArray allUsers();

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxUsers::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxUsers::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    QVERIFY(!m_host.isEmpty());
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

QString TestSandboxUsers::usersPath(const QString &query) const
{
    return query.isEmpty() ? u"/api/v1/users"_s : u"/api/v1/users?"_s + query;
}

QJsonArray TestSandboxUsers::allUsers()
{
    return m_sandbox->http().get(m_host, usersPath(u"limit=100"_s), m_token).json().value(u"data"_s).toArray();
}

void TestSandboxUsers::listsUsersSortedByName()
{
    const HttpReply reply = m_sandbox->http().get(m_host, usersPath(), m_token);
    QCOMPARE(reply.status, 200);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    // Three seeded people plus the bot the token request created.
    QCOMPARE(data.size(), 4);
    QStringList names;
    for (const QJsonValue &user : data)
        names.append(user.toObject().value(u"name"_s).toString());
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.toLower() < b.toLower(); });
    QCOMPARE(names, sorted);
    QCOMPARE(reply.json().value(u"links"_s).toObject().value(u"self"_s).toObject().value(u"href"_s).toString(),
             u"https://"_s + m_host + u"/api/v1/users"_s);
    QVERIFY(!reply.json().value(u"links"_s).toObject().contains(u"next"_s));
}

void TestSandboxUsers::pagesWithNextAndPrevLinks()
{
    QStringList seen;
    HttpReply page = m_sandbox->http().get(m_host, usersPath(u"limit=1"_s), m_token);
    QCOMPARE(page.status, 200);
    QVERIFY(!page.json().value(u"links"_s).toObject().contains(u"prev"_s));
    QString lastNext;
    for (int i = 0; i < 10; ++i) {
        const QJsonArray data = page.json().value(u"data"_s).toArray();
        QCOMPARE(data.size(), 1);
        seen.append(data.first().toObject().value(u"id"_s).toString());
        const QJsonObject links = page.json().value(u"links"_s).toObject();
        if (!links.contains(u"next"_s))
            break;
        lastNext = links.value(u"next"_s).toObject().value(u"href"_s).toString();
        // FACTS §14.1: absolute, on the request's host; keeps the other parameters.
        QVERIFY2(lastNext.startsWith(u"https://"_s + m_host + u"/api/v1/users?"_s), qPrintable(lastNext));
        QVERIFY(lastNext.contains(u"limit=1"_s));
        page = m_sandbox->http().getUrl(lastNext, m_token);
        QCOMPARE(page.status, 200);
    }
    QCOMPARE(seen.size(), 4);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 4);
    // On the last page, prev leads back to the third user.
    const QString prev
        = page.json().value(u"links"_s).toObject().value(u"prev"_s).toObject().value(u"href"_s).toString();
    QVERIFY(!prev.isEmpty());
    const HttpReply back = m_sandbox->http().getUrl(prev, m_token);
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(u"data"_s).toArray().first().toObject().value(u"id"_s).toString(), seen.at(2));
}

void TestSandboxUsers::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("email eq") << u"email eq \"priya.shah@acme-analytics.example\""_s << QStringList{u"Priya Shah"_s};
    QTest::newRow("clientId eq finds the bot")
        << u"clientId eq \"sandbox-region-eu\""_s << QStringList{u"EU OAuth Client"_s};
    QTest::newRow("subject co qlikbot") << u"subject co \"qlikbot\""_s << QStringList{u"EU OAuth Client"_s};
    QTest::newRow("name co, case-insensitive") << u"name CO \"jonas\""_s << QStringList{u"Jonas Berg"_s};
    QTest::newRow("role name") << u"assignedRoles.name eq \"TenantAdmin\""_s
                               << QStringList{u"Alex Morgan"_s, u"EU OAuth Client"_s};
    QTest::newRow("or, grouped status")
        << u"(name eq \"Priya Shah\" or name eq \"Jonas Berg\") and (status eq \"active\" or status eq \"disabled\")"_s
        << QStringList{u"Jonas Berg"_s, u"Priya Shah"_s};
    QTest::newRow("group roles") << u"assignedGroupsAssignedRoles.name eq \"SharedSpaceCreator\""_s
                                 << QStringList{u"Priya Shah"_s};
    QTest::newRow("no match") << u"email eq \"nobody@example.com\""_s << QStringList{};
}

void TestSandboxUsers::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, names);
    const HttpReply reply = m_sandbox->http().get(
        m_host, usersPath(u"filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter))), m_token);
    QCOMPARE(reply.status, 200);
    QStringList found;
    for (const QJsonValue &user : reply.json().value(u"data"_s).toArray())
        found.append(user.toObject().value(u"name"_s).toString());
    QCOMPARE(found, names);
}

void TestSandboxUsers::rejectsBadFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("syntax") << u"name eq"_s;
    QTest::newRow("unterminated string") << u"name eq \"bob"_s;
    QTest::newRow("unknown attribute") << u"favouriteColour eq \"blue\""_s;
    QTest::newRow("unsupported operator") << u"status co \"act\""_s;
    QTest::newRow("unquoted value") << u"name eq bob"_s;
    QTest::newRow("missing paren") << u"(name eq \"bob\""_s;
}

void TestSandboxUsers::rejectsBadFilters()
{
    QFETCH(QString, filter);
    const HttpReply reply = m_sandbox->http().get(
        m_host, usersPath(u"filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter))), m_token);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(error.value(u"status"_s).toString(), u"400"_s);
    QCOMPARE(error.value(u"source"_s).toObject().value(u"parameter"_s).toString(), u"filter"_s);
    QVERIFY(!reply.json().value(u"traceId"_s).toString().isEmpty());
}

void TestSandboxUsers::deprecatedParametersCannotMixWithFilter()
{
    HttpReply reply = m_sandbox->http().get(m_host, usersPath(u"email=jonas.berg@acme-analytics.example"_s), m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    reply = m_sandbox->http().get(m_host, usersPath(u"email=a@b.c&filter=name%20eq%20%22x%22"_s), m_token);
    QCOMPARE(reply.status, 400);
}

void TestSandboxUsers::sortsAndCountsTotals()
{
    const HttpReply reply
        = m_sandbox->http().get(m_host, usersPath(u"sort=-name&totalResults=true&limit=2"_s), m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"totalResults"_s).toInt(), 4);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.at(0).toObject().value(u"name"_s).toString(), u"Priya Shah"_s);
    QCOMPARE(data.at(1).toObject().value(u"name"_s).toString(), u"Jonas Berg"_s);
    QCOMPARE(m_sandbox->http().get(m_host, usersPath(u"sort=shoeSize"_s), m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, usersPath(u"limit=0"_s), m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, usersPath(u"limit=101"_s), m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, usersPath(u"limit=100"_s), m_token).status, 200);
}

void TestSandboxUsers::createsUsers()
{
    // FACTS §5.1 / tutorial: status "active" and a role by name are accepted.
    const HttpReply reply = m_sandbox->http().post(
        m_host, usersPath(),
        QJsonObject{{u"subject"_s, u"auth0|new-admin"_s},
                    {u"name"_s, u"New Admin"_s},
                    {u"email"_s, u"new.admin@acme-analytics.example"_s},
                    {u"status"_s, u"active"_s},
                    {u"assignedRoles"_s, QJsonArray{QJsonObject{{u"name"_s, u"TenantAdmin"_s}}}}},
        m_token);
    QCOMPARE(reply.status, 201);
    const QJsonObject user = reply.json();
    QCOMPARE(user.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(user.value(u"assignedRoles"_s).toArray().first().toObject().value(u"name"_s).toString(), u"TenantAdmin"_s);
    QCOMPARE(user.value(u"roles"_s).toArray(), QJsonArray{u"TenantAdmin"_s});
    QCOMPARE(user.value(u"id"_s).toString().size(), 24);
    QVERIFY(!user.contains(u"clientId"_s));

    const HttpReply invited = m_sandbox->http().post(
        m_host, usersPath(), QJsonObject{{u"subject"_s, u"auth0|invitee"_s}, {u"status"_s, u"invited"_s}}, m_token);
    QCOMPARE(invited.status, 201);
    QVERIFY(invited.json().value(u"inviteExpiry"_s).toDouble() > 0);
}

void TestSandboxUsers::createConflictsOnSubjectAndEmail()
{
    const QJsonObject body{{u"subject"_s, u"auth0|dup"_s}, {u"email"_s, u"dup@acme-analytics.example"_s}};
    QCOMPARE(m_sandbox->http().post(m_host, usersPath(), body, m_token).status, 201);
    QCOMPARE(m_sandbox->http().post(m_host, usersPath(), body, m_token).status, 409);
    const HttpReply sameEmail = m_sandbox->http().post(
        m_host, usersPath(),
        QJsonObject{{u"subject"_s, u"auth0|other"_s}, {u"email"_s, u"DUP@acme-analytics.example"_s}}, m_token);
    QCOMPARE(sameEmail.status, 409);
    QCOMPARE(sameEmail.json().value(u"errors"_s).toArray().first().toObject().value(u"status"_s).toString(), u"409"_s);
}

void TestSandboxUsers::createValidatesItsBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("no subject") << QByteArray(R"({"name":"x"})") << u"/subject"_s;
    QTest::newRow("subject not a string") << QByteArray(R"({"subject":42})") << u"/subject"_s;
    QTest::newRow("unknown status") << QByteArray(R"({"subject":"s1","status":"disabled"})") << u"/status"_s;
    QTest::newRow("unknown role") << QByteArray(R"({"subject":"s2","assignedRoles":[{"name":"Wizard"}]})")
                                  << u"/assignedRoles/0"_s;
    QTest::newRow("roles not an array") << QByteArray(R"({"subject":"s3","assignedRoles":"TenantAdmin"})")
                                        << u"/assignedRoles"_s;
    QTest::newRow("other tenant") << QByteArray(R"({"subject":"s4","tenantId":"someoneelse"})") << u"/tenantId"_s;
}

void TestSandboxUsers::createValidatesItsBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, pointer);
    const HttpReply reply
        = m_sandbox->http().send({"POST", m_host, usersPath(), body, "application/json", m_token, {}, true});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json()
                 .value(u"errors"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"source"_s)
                 .toObject()
                 .value(u"pointer"_s)
                 .toString(),
             pointer);
}

void TestSandboxUsers::meRedirectsToTheCaller()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/users/me"_s, m_token);
    QCOMPARE(reply.status, 301);
    const QByteArray location = reply.header("location");
    QVERIFY2(location.startsWith("/api/v1/users/"), location.constData());
    const HttpReply me = m_sandbox->http().get(m_host, QString::fromLatin1(location), m_token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(u"subject"_s).toString(), u"qlikbot\\sandbox-region-eu"_s);
    QCOMPARE(me.json().value(u"clientId"_s).toString(), u"sandbox-region-eu"_s);
    QCOMPARE(me.json().value(u"tenantId"_s).toString(),
             m_sandbox->tenantState(u"acme-source"_s).value(u"id"_s).toString());
}

void TestSandboxUsers::getsOneUserOr404()
{
    const QString id = allUsers().first().toObject().value(u"id"_s).toString();
    QCOMPARE(m_sandbox->http().get(m_host, usersPath() + u'/' + id, m_token).status, 200);
    const HttpReply missing = m_sandbox->http().get(m_host, usersPath() + u"/000000000000000000000000"_s, m_token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"HTTP-404"_s);
}

void TestSandboxUsers::patchAnswers204AndApplies()
{
    const HttpReply created = m_sandbox->http().post(
        m_host, usersPath(), QJsonObject{{u"subject"_s, u"auth0|patchme"_s}, {u"name"_s, u"Before"_s}}, m_token);
    const QString path = usersPath() + u'/' + created.json().value(u"id"_s).toString();
    const HttpReply patched = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"After"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s},
                               {u"path"_s, u"/assignedRoles"_s},
                               {u"value"_s,
                                QJsonArray{QJsonObject{{u"name"_s, u"AnalyticsAdmin"_s}},
                                           QJsonObject{{u"name"_s, u"AuditAdmin"_s}}}}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/status"_s}, {u"value"_s, u"disabled"_s}}},
        m_token);
    QCOMPARE(patched.status, 204);
    QVERIFY(patched.body.isEmpty());
    const QJsonObject user = m_sandbox->http().get(m_host, path, m_token).json();
    QCOMPARE(user.value(u"name"_s).toString(), u"After"_s);
    QCOMPARE(user.value(u"status"_s).toString(), u"disabled"_s);
    QCOMPARE(user.value(u"assignedRoles"_s).toArray().size(), 2);
}

void TestSandboxUsers::patchIsAllOrNothing()
{
    const QString id = allUsers().first().toObject().value(u"id"_s).toString();
    const QString before = allUsers().first().toObject().value(u"name"_s).toString();
    const HttpReply reply = m_sandbox->http().patch(
        m_host, usersPath() + u'/' + id,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Changed"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/shoeSize"_s}, {u"value"_s, u"44"_s}}},
        m_token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(allUsers().first().toObject().value(u"name"_s).toString(), before);
    // Not an array, unknown op.
    QCOMPARE(m_sandbox->http().patch(m_host, usersPath() + u'/' + id, QJsonObject{{u"name"_s, u"x"_s}}, m_token).status,
             400);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, usersPath() + u'/' + id,
                        QJsonArray{QJsonObject{{u"op"_s, u"move"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             400);
}

void TestSandboxUsers::deleteRemovesUserAndMemberships()
{
    const QJsonObject tenant = m_sandbox->tenantState(u"acme-source"_s);
    QString jonas;
    for (const QJsonValue &user : tenant.value(u"users"_s).toArray()) {
        if (user.toObject().value(u"name"_s).toString() == "Jonas Berg"_L1)
            jonas = user.toObject().value(u"id"_s).toString();
    }
    const QString staging = [&] {
        for (const QJsonValue &space : tenant.value(u"spaces"_s).toArray()) {
            if (space.toObject().value(u"name"_s).toString() == "Staging"_L1)
                return space.toObject().value(u"id"_s).toString();
        }
        return QString();
    }();
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/spaces/"_s + staging + u"/assignments"_s,
                       QJsonObject{
                           {u"type"_s, u"user"_s}, {u"assigneeId"_s, jonas}, {u"roles"_s, QJsonArray{u"consumer"_s}}},
                       m_token)
                 .status,
             201);
    QCOMPARE(m_sandbox->http().del(m_host, usersPath() + u'/' + jonas, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, usersPath() + u'/' + jonas, m_token).status, 404);
    QCOMPARE(m_sandbox->http().del(m_host, usersPath() + u'/' + jonas, m_token).status, 404);
    const HttpReply assignments = m_sandbox->http().get(
        m_host, u"/api/v1/spaces/"_s + staging + u"/assignments?assigneeId="_s + jonas, m_token);
    QCOMPARE(assignments.json().value(u"meta"_s).toObject().value(u"count"_s).toInt(), 0);
}

void TestSandboxUsers::countsUsers()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/users/actions/count"_s, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"total"_s).toInt(), 4);
}

void TestSandboxUsers::filterActionTakesTheFilterInTheBody()
{
    HttpReply reply = m_sandbox->http().post(m_host, u"/api/v1/users/actions/filter?sort=-name"_s,
                                             QJsonObject{{u"filter"_s, u"subject co \"auth0\""_s}}, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 3);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Priya Shah"_s);
    reply = m_sandbox->http().send({"POST", m_host, u"/api/v1/users/actions/filter"_s, {}, {}, m_token, {}, true});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 4);
    reply = m_sandbox->http().post(m_host, u"/api/v1/users/actions/filter"_s, QJsonObject{{u"filter"_s, 7}}, m_token);
    QCOMPARE(reply.status, 400);
}

void TestSandboxUsers::changesAreAudited()
{
    const int before = m_sandbox->tenantState(u"acme-source"_s).value(u"auditCount"_s).toInt();
    const HttpReply created
        = m_sandbox->http().post(m_host, usersPath(), QJsonObject{{u"subject"_s, u"auth0|audited"_s}}, m_token);
    const QString path = usersPath() + u'/' + created.json().value(u"id"_s).toString();
    m_sandbox->http().patch(
        m_host, path, QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"A"_s}}},
        m_token);
    m_sandbox->http().del(m_host, path, m_token);
    QCOMPARE(m_sandbox->tenantState(u"acme-source"_s).value(u"auditCount"_s).toInt(), before + 3);
}

QTEST_GUILESS_MAIN(TestSandboxUsers)
#include "tst_sandboxusers.moc"
