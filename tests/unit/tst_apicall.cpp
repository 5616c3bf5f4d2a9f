#include "cloud/apicall.h"
#include "cloud/apipage.h"
#include "cloud/redaction.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiCall;
using Cloud::ApiPage;
using Cloud::ApiResponse;

class TestApiCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idempotency_data();
    void idempotency();
    void logicalUrl();
    void plusInQueryIsEncoded();
    void jsonBody();
    void redactsCredentials();

    void pagingStyles_data();
    void pagingStyles();
    void malformedPages_data();
    void malformedPages();
};

void TestApiCall::idempotency_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<ApiCall::Idempotency>("declared");
    QTest::addColumn<bool>("idempotent");
    using I = ApiCall::Idempotency;
    QTest::newRow("GET") << "GET"_ba << I::ByMethod << true;
    QTest::newRow("get lower case") << "get"_ba << I::ByMethod << true;
    QTest::newRow("PUT") << "PUT"_ba << I::ByMethod << true;
    QTest::newRow("DELETE") << "DELETE"_ba << I::ByMethod << true;
    QTest::newRow("HEAD") << "HEAD"_ba << I::ByMethod << true;
    QTest::newRow("POST creates") << "POST"_ba << I::ByMethod << false;
    QTest::newRow("PATCH") << "PATCH"_ba << I::ByMethod << false;
    QTest::newRow("POST filter declared safe") << "POST"_ba << I::Idempotent << true;
    QTest::newRow("PUT declared unsafe") << "PUT"_ba << I::NotIdempotent << false;
}

void TestApiCall::idempotency()
{
    QFETCH(QByteArray, method);
    QFETCH(ApiCall::Idempotency, declared);
    QFETCH(bool, idempotent);
    ApiCall call;
    call.method = method;
    call.idempotency = declared;
    QCOMPARE(call.isIdempotent(), idempotent);
}

void TestApiCall::logicalUrl()
{
    QUrlQuery query;
    query.addQueryItem(u"filter"_s, u"subscriptionId eq \"123\""_s);
    query.addQueryItem(u"limit"_s, u"100"_s);
    const ApiCall call = ApiCall::get(u"console.qlikcloud.com"_s, u"/api/core/tenants"_s, query);
    QCOMPARE(call.logicalUrl().toString(QUrl::FullyEncoded),
             u"https://console.qlikcloud.com/api/core/tenants?filter=subscriptionId%20eq%20%22123%22&limit=100"_s);

    const QUrl link(u"https://api.qlikcloud.com/core/tenants?limit=20&next=abc"_s);
    const ApiCall follow = ApiCall::fromUrl("GET", link);
    QCOMPARE(follow.logicalUrl(), link);
    QCOMPARE(follow.host, u"api.qlikcloud.com"_s);
}

void TestApiCall::plusInQueryIsEncoded()
{
    QUrlQuery query;
    query.addQueryItem(u"filter"_s, u"createdAt gt \"2025-01-01T00:00:00+01:00\""_s);
    const QString encoded
        = ApiCall::get(u"a.eu.qlikcloud.com"_s, u"/api/v1/audits"_s, query).logicalUrl().toString(QUrl::FullyEncoded);
    QVERIFY2(encoded.contains(u"%2B01:00"_s), qPrintable(encoded));
    QVERIFY(!encoded.contains(u'+'));
}

void TestApiCall::jsonBody()
{
    const ApiCall call = ApiCall::post(u"a.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s,
                                       QJsonDocument(QJsonObject{{u"name"_s, u"Staging"_s}, {u"type"_s, u"shared"_s}}));
    QCOMPARE(call.method, "POST"_ba);
    QCOMPARE(call.contentType, "application/json"_ba);
    QCOMPARE(QJsonDocument::fromJson(call.body).object().value(u"name"_s).toString(), u"Staging"_s);
    QVERIFY(!call.isIdempotent());

    ApiCall upload = ApiCall::get(u"a.eu.qlikcloud.com"_s, u"/api/v1/apps/import"_s);
    upload.method = "POST";
    upload.setBytes("QVF", "application/octet-stream").addHeader("qlik-confirm-hostname", "a.eu.qlikcloud.com");
    QCOMPARE(upload.contentType, "application/octet-stream"_ba);
    QCOMPARE(upload.headers.size(), 1);
}

void TestApiCall::redactsCredentials()
{
    using namespace Cloud::Redaction;
    QVERIFY(isSensitiveHeader("Authorization"));
    QVERIFY(isSensitiveHeader("authorization"));
    QVERIFY(isSensitiveHeader("Cookie"));
    QVERIFY(isSensitiveHeader("Set-Cookie"));
    QVERIFY(!isSensitiveHeader("Content-Type"));

    const QString headers = headersForLog(
        {{"Authorization", "Bearer eyJhbGciOi.secret"}, {"Host", "acme.eu.qlikcloud.com"}, {"Cookie", "session=abc"}});
    QVERIFY2(!headers.contains(u"eyJhbGciOi"_s), qPrintable(headers));
    QVERIFY(!headers.contains(u"session=abc"_s));
    QVERIFY(headers.contains(u"Authorization: <redacted>"_s));
    QVERIFY(headers.contains(u"Host: acme.eu.qlikcloud.com"_s));

    const QString url = urlForLog(
        QUrl(u"https://user:pass@a.eu.qlikcloud.com/oauth/token?client_secret=s3&access_token=t0k&limit=5"_s));
    QVERIFY2(!url.contains(u"s3&"_s) && !url.contains(u"t0k"_s) && !url.contains(u"pass"_s), qPrintable(url));
    QVERIFY(url.contains(u"limit=5"_s));
}

void TestApiCall::pagingStyles_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("next");

    const QString base = u"https://acme.eu.qlikcloud.com"_s;
    // FACTS §14.1, one row per style.
    QTest::newRow("cursor next/prev")
        << R"({"data":[{"id":"1"},{"id":"2"}],"links":{"self":{"href":"https://acme.eu.qlikcloud.com/api/v1/users?limit=2"},"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/users?limit=2&next=abc"},"prev":{"href":"https://acme.eu.qlikcloud.com/api/v1/users?limit=2&prev=zzz"}}})"_ba
        << 2 << base + u"/api/v1/users?limit=2&next=abc"_s;
    QTest::newRow("page cursor")
        << R"({"data":[{"subject":"a"}],"links":{"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/licenses/assignments?limit=1&page=2"}}})"_ba
        << 1 << base + u"/api/v1/licenses/assignments?limit=1&page=2"_s;
    QTest::newRow("id anchors")
        << R"({"data":[{"id":"w1"}],"links":{"self":{"href":"x"},"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/web-integrations?limit=1&startingAfter=w1"}}})"_ba
        << 1 << base + u"/api/v1/web-integrations?limit=1&startingAfter=w1"_s;
    QTest::newRow("link-only cursor")
        << R"({"data":[],"links":{"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/automations?cursor=opaque%3D%3D"}}})"_ba
        << 0 << base + u"/api/v1/automations?cursor=opaque%3D%3D"_s;
    QTest::newRow("org api, other host form")
        << R"({"data":[{"id":"t1"}],"links":{"self":{"href":"https://console.qlikcloud.com/api/core/tenants"},"next":{"href":"https://api.qlikcloud.com/core/tenants?limit=20&next=t1"}}})"_ba
        << 1 << u"https://api.qlikcloud.com/core/tenants?limit=20&next=t1"_s;
    QTest::newRow("last page: no next") << R"({"data":[{"id":"1"}],"links":{"self":{"href":"x"}}})"_ba << 1
                                        << QString();
    QTest::newRow("last page: next null") << R"({"data":[{"id":"1"}],"links":{"next":null}})"_ba << 1 << QString();
    QTest::newRow("no paging (extensions)") << R"({"data":[{"id":"e1"},{"id":"e2"},{"id":"e3"}]})"_ba << 3 << QString();
    QTest::newRow("relative href resolved") << R"({"data":[],"links":{"next":{"href":"/api/v1/items?next=x"}}})"_ba << 0
                                            << base + u"/api/v1/items?next=x"_s;
    QTest::newRow("next with a null href (data files)")
        << R"({"data":[{"id":"r1"}],"links":{"next":{"href":null},"prev":{"href":null}}})"_ba << 1 << QString();
    QTest::newRow("bare array") << R"([{"id":"r1"},{"id":"r2"}])"_ba << 2 << QString();
}

void TestApiCall::pagingStyles()
{
    QFETCH(QByteArray, body);
    QFETCH(int, items);
    QFETCH(QString, next);

    ApiResponse response;
    response.status = 200;
    response.url = QUrl(u"https://acme.eu.qlikcloud.com/api/v1/users?limit=2"_s);
    response.json = QJsonDocument::fromJson(body);
    QVERIFY(!response.json.isNull());
    ApiPage page;
    QString error;
    QVERIFY2(ApiPage::parse(response, u"data"_s, &page, &error), qPrintable(error));
    QCOMPARE(page.items.size(), items);
    QCOMPARE(page.nextUrl.toString(QUrl::FullyEncoded), next);
}

void TestApiCall::malformedPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no data") << R"({"items":[]})"_ba << u"no 'data' array"_s;
    QTest::newRow("data not an array") << R"({"data":{"id":1}})"_ba << u"no 'data' array"_s;
    QTest::newRow("links not an object") << R"({"data":[],"links":"next"})"_ba << u"'links' is not an object"_s;
    QTest::newRow("next without href") << R"({"data":[],"links":{"next":{}}})"_ba << u"no 'href' string"_s;
    QTest::newRow("href not a string") << R"({"data":[],"links":{"next":{"href":5}}})"_ba << u"no 'href' string"_s;
    QTest::newRow("next not an object") << R"({"data":[],"links":{"next":"https://x"}})"_ba << u"no 'href' string"_s;
    QTest::newRow("scalar document") << R"("hello")"_ba << u"not a JSON object"_s;
}

void TestApiCall::malformedPages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    ApiResponse response;
    response.url = QUrl(u"https://acme.eu.qlikcloud.com/api/v1/users"_s);
    response.json = QJsonDocument::fromJson(body);
    ApiPage page;
    QString error;
    QVERIFY(!ApiPage::parse(response, u"data"_s, &page, &error));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestApiCall)
#include "tst_apicall.moc"
