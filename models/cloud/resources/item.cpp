#include "cloud/resources/item.h"

#include "cloud/resources/jsonreader.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

Item Item::read(JsonReader &reader)
{
    Item item;
    item.id = reader.requiredString(u"id");
    item.name = reader.string(u"name");
    item.description = reader.string(u"description");
    item.resourceType = reader.requiredString(u"resourceType");
    item.resourceSubType = reader.string(u"resourceSubType");
    item.resourceId = reader.string(u"resourceId");
    item.resourceLink = reader.string(u"resourceLink");
    item.resourceAttributes = reader.rawObject(u"resourceAttributes");
    item.resourceCustomAttributes = reader.rawObject(u"resourceCustomAttributes");
    item.resourceReloadStatus = reader.string(u"resourceReloadStatus");
    item.resourceReloadEndTime = reader.dateTime(u"resourceReloadEndTime");
    item.resourceCreatedAt = reader.dateTime(u"resourceCreatedAt");
    item.resourceUpdatedAt = reader.dateTime(u"resourceUpdatedAt");
    item.ownerId = reader.string(u"ownerId");
    item.spaceId = reader.string(u"spaceId");
    item.tenantId = reader.string(u"tenantId");
    item.creatorId = reader.string(u"creatorId");
    item.updaterId = reader.string(u"updaterId");
    item.createdAt = reader.dateTime(u"createdAt");
    item.updatedAt = reader.dateTime(u"updatedAt");
    item.isFavorited = reader.boolean(u"isFavorited");
    item.collectionIds = reader.stringList(u"collectionIds");
    item.thumbnailId = reader.string(u"thumbnailId");
    JsonReader links = reader.object(u"links");
    item.self = links.href(u"self");

    if (item.resourceType == "app"_L1) {
        JsonReader attributes = reader.object(u"resourceAttributes");
        App app = App::readAttributes(attributes);
        if (app.id.isEmpty())
            app.id = item.resourceId;
        if (app.name.isEmpty())
            app.name = item.name;
        if (reader.ok())
            item.app = std::move(app);
    }
    return item;
}

} // namespace Cloud
