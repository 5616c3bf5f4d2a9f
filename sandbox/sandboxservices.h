#pragma once

namespace Sandbox {

class FaultInjector;
class RateLimiter;
class ReloadFailures;
class SandboxClock;
class SandboxState;
class TokenAuthority;
struct SandboxOptions;

// The parts of a running sandbox that handlers may use, all owned by SandboxServer and living in
// its thread. Resource handlers normally need only state, clock and authority.
struct SandboxServices
{
    SandboxState &state;
    SandboxClock &clock;
    TokenAuthority &authority;
    RateLimiter &rateLimiter;
    FaultInjector &faults;
    ReloadFailures &reloadFailures;
    SandboxOptions &options;
};

} // namespace Sandbox
