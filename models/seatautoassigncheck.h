#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStringList>

namespace Cloud {
class CloudClient;
}
class EstateModel;

// Which of some tenants would give new users a seat of the shared pool on their own (license
// settings autoAssignProfessional / autoAssignAnalyzer, FACTS §6): reads each active tenant's license
// settings (one GET /v1/licenses/settings each, nothing else), at once within the client's rate limits, and notes the
// answer on its node of the estate model so such tenants are flagged across the tree, not only on their own license
// page.
class SeatAutoAssignCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeatAutoAssignCheck)

public:
    // Neither is owned; both must outlive the check.
    SeatAutoAssignCheck(Cloud::CloudClient *client, EstateModel *estate, QObject *parent = nullptr);
    ~SeatAutoAssignCheck() override;

    // Checks the active tenants among `tenants` (indexes of the estate model); a check still
    // running is dropped. finished() follows, later, even when none is active.
    void start(const QModelIndexList &tenants);
    [[nodiscard]] bool isRunning() const { return m_left > 0; }

Q_SIGNALS:
    // `takingSeats`: hostnames of tenants that auto-assign; `failed`: "hostname: why" lines.
    void finished(int checked, const QStringList &takingSeats, const QStringList &failed);

private:
    void settle();

    QPointer<Cloud::CloudClient> m_client;
    QPointer<EstateModel> m_estate;
    quint64 m_generation = 0; // answers of a dropped check carry an older one
    int m_left = 0;
    int m_checked = 0;
    QStringList m_takingSeats;
    QStringList m_failed;
};
