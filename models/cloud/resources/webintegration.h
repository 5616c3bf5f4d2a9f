#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// A web integration of one tenant (`/v1/web-integrations`, FACTS §8.2): the origins allowed to
// embed the tenant; browsers send its id as `qlik-web-integration-id`.
struct WebIntegration
{
    QString id;
    QString name;
    QStringList validOrigins;
    QString tenantId;
    QString createdBy;
    QDateTime created;
    QDateTime lastUpdated;

    [[nodiscard]] static WebIntegration read(JsonReader &reader);
};

} // namespace Cloud
