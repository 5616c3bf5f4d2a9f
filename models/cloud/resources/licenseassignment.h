#pragma once

#include <QDateTime>
#include <QString>

namespace Cloud {

class JsonReader;

// A license seat given to a user subject (`/v1/licenses/assignments`, FACTS §6). Assignments
// belong to the entitlement, not to one tenant.
struct LicenseAssignment
{
    QString subject;
    QString type; // professional | analyzer
    bool excess = false;
    QDateTime created;

    [[nodiscard]] static LicenseAssignment read(JsonReader &reader);
};

} // namespace Cloud
