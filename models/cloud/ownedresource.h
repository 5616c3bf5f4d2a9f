#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Cloud {

// One thing a user owns on one tenant, as the ownership audit lists it (FACTS §11.2): an item of
// the catalog (apps, automations, ...), a space, a data connection or a data file.
struct OwnedResource
{
    QString ownerId; // the tenant-local user id
    QString type; // the item's resourceType ("app", "automation", ...), or space, data-connection,
                  // automation-connection, data-file, data-folder
    QString id; // the resource's own id (an app id, not its item id)
    QString name;
    QString spaceId; // empty: personal
    QDateTime createdAt;

    [[nodiscard]] QJsonObject toJson() const;

    // Readers for one list entry of each source; an entry without an id leaves `error` naming it.
    [[nodiscard]] static OwnedResource fromItem(const QJsonObject &item, QString *error);
    [[nodiscard]] static OwnedResource fromSpace(const QJsonObject &space, QString *error);
    [[nodiscard]] static OwnedResource fromDataConnection(const QJsonObject &connection, QString *error);
    [[nodiscard]] static OwnedResource fromAutomationConnection(const QJsonObject &connection, QString *error);
    [[nodiscard]] static OwnedResource fromDataFile(const QJsonObject &file, QString *error);
};

} // namespace Cloud
