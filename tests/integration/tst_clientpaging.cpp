#include "cloud/apipage.h"
#include "cloud/apirequest.h"
#include "cloud/pager.h"
#include "seededclient.h"
#include "support/sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiCall;
using Cloud::ApiError;
using Cloud::ApiResult;

// The Pager of the real CloudClient against the sandbox (FACTS §14.1): a list of 2,100+ spaces page
// by page with opaque cursors, users with id cursors, an unpaged list, cancellation mid-way, and an
// error page ending a listing.
class TestClientPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsThousandsAcrossPages();
    void idCursorsOfUsers();
    void listWithoutPaging();
    void cancelsMidPaging();
    void errorPageEndsTheListing();

private:
    [[nodiscard]] ApiCall spacesCall(int limit) const;
    [[nodiscard]] int count(const QString &operation)
    {
        return SeededClient::requestCount(m_sandbox->http(), operation);
    }

    static constexpr int kCreated = 2100;
    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    QString m_host;
};

void TestClientPaging::initTestCase()
{
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"estate:3"_s));
    m_host = SeededClient::tenantHosts(m_sandbox->http()).at(0);

    // 2,100 more spaces on one tenant, created through the client itself. Tier 2 allows 500 writes
    // per 5 minutes: rate limits off in the sandbox, and the client told so.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/rate-limits"_s, QJsonObject{{u"enabled"_s, false}}));
    Cloud::CloudClient::Options unlimited;
    unlimited.limits.windowCapacity.insert(u"tier2"_s, 1000000);
    SeededClient seeded(m_sandbox->port(), {u"eu"_s}, unlimited);
    QElapsedTimer clock;
    clock.start();
    QList<Cloud::ApiRequest *> creates;
    for (int i = 0; i < kCreated; ++i) {
        creates.append(seeded.client().send(
            ApiCall::post(m_host, u"/api/v1/spaces"_s,
                          QJsonDocument(QJsonObject{{u"name"_s, u"Customer %1"_s.arg(i, 4, 10, QChar(u'0'))},
                                                    {u"type"_s, u"shared"_s}}))));
    }
    for (const ApiResult &result : SeededClient::awaitAll(creates))
        QVERIFY2(result.status() == 201, qPrintable(result.error().message()));
    qInfo() << kCreated << "spaces created in" << clock.elapsed() << "ms";
}

ApiCall TestClientPaging::spacesCall(int limit) const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return ApiCall::get(m_host, u"/api/v1/spaces"_s, query);
}

void TestClientPaging::listsThousandsAcrossPages()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const int before = count(u"GET /v1/spaces"_s);
    QElapsedTimer clock;
    clock.start();
    const SeededClient::Listing listing = SeededClient::runPager(seeded.client().list(spacesCall(100)));
    qInfo() << "listed" << listing.pages.size() << "pages in" << clock.elapsed() << "ms";
    QVERIFY(listing.finished);
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    constexpr int kTotal = kCreated + 2; // and the seeded Staging and Production
    QCOMPARE(listing.pages.size(), (kTotal + 99) / 100);
    QSet<QString> ids;
    QSet<QString> names;
    for (const Cloud::ApiPage &page : listing.pages) {
        QVERIFY(page.items.size() <= 100);
        for (const QJsonValue space : page.items) {
            ids.insert(space[u"id"_s].toString());
            names.insert(space[u"name"_s].toString());
        }
    }
    QCOMPARE(ids.size(), kTotal); // every space once: no page skipped or repeated
    QVERIFY(names.contains(u"Customer 0000"_s) && names.contains(u"Customer 2099"_s) && names.contains(u"Staging"_s));
    QVERIFY(listing.pages.constLast().nextUrl.isEmpty());
    QCOMPARE(count(u"GET /v1/spaces"_s) - before, listing.pages.size());
}

void TestClientPaging::idCursorsOfUsers()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    // The estate admin and the bot user the first token creates (FACTS §2.3), one per page.
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"1"_s);
    const SeededClient::Listing listing
        = SeededClient::runPager(seeded.client().list(ApiCall::get(m_host, u"/api/v1/users"_s, query)));
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    QVERIFY(listing.pages.size() >= 2);
    QStringList subjects;
    for (const Cloud::ApiPage &page : listing.pages) {
        QCOMPARE(page.items.size(), 1);
        subjects.append(page.items.first()[u"subject"_s].toString());
    }
    QVERIFY2(subjects.contains(u"qlikbot\\sandbox-region-eu"_s), qPrintable(subjects.join(u", "_s)));
}

void TestClientPaging::listWithoutPaging()
{
    // Space types have no paging (FACTS §14.1): one page, data[] only.
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const SeededClient::Listing listing
        = SeededClient::runPager(seeded.client().list(ApiCall::get(m_host, u"/api/v1/spaces/types"_s)));
    QVERIFY2(listing.error.isNull(), qPrintable(listing.error.message()));
    QCOMPARE(listing.pages.size(), 1);
    QVERIFY(!listing.pages.first().items.isEmpty());
    QVERIFY(listing.pages.first().nextUrl.isEmpty());
}

void TestClientPaging::cancelsMidPaging()
{
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    const int before = count(u"GET /v1/spaces"_s);
    const SeededClient::Listing listing = SeededClient::runPager(seeded.client().list(spacesCall(100)), 3);
    QVERIFY(listing.finished);
    QCOMPARE(listing.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(listing.pages.size(), 3);
    QTest::qWait(200); // nothing more arrives
    QCOMPARE(listing.pages.size(), 3);
    QCOMPARE(count(u"GET /v1/spaces"_s) - before, 3);
}

void TestClientPaging::errorPageEndsTheListing()
{
    // The fourth page answers 400 (the sandbox's fault injector): the pager stops with that error.
    SeededClient seeded(m_sandbox->port(), {u"eu"_s});
    Cloud::Pager *pager = seeded.client().list(spacesCall(100));
    int pages = 0;
    bool faultSet = false;
    connect(pager, &Cloud::Pager::pageReceived, pager, [this, &pages, &faultSet] {
        if (++pages == 3)
            faultSet = m_sandbox->http().control(
                "PUT", u"/__sandbox/faults"_s,
                QJsonArray{
                    QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 400}}});
    });
    const SeededClient::Listing listing = SeededClient::runPager(pager);
    QVERIFY(faultSet);
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray{}));
    QCOMPARE(listing.pages.size(), 3);
    QCOMPARE(listing.error.kind(), ApiError::Kind::Http);
    QCOMPARE(listing.error.httpStatus(), 400);
    QVERIFY(listing.error.url().toString().contains(u"/api/v1/spaces"_s));
}

QTEST_GUILESS_MAIN(TestClientPaging)
#include "tst_clientpaging.moc"
