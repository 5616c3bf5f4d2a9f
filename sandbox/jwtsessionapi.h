#pragma once

namespace Sandbox {

class Router;

// POST /login/jwt-session (FACTS §2.4): exchanges a signed JWT for a session cookie.
//
// The JWT must verify with the static key of an active jwtAuth IdP of the tenant (header kid,
// claim iss), be signed with RS*, PS* or ES* (never HS* or none), and carry aud
// "qlik.api/login/jwt-session", sub, subType "user", name, email, email_verified, a jti not used
// before, iat, nbf and exp with exp - nbf <= 1 hour, all within the IdP's clockToleranceSec.
// The first login creates the user (createNewUsersOnLogin), names in `groups` join existing groups
// or, with autoCreateGroups, create them; an auto-assign license setting gives the user a seat.
//
// The answer sets the cookie eas.sid; sent back as `Cookie: eas.sid=<value>` it authenticates
// that user on this tenant's API like a bearer token does (TokenAuthority), which is how tests
// and the onboarding check act as an end user.
class JwtSessionApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
