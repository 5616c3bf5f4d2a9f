#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <deque>

namespace Sandbox {

class SandboxClock;

// Qlik's rate limits (FACTS §14.3): per (tenant, user, tier), over a sliding 5-minute window that
// allows limit-per-minute × 5 calls; a special tier is its own bucket. Beyond it: 429 with
// Retry-After in seconds until the oldest call leaves the window. The clock's time scale shrinks
// the window (and so the wait); tests can override limits per bucket or switch limits off.
class RateLimiter
{
public:
    explicit RateLimiter(const SandboxClock &clock);

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0;
    };

    // scope: the tenant id, "register:<region>" or "console"; who: the user id (or client id).
    [[nodiscard]] Decision check(const QString &scope, const QString &who, const QString &bucket, int limitPerMinute);

    // Back to Qlik's numbers and forget every recorded call.
    void reset();

    // Control surface: {"enabled": bool, "windowSeconds": n, "limits": {"tier1": n, "tier2": n,
    // "<METHOD> <path template>": n}} where limits are calls per window. Returns an error message.
    [[nodiscard]] QString configure(const QJsonObject &settings);
    [[nodiscard]] QJsonObject describe() const;

private:
    [[nodiscard]] int capacity(const QString &bucket, int limitPerMinute) const;

    const SandboxClock &m_clock;
    bool m_enabled = true;
    double m_windowSeconds = 300; // in sandbox seconds, before the time scale
    QHash<QString, int> m_overrides; // bucket -> calls per window
    QHash<QString, std::deque<qint64>> m_calls; // key -> call times (ms, clock.elapsedMs())
};

} // namespace Sandbox
