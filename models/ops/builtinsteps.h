#pragma once

namespace Ops {

class StepRegistry;

// The Qlik Cloud step types Tenantry ships, for the programs' registries (GUI and tenantryctl).
class BuiltInSteps
{
public:
    // Registers every built-in type: "group", "licenses", "recovery-admin", "space", "tenant".
    static void registerAll(StepRegistry *registry);
};

} // namespace Ops
