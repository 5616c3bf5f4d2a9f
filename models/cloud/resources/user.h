#pragma once

#include "cloud/resources/assignedrole.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A user of one tenant (`/v1/users`, FACTS §5.1). Bot users, the identities behind OAuth M2M
// clients, carry `clientId` and the subject `qlikbot\<clientId>` (FACTS §2.3).
struct User
{
    struct AssignedGroup
    {
        QString id;
        QString name;
        QString providerType; // idp | custom
        QList<AssignedRole> assignedRoles;

        [[nodiscard]] static AssignedGroup read(JsonReader &reader);
    };

    QString id; // 24-hex, differs per tenant
    QString tenantId;
    QString subject; // the same in every tenant for the same person or client
    QString name;
    QString email;
    QString status; // active | invited | disabled | deleted | provisioned
    QString clientId; // bot users only
    QList<AssignedRole> assignedRoles;
    QList<AssignedGroup> assignedGroups;
    QStringList assignedScopes;
    QString locale;
    QString zoneinfo;
    QString preferredLocale;
    QString preferredZoneinfo;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;

    [[nodiscard]] bool isBot() const;
    [[nodiscard]] bool hasRole(const QString &roleName) const;
    // The subject Qlik gives the bot user of an OAuth client: "qlikbot\<clientId>".
    [[nodiscard]] static QString botSubject(const QString &clientId);

    [[nodiscard]] static User read(JsonReader &reader);
};

} // namespace Cloud
