#include "cloud/resources/role.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Role Role::read(JsonReader &reader)
{
    Role role;
    role.id = reader.requiredString(u"id");
    role.name = reader.requiredString(u"name");
    role.type = reader.string(u"type");
    role.level = reader.string(u"level");
    role.description = reader.string(u"description");
    role.permissions = reader.stringList(u"permissions");
    role.assignedScopes = reader.stringList(u"assignedScopes");
    role.canEdit = reader.boolean(u"canEdit");
    role.canDelete = reader.boolean(u"canDelete");
    role.userEntitlementType = reader.string(u"userEntitlementType");
    role.tenantId = reader.string(u"tenantId");
    role.createdBy = reader.string(u"createdBy");
    role.updatedBy = reader.string(u"updatedBy");
    role.createdAt = reader.dateTime(u"createdAt");
    role.lastUpdatedAt = reader.dateTime(u"lastUpdatedAt");
    return role;
}

} // namespace Cloud
