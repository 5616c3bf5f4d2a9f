#include "cloud/resources/assignedrole.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

AssignedRole AssignedRole::read(JsonReader &reader)
{
    AssignedRole role;
    role.id = reader.string(u"id");
    role.name = reader.requiredString(u"name");
    role.type = reader.string(u"type");
    role.level = reader.string(u"level");
    return role;
}

} // namespace Cloud
