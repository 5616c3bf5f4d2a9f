#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/audits (FACTS §13) over events the families record, on the demo seed's "hooli".
class TestSandboxAudits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listsNewestFirstWithTheEventShape();
    void filters_data();
    void filters();
    void pagesWithTypedLinks();
    void sortsByOtherFields();
    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void getsOneEvent();
    void typesSourcesAndSettings();
    void archiveAndRetention();
    void endUsersSeeTheirOwnEvents();
    void everyFamilyRecordsItsChanges();

private:
    HttpReply list(const QString &query = {});
    void makeSomeEvents();

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
    QString m_botId;
};

void TestSandboxAudits::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxAudits::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"hooli"_s);
    m_token = m_sandbox->regionToken(m_host);
    const HttpReply me = m_sandbox->http().get(m_host, u"/api/v1/users/me"_s, m_token);
    m_botId = QString::fromLatin1(me.header("location")).section(u'/', -1);
    QVERIFY(!m_botId.isEmpty());
}

HttpReply TestSandboxAudits::list(const QString &query)
{
    return m_sandbox->http().get(m_host, query.isEmpty() ? u"/api/v1/audits"_s : u"/api/v1/audits?"_s + query, m_token);
}

void TestSandboxAudits::makeSomeEvents()
{
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/csp-origins"_s, QJsonObject{{u"origin"_s, u"cdn.hooli.example"_s}}, m_token)
                 .status,
             201);
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/web-integrations"_s, QJsonObject{{u"name"_s, u"Hooli portal"_s}}, m_token)
                 .status,
             201);
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/users"_s,
                       QJsonObject{{u"subject"_s, u"auth0|gavin"_s},
                                   {u"name"_s, u"Gavin"_s},
                                   {u"email"_s, u"gavin@hooli.example"_s}},
                       m_token)
                 .status,
             201);
}

void TestSandboxAudits::listsNewestFirstWithTheEventShape()
{
    makeSomeEvents();
    const HttpReply reply = list();
    QCOMPARE(reply.status, 200);
    const QJsonArray data = reply.json().value(u"data"_s).toArray();
    // Three changes, after the bot user's creation by the region client's first token.
    QCOMPARE(data.size(), 4);
    QCOMPARE(data.at(0)[u"eventType"_s].toString(), u"com.qlik.v1.user.created"_s);
    QCOMPARE(data.at(2)[u"eventType"_s].toString(), u"com.qlik.v1.csp-origin.created"_s);
    QCOMPARE(data.at(3)[u"data"_s][u"id"_s].toString(), m_botId);
    const QJsonObject event = data.at(0).toObject();
    QCOMPARE(event[u"source"_s].toString(), u"com.qlik/users"_s);
    QCOMPARE(event[u"userId"_s].toString(), m_botId); // the bot of the region client acted
    QCOMPARE(event[u"contentType"_s].toString(), u"application/json"_s);
    QCOMPARE(event[u"tenantId"_s].toString(), m_sandbox->tenantState(u"hooli"_s)[u"id"_s].toString());
    QCOMPARE(event[u"extensions"_s][u"actor"_s][u"subType"_s].toString(), u"user"_s);
    QVERIFY(event[u"extensions"_s][u"actor"_s][u"sub"_s].toString().startsWith(u"qlikbot\\"_s));
    QCOMPARE(event[u"links"_s][u"self"_s][u"href"_s].toString(),
             u"https://"_s + m_host + u"/api/v1/audits/"_s + event[u"id"_s].toString());
    QVERIFY(!reply.json()[u"links"_s].toObject().contains(u"next"_s));
}

void TestSandboxAudits::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("types");
    QTest::newRow("eventType") << u"eventType=com.qlik.v1.web-integration.created"_s
                               << QStringList{u"com.qlik.v1.web-integration.created"_s};
    QTest::newRow("eventType is case-sensitive") << u"eventType=COM.QLIK.V1.WEB-INTEGRATION.CREATED"_s << QStringList();
    QTest::newRow("source") << u"source=com.qlik/csp-origins"_s << QStringList{u"com.qlik.v1.csp-origin.created"_s};
    QTest::newRow("open interval from the past")
        << u"eventTime=2020-01-01T00:00:00.000Z/"_s
        << QStringList{u"com.qlik.v1.user.created"_s, u"com.qlik.v1.web-integration.created"_s,
                       u"com.qlik.v1.csp-origin.created"_s, u"com.qlik.v1.user.created"_s};
    QTest::newRow("interval in the past")
        << u"eventTime=2020-01-01T00:00:00.00Z/2020-01-02T00:00:00.00Z"_s << QStringList();
}

void TestSandboxAudits::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, types);
    makeSomeEvents();
    const HttpReply reply = list(query);
    QCOMPARE(reply.status, 200);
    QStringList seen;
    for (const QJsonValue &event : reply.json().value(u"data"_s).toArray())
        seen.append(event[u"eventType"_s].toString());
    QCOMPARE(seen, types);
}

void TestSandboxAudits::pagesWithTypedLinks()
{
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(m_sandbox->http()
                     .post(m_host, u"/api/v1/csp-origins"_s,
                           QJsonObject{{u"origin"_s, u"cdn%1.hooli.example"_s.arg(i)}}, m_token)
                     .status,
                 201);
    }
    HttpReply page = list(u"limit=5"_s);
    QCOMPARE(page.json()[u"data"_s].toArray().size(), 5);
    QSet<QString> ids;
    int pages = 0;
    while (true) {
        ++pages;
        for (const QJsonValue &event : page.json()[u"data"_s].toArray())
            ids.insert(event[u"id"_s].toString());
        const QJsonObject links = page.json()[u"links"_s].toObject();
        if (pages > 1) {
            // FACTS §13: audit links are {href, type, token}.
            QCOMPARE(links[u"prev"_s][u"type"_s].toString(), u"prev"_s);
            QVERIFY(!links[u"prev"_s][u"token"_s].toString().isEmpty());
        }
        if (!links.contains(u"next"_s))
            break;
        const QJsonObject next = links[u"next"_s].toObject();
        QCOMPARE(next[u"type"_s].toString(), u"next"_s);
        const QString token = next[u"token"_s].toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(QUrl(next[u"href"_s].toString()).query(QUrl::FullyDecoded).contains(u"next="_s + token));
        page = m_sandbox->http().getUrl(next[u"href"_s].toString(), m_token);
        QCOMPARE(page.status, 200);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(ids.size(), 13); // and the bot's creation
}

void TestSandboxAudits::sortsByOtherFields()
{
    makeSomeEvents();
    QStringList types;
    for (const QJsonValue &event : list(u"sort=%2BeventType"_s).json().value(u"data"_s).toArray())
        types.append(event[u"eventType"_s].toString());
    QStringList sorted = types;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(types, sorted);
    QStringList sources;
    for (const QJsonValue &event : list(u"sort=-source"_s).json().value(u"data"_s).toArray())
        sources.append(event[u"source"_s].toString());
    QCOMPARE(sources.first(), u"com.qlik/web-integrations"_s);
    QStringList oldestFirst;
    for (const QJsonValue &event : list(u"sort=%2BeventTime"_s).json().value(u"data"_s).toArray())
        oldestFirst.append(event[u"eventType"_s].toString());
    QCOMPARE(oldestFirst.at(1), u"com.qlik.v1.csp-origin.created"_s); // after the bot's creation
}

void TestSandboxAudits::rejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("sort without sign") << u"sort=eventTime"_s;
    QTest::newRow("sort unknown field") << u"sort=-userId"_s;
    QTest::newRow("eventTime not an interval") << u"eventTime=yesterday"_s;
    QTest::newRow("eventTime one date") << u"eventTime=2021-07-14T18:41:15.00Z"_s;
    QTest::newRow("eventTime empty ends") << u"eventTime=/"_s;
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 101") << u"limit=101"_s;
    QTest::newRow("bad cursor") << u"next=garbage"_s;
}

void TestSandboxAudits::rejectsBadParameters()
{
    QFETCH(QString, query);
    QCOMPARE(list(query).status, 400);
}

void TestSandboxAudits::getsOneEvent()
{
    makeSomeEvents();
    const QJsonObject first = list().json()[u"data"_s][0].toObject();
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/audits/"_s + first[u"id"_s].toString(), m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), first);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/audits/000000000000000000000000"_s, m_token).status, 404);
    const HttpReply byIds = list(u"id="_s + first[u"id"_s].toString() + u",nope"_s);
    QCOMPARE(byIds.json()[u"data"_s].toArray().size(), 1);
}

void TestSandboxAudits::typesSourcesAndSettings()
{
    makeSomeEvents();
    const HttpReply types = m_sandbox->http().get(m_host, u"/api/v1/audits/types"_s, m_token);
    QCOMPARE(types.status, 200);
    const QJsonArray typeList = types.json()[u"data"_s].toArray();
    QVERIFY(typeList.contains(u"com.qlik.v1.csp-origin.created"_s));
    QVERIFY(typeList.contains(u"com.qlik.v1.user.created"_s));
    const HttpReply sources = m_sandbox->http().get(m_host, u"/api/v1/audits/sources"_s, m_token);
    QCOMPARE(sources.status, 200);
    QCOMPARE(sources.json()[u"data"_s].toArray(),
             (QJsonArray{u"com.qlik/csp-origins"_s, u"com.qlik/users"_s, u"com.qlik/web-integrations"_s}));
    const HttpReply settings = m_sandbox->http().get(m_host, u"/api/v1/audits/settings"_s, m_token);
    QCOMPARE(settings.status, 200);
    QCOMPARE(settings.json()[u"data"_s][u"EventTTL"_s].toInteger(), 90LL * 24 * 3600);
    QCOMPARE(settings.json()[u"data"_s][u"ArchiveEnabled"_s].toBool(), true);
}

void TestSandboxAudits::archiveAndRetention()
{
    makeSomeEvents();
    const QDateTime started = m_sandbox->now();
    const QString today = started.date().toString(Qt::ISODate);
    HttpReply archive = m_sandbox->http().get(m_host, u"/api/v1/audits/archive?date="_s + today, m_token);
    QCOMPARE(archive.status, 404); // today is not archived yet
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/audits/archive"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/audits/archive?date=2024-13-40"_s, m_token).status, 400);

    // 91 days later the events left the list but stay in their day's archive.
    QVERIFY(
        m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 91 * 24 * 3600}}));
    const QString token = m_sandbox->regionToken(m_host);
    QVERIFY(m_sandbox->http().get(m_host, u"/api/v1/audits"_s, token).json()[u"data"_s].toArray().isEmpty());
    archive = m_sandbox->http().get(m_host, u"/api/v1/audits/archive?date="_s + today, token);
    if (m_sandbox->now().addSecs(-91 * 24 * 3600).date() != started.date())
        QSKIP("midnight passed during the test; the events' day is not the one asked for");
    QCOMPARE(archive.status, 200);
    const QJsonArray archived = archive.json()[u"data"_s].toArray();
    QCOMPARE(archived.size(), 4);
    QVERIFY(!archived.first().toObject().contains(u"links"_s));
    QCOMPARE(archived.at(1)[u"eventType"_s].toString(), u"com.qlik.v1.csp-origin.created"_s);
}

void TestSandboxAudits::endUsersSeeTheirOwnEvents()
{
    makeSomeEvents();
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|auditee"_s);
    QVERIFY(!cookie.isEmpty());
    const HttpReply mine = m_sandbox->http().send(
        {"GET", m_host, u"/api/v1/audits?limit=100"_s, {}, {}, {}, {{"Cookie", cookie}}, true});
    QCOMPARE(mine.status, 200);
    QSet<QString> types;
    for (const QJsonValue &event : mine.json()[u"data"_s].toArray()) {
        types.insert(event[u"eventType"_s].toString());
        QVERIFY(event[u"userId"_s].toString() != m_botId);
    }
    // Its creation at first login and the session it opened; nothing of the bot's.
    QCOMPARE(types, (QSet<QString>{u"com.qlik.v1.user.created"_s, u"com.qlik.user-session.begin"_s}));
    // The admin sees those too.
    bool adminSeesLogin = false;
    for (const QJsonValue &event : list(u"limit=100"_s).json()[u"data"_s].toArray())
        adminSeesLogin = adminSeesLogin || event[u"eventType"_s].toString() == u"com.qlik.user-session.begin"_s;
    QVERIFY(adminSeesLogin);
}

void TestSandboxAudits::everyFamilyRecordsItsChanges()
{
    // One change through each family served on this tenant; each leaves its event.
    makeSomeEvents();
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/spaces"_s,
                       QJsonObject{{u"name"_s, u"Audit space"_s}, {u"type"_s, u"shared"_s}}, m_token)
                 .status,
             201);
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/encryption/keyproviders"_s,
                       QJsonObject{{u"name"_s, u"k"_s},
                                   {u"arn"_s,
                                    u"arn:aws:kms:us-east-1:111222334455:key/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"_s}},
                       m_token)
                 .status,
             201);
    QVERIFY(!m_sandbox->endUserSession(m_host, u"portal|everyone"_s).isEmpty()); // an IdP and a login
    const QJsonArray types
        = m_sandbox->http().get(m_host, u"/api/v1/audits/types"_s, m_token).json()[u"data"_s].toArray();
    for (const QString &expected :
         {u"com.qlik.v1.csp-origin.created"_s, u"com.qlik.v1.web-integration.created"_s, u"com.qlik.v1.user.created"_s,
          u"com.qlik.v1.space.created"_s, u"com.qlik.v1.encryption.keyprovider.created"_s,
          u"com.qlik.v1.identity-provider.created"_s, u"com.qlik.user-session.begin"_s})
        QVERIFY2(types.contains(expected), qPrintable(expected));
}

QTEST_GUILESS_MAIN(TestSandboxAudits)
#include "tst_sandboxaudits.moc"
