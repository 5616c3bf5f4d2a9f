#pragma once

#include <QList>
#include <QString>

namespace Cloud {

class JsonReader;

// A tenant's license (`/v1/licenses/overview`, FACTS §6). Allotments live on the entitlement,
// which several tenants may share, so unitsUsed counts all of them.
struct LicenseOverview
{
    struct Allotment
    {
        QString name; // professional | analyzer | analyzer_time
        QString usageClass; // e.g. "assigned", "time"
        qint64 units = 0;
        qint64 unitsUsed = 0;
        qint64 overage = 0; // -1: unbounded

        [[nodiscard]] static Allotment read(JsonReader &reader);
    };

    QString licenseNumber;
    QString secondaryNumber;
    QString parentLicenseNumber;
    QString product;
    QString licenseType;
    QString status; // Ok | Blacklisted | Expired
    QString origin; // Internal | External
    QString valid; // ISO interval, "." for an open end: "./2023-05-30"
    bool trial = false;
    QString updated;
    QString changeTime;
    QString latestValidTime;
    QList<Allotment> allotments;
    // The signed entitlement key that POST /v1/tenants needs (FACTS §3.1). It creates tenants on
    // the license: pass it on, never log or store it.
    QString licenseKey;

    [[nodiscard]] static LicenseOverview read(JsonReader &reader);
};

} // namespace Cloud
