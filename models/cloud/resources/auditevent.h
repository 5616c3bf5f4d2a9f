#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QUrl>

namespace Cloud {

class JsonReader;

// One audit event of a tenant (`/v1/audits`, FACTS §13), e.g. `com.qlik.v1.user.created`.
struct AuditEvent
{
    QString id;
    QString eventId;
    QString eventType; // case sensitive
    QString eventTypeVersion;
    QDateTime eventTime;
    QString source; // e.g. "com.qlik/users"
    QString userId;
    QString tenantId;
    QString contentType;
    QJsonObject data; // type-specific payload
    QString actorSubject; // extensions.actor.sub
    QString actorSubjectType; // extensions.actor.subType
    QString ownerId; // extensions.ownerId
    QString spaceId; // extensions.spaceId
    QString topLevelResourceId; // extensions.topLevelResourceId
    QUrl self;

    [[nodiscard]] static AuditEvent read(JsonReader &reader);
};

} // namespace Cloud
