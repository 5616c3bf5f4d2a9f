#pragma once

class CommandRegistry;

// tenantryctl republish: publish source apps to the managed space of many tenants as one journalled
// job of "publish-app" steps (issue 7), with a dry run and a per tenant and app report.
class RepublishCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
