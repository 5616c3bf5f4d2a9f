#include "sandbox/backgroundwork.h"

#include "sandbox/automationengine.h"
#include "sandbox/reloadsapi.h"

namespace Sandbox {

void BackgroundWork::settle(Tenant &tenant, const QDateTime &now)
{
    ReloadsApi::settle(tenant, now);
    AutomationEngine::settle(tenant, now);
}

} // namespace Sandbox
