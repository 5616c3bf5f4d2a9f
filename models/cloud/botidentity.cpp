#include "cloud/botidentity.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

BotIdentity BotIdentity::classify(const User &bot, const QSet<QString> &configuredClientIds,
                                  const QSet<QString> &deletedClientIds)
{
    BotIdentity identity;
    identity.user = bot;
    if (deletedClientIds.contains(bot.clientId)) {
        identity.standing = Standing::Orphaned;
        identity.basis = u"its OAuth client was deleted"_s;
    } else if (configuredClientIds.contains(bot.clientId)) {
        identity.standing = Standing::Active;
        identity.basis = u"its OAuth client is a configured profile"_s;
    } else {
        identity.standing = Standing::Unknown;
        identity.basis = u"its OAuth client is not configured here and not known to be deleted"_s;
    }
    return identity;
}

QString BotIdentity::standingName(Standing standing)
{
    switch (standing) {
    case Standing::Active:
        return u"active"_s;
    case Standing::Orphaned:
        return u"orphaned"_s;
    case Standing::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

} // namespace Cloud
