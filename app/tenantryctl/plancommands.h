#pragma once

class CommandRegistry;

// tenantryctl plan FILE | apply FILE: a plan's dry run, and applying it as a journalled job that a
// later `apply --resume` completes after a crash or kill. A plan that deletes content ("delete" steps)
// is applied, or resumed, only with --yes.
class PlanCommands
{
public:
    static void registerIn(CommandRegistry &registry);
};
