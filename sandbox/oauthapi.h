#pragma once

namespace Sandbox {

class Router;
struct OAuthClient;
struct Tenant;
struct User;
class SandboxState;
class SandboxClock;

// /oauth/token on every host (FACTS §2): client credentials, host binding,
// region and org client rules, and the bot user a client gets on its first token for a tenant.
class OAuthApi
{
public:
    static void addRoutes(Router &router);

    // The client's bot user on the tenant, created on first use (FACTS §2.3): subject
    // qlikbot\<clientId>, clientId, TenantAdmin. A user.created audit event names the bot itself.
    static User &ensureBotUser(SandboxState &state, const SandboxClock &clock, Tenant &tenant,
                               const OAuthClient &client);
};

} // namespace Sandbox
