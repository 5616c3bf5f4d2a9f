#include "cloud/resources/automation.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Automation Automation::read(JsonReader &reader)
{
    Automation automation;
    automation.id = reader.requiredString(u"id");
    automation.name = reader.string(u"name");
    automation.description = reader.string(u"description");
    automation.state = reader.string(u"state");
    automation.runMode = reader.string(u"runMode");
    automation.ownerId = reader.string(u"ownerId");
    automation.spaceId = reader.string(u"spaceId");
    automation.lastRunStatus = reader.string(u"lastRunStatus");
    automation.lastRunAt = reader.dateTime(u"lastRunAt");
    automation.createdAt = reader.dateTime(u"createdAt");
    automation.updatedAt = reader.dateTime(u"updatedAt");
    return automation;
}

} // namespace Cloud
