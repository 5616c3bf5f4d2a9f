#include "sandbox/apifamilies.h"

#include "sandbox/oauthapi.h"
#include "sandbox/spacesapi.h"
#include "sandbox/usersapi.h"

namespace Sandbox {

void ApiFamilies::addRoutes(Router &router)
{
    OAuthApi::addRoutes(router);
    UsersApi::addRoutes(router);
    SpacesApi::addRoutes(router);
}

} // namespace Sandbox
