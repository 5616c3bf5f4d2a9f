#include "cloud/resources/tenant.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

Tenant Tenant::read(JsonReader &reader)
{
    Tenant tenant;
    tenant.source = Source::TenantApi;
    tenant.id = reader.requiredString(u"id");
    tenant.name = reader.requiredString(u"name");
    tenant.hostnames = reader.stringList(u"hostnames");
    tenant.status = reader.string(u"status");
    tenant.awsRegion = reader.string(u"datacenter");
    tenant.createdAt = reader.dateTime(u"created");
    tenant.updatedAt = reader.dateTime(u"lastUpdated");
    JsonReader links = reader.object(u"links");
    tenant.self = links.href(u"self");
    tenant.createdByUser = reader.string(u"createdByUser");
    tenant.enableAnalyticCreation = reader.boolean(u"enableAnalyticCreation");
    tenant.autoAssignCreateSharedSpacesRoleToProfessionals
        = reader.boolean(u"autoAssignCreateSharedSpacesRoleToProfessionals");
    tenant.autoAssignDataServicesContributorRoleToProfessionals
        = reader.boolean(u"autoAssignDataServicesContributorRoleToProfessionals");
    tenant.autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals
        = reader.boolean(u"autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals");
    return tenant;
}

Tenant Tenant::readOrganization(JsonReader &reader)
{
    Tenant tenant;
    tenant.source = Source::OrganizationApi;
    tenant.id = reader.requiredString(u"id");
    tenant.name = reader.requiredString(u"name");
    tenant.hostnames = reader.stringList(u"hostnames");
    tenant.status = reader.string(u"status");
    tenant.awsRegion = reader.string(u"regionCode");
    tenant.createdAt = reader.dateTime(u"createdAt");
    tenant.updatedAt = reader.dateTime(u"updatedAt");
    JsonReader links = reader.object(u"links");
    tenant.self = links.href(u"self");
    tenant.countryCode = reader.string(u"countryCode");
    tenant.createdBy = reader.string(u"createdBy");
    tenant.licenseNumber = reader.string(u"licenseNumber");
    tenant.subscriptionId = reader.string(u"subscriptionId");
    tenant.licenseStartsAt = reader.dateTime(u"licenseStartsAt");
    tenant.licenseEndsAt = reader.dateTime(u"licenseEndsAt");
    tenant.deletionStartsAt = reader.dateTime(u"deletionStartsAt");
    return tenant;
}

} // namespace Cloud
