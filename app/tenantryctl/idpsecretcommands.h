#pragma once

class CommandRegistry;

// tenantryctl idp-secret set | remove: the client secrets of customers' interactive (OIDC) identity
// providers, which "oidc-idp" plan steps name by entry and read from the keychain only.
class IdpSecretCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
