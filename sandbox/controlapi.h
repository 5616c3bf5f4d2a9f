#pragma once

namespace Sandbox {

class Router;
class SandboxServer;

// The control surface under /__sandbox/ (any host; no auth, no rate limits, no faults, no
// latency; not counted as Qlik requests). See sandbox/README.md for the routes and their bodies.
class ControlApi
{
public:
    static void addRoutes(Router &router, SandboxServer &server);
};

} // namespace Sandbox
