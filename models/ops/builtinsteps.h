#pragma once

namespace Secrets {
class SecretStore;
}

namespace Ops {

class StepRegistry;

// The Qlik Cloud step types Tenantry ships, for the programs' registries (GUI and tenantryctl).
class BuiltInSteps
{
public:
    // Registers every built-in type: "csp-origin", "group", "jwt-idp", "licenses", "publish-app",
    // "recovery-admin", "space", "tenant", "web-integration". `keys` is where "jwt-idp" keeps its signing keys (the OS
    // keychain); without one, plans with that step still read and dry-run, and its apply fails saying the keychain is
    // needed.
    static void registerAll(StepRegistry *registry, Secrets::SecretStore *keys = nullptr);
};

} // namespace Ops
