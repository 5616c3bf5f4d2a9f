#include "cloud/resources/app.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

App App::readAttributes(JsonReader &attributes)
{
    App app;
    app.id = attributes.string(u"id");
    app.name = attributes.string(u"name");
    app.description = attributes.string(u"description");
    app.owner = attributes.string(u"owner");
    app.ownerId = attributes.string(u"ownerId");
    app.spaceId = attributes.string(u"spaceId");
    app.originAppId = attributes.string(u"originAppId");
    app.published = attributes.boolean(u"published");
    app.publishTime = attributes.dateTime(u"publishTime");
    app.createdDate = attributes.dateTime(u"createdDate");
    app.modifiedDate = attributes.dateTime(u"modifiedDate");
    app.lastReloadTime = attributes.dateTime(u"lastReloadTime");
    app.usage = attributes.string(u"usage");
    app.thumbnail = attributes.string(u"thumbnail");
    app.hasSectionAccess = attributes.boolean(u"hasSectionAccess");
    app.encrypted = attributes.boolean(u"encrypted");
    app.isDirectQueryMode = attributes.boolean(u"isDirectQueryMode");
    app.custom = attributes.rawObject(u"custom");
    return app;
}

App App::read(JsonReader &reader)
{
    JsonReader attributes = reader.requiredObject(u"attributes");
    App app = readAttributes(attributes);
    if (app.id.isEmpty())
        static_cast<void>(attributes.requiredString(u"id")); // records "attributes.id: missing"
    app.privileges = reader.stringList(u"privileges");
    return app;
}

} // namespace Cloud
