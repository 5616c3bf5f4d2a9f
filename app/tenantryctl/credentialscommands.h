#pragma once

class CommandRegistry;

// tenantryctl credentials list | set | remove: the OAuth client profiles and their secrets.
class CredentialsCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
