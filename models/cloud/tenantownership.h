#pragma once

#include "cloud/botidentity.h"
#include "cloud/ownedresource.h"

#include <QList>
#include <QString>

namespace Cloud {

// What the ownership audit found on one tenant: its bot users, the owners it looked at and what
// they own. `error` says what could not be read (the tenant's results are then partial or empty).
struct TenantOwnership
{
    QString hostname;
    QList<BotIdentity> bots; // every bot user of the tenant, classified
    QList<User> owners; // the users whose content was listed (the selection)
    QList<OwnedResource> resources;
    QString error;
    int requests = 0; // list pages fetched for this tenant

    [[nodiscard]] const User *owner(const QString &userId) const;
    [[nodiscard]] const BotIdentity *bot(const QString &userId) const;
};

} // namespace Cloud
