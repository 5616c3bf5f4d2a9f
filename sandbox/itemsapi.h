#pragma once

namespace Sandbox {

class Router;

// /v1/items (FACTS §11.1): the catalogue over apps and automations. Item ids are their own
// (24 hex), distinct from resource ids. Lists filter by resourceType (with subtype brackets),
// resourceId(s), spaceId (including "personal"), spaceType, shared, ownerId/notOwnerId,
// createdByUserId/notCreatedByUserId, id, name and query; sort on createdAt, updatedAt, name;
// page with next/prev. /publisheditems takes the ITEM id of a source app (FACTS §10.4). Every
// answer carries X-B3-Traceid. TenantAdmin sees every item (the ownership sweep of §11.2 needs it).
class ItemsApi
{
public:
    static void addRoutes(Router &router);
};

} // namespace Sandbox
