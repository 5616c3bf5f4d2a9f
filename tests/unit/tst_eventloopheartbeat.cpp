// The GUI-thread stall meter of bench_estate: a late beat counts as a stall of its lateness.
#include "eventloopheartbeat.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

class TestEventLoopHeartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresABlockedLoop();
    void resetForgets();
};

namespace {

// Keeps the event loop from running, as a slow slot would.
void blockFor(std::chrono::milliseconds duration)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < duration.count()) { }
}

} // namespace

void TestEventLoopHeartbeat::measuresABlockedLoop()
{
    EventLoopHeartbeat heartbeat(5ms);
    heartbeat.setReportThreshold(50ms);
    QSignalSpy stalled(&heartbeat, &EventLoopHeartbeat::stalled);
    heartbeat.start();
    QTRY_VERIFY(heartbeat.beats() >= 3);
    QTimer::singleShot(0, this, [] { blockFor(120ms); });
    QVERIFY(stalled.wait(2000));
    const auto reported = stalled.constFirst().at(0).value<std::chrono::milliseconds>();
    QVERIFY2(reported >= 100ms, qPrintable(QString::number(reported.count())));
    QVERIFY(heartbeat.longestStall() >= 100ms);
    QVERIFY(heartbeat.longestStall() < 1000ms);
}

void TestEventLoopHeartbeat::resetForgets()
{
    EventLoopHeartbeat heartbeat(5ms);
    heartbeat.start();
    QTimer::singleShot(0, this, [] { blockFor(60ms); });
    QTRY_VERIFY(heartbeat.longestStall() >= 40ms);
    heartbeat.reset();
    QCOMPARE(heartbeat.longestStall(), 0ms);
    QCOMPARE(heartbeat.beats(), 0);
    QTRY_VERIFY(heartbeat.beats() >= 2);
    heartbeat.stop();
}

QTEST_GUILESS_MAIN(TestEventLoopHeartbeat)
#include "tst_eventloopheartbeat.moc"
