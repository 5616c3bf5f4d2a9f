#include "cloud/storagepaths.h"

#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

QString StoragePaths::profilesFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + "/Tenantry/profiles.ini"_L1;
}

QString StoragePaths::tenantInventoryFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + "/Tenantry/tenant-inventory.jsonl"_L1;
}

QString StoragePaths::tenantTagsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + "/Tenantry/tenant-tags.ini"_L1;
}

} // namespace Cloud
