#include "logging/logredactor.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Logging::LogRedactor;

class TestLogRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redacts_data();
    void redacts();
    void leavesOrdinaryMessagesAlone_data();
    void leavesOrdinaryMessagesAlone();
};

void TestLogRedactor::redacts_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("authorization header") << u"> Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2ln"_s
                                          << u"> Authorization: <redacted>"_s;
    QTest::newRow("authorization any scheme") << u"authorization=Token 0a1b2c3d4e5f"_s << u"authorization=<redacted>"_s;
    QTest::newRow("authorization as a QDebug pair")
        << uR"(QList(("Authorization", "Bearer abcdefgh12345678"), ("Accept", "application/json")))"_s
        << uR"(QList(("Authorization", "<redacted>"), ("Accept", "application/json")))"_s;
    QTest::newRow("bearer in prose") << u"retrying with Bearer abcdefgh12345678.x-y_z~ after 401"_s
                                     << u"retrying with Bearer <redacted> after 401"_s;
    QTest::newRow("basic credentials") << u"header basic Y2xpZW50OnNlY3JldA== sent"_s
                                       << u"header basic <redacted> sent"_s;
    QTest::newRow("token response") << uR"({"access_token":"abc.def.ghi","token_type":"bearer","expires_in":3600})"_s
                                    << uR"({"access_token":"<redacted>","token_type":"bearer","expires_in":3600})"_s;
    QTest::newRow("form body")
        << u"grant_type=client_credentials&client_id=abc123&client_secret=s3cr3t!x&scope=admin_classic"_s
        << u"grant_type=client_credentials&client_id=abc123&client_secret=<redacted>&scope=admin_classic"_s;
    QTest::newRow("query string") << u"/authorize?code=1&access_token=abcd1234&state=9"_s
                                  << u"/authorize?code=1&access_token=<redacted>&state=9"_s;
    QTest::newRow("escaped quotes in json") << uR"("client_secret" : "with \"escaped\" quotes", "n": 1)"_s
                                            << uR"("client_secret" : "<redacted>", "n": 1)"_s;
    QTest::newRow("single quotes") << uR"(refresh_token='abc def')"_s << uR"(refresh_token='<redacted>')"_s;
    QTest::newRow("camel case key") << u"clientSecret: hunter2 (from env)"_s
                                    << u"clientSecret: <redacted> (from env)"_s;
    QTest::newRow("api key header") << u"x-api-key: 0123456789abcdef"_s << u"x-api-key: <redacted>"_s;
    QTest::newRow("password field") << u"db_password=correct-horse, user=sa"_s << u"db_password=<redacted>, user=sa"_s;
    QTest::newRow("QDebug pair of a form field")
        << uR"(("client_secret", "s3cr3t"))"_s << uR"(("client_secret", "<redacted>"))"_s;
    QTest::newRow("qjsonobject") << uR"(QJsonObject({"client_id":"id-1","client_secret":"abc"}))"_s
                                 << uR"(QJsonObject({"client_id":"id-1","client_secret":"<redacted>"}))"_s;
    QTest::newRow("bare jwt") << u"assertion built: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl end"_s
                              << u"assertion built: <redacted> end"_s;
    QTest::newRow("unsigned jwt") << u"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."_s << u"<redacted>"_s;
    QTest::newRow("pem private key")
        << u"key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\ndone"_s
        << u"key:\n<redacted private key>\ndone"_s;
    QTest::newRow("pem rsa key in json")
        << uR"({"pem":"-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"})"_s
        << uR"({"pem":"<redacted private key>\n"})"_s;
    QTest::newRow("truncated pem") << u"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI"_s << u"<redacted private key>"_s;
    QTest::newRow("url password") << u"proxy https://bob:pa55w0rd@proxy.example:8080/ up"_s
                                  << u"proxy https://bob:<redacted>@proxy.example:8080/ up"_s;
    QTest::newRow("several in one line") << u"token=aaaa1111 then Authorization: Bearer bbbbbbbbbbbb"_s
                                         << u"token=<redacted> then Authorization: <redacted>"_s;
}

void TestLogRedactor::redacts()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(LogRedactor::redact(message), expected);
    // Redacting twice changes nothing more.
    QCOMPARE(LogRedactor::redact(expected), expected);
}

void TestLogRedactor::leavesOrdinaryMessagesAlone_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("request") << u"GET https://acme.eu.qlikcloud.com/api/v1/spaces?limit=100 -> 200 in 85 ms"_s;
    QTest::newRow("token type") << u"token_type: bearer, expires_in: 3600"_s;
    QTest::newRow("domain words") << u"tenant acme has 3 bot users; 2 orphaned"_s;
    QTest::newRow("public key") << u"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----"_s;
    QTest::newRow("empty password") << u"login with password="_s;
    QTest::newRow("short basic word") << u"Basic setup"_s;
    QTest::newRow("url without password") << u"https://bob@proxy.example/"_s;
}

void TestLogRedactor::leavesOrdinaryMessagesAlone()
{
    QFETCH(QString, message);
    QCOMPARE(LogRedactor::redact(message), message);
}

QTEST_GUILESS_MAIN(TestLogRedactor)
#include "tst_logredactor.moc"
