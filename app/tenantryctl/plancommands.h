#pragma once

class CommandRegistry;

// tenantryctl plan FILE | apply FILE: a plan's dry run, and applying it as a journalled job that a
// later `apply --resume` completes after a crash or kill.
class PlanCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
