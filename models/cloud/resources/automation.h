#pragma once

#include <QDateTime>
#include <QString>

namespace Cloud {

class JsonReader;

// An automation of one tenant (`/v1/automations`, FACTS §12), as listed. The definition
// (`workspace`) and the `executionToken`, which starts runs, are not kept.
struct Automation
{
    QString id; // UUID v1 style
    QString name;
    QString description;
    QString state; // available | unavailable | disabled
    QString runMode; // manual | scheduled | triggered | webhook
    QString ownerId;
    QString spaceId; // newer tenants only
    QString lastRunStatus; // failed | finished | ... | stopped
    QDateTime lastRunAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] static Automation read(JsonReader &reader);
};

} // namespace Cloud
