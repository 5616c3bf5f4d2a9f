#include "sandbox/sandboxclock.h"

namespace Sandbox {

SandboxClock::SandboxClock()
{
    m_monotonic.start();
}

QDateTime SandboxClock::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
}

qint64 SandboxClock::elapsedMs() const
{
    return m_monotonic.elapsed() + m_offsetMs;
}

void SandboxClock::advance(std::chrono::milliseconds by)
{
    if (by.count() > 0)
        m_offsetMs += by.count();
}

void SandboxClock::setTimeScale(double scale)
{
    m_timeScale = scale > 0 ? scale : 1.0;
}

QString SandboxClock::iso(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Sandbox
