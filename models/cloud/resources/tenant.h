#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrl>

namespace Cloud {

class JsonReader;

// A Qlik Cloud tenant, from either of its two APIs (FACTS §3): the tenant API
// (`/api/v1/tenants`, on the tenant or register host) or the organization API
// (`console.qlikcloud.com/api/core/tenants`). Fields the other API lacks stay empty.
struct Tenant
{
    enum class Source { TenantApi, OrganizationApi };

    Source source = Source::TenantApi;
    QString id; // 32 characters; the org API's id is the same value
    QString name; // generated, e.g. "bk1672h181jm1b1"
    QStringList hostnames; // [0] generated, [1] alias if set
    QString status; // active | disabled | deleted (| deactivated in the org API)
    QString awsRegion; // tenant API `datacenter`, org API `regionCode`, e.g. "eu-west-1"
    QDateTime createdAt; // tenant API `created`, org API `createdAt`
    QDateTime updatedAt; // tenant API `lastUpdated`, org API `updatedAt`
    QUrl self;

    // Tenant API only.
    QString createdByUser;
    bool enableAnalyticCreation = false;
    bool autoAssignCreateSharedSpacesRoleToProfessionals = false;
    bool autoAssignDataServicesContributorRoleToProfessionals = false;
    bool autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals = false;

    // Organization API only.
    QString countryCode;
    QString createdBy;
    QString licenseNumber;
    QString subscriptionId;
    QDateTime licenseStartsAt;
    QDateTime licenseEndsAt;
    QDateTime deletionStartsAt;

    // The generated hostname (or the first alias when that is all there is).
    [[nodiscard]] QString primaryHostname() const { return hostnames.value(0); }

    [[nodiscard]] static Tenant read(JsonReader &reader); // tenant API shape
    [[nodiscard]] static Tenant readOrganization(JsonReader &reader); // org API shape
};

} // namespace Cloud
