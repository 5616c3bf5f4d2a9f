#pragma once

class CommandRegistry;

// tenantryctl users list: the users of one tenant, or only its bot users.
class UsersCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
