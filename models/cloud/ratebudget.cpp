#include "cloud/ratebudget.h"

#include <algorithm>

namespace Cloud {

RateBudget::RateBudget(int capacity, std::chrono::milliseconds window)
    : m_capacity(std::max(1, capacity))
    , m_window(std::max(window, std::chrono::milliseconds(1)))
{ }

int RateBudget::capacityFor(int limitPerMinute)
{
    constexpr int kWindowMinutes = 5; // FACTS §14.3
    return std::max(1, limitPerMinute) * kWindowMinutes;
}

void RateBudget::prune(Clock::time_point now)
{
    while (!m_completed.empty() && m_completed.front() + m_window <= now)
        m_completed.pop_front();
}

int RateBudget::used(Clock::time_point now)
{
    prune(now);
    return m_inFlight + static_cast<int>(m_completed.size());
}

bool RateBudget::canAcquire(Clock::time_point now)
{
    return !isParked(now) && used(now) < m_capacity;
}

void RateBudget::acquire(Clock::time_point now)
{
    prune(now);
    ++m_inFlight;
}

void RateBudget::release(Clock::time_point completedAt)
{
    if (m_inFlight > 0)
        --m_inFlight;
    // Completions arrive in time order; keep the deque sorted even if a caller's clock reading lags.
    if (!m_completed.empty() && completedAt < m_completed.back())
        completedAt = m_completed.back();
    m_completed.push_back(completedAt);
}

RateBudget::Clock::time_point RateBudget::availableAt(Clock::time_point now)
{
    Clock::time_point earliest = std::max(now, m_parkedUntil);
    prune(now);
    const int over = m_inFlight + static_cast<int>(m_completed.size()) - m_capacity;
    if (over < 0)
        return earliest;
    // Room appears when enough completed requests leave the window; in-flight ones must end first.
    if (over >= static_cast<int>(m_completed.size()))
        return Clock::time_point::max();
    return std::max(earliest, m_completed.at(static_cast<size_t>(over)) + m_window);
}

void RateBudget::parkUntil(Clock::time_point until)
{
    m_parkedUntil = std::max(m_parkedUntil, until);
}

bool RateBudget::isIdle(Clock::time_point now)
{
    return !isParked(now) && used(now) == 0;
}

} // namespace Cloud
