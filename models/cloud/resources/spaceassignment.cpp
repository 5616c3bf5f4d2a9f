#include "cloud/resources/spaceassignment.h"

#include "cloud/resources/jsonreader.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

SpaceAssignment SpaceAssignment::read(JsonReader &reader)
{
    SpaceAssignment assignment;
    assignment.id = reader.requiredString(u"id");
    assignment.type = reader.requiredString(u"type");
    reader.expectOneOf(u"type", assignment.type, {u"user"_s, u"group"_s});
    assignment.assigneeId = reader.requiredString(u"assigneeId");
    assignment.roles = reader.stringList(u"roles");
    assignment.spaceId = reader.string(u"spaceId");
    assignment.tenantId = reader.string(u"tenantId");
    assignment.createdBy = reader.string(u"createdBy");
    assignment.updatedBy = reader.string(u"updatedBy");
    assignment.createdAt = reader.dateTime(u"createdAt");
    assignment.updatedAt = reader.dateTime(u"updatedAt");
    return assignment;
}

} // namespace Cloud
