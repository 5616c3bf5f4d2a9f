#pragma once

#include <QDateTime>

namespace Sandbox {

struct Tenant;

// What a tenant does on its own between requests (FACTS §10.5, §12, §14.5): queued reloads start
// and finish, automation runs end. Nothing runs on timers; the sandbox settles a tenant to the
// clock's now before it answers a request about it or dumps its state, so advancing the clock
// (POST /__sandbox/clock/advance) is all a test needs to see work complete.
class BackgroundWork
{
public:
    static void settle(Tenant &tenant, const QDateTime &now);
};

} // namespace Sandbox
