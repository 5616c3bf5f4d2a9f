#include "cloud/credentialrouter.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

CredentialRouter::Choice refuse(ApiError::Kind kind, const QString &detail)
{
    return {{}, ApiError(kind, detail)};
}

QString configuredRegions(const QList<CredentialProfile> &profiles)
{
    QStringList regions;
    for (const CredentialProfile &profile : profiles) {
        if (profile.tier == CredentialTier::Region && !regions.contains(profile.region))
            regions.append(profile.region);
    }
    regions.sort();
    return regions.isEmpty() ? u"none"_s : regions.join(u", "_s);
}

} // namespace

void CredentialRouter::setProfiles(const QList<CredentialProfile> &profiles)
{
    m_profiles = profiles;
    // Deterministic choice when several profiles fit equally: by name.
    std::sort(m_profiles.begin(), m_profiles.end(),
              [](const CredentialProfile &a, const CredentialProfile &b) { return a.name < b.name; });
}

const CredentialProfile *CredentialRouter::profile(const QString &name) const
{
    for (const CredentialProfile &candidate : m_profiles) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

void CredentialRouter::setHostRegion(const QString &hostname, const QString &regionId)
{
    m_hostRegions.insert(hostname.trimmed().toLower(), regionId.trimmed().toLower());
}

QString CredentialRouter::regionOf(const CloudHost &host, const QString &hint, QString *conflict) const
{
    QString normalizedHint = hint.trimmed().toLower();
    QString region = host.regionId();
    if (region.isEmpty())
        region = m_hostRegions.value(host.hostname());
    if (region.isEmpty())
        return normalizedHint;
    if (conflict && !normalizedHint.isEmpty() && normalizedHint != region)
        *conflict = u"host '%1' is in region '%2', but the request expected region '%3'"_s.arg(host.hostname(), region,
                                                                                               normalizedHint);
    return region;
}

CredentialRouter::Choice CredentialRouter::checkFit(const CredentialProfile &profile, const CloudHost &host,
                                                    const QString &region) const
{
    switch (profile.tier) {
    case CredentialTier::Organization:
        if (host.kind() != CloudHost::Kind::Organization)
            return refuse(ApiError::Kind::NoCredentials,
                          u"profile '%1' is an organization client: it works on console.qlikcloud.com only, not on "
                          "'%2'"_s.arg(profile.name, host.hostname()));
        break;
    case CredentialTier::Region:
        if (host.kind() == CloudHost::Kind::Organization)
            return refuse(ApiError::Kind::NoCredentials,
                          u"profile '%1' is a region client: it does not work on the organization host '%2'"_s.arg(
                              profile.name, host.hostname()));
        if (!region.isEmpty() && region != profile.region)
            return refuse(ApiError::Kind::RegionMismatch,
                          u"profile '%1' is a region client for region '%2', but %3 '%4' is in region '%5'"_s.arg(
                              profile.name, profile.region, cloudHostKindName(host.kind()), host.hostname(), region));
        break;
    case CredentialTier::Tenant:
        if (host.kind() != CloudHost::Kind::Tenant
            || profile.tenantHost.compare(host.hostname(), Qt::CaseInsensitive) != 0)
            return refuse(ApiError::Kind::NoCredentials,
                          u"profile '%1' is a tenant client for '%2': it does not work on '%3'"_s.arg(
                              profile.name, profile.tenantHost, host.hostname()));
        break;
    }
    return {profile, {}};
}

CredentialRouter::Choice CredentialRouter::choose(const CloudHost &host, const QString &regionHint,
                                                  const QString &profileName) const
{
    if (!host.isValid())
        return refuse(ApiError::Kind::InvalidRequest, u"no valid host to choose a client for"_s);
    QString conflict;
    const QString region = regionOf(host, regionHint, &conflict);
    if (!conflict.isEmpty())
        return refuse(ApiError::Kind::RegionMismatch, conflict);

    if (!profileName.isEmpty()) {
        const CredentialProfile *forced = profile(profileName);
        if (!forced)
            return refuse(ApiError::Kind::NoCredentials,
                          u"no credential profile named '%1' is configured"_s.arg(profileName));
        return checkFit(*forced, host, region);
    }

    switch (host.kind()) {
    case CloudHost::Kind::Organization:
        for (const CredentialProfile &candidate : m_profiles) {
            if (candidate.tier == CredentialTier::Organization)
                return {candidate, {}};
        }
        return refuse(ApiError::Kind::NoCredentials,
                      u"no organization OAuth client is configured: '%1' needs one (organization clients are created "
                      "in My Qlik)"_s.arg(host.hostname()));
    case CloudHost::Kind::Tenant:
        for (const CredentialProfile &candidate : m_profiles) {
            if (candidate.tier == CredentialTier::Tenant
                && candidate.tenantHost.compare(host.hostname(), Qt::CaseInsensitive) == 0)
                return {candidate, {}};
        }
        [[fallthrough]];
    case CloudHost::Kind::Register:
        if (region.isEmpty())
            return refuse(ApiError::Kind::NoCredentials,
                          u"the region of '%1' is unknown (an alias hostname does not tell it) and no tenant client is "
                          "configured for it: add the tenant to the inventory with its region, or configure a tenant "
                          "client"_s.arg(host.hostname()));
        for (const CredentialProfile &candidate : m_profiles) {
            if (candidate.tier == CredentialTier::Region && candidate.region == region)
                return {candidate, {}};
        }
        return refuse(
            ApiError::Kind::NoCredentials,
            u"no region client for region '%1' is configured for '%2' (region clients configured for: %3)"_s.arg(
                region, host.hostname(), configuredRegions(m_profiles)));
    }
    return refuse(ApiError::Kind::NoCredentials, u"no client fits '%1'"_s.arg(host.hostname()));
}

} // namespace Cloud
