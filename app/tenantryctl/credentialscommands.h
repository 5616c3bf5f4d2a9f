#pragma once

class CommandRegistry;

// tenantryctl credentials list | set | remove | import-qlik-cli: the OAuth client profiles and their secrets.
class CredentialsCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
