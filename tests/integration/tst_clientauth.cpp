#include "cloud/apirequest.h"
#include "cloud/tokenprovider.h"
#include "seededclient.h"
#include "support/sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Cloud::ApiCall;
using Cloud::ApiError;
using Cloud::ApiResult;

// Tokens and client choice of the real CloudClient against the sandbox over loopback (issue 4):
// caching, refresh before expiry, the 401 resend, token failures, region mismatch.
class TestClientAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void cachesOneTokenPerTenantAndClient();
    void refreshesBeforeExpiryWithoutA401();
    void resendsOnceAfterTheServerExpiredTheToken();
    void deletedClientFailsWithAClearError();
    void regionMismatchIsRefusedBeforeSending();
    void wrongRegionAtTheServerIsAnAuthenticationError();
    void unavailableSecretSendsNothing();
    void followsUsersMeRedirect();

private:
    [[nodiscard]] int count(const QString &operation)
    {
        return SeededClient::requestCount(m_sandbox->http(), operation);
    }

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    QStringList m_hosts; // estate:6 over eu, us, ap: eu, us, ap, eu, us, ap
};

void TestClientAuth::initTestCase()
{
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestClientAuth::init()
{
    QVERIFY(m_sandbox->http().reset(u"estate:6"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"tokenTtlSeconds"_s, 21600}}));
    m_hosts = SeededClient::tenantHosts(m_sandbox->http());
    QCOMPARE(m_hosts.size(), 6);
    QVERIFY(m_hosts.at(0).endsWith(u".eu.qlikcloud.com"_s));
    QVERIFY(m_hosts.at(1).endsWith(u".us.qlikcloud.com"_s));
}

void TestClientAuth::cachesOneTokenPerTenantAndClient()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s, u"us"_s, u"ap"_s});
    QList<Cloud::ApiRequest *> requests;
    for (int round = 0; round < 3; ++round) {
        for (const QString &host : std::as_const(m_hosts))
            requests.append(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s)));
    }
    for (const ApiResult &result : SeededClient::awaitAll(requests)) {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QStringList names;
        for (const QJsonValue space : result.json()[u"data"_s].toArray())
            names.append(space[u"name"_s].toString());
        // Staging and Production; every tenant but the source also keeps a retired bot's Legacy.
        QVERIFY2(names.contains(u"Staging"_s) && names.contains(u"Production"_s), qPrintable(names.join(u", "_s)));
    }
    // One token per tenant, although every tenant was asked three times, partly concurrently.
    QCOMPARE(count(u"POST /oauth/token"_s), 6);
    QCOMPARE(count(u"GET /v1/spaces"_s), 18);
    QCOMPARE(seeded.client().tokens()->tokenRequestCount(), 6);
    QCOMPARE(seeded.secrets().lookups(), 3); // one secret lookup per profile
}

void TestClientAuth::refreshesBeforeExpiryWithoutA401()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"tokenTtlSeconds"_s, 2}}));
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const QString host = m_hosts.at(0);
    QElapsedTimer clock;
    clock.start();
    int requests = 0;
    while (clock.elapsed() < 4500) {
        const ApiResult result = SeededClient::await(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s)));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.attempts(), 1); // never refused: the token was replaced before it expired
        ++requests;
        QTest::qWait(100);
    }
    const int tokens = count(u"POST /oauth/token"_s);
    QVERIFY2(tokens >= 3 && tokens <= 4, qPrintable(QString::number(tokens))); // every ~1.8 s of 2 s
    QVERIFY(requests > tokens * 3);
}

void TestClientAuth::resendsOnceAfterTheServerExpiredTheToken()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const QString host = m_hosts.at(0);
    QVERIFY(SeededClient::await(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s))).ok());
    QCOMPARE(count(u"POST /oauth/token"_s), 1);
    // Seven hours pass for the sandbox only: its tokens (6 h) are expired, the client's cache is not.
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 7 * 3600}}));
    const ApiResult result = SeededClient::await(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s)));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.attempts(), 2); // 401, new token, resent once
    QCOMPARE(count(u"POST /oauth/token"_s), 2);
    QCOMPARE(count(u"GET /v1/spaces"_s), 3);
}

void TestClientAuth::deletedClientFailsWithAClearError()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const QString host = m_hosts.at(0);
    QVERIFY(SeededClient::await(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s))).ok());
    // The client is deleted in My Qlik: its tokens die, its secret no longer works.
    QVERIFY(m_sandbox->http().control("DELETE", u"/__sandbox/clients/sandbox-region-eu"_s));
    QList<Cloud::ApiRequest *> requests;
    for (int i = 0; i < 4; ++i)
        requests.append(seeded.client().send(ApiCall::get(host, u"/api/v1/spaces"_s)));
    for (const ApiResult &result : SeededClient::awaitAll(requests)) {
        QCOMPARE(result.error().kind(), ApiError::Kind::Authentication);
        QVERIFY2(result.error().message().contains(u"no token for client 'sandbox-region-eu' (profile 'region-eu')"_s),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().httpStatus() == 400 || result.error().httpStatus() == 401);
    }
    // The waiting requests shared one failed token request.
    QCOMPARE(count(u"POST /oauth/token"_s), 2);
}

void TestClientAuth::regionMismatchIsRefusedBeforeSending()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s, u"us"_s});
    ApiCall call = ApiCall::get(m_hosts.at(1), u"/api/v1/spaces"_s); // a us tenant
    call.profileName = u"region-eu"_s;
    const ApiResult result = SeededClient::await(seeded.client().send(call));
    QCOMPARE(result.error().kind(), ApiError::Kind::RegionMismatch);
    QVERIFY2(result.error().message().contains(u"region client for region 'eu', but tenant"_s),
             qPrintable(result.error().message()));
    QCOMPARE(count(u"POST /oauth/token"_s), 0);

    // The caller's idea of the region contradicts the hostname.
    ApiCall hinted = ApiCall::get(m_hosts.at(1), u"/api/v1/spaces"_s);
    hinted.regionHint = u"eu"_s;
    QCOMPARE(SeededClient::await(seeded.client().send(hinted)).error().kind(), ApiError::Kind::RegionMismatch);

    // No client for the tenant's region at all.
    const ApiResult missing
        = SeededClient::await(seeded.client().send(ApiCall::get(m_hosts.at(2), u"/api/v1/spaces"_s)));
    QCOMPARE(missing.error().kind(), ApiError::Kind::NoCredentials);
    QVERIFY2(missing.error().message().contains(u"no region client for region 'ap'"_s),
             qPrintable(missing.error().message()));
    QCOMPARE(count(u"POST /oauth/token"_s), 0);
}

void TestClientAuth::wrongRegionAtTheServerIsAnAuthenticationError()
{
    // When the client cannot tell (a profile claims the wrong region for its client id), the
    // sandbox refuses the token as Qlik does (400 OAUTH-14), and the error says which client failed.
    SeededClient seeded(m_sandbox->port(), {});
    seeded.secrets().setSecret(u"mislabelled"_s, u"sandbox-region-eu-secret"_s);
    seeded.client().setProfiles(
        {{u"mislabelled"_s, Cloud::CredentialTier::Region, u"sandbox-region-eu"_s, u"us"_s, {}, {}}});
    const ApiResult result
        = SeededClient::await(seeded.client().send(ApiCall::get(m_hosts.at(1), u"/api/v1/spaces"_s)));
    QCOMPARE(result.error().kind(), ApiError::Kind::Authentication);
    QCOMPARE(result.error().code(), u"OAUTH-14"_s);
    QVERIFY(!result.error().traceId().isEmpty());
}

void TestClientAuth::unavailableSecretSendsNothing()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    seeded.secrets().setUnavailable(true);
    const ApiResult result
        = SeededClient::await(seeded.client().send(ApiCall::get(m_hosts.at(0), u"/api/v1/spaces"_s)));
    QCOMPARE(result.error().kind(), ApiError::Kind::SecretUnavailable);
    QCOMPARE(count(u"POST /oauth/token"_s), 0);
}

void TestClientAuth::followsUsersMeRedirect()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const ApiResult me = SeededClient::await(seeded.client().send(ApiCall::get(m_hosts.at(0), u"/api/v1/users/me"_s)));
    QVERIFY2(me.ok(), qPrintable(me.error().message()));
    // FACTS §2.3: the token's identity is the client's bot user.
    QCOMPARE(me.json()[u"subject"_s].toString(), u"qlikbot\\sandbox-region-eu"_s);
    QCOMPARE(me.json()[u"clientId"_s].toString(), u"sandbox-region-eu"_s);
    // Followed to the user's own URL (FACTS §14.4: 301), with the token still attached.
    QCOMPARE(me.response().url.path(), u"/api/v1/users/"_s + me.json()[u"id"_s].toString());
    QCOMPARE(count(u"GET /v1/users/me"_s), 1);
    QCOMPARE(count(u"GET /v1/users/{userId}"_s), 1);
}

QTEST_GUILESS_MAIN(TestClientAuth)
#include "tst_clientauth.moc"
