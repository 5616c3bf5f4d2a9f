#pragma once

#include "cloud/resources/app.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace Cloud {

class JsonReader;

// An entry of the unified content catalog (`/v1/items`, FACTS §11.1). The item id is not the
// resource's id: an app item's `resourceId` is the app id.
struct Item
{
    QString id; // item id, 24-hex
    QString name;
    QString description;
    QString resourceType; // app, automation, qvapp, ... (case sensitive)
    QString resourceSubType;
    QString resourceId;
    QString resourceLink;
    QJsonObject resourceAttributes; // type-specific, kept as sent
    QJsonObject resourceCustomAttributes;
    QString resourceReloadStatus;
    QDateTime resourceReloadEndTime;
    QDateTime resourceCreatedAt;
    QDateTime resourceUpdatedAt;
    QString ownerId;
    QString spaceId;
    QString tenantId;
    QString creatorId;
    QString updaterId;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool isFavorited = false;
    QStringList collectionIds;
    QString thumbnailId;
    QUrl self;

    // For resourceType "app": its resourceAttributes read strictly as an App.
    std::optional<App> app;

    [[nodiscard]] static Item read(JsonReader &reader);
};

} // namespace Cloud
