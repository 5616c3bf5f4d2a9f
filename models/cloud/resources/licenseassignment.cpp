#include "cloud/resources/licenseassignment.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

LicenseAssignment LicenseAssignment::read(JsonReader &reader)
{
    LicenseAssignment assignment;
    assignment.subject = reader.requiredString(u"subject");
    assignment.type = reader.requiredString(u"type");
    assignment.excess = reader.boolean(u"excess");
    assignment.created = reader.dateTime(u"created");
    return assignment;
}

} // namespace Cloud
