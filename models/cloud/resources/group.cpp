#include "cloud/resources/group.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Group Group::read(JsonReader &reader)
{
    Group group;
    group.id = reader.requiredString(u"id");
    group.name = reader.requiredString(u"name");
    group.status = reader.string(u"status");
    group.tenantId = reader.string(u"tenantId");
    group.assignedRoles = reader.list<AssignedRole>(u"assignedRoles", &AssignedRole::read);
    group.createdAt = reader.dateTime(u"createdAt");
    group.lastUpdatedAt = reader.dateTime(u"lastUpdatedAt");
    return group;
}

} // namespace Cloud
