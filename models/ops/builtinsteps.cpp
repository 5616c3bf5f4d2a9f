#include "ops/builtinsteps.h"

#include "ops/automationstep.h"
#include "ops/brandstep.h"
#include "ops/csporiginstep.h"
#include "ops/embedcheckstep.h"
#include "ops/groupsettingsstep.h"
#include "ops/groupstep.h"
#include "ops/jwtidentityproviderstep.h"
#include "ops/keyproviderstep.h"
#include "ops/licensestep.h"
#include "ops/oidcidentityproviderstep.h"
#include "ops/ownerchangestep.h"
#include "ops/ownershipdeletestep.h"
#include "ops/publishappstep.h"
#include "ops/recoveryadminstep.h"
#include "ops/spacestep.h"
#include "ops/stepregistry.h"
#include "ops/tenantstep.h"
#include "ops/visualpackagestep.h"
#include "ops/webintegrationstep.h"

namespace Ops {

void BuiltInSteps::registerAll(StepRegistry *registry, Secrets::SecretStore *keys)
{
    for (const StepType &type : {AutomationStep::type(),
                                 BrandStep::type(),
                                 CspOriginStep::type(),
                                 EmbedCheckStep::type(keys),
                                 GroupSettingsStep::type(),
                                 GroupStep::type(),
                                 JwtIdentityProviderStep::type(keys),
                                 KeyProviderStep::type(),
                                 LicenseStep::type(),
                                 OidcIdentityProviderStep::type(keys),
                                 OwnerChangeStep::type(),
                                 OwnershipDeleteStep::type(),
                                 PublishAppStep::type(),
                                 RecoveryAdminStep::type(),
                                 SpaceStep::type(),
                                 TenantStep::type(),
                                 VisualPackageStep::extensionType(),
                                 VisualPackageStep::themeType(),
                                 VisualPackageStep::extensionsByTagType(),
                                 VisualPackageStep::themesByTagType(),
                                 WebIntegrationStep::type()}) {
        // Only a broken built-in type (or registering twice) can fail: say so loudly.
        if (QString error; !registry->add(type, &error))
            qCritical("built-in step type not registered: %s", qPrintable(error));
    }
}

} // namespace Ops
