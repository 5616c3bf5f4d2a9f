#pragma once

#include "ops/stepchange.h"
#include "ops/stepcontext.h"
#include "ops/steperror.h"
#include "ops/stepprobe.h"

#include <QObject>

namespace Ops {

// One step of one target, bound to its resolved parameters (DESIGN.md §4). How to write one:
//
// - probe(): read the current state and judge it against params() — finishProbe() with
//   StepProbe::create / update / noChange / blocked, saying in words what apply() would do and which
//   API calls it would make. When the resource exists, put the step's outputs (ids...) in the probe.
//   A probe never changes anything.
// - apply(probe): make the change the probe described, then finishApply() with the ids created or
//   updated and every output the step type declares. Work from `probe` alone (its outputs and
//   applyData), not from members set by probe(): the engine may pass a probe that a dry pass made
//   with another Step object of the same step.
// - verify(change): read back and check that the change is there, then finishVerify().
// - Each call ends with exactly one finish…() or fail(); the signal is delivered later, never from
//   within the call, so steps may finish synchronously. A call that finishes twice is a bug and the
//   second finish is ignored with a warning.
//
// Idempotency contract (every step must keep it; FACTS §14.6):
// - A create looks the resource up first (by name, subject, origin app id…): probing an existing
//   resource says NoChange or Update, never Create. Steps whose creates the server does not refuse
//   on repeat (POST tenants, app import) must find their earlier result some other way, e.g. by the
//   alias hostname they set or a marker they leave.
// - When an apply's outcome is unknown (lost response, reset after sending, cancelled in flight),
//   fail with StepError::outcomeUnknown(). The engine then probes again before any retry: if the
//   change is found, it is recorded as done (nothing is sent twice); if not, apply() runs again.
//   Never resend a non-idempotent request inside the step itself.
// - Attempts are bounded by the plan's options.maxAttempts; transient errors (StepError::transient)
//   on probe and verify are retried within the same bound, with backoff.
// - A step whose inputs come from an earlier step that is yet to create something cannot be probed
//   in a dry run; the engine reports deferredProbe() instead ("will create …, after step X").
// - Outputs, summaries and errors go to the journal: never put a secret in them.
class Step : public QObject
{
    Q_OBJECT

public:
    explicit Step(StepContext context, QObject *parent = nullptr);
    ~Step() override;
    Q_DISABLE_COPY_MOVE(Step)

    [[nodiscard]] const StepContext &context() const { return m_context; }
    [[nodiscard]] const QJsonObject &params() const { return m_context.params; }
    // A file path from the params: relative ones are taken from the plan file's folder, so a plan
    // and the files it names can move together (empty stays empty).
    [[nodiscard]] QString localPath(const QString &path) const;

    // What the step ensures, for people: "space 'Production' (managed), consumers: group Sales".
    [[nodiscard]] virtual QString describe() const = 0;
    // The dry run's answer when the step cannot be probed yet (an input comes from an earlier step
    // that will create it): by default "create <describe()>" with no calls listed.
    [[nodiscard]] virtual StepProbe deferredProbe() const;
    // What to record when an apply whose outcome was unknown turns out, on the next probe, to have
    // happened. By default: the found outputs, and the resource named by its id-like output as
    // created (or updated).
    [[nodiscard]] virtual StepChange recoveredChange(StepAction intended, const StepProbe &found) const;

    // The engine's entry points: each runs the matching virtual and guards its single completion.
    void runProbe();
    // A dry run's probe of a step that cannot be probed yet: probeDeferred().
    void runDeferredProbe();
    void runApply(const StepProbe &probe);
    void runVerify(const StepChange &change);
    // Aborts what is in flight. The pending call still ends: with fail(StepError::cancelled()) or
    // its result if it already had one.
    void cancel();

Q_SIGNALS:
    void probed(const Ops::StepProbe &probe);
    void applied(const Ops::StepChange &change);
    void verified(const QString &detail);
    void failed(const Ops::StepError &error);

protected:
    virtual void probe() = 0;
    // What a dry run can say of a step whose inputs an earlier step makes (a tenant the plan
    // creates...): by default deferredProbe(); a step that needs something off the tenant (a
    // keychain entry) may look for it and finish blocked, naming what is missing.
    virtual void probeDeferred();
    virtual void apply(const StepProbe &probe) = 0;
    virtual void verify(const StepChange &change) = 0;
    // Default: nothing to abort (the call ends on its own).
    virtual void abort() { }

    void finishProbe(const StepProbe &probe);
    void finishApply(const StepChange &change);
    void finishVerify(const QString &detail);
    void fail(const StepError &error);

private:
    enum class Call { None, Probe, Apply, Verify };
    [[nodiscard]] bool takeCall(Call expected, const char *what);

    StepContext m_context;
    Call m_pending = Call::None;
};

} // namespace Ops
