#pragma once

#include <chrono>
#include <deque>

namespace Cloud {

// The request budget of one (host, identity, rate bucket) over Qlik's evaluation window
// (FACTS §14.3: per tenant, per user, per tier, evaluated over 5 minutes, bursts allowed).
//
// A request counts from the moment it starts until one window after it completed: the server
// counts it when it arrives, which is between the two, so the client's view is never more generous
// than the server's and pacing by it provokes no 429. A 429's Retry-After parks the budget.
class RateBudget
{
public:
    using Clock = std::chrono::steady_clock;

    RateBudget(int capacity, std::chrono::milliseconds window);

    // Requests allowed per window for a per-minute tier limit: Qlik evaluates limit × 5 over 5 minutes.
    [[nodiscard]] static int capacityFor(int limitPerMinute);

    [[nodiscard]] bool canAcquire(Clock::time_point now);
    void acquire(Clock::time_point now); // a request starts
    void release(Clock::time_point completedAt); // it ended (answered, failed or aborted)

    // The earliest time a request may start: `now` when it may start now, Clock::time_point::max()
    // when only the end of a running request can free room.
    [[nodiscard]] Clock::time_point availableAt(Clock::time_point now);

    void parkUntil(Clock::time_point until);
    [[nodiscard]] bool isParked(Clock::time_point now) const { return now < m_parkedUntil; }
    [[nodiscard]] Clock::time_point parkedUntil() const { return m_parkedUntil; }

    [[nodiscard]] int used(Clock::time_point now); // in flight + completed within the window
    [[nodiscard]] int inFlight() const { return m_inFlight; }
    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] std::chrono::milliseconds window() const { return m_window; }
    // Nothing counted, nothing parked: the budget can be forgotten.
    [[nodiscard]] bool isIdle(Clock::time_point now);

private:
    void prune(Clock::time_point now);

    int m_capacity;
    std::chrono::milliseconds m_window;
    int m_inFlight = 0;
    std::deque<Clock::time_point> m_completed; // completion times, ascending
    Clock::time_point m_parkedUntil{};
};

} // namespace Cloud
