#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/csp-origins (FACTS §8.1) on the demo seed's source tenant.
class TestSandboxCspOrigins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsAnEntry();
    void duplicatesAreAccepted();
    void rejectsBadEntries_data();
    void rejectsBadEntries();
    void listsFiltersSortsAndPages();
    void rejectsBadListParameters_data();
    void rejectsBadListParameters();
    void putReplacesTheWholeEntry();
    void deletesAndAnswers404();
    void generatesTheHeader_data();
    void generatesTheHeader();
    void changesAreAudited();
    void endUsersReadButDoNotChange();

private:
    HttpReply create(const QJsonObject &body);
    QJsonObject entry(const QString &origin, const QString &name, const QStringList &flags) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxCspOrigins::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxCspOrigins::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
}

HttpReply TestSandboxCspOrigins::create(const QJsonObject &body)
{
    return m_sandbox->http().post(m_host, u"/api/v1/csp-origins"_s, body, m_token);
}

QJsonObject TestSandboxCspOrigins::entry(const QString &origin, const QString &name, const QStringList &flags) const
{
    QJsonObject body{{u"origin"_s, origin}, {u"name"_s, name}, {u"description"_s, QString(u"For "_s + name)}};
    for (const QString &flag : flags)
        body.insert(flag, true);
    return body;
}

void TestSandboxCspOrigins::createsAnEntry()
{
    // The tutorial's body (FACTS §8.1).
    const HttpReply reply = create(
        entry(u"https://cdn.partner.example"_s, u"Partner CDN"_s, {u"imgSrc"_s, u"scriptSrc"_s, u"styleSrc"_s}));
    QCOMPARE(reply.status, 201);
    const QJsonObject json = reply.json();
    QVERIFY(!json.value(u"id"_s).toString().isEmpty());
    QCOMPARE(json.value(u"origin"_s).toString(), u"https://cdn.partner.example"_s);
    QCOMPARE(json.value(u"imgSrc"_s).toBool(), true);
    QCOMPARE(json.value(u"frameAncestors"_s).toBool(), false);
    QVERIFY(json.value(u"createdDate"_s).toString().endsWith(u'Z'));
    const QJsonArray state = m_sandbox->tenantState(u"acme-source"_s).value(u"cspOrigins"_s).toArray();
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.first().toObject().value(u"directives"_s).toArray(),
             (QJsonArray{u"imgSrc"_s, u"scriptSrc"_s, u"styleSrc"_s}));
}

void TestSandboxCspOrigins::duplicatesAreAccepted()
{
    // FACTS §14.6 leaves duplicates UNVERIFIED and the spec declares no 409: both are kept.
    const QJsonObject body = entry(u"https://app.partner.example"_s, u"App"_s, {u"frameAncestors"_s});
    QCOMPARE(create(body).status, 201);
    QCOMPARE(create(body).status, 201);
    QCOMPARE(m_sandbox->tenantState(u"acme-source"_s).value(u"cspOrigins"_s).toArray().size(), 2);
}

void TestSandboxCspOrigins::rejectsBadEntries_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("no origin") << QJsonObject{{u"name"_s, u"x"_s}} << u"/origin"_s;
    QTest::newRow("origin not a string") << QJsonObject{{u"origin"_s, 42}} << u"/origin"_s;
    QTest::newRow("two origins") << QJsonObject{{u"origin"_s, u"https://a.example https://b.example"_s}}
                                 << u"/origin"_s;
    QTest::newRow("origin with a path") << QJsonObject{{u"origin"_s, u"https://a.example/assets"_s}} << u"/origin"_s;
    QTest::newRow("origin with a semicolon") << QJsonObject{{u"origin"_s, u"a.example;script-src *"_s}} << u"/origin"_s;
    QTest::newRow("origin too long") << QJsonObject{{u"origin"_s, QString(QString(250, u'a') + u".example"_s)}}
                                     << u"/origin"_s;
    QTest::newRow("flag not a boolean") << QJsonObject{{u"origin"_s, u"a.example"_s}, {u"imgSrc"_s, u"yes"_s}}
                                        << u"/imgSrc"_s;
    QTest::newRow("name too long") << QJsonObject{{u"origin"_s, u"a.example"_s}, {u"name"_s, QString(513, u'n')}}
                                   << u"/name"_s;
    QTest::newRow("description too long")
        << QJsonObject{{u"origin"_s, u"a.example"_s}, {u"description"_s, QString(1025, u'd')}} << u"/description"_s;
}

void TestSandboxCspOrigins::rejectsBadEntries()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, pointer);
    const HttpReply reply = create(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json()[u"errors"_s][0][u"source"_s][u"pointer"_s].toString(), pointer);
    QVERIFY(m_sandbox->tenantState(u"acme-source"_s).value(u"cspOrigins"_s).toArray().isEmpty());
}

void TestSandboxCspOrigins::listsFiltersSortsAndPages()
{
    QCOMPARE(create(entry(u"https://cdn.partner.example"_s, u"Charlie"_s, {u"imgSrc"_s})).status, 201);
    QCOMPARE(create(entry(u"*.maps.example"_s, u"alpha"_s, {u"imgSrc"_s, u"connectSrc"_s})).status, 201);
    QCOMPARE(create(entry(u"https://fonts.example:8443"_s, u"Bravo"_s, {u"fontSrc"_s})).status, 201);

    const auto names = [this](const QString &query) {
        const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/csp-origins?"_s + query, m_token);
        QStringList list;
        for (const QJsonValue &item : reply.json().value(u"data"_s).toArray())
            list.append(item.toObject().value(u"name"_s).toString());
        return list;
    };
    QCOMPARE(names({}), (QStringList{u"Charlie"_s, u"alpha"_s, u"Bravo"_s})); // creation order
    QCOMPARE(names(u"sort=name"_s), (QStringList{u"alpha"_s, u"Bravo"_s, u"Charlie"_s}));
    QCOMPARE(names(u"sort=-origin"_s), (QStringList{u"Bravo"_s, u"Charlie"_s, u"alpha"_s}));
    QCOMPARE(names(u"sort=-createdDate"_s), (QStringList{u"Bravo"_s, u"alpha"_s, u"Charlie"_s}));
    QCOMPARE(names(u"imgSrc=true"_s), (QStringList{u"Charlie"_s, u"alpha"_s}));
    QCOMPARE(names(u"imgSrc=false"_s), QStringList{u"Bravo"_s});
    QCOMPARE(names(u"imgSrc=true&connectSrc=true"_s), QStringList{u"alpha"_s});
    QCOMPARE(names(u"name=ALPH"_s), QStringList{u"alpha"_s});
    QCOMPARE(names(u"origin=*partner*"_s), QStringList{u"Charlie"_s});
    QCOMPARE(names(u"origin=https*"_s), (QStringList{u"Charlie"_s, u"Bravo"_s}));

    QSet<QString> seen;
    HttpReply page = m_sandbox->http().get(m_host, u"/api/v1/csp-origins?limit=2&sort=name"_s, m_token);
    QCOMPARE(page.json().value(u"data"_s).toArray().size(), 2);
    QVERIFY(!page.json()[u"links"_s].toObject().contains(u"prev"_s));
    for (const QJsonValue &item : page.json().value(u"data"_s).toArray())
        seen.insert(item.toObject().value(u"id"_s).toString());
    const QString next = page.json()[u"links"_s][u"next"_s][u"href"_s].toString();
    QVERIFY(next.contains(u"sort=name"_s));
    page = m_sandbox->http().getUrl(next, m_token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().value(u"data"_s).toArray().size(), 1);
    seen.insert(page.json()[u"data"_s][0][u"id"_s].toString());
    QCOMPARE(seen.size(), 3);
    QVERIFY(!page.json()[u"links"_s].toObject().contains(u"next"_s));
    QVERIFY(page.json()[u"links"_s].toObject().contains(u"prev"_s));
}

void TestSandboxCspOrigins::rejectsBadListParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 101") << u"limit=101"_s;
    QTest::newRow("limit text") << u"limit=many"_s;
    QTest::newRow("unknown sort") << u"sort=id"_s;
    QTest::newRow("flag not boolean") << u"scriptSrc=1"_s;
    QTest::newRow("bad cursor") << u"next=%%%"_s;
    QTest::newRow("next and prev") << u"next=a&prev=b"_s;
}

void TestSandboxCspOrigins::rejectsBadListParameters()
{
    QFETCH(QString, query);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/csp-origins?"_s + query, m_token).status, 400);
}

void TestSandboxCspOrigins::putReplacesTheWholeEntry()
{
    const QJsonObject created
        = create(entry(u"https://cdn.partner.example"_s, u"CDN"_s, {u"imgSrc"_s, u"scriptSrc"_s})).json();
    const QString path = u"/api/v1/csp-origins/"_s + created.value(u"id"_s).toString();
    const HttpReply reply = m_sandbox->http().put(
        m_host, path, QJsonObject{{u"origin"_s, u"https://cdn2.partner.example"_s}, {u"styleSrc"_s, true}}, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"origin"_s).toString(), u"https://cdn2.partner.example"_s);
    QCOMPARE(reply.json().value(u"imgSrc"_s).toBool(), false);
    QCOMPARE(reply.json().value(u"styleSrc"_s).toBool(), true);
    QCOMPARE(reply.json().value(u"name"_s).toString(), QString());
    QCOMPARE(reply.json().value(u"createdDate"_s), created.value(u"createdDate"_s));
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json(), reply.json());
    QCOMPARE(m_sandbox->http().put(m_host, path, QJsonObject{{u"name"_s, u"no origin"_s}}, m_token).status, 400);
    QCOMPARE(m_sandbox->http()
                 .put(m_host, u"/api/v1/csp-origins/nope"_s, QJsonObject{{u"origin"_s, u"a.example"_s}}, m_token)
                 .status,
             404);
}

void TestSandboxCspOrigins::deletesAndAnswers404()
{
    const QString id = create(entry(u"a.example"_s, u"A"_s, {})).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/csp-origins/"_s + id;
    const HttpReply deleted = m_sandbox->http().del(m_host, path, m_token);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).status, 404);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 404);
}

void TestSandboxCspOrigins::generatesTheHeader_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("no Accept: JSON") << QByteArray() << 200 << QByteArray("application/json");
    QTest::newRow("application/json") << QByteArray("application/json") << 200 << QByteArray("application/json");
    QTest::newRow("text/plain") << QByteArray("text/plain") << 200 << QByteArray("text/plain");
    QTest::newRow("any") << QByteArray("*/*") << 200 << QByteArray("application/json");
    QTest::newRow("text preferred by q") << QByteArray("application/json;q=0.5, text/plain") << 200
                                         << QByteArray("text/plain");
    QTest::newRow("xml is not acceptable") << QByteArray("application/xml") << 406 << QByteArray("application/json");
    QTest::newRow("json refused with q=0")
        << QByteArray("application/json;q=0") << 406 << QByteArray("application/json");
}

void TestSandboxCspOrigins::generatesTheHeader()
{
    QFETCH(QByteArray, accept);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QCOMPARE(create(entry(u"https://cdn.partner.example"_s, u"CDN"_s, {u"imgSrc"_s, u"scriptSrc"_s})).status, 201);
    QCOMPARE(
        create(entry(u"https://ws.partner.example"_s, u"Socket"_s, {u"connectSrcWSS"_s, u"frameAncestors"_s})).status,
        201);
    HttpCall call{"GET", m_host, u"/api/v1/csp-origins/actions/generate-header"_s, {}, {}, m_token, {}, true};
    if (!accept.isEmpty())
        call.headers.append({"Accept", accept});
    const HttpReply reply = m_sandbox->http().send(call);
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.header("content-type").startsWith(contentType), reply.header("content-type").constData());
    if (status != 200)
        return;
    const QString policy = contentType == "text/plain" ? QString::fromUtf8(reply.body)
                                                       : reply.json().value(u"Content-Security-Policy"_s).toString();
    QVERIFY2(policy.contains(u"img-src 'self' https://cdn.partner.example"_s), qPrintable(policy));
    QVERIFY(policy.contains(u"script-src 'self' https://cdn.partner.example"_s));
    QVERIFY(policy.contains(u"connect-src 'self' wss://ws.partner.example"_s));
    QVERIFY(policy.contains(u"frame-ancestors 'self' https://ws.partner.example"_s));
    QVERIFY(policy.contains(u"font-src 'self';"_s));
}

void TestSandboxCspOrigins::changesAreAudited()
{
    const qint64 before = m_sandbox->tenantState(u"acme-source"_s).value(u"auditCount"_s).toInteger();
    const QString id = create(entry(u"a.example"_s, u"A"_s, {})).json().value(u"id"_s).toString();
    QCOMPARE(m_sandbox->http()
                 .put(m_host, u"/api/v1/csp-origins/"_s + id, QJsonObject{{u"origin"_s, u"b.example"_s}}, m_token)
                 .status,
             200);
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/csp-origins/"_s + id, m_token).status, 204);
    QCOMPARE(m_sandbox->tenantState(u"acme-source"_s).value(u"auditCount"_s).toInteger(), before + 3);
}

void TestSandboxCspOrigins::endUsersReadButDoNotChange()
{
    const QString id = create(entry(u"a.example"_s, u"A"_s, {u"imgSrc"_s})).json().value(u"id"_s).toString();
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|reader"_s);
    QVERIFY(!cookie.isEmpty());
    const auto as = [&](const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return m_sandbox->http().send({method,
                                       m_host,
                                       path,
                                       body,
                                       body.isEmpty() ? QByteArray() : "application/json",
                                       {},
                                       {{"Cookie", cookie}},
                                       true});
    };
    QCOMPARE(as("GET", u"/api/v1/csp-origins"_s).status, 200);
    QCOMPARE(as("GET", u"/api/v1/csp-origins/"_s + id).status, 200);
    QCOMPARE(as("GET", u"/api/v1/csp-origins/actions/generate-header"_s).status, 200);
    QCOMPARE(as("POST", u"/api/v1/csp-origins"_s, R"({"origin":"b.example"})").status, 403);
    QCOMPARE(as("PUT", u"/api/v1/csp-origins/"_s + id, R"({"origin":"b.example"})").status, 403);
    QCOMPARE(as("DELETE", u"/api/v1/csp-origins/"_s + id).status, 403);
    QCOMPARE(m_sandbox->tenantState(u"acme-source"_s).value(u"cspOrigins"_s).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestSandboxCspOrigins)
#include "tst_sandboxcsporigins.moc"
