#include "ops/builtinsteps.h"

#include "ops/groupstep.h"
#include "ops/licensestep.h"
#include "ops/publishappstep.h"
#include "ops/recoveryadminstep.h"
#include "ops/spacestep.h"
#include "ops/stepregistry.h"
#include "ops/tenantstep.h"

namespace Ops {

void BuiltInSteps::registerAll(StepRegistry *registry)
{
    for (const StepType &type : {GroupStep::type(), LicenseStep::type(), PublishAppStep::type(),
                                 RecoveryAdminStep::type(), SpaceStep::type(), TenantStep::type()}) {
        // Only a broken built-in type (or registering twice) can fail: say so loudly.
        if (QString error; !registry->add(type, &error))
            qCritical("built-in step type not registered: %s", qPrintable(error));
    }
}

} // namespace Ops
