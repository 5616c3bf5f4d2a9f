#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A shared, managed or data space of one tenant (`/v1/spaces`, FACTS §7). Personal spaces
// have no representation here.
struct Space
{
    QString id; // 24-hex
    QString name; // unique per tenant
    QString type; // shared | managed | data
    QString description;
    QString ownerId;
    QString tenantId;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    QStringList roles; // meta.roles: the caller's roles in the space
    QStringList actions; // meta.actions: what the caller may do
    QStringList assignableRoles; // meta.assignableRoles

    [[nodiscard]] bool isManaged() const;
    [[nodiscard]] bool isShared() const;

    [[nodiscard]] static Space read(JsonReader &reader);
};

} // namespace Cloud
