#include "sandbox/apifamilies.h"

#include "sandbox/appsapi.h"
#include "sandbox/auditsapi.h"
#include "sandbox/automationconnectionsapi.h"
#include "sandbox/automationsapi.h"
#include "sandbox/brandsapi.h"
#include "sandbox/csporiginsapi.h"
#include "sandbox/dataconnectionsapi.h"
#include "sandbox/datafilesapi.h"
#include "sandbox/groupsapi.h"
#include "sandbox/identityprovidersapi.h"
#include "sandbox/itemsapi.h"
#include "sandbox/jwtsessionapi.h"
#include "sandbox/keyprovidersapi.h"
#include "sandbox/licensesapi.h"
#include "sandbox/oauthapi.h"
#include "sandbox/orgtenantsapi.h"
#include "sandbox/reloadsapi.h"
#include "sandbox/rolesapi.h"
#include "sandbox/spacesapi.h"
#include "sandbox/tempcontentsapi.h"
#include "sandbox/tenantsapi.h"
#include "sandbox/usersapi.h"
#include "sandbox/visualpackagesapi.h"
#include "sandbox/webintegrationsapi.h"

namespace Sandbox {

void ApiFamilies::addRoutes(Router &router)
{
    OAuthApi::addRoutes(router);
    UsersApi::addRoutes(router);
    GroupsApi::addRoutes(router);
    RolesApi::addRoutes(router);
    SpacesApi::addRoutes(router);
    TenantsApi::addRoutes(router);
    OrgTenantsApi::addRoutes(router);
    LicensesApi::addRoutes(router);
    AppsApi::addRoutes(router);
    TempContentsApi::addRoutes(router);
    ItemsApi::addRoutes(router);
    ReloadsApi::addRoutes(router);
    AutomationsApi::addRoutes(router);
    AutomationConnectionsApi::addRoutes(router);
    DataConnectionsApi::addRoutes(router);
    DataFilesApi::addRoutes(router);
    IdentityProvidersApi::addRoutes(router);
    JwtSessionApi::addRoutes(router);
    CspOriginsApi::addRoutes(router);
    WebIntegrationsApi::addRoutes(router);
    VisualPackagesApi::addRoutes(router);
    BrandsApi::addRoutes(router);
    KeyProvidersApi::addRoutes(router);
    AuditsApi::addRoutes(router);
}

} // namespace Sandbox
