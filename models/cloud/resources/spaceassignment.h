#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A user's or group's membership of a space (`/v1/spaces/{id}/assignments`, FACTS §7).
struct SpaceAssignment
{
    QString id;
    QString type; // user | group
    QString assigneeId; // the user or group id
    QStringList roles; // e.g. ["consumer"]
    QString spaceId;
    QString tenantId;
    QString createdBy;
    QString updatedBy;
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] static SpaceAssignment read(JsonReader &reader);
};

} // namespace Cloud
