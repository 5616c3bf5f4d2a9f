#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A visualization extension of one tenant (`/v1/extensions`, FACTS §9.1). Its name is unique
// per tenant; it can be addressed by id or by qextFilename.
struct Extension
{
    QString id; // 32 characters
    QString name;
    QString type; // "visualization"
    QString qextFilename;
    QString qextVersion;
    QString version;
    QString description;
    QString author;
    QString tenantId;
    QString userId;
    QStringList tags;
    bool bundled = false;
    bool supernova = false;
    QString bundleId; // bundle.id, when the extension belongs to a bundle
    QString checksum;
    QString fileMd5; // file.md5 of the uploaded zip
    qint64 fileContentLength = 0;
    QDateTime createdAt;
    QDateTime updatedAt; // `updateAt` in the spec, `updatedAt` in examples

    [[nodiscard]] static Extension read(JsonReader &reader);
};

} // namespace Cloud
