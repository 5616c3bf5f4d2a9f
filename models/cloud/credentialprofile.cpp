#include "cloud/credentialprofile.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

QString credentialTierName(CredentialTier tier)
{
    switch (tier) {
    case CredentialTier::Organization:
        return u"organization"_s;
    case CredentialTier::Region:
        return u"region"_s;
    case CredentialTier::Tenant:
        return u"tenant"_s;
    }
    return {};
}

bool parseCredentialTier(const QString &name, CredentialTier *tier)
{
    for (const CredentialTier candidate :
         {CredentialTier::Organization, CredentialTier::Region, CredentialTier::Tenant}) {
        if (name.compare(credentialTierName(candidate), Qt::CaseInsensitive) == 0) {
            *tier = candidate;
            return true;
        }
    }
    return false;
}

QString CredentialProfile::validationError() const
{
    static const QRegularExpression namePattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    static const QRegularExpression regionPattern(u"^[a-z]{2}$"_s);
    static const QRegularExpression hostPattern(
        u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"_s);

    if (!namePattern.match(name).hasMatch())
        return u"profile name '%1' must be 1 to 64 letters, digits, '-' or '_'"_s.arg(name);
    if (clientId.trimmed().isEmpty())
        return u"profile '%1': the client id is empty"_s.arg(name);
    static const QRegularExpression subscriptionPattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    switch (tier) {
    case CredentialTier::Organization:
        for (const QString &subscription : subscriptionIds) {
            if (!subscriptionPattern.match(subscription).hasMatch())
                return u"profile '%1': subscription id '%2' is not a subscription (license) number"_s.arg(name,
                                                                                                          subscription);
        }
        break;
    case CredentialTier::Region:
        if (!regionPattern.match(region).hasMatch())
            return u"profile '%1': region '%2' is not a region id such as 'eu' or 'us'"_s.arg(name, region);
        break;
    case CredentialTier::Tenant:
        if (!hostPattern.match(tenantHost).hasMatch())
            return u"profile '%1': tenant host '%2' is not a hostname such as 'acme.eu.qlikcloud.com'"_s.arg(
                name, tenantHost);
        break;
    }
    return {};
}

} // namespace Cloud
