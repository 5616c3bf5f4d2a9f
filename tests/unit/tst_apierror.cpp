#include "cloud/apierror.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiError;

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorBodies_data();
    void errorBodies();
    void traceIdFromHeaderWhenBodyHasNone();
    void rateLimitKeepsRetryAfter();
    void nonJsonBodies();
    void messageIsReadable();
    void messageMarksUnknownOutcome();
    void urlLosesCredentials();
    void retryAfter_data();
    void retryAfter();
    void everyKindHasAName();
};

void TestApiError::errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("traceId");
    QTest::addColumn<int>("count");

    // FACTS §14.2 common shape, status as a string.
    QTest::newRow("common")
        << 401
        << R"({"errors":[{"title":"Tenant has been deactivated. Contact your administrator for more details.","code":"TENANT_DISABLED","status":"401"}],"traceId":"abc123"})"_ba
        << u"TENANT_DISABLED"_s << u"Tenant has been deactivated. Contact your administrator for more details."_s
        << QString() << u"abc123"_s << 1;
    QTest::newRow("oauth")
        << 400
        << R"({"errors":[{"title":"Invalid client_id","detail":"OAuth client is not authorized","code":"OAUTH-14","status":"400"}],"traceId":"t-1"})"_ba
        << u"OAUTH-14"_s << u"Invalid client_id"_s << u"OAuth client is not authorized"_s << u"t-1"_s << 1;
    QTest::newRow("rate limit")
        << 429
        << R"({"errors":[{"code":"HTTP-429","title":"API rate limit reached.","detail":"You need to wait 13 seconds until limit is lifted."}]})"_ba
        << u"HTTP-429"_s << u"API rate limit reached."_s << u"You need to wait 13 seconds until limit is lifted."_s
        << QString() << 1;
    QTest::newRow("several errors, meta and source")
        << 400
        << R"({"errors":[{"code":"SPACES-1","title":"Bad name","detail":"too long","status":"400","meta":{"x":1},"source":{"pointer":"/name"}},{"code":"SPACES-2","title":"Bad type"}],"traceId":"t"})"_ba
        << u"SPACES-1"_s << u"Bad name"_s << u"too long"_s << u"t"_s << 2;
    QTest::newRow("spaces deprecated top level")
        << 409 << R"({"code":"SPACES-409","title":"Conflict","detail":"name taken","meta":{}})"_ba << u"SPACES-409"_s
        << u"Conflict"_s << u"name taken"_s << QString() << 0;
    QTest::newRow("licenses errorResponse")
        << 400
        << R"({"error":"util.Error","message":"error message","errors":[{"code":"LICENSES-123","title":"error title"}]})"_ba
        << u"LICENSES-123"_s << u"error title"_s << u"error message"_s << QString() << 1;
    QTest::newRow("extensions single object, numeric status")
        << 409 << R"({"title":"Conflict","status":409,"meta":{"code":"EXT-1"},"source":{}})"_ba << u"EXT-1"_s
        << u"Conflict"_s << QString() << QString() << 0;
    QTest::newRow("numeric code (users ErrorItem)")
        << 400 << R"({"errors":[{"code":1001,"title":"Active User","detail":"already active"}]})"_ba << u"1001"_s
        << u"Active User"_s << u"already active"_s << QString() << 1;
    QTest::newRow("details spelled with s")
        << 403
        << R"({"errors":[{"code":"DCAAS-2001","title":"Data source is not enabled.","details":"needs privileges"}]})"_ba
        << u"DCAAS-2001"_s << u"Data source is not enabled."_s << u"needs privileges"_s << QString() << 1;
    QTest::newRow("rfc 6749 oauth") << 401 << R"({"error":"invalid_client","error_description":"bad secret"})"_ba
                                    << u"invalid_client"_s << QString() << u"bad secret"_s << QString() << 0;
    QTest::newRow("wrong types are ignored, not trusted")
        << 500 << R"({"errors":[{"code":{"x":1},"title":["a"],"detail":null}],"traceId":42})"_ba << QString()
        << QString() << QString() << u"42"_s << 1;
    QTest::newRow("errors not an array") << 500 << R"({"errors":"boom","traceId":"t"})"_ba << QString() << QString()
                                         << QString() << u"t"_s << 0;
}

void TestApiError::errorBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(QString, traceId);
    QFETCH(int, count);

    const ApiError error = ApiError::fromHttpResponse(status, {{"Content-Type", "application/json"}}, body);
    QCOMPARE(error.kind(), status == 429 ? ApiError::Kind::RateLimited : ApiError::Kind::Http);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.title(), title);
    QCOMPARE(error.detail(), detail);
    QCOMPARE(error.traceId(), traceId);
    QCOMPARE(error.errorCount(), count);
    QVERIFY(!error.isNull());
}

void TestApiError::traceIdFromHeaderWhenBodyHasNone()
{
    const Headers headers{{"X-B3-Traceid", "463ac35c9f6413ad"}};
    const ApiError fromHeader = ApiError::fromHttpResponse(404, headers, R"({"errors":[{"code":"X","title":"y"}]})"_ba);
    QCOMPARE(fromHeader.traceId(), u"463ac35c9f6413ad"_s);
    const ApiError bodyWins
        = ApiError::fromHttpResponse(404, headers, R"({"errors":[{"code":"X","title":"y"}],"traceId":"body"})"_ba);
    QCOMPARE(bodyWins.traceId(), u"body"_s);
}

void TestApiError::rateLimitKeepsRetryAfter()
{
    const ApiError error = ApiError::fromHttpResponse(429, {{"retry-after", "13"}}, {});
    QCOMPARE(error.kind(), ApiError::Kind::RateLimited);
    QCOMPARE(error.retryAfterSeconds(), 13);
    QVERIFY2(error.message().contains(u"retry after 13 s"_s), qPrintable(error.message()));
}

void TestApiError::nonJsonBodies()
{
    const ApiError html
        = ApiError::fromHttpResponse(502, {{"Content-Type", "text/html; charset=utf-8"}}, "<html>Bad gateway</html>");
    QCOMPARE(html.kind(), ApiError::Kind::Http);
    QVERIFY(html.code().isEmpty());
    QVERIFY2(html.detail().contains(u"text/html"_s), qPrintable(html.detail()));
    QVERIFY(!html.detail().contains(u"Bad gateway"_s)); // never quoted

    const ApiError truncated = ApiError::fromHttpResponse(500, {}, R"({"errors":[{"code":)"_ba);
    QVERIFY(truncated.detail().contains(u"not a Qlik error object"_s));

    const ApiError empty = ApiError::fromHttpResponse(404, {}, {});
    QVERIFY(empty.detail().isEmpty());
    QVERIFY(empty.message().contains(u"HTTP 404"_s));
}

void TestApiError::messageIsReadable()
{
    ApiError error = ApiError::fromHttpResponse(
        404, {},
        R"({"errors":[{"code":"SPACES-7","title":"Not found","detail":"No space with id 'x'"}],"traceId":"1f2e"})"_ba);
    error.setRequest("GET", QUrl(u"https://acme.eu.qlikcloud.com/api/v1/spaces/x"_s));
    QCOMPARE(error.message(),
             u"GET https://acme.eu.qlikcloud.com/api/v1/spaces/x: HTTP 404 Not found (SPACES-7): No "
             "space with id 'x' [trace 1f2e]"_s);

    ApiError mismatch(ApiError::Kind::RegionMismatch, u"profile 'eu' is a region client for region 'eu'"_s);
    QCOMPARE(mismatch.message(), u"region mismatch: profile 'eu' is a region client for region 'eu'"_s);
    QVERIFY(ApiError().message().isEmpty());
    QVERIFY(ApiError().isNull());
}

void TestApiError::messageMarksUnknownOutcome()
{
    ApiError error(ApiError::Kind::Network, u"Connection closed"_s);
    error.setRequest("POST", QUrl(u"https://acme.eu.qlikcloud.com/api/v1/spaces"_s)).setOutcomeUnknown(true);
    QVERIFY(error.isOutcomeUnknown());
    QVERIFY2(error.message().contains(u"may or may not have taken effect"_s), qPrintable(error.message()));
}

void TestApiError::urlLosesCredentials()
{
    ApiError error(ApiError::Kind::Http, QString());
    error.setRequest("POST", QUrl(u"https://u:pw@acme.eu.qlikcloud.com/oauth/token?client_secret=s3cr3t&x=1"_s));
    const QString text = error.url().toString() + error.message();
    QVERIFY2(!text.contains(u"s3cr3t"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"pw@"_s), qPrintable(text));
    QVERIFY(text.contains(u"x=1"_s));
}

void TestApiError::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << "13"_ba << 13;
    QTest::newRow("spaces") << " 2 "_ba << 2;
    QTest::newRow("zero") << "0"_ba << 0;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("negative") << "-5"_ba << -1;
    QTest::newRow("garbage") << "soon"_ba << -1;
    QTest::newRow("huge is capped at a day") << "999999999"_ba << 86400;
    QTest::newRow("date in the past") << "Wed, 21 Oct 2015 07:28:00 GMT"_ba << 0;
    QTest::newRow("date without GMT") << "Wed, 21 Oct 2015 07:28:00"_ba << -1;
}

void TestApiError::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    QCOMPARE(Cloud::parseRetryAfter(value), seconds);
}

void TestApiError::everyKindHasAName()
{
    for (int i = static_cast<int>(ApiError::Kind::None); i <= static_cast<int>(ApiError::Kind::InvalidRequest); ++i)
        QVERIFY(!Cloud::apiErrorKindName(static_cast<ApiError::Kind>(i)).isEmpty());
    QCOMPARE(Cloud::apiErrorKindName(ApiError::Kind::RegionMismatch), u"region mismatch"_s);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
