#include "cloud/apipage.h"
#include "cloud/pager.h"
#include "seededclient.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiCall;
using Cloud::ApiError;

// The Pager of the real CloudClient against the sandbox: the organization API's 2,100 tenants page
// by page, other paging styles, cancellation mid-way (FACTS §14.1).
class TestClientPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsAllTenantsOfTheOrganization();
    void opaqueCursorsOfSpaces();
    void listWithoutPaging();
    void cancelsMidPaging();
    void errorPageEndsTheListing();

private:
    [[nodiscard]] ApiCall tenantsCall(int limit) const;
    [[nodiscard]] int count(const QString &operation)
    {
        return SeededClient::requestCount(m_sandbox->http(), operation);
    }

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    QString m_subscription;
    QStringList m_hosts;
    int m_tenants = 0;
};

void TestClientPaging::initTestCase()
{
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"estate:2100"_s));
    QJsonObject state;
    QVERIFY(m_sandbox->http().control("GET", u"/__sandbox/state?content=false"_s, {}, &state));
    const QJsonArray tenants = state.value(u"tenants"_s).toArray();
    m_tenants = static_cast<int>(tenants.size());
    QCOMPARE(m_tenants, 2100);
    m_subscription = tenants.first()[u"subscriptionId"_s].toString();
    for (const QJsonValue tenant : tenants)
        m_hosts.append(tenant[u"hostnames"_s][0].toString());
}

ApiCall TestClientPaging::tenantsCall(int limit) const
{
    QUrlQuery query;
    query.addQueryItem(u"filter"_s, u"subscriptionId eq \"%1\""_s.arg(m_subscription));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return ApiCall::get(u"console.qlikcloud.com"_s, u"/api/core/tenants"_s, query);
}

void TestClientPaging::listsAllTenantsOfTheOrganization()
{
    SeededClient seeded(m_sandbox->port(), {});
    const int before = count(u"GET /api/core/tenants"_s);
    const SeededClient::Listing listing = SeededClient::runPager(seeded.client().list(tenantsCall(100)));
    QVERIFY(listing.finished);
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    QCOMPARE(listing.pages.size(), 21);
    QSet<QString> ids;
    QSet<QString> hosts;
    for (const Cloud::ApiPage &page : listing.pages) {
        QVERIFY(page.items.size() <= 100);
        for (const QJsonValue tenant : page.items) {
            ids.insert(tenant[u"id"_s].toString());
            hosts.insert(tenant[u"hostnames"_s][0].toString());
        }
    }
    QCOMPARE(ids.size(), m_tenants); // every tenant once: no page skipped or repeated
    QCOMPARE(hosts, QSet<QString>(m_hosts.cbegin(), m_hosts.cend()));
    QVERIFY(listing.pages.constLast().nextUrl.isEmpty());
    QCOMPARE(count(u"GET /api/core/tenants"_s) - before, 21);
}

void TestClientPaging::opaqueCursorsOfSpaces()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s, u"us"_s, u"ap"_s});
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"1"_s);
    const SeededClient::Listing listing
        = SeededClient::runPager(seeded.client().list(ApiCall::get(m_hosts.at(3), u"/api/v1/spaces"_s, query)));
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    QCOMPARE(listing.pages.size(), 2);
    QStringList names;
    for (const Cloud::ApiPage &page : listing.pages)
        names.append(page.items.first()[u"name"_s].toString());
    names.sort();
    QCOMPARE(names, (QStringList{u"Production"_s, u"Staging"_s}));
}

void TestClientPaging::listWithoutPaging()
{
    // Extensions have no paging (FACTS §14.1): one page, data[] only.
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const SeededClient::Listing listing
        = SeededClient::runPager(seeded.client().list(ApiCall::get(m_hosts.at(0), u"/api/v1/extensions"_s)));
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    QCOMPARE(listing.pages.size(), 1);
    QCOMPARE(listing.pages.first().items.first()[u"name"_s].toString(), u"kpi-card"_s);
}

void TestClientPaging::cancelsMidPaging()
{
    SeededClient seeded(m_sandbox->port(), {});
    const int before = count(u"GET /api/core/tenants"_s);
    const SeededClient::Listing listing = SeededClient::runPager(seeded.client().list(tenantsCall(100)), 3);
    QVERIFY(listing.finished);
    QCOMPARE(listing.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(listing.pages.size(), 3);
    QTest::qWait(200); // nothing more arrives
    QCOMPARE(listing.pages.size(), 3);
    QCOMPARE(count(u"GET /api/core/tenants"_s) - before, 3);
}

void TestClientPaging::errorPageEndsTheListing()
{
    // The fourth page answers 400 (the sandbox's fault injector): the pager stops with that error.
    SeededClient seeded(m_sandbox->port(), {});
    Cloud::Pager *pager = seeded.client().list(tenantsCall(100));
    int pages = 0;
    bool faultSet = false;
    connect(pager, &Cloud::Pager::pageReceived, pager, [this, &pages, &faultSet] {
        if (++pages == 3)
            faultSet = m_sandbox->http().control(
                "PUT", u"/__sandbox/faults"_s,
                QJsonArray{
                    QJsonObject{{u"path"_s, u"^/api/core/tenants$"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 400}}});
    });
    const SeededClient::Listing listing = SeededClient::runPager(pager);
    QVERIFY(faultSet);
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray{}));
    QCOMPARE(listing.pages.size(), 3);
    QCOMPARE(listing.error.kind(), ApiError::Kind::Http);
    QCOMPARE(listing.error.httpStatus(), 400);
    QVERIFY(listing.error.url().toString().contains(u"/api/core/tenants"_s));
}

QTEST_GUILESS_MAIN(TestClientPaging)
#include "tst_clientpaging.moc"
