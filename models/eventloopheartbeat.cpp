#include "eventloopheartbeat.h"

EventLoopHeartbeat::EventLoopHeartbeat(std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_interval(interval)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopHeartbeat::beat);
}

EventLoopHeartbeat::~EventLoopHeartbeat() = default;

void EventLoopHeartbeat::start()
{
    m_clock.start();
    m_lastBeatNs = 0;
    m_timer.start();
}

void EventLoopHeartbeat::stop()
{
    m_timer.stop();
}

void EventLoopHeartbeat::reset()
{
    m_longest = std::chrono::milliseconds(0);
    m_beats = 0;
    if (m_clock.isValid())
        m_lastBeatNs = m_clock.nsecsElapsed();
}

void EventLoopHeartbeat::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    const auto gap
        = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(now - m_lastBeatNs));
    m_lastBeatNs = now;
    ++m_beats;
    const std::chrono::milliseconds stall = gap > m_interval ? gap - m_interval : std::chrono::milliseconds(0);
    if (stall > m_longest)
        m_longest = stall;
    if (stall >= m_threshold)
        Q_EMIT stalled(stall);
}
