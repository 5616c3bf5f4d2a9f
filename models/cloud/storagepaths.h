#pragma once

#include <QString>

namespace Cloud {

// Where Tenantry keeps its non-secret files. The GUI and tenantryctl share them, so the paths
// are fixed under "Tenantry" rather than derived from each program's application name.
class StoragePaths
{
public:
    // <config>/Tenantry/profiles.ini: credential profiles (client ids, labels; never secrets).
    [[nodiscard]] static QString profilesFile();
    // <data>/Tenantry/tenant-inventory.jsonl: tenants added by hostname or created by Tenantry.
    [[nodiscard]] static QString tenantInventoryFile();
    // <config>/Tenantry/tenant-tags.ini: tags on tenants, set in the GUI, read by tenantryctl --tag.
    [[nodiscard]] static QString tenantTagsFile();
};

} // namespace Cloud
