#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A role of one tenant (`/v1/roles`, FACTS §5.3). Role ids differ per tenant: match by name.
struct Role
{
    QString id;
    QString name; // e.g. "TenantAdmin"; case sensitive
    QString type; // default | custom
    QString level; // admin | user
    QString description;
    QStringList permissions;
    QStringList assignedScopes;
    bool canEdit = false;
    bool canDelete = false;
    QString userEntitlementType; // "fullUser" when the role promotes basic users
    QString tenantId;
    QString createdBy;
    QString updatedBy;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;

    [[nodiscard]] static Role read(JsonReader &reader);
};

} // namespace Cloud
