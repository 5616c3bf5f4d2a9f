#pragma once

class CommandRegistry;

// tenantryctl apps list: the apps of one tenant (through the items catalog), optionally of one space.
class AppsCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
