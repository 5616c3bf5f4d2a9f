#include "cloud/requestscheduler.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Cloud::RequestScheduler;

class TestRequestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsLaterNeverInsideEnqueue();
    void capsPerHost();
    void capsInTotalAndRotatesHosts();
    void cancelsQueuedRequests();
    void pacesByBudget();
    void otherBucketsOfTheHostKeepGoing();
    void parkingDelaysTheBucket();
    void urgentGoesFirst();
    void capacityOverrides();

private:
    static RequestScheduler::Budget budget(const QString &host, const QString &bucket = u"tier1"_s, int limit = 1000)
    {
        return {host, u"client"_s, bucket, limit};
    }
};

void TestRequestScheduler::startsLaterNeverInsideEnqueue()
{
    RequestScheduler scheduler;
    int started = 0;
    const auto ticket = scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s), [&started] { ++started; });
    QVERIFY(ticket != 0);
    QCOMPARE(started, 0);
    QCOMPARE(scheduler.queuedCount(), 1);
    QTRY_COMPARE(started, 1);
    QCOMPARE(scheduler.queuedCount(), 0);
    QCOMPARE(scheduler.runningCount(), 1);
    scheduler.finish(ticket);
    QCOMPARE(scheduler.runningCount(), 0);
}

void TestRequestScheduler::capsPerHost()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.maxPerHost = 3;
    scheduler.setLimits(limits);
    QList<RequestScheduler::Ticket> started;
    QList<RequestScheduler::Ticket> tickets;
    for (int i = 0; i < 10; ++i) {
        const int index = i;
        tickets.append(scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s),
                                         [&started, &tickets, index] { started.append(tickets.at(index)); }));
    }
    QTRY_COMPARE(started.size(), 3);
    QTest::qWait(20);
    QCOMPARE(started.size(), 3);
    QCOMPARE(scheduler.queuedCount(), 7);
    // Requests start in order as slots free up.
    scheduler.finish(started.first());
    QTRY_COMPARE(started.size(), 4);
    QCOMPARE(started.last(), tickets.at(3));
    while (started.size() < 10) {
        const qsizetype before = started.size();
        for (const auto ticket : std::as_const(started))
            scheduler.finish(ticket); // finishing an ended request again changes nothing
        QTRY_VERIFY(started.size() > before);
        QVERIFY(scheduler.runningCount() <= 3);
    }
    QCOMPARE(started, tickets);
    QCOMPARE(scheduler.peakRunning(), 3);
}

void TestRequestScheduler::capsInTotalAndRotatesHosts()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.maxPerHost = 2;
    limits.maxTotal = 4;
    scheduler.setLimits(limits);
    QStringList startedHosts;
    QList<RequestScheduler::Ticket> running;
    const QStringList hosts{u"a.eu.qlikcloud.com"_s, u"b.eu.qlikcloud.com"_s, u"c.eu.qlikcloud.com"_s,
                            u"d.eu.qlikcloud.com"_s};
    QHash<QString, QList<RequestScheduler::Ticket>> byHost;
    for (const QString &host : hosts) {
        for (int i = 0; i < 3; ++i) {
            auto *ticketSlot = new RequestScheduler::Ticket(0);
            *ticketSlot = scheduler.enqueue(budget(host), [&startedHosts, &running, host, ticketSlot] {
                startedHosts.append(host);
                running.append(*ticketSlot);
                delete ticketSlot;
            });
        }
    }
    QTRY_COMPARE(startedHosts.size(), 4);
    QTest::qWait(10);
    QCOMPARE(startedHosts.size(), 4);
    QCOMPARE(scheduler.runningCount(), 4);
    // Hosts that were served go to the back: the next free slots go to c and d.
    scheduler.finish(running.at(0));
    scheduler.finish(running.at(1));
    QTRY_COMPARE(startedHosts.size(), 6);
    QCOMPARE(startedHosts.mid(4), (QStringList{u"c.eu.qlikcloud.com"_s, u"c.eu.qlikcloud.com"_s}));
    while (startedHosts.size() < 12) {
        const int before = static_cast<int>(startedHosts.size());
        for (const auto ticket : std::as_const(running))
            scheduler.finish(ticket);
        running.clear();
        QTRY_VERIFY(startedHosts.size() > before);
    }
    for (const QString &host : hosts)
        QCOMPARE(startedHosts.count(host), 3);
    QCOMPARE(scheduler.peakRunning(), 4);
}

void TestRequestScheduler::cancelsQueuedRequests()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.maxPerHost = 1;
    scheduler.setLimits(limits);
    QStringList started;
    const auto first = scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s), [&started] { started.append(u"first"_s); });
    const auto second = scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s), [&started] { started.append(u"second"_s); });
    (void)scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s), [&started] { started.append(u"third"_s); });
    QTRY_COMPARE(started.size(), 1);
    QVERIFY(scheduler.cancel(second));
    QVERIFY(!scheduler.cancel(second)); // gone
    QVERIFY(!scheduler.cancel(first)); // running, not queued
    scheduler.finish(first);
    QTRY_COMPARE(started.size(), 2);
    QCOMPARE(started, (QStringList{u"first"_s, u"third"_s}));
    QCOMPARE(scheduler.queuedCount(), 0);
}

void TestRequestScheduler::pacesByBudget()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.rateWindow = 300ms;
    limits.windowCapacity.insert(u"tier2"_s, 2);
    scheduler.setLimits(limits);
    QSignalSpy exhausted(&scheduler, &RequestScheduler::budgetExhausted);
    QList<qint64> startTimes;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 6; ++i) {
        auto *ticketSlot = new RequestScheduler::Ticket(0);
        *ticketSlot = scheduler.enqueue(budget(u"a.eu.qlikcloud.com"_s, u"tier2"_s, 100),
                                        [&scheduler, &startTimes, &clock, ticketSlot] {
                                            startTimes.append(clock.elapsed());
                                            scheduler.finish(*ticketSlot); // answered at once
                                            delete ticketSlot;
                                        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(startTimes.size(), 6, 5000);
    // Two per 300 ms window: the 3rd and 4th wait one window, the 5th and 6th two.
    QVERIFY2(startTimes.at(1) < 150, qPrintable(QString::number(startTimes.at(1))));
    QVERIFY2(startTimes.at(2) >= 295, qPrintable(QString::number(startTimes.at(2))));
    QVERIFY2(startTimes.at(4) >= 595, qPrintable(QString::number(startTimes.at(4))));
    QVERIFY(exhausted.size() >= 1);
    QCOMPARE(exhausted.first().at(1).toString(), u"tier2"_s);
}

void TestRequestScheduler::otherBucketsOfTheHostKeepGoing()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.rateWindow = 10s;
    limits.windowCapacity.insert(u"tier2"_s, 1);
    scheduler.setLimits(limits);
    QStringList started;
    const QString host = u"a.eu.qlikcloud.com"_s;
    const auto write = scheduler.enqueue(budget(host, u"tier2"_s, 100), [&started] { started.append(u"write 1"_s); });
    (void)scheduler.enqueue(budget(host, u"tier2"_s, 100), [&started] { started.append(u"write 2"_s); });
    (void)scheduler.enqueue(budget(host, u"tier1"_s, 1000), [&started] { started.append(u"read"_s); });
    QTRY_COMPARE(started.size(), 2);
    scheduler.finish(write);
    QTest::qWait(30);
    QCOMPARE(started, (QStringList{u"write 1"_s, u"read"_s}));
    QCOMPARE(scheduler.queuedCount(), 1);
    QCOMPARE(scheduler.budgetUsed(budget(host, u"tier2"_s, 100)), 1);
}

void TestRequestScheduler::parkingDelaysTheBucket()
{
    RequestScheduler scheduler;
    QSignalSpy parked(&scheduler, &RequestScheduler::budgetParked);
    const auto tier1 = budget(u"a.eu.qlikcloud.com"_s);
    scheduler.park(tier1, 250ms);
    QCOMPARE(parked.size(), 1);
    QElapsedTimer clock;
    clock.start();
    qint64 startedAt = -1;
    qint64 otherStartedAt = -1;
    (void)scheduler.enqueue(tier1, [&startedAt, &clock] { startedAt = clock.elapsed(); });
    (void)scheduler.enqueue(budget(u"b.eu.qlikcloud.com"_s),
                            [&otherStartedAt, &clock] { otherStartedAt = clock.elapsed(); });
    QTRY_VERIFY(otherStartedAt >= 0);
    QVERIFY(otherStartedAt < 200);
    QTRY_VERIFY(startedAt >= 0);
    QVERIFY2(startedAt >= 245, qPrintable(QString::number(startedAt)));
}

void TestRequestScheduler::urgentGoesFirst()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.maxPerHost = 1;
    scheduler.setLimits(limits);
    QStringList started;
    const QString host = u"a.eu.qlikcloud.com"_s;
    const auto first = scheduler.enqueue(budget(host), [&started] { started.append(u"first"_s); });
    (void)scheduler.enqueue(budget(host), [&started] { started.append(u"normal"_s); });
    QTRY_COMPARE(started.size(), 1);
    (void)scheduler.enqueue(
        budget(host), [&started] { started.append(u"retry"_s); }, true);
    scheduler.finish(first);
    QTRY_COMPARE(started.size(), 2);
    QCOMPARE(started.last(), u"retry"_s);
}

void TestRequestScheduler::capacityOverrides()
{
    RequestScheduler scheduler;
    RequestScheduler::Limits limits;
    limits.windowCapacity.insert(u"tier1"_s, 1);
    scheduler.setLimits(limits);
    int started = 0;
    const auto tier1 = budget(u"a.eu.qlikcloud.com"_s);
    const auto ticket = scheduler.enqueue(tier1, [&started] { ++started; });
    (void)scheduler.enqueue(tier1, [&started] { ++started; });
    QTRY_COMPARE(started, 1);
    scheduler.finish(ticket);
    QTest::qWait(30);
    QCOMPARE(started, 1); // one per five minutes
    QCOMPARE(scheduler.budgetUsed(tier1), 1);
}

QTEST_GUILESS_MAIN(TestRequestScheduler)
#include "tst_requestscheduler.moc"
