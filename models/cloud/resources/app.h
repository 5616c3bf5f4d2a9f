#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Cloud {

class JsonReader;

// An analytics app: the `attributes` of an NxApp (`/v1/apps/{id}`, FACTS §10.1), or the
// `resourceAttributes` of an app item (`/v1/items?resourceType=app`, FACTS §11.1).
struct App
{
    QString id; // UUID
    QString name;
    QString description;
    QString owner; // deprecated, e.g. "qlikbot\<clientId>"
    QString ownerId;
    QString spaceId; // empty in a personal space
    QString originAppId; // published copies: the app they were published from
    bool published = false; // unreliable (FACTS §10.4): prefer originAppId and spaceId
    QDateTime publishTime;
    QDateTime createdDate;
    QDateTime modifiedDate;
    QDateTime lastReloadTime;
    QString usage;
    QString thumbnail;
    bool hasSectionAccess = false;
    bool encrypted = false;
    bool isDirectQueryMode = false;
    QJsonObject custom;
    QStringList privileges; // NxApp only: read, update, publish, change_owner, ...

    // The attributes object on its own (an item's resourceAttributes); `id` may be absent there.
    [[nodiscard]] static App readAttributes(JsonReader &attributes);
    // A whole NxApp: {"attributes": {...}, "privileges": [...]}.
    [[nodiscard]] static App read(JsonReader &reader);
};

} // namespace Cloud
