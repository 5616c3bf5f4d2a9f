#pragma once

#include "cloud/botidentity.h"
#include "cloud/ownedresource.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Cloud {

// What the ownership audit found on one tenant: its bot users, the owners it looked at and what
// they own. `error` says what could not be read (the tenant's results are then partial or empty).
struct TenantOwnership
{
    QString hostname;
    QList<BotIdentity> bots; // every bot user of the tenant, classified
    QList<User> owners; // the users whose content was listed (the selection)
    QList<OwnedResource> resources;
    // People (not bots) holding TenantAdmin, directly or through a group: the management console
    // must not be given to end customers (issue 8), so each is a finding unless partner staff.
    QList<User> tenantAdmins;
    QString error;
    int requests = 0; // requests made for this tenant (list pages, last-activity reads)

    [[nodiscard]] const User *owner(const QString &userId) const;
    [[nodiscard]] const BotIdentity *bot(const QString &userId) const;
    // The tenantAdmins whose email domain is none of `partnerDomains` (lower case, e.g.
    // "acme-analytics.example"); all of them when no domain is given.
    [[nodiscard]] QList<User> customerAdmins(const QStringList &partnerDomains) const;
    // "example.com" for "Someone@Example.com"; empty without an "@".
    [[nodiscard]] static QString emailDomain(const QString &email);
    // A partner domain as typed ("@Acme.Example ") cleaned to compare with emailDomain()
    // ("acme.example"); empty when it is no email domain (nothing, an "@" inside, no dot).
    [[nodiscard]] static QString normalizedDomain(const QString &domain);
};

} // namespace Cloud
