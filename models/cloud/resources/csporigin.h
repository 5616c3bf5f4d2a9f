#pragma once

#include <QDateTime>
#include <QString>

namespace Cloud {

class JsonReader;

// One Content-Security-Policy origin of a tenant (`/v1/csp-origins`, FACTS §8.1): a single
// origin and the directives it is allowed in.
struct CspOrigin
{
    QString id;
    QString origin; // one origin per entry
    QString name;
    QString description;
    bool childSrc = false;
    bool connectSrc = false;
    bool connectSrcWSS = false;
    bool fontSrc = false;
    bool formAction = false;
    bool frameAncestors = false;
    bool frameSrc = false;
    bool imgSrc = false;
    bool mediaSrc = false;
    bool objectSrc = false;
    bool scriptSrc = false;
    bool styleSrc = false;
    bool workerSrc = false;
    QDateTime createdDate;
    QDateTime modifiedDate;

    [[nodiscard]] static CspOrigin read(JsonReader &reader);
};

} // namespace Cloud
