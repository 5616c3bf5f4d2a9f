#include "cloud/ownedresource.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

namespace {

OwnedResource read(const QJsonObject &json, const QString &type, const QString &idKey, const QString &nameKey,
                   const QString &ownerKey, const QString &spaceKey, const QString &createdKey, QString *error)
{
    OwnedResource resource;
    resource.type = type;
    resource.id = json.value(idKey).toString();
    resource.name = json.value(nameKey).toString();
    resource.ownerId = json.value(ownerKey).toString();
    resource.spaceId = json.value(spaceKey).toString(); // null or absent: personal
    resource.createdAt = QDateTime::fromString(json.value(createdKey).toString(), Qt::ISODateWithMs);
    if (resource.id.isEmpty())
        *error = u"'%1' is missing or not a string"_s.arg(idKey);
    else if (resource.type.isEmpty())
        *error = u"'resourceType' is missing or not a string"_s;
    return resource;
}

} // namespace

QJsonObject OwnedResource::toJson() const
{
    return {{u"ownerId"_s, ownerId},
            {u"type"_s, type},
            {u"id"_s, id},
            {u"name"_s, name},
            {u"spaceId"_s, spaceId.isEmpty() ? QJsonValue() : QJsonValue(spaceId)},
            {u"createdAt"_s, createdAt.isValid() ? QJsonValue(createdAt.toString(Qt::ISODateWithMs)) : QJsonValue()}};
}

OwnedResource OwnedResource::fromItem(const QJsonObject &item, QString *error)
{
    // FACTS §11.1: the item id is not the resource's; resourceId is the app id, automation id, ...
    return read(item, item.value(u"resourceType"_s).toString(), u"resourceId"_s, u"name"_s, u"ownerId"_s, u"spaceId"_s,
                u"resourceCreatedAt"_s, error);
}

OwnedResource OwnedResource::fromSpace(const QJsonObject &space, QString *error)
{
    return read(space, u"space"_s, u"id"_s, u"name"_s, u"ownerId"_s, u"id"_s, u"createdAt"_s, error);
}

OwnedResource OwnedResource::fromDataConnection(const QJsonObject &connection, QString *error)
{
    // The data-connections API names its fields qID, qName, user, space (SPEC DataConnection).
    return read(connection, u"data-connection"_s, u"qID"_s, u"qName"_s, u"user"_s, u"space"_s, u"created"_s, error);
}

OwnedResource OwnedResource::fromAutomationConnection(const QJsonObject &connection, QString *error)
{
    return read(connection, u"automation-connection"_s, u"id"_s, u"name"_s, u"ownerId"_s, u"spaceId"_s, u"createdAt"_s,
                error);
}

OwnedResource OwnedResource::fromDataFile(const QJsonObject &file, QString *error)
{
    const bool folder = file.value(u"folder"_s).toBool();
    return read(file, folder ? u"data-folder"_s : u"data-file"_s, u"id"_s, u"name"_s, u"ownerId"_s, u"spaceId"_s,
                u"createdDate"_s, error);
}

} // namespace Cloud
