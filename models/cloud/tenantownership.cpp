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

QList<User> TenantOwnership::customerAdmins(const QStringList &partnerDomains) const
{
    QList<User> found;
    for (const User &admin : tenantAdmins) {
        if (partnerDomains.isEmpty() || !partnerDomains.contains(emailDomain(admin.email)))
            found.append(admin);
    }
    return found;
}

QString TenantOwnership::emailDomain(const QString &email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    return at < 0 ? QString() : email.mid(at + 1).trimmed().toLower();
}

QString TenantOwnership::normalizedDomain(const QString &domain)
{
    QString normalized = domain.trimmed().toLower();
    if (normalized.startsWith(u'@'))
        normalized.remove(0, 1);
    if (normalized.isEmpty() || normalized.contains(u'@') || !normalized.contains(u'.'))
        return {};
    return normalized;
}

} // namespace Cloud
