#include "cloud/resources/licenseoverview.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

LicenseOverview::Allotment LicenseOverview::Allotment::read(JsonReader &reader)
{
    Allotment allotment;
    allotment.name = reader.requiredString(u"name");
    allotment.usageClass = reader.string(u"usageClass");
    allotment.units = reader.integer(u"units");
    allotment.unitsUsed = reader.integer(u"unitsUsed");
    allotment.overage = reader.integer(u"overage");
    return allotment;
}

LicenseOverview LicenseOverview::read(JsonReader &reader)
{
    LicenseOverview overview;
    overview.licenseNumber = reader.requiredString(u"licenseNumber");
    overview.secondaryNumber = reader.string(u"secondaryNumber");
    overview.parentLicenseNumber = reader.string(u"parentLicenseNumber");
    overview.product = reader.string(u"product");
    overview.licenseType = reader.string(u"licenseType");
    overview.status = reader.string(u"status");
    overview.origin = reader.string(u"origin");
    overview.valid = reader.string(u"valid");
    overview.trial = reader.boolean(u"trial");
    overview.updated = reader.string(u"updated");
    overview.changeTime = reader.string(u"changeTime");
    overview.latestValidTime = reader.string(u"latestValidTime");
    overview.allotments = reader.list<Allotment>(u"allotments", &Allotment::read);
    overview.licenseKey = reader.string(u"licenseKey");
    return overview;
}

} // namespace Cloud
