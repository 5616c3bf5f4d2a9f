#include "sandbox/contenttimings.h"

#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxservices.h"

#include <cmath>

namespace Sandbox {

QDateTime ContentTimings::after(const SandboxServices &services, double seconds)
{
    return after(services, services.clock.now(), seconds);
}

QDateTime ContentTimings::after(const SandboxServices &services, const QDateTime &from, double seconds)
{
    const double scale = services.clock.timeScale() > 0 ? services.clock.timeScale() : 1.0;
    return from.addMSecs(std::llround(seconds * 1000.0 / scale));
}

} // namespace Sandbox
