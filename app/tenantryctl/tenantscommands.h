#pragma once

class CommandRegistry;

// tenantryctl tenants list | add | remove: tenants from the organization API and the local
// inventory of tenants added by hostname.
class TenantsCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
