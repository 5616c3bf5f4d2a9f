#pragma once

namespace Sandbox {

class Router;

// The list of resource families the sandbox serves. A new family adds its XxxApi::addRoutes here.
class ApiFamilies
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
