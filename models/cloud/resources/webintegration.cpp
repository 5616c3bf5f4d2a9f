#include "cloud/resources/webintegration.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

WebIntegration WebIntegration::read(JsonReader &reader)
{
    WebIntegration integration;
    integration.id = reader.requiredString(u"id");
    integration.name = reader.string(u"name");
    integration.validOrigins = reader.stringList(u"validOrigins");
    integration.tenantId = reader.string(u"tenantId");
    integration.createdBy = reader.string(u"createdBy");
    integration.created = reader.dateTime(u"created");
    integration.lastUpdated = reader.dateTime(u"lastUpdated");
    return integration;
}

} // namespace Cloud
