#include "cloud/resources/licensesettings.h"

#include "cloud/resources/jsonreader.h"

namespace Cloud {

LicenseSettings LicenseSettings::read(JsonReader &reader)
{
    LicenseSettings settings;
    settings.autoAssignProfessional = reader.boolean(u"autoAssignProfessional");
    settings.autoAssignAnalyzer = reader.boolean(u"autoAssignAnalyzer");
    return settings;
}

} // namespace Cloud
