#pragma once

class CommandRegistry;

// tenantryctl ownership audit: bot users across tenants, whether their OAuth client is still
// there, and everything they (or a chosen user) own.
class OwnershipCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
