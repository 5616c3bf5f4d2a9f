#pragma once

#include "cloud/ratebudget.h"

#include <chrono>
#include <deque>
#include <functional>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Cloud {

// Decides when each request may go out: at most `maxPerHost` in flight per host and `maxTotal`
// overall, and within the rate budget of its (host, identity, rate bucket) so the client paces
// itself instead of provoking 429s (FACTS §14.3). A 429's Retry-After parks its bucket. Queues and
// timers only, never sleeps; queued requests can be cancelled (qBittorrent's DownloadManager).
class RequestScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestScheduler)

public:
    using Clock = std::chrono::steady_clock;
    using Ticket = quint64;

    struct Limits
    {
        int maxPerHost = 6; // one QNetworkAccessManager's HTTP/1.1 connections per host (Qt 6.4)
        int maxTotal = 128;
        std::chrono::milliseconds rateWindow{std::chrono::minutes(5)}; // FACTS §14.3
        // Calls per window for a bucket ("tier1", "tier2", "special:POST /v1/reloads"), replacing the
        // spec's limit × 5. For a sandbox configured with other limits; empty against the real cloud.
        QHash<QString, int> windowCapacity;
    };

    // The budget a request draws from: Qlik counts per tenant, per user, per tier.
    struct Budget
    {
        QString host;
        QString identity; // the OAuth client id (its bot user on the tenant)
        QString bucket; // ApiOperation::budgetKey(): "tier1", "tier2", "special:POST /v1/reloads"
        int limitPerMinute = 100;

        [[nodiscard]] QString key() const { return host + u'|' + identity + u'|' + bucket; }
    };

    explicit RequestScheduler(QObject *parent = nullptr);
    ~RequestScheduler() override;

    void setLimits(const Limits &limits);
    [[nodiscard]] const Limits &limits() const { return m_limits; }

    // Queues a request; `start` runs later (never inside this call) once a slot and budget are
    // free. `urgent` puts it at the head of its host's queue (retries, redirects, re-authentication).
    [[nodiscard]] Ticket enqueue(const Budget &budget, std::function<void()> start, bool urgent = false);
    // Removes a queued request; false if it is not queued (already started or unknown).
    bool cancel(Ticket ticket);
    // A started request ended (answered, failed or aborted): frees its slot, counts its budget.
    void finish(Ticket ticket);

    // The server said to wait (429 Retry-After): nothing of this budget starts before then.
    void park(const Budget &budget, std::chrono::milliseconds delay);

    [[nodiscard]] int queuedCount() const { return m_queuedCount; }
    [[nodiscard]] int runningCount() const { return static_cast<int>(m_running.size()); }
    [[nodiscard]] int peakRunning() const { return m_peakRunning; }
    void resetPeakRunning() { m_peakRunning = runningCount(); }
    // Requests used in the current window of a budget (for tests and the status bar).
    [[nodiscard]] int budgetUsed(const Budget &budget);

Q_SIGNALS:
    // A budget was parked by the server; the UI shows it as a rate-limit wait.
    void budgetParked(const QString &host, const QString &bucket, std::chrono::milliseconds delay);
    // A budget is exhausted and requests wait for room in its window.
    void budgetExhausted(const QString &host, const QString &bucket, std::chrono::milliseconds wait);

private:
    struct Job
    {
        Ticket ticket = 0;
        QString budgetKey;
        std::function<void()> start;
    };
    struct Running
    {
        QString host;
        QString budgetKey;
    };

    void scheduleDrain();
    void drain();
    RateBudget &budgetFor(const Budget &budget);
    void forgetIdleBudgets(Clock::time_point now);

    Limits m_limits;
    QHash<QString, std::deque<Job>> m_queues; // per host
    QStringList m_activeHosts; // hosts with queued jobs, in round-robin order
    QSet<QString> m_activeSet;
    QHash<Ticket, QString> m_queuedHost;
    QHash<Ticket, Running> m_running;
    QHash<QString, int> m_runningPerHost;
    QHash<QString, RateBudget> m_budgets;
    QHash<QString, Budget> m_budgetInfo; // key -> host/bucket, for signals
    QSet<QString> m_exhaustedReported;
    QTimer m_wakeTimer;
    Clock::time_point m_lastSweep{};
    Ticket m_nextTicket = 1;
    int m_queuedCount = 0;
    int m_peakRunning = 0;
    bool m_drainPending = false;
};

} // namespace Cloud
