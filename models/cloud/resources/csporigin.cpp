#include "cloud/resources/csporigin.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

CspOrigin CspOrigin::read(JsonReader &reader)
{
    CspOrigin entry;
    entry.id = reader.string(u"id");
    entry.origin = reader.requiredString(u"origin");
    entry.name = reader.string(u"name");
    entry.description = reader.string(u"description");
    entry.childSrc = reader.boolean(u"childSrc");
    entry.connectSrc = reader.boolean(u"connectSrc");
    entry.connectSrcWSS = reader.boolean(u"connectSrcWSS");
    entry.fontSrc = reader.boolean(u"fontSrc");
    entry.formAction = reader.boolean(u"formAction");
    entry.frameAncestors = reader.boolean(u"frameAncestors");
    entry.frameSrc = reader.boolean(u"frameSrc");
    entry.imgSrc = reader.boolean(u"imgSrc");
    entry.mediaSrc = reader.boolean(u"mediaSrc");
    entry.objectSrc = reader.boolean(u"objectSrc");
    entry.scriptSrc = reader.boolean(u"scriptSrc");
    entry.styleSrc = reader.boolean(u"styleSrc");
    entry.workerSrc = reader.boolean(u"workerSrc");
    entry.createdDate = reader.dateTime(u"createdDate");
    entry.modifiedDate = reader.dateTime(u"modifiedDate");
    return entry;
}

} // namespace Cloud
