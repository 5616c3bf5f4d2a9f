#pragma once

#include "ops/jobstate.h"
#include "ops/stepchange.h"
#include "ops/steperror.h"
#include "ops/stepprobe.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace Ops {

class Job;
class Step;
struct StepType;

// Runs the steps of one target of a job, in order (Job's helper; not used on its own). A dry pass
// probes every step and records what an apply would do; an apply pass probes, applies and verifies
// step by step, reusing a dry pass's probe while nothing earlier in the target has changed since.
class TargetRunner : public QObject
{
    Q_OBJECT

public:
    enum class Pass {
        Dry, // probes only; ends Planned or Blocked
        DryThenApply, // preflight "target": a dry pass, then an apply pass unless something is blocked
        Apply, // probe-then-apply per step (after a plan-wide preflight, or with preflight "none")
    };

    TargetRunner(Job *job, int target, Pass pass);
    ~TargetRunner() override;
    Q_DISABLE_COPY_MOVE(TargetRunner)

    void start();
    void cancel();

Q_SIGNALS:
    void finished(int target);

private:
    enum class Call { None, Probe, Apply, Verify };

    void runStep();
    void nextStep();
    void probeStep();
    void onProbed(const StepProbe &probe);
    // A dry pass's probe of a step an earlier one must run before: planned, after step `after`.
    void deferredProbed(const StepProbe &probe, const QString &after);
    void onApplied(const StepChange &applied);
    [[nodiscard]] StepStatus appliedStatus() const;
    void onVerified(const QString &detail);
    void onFailed(const StepError &error);
    void applyStep(const StepProbe &probe);
    // Once the intent of the apply is on disk (or refused): sends the call that makes the change.
    void sendApply(const StepProbe &probe, bool intentWritten);
    void completeStep(StepStatus status);
    void failStep(const StepError &error, StepStatus status = StepStatus::Failed);
    void endTarget(TargetStatus status, const QString &message = {});
    void endPass();
    void retryLater(Call call, int failures);
    void onRetryTimer();
    void skipRemainingSteps();
    // An apply pass of a target the plan-wide license pool check blocked: nothing is touched.
    void blockForLicensePool();

    [[nodiscard]] JobState::Target &state();
    [[nodiscard]] JobState::Step &stepState();
    [[nodiscard]] const StepType *stepType() const;
    [[nodiscard]] QJsonObject stepRecord(const QString &kind) const;
    [[nodiscard]] QString phaseName() const;
    [[nodiscard]] QString missingOutputs(const QJsonObject &outputs) const;
    void notifyStep();
    void refreshHostname();
    bool record(const QJsonObject &record);

    Job *m_job;
    const int m_target;
    Pass m_pass;
    bool m_dry = true;
    int m_step = -1;
    QPointer<Step> m_current;
    Call m_call = Call::None;
    Call m_retryCall = Call::None;
    int m_probeFailures = 0;
    int m_applyAttempts = 0;
    int m_verifyFailures = 0;
    // Set while a step is probed deferred (Step::runDeferredProbe): the step it waits for, or empty.
    std::optional<QString> m_deferredAfter;
    std::optional<StepProbe> m_intended; // the probe whose change is being applied
    std::optional<StepChange> m_earlier; // what an attempt with a lost answer did, found by probing
    bool m_outcomeUnknown = false; // the last apply may have happened: the next probe decides
    bool m_changedInPass = false; // a step of this target changed something in this apply pass
    bool m_blockedInPass = false;
    bool m_cancelled = false;
    bool m_ended = false;
    QTimer m_retryTimer;
};

} // namespace Ops
