#pragma once

#include "cloud/resources/user.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace Cloud {

// A bot user of one tenant (FACTS §2.3) and what the audit concluded about its OAuth client.
struct BotIdentity
{
    enum class Standing {
        Active, // its client is one of the configured profiles and is not known to be gone
        Orphaned, // its client is known to be deleted: the bot stays behind owning content
        Unknown, // neither: a client of someone else, or one deleted where nobody can tell us
    };

    User user;
    Standing standing = Standing::Unknown;
    QString basis; // which rule gave the standing, for people
    // Its newest audit event (FACTS §13), when the audit asked (OwnershipAudit::Options::lastActivity);
    // invalid: no event within the audit log's retention, or not asked.
    QDateTime lastActivity;

    // The rule, in order: a client known to be deleted is orphaned (even when a stale profile still
    // names it); a configured client is active; anything else is unknown. Qlik has no API that lists
    // region clients (they are not in a tenant's OAuth client list, FACTS §2.2, §18.10), so
    // "deleted" is only known where something authoritative says so (the sandbox's state).
    [[nodiscard]] static BotIdentity classify(const User &bot, const QSet<QString> &configuredClientIds,
                                              const QSet<QString> &deletedClientIds);

    [[nodiscard]] static QString standingName(Standing standing); // "active" | "orphaned" | "unknown"
};

} // namespace Cloud
