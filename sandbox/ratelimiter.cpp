#include "sandbox/ratelimiter.h"

#include "sandbox/sandboxclock.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

RateLimiter::RateLimiter(const SandboxClock &clock)
    : m_clock(clock)
{ }

void RateLimiter::reset()
{
    m_enabled = true;
    m_windowSeconds = 300;
    m_overrides.clear();
    m_calls.clear();
}

int RateLimiter::capacity(const QString &bucket, int limitPerMinute) const
{
    if (const auto it = m_overrides.constFind(bucket); it != m_overrides.constEnd())
        return *it;
    return static_cast<int>(std::lround(limitPerMinute * m_windowSeconds / 60.0));
}

RateLimiter::Decision RateLimiter::check(const QString &scope, const QString &who, const QString &bucket,
                                         int limitPerMinute)
{
    if (!m_enabled || bucket.isEmpty())
        return {};
    const qint64 now = m_clock.elapsedMs();
    const auto windowMs = static_cast<qint64>(m_windowSeconds * 1000.0 / m_clock.timeScale());
    std::deque<qint64> &calls = m_calls[scope + u'|' + who + u'|' + bucket];
    while (!calls.empty() && calls.front() <= now - windowMs)
        calls.pop_front();
    if (static_cast<qint64>(calls.size()) < capacity(bucket, limitPerMinute)) {
        calls.push_back(now);
        return {};
    }
    // Wait until the oldest call leaves the window; Retry-After is whole seconds, at least 1.
    const qint64 waitMs = calls.empty() ? windowMs : calls.front() + windowMs - now;
    const int seconds = std::max(1, static_cast<int>((waitMs + 999) / 1000));
    return {false, seconds};
}

QString RateLimiter::configure(const QJsonObject &settings)
{
    if (settings.contains(u"enabled"_s)) {
        if (!settings.value(u"enabled"_s).isBool())
            return u"'enabled' must be a boolean"_s;
        m_enabled = settings.value(u"enabled"_s).toBool();
    }
    if (settings.contains(u"windowSeconds"_s)) {
        const double seconds = settings.value(u"windowSeconds"_s).toDouble(-1);
        if (seconds <= 0)
            return u"'windowSeconds' must be a positive number"_s;
        m_windowSeconds = seconds;
    }
    if (settings.contains(u"limits"_s)) {
        if (!settings.value(u"limits"_s).isObject())
            return u"'limits' must be an object of bucket -> calls per window"_s;
        const QJsonObject limits = settings.value(u"limits"_s).toObject();
        for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
            const double value = it.value().toDouble(-1);
            if (it.value().isNull()) {
                m_overrides.remove(it.key());
                continue;
            }
            if (value < 0 || std::trunc(value) != value)
                return u"limit for '%1' must be a non-negative integer"_s.arg(it.key());
            m_overrides.insert(it.key(), static_cast<int>(value));
        }
    }
    m_calls.clear();
    return {};
}

QJsonObject RateLimiter::describe() const
{
    QJsonObject limits;
    for (auto it = m_overrides.constBegin(); it != m_overrides.constEnd(); ++it)
        limits.insert(it.key(), it.value());
    return {{u"enabled"_s, m_enabled}, {u"windowSeconds"_s, m_windowSeconds}, {u"limits"_s, limits}};
}

} // namespace Sandbox
