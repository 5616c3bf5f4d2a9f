#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

// Measures how long the thread's event loop was kept from running: a timer beats every `interval`
// and each beat that comes late counts as a stall of (gap - interval). Used by the estate benchmark
// and, with --verbose, to log the GUI thread's stalls ("the UI thread never waits", DESIGN.md §6).
class EventLoopHeartbeat final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopHeartbeat)

public:
    explicit EventLoopHeartbeat(std::chrono::milliseconds interval = std::chrono::milliseconds(5),
                                QObject *parent = nullptr);
    ~EventLoopHeartbeat() override;

    void start();
    void stop();
    // Forgets the stalls measured so far.
    void reset();
    [[nodiscard]] std::chrono::milliseconds longestStall() const { return m_longest; }
    [[nodiscard]] int beats() const { return m_beats; }
    // Stalls at least this long are reported with `stalled` (default 50 ms).
    void setReportThreshold(std::chrono::milliseconds threshold) { m_threshold = threshold; }

Q_SIGNALS:
    void stalled(std::chrono::milliseconds duration);

private:
    void beat();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastBeatNs = 0;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_longest{0};
    std::chrono::milliseconds m_threshold{50};
    int m_beats = 0;
};
