#pragma once

class CommandRegistry;

// tenantryctl spaces list: the shared, managed and data spaces of one tenant.
class SpacesCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
