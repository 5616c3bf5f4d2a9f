#include "cloud/resources/extension.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Extension Extension::read(JsonReader &reader)
{
    Extension extension;
    extension.id = reader.requiredString(u"id");
    extension.name = reader.string(u"name");
    extension.type = reader.string(u"type");
    extension.qextFilename = reader.string(u"qextFilename");
    extension.qextVersion = reader.string(u"qextVersion");
    extension.version = reader.string(u"version");
    extension.description = reader.string(u"description");
    extension.author = reader.string(u"author");
    extension.tenantId = reader.string(u"tenantId");
    extension.userId = reader.string(u"userId");
    extension.tags = reader.stringList(u"tags");
    extension.bundled = reader.boolean(u"bundled");
    extension.supernova = reader.boolean(u"supernova");
    JsonReader bundle = reader.object(u"bundle");
    extension.bundleId = bundle.string(u"id");
    extension.checksum = reader.string(u"checksum");
    JsonReader file = reader.object(u"file");
    extension.fileMd5 = file.string(u"md5");
    extension.fileContentLength = file.integer(u"contentLength");
    extension.createdAt = reader.dateTime(u"createdAt");
    extension.updatedAt = reader.has(u"updatedAt") ? reader.dateTime(u"updatedAt") : reader.dateTime(u"updateAt");
    return extension;
}

} // namespace Cloud
