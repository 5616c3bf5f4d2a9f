#pragma once

#include <QString>

namespace Cloud {

class JsonReader;

// A role as embedded in users and groups: `assignedRoles[{id, name, type, level}]` (FACTS §5.1).
struct AssignedRole
{
    QString id;
    QString name; // e.g. "TenantAdmin"; case sensitive
    QString type; // default | custom
    QString level; // admin | user

    [[nodiscard]] static AssignedRole read(JsonReader &reader);
    friend bool operator==(const AssignedRole &, const AssignedRole &) = default;
};

} // namespace Cloud
