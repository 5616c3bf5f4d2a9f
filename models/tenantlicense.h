#pragma once

#include "cloud/resources/licenseassignment.h"
#include "cloud/resources/licenseoverview.h"
#include "cloud/resources/licensesettings.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Cloud {
class CloudClient;
}

// What the license page of a tenant shows (FACTS §6): the shared pool of the entitlement the tenant
// draws on (allotments: units, used, free per kind — shared by every tenant of the subscription),
// the tenant's auto-assign settings, and the seats assigned (all pages of /v1/licenses/assignments).
// The overview's signed license key is never kept here.
class TenantLicense final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantLicense)

public:
    struct Pool
    {
        QString kind; // professional | analyzer | analyzer_time
        QString usageClass;
        qint64 units = 0;
        qint64 used = 0;
        qint64 overage = 0; // -1: unbounded
        [[nodiscard]] qint64 free() const { return units > used ? units - used : 0; }
    };

    explicit TenantLicense(Cloud::CloudClient *client, QObject *parent = nullptr);
    ~TenantLicense() override;

    // Loads the overview, settings and assignments of the tenant at `hostname` (again).
    void load(const QString &hostname);
    [[nodiscard]] QString hostname() const { return m_host; }
    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    // What failed, one line per document; empty when all loaded.
    [[nodiscard]] QStringList errors() const { return m_errors; }

    [[nodiscard]] QList<Pool> pool() const { return m_pool; }
    [[nodiscard]] QString licenseNumber() const { return m_licenseNumber; }
    [[nodiscard]] QString product() const { return m_product; }
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] const std::optional<Cloud::LicenseSettings> &settings() const { return m_settings; }
    [[nodiscard]] const QList<Cloud::LicenseAssignment> &assignments() const { return m_assignments; }
    // New users of the tenant take a seat of the shared pool without anyone assigning it.
    [[nodiscard]] bool takesSeatsAutomatically() const
    {
        return m_settings && (m_settings->autoAssignProfessional || m_settings->autoAssignAnalyzer);
    }

Q_SIGNALS:
    // Something arrived or failed; finished() once everything has.
    void changed();
    void finished();

private:
    void settle();

    QPointer<Cloud::CloudClient> m_client;
    QString m_host;
    quint64 m_generation = 0;
    int m_pending = 0;
    QStringList m_errors;
    QList<Pool> m_pool;
    QString m_licenseNumber;
    QString m_product;
    QString m_status;
    std::optional<Cloud::LicenseSettings> m_settings;
    QList<Cloud::LicenseAssignment> m_assignments;
};
