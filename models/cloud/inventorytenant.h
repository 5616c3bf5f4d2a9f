#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Cloud {

class JsonReader;

// A tenant Tenantry knows without the organization API: added by hostname, or created by
// Tenantry itself. Keyed by its (lower-case) hostname.
struct InventoryTenant
{
    enum class Origin { Added, Created };

    QString hostname; // e.g. "acme.eu.qlikcloud.com"
    QString region; // region id, e.g. "eu"; derived from a *.<region>.qlikcloud.com hostname
    QString tenantId; // when known
    QString name; // Qlik's generated tenant name, when known
    QString label; // free text
    Origin origin = Origin::Added;
    QDateTime addedAt;

    // A tenant for `hostname` (trimmed, lower-cased) with the region taken from the hostname.
    [[nodiscard]] static InventoryTenant fromHostname(const QString &hostname);
    // "eu" for "acme.eu.qlikcloud.com"; empty for hosts that do not show a region.
    [[nodiscard]] static QString regionOfHostname(const QString &hostname);

    // Empty when the entry is usable; otherwise what is wrong, naming the field.
    [[nodiscard]] QString validationError() const;

    [[nodiscard]] static QString originName(Origin origin); // "added" | "created"
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static InventoryTenant read(JsonReader &reader);

    friend bool operator==(const InventoryTenant &, const InventoryTenant &) = default;
};

} // namespace Cloud
