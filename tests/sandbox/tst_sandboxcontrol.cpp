#include "support/sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// Virtual hosts, routing answers (404/405), the /__sandbox/ control surface and rate limits.
class TestSandboxControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void unknownHostsAre404_data();
    void unknownHostsAre404();
    void unknownPathsAre404AndWrongMethods405();
    void routesServeOnlyTheirHostKind();
    void stateDumpHasEveryField();
    void stateDumpCanBeNarrowed();
    void requestCountersUseSpecTemplates();
    void resetSwitchesSeeds();
    void badControlRequests_data();
    void badControlRequests();
    void rateLimitAnswers429WithRetryAfter();
    void rateLimitsArePerTierAndPerUser();
    void timeScaleShrinksTheWindow();
    void rateLimitsCanBeSwitchedOff();

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxControl::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxControl::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

void TestSandboxControl::unknownHostsAre404_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("unknown tenant") << u"nosuchtenant.eu.qlikcloud.com"_s;
    QTest::newRow("unknown region register") << u"register.xx.qlikcloud.com"_s;
    QTest::newRow("other domain") << u"example.com"_s;
    QTest::newRow("ip") << u"127.0.0.1"_s;
}

void TestSandboxControl::unknownHostsAre404()
{
    QFETCH(QString, host);
    const HttpReply reply = m_sandbox->http().get(host, u"/api/v1/users"_s, m_token);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), u"HTTP-404"_s);
    QVERIFY(!reply.json().value(u"traceId"_s).toString().isEmpty());
}

void TestSandboxControl::unknownPathsAre404AndWrongMethods405()
{
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/unicorns"_s, m_token);
    QCOMPARE(reply.status, 404);
    reply = m_sandbox->http().del(m_host, u"/api/v1/users"_s, m_token);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("allow"), QByteArray("GET, POST"));
    QCOMPARE(reply.errorCode(), u"HTTP-405"_s);
    // /v1/users/me exists for GET only, but PATCH matches /v1/users/{userId}.
    reply = m_sandbox->http().patch(m_host, u"/api/v1/users/me"_s, QJsonArray{}, m_token);
    QCOMPARE(reply.status, 404);
}

void TestSandboxControl::routesServeOnlyTheirHostKind()
{
    // Tenant APIs are not on the register or console hosts.
    const QString registerToken = m_sandbox->http().token(u"register.eu.qlikcloud.com"_s, u"sandbox-region-eu"_s,
                                                          u"sandbox-region-eu-secret"_s);
    QCOMPARE(m_sandbox->http().get(u"register.eu.qlikcloud.com"_s, u"/api/v1/users"_s, registerToken).status, 404);
    QCOMPARE(m_sandbox->http().get(u"console.qlikcloud.com"_s, u"/api/v1/spaces"_s).status, 404);
}

void TestSandboxControl::stateDumpHasEveryField()
{
    const QJsonObject state = m_sandbox->http().state();
    QCOMPARE(state.value(u"seed"_s).toString(), u"demo"_s);
    QCOMPARE(state.value(u"regions"_s).toArray(), (QJsonArray{u"eu"_s, u"us"_s, u"ap"_s}));
    const QJsonObject client = state.value(u"clients"_s).toArray().first().toObject();
    for (const QString &key : {u"clientId"_s, u"kind"_s, u"region"_s, u"deleted"_s})
        QVERIFY2(client.contains(key), qPrintable(key));
    QVERIFY(!state.value(u"subscriptions"_s).toArray().isEmpty());
    const QJsonObject tenant = m_sandbox->tenantState(u"acme-source"_s);
    for (const QString &key : {u"id"_s,
                               u"name"_s,
                               u"hostnames"_s,
                               u"region"_s,
                               u"status"_s,
                               u"subscriptionId"_s,
                               u"users"_s,
                               u"groups"_s,
                               u"spaces"_s,
                               u"apps"_s,
                               u"extensions"_s,
                               u"themes"_s,
                               u"identityProviders"_s,
                               u"cspOrigins"_s,
                               u"webIntegrations"_s,
                               u"automations"_s,
                               u"dataConnections"_s,
                               u"auditCount"_s,
                               u"brands"_s,
                               u"dataFiles"_s,
                               u"automationConnections"_s,
                               u"encryptionKeyProviders"_s,
                               u"tempContents"_s,
                               u"reloads"_s,
                               u"customRoles"_s,
                               u"groupSettings"_s,
                               u"licenseSettings"_s})
        QVERIFY2(tenant.contains(key), qPrintable(key));
    const QJsonObject user = tenant.value(u"users"_s).toArray().first().toObject();
    for (const QString &key : {u"id"_s, u"subject"_s, u"name"_s, u"clientId"_s, u"roles"_s})
        QVERIFY2(user.contains(key), qPrintable(key));
    const QJsonObject space = tenant.value(u"spaces"_s).toArray().first().toObject();
    for (const QString &key : {u"id"_s, u"name"_s, u"type"_s, u"ownerId"_s, u"assignments"_s})
        QVERIFY2(space.contains(key), qPrintable(key));
    const QJsonObject assignment = space.value(u"assignments"_s).toArray().first().toObject();
    for (const QString &key : {u"type"_s, u"assigneeId"_s, u"roles"_s})
        QVERIFY2(assignment.contains(key), qPrintable(key));
    const QJsonObject app = tenant.value(u"apps"_s).toArray().first().toObject();
    for (const QString &key :
         {u"id"_s, u"name"_s, u"spaceId"_s, u"ownerId"_s, u"originAppId"_s, u"published"_s, u"contentSha256"_s})
        QVERIFY2(app.contains(key), qPrintable(key));
    QCOMPARE(app.value(u"contentSha256"_s).toString().size(), 64);
    // Secrets never appear.
    const QByteArray text = QJsonDocument(state).toJson();
    QVERIFY(!text.contains("sandbox-org-secret"));
    QVERIFY(!text.contains("secret\""));
}

void TestSandboxControl::stateDumpCanBeNarrowed()
{
    const QString id = m_sandbox->tenantState(u"northwind"_s).value(u"id"_s).toString();
    QJsonObject state = m_sandbox->http().state(id);
    QCOMPARE(state.value(u"tenants"_s).toArray().size(), 1);
    QJsonObject answer;
    QVERIFY(m_sandbox->http().control("GET", u"/__sandbox/state?content=false"_s, {}, &answer));
    const QJsonObject tenant = answer.value(u"tenants"_s).toArray().first().toObject();
    QVERIFY(!tenant.contains(u"users"_s));
    QVERIFY(tenant.contains(u"userCount"_s));
}

void TestSandboxControl::requestCountersUseSpecTemplates()
{
    const QString space = m_sandbox->tenantState(u"acme-source"_s)
                              .value(u"spaces"_s)
                              .toArray()
                              .first()
                              .toObject()
                              .value(u"id"_s)
                              .toString();
    for (int i = 0; i < 3; ++i)
        m_sandbox->http().get(m_host, u"/api/v1/spaces/"_s + space, m_token);
    m_sandbox->http().get(m_host, u"/api/v1/users/me"_s, m_token);
    const QJsonObject requests = m_sandbox->http().state().value(u"requests"_s).toObject();
    QCOMPARE(requests.value(u"GET /v1/spaces/{spaceId}"_s).toInt(), 3);
    QCOMPARE(requests.value(u"GET /v1/users/me"_s).toInt(), 1);
    QCOMPARE(requests.value(u"POST /oauth/token"_s).toInt(), 1);
    for (auto it = requests.constBegin(); it != requests.constEnd(); ++it)
        QVERIFY2(!it.key().contains(u"__sandbox"_s), qPrintable(it.key()));
}

void TestSandboxControl::resetSwitchesSeeds()
{
    QJsonObject answer;
    QVERIFY(
        m_sandbox->http().control("POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, u"estate:7:2"_s}}, &answer));
    QCOMPARE(answer.value(u"tenants"_s).toInt(), 7);
    QCOMPARE(m_sandbox->http().state().value(u"seed"_s).toString(), u"estate:7:2"_s);
    QVERIFY(m_sandbox->http().reset(u"empty"_s));
    QCOMPARE(m_sandbox->http().state().value(u"tenants"_s).toArray().size(), 0);
    // The old host is gone, and with it the token.
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users"_s, m_token).status, 404);
}

void TestSandboxControl::badControlRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown seed") << QByteArray("POST") << u"/__sandbox/reset"_s << QByteArray(R"({"seed":"huge"})")
                                  << 400;
    QTest::newRow("estate without size") << QByteArray("POST") << u"/__sandbox/reset"_s
                                         << QByteArray(R"({"seed":"estate:"})") << 400;
    QTest::newRow("fault kind") << QByteArray("PUT") << u"/__sandbox/faults"_s
                                << QByteArray(R"([{"path":".*","kind":"explode"}])") << 400;
    QTest::newRow("fault regex") << QByteArray("PUT") << u"/__sandbox/faults"_s
                                 << QByteArray(R"([{"path":"(","kind":"reset"}])") << 400;
    QTest::newRow("fault rate") << QByteArray("PUT") << u"/__sandbox/faults"_s
                                << QByteArray(R"([{"path":".*","kind":"reset","rate":2}])") << 400;
    QTest::newRow("fault not a list") << QByteArray("PUT") << u"/__sandbox/faults"_s << QByteArray(R"("x")") << 400;
    QTest::newRow("reload failure of an unknown app")
        << QByteArray("PUT") << u"/__sandbox/reload-failures"_s
        << QByteArray(R"([{"appId":"2b7c8a3e-0000-4000-8000-000000000000"}])") << 400;
    QTest::newRow("reload failure without app") << QByteArray("PUT") << u"/__sandbox/reload-failures"_s
                                                << QByteArray(R"([{"errorCode":"ScriptError"}])") << 400;
    QTest::newRow("reload failure not a list")
        << QByteArray("PUT") << u"/__sandbox/reload-failures"_s << QByteArray(R"({"appId":"x"})") << 400;
    QTest::newRow("negative latency") << QByteArray("PUT") << u"/__sandbox/settings"_s
                                      << QByteArray(R"({"latencyMs":-1})") << 400;
    QTest::newRow("limits not an object")
        << QByteArray("PUT") << u"/__sandbox/rate-limits"_s << QByteArray(R"({"limits":3})") << 400;
    QTest::newRow("unknown client") << QByteArray("POST") << u"/__sandbox/clients/nobody/recreate"_s << QByteArray()
                                    << 404;
    QTest::newRow("unknown control route") << QByteArray("GET") << u"/__sandbox/nothing"_s << QByteArray() << 404;
    QTest::newRow("malformed JSON") << QByteArray("PUT") << u"/__sandbox/settings"_s << QByteArray("{") << 400;
}

void TestSandboxControl::badControlRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpReply reply
        = m_sandbox->http().send({method, u"any.host"_s, path, body, "application/json", {}, {}, false});
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.json().value(u"errors"_s).toArray().isEmpty());
}

void TestSandboxControl::rateLimitAnswers429WithRetryAfter()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/rate-limits"_s,
                                      QJsonObject{{u"limits"_s, QJsonObject{{u"tier1"_s, 3}}}}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    const HttpReply limited = m_sandbox->http().get(m_host, u"/api/v1/users"_s, m_token);
    QCOMPARE(limited.status, 429);
    const int retryAfter = limited.header("retry-after").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 300);
    // FACTS §14.2: the documented body.
    const QJsonObject error = limited.json().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"HTTP-429"_s);
    QCOMPARE(error.value(u"title"_s).toString(), u"API rate limit reached."_s);
    QCOMPARE(error.value(u"detail"_s).toString(),
             u"You need to wait %1 seconds until limit is lifted."_s.arg(retryAfter));
    // Moving the clock past the window lifts the limit.
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 301}}));
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users"_s, m_token).status, 200);
}

void TestSandboxControl::rateLimitsArePerTierAndPerUser()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/rate-limits"_s,
                                      QJsonObject{{u"limits"_s, QJsonObject{{u"tier1"_s, 2}, {u"tier2"_s, 50}}}}));
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 429);
    // Tier 2 (create) is a different bucket.
    QCOMPARE(
        m_sandbox->http()
            .post(m_host, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Tier2"_s}, {u"type"_s, u"shared"_s}}, m_token)
            .status,
        201);
    // Another tenant (another user) has its own budget.
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    QCOMPARE(m_sandbox->http().get(northwind, u"/api/v1/spaces"_s, m_sandbox->regionToken(northwind)).status, 200);
}

void TestSandboxControl::timeScaleShrinksTheWindow()
{
    // 300 s / 300 = a one-second window.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"timeScale"_s, 300}}));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/rate-limits"_s,
                                      QJsonObject{{u"limits"_s, QJsonObject{{u"tier1"_s, 1}}}}));
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    const HttpReply limited = m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("retry-after"), QByteArray("1"));
    QElapsedTimer timer;
    timer.start();
    // Each try is a request that counts, so poll by hand rather than with QTRY_* (which re-evaluates).
    int status = 429;
    while (status == 429 && timer.elapsed() < 3000) {
        QTest::qWait(100);
        status = m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status;
    }
    QCOMPARE(status, 200);
    QVERIFY(timer.elapsed() < 2500);
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"timeScale"_s, 1}}));
}

void TestSandboxControl::rateLimitsCanBeSwitchedOff()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/rate-limits"_s,
                                      QJsonObject{{u"enabled"_s, false}, {u"limits"_s, QJsonObject{{u"tier1"_s, 0}}}}));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    QJsonObject limits;
    QVERIFY(m_sandbox->http().control("GET", u"/__sandbox/rate-limits"_s, {}, &limits));
    QCOMPARE(limits.value(u"enabled"_s).toBool(), false);
}

QTEST_GUILESS_MAIN(TestSandboxControl)
#include "tst_sandboxcontrol.moc"
