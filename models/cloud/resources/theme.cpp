#include "cloud/resources/theme.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Theme Theme::read(JsonReader &reader)
{
    Theme theme;
    theme.id = reader.requiredString(u"id");
    theme.name = reader.string(u"name");
    theme.type = reader.string(u"type");
    theme.qextFilename = reader.string(u"qextFilename");
    theme.qextVersion = reader.string(u"qextVersion");
    theme.version = reader.string(u"version");
    theme.description = reader.string(u"description");
    theme.author = reader.string(u"author");
    theme.tenantId = reader.string(u"tenantId");
    theme.userId = reader.string(u"userId");
    theme.tags = reader.stringList(u"tags");
    JsonReader file = reader.object(u"file");
    theme.fileMd5 = file.string(u"md5");
    theme.fileContentLength = file.integer(u"contentLength");
    theme.createdAt = reader.dateTime(u"createdAt");
    theme.updatedAt = reader.has(u"updatedAt") ? reader.dateTime(u"updatedAt") : reader.dateTime(u"updateAt");
    return theme;
}

} // namespace Cloud
