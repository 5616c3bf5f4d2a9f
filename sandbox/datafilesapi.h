#pragma once

namespace Sandbox {

class Router;

// /v1/data-files (FACTS §11.2): list (the caller's personal space by default; ownerId across
// personal spaces; includeAllSpaces; name, baseNameWildcard, folders, sort; page cursor, default
// 20, at most 1000), get, and change-owner (204; root-level items only; a file in a personal space
// moves to the new owner's personal space, 409 when a file of that name is there already; 423 while
// the file is locked by an upload in progress; a folder takes its contents along).
class DataFilesApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
