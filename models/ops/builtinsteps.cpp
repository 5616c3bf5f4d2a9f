#include "ops/builtinsteps.h"

#include "ops/groupstep.h"
#include "ops/spacestep.h"
#include "ops/stepregistry.h"

namespace Ops {

void BuiltInSteps::registerAll(StepRegistry *registry)
{
    for (const StepType &type : {GroupStep::type(), SpaceStep::type()}) {
        QString error;
        const bool added = registry->add(type, &error);
        Q_ASSERT_X(added, "BuiltInSteps::registerAll", qPrintable(error));
    }
}

} // namespace Ops
