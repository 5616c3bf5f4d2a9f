#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A theme of one tenant (`/v1/themes`, FACTS §9.2): the same pattern as extensions.
struct Theme
{
    QString id;
    QString name;
    QString type; // "theme"
    QString qextFilename;
    QString qextVersion;
    QString version;
    QString description;
    QString author;
    QString tenantId;
    QString userId;
    QStringList tags;
    QString fileMd5;
    qint64 fileContentLength = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] static Theme read(JsonReader &reader);
};

} // namespace Cloud
