#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

namespace Ops {

// Step type "licenses": the target tenant's automatic license assignment is as planned, and the
// listed user subjects have a seat of the listed type (FACTS §6).
//
//     {"id": "licenses", "type": "licenses", "params": {
//         "autoAssignProfessional": false, "autoAssignAnalyzer": false,
//         "assignments": [{"subject": "${admin.subject}", "type": "professional"}],
//         "keepFree": {"professional": 2}}}
//
// Seats live on the entitlement that every tenant of the subscription shares, so the probe reads
// the pool (licenses/overview allotments: units, unitsUsed) and blocks the step when the seats it
// would assign are more than the pool has left beyond "keepFree" — before anything changes. Only
// purchased units count; overage is not planned into. Before any target runs, the job's
// LicensePoolCheck judges the seats of all the plan's license steps together, per license number.
// Assignments are keyed on subject: a subject that has a seat of another type blocks (Tenantry does
// not move seats between types).
// Outputs: none.
class LicenseStep : public CloudStep
{
    Q_OBJECT

public:
    LicenseStep(const StepContext &context, QObject *parent);
    ~LicenseStep() override;
    Q_DISABLE_COPY_MOVE(LicenseStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;
    [[nodiscard]] StepChange recoveredChange(StepAction intended, const StepProbe &found) const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    struct Seat
    {
        QString subject;
        QString type;
    };

    void probeAssignments(const QJsonObject &settings);
    void probePool(const QJsonObject &settings, const QList<Seat> &missing);
    void finishPlanned(const QJsonObject &settings, const QList<Seat> &missing);
    void applyAssignments(const QJsonArray &add, StepChange change);
    void verifySeats(qsizetype index);

    [[nodiscard]] QJsonObject wantedSettings() const;
    [[nodiscard]] QList<Seat> seats() const;
};

} // namespace Ops
