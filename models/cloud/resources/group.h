#pragma once

#include "cloud/resources/assignedrole.h"

#include <QDateTime>
#include <QList>

namespace Cloud {

class JsonReader;

// A group of one tenant (`/v1/groups`, FACTS §5.2).
struct Group
{
    QString id; // 24-hex; the Everyone group is "000000000000000000000001"
    QString name;
    QString status; // active | disabled
    QString tenantId;
    QList<AssignedRole> assignedRoles;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;

    [[nodiscard]] static Group read(JsonReader &reader);
};

} // namespace Cloud
