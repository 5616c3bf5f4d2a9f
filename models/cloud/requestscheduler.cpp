#include "cloud/requestscheduler.h"

#include "cloud/cloudlogging.h"

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

// Above this many budgets, idle ones are forgotten (an estate-wide sweep touches every tenant once).
constexpr qsizetype kBudgetSweepThreshold = 4096;
constexpr std::chrono::seconds kBudgetSweepInterval{10};

std::chrono::milliseconds untilThen(RequestScheduler::Clock::time_point now, RequestScheduler::Clock::time_point then)
{
    if (then <= now)
        return std::chrono::milliseconds(0);
    return std::chrono::ceil<std::chrono::milliseconds>(then - now);
}

} // namespace

RequestScheduler::RequestScheduler(QObject *parent)
    : QObject(parent)
{
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &RequestScheduler::drain);
}

RequestScheduler::~RequestScheduler() = default;

void RequestScheduler::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_limits.maxPerHost = std::max(1, m_limits.maxPerHost);
    m_limits.maxTotal = std::max(1, m_limits.maxTotal);
    scheduleDrain();
}

RateBudget &RequestScheduler::budgetFor(const Budget &budget)
{
    const QString key = budget.key();
    auto it = m_budgets.find(key);
    if (it == m_budgets.end()) {
        const int capacity
            = m_limits.windowCapacity.value(budget.bucket, RateBudget::capacityFor(budget.limitPerMinute));
        it = m_budgets.insert(key, RateBudget(capacity, m_limits.rateWindow));
        m_budgetInfo.insert(key, budget);
    }
    return it.value();
}

RequestScheduler::Ticket RequestScheduler::enqueue(const Budget &budget, std::function<void()> start, bool urgent)
{
    budgetFor(budget);
    const Ticket ticket = m_nextTicket++;
    Job job{ticket, budget.key(), std::move(start)};
    std::deque<Job> &queue = m_queues[budget.host];
    if (urgent)
        queue.push_front(std::move(job));
    else
        queue.push_back(std::move(job));
    m_queuedHost.insert(ticket, budget.host);
    ++m_queuedCount;
    if (!m_activeSet.contains(budget.host)) {
        m_activeSet.insert(budget.host);
        // Urgent work goes to the front of the round too.
        if (urgent)
            m_activeHosts.prepend(budget.host);
        else
            m_activeHosts.append(budget.host);
    }
    scheduleDrain();
    return ticket;
}

bool RequestScheduler::cancel(Ticket ticket)
{
    if (!m_queuedHost.contains(ticket))
        return false;
    const QString host = m_queuedHost.take(ticket);
    std::deque<Job> &queue = m_queues[host];
    const auto it = std::find_if(queue.begin(), queue.end(), [ticket](const Job &job) { return job.ticket == ticket; });
    if (it != queue.end()) {
        queue.erase(it);
        --m_queuedCount;
    }
    // An emptied queue leaves the round at the next drain.
    scheduleDrain();
    return true;
}

void RequestScheduler::finish(Ticket ticket)
{
    if (!m_running.contains(ticket))
        return;
    const Running running = m_running.take(ticket);
    if (--m_runningPerHost[running.host] <= 0)
        m_runningPerHost.remove(running.host);
    const auto budget = m_budgets.find(running.budgetKey);
    if (budget != m_budgets.end())
        budget->release(Clock::now());
    scheduleDrain();
}

void RequestScheduler::park(const Budget &budget, std::chrono::milliseconds delay)
{
    RateBudget &rate = budgetFor(budget);
    rate.parkUntil(Clock::now() + delay);
    qCInfo(lcCloudScheduler).noquote() << "parking" << budget.bucket << "of" << budget.host << "for" << delay.count()
                                       << "ms (Retry-After)";
    Q_EMIT budgetParked(budget.host, budget.bucket, delay);
    scheduleDrain();
}

int RequestScheduler::budgetUsed(const Budget &budget)
{
    const auto it = m_budgets.find(budget.key());
    return it == m_budgets.end() ? 0 : it->used(Clock::now());
}

void RequestScheduler::scheduleDrain()
{
    if (m_drainPending)
        return;
    m_drainPending = true;
    QMetaObject::invokeMethod(this, &RequestScheduler::drain, Qt::QueuedConnection);
}

void RequestScheduler::drain()
{
    m_drainPending = false;
    const Clock::time_point now = Clock::now();
    Clock::time_point wake = Clock::time_point::max();
    std::vector<std::function<void()>> starts;

    // Hosts that started something move to the back of the round, so a few busy hosts cannot keep
    // the global slots to themselves.
    QStringList waiting;
    QStringList served;
    int running = runningCount();
    for (const QString &host : std::as_const(m_activeHosts)) {
        auto queueIt = m_queues.find(host);
        if (queueIt == m_queues.end() || queueIt->empty()) {
            if (queueIt != m_queues.end())
                m_queues.erase(queueIt);
            m_activeSet.remove(host);
            continue;
        }
        if (running >= m_limits.maxTotal) {
            waiting.append(host);
            continue;
        }
        std::deque<Job> &queue = queueIt.value();
        int runningHere = m_runningPerHost.value(host);
        QStringList blocked;
        bool startedHere = false;
        for (auto it = queue.begin();
             it != queue.end() && runningHere < m_limits.maxPerHost && running < m_limits.maxTotal;) {
            if (blocked.contains(it->budgetKey)) {
                ++it;
                continue;
            }
            RateBudget &budget = m_budgets.find(it->budgetKey).value();
            if (!budget.canAcquire(now)) {
                blocked.append(it->budgetKey);
                const Clock::time_point at = budget.availableAt(now);
                wake = std::min(wake, at);
                if (!budget.isParked(now) && !m_exhaustedReported.contains(it->budgetKey)) {
                    m_exhaustedReported.insert(it->budgetKey);
                    const Budget &info = m_budgetInfo[it->budgetKey];
                    const auto delay
                        = at == Clock::time_point::max() ? std::chrono::milliseconds(-1) : untilThen(now, at);
                    qCInfo(lcCloudScheduler).noquote()
                        << "budget" << info.bucket << "of" << host << "exhausted (" << budget.used(now) << "/"
                        << budget.capacity() << "in the window); waiting" << delay.count() << "ms";
                    Q_EMIT budgetExhausted(info.host, info.bucket, delay);
                }
                ++it;
                continue;
            }
            budget.acquire(now);
            m_exhaustedReported.remove(it->budgetKey);
            m_running.insert(it->ticket, Running{host, it->budgetKey});
            m_queuedHost.remove(it->ticket);
            --m_queuedCount;
            ++runningHere;
            ++running;
            startedHere = true;
            starts.push_back(std::move(it->start));
            it = queue.erase(it);
        }
        if (runningHere > 0)
            m_runningPerHost[host] = runningHere;
        if (queue.empty()) {
            m_queues.erase(queueIt);
            m_activeSet.remove(host);
        } else if (startedHere) {
            served.append(host);
        } else {
            waiting.append(host);
        }
    }
    m_activeHosts = waiting + served;
    m_peakRunning = std::max(m_peakRunning, running);

    m_wakeTimer.stop();
    if (wake != Clock::time_point::max())
        m_wakeTimer.start(std::max<std::chrono::milliseconds>(untilThen(now, wake), std::chrono::milliseconds(1)));

    if (m_budgets.size() > kBudgetSweepThreshold && now - m_lastSweep > kBudgetSweepInterval) {
        m_lastSweep = now;
        forgetIdleBudgets(now);
    }

    if (!starts.empty())
        qCDebug(lcCloudScheduler) << "starting" << starts.size() << "requests;" << running << "in flight,"
                                  << m_queuedCount << "queued";
    for (std::function<void()> &start : starts)
        start();
}

void RequestScheduler::forgetIdleBudgets(Clock::time_point now)
{
    QSet<QString> referenced;
    for (const std::deque<Job> &queue : std::as_const(m_queues)) {
        for (const Job &job : queue)
            referenced.insert(job.budgetKey);
    }
    for (const Running &running : std::as_const(m_running))
        referenced.insert(running.budgetKey);
    for (auto it = m_budgets.begin(); it != m_budgets.end();) {
        if (!referenced.contains(it.key()) && it->isIdle(now)) {
            m_budgetInfo.remove(it.key());
            m_exhaustedReported.remove(it.key());
            it = m_budgets.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Cloud
