#pragma once

#include <QDateTime>

namespace Sandbox {

struct SandboxServices;

// The content families' delays (publish visibility, reload phases, automation runs) as points on
// the sandbox clock. Settings are in seconds and shrink with the time scale, like rate windows.
class ContentTimings
{
public:
    // now + seconds / timeScale.
    [[nodiscard]] static QDateTime after(const SandboxServices &services, double seconds);
    [[nodiscard]] static QDateTime after(const SandboxServices &services, const QDateTime &from, double seconds);
};

} // namespace Sandbox
