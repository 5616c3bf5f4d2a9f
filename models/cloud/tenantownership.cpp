#include "cloud/tenantownership.h"

namespace Cloud {

const User *TenantOwnership::owner(const QString &userId) const
{
    for (const User &user : owners) {
        if (user.id == userId)
            return &user;
    }
    return nullptr;
}

const BotIdentity *TenantOwnership::bot(const QString &userId) const
{
    for (const BotIdentity &identity : bots) {
        if (identity.user.id == userId)
            return &identity;
    }
    return nullptr;
}

} // namespace Cloud
