#pragma once

#include "ops/jobstate.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Cloud {
class ApiError;
class CloudClient;
struct LicenseOverview;
} // namespace Cloud

namespace Ops {

// The plan-wide check of the shared license pool (issue 6, step 5; FACTS §6). Seats are keyed on
// the user's subject and live on the entitlement (license number) that every tenant of the license
// shares, so a plan's "licenses" steps are judged together before any target runs: the seats they
// want are grouped by license number and type, each distinct subject counted once and subjects
// that already hold a seat on that license not at all, and set against what the pool has left
// (GET /v1/licenses/overview: units - unitsUsed, less the step's keepFree). Targets are taken in
// plan order; a target whose seats would go past what is left is blocked, with the license, the
// type, the seats the plan wants and the seats left in the reason. The others go ahead.
//
// Which license a target uses: its tenant's overview, or, for a tenant the plan creates (hostname
// "${tenant.hostname}"), the overview of the "tenant" step's licenseSource, whose key it is created
// with. A subject taken from a "recovery-admin" step (${admin.subject}) is looked up by email on
// that step's source tenant. A subject that cannot be known before the target runs counts as a new
// seat of its target.
class LicensePoolCheck : public QObject
{
    Q_OBJECT

public:
    struct Block
    {
        int target = -1;
        int step = -1; // the "licenses" step the reason belongs to
        QString reason;
    };

    // Checks the license steps of `targets` (indexes into the plan) that are not complete yet.
    // `cloud` must outlive the check.
    LicensePoolCheck(const JobState &state, const QList<int> &targets, Cloud::CloudClient *cloud,
                     QObject *parent = nullptr);
    ~LicensePoolCheck() override;
    Q_DISABLE_COPY_MOVE(LicensePoolCheck)

    // False when none of the targets assigns a seat: there is nothing to read or judge.
    [[nodiscard]] bool isNeeded() const { return !m_wants.isEmpty(); }
    // Reads the pools; finished() comes later, never from within start().
    void start();

    [[nodiscard]] const QList<Block> &blocks() const { return m_blocks; }
    // One line per license and seat type the plan assigns, e.g. "license pool 1234 (professional):
    // the plan assigns 4 new seat(s), 31 of 50 are left".
    [[nodiscard]] const QStringList &notes() const { return m_notes; }

Q_SIGNALS:
    void finished();

private:
    struct Seat
    {
        QString subject; // empty: not known before the target runs
        QString type; // professional | analyzer
        QString lookup; // a recovery-admin's "source\nemail\nprofile" that gives the subject
    };
    // One "licenses" step of one target that assigns seats.
    struct Want
    {
        int target = -1;
        int step = -1;
        QString host; // whose overview names the license; empty: not known
        QString profile;
        QString region;
        QJsonObject keepFree;
        QList<Seat> seats;
    };
    struct Pool
    {
        QString licenseNumber;
        QString host; // a tenant of the license, to read its assignments from
        QString profile;
        QString region;
        QHash<QString, qint64> left; // type -> units - unitsUsed
        QHash<QString, qint64> used;
        QHash<QString, qint64> units;
        QSet<QString> assigned; // subjects wanted by the plan that hold a seat on this license
        QString error; // the assignments could not be read
    };

    void collect(const JobState &state, const QList<int> &targets);
    void readOverview(const QString &host, const QString &profile, const QString &region);
    void lookUpSubject(const QString &lookup);
    void readAssignments(const QString &licenseNumber, const QStringList &subjects);
    void settle();
    void judge();
    void judgePool(const QString &licenseNumber, const QList<const Want *> &wants);
    void block(const Want &want, const QString &reason);
    [[nodiscard]] bool isBlocked(int target) const;

    Cloud::CloudClient *m_cloud;
    QList<Want> m_wants;
    QHash<QString, QString> m_overviewErrors; // host -> why it could not be read
    QHash<QString, QString> m_licenseOf; // host -> license number
    QHash<QString, Pool> m_pools; // license number -> pool
    QHash<QString, QString> m_subjects; // lookup -> subject (empty: not found)
    int m_pending = 0;
    bool m_assignmentsRead = false;
    QList<Block> m_blocks;
    QStringList m_notes;
};

} // namespace Ops
