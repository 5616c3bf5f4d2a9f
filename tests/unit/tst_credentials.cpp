#include "cloud/accesstoken.h"
#include "cloud/credentialrouter.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Cloud::AccessToken;
using Cloud::ApiError;
using Cloud::CloudHost;
using Cloud::CredentialProfile;
using Cloud::CredentialRouter;
using Cloud::CredentialTier;

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenResponses_data();
    void tokenResponses();
    void badTokenResponses_data();
    void badTokenResponses();
    void refreshMargin();

    void choosesByTier_data();
    void choosesByTier();
    void refusesWithAClearReason_data();
    void refusesWithAClearReason();
    void aliasRegionFromInventoryOrHint();
    void hintContradictingTheHostname();

private:
    static QList<CredentialProfile> profiles();
};

void TestCredentials::tokenResponses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("lifetimeMs");
    QTest::addColumn<QString>("scope");

    QTest::newRow("tenant, expires_in wins over expires_at")
        << R"({"access_token":"tok","token_type":"bearer","expires_at":"2030-01-01T00:00:00.000Z","expires_in":21600})"_ba
        << qint64(21600000) << QString();
    QTest::newRow("console, capital Bearer and scope")
        << R"({"access_token":"tok","token_type":"Bearer","scope":"cloud-console.tenants:read","expires_in":21600})"_ba
        << qint64(21600000) << u"cloud-console.tenants:read"_s;
    QTest::newRow("fractional expires_in")
        << R"({"access_token":"tok","token_type":"BEARER","expires_in":2.5})"_ba << qint64(2500) << QString();
    QTest::newRow("only expires_at: one hour after now")
        << R"({"access_token":"tok","token_type":"bearer","expires_at":"2025-01-01T13:00:00.000Z"})"_ba
        << qint64(3600000) << QString();
    QTest::newRow("no expiry: five minutes")
        << R"({"access_token":"tok","token_type":"bearer"})"_ba << qint64(300000) << QString();
    QTest::newRow("expires_at in the past (clock skew): five minutes")
        << R"({"access_token":"tok","token_type":"bearer","expires_at":"1970-01-18T13:17:10.931Z"})"_ba
        << qint64(300000) << QString();
}

void TestCredentials::tokenResponses()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, lifetimeMs);
    QFETCH(QString, scope);

    const AccessToken::Clock::time_point requestedAt = AccessToken::Clock::now();
    const QDateTime nowUtc(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC);
    QString error;
    const AccessToken token
        = AccessToken::fromTokenResponse(QJsonDocument::fromJson(body), requestedAt, nowUtc, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(token.value, "tok"_ba);
    QCOMPARE(token.scope, scope);
    const auto lifetime = std::chrono::duration_cast<std::chrono::milliseconds>(token.expiresAt - requestedAt);
    QCOMPARE(lifetime.count(), lifetimeMs);
    QVERIFY(token.refreshAt < token.expiresAt);
    QVERIFY(token.isUsable(requestedAt));
    QVERIFY(!token.isUsable(token.refreshAt));
}

void TestCredentials::badTokenResponses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not an object") << "[1,2]"_ba << u"not a JSON object"_s;
    QTest::newRow("no token") << R"({"token_type":"bearer","expires_in":10})"_ba << u"'access_token'"_s;
    QTest::newRow("token not a string") << R"({"access_token":5,"token_type":"bearer"})"_ba << u"'access_token'"_s;
    QTest::newRow("empty token") << R"({"access_token":"","token_type":"bearer"})"_ba << u"'access_token'"_s;
    QTest::newRow("no type") << R"({"access_token":"tok"})"_ba << u"'token_type'"_s;
    QTest::newRow("mac type") << R"({"access_token":"tok","token_type":"mac"})"_ba << u"only bearer"_s;
    QTest::newRow("expires_in as string")
        << R"({"access_token":"tok","token_type":"bearer","expires_in":"600"})"_ba << u"'expires_in'"_s;
    QTest::newRow("expires_in zero") << R"({"access_token":"tok","token_type":"bearer","expires_in":0})"_ba
                                     << u"'expires_in'"_s;
    QTest::newRow("expires_at garbage") << R"({"access_token":"tok","token_type":"bearer","expires_at":"tomorrow"})"_ba
                                        << u"'expires_at'"_s;
}

void TestCredentials::badTokenResponses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    QString error;
    const AccessToken token = AccessToken::fromTokenResponse(QJsonDocument::fromJson(body), AccessToken::Clock::now(),
                                                             QDateTime::currentDateTimeUtc(), &error);
    QVERIFY(token.value.isEmpty());
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QVERIFY2(!error.contains(u"tok\""_s), qPrintable(error)); // the token never appears
}

void TestCredentials::refreshMargin()
{
    QCOMPARE(AccessToken::refreshMargin(6h), std::chrono::milliseconds(5min));
    QCOMPARE(AccessToken::refreshMargin(10s), std::chrono::milliseconds(1s));
    QCOMPARE(AccessToken::refreshMargin(2s), std::chrono::milliseconds(200ms));
}

QList<CredentialProfile> TestCredentials::profiles()
{
    return {
        {u"org"_s, CredentialTier::Organization, u"org-client"_s, {}, {}, {}},
        {u"region-eu"_s, CredentialTier::Region, u"eu-client"_s, u"eu"_s, {}, {}},
        {u"region-us"_s, CredentialTier::Region, u"us-client"_s, u"us"_s, {}, {}},
        {u"acme-own"_s, CredentialTier::Tenant, u"acme-client"_s, {}, u"acme.eu.qlikcloud.com"_s, {}},
    };
}

void TestCredentials::choosesByTier_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("profile");

    QTest::newRow("console -> org") << u"console.qlikcloud.com"_s << QString() << QString() << u"org"_s;
    QTest::newRow("org link host -> org") << u"api.qlikcloud.com"_s << QString() << QString() << u"org"_s;
    QTest::newRow("register eu -> region eu")
        << u"register.eu.qlikcloud.com"_s << QString() << QString() << u"region-eu"_s;
    QTest::newRow("register us -> region us")
        << u"register.us.qlikcloud.com"_s << QString() << QString() << u"region-us"_s;
    QTest::newRow("tenant client preferred") << u"acme.eu.qlikcloud.com"_s << QString() << QString() << u"acme-own"_s;
    QTest::newRow("other eu tenant -> region eu")
        << u"beta.eu.qlikcloud.com"_s << QString() << QString() << u"region-eu"_s;
    QTest::newRow("us tenant -> region us") << u"gamma.us.qlikcloud.com"_s << QString() << QString() << u"region-us"_s;
    QTest::newRow("forced region on its tenant")
        << u"acme.eu.qlikcloud.com"_s << QString() << u"region-eu"_s << u"region-eu"_s;
    QTest::newRow("alias with hint") << u"analytics.example.com"_s << u"us"_s << QString() << u"region-us"_s;
    QTest::newRow("forced region on alias of unknown region")
        << u"analytics.example.com"_s << QString() << u"region-eu"_s << u"region-eu"_s;
}

void TestCredentials::choosesByTier()
{
    QFETCH(QString, host);
    QFETCH(QString, hint);
    QFETCH(QString, forced);
    QFETCH(QString, profile);

    CredentialRouter router;
    router.setProfiles(profiles());
    const CredentialRouter::Choice choice = router.choose(CloudHost::parse(host), hint, forced);
    QVERIFY2(choice.ok(), qPrintable(choice.error.message()));
    QCOMPARE(choice.profile.name, profile);
}

void TestCredentials::refusesWithAClearReason_data()
{
    QTest::addColumn<QList<CredentialProfile>>("configured");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("messagePart");

    const QList<CredentialProfile> all = profiles();
    QTest::newRow("region client on another region's tenant")
        << all << u"gamma.us.qlikcloud.com"_s << u"region-eu"_s << ApiError::Kind::RegionMismatch
        << u"region client for region 'eu', but tenant 'gamma.us.qlikcloud.com' is in region 'us'"_s;
    QTest::newRow("region client on another region's register host")
        << all << u"register.us.qlikcloud.com"_s << u"region-eu"_s << ApiError::Kind::RegionMismatch
        << u"register 'register.us.qlikcloud.com' is in region 'us'"_s;
    QTest::newRow("no region client for the region")
        << all << u"delta.de.qlikcloud.com"_s << QString() << ApiError::Kind::NoCredentials
        << u"no region client for region 'de' is configured for 'delta.de.qlikcloud.com' (region clients configured "
           "for: eu, us)"_s;
    QTest::newRow("no org client") << all.mid(1) << u"console.qlikcloud.com"_s << QString()
                                   << ApiError::Kind::NoCredentials << u"no organization OAuth client"_s;
    QTest::newRow("org client on a tenant")
        << all << u"acme.eu.qlikcloud.com"_s << u"org"_s << ApiError::Kind::NoCredentials << u"organization client"_s;
    QTest::newRow("region client on console") << all << u"console.qlikcloud.com"_s << u"region-eu"_s
                                              << ApiError::Kind::NoCredentials << u"organization host"_s;
    QTest::newRow("tenant client elsewhere") << all << u"beta.eu.qlikcloud.com"_s << u"acme-own"_s
                                             << ApiError::Kind::NoCredentials << u"tenant client for"_s;
    QTest::newRow("unknown profile") << all << u"beta.eu.qlikcloud.com"_s << u"nope"_s << ApiError::Kind::NoCredentials
                                     << u"no credential profile named 'nope'"_s;
    QTest::newRow("alias of unknown region")
        << all << u"analytics.example.com"_s << QString() << ApiError::Kind::NoCredentials
        << u"region of 'analytics.example.com' is unknown"_s;
    QTest::newRow("nothing configured") << QList<CredentialProfile>{} << u"beta.eu.qlikcloud.com"_s << QString()
                                        << ApiError::Kind::NoCredentials << u"configured for: none"_s;
}

void TestCredentials::refusesWithAClearReason()
{
    QFETCH(QList<CredentialProfile>, configured);
    QFETCH(QString, host);
    QFETCH(QString, forced);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, messagePart);

    CredentialRouter router;
    router.setProfiles(configured);
    const CredentialRouter::Choice choice = router.choose(CloudHost::parse(host), QString(), forced);
    QVERIFY(!choice.ok());
    QCOMPARE(choice.error.kind(), kind);
    QVERIFY2(choice.error.message().contains(messagePart), qPrintable(choice.error.message()));
}

void TestCredentials::aliasRegionFromInventoryOrHint()
{
    CredentialRouter router;
    router.setProfiles(profiles());
    const CloudHost alias = CloudHost::parse(u"Analytics.Example.com"_s);
    QVERIFY(router.regionOf(alias, QString()).isEmpty());
    router.setHostRegion(u"analytics.example.com"_s, u"US"_s);
    QCOMPARE(router.regionOf(alias, QString()), u"us"_s);
    QCOMPARE(router.choose(alias, QString()).profile.name, u"region-us"_s);
    // What the inventory knows, checked against a forced region client.
    const auto mismatch = router.choose(alias, QString(), u"region-eu"_s);
    QCOMPARE(mismatch.error.kind(), ApiError::Kind::RegionMismatch);
    router.clearHostRegions();
    QCOMPARE(router.choose(alias, u"eu"_s).profile.name, u"region-eu"_s);
}

void TestCredentials::hintContradictingTheHostname()
{
    CredentialRouter router;
    router.setProfiles(profiles());
    const auto choice = router.choose(CloudHost::parse(u"beta.eu.qlikcloud.com"_s), u"us"_s);
    QCOMPARE(choice.error.kind(), ApiError::Kind::RegionMismatch);
    QVERIFY2(choice.error.message().contains(u"is in region 'eu', but the request expected region 'us'"_s),
             qPrintable(choice.error.message()));
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
