#pragma once

#include "cloud/apierror.h"
#include "cloud/cloudhost.h"
#include "cloud/credentialprofile.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Cloud {

// Chooses the OAuth client for a host by tier (DESIGN.md §1.2, FACTS §2.2): the organization
// client for console; the region client for `register.<region>` and that region's tenants; a
// tenant client for its own tenant, preferred over the region client when configured.
class CredentialRouter
{
public:
    struct Choice
    {
        CredentialProfile profile;
        ApiError error; // kind NoCredentials or RegionMismatch when no profile fits

        [[nodiscard]] bool ok() const { return error.isNull(); }
    };

    void setProfiles(const QList<CredentialProfile> &profiles);
    [[nodiscard]] const QList<CredentialProfile> &profiles() const { return m_profiles; }
    [[nodiscard]] const CredentialProfile *profile(const QString &name) const;

    // What the caller knows about a tenant alias's region (from the organization API's regionCode
    // or the local inventory), for hostnames that do not tell it.
    void setHostRegion(const QString &hostname, const QString &regionId);
    void clearHostRegions() { m_hostRegions.clear(); }

    // The host's region: from the hostname, else from setHostRegion(), else the caller's hint.
    // Empty when none says. A hint contradicting the hostname is reported in `conflict`.
    [[nodiscard]] QString regionOf(const CloudHost &host, const QString &hint, QString *conflict = nullptr) const;

    // `profileName` forces a profile, which must fit the host: a region client used for another
    // region's tenant is a RegionMismatch. Otherwise the best profile for the host by tier.
    [[nodiscard]] Choice choose(const CloudHost &host, const QString &regionHint,
                                const QString &profileName = {}) const;

private:
    [[nodiscard]] Choice checkFit(const CredentialProfile &profile, const CloudHost &host, const QString &region) const;

    QList<CredentialProfile> m_profiles;
    QHash<QString, QString> m_hostRegions; // lower-case hostname -> region id
};

} // namespace Cloud
