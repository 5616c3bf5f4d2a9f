#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/web-integrations (FACTS §8.2) on the demo seed's source tenant.
class TestSandboxWebIntegrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsAWebIntegration();
    void duplicatesAreAccepted();
    void rejectsBadBodies_data();
    void rejectsBadBodies();
    void pagesWithIdAnchors();
    void sortsAndFiltersByTenant();
    void patchReplacesNameAndOrigins();
    void rejectsBadPatches_data();
    void rejectsBadPatches();
    void deletesAndAnswers404();
    void endUsersCannotChange();

private:
    HttpReply create(const QString &name, const QJsonArray &origins = {});
    QStringList listNames(const QString &query);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
    QString m_tenantId;
};

void TestSandboxWebIntegrations::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxWebIntegrations::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    m_tenantId = m_sandbox->tenantState(u"acme-source"_s).value(u"id"_s).toString();
}

HttpReply TestSandboxWebIntegrations::create(const QString &name, const QJsonArray &origins)
{
    QJsonObject body{{u"name"_s, name}};
    if (!origins.isEmpty())
        body.insert(u"validOrigins"_s, origins);
    return m_sandbox->http().post(m_host, u"/api/v1/web-integrations"_s, body, m_token);
}

QStringList TestSandboxWebIntegrations::listNames(const QString &query)
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/web-integrations?"_s + query, m_token);
    QStringList names;
    for (const QJsonValue &item : reply.json().value(u"data"_s).toArray())
        names.append(item.toObject().value(u"name"_s).toString());
    return names;
}

void TestSandboxWebIntegrations::createsAWebIntegration()
{
    const HttpReply reply = create(u"Partner portal"_s, {u"https://portal.partner.example"_s});
    QCOMPARE(reply.status, 201);
    const QJsonObject json = reply.json();
    const QString id = json.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(json.value(u"name"_s).toString(), u"Partner portal"_s);
    QCOMPARE(json.value(u"validOrigins"_s).toArray(), QJsonArray{u"https://portal.partner.example"_s});
    QCOMPARE(json.value(u"tenantId"_s).toString(), m_tenantId);
    QVERIFY(!json.value(u"createdBy"_s).toString().isEmpty()); // the bot user of the token
    QCOMPARE(json[u"links"_s][u"self"_s][u"href"_s].toString(),
             u"https://"_s + m_host + u"/api/v1/web-integrations/"_s + id);
    const HttpReply fetched = m_sandbox->http().get(m_host, u"/api/v1/web-integrations/"_s + id, m_token);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json().value(u"validOrigins"_s), json.value(u"validOrigins"_s));
    const QJsonArray state = m_sandbox->tenantState(u"acme-source"_s).value(u"webIntegrations"_s).toArray();
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.first().toObject().value(u"id"_s).toString(), id);
}

void TestSandboxWebIntegrations::duplicatesAreAccepted()
{
    // FACTS §14.6: UNVERIFIED; the spec declares no 409, so the sandbox keeps both.
    QCOMPARE(create(u"Portal"_s, {u"https://portal.partner.example"_s}).status, 201);
    QCOMPARE(create(u"Portal"_s, {u"https://portal.partner.example"_s}).status, 201);
    QCOMPARE(listNames({}).size(), 2);
}

void TestSandboxWebIntegrations::rejectsBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << QByteArray("{name:") << u"BAD_REQUEST"_s;
    QTest::newRow("an array") << QByteArray("[]") << u"BAD_REQUEST"_s;
    QTest::newRow("no name") << QByteArray(R"({"validOrigins":[]})") << u"WEBINTEGRATIONS-5"_s;
    QTest::newRow("empty name") << QByteArray(R"({"name":"  "})") << u"WEBINTEGRATIONS-5"_s;
    QTest::newRow("name a number") << QByteArray(R"({"name":7})") << u"WEBINTEGRATIONS-6"_s;
    QTest::newRow("origins not an array")
        << QByteArray(R"({"name":"a","validOrigins":"https://a.example"})") << u"WEBINTEGRATIONS-6"_s;
    QTest::newRow("origin with a path") << QByteArray(R"({"name":"a","validOrigins":["https://a.example/app"]})")
                                        << u"WEBINTEGRATIONS-6"_s;
    QTest::newRow("origin without scheme")
        << QByteArray(R"({"name":"a","validOrigins":["a.example"]})") << u"WEBINTEGRATIONS-6"_s;
    QTest::newRow("origin ftp") << QByteArray(R"({"name":"a","validOrigins":["ftp://a.example"]})")
                                << u"WEBINTEGRATIONS-6"_s;
}

void TestSandboxWebIntegrations::rejectsBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const HttpReply reply = m_sandbox->http().send(
        {"POST", m_host, u"/api/v1/web-integrations"_s, body, "application/json", m_token, {}, true});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), code);
    if (code == "WEBINTEGRATIONS-5"_L1)
        QCOMPARE(reply.json()[u"errors"_s][0][u"meta"_s][u"requiredFields"_s].toArray(), QJsonArray{u"name"_s});
    QVERIFY(listNames({}).isEmpty());
}

void TestSandboxWebIntegrations::pagesWithIdAnchors()
{
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        QCOMPARE(create(name).status, 201);
    // limit defaults to 10; 0 is allowed and returns nothing.
    QCOMPARE(listNames({}).size(), 5);
    QCOMPARE(listNames(u"limit=0"_s), QStringList());

    HttpReply page = m_sandbox->http().get(m_host, u"/api/v1/web-integrations?limit=2"_s, m_token);
    QCOMPARE(page.status, 200);
    QStringList names;
    QString next = page.json()[u"links"_s][u"next"_s][u"href"_s].toString();
    for (const QJsonValue &item : page.json().value(u"data"_s).toArray())
        names.append(item.toObject().value(u"name"_s).toString());
    QVERIFY2(next.contains(u"startingAfter="_s), qPrintable(next));
    while (!next.isEmpty()) {
        page = m_sandbox->http().getUrl(next, m_token);
        QCOMPARE(page.status, 200);
        for (const QJsonValue &item : page.json().value(u"data"_s).toArray())
            names.append(item.toObject().value(u"name"_s).toString());
        next = page.json()[u"links"_s][u"next"_s][u"href"_s].toString();
    }
    QCOMPARE(names, (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    // prev goes back with endingBefore.
    const QString prev = page.json()[u"links"_s][u"prev"_s][u"href"_s].toString();
    QVERIFY(prev.contains(u"endingBefore="_s));
    const HttpReply back = m_sandbox->http().getUrl(prev, m_token);
    QCOMPARE(back.json().value(u"data"_s).toArray().size(), 2);
    QCOMPARE(back.json()[u"data"_s][1][u"name"_s].toString(), u"d"_s);

    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/web-integrations?startingAfter=nope"_s, m_token).status, 400);
    QCOMPARE(
        m_sandbox->http().get(m_host, u"/api/v1/web-integrations?startingAfter=a&endingBefore=b"_s, m_token).status,
        400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/web-integrations?limit=101"_s, m_token).status, 400);
}

void TestSandboxWebIntegrations::sortsAndFiltersByTenant()
{
    for (const QString &name : {u"beta"_s, u"Alpha"_s, u"gamma"_s})
        QCOMPARE(create(name).status, 201);
    QCOMPARE(listNames({}), (QStringList{u"Alpha"_s, u"beta"_s, u"gamma"_s}));
    QCOMPARE(listNames(u"sort=-name"_s), (QStringList{u"gamma"_s, u"beta"_s, u"Alpha"_s}));
    QCOMPARE(listNames(u"tenantId="_s + m_tenantId).size(), 3);
    QCOMPARE(listNames(u"tenantId=SomeOtherTenant"_s), QStringList());
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/web-integrations?sort=created"_s, m_token).status, 400);
}

void TestSandboxWebIntegrations::patchReplacesNameAndOrigins()
{
    const QString id = create(u"Portal"_s, {u"https://a.example"_s}).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/web-integrations/"_s + id;
    const HttpReply reply = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Portal v2"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s},
                               {u"path"_s, u"/validOrigins"_s},
                               {u"value"_s, QJsonArray{u"https://b.example"_s, u"http://localhost:3000"_s}}}},
        m_token);
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    const QJsonObject after = m_sandbox->http().get(m_host, path, m_token).json();
    QCOMPARE(after.value(u"name"_s).toString(), u"Portal v2"_s);
    QCOMPARE(after.value(u"validOrigins"_s).toArray(),
             (QJsonArray{u"https://b.example"_s, u"http://localhost:3000"_s}));
    // The spec types the value as a string: one origin.
    QCOMPARE(
        m_sandbox->http()
            .patch(m_host, path,
                   QJsonArray{QJsonObject{
                       {u"op"_s, u"replace"_s}, {u"path"_s, u"/validOrigins"_s}, {u"value"_s, u"https://c.example"_s}}},
                   m_token)
            .status,
        204);
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json().value(u"validOrigins"_s).toArray(),
             QJsonArray{u"https://c.example"_s});
}

void TestSandboxWebIntegrations::rejectsBadPatches_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << QByteArray("[{") << u"BAD_REQUEST"_s;
    QTest::newRow("not an array") << QByteArray(R"({"op":"replace"})") << u"WEBINTEGRATIONS-4"_s;
    QTest::newRow("op add") << QByteArray(R"([{"op":"add","path":"/name","value":"x"}])") << u"WEBINTEGRATIONS-4"_s;
    QTest::newRow("unknown path") << QByteArray(R"([{"op":"replace","path":"/tenantId","value":"x"}])")
                                  << u"WEBINTEGRATIONS-4"_s;
    QTest::newRow("empty name") << QByteArray(R"([{"op":"replace","path":"/name","value":""}])")
                                << u"WEBINTEGRATIONS-6"_s;
    QTest::newRow("bad origin, all or nothing")
        << QByteArray(R"([{"op":"replace","path":"/name","value":"kept?"},)"
                      R"({"op":"replace","path":"/validOrigins","value":["not an origin"]}])")
        << u"WEBINTEGRATIONS-6"_s;
}

void TestSandboxWebIntegrations::rejectsBadPatches()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const QString id = create(u"Portal"_s).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/web-integrations/"_s + id;
    const HttpReply reply
        = m_sandbox->http().send({"PATCH", m_host, path, body, "application/json", m_token, {}, true});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json().value(u"name"_s).toString(), u"Portal"_s);
}

void TestSandboxWebIntegrations::deletesAndAnswers404()
{
    const QString id = create(u"Portal"_s).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/web-integrations/"_s + id;
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 204);
    const HttpReply missing = m_sandbox->http().get(m_host, path, m_token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"WEBINTEGRATIONS_NOT_FOUND"_s);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 404);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path,
                        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             404);
}

void TestSandboxWebIntegrations::endUsersCannotChange()
{
    const QString id = create(u"Portal"_s).json().value(u"id"_s).toString();
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|reader"_s);
    QVERIFY(!cookie.isEmpty());
    const auto as = [&](const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return m_sandbox->http().send({method,
                                       m_host,
                                       path,
                                       body,
                                       body.isEmpty() ? QByteArray() : "application/json",
                                       {},
                                       {{"Cookie", cookie}},
                                       true});
    };
    const HttpReply created = as("POST", u"/api/v1/web-integrations"_s, R"({"name":"mine"})");
    QCOMPARE(created.status, 403);
    QCOMPARE(created.errorCode(), u"WEBINTEGRATIONS_FORBIDDEN"_s);
    QCOMPARE(
        as("PATCH", u"/api/v1/web-integrations/"_s + id, R"([{"op":"replace","path":"/name","value":"x"}])").status,
        403);
    QCOMPARE(as("DELETE", u"/api/v1/web-integrations/"_s + id).status, 403);
    QCOMPARE(as("GET", u"/api/v1/web-integrations/"_s + id).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxWebIntegrations)
#include "tst_sandboxwebintegrations.moc"
