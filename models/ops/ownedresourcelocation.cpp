#include "ops/ownedresourcelocation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// "a string value or nothing": owner and space fields are plain strings, or null when absent.
QString stringAt(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

} // namespace

QString OwnedResourceLocation::readPath() const
{
    if (type == "app"_L1)
        return u"/api/v1/apps/"_s + id;
    if (type == "space"_L1)
        return u"/api/v1/spaces/"_s + id;
    if (type == "automation"_L1)
        return u"/api/v1/items"_s; // see readQuery()
    if (type == "automation-connection"_L1)
        return u"/api/v1/automation-connections/"_s + id;
    if (type == "data-connection"_L1)
        return u"/api/v1/data-connections/"_s + id;
    return u"/api/v1/data-files/"_s + id; // data-file, data-folder
}

QUrlQuery OwnedResourceLocation::readQuery() const
{
    if (type != "automation"_L1)
        return {};
    return QUrlQuery{{u"resourceType"_s, u"automation"_s}, {u"resourceId"_s, id}, {u"noActions"_s, u"true"_s}};
}

bool OwnedResourceLocation::isMissingFromCatalog(const QByteArray &body) const
{
    return type == "automation"_L1 && QJsonDocument::fromJson(body).object().value(u"data"_s).toArray().isEmpty();
}

QString OwnedResourceLocation::deleteCall() const
{
    if (type == "app"_L1)
        return u"DELETE /api/v1/apps/"_s + id;
    if (type == "space"_L1)
        return u"DELETE /api/v1/spaces/"_s + id;
    if (type == "automation"_L1)
        return u"DELETE /api/v1/automations/"_s + id;
    if (type == "automation-connection"_L1)
        return u"DELETE /api/v1/automation-connections/"_s + id;
    if (type == "data-connection"_L1)
        return u"DELETE /api/v1/data-connections/"_s + id;
    return u"DELETE /api/v1/data-files/"_s + id; // a folder takes its content along (spec)
}

bool OwnedResourceLocation::read(const QByteArray &body, QString *ownerId, QString *spaceId, QString *error,
                                 QString *folderId) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        *error = u"the answer of GET %1 is not a JSON object"_s.arg(readPath());
        return false;
    }
    QJsonObject json = document.object();
    if (type == "automation"_L1) {
        const QJsonArray items = json.value(u"data"_s).toArray();
        if (items.isEmpty()) {
            *error = u"automation %1 is not in the catalog (GET /api/v1/items)"_s.arg(id);
            return false;
        }
        json = items.first().toObject();
    }
    if (type == "app"_L1) {
        const QJsonObject attributes = json.value(u"attributes"_s).toObject();
        *ownerId = stringAt(attributes, u"ownerId"_s);
        *spaceId = stringAt(attributes, u"spaceId"_s);
    } else if (type == "space"_L1) {
        *ownerId = stringAt(json, u"ownerId"_s);
        spaceId->clear(); // a space's owner needs no membership of it
    } else if (type == "data-connection"_L1) {
        *ownerId = stringAt(json, u"user"_s);
        *spaceId = stringAt(json, u"space"_s);
    } else {
        *ownerId = stringAt(json, u"ownerId"_s);
        *spaceId = stringAt(json, u"spaceId"_s);
        if (folderId)
            *folderId = stringAt(json, u"folderId"_s);
    }
    if (ownerId->isEmpty()) {
        *error = u"the answer of GET %1 names no owner"_s.arg(readPath());
        return false;
    }
    return true;
}

} // namespace Ops
