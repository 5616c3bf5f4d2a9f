#include "cloud/resources/space.h"

#include "cloud/resources/jsonreader.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

bool Space::isManaged() const
{
    return type == "managed"_L1;
}

bool Space::isShared() const
{
    return type == "shared"_L1;
}

Space Space::read(JsonReader &reader)
{
    Space space;
    space.id = reader.requiredString(u"id");
    space.name = reader.requiredString(u"name");
    space.type = reader.string(u"type");
    space.description = reader.string(u"description");
    space.ownerId = reader.string(u"ownerId");
    space.tenantId = reader.string(u"tenantId");
    space.createdBy = reader.string(u"createdBy");
    space.createdAt = reader.dateTime(u"createdAt");
    space.updatedAt = reader.dateTime(u"updatedAt");
    JsonReader meta = reader.object(u"meta");
    space.roles = meta.stringList(u"roles");
    space.actions = meta.stringList(u"actions");
    space.assignableRoles = meta.stringList(u"assignableRoles");
    return space;
}

} // namespace Cloud
