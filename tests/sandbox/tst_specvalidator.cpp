#include "support/specvalidator.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SpecValidator;

// The validator is what makes every sandbox test strict, so it gets tests of its own: it must
// accept Qlik's real answers and reject answers Qlik would not send.
class TestSpecValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void findsOperationTemplates();

private:
    std::unique_ptr<SpecValidator> m_validator;
};

void TestSpecValidator::initTestCase()
{
    m_validator = std::make_unique<SpecValidator>();
    QVERIFY2(m_validator->isLoaded(), qPrintable(m_validator->loadError()));
}

void TestSpecValidator::verdicts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");

    const QString tenant = u"acme.eu.qlikcloud.com"_s;
    const QByteArray user = R"({"id":"62b6024fcdf339bb986fae75","subject":"s","name":"n","tenantId":"t",
        "created":"2022-06-24T18:28:31.301Z","status":"active","roles":["TenantAdmin"]})";
    QTest::newRow("user ok") << tenant << QByteArray("GET") << u"/api/v1/users/62b6024fcdf339bb986fae75"_s << 200
                             << user << true;
    QTest::newRow("user without subject") << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 200
                                          << QByteArray(R"({"id":"x","name":"n","tenantId":"t"})") << false;
    QTest::newRow("user with a role outside the deprecated enum")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 200
        << QByteArray(R"({"id":"x","subject":"s","name":"n","tenantId":"t","roles":["AuditAdmin"]})") << false;
    QTest::newRow("user status wrong type")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 200
        << QByteArray(R"({"id":"x","subject":"s","name":"n","tenantId":"t","status":1})") << false;
    QTest::newRow("date-time in a format:date field")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 200
        << QByteArray(R"({"id":"x","subject":"s","name":"n","tenantId":"t","created":"2022-06-24T18:28:31.301Z"})")
        << true;
    QTest::newRow("bad date-time")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 200
        << QByteArray(R"({"id":"x","subject":"s","name":"n","tenantId":"t","createdAt":"yesterday"})") << false;
    QTest::newRow("declared error")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 404
        << QByteArray(R"({"errors":[{"code":"HTTP-404","title":"Not Found","status":"404"}],"traceId":"a"})") << true;
    QTest::newRow("error status as number")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 404
        << QByteArray(R"({"errors":[{"code":"HTTP-404","title":"Not Found","status":404}]})") << false;
    QTest::newRow("error without title") << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 404
                                         << QByteArray(R"({"errors":[{"code":"HTTP-404"}]})") << false;
    QTest::newRow("undeclared error status uses the operation's error shape")
        << tenant << QByteArray("GET") << u"/api/v1/spaces/types"_s << 429
        << QByteArray(R"({"errors":[{"code":"HTTP-429","title":"API rate limit reached."}]})") << true;
    QTest::newRow("undeclared success status")
        << tenant << QByteArray("GET") << u"/api/v1/users/x"_s << 201 << QByteArray("{}") << false;
    QTest::newRow("not an operation") << tenant << QByteArray("GET") << u"/api/v1/unicorns"_s << 200 << QByteArray("{}")
                                      << false;
    QTest::newRow("error on an unknown path")
        << tenant << QByteArray("GET") << u"/api/v1/unicorns"_s << 404
        << QByteArray(R"({"errors":[{"code":"HTTP-404","title":"Not Found"}]})") << true;
    QTest::newRow("204 with a body") << tenant << QByteArray("DELETE") << u"/api/v1/users/x"_s << 204
                                     << QByteArray("{}") << false;
    QTest::newRow("204 empty") << tenant << QByteArray("DELETE") << u"/api/v1/users/x"_s << 204 << QByteArray() << true;
    QTest::newRow("redirect without JSON")
        << tenant << QByteArray("GET") << u"/api/v1/users/me"_s << 301 << QByteArray("<a>") << true;
    QTest::newRow("tenant token lowercase bearer")
        << tenant << QByteArray("POST") << u"/oauth/token"_s << 200
        << QByteArray(R"({"access_token":"a","token_type":"bearer","expires_in":21600})") << true;
    QTest::newRow("tenant token capital Bearer is not in the spec")
        << tenant << QByteArray("POST") << u"/oauth/token"_s << 200
        << QByteArray(R"({"access_token":"a","token_type":"Bearer"})") << false;
    QTest::newRow("console token Bearer (organization API)")
        << u"console.qlikcloud.com"_s << QByteArray("POST") << u"/oauth/token"_s << 200
        << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":21600,"scope":"x"})") << true;
    QTest::newRow("org tenant list needs links")
        << u"console.qlikcloud.com"_s << QByteArray("GET") << u"/api/core/tenants"_s << 200
        << QByteArray(R"({"data":[]})") << false;
    QTest::newRow("space with nullable-free meta")
        << tenant << QByteArray("GET") << u"/api/v1/spaces/abc"_s << 200
        << QByteArray(R"({"id":"a","name":"n","tenantId":"t","type":"shared","links":{"self":{"href":"h"},
           "assignments":{"href":"h"}},"meta":{"roles":[],"actions":["read"],"assignableRoles":["consumer"]}})")
        << true;
    QTest::newRow("space with an unknown action")
        << tenant << QByteArray("GET") << u"/api/v1/spaces/abc"_s << 200
        << QByteArray(R"({"id":"a","name":"n","tenantId":"t","links":{"self":{"href":"h"},"assignments":{"href":"h"}},
           "meta":{"roles":[],"actions":["fly"],"assignableRoles":[]}})")
        << false;
    QTest::newRow("control surface is not validated")
        << tenant << QByteArray("GET") << u"/__sandbox/state"_s << 200 << QByteArray("not json") << true;
}

void TestSpecValidator::verdicts()
{
    QFETCH(QString, host);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    const QByteArray contentType = body.startsWith('{') ? "application/json" : "text/html";
    const QString problem = m_validator->validate(host, method, path, status, contentType, body);
    QVERIFY2(problem.isEmpty() == valid, qPrintable(problem.isEmpty() ? u"accepted"_s : problem));
}

void TestSpecValidator::findsOperationTemplates()
{
    const QString host = u"a.eu.qlikcloud.com"_s;
    QCOMPARE(m_validator->operationTemplate(host, "GET", u"/api/v1/users/me"_s), u"/v1/users/me"_s);
    QCOMPARE(m_validator->operationTemplate(host, "PATCH", u"/api/v1/users/me"_s), u"/v1/users/{userId}"_s);
    QCOMPARE(m_validator->operationTemplate(host, "GET", u"/api/v1/groups/settings"_s), u"/v1/groups/settings"_s);
    QCOMPARE(m_validator->operationTemplate(u"console.qlikcloud.com"_s, "GET", u"/api/core/tenants/abc"_s),
             u"/api/core/tenants/{tenantId}"_s);
    QVERIFY(m_validator->operationTemplate(host, "GET", u"/api/v2/users"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestSpecValidator)
#include "tst_specvalidator.moc"
