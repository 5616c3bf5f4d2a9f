#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

QJsonObject item(const QString &subject, const QString &type)
{
    return {{u"subject"_s, subject}, {u"type"_s, type}};
}

} // namespace

// /v1/licenses (FACTS §6): one pool per subscription shared by its tenants; 207 bodies per item.
class TestSandboxLicenses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void overviewShowsTheSharedPool();
    void statusOfTheLicense();
    void settingsRoundTrip();
    void settingsRejectWrongTypes();
    void addAnswers207PerItem();
    void poolIsSharedAcrossTenants();
    void addFailsPerItemWhenExhausted();
    void deleteAndUpdate();
    void assignmentsPageWithPageCursors();
    void orphansAreAssignmentsWithoutAUserHere();
    void badActionBodies_data();
    void badActionBodies();
    void errorsUseTheLicensesShape();

private:
    int unitsUsed(const QString &type);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxLicenses::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxLicenses::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

int TestSandboxLicenses::unitsUsed(const QString &type)
{
    for (const QJsonValue &allotment : m_sandbox->http()
                                           .get(m_host, u"/api/v1/licenses/overview"_s, m_token)
                                           .json()
                                           .value(u"allotments"_s)
                                           .toArray()) {
        if (allotment.toObject().value(u"name"_s).toString() == type)
            return allotment.toObject().value(u"unitsUsed"_s).toInt();
    }
    return -1;
}

void TestSandboxLicenses::overviewShowsTheSharedPool()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/licenses/overview"_s, m_token);
    QCOMPARE(reply.status, 200);
    const QJsonObject overview = reply.json();
    QVERIFY(overview.value(u"licenseKey"_s).toString().count(u'.') == 2);
    QCOMPARE(overview.value(u"status"_s).toString(), u"Ok"_s);
    QVERIFY(overview.value(u"valid"_s).toString().contains(u'/'));
    QCOMPARE(overview.value(u"licenseNumber"_s).toString(),
             m_sandbox->tenantState(u"acme-source"_s).value(u"subscriptionId"_s).toString());
    QCOMPARE(overview.value(u"allotments"_s).toArray().size(), 2);
    // Every tenant of the subscription shows the same key and use.
    const QString contoso = m_sandbox->hostOf(u"contoso"_s);
    const QJsonObject there
        = m_sandbox->http().get(contoso, u"/api/v1/licenses/overview"_s, m_sandbox->regionToken(contoso)).json();
    QCOMPARE(there.value(u"licenseKey"_s), overview.value(u"licenseKey"_s));
    QCOMPARE(there.value(u"allotments"_s), overview.value(u"allotments"_s));
}

void TestSandboxLicenses::statusOfTheLicense()
{
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/licenses/status"_s, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"type"_s).toString(), u"Signed"_s);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"Ok"_s);
}

void TestSandboxLicenses::settingsRoundTrip()
{
    QCOMPARE(m_sandbox->http()
                 .get(m_host, u"/api/v1/licenses/settings"_s, m_token)
                 .json()
                 .value(u"autoAssignAnalyzer"_s)
                 .toBool(),
             false);
    const QJsonObject wanted{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, true}};
    const HttpReply reply = m_sandbox->http().put(m_host, u"/api/v1/licenses/settings"_s, wanted, m_token);
    // FACTS §6: PUT answers 200 with the settings.
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), wanted);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/licenses/settings"_s, m_token).json(), wanted);
}

void TestSandboxLicenses::settingsRejectWrongTypes()
{
    const HttpReply reply = m_sandbox->http().put(m_host, u"/api/v1/licenses/settings"_s,
                                                  QJsonObject{{u"autoAssignAnalyzer"_s, u"yes"_s}}, m_token);
    QCOMPARE(reply.status, 400);
}

void TestSandboxLicenses::addAnswers207PerItem()
{
    const int before = unitsUsed(u"professional"_s);
    const HttpReply reply = m_sandbox->http().post(
        m_host, u"/api/v1/licenses/assignments/actions/add"_s,
        QJsonObject{{u"add"_s,
                     QJsonArray{item(u"auth0|new-one"_s, u"professional"_s), item(u"auth0|new-one"_s, u"analyzer"_s),
                                item(u"auth0|new-two"_s, u"wizard"_s)}}},
        m_token);
    QCOMPARE(reply.status, 207);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 3);
    QCOMPARE(data.at(0).toObject().value(u"status"_s).toInt(), 201);
    QCOMPARE(data.at(1).toObject().value(u"status"_s).toInt(), 409);
    QCOMPARE(data.at(2).toObject().value(u"status"_s).toInt(), 400);
    QVERIFY(!data.at(1).toObject().value(u"title"_s).toString().isEmpty());
    QCOMPARE(unitsUsed(u"professional"_s), before + 1);
}

void TestSandboxLicenses::poolIsSharedAcrossTenants()
{
    const QString contoso = m_sandbox->hostOf(u"contoso"_s);
    const QString contosoToken = m_sandbox->regionToken(contoso);
    QCOMPARE(m_sandbox->http()
                 .post(contoso, u"/api/v1/licenses/assignments/actions/add"_s,
                       QJsonObject{{u"add"_s, QJsonArray{item(u"auth0|shared"_s, u"professional"_s)}}}, contosoToken)
                 .status,
             207);
    // Visible from the source tenant, and assigning the same subject there conflicts.
    const HttpReply list = m_sandbox->http().get(
        m_host, u"/api/v1/licenses/assignments?filter=subject%20eq%20%22auth0%7Cshared%22"_s, m_token);
    QCOMPARE(list.json().value(u"data"_s).toArray().size(), 1);
    const HttpReply again
        = m_sandbox->http().post(m_host, u"/api/v1/licenses/assignments/actions/add"_s,
                                 QJsonObject{{u"add"_s, QJsonArray{item(u"auth0|shared"_s, u"analyzer"_s)}}}, m_token);
    QCOMPARE(again.json().value(u"data"_s).toArray().first().toObject().value(u"status"_s).toInt(), 409);
}

void TestSandboxLicenses::addFailsPerItemWhenExhausted()
{
    // demo: 50 professional seats, 2 used.
    QJsonArray batch;
    for (int i = 0; i < 50; ++i)
        batch.append(item(u"auth0|bulk-%1"_s.arg(i), u"professional"_s));
    const HttpReply reply = m_sandbox->http().post(m_host, u"/api/v1/licenses/assignments/actions/add"_s,
                                                   QJsonObject{{u"add"_s, batch}}, m_token);
    QCOMPARE(reply.status, 207);
    int created = 0;
    int refused = 0;
    for (const QJsonValue &result : reply.json().value(u"data"_s).toArray()) {
        created += result.toObject().value(u"status"_s).toInt() == 201;
        refused += result.toObject().value(u"status"_s).toInt() == 403;
    }
    QCOMPARE(created, 48);
    QCOMPARE(refused, 2);
    QCOMPARE(unitsUsed(u"professional"_s), 50);
    // Analyzer seats are a separate allotment.
    const HttpReply analyzer
        = m_sandbox->http().post(m_host, u"/api/v1/licenses/assignments/actions/add"_s,
                                 QJsonObject{{u"add"_s, QJsonArray{item(u"auth0|a"_s, u"analyzer"_s)}}}, m_token);
    QCOMPARE(analyzer.json().value(u"data"_s).toArray().first().toObject().value(u"status"_s).toInt(), 201);
}

void TestSandboxLicenses::deleteAndUpdate()
{
    const QString path = u"/api/v1/licenses/assignments/actions/"_s;
    QCOMPARE(m_sandbox->http()
                 .post(m_host, path + u"add"_s, QJsonObject{{u"add"_s, QJsonArray{item(u"auth0|u1"_s, u"analyzer"_s)}}},
                       m_token)
                 .status,
             207);
    // Change the type.
    HttpReply reply = m_sandbox->http().post(m_host, path + u"update"_s,
                                             QJsonObject{{u"update"_s,
                                                          QJsonArray{QJsonObject{{u"subject"_s, u"auth0|u1"_s},
                                                                                 {u"type"_s, u"professional"_s},
                                                                                 {u"sourceType"_s, u"analyzer"_s}}}}},
                                             m_token);
    QCOMPARE(reply.status, 207);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"status"_s).toInt(), 200);
    // Move it to another subject: a new assignment (201).
    reply = m_sandbox->http().post(
        m_host, path + u"update"_s,
        QJsonObject{
            {u"update"_s, QJsonArray{QJsonObject{{u"subject"_s, u"auth0|u2"_s}, {u"sourceSubject"_s, u"auth0|u1"_s}}}}},
        m_token);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"status"_s).toInt(), 201);
    // Delete: the moved one goes, the old subject has none.
    reply = m_sandbox->http().post(
        m_host, path + u"delete"_s,
        QJsonObject{
            {u"delete"_s, QJsonArray{item(u"auth0|u2"_s, u"professional"_s), item(u"auth0|u1"_s, u"analyzer"_s)}}},
        m_token);
    QCOMPARE(reply.status, 207);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    QCOMPARE(data.at(0).toObject().value(u"status"_s).toInt(), 200);
    QCOMPARE(data.at(1).toObject().value(u"status"_s).toInt(), 404);
}

void TestSandboxLicenses::assignmentsPageWithPageCursors()
{
    HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/licenses/assignments?limit=10&sort=subject"_s, m_token);
    QCOMPARE(reply.status, 200);
    int total = reply.json().value(u"data"_s).toArray().size();
    QString next = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    QVERIFY(next.contains(u"page="_s));
    QString previous = reply.json().value(u"data"_s).toArray().last().toObject().value(u"subject"_s).toString();
    while (!next.isEmpty()) {
        reply = m_sandbox->http().getUrl(next, m_token);
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json().value(u"data"_s).toArray();
        QVERIFY(data.first().toObject().value(u"subject"_s).toString().toLower() >= previous.toLower());
        previous = data.last().toObject().value(u"subject"_s).toString();
        total += data.size();
        next = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    }
    QCOMPARE(total, 33); // demo: 2 professional + 31 analyzer
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/licenses/assignments?page=nonsense"_s, m_token).status, 400);
}

void TestSandboxLicenses::orphansAreAssignmentsWithoutAUserHere()
{
    // On the source tenant, every customer user's assignment is an orphan.
    const HttpReply orphans
        = m_sandbox->http().get(m_host, u"/api/v1/licenses/assignments?orphans=true&limit=100"_s, m_token);
    QCOMPARE(orphans.json().value(u"data"_s).toArray().size(), 30);
}

void TestSandboxLicenses::badActionBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no add") << QByteArray(R"({"items":[]})");
    QTest::newRow("add not a list") << QByteArray(R"({"add":{"subject":"x"}})");
    QTest::newRow("empty list") << QByteArray(R"({"add":[]})");
    QTest::newRow("item not an object") << QByteArray(R"({"add":["x"]})");
    QTest::newRow("malformed") << QByteArray(R"({"add":[)");
}

void TestSandboxLicenses::badActionBodies()
{
    QFETCH(QByteArray, body);
    const HttpReply reply = m_sandbox->http().send(
        {"POST", m_host, u"/api/v1/licenses/assignments/actions/add"_s, body, "application/json", m_token, {}, true});
    QCOMPARE(reply.status, 400);
}

void TestSandboxLicenses::errorsUseTheLicensesShape()
{
    const HttpReply reply = m_sandbox->http().put(m_host, u"/api/v1/licenses/settings"_s,
                                                  QJsonObject{{u"autoAssignProfessional"_s, 1}}, m_token);
    QCOMPARE(reply.status, 400);
    const QJsonObject body = reply.json();
    QVERIFY(!body.value(u"error"_s).toString().isEmpty());
    QVERIFY(!body.value(u"message"_s).toString().isEmpty());
    QCOMPARE(body.value(u"errors"_s).toArray().size(), 1);
    // A missing token on a licenses route gets the same shape.
    const HttpReply unauthorized = m_sandbox->http().get(m_host, u"/api/v1/licenses/overview"_s);
    QCOMPARE(unauthorized.status, 401);
    QVERIFY(unauthorized.json().contains(u"message"_s));
}

QTEST_GUILESS_MAIN(TestSandboxLicenses)
#include "tst_sandboxlicenses.moc"
