#include "cloud/resources/auditevent.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

AuditEvent AuditEvent::read(JsonReader &reader)
{
    AuditEvent event;
    event.id = reader.requiredString(u"id");
    event.eventId = reader.string(u"eventId");
    event.eventType = reader.requiredString(u"eventType");
    event.eventTypeVersion = reader.string(u"eventTypeVersion");
    event.eventTime = reader.dateTime(u"eventTime");
    event.source = reader.string(u"source");
    event.userId = reader.string(u"userId");
    event.tenantId = reader.string(u"tenantId");
    event.contentType = reader.string(u"contentType");
    event.data = reader.rawObject(u"data");
    JsonReader extensions = reader.object(u"extensions");
    JsonReader actor = extensions.object(u"actor");
    event.actorSubject = actor.string(u"sub");
    event.actorSubjectType = actor.string(u"subType");
    event.ownerId = extensions.string(u"ownerId");
    event.spaceId = extensions.string(u"spaceId");
    event.topLevelResourceId = extensions.string(u"topLevelResourceId");
    JsonReader links = reader.object(u"links");
    event.self = links.href(u"self");
    return event;
}

} // namespace Cloud
