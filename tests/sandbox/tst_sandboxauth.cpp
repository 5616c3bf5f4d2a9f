#include "support/sandboxfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// OAuth client credentials (FACTS §2): token bodies, host binding, client tiers, expiry, bot
// users, recreated clients, and deactivated tenants.
class TestSandboxAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void tenantTokenBody();
    void formEncodedBody();
    void consoleTokenIsCapitalBearerWithScope();
    void registerToken();
    void clientTiers_data();
    void clientTiers();
    void badCredentials_data();
    void badCredentials();
    void tokensAreBoundToTheirHost();
    void aliasHostnameIsTheSameTenant();
    void missingOrBadTokensAre401_data();
    void missingOrBadTokensAre401();
    void tokensExpire();
    void firstTokenCreatesTheBotUserOnce();
    void recreatedClientLeavesAnOrphanedBot();
    void deactivatedTenantAnswersTenantDisabled();
    void disabledBotGets403();

private:
    HttpReply requestToken(const QString &host, const QString &clientId, const QString &secret);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_source; // eu
    QString m_contoso; // us
};

void TestSandboxAuth::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxAuth::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_source = m_sandbox->hostOf(u"acme-source"_s);
    m_contoso = m_sandbox->hostOf(u"contoso"_s);
    QVERIFY(m_source.endsWith(u".eu.qlikcloud.com"_s));
    QVERIFY(m_contoso.endsWith(u".us.qlikcloud.com"_s));
}

HttpReply TestSandboxAuth::requestToken(const QString &host, const QString &clientId, const QString &secret)
{
    return m_sandbox->http().post(host, u"/oauth/token"_s,
                                  QJsonObject{{u"client_id"_s, clientId},
                                              {u"client_secret"_s, secret},
                                              {u"grant_type"_s, u"client_credentials"_s}});
}

void TestSandboxAuth::tenantTokenBody()
{
    const HttpReply reply = requestToken(m_source, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(u"token_type"_s).toString(), u"bearer"_s);
    QCOMPARE(body.value(u"expires_in"_s).toInt(), 21600);
    const QDateTime expiresAt = QDateTime::fromString(body.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(expiresAt.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expiresAt) - 21600) < 60);
    QVERIFY(!body.value(u"access_token"_s).toString().isEmpty());
    QVERIFY(!body.contains(u"scope"_s));
}

void TestSandboxAuth::formEncodedBody()
{
    const HttpReply reply = m_sandbox->http().send(
        {"POST",
         m_source,
         u"/oauth/token"_s,
         "grant_type=client_credentials&client_id=sandbox-region-eu&client_secret=sandbox-region-eu-secret",
         "application/x-www-form-urlencoded",
         {},
         {},
         true});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"token_type"_s).toString(), u"bearer"_s);
}

void TestSandboxAuth::consoleTokenIsCapitalBearerWithScope()
{
    const HttpReply reply = requestToken(u"console.qlikcloud.com"_s, u"sandbox-org"_s, u"sandbox-org-secret"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(reply.json().value(u"scope"_s).toString(), u"cloud-console.tenants:read"_s);
    QCOMPARE(reply.json().value(u"expires_in"_s).toInt(), 21600);
}

void TestSandboxAuth::registerToken()
{
    const HttpReply reply
        = requestToken(u"register.us.qlikcloud.com"_s, u"sandbox-region-us"_s, u"sandbox-region-us-secret"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"token_type"_s).toString(), u"bearer"_s);
}

void TestSandboxAuth::clientTiers_data()
{
    QTest::addColumn<QString>("host"); // "source", "contoso" or a literal host
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("status");
    QTest::newRow("region client, own region tenant") << u"source"_s << u"sandbox-region-eu"_s << 200;
    QTest::newRow("region client, other region tenant") << u"source"_s << u"sandbox-region-us"_s << 400;
    QTest::newRow("region client, other region register")
        << u"register.eu.qlikcloud.com"_s << u"sandbox-region-us"_s << 400;
    QTest::newRow("region client on console") << u"console.qlikcloud.com"_s << u"sandbox-region-eu"_s << 400;
    QTest::newRow("org client on a tenant") << u"contoso"_s << u"sandbox-org"_s << 400;
    QTest::newRow("org client on register") << u"register.eu.qlikcloud.com"_s << u"sandbox-org"_s << 400;
    QTest::newRow("us client on us tenant") << u"contoso"_s << u"sandbox-region-us"_s << 200;
}

void TestSandboxAuth::clientTiers()
{
    QFETCH(QString, host);
    QFETCH(QString, client);
    QFETCH(int, status);
    const QString target = host == "source"_L1 ? m_source : host == "contoso"_L1 ? m_contoso : host;
    const HttpReply reply = requestToken(target, client, client + u"-secret"_s);
    QCOMPARE(reply.status, status);
    if (status == 400) {
        // FACTS §2.1: the observed body for a client Qlik will not serve.
        const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"OAUTH-14"_s);
        QCOMPARE(error.value(u"title"_s).toString(), u"Invalid client_id"_s);
        QCOMPARE(error.value(u"status"_s).toString(), u"400"_s);
    }
}

void TestSandboxAuth::badCredentials_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("wrong secret") << QByteArray(
        R"({"client_id":"sandbox-region-eu","client_secret":"nope","grant_type":"client_credentials"})")
                                  << 401;
    QTest::newRow("unknown client") << QByteArray(
        R"({"client_id":"who","client_secret":"x","grant_type":"client_credentials"})")
                                    << 400;
    QTest::newRow("no grant type") << QByteArray(R"({"client_id":"sandbox-region-eu","client_secret":"x"})") << 400;
    QTest::newRow("password grant") << QByteArray(
        R"({"client_id":"sandbox-region-eu","client_secret":"x","grant_type":"password"})")
                                    << 400;
    QTest::newRow("no secret") << QByteArray(R"({"client_id":"sandbox-region-eu","grant_type":"client_credentials"})")
                               << 400;
    QTest::newRow("secret not a string") << QByteArray(
        R"({"client_id":"sandbox-region-eu","client_secret":1,"grant_type":"client_credentials"})")
                                         << 400;
    QTest::newRow("malformed JSON") << QByteArray(R"({"client_id":)") << 400;
    QTest::newRow("empty body") << QByteArray() << 400;
}

void TestSandboxAuth::badCredentials()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpReply reply
        = m_sandbox->http().send({"POST", m_source, u"/oauth/token"_s, body, "application/json", {}, {}, true});
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.body.contains("sandbox-region-eu-secret"));
}

void TestSandboxAuth::tokensAreBoundToTheirHost()
{
    const QString sourceToken = m_sandbox->regionToken(m_source);
    const QString northwind = m_sandbox->hostOf(u"northwind"_s);
    HttpReply reply = m_sandbox->http().get(northwind, u"/api/v1/spaces"_s, sourceToken);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json().value(u"errors"_s).toArray().first().toObject().value(u"status"_s).toString(), u"401"_s);
    const QString registerToken = m_sandbox->http().token(u"register.eu.qlikcloud.com"_s, u"sandbox-region-eu"_s,
                                                          u"sandbox-region-eu-secret"_s);
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, registerToken).status, 401);
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, sourceToken).status, 200);
}

void TestSandboxAuth::aliasHostnameIsTheSameTenant()
{
    const QString alias = u"acme-source.eu.qlikcloud.com"_s;
    const QString token = m_sandbox->regionToken(alias);
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, token).status, 200);
    // The port suffix of a Host header is ignored.
    QCOMPARE(m_sandbox->http().get(alias + u":443"_s, u"/api/v1/spaces"_s, token).status, 200);
    QCOMPARE(m_sandbox->http().get(alias.toUpper(), u"/api/v1/spaces"_s, token).status, 200);
}

void TestSandboxAuth::missingOrBadTokensAre401_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("garbage bearer") << QByteArray("Bearer not-a-token");
    QTest::newRow("basic") << QByteArray("Basic c2FuZGJveDpzZWNyZXQ=");
}

void TestSandboxAuth::missingOrBadTokensAre401()
{
    QFETCH(QByteArray, authorization);
    HttpCall call{"GET", m_source, u"/api/v1/users"_s, {}, {}, {}, {}, true};
    if (!authorization.isEmpty())
        call.headers.append({"Authorization", authorization});
    const HttpReply reply = m_sandbox->http().send(call);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), u"HTTP-401"_s);
}

void TestSandboxAuth::tokensExpire()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"tokenTtlSeconds"_s, 60}}));
    const HttpReply reply = requestToken(m_source, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
    QCOMPARE(reply.json().value(u"expires_in"_s).toInt(), 60);
    const QString token = reply.json().value(u"access_token"_s).toString();
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, token).status, 200);
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 61}}));
    const HttpReply expired = m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, token);
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.json()
                .value(u"errors"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"detail"_s)
                .toString()
                .contains(u"expired"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"tokenTtlSeconds"_s, 21600}}));
}

void TestSandboxAuth::firstTokenCreatesTheBotUserOnce()
{
    const auto bots = [&] {
        QJsonArray found;
        for (const QJsonValue &user : m_sandbox->tenantState(u"contoso"_s).value(u"users"_s).toArray()) {
            if (user.toObject().value(u"clientId"_s).toString() == "sandbox-region-us"_L1)
                found.append(user);
        }
        return found;
    };
    QCOMPARE(bots().size(), 0);
    const int auditBefore = m_sandbox->tenantState(u"contoso"_s).value(u"auditCount"_s).toInt();
    QVERIFY(!m_sandbox->regionToken(m_contoso).isEmpty());
    QVERIFY(!m_sandbox->regionToken(m_contoso).isEmpty());
    const QJsonArray found = bots();
    QCOMPARE(found.size(), 1);
    const QJsonObject bot = found.first().toObject();
    QCOMPARE(bot.value(u"subject"_s).toString(), u"qlikbot\\sandbox-region-us"_s);
    QCOMPARE(bot.value(u"roles"_s).toArray(), QJsonArray{u"TenantAdmin"_s});
    QCOMPARE(bot.value(u"name"_s).toString(), u"US OAuth Client"_s);
    QCOMPARE(m_sandbox->tenantState(u"contoso"_s).value(u"auditCount"_s).toInt(), auditBefore + 1);
}

void TestSandboxAuth::recreatedClientLeavesAnOrphanedBot()
{
    const QString oldToken = m_sandbox->regionToken(m_source);
    QJsonObject recreated;
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clients/sandbox-region-eu/recreate"_s, {}, &recreated));
    const QString newClient = recreated.value(u"clientId"_s).toString();
    const QString newSecret = recreated.value(u"clientSecret"_s).toString();
    QCOMPARE(recreated.value(u"deletedClientId"_s).toString(), u"sandbox-region-eu"_s);
    QVERIFY(newClient != "sandbox-region-eu"_L1);

    // The old client's tokens and credentials stop working.
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, oldToken).status, 401);
    QCOMPARE(requestToken(m_source, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s).status, 400);

    // The successor works and gets its own bot; the old bot stays behind.
    const QString newToken = m_sandbox->http().token(m_source, newClient, newSecret);
    const HttpReply bots
        = m_sandbox->http().get(m_source, u"/api/v1/users?filter=subject%20co%20%22qlikbot%22"_s, newToken);
    QCOMPARE(bots.json().value(u"data"_s).toArray().size(), 2);

    const QJsonObject state = m_sandbox->http().state();
    bool oldDeleted = false;
    bool newLive = false;
    for (const QJsonValue &client : state.value(u"clients"_s).toArray()) {
        const QJsonObject c = client.toObject();
        if (c.value(u"clientId"_s).toString() == "sandbox-region-eu"_L1)
            oldDeleted = c.value(u"deleted"_s).toBool();
        if (c.value(u"clientId"_s).toString() == newClient)
            newLive = !c.value(u"deleted"_s).toBool() && c.value(u"kind"_s).toString() == "region"_L1;
    }
    QVERIFY(oldDeleted);
    QVERIFY(newLive);
    QVERIFY(!QJsonDocument(state).toJson().contains(newSecret.toLatin1()));
}

void TestSandboxAuth::deactivatedTenantAnswersTenantDisabled()
{
    const QString umbrella = m_sandbox->hostOf(u"umbrella"_s);
    for (const QString &path : {u"/oauth/token"_s, u"/api/v1/users"_s, u"/api/v1/anything"_s}) {
        const HttpReply reply = m_sandbox->http().send(
            {"POST", umbrella, path, R"({"client_id":"sandbox-region-eu"})", "application/json", {}, {}, true});
        QCOMPARE(reply.status, 401);
        const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"TENANT_DISABLED"_s);
        QCOMPARE(error.value(u"title"_s).toString(),
                 u"Tenant has been deactivated. Contact your administrator for more details."_s);
        QCOMPARE(error.value(u"status"_s).toString(), u"401"_s);
        QVERIFY(!reply.json().value(u"traceId"_s).toString().isEmpty());
    }
}

void TestSandboxAuth::disabledBotGets403()
{
    const QString token = m_sandbox->regionToken(m_source);
    const QString me = QString::fromLatin1(
        m_sandbox->http().get(m_source, u"/api/v1/users/me"_s, token).header("location").split('/').last());
    // Another admin disables the bot: its token stops working and no new one is issued.
    QCOMPARE(m_sandbox->http()
                 .patch(m_source, u"/api/v1/users/"_s + me,
                        QJsonArray{QJsonObject{
                            {u"op"_s, u"replace"_s}, {u"path"_s, u"/status"_s}, {u"value"_s, u"disabled"_s}}},
                        token)
                 .status,
             204);
    QCOMPARE(m_sandbox->http().get(m_source, u"/api/v1/spaces"_s, token).status, 401);
    QCOMPARE(requestToken(m_source, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s).status, 403);
}

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "tst_sandboxauth.moc"
