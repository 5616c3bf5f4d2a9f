#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// Bad input never crashes the sandbox and gets the answer Qlik would send: 400 with a pointer for
// malformed or mistyped bodies, 413 above 500 kB, unknown fields ignored, odd JSON content types
// tolerated (FACTS §17).
class TestSandboxBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void malformedBodies_data();
    void malformedBodies();
    void jsonWithOddContentTypeIsAccepted();
    void formBodyOnAJsonEndpointIs400();
    void oversizedBodyIs413();
    void unknownFieldsAreIgnored();
    void wrongTypesNameTheField_data();
    void wrongTypesNameTheField();
    void oddMethodsAndPaths();
    void survivesAStormOfGarbage();

private:
    HttpReply post(const QString &path, const QByteArray &body, const QByteArray &contentType = "application/json");

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxBadInput::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxBadInput::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

HttpReply TestSandboxBadInput::post(const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    return m_sandbox->http().send({"POST", m_host, path, body, contentType, m_token, {}, true});
}

void TestSandboxBadInput::malformedBodies_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << u"/api/v1/spaces"_s << QByteArray(R"({"name":"x","type":)");
    QTest::newRow("trailing comma") << u"/api/v1/users"_s << QByteArray(R"({"subject":"a",})");
    QTest::newRow("not JSON at all") << u"/api/v1/spaces"_s << QByteArray("name=x&type=shared");
    QTest::newRow("array instead of object") << u"/api/v1/spaces"_s << QByteArray(R"([{"name":"x"}])");
    QTest::newRow("scalar") << u"/api/v1/users"_s << QByteArray("42");
    QTest::newRow("empty") << u"/api/v1/users"_s << QByteArray();
    QTest::newRow("invalid UTF-8") << u"/api/v1/users"_s << QByteArray("{\"subject\":\"\xff\xfe\"}");
    QTest::newRow("deeply nested") << u"/api/v1/users"_s << (QByteArray(2000, '[') + QByteArray(2000, ']'));
}

void TestSandboxBadInput::malformedBodies()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const HttpReply reply = post(path, body);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(error.value(u"status"_s).toString(), u"400"_s);
    QVERIFY(!error.value(u"detail"_s).toString().isEmpty());
}

void TestSandboxBadInput::jsonWithOddContentTypeIsAccepted()
{
    // Qlik's Postman collection sends application/ecmascript; the real service accepts it.
    QCOMPARE(post(u"/api/v1/spaces"_s, R"({"name":"Odd","type":"shared"})", "application/ecmascript").status, 201);
    QCOMPARE(post(u"/api/v1/spaces"_s, R"({"name":"Plain","type":"shared"})", "text/plain").status, 201);
    QCOMPARE(post(u"/api/v1/spaces"_s, R"({"name":"None","type":"shared"})", {}).status, 201);
}

void TestSandboxBadInput::formBodyOnAJsonEndpointIs400()
{
    const HttpReply reply = post(u"/api/v1/spaces"_s, "name=Form&type=shared", "application/x-www-form-urlencoded");
    QCOMPARE(reply.status, 400);
}

void TestSandboxBadInput::oversizedBodyIs413()
{
    const QByteArray big = R"({"subject":"big","name":")" + QByteArray(600 * 1024, 'x') + R"("})";
    const HttpReply reply = post(u"/api/v1/users"_s, big);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.errorCode(), u"HTTP-413"_s);
    // Nothing was created.
    QCOMPARE(m_sandbox->http()
                 .get(m_host, u"/api/v1/users?filter=subject%20eq%20%22big%22"_s, m_token)
                 .json()
                 .value(u"data"_s)
                 .toArray()
                 .size(),
             0);
}

void TestSandboxBadInput::unknownFieldsAreIgnored()
{
    const HttpReply reply
        = post(u"/api/v1/spaces"_s, R"({"name":"Extra","type":"shared","colour":"blue","x":{"y":1}})");
    QCOMPARE(reply.status, 201);
    QVERIFY(!reply.json().contains(u"colour"_s));
}

void TestSandboxBadInput::wrongTypesNameTheField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("space name number") << u"/api/v1/spaces"_s << QByteArray(R"({"name":1,"type":"shared"})")
                                       << u"/name"_s;
    QTest::newRow("space type bool") << u"/api/v1/spaces"_s << QByteArray(R"({"name":"n","type":true})") << u"/type"_s;
    QTest::newRow("user name object") << u"/api/v1/users"_s << QByteArray(R"({"subject":"s","name":{}})") << u"/name"_s;
    QTest::newRow("user email array") << u"/api/v1/users"_s << QByteArray(R"({"subject":"s","email":[]})")
                                      << u"/email"_s;
    QTest::newRow("null subject") << u"/api/v1/users"_s << QByteArray(R"({"subject":null})") << u"/subject"_s;
}

void TestSandboxBadInput::wrongTypesNameTheField()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, pointer);
    const HttpReply reply = post(path, body);
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

void TestSandboxBadInput::oddMethodsAndPaths()
{
    QCOMPARE(m_sandbox->http().send({"OPTIONS", m_host, u"/api/v1/users"_s, {}, {}, m_token, {}, true}).status, 405);
    QCOMPARE(m_sandbox->http().send({"BREW", m_host, u"/api/v1/users"_s, {}, {}, m_token, {}, true}).status, 405);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users/"_s, m_token).status, 404);
    QCOMPARE(m_sandbox->http().get(m_host, u"//api///v1/users"_s, m_token).status, 404);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users/%2e%2e/%2e%2e"_s, m_token).status, 404);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users?limit=abc"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users?limit=99999999999999999999"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/users?next=%00%01"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(u""_s, u"/api/v1/users"_s, m_token).status, 404);
}

void TestSandboxBadInput::survivesAStormOfGarbage()
{
    const QList<QByteArray> bodies{"",
                                   "{",
                                   "}",
                                   "null",
                                   "[]",
                                   "[null]",
                                   "{\"op\":1}",
                                   QByteArray(10000, '{'),
                                   "\x00\x01\x02",
                                   "[{\"op\":\"replace\",\"path\":null,\"value\":[]}]"};
    const QList<QByteArray> methods{"POST", "PUT", "PATCH", "DELETE"};
    const QStringList paths{u"/api/v1/users"_s,
                            u"/api/v1/users/x"_s,
                            u"/api/v1/spaces"_s,
                            u"/api/v1/spaces/x"_s,
                            u"/api/v1/spaces/x/assignments"_s,
                            u"/api/v1/users/actions/filter"_s,
                            u"/oauth/token"_s};
    for (const QByteArray &method : methods) {
        for (const QString &path : paths) {
            for (const QByteArray &body : bodies) {
                const HttpReply reply
                    = m_sandbox->http().send({method, m_host, path, body, "application/json", m_token, {}, true});
                // Always an answer, never a 5xx; only the filter action may succeed (its body is
                // optional and unknown fields are ignored).
                const bool acceptable = reply.status >= 400
                    ? reply.status < 500
                    : reply.status == 200 && path.endsWith(u"/actions/filter"_s);
                QVERIFY2(acceptable,
                         qPrintable(u"%1 %2 -> %3 (%4)"_s.arg(QString::fromLatin1(method), path)
                                        .arg(reply.status)
                                        .arg(QString::fromLatin1(body.left(40).toHex()))));
            }
        }
    }
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxBadInput)
#include "tst_sandboxbadinput.moc"
