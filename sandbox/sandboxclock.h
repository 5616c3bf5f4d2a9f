#pragma once

#include <QDateTime>
#include <QElapsedTimer>

#include <chrono>

namespace Sandbox {

// The sandbox's notion of time. Wall time and the monotonic clock can be moved forward through the
// control surface (tokens expire, purge dates pass, rate windows empty without waiting), and the
// time scale shrinks rate-limit windows and the Retry-After they produce.
class SandboxClock
{
public:
    SandboxClock();

    [[nodiscard]] QDateTime now() const; // UTC
    [[nodiscard]] qint64 elapsedMs() const; // monotonic, includes advances

    void advance(std::chrono::milliseconds by);
    [[nodiscard]] qint64 advancedMs() const { return m_offsetMs; }

    void setTimeScale(double scale);
    [[nodiscard]] double timeScale() const { return m_timeScale; }

    // Qlik's timestamp form: 2022-06-24T18:28:31.301Z.
    [[nodiscard]] static QString iso(const QDateTime &time);

private:
    QElapsedTimer m_monotonic;
    qint64 m_offsetMs = 0;
    double m_timeScale = 1.0;
};

} // namespace Sandbox
