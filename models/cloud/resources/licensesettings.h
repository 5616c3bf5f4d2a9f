#pragma once

namespace Cloud {

class JsonReader;

// Automatic license assignment of new users (`/v1/licenses/settings`, FACTS §6).
struct LicenseSettings
{
    bool autoAssignProfessional = false;
    bool autoAssignAnalyzer = false;

    [[nodiscard]] static LicenseSettings read(JsonReader &reader);
    friend bool operator==(const LicenseSettings &, const LicenseSettings &) = default;
};

} // namespace Cloud
