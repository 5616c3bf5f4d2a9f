#include "cloud/ratebudget.h"
#include "cloud/retrypolicy.h"

#include <QTest>

using namespace std::chrono_literals;
using Cloud::RateBudget;
using Cloud::RetryPolicy;
using Clock = RateBudget::Clock;

class TestPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityIsFiveMinutesOfTheTier_data();
    void capacityIsFiveMinutesOfTheTier();
    void fillsThenWaitsForTheOldestToLeave();
    void inFlightRequestsCountUntilTheyEnd();
    void requestsCountFromTheirCompletion();
    void parkingBlocksUntilThen();
    void idleAfterTheWindow();
    void outOfOrderCompletionsStaySorted();
    void backoffGrowsWithJitterAndCap();
    void transientStatuses();
    void networkErrorsByDelivery();
};

void TestPacing::capacityIsFiveMinutesOfTheTier_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("capacity");
    QTest::newRow("tier 1") << 1000 << 5000;
    QTest::newRow("tier 2") << 100 << 500;
    QTest::newRow("reloads") << 50 << 250;
    QTest::newRow("nonsense still allows one per window") << 0 << 5;
}

void TestPacing::capacityIsFiveMinutesOfTheTier()
{
    QFETCH(int, perMinute);
    QFETCH(int, capacity);
    QCOMPARE(RateBudget::capacityFor(perMinute), capacity);
}

void TestPacing::fillsThenWaitsForTheOldestToLeave()
{
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(3, 10s);
    for (int i = 0; i < 3; ++i) {
        const Clock::time_point at = t0 + std::chrono::seconds(i);
        QVERIFY(budget.canAcquire(at));
        QCOMPARE(budget.availableAt(at), at);
        budget.acquire(at);
        budget.release(at + 100ms);
    }
    const Clock::time_point t3 = t0 + 3s;
    QVERIFY(!budget.canAcquire(t3));
    QCOMPARE(budget.used(t3), 3);
    // The first request completed at t0 + 100 ms and leaves the window 10 s later.
    QCOMPARE(budget.availableAt(t3), t0 + 100ms + 10s);
    QVERIFY(!budget.canAcquire(t0 + 10s + 99ms));
    QVERIFY(budget.canAcquire(t0 + 10s + 100ms));
    QCOMPARE(budget.used(t0 + 10s + 100ms), 2);
    QCOMPARE(budget.used(t0 + 13s), 0);
}

void TestPacing::inFlightRequestsCountUntilTheyEnd()
{
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(2, 1s);
    budget.acquire(t0);
    budget.acquire(t0);
    QCOMPARE(budget.inFlight(), 2);
    QVERIFY(!budget.canAcquire(t0 + 1h));
    QCOMPARE(budget.availableAt(t0), Clock::time_point::max()); // only an end can free room
    budget.release(t0 + 5s);
    QCOMPARE(budget.inFlight(), 1);
    QCOMPARE(budget.availableAt(t0 + 5s), t0 + 6s);
}

void TestPacing::requestsCountFromTheirCompletion()
{
    // A slow request counts for a window after it ended, not after it started: the server counted
    // it somewhere in between.
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(1, 10s);
    budget.acquire(t0);
    budget.release(t0 + 8s);
    QVERIFY(!budget.canAcquire(t0 + 10s));
    QVERIFY(!budget.canAcquire(t0 + 17s));
    QVERIFY(budget.canAcquire(t0 + 18s));
}

void TestPacing::parkingBlocksUntilThen()
{
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(100, 10s);
    budget.parkUntil(t0 + 13s);
    QVERIFY(budget.isParked(t0));
    QVERIFY(!budget.canAcquire(t0 + 12s));
    QCOMPARE(budget.availableAt(t0), t0 + 13s);
    budget.parkUntil(t0 + 5s); // an earlier park never shortens a later one
    QCOMPARE(budget.parkedUntil(), t0 + 13s);
    QVERIFY(budget.canAcquire(t0 + 13s));
}

void TestPacing::idleAfterTheWindow()
{
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(5, 1s);
    QVERIFY(budget.isIdle(t0));
    budget.acquire(t0);
    QVERIFY(!budget.isIdle(t0 + 1h));
    budget.release(t0);
    QVERIFY(!budget.isIdle(t0 + 500ms));
    QVERIFY(budget.isIdle(t0 + 1s));
}

void TestPacing::outOfOrderCompletionsStaySorted()
{
    const Clock::time_point t0 = Clock::now();
    RateBudget budget(2, 10s);
    budget.acquire(t0);
    budget.acquire(t0);
    budget.release(t0 + 2s);
    budget.release(t0 + 1s); // a clock read earlier than the last: counted as the later one
    QCOMPARE(budget.availableAt(t0 + 2s), t0 + 12s);
    QCOMPARE(budget.used(t0 + 12s), 0);
}

void TestPacing::backoffGrowsWithJitterAndCap()
{
    RetryPolicy policy;
    policy.baseDelay = 100ms;
    policy.maxDelay = 1s;
    QCOMPARE(policy.backoff(0, 0.0), 50ms);
    QCOMPARE(policy.backoff(0, 0.999999), 100ms);
    QCOMPARE(policy.backoff(1, 0.0), 100ms);
    QCOMPARE(policy.backoff(2, 0.5), 300ms); // d = 400: 200 + 0.5 × 200
    QCOMPARE(policy.backoff(10, 0.0), 500ms); // capped at 1 s, jitter in [0.5, 1] s
    QCOMPARE(policy.backoff(10, 1.0), 1000ms);
    for (int i = 0; i < 100; ++i) {
        const auto delay = policy.backoff(3);
        QVERIFY(delay >= 400ms && delay <= 800ms);
    }
}

void TestPacing::transientStatuses()
{
    for (int status : {408, 500, 502, 503, 504})
        QVERIFY2(RetryPolicy::isTransientStatus(status), qPrintable(QString::number(status)));
    for (int status : {400, 401, 403, 404, 409, 412, 429, 501, 505})
        QVERIFY2(!RetryPolicy::isTransientStatus(status), qPrintable(QString::number(status)));
    QVERIFY(RetryPolicy::statusLeavesOutcomeUnknown(502));
    QVERIFY(RetryPolicy::statusLeavesOutcomeUnknown(504));
    QVERIFY(!RetryPolicy::statusLeavesOutcomeUnknown(500));
    QVERIFY(!RetryPolicy::statusLeavesOutcomeUnknown(503));
}

void TestPacing::networkErrorsByDelivery()
{
    using D = RetryPolicy::Delivery;
    QCOMPARE(RetryPolicy::classify(QNetworkReply::ConnectionRefusedError), D::NotDelivered);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::HostNotFoundError), D::NotDelivered);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::RemoteHostClosedError), D::MaybeDelivered);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::TimeoutError), D::MaybeDelivered);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::OperationCanceledError), D::MaybeDelivered);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::SslHandshakeFailedError), D::Permanent);
    QCOMPARE(RetryPolicy::classify(QNetworkReply::ProtocolFailure), D::Permanent);
}

QTEST_GUILESS_MAIN(TestPacing)
#include "tst_pacing.moc"
