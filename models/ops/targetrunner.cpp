#include "ops/targetrunner.h"

#include "ops/job.h"
#include "ops/jsonpath.h"
#include "ops/paramreferences.h"
#include "ops/step.h"
#include "ops/stepregistry.h"

#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcTargetRunner, "tenantry.ops.job", QtInfoMsg)

namespace Ops {

TargetRunner::TargetRunner(Job *job, int target, Pass pass)
    : QObject(job)
    , m_job(job)
    , m_target(target)
    , m_pass(pass)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TargetRunner::onRetryTimer);
}

TargetRunner::~TargetRunner() = default;

JobState::Target &TargetRunner::state()
{
    return m_job->targetState(m_target);
}

JobState::Step &TargetRunner::stepState()
{
    return state().steps[m_step];
}

const StepType *TargetRunner::stepType() const
{
    return m_job->registry()->find(m_job->state().plan.targets.at(m_target).steps.at(m_step).type);
}

QString TargetRunner::phaseName() const
{
    return m_dry ? u"preflight"_s : u"apply"_s;
}

QJsonObject TargetRunner::stepRecord(const QString &kind) const
{
    const Plan::Target &target = m_job->state().plan.targets.at(m_target);
    return {{u"rec"_s, kind}, {u"target"_s, target.id}, {u"step"_s, target.steps.at(m_step).id}};
}

bool TargetRunner::record(const QJsonObject &record)
{
    return m_job->record(record);
}

void TargetRunner::notifyStep()
{
    m_job->notifyStep(m_target, m_step);
}

void TargetRunner::refreshHostname()
{
    const Plan::Target &planTarget = m_job->state().plan.targets.at(m_target);
    ParamReference reference;
    if (!ParamReferences::isWholeReference(planTarget.hostname, &reference))
        return;
    const qsizetype source = planTarget.stepIndex(reference.source);
    if (source < 0)
        return;
    const QJsonValue hostname = state().steps.at(source).outputs.value(reference.name);
    if (hostname.isString() && !hostname.toString().isEmpty())
        state().hostname = hostname.toString();
}

QString TargetRunner::missingOutputs(const QJsonObject &outputs) const
{
    QStringList missing;
    if (const StepType *type = stepType()) {
        for (const StepOutput &output : type->outputs) {
            if (!outputs.contains(output.name))
                missing.append(output.name);
        }
    }
    return missing.join(u", "_s);
}

void TargetRunner::start()
{
    m_dry = m_pass != Pass::Apply;
    JobState::Target &target = state();
    target.status = TargetStatus::Running;
    target.message.clear();
    if (!target.started.isValid())
        target.started = QDateTime::currentDateTimeUtc();
    if (m_dry) {
        // A dry pass judges everything afresh; only completed work is kept.
        for (JobState::Step &step : target.steps) {
            if (!step.isComplete())
                step = JobState::Step();
        }
    }
    refreshHostname();
    const Plan::Target &planTarget = m_job->state().plan.targets.at(m_target);
    record({{u"rec"_s, u"target-start"_s}, {u"target"_s, planTarget.id}, {u"phase"_s, phaseName()}});
    m_job->notifyTarget(m_target);
    m_step = -1;
    if (!m_dry && m_job->poolBlock(m_target)) {
        QMetaObject::invokeMethod(this, &TargetRunner::blockForLicensePool, Qt::QueuedConnection);
        return;
    }
    nextStep();
}

void TargetRunner::blockForLicensePool()
{
    const LicensePoolCheck::Block *block = m_job->poolBlock(m_target);
    m_step = block->step;
    const StepProbe blocked = StepProbe::blocked(block->reason);
    stepState().probe = blocked;
    QJsonObject probeRecord = stepRecord(u"probe"_s);
    probeRecord.insert(u"phase"_s, phaseName());
    probeRecord.insert(u"probe"_s, blocked.toJson());
    record(probeRecord);
    JobState::Target &target = state();
    for (qsizetype i = 0; i < m_step; ++i) {
        if (target.steps.at(i).status == StepStatus::Pending) {
            target.steps[i].status = StepStatus::Skipped;
            m_job->notifyStep(m_target, static_cast<int>(i));
        }
    }
    failStep(StepError::failed(block->reason), StepStatus::Blocked);
}

void TargetRunner::nextStep()
{
    if (m_ended)
        return;
    if (m_current)
        m_current->deleteLater();
    m_current = nullptr;
    m_call = Call::None;
    m_probeFailures = 0;
    m_applyAttempts = 0;
    m_verifyFailures = 0;
    m_intended.reset();
    m_earlier.reset();
    m_outcomeUnknown = false;

    const qsizetype count = state().steps.size();
    ++m_step;
    while (m_step < count && state().steps.at(m_step).isComplete())
        ++m_step;
    if (m_cancelled) {
        endTarget(TargetStatus::Cancelled, u"cancelled"_s);
        return;
    }
    if (m_step >= count) {
        endPass();
        return;
    }
    runStep();
}

void TargetRunner::runStep()
{
    m_deferredAfter.reset();
    const JobState &job = m_job->state();
    const Plan::Target &planTarget = job.plan.targets.at(m_target);
    const Plan::Step &planStep = planTarget.steps.at(m_step);
    const StepType *type = stepType();
    JobState::Step &step = stepState();
    step.started = QDateTime::currentDateTimeUtc();
    if (!type || !type->create) {
        failStep(StepError::failed(u"unknown step type \"%1\""_s.arg(planStep.type)));
        return;
    }

    // Resolve the parameters from the target and the outputs of earlier steps.
    const int current = m_step;
    const ParamReferences::Lookup lookup
        = [this, &planTarget, current](const QString &source, const QString &name) -> std::optional<QJsonValue> {
        const JobState::Target &target = state();
        if (source == u"target"_s) {
            if (name == u"id"_s)
                return QJsonValue(planTarget.id);
            if (name == u"label"_s)
                return QJsonValue(planTarget.displayName());
            if (name == u"region"_s)
                return QJsonValue(planTarget.region);
            if (name == u"hostname"_s && !target.hostname.isEmpty())
                return QJsonValue(target.hostname);
            return std::nullopt;
        }
        if (source == u"vars"_s) {
            if (planTarget.vars.contains(name))
                return planTarget.vars.value(name);
            return std::nullopt;
        }
        const qsizetype index = planTarget.stepIndex(source);
        if (index < 0 || index >= current || !target.steps.at(index).outputs.contains(name))
            return std::nullopt;
        return target.steps.at(index).outputs.value(name);
    };
    const QString paramsPath = JsonPath::member(
        JsonPath::index(JsonPath::index(u"$.targets"_s, m_target) + u".steps"_s, m_step), u"params"_s);
    const ParamReferences::Resolution resolution = ParamReferences::resolve(planStep.params, lookup, paramsPath);

    // What is not known yet: outputs of earlier steps, and the tenant's hostname for steps that call it.
    QString waitingFor;
    QStringList unknown;
    for (const ParamReference &reference : resolution.unresolved) {
        unknown.append(reference.text());
        if (waitingFor.isEmpty())
            waitingFor = reference.source == u"target"_s ? QString() : reference.source;
    }
    ParamReference hostnameReference;
    if (type->needsTenantHost && state().hostname.isEmpty()) {
        unknown.append(u"the tenant's hostname"_s);
        if (waitingFor.isEmpty() && ParamReferences::isWholeReference(planTarget.hostname, &hostnameReference))
            waitingFor = hostnameReference.source;
    }
    if (waitingFor.isEmpty() && !unknown.isEmpty()
        && ParamReferences::isWholeReference(planTarget.hostname, &hostnameReference))
        waitingFor = hostnameReference.source;

    StepContext context{job.jobId,
                        planTarget.id,
                        state().hostname,
                        planTarget.region,
                        planTarget.profile,
                        planStep.id,
                        planStep.type,
                        resolution.value.toObject(),
                        m_job->cloud(),
                        m_job->stateDirectory(),
                        job.planPath.isEmpty() ? QString() : QFileInfo(job.planPath).absolutePath()};
    m_current = type->create(context, this);
    if (!m_current) {
        failStep(StepError::failed(u"step type \"%1\" could not create its step"_s.arg(planStep.type)));
        return;
    }
    connect(m_current, &Step::probed, this, &TargetRunner::onProbed);
    connect(m_current, &Step::applied, this, &TargetRunner::onApplied);
    connect(m_current, &Step::verified, this, &TargetRunner::onVerified);
    connect(m_current, &Step::failed, this, &TargetRunner::onFailed);

    if (const LicensePoolCheck::Block *block = m_job->poolBlock(m_target); block && block->step == m_step) {
        // The plan-wide license pool check judged this step already (Job::checkLicensePool).
        const StepProbe blocked = StepProbe::blocked(block->reason);
        QMetaObject::invokeMethod(
            this, [this, blocked] { onProbed(blocked); }, Qt::QueuedConnection);
        return;
    }

    if (!resolution.issues.isEmpty()) {
        failStep(StepError::failed(PlanIssue::toStrings(resolution.issues).join(u"; "_s)));
        return;
    }
    if (!unknown.isEmpty()) {
        if (!m_dry) {
            // Earlier steps are complete, so their outputs must be there: a step type broke its contract.
            failStep(StepError::failed(u"inputs not known when the step is due: %1"_s.arg(unknown.join(u", "_s))));
            return;
        }
        // Dry run: an earlier step will create what this one needs; the step says what will happen
        // after it (and may check what it can without it).
        m_deferredAfter = waitingFor;
        probeStep();
        return;
    }
    // The plan's own values passed when it was read; what references brought in is checked now.
    const QList<PlanIssue> invalid = context.params == planStep.params
        ? QList<PlanIssue>()
        : m_job->registry()->validateParams(planStep.type, context.params, paramsPath);
    if (!invalid.isEmpty()) {
        failStep(StepError::failed(u"parameters not valid once references are resolved: "_s
                                   + PlanIssue::toStrings(invalid).join(u"; "_s)));
        return;
    }

    // A dry pass's probe still holds while nothing earlier in this target has changed since.
    if (!m_dry && step.status == StepStatus::Planned && step.probe && step.after.isEmpty() && !m_changedInPass) {
        applyStep(*step.probe);
        return;
    }
    probeStep();
}

void TargetRunner::deferredProbed(const StepProbe &probe, const QString &after)
{
    JobState::Step &step = stepState();
    step.status = StepStatus::Planned;
    step.probe = probe;
    step.after = after;
    if (!after.isEmpty())
        step.probe->summary += u", after step \"%1\""_s.arg(after);
    QJsonObject probeRecord = stepRecord(u"probe"_s);
    probeRecord.insert(u"phase"_s, phaseName());
    probeRecord.insert(u"probe"_s, step.probe->toJson());
    probeRecord.insert(u"deferred"_s, true);
    probeRecord.insert(u"after"_s, after);
    record(probeRecord);
    notifyStep();
    QMetaObject::invokeMethod(this, &TargetRunner::nextStep, Qt::QueuedConnection);
}

void TargetRunner::probeStep()
{
    if (m_cancelled) {
        if (m_outcomeUnknown)
            failStep(StepError::cancelled(), StepStatus::Cancelled);
        else
            endTarget(TargetStatus::Cancelled, u"cancelled"_s);
        return;
    }
    stepState().status = StepStatus::Probing;
    notifyStep();
    m_call = Call::Probe;
    if (m_deferredAfter)
        m_current->runDeferredProbe();
    else
        m_current->runProbe();
}

void TargetRunner::onProbed(const StepProbe &probe)
{
    m_call = Call::None;
    JobState::Step &step = stepState();
    if (m_deferredAfter && probe.action != StepAction::Blocked) {
        deferredProbed(probe, *std::exchange(m_deferredAfter, std::nullopt));
        return;
    }
    m_deferredAfter.reset();
    step.probe = probe;
    step.after.clear();
    step.error.reset();
    QJsonObject probeRecord = stepRecord(u"probe"_s);
    probeRecord.insert(u"phase"_s, phaseName());
    probeRecord.insert(u"probe"_s, probe.toJson());
    if (m_outcomeUnknown)
        probeRecord.insert(u"afterUnknownOutcome"_s, true);
    record(probeRecord);

    if (probe.action == StepAction::NoChange) {
        step.outputs = probe.outputs;
        if (const QString missing = missingOutputs(probe.outputs); !missing.isEmpty()) {
            failStep(StepError::failed(u"the step found its resource but not its outputs (%1); a bug in step type "
                                       u"\"%2\""_s.arg(missing, m_current->context().stepType)));
            return;
        }
        if (m_outcomeUnknown && m_intended) {
            // The apply whose answer was lost did happen: record it as done, and send nothing again.
            StepChange change = m_current->recoveredChange(m_intended->action, probe);
            step.recovered = true;
            onApplied(change);
            return;
        }
        completeStep(StepStatus::NoChange);
        return;
    }
    if (probe.action == StepAction::Blocked) {
        if (m_dry) {
            step.status = StepStatus::Blocked;
            step.finished = QDateTime::currentDateTimeUtc();
            m_blockedInPass = true;
            if (state().message.isEmpty())
                state().message = u"step \"%1\" blocked: %2"_s.arg(m_current->context().stepId, probe.blockedReason);
            notifyStep();
            QMetaObject::invokeMethod(this, &TargetRunner::nextStep, Qt::QueuedConnection);
            return;
        }
        StepError blocked = StepError::failed(probe.blockedReason);
        failStep(blocked, StepStatus::Blocked);
        return;
    }
    // Create or Update.
    if (m_dry) {
        step.status = StepStatus::Planned;
        step.outputs = probe.outputs;
        notifyStep();
        QMetaObject::invokeMethod(this, &TargetRunner::nextStep, Qt::QueuedConnection);
        return;
    }
    if (m_outcomeUnknown && m_intended && m_intended->action == StepAction::Create && probe.action == StepAction::Update
        && !m_earlier) {
        // The create whose answer was lost did happen; what is left is an update. Remember what was
        // created, so the summary tells it.
        m_earlier = m_current->recoveredChange(StepAction::Create, probe);
        step.recovered = true;
    }
    if (m_outcomeUnknown && m_applyAttempts >= m_job->maxAttempts()) {
        failStep(StepError::outcomeUnknown(
            u"the change was not confirmed after %1 attempts whose outcome was unknown; the step is probed again "
            u"when the job is resumed or retried"_s.arg(m_applyAttempts)));
        return;
    }
    applyStep(probe);
}

void TargetRunner::applyStep(const StepProbe &probe)
{
    if (m_cancelled) {
        if (m_outcomeUnknown)
            failStep(StepError::cancelled(), StepStatus::Cancelled);
        else
            endTarget(TargetStatus::Cancelled, u"cancelled"_s);
        return;
    }
    JobState::Step &step = stepState();
    m_intended = probe;
    step.attempts = ++m_applyAttempts;
    // The intent reaches the journal before the call: after a crash, this step is known to have been
    // in flight and is probed again before anything is sent. The journal writes on its own thread;
    // the call goes out when it reports the intent written.
    QJsonObject intent = stepRecord(u"intent"_s);
    intent.insert(u"attempt"_s, m_applyAttempts);
    intent.insert(u"action"_s, stepActionName(probe.action));
    if (!m_job->record(intent, this, [this, probe](bool written) { sendApply(probe, written); }))
        sendApply(probe, false);
}

void TargetRunner::sendApply(const StepProbe &probe, bool intentWritten)
{
    if (!intentWritten) {
        failStep(
            StepError::failed(u"not applied: the job journal cannot be written ("_s + m_job->errorString() + u')'));
        return;
    }
    if (m_cancelled) {
        // Cancelled while the intent was being written: nothing was sent, and a resumed job probes
        // the step (its intent has no change) before anything is.
        if (m_outcomeUnknown)
            failStep(StepError::cancelled(), StepStatus::Cancelled);
        else
            endTarget(TargetStatus::Cancelled, u"cancelled"_s);
        return;
    }
    JobState::Step &step = stepState();
    m_outcomeUnknown = false;
    step.status = StepStatus::Applying;
    notifyStep();
    m_call = Call::Apply;
    m_current->runApply(probe);
}

StepStatus TargetRunner::appliedStatus() const
{
    const bool created
        = (m_earlier && !m_earlier->created.isEmpty()) || (m_intended && m_intended->action == StepAction::Create);
    return created ? StepStatus::Created : StepStatus::Updated;
}

void TargetRunner::onApplied(const StepChange &applied)
{
    StepChange change = applied;
    if (m_earlier) {
        // An earlier attempt did part of the work (found by probing): the change is both.
        change.created = m_earlier->created;
        for (const ResourceRef &ref : applied.created) {
            if (!change.created.contains(ref))
                change.created.append(ref);
        }
        change.updated.clear();
        for (const ResourceRef &ref : m_earlier->updated + applied.updated) {
            if (!change.created.contains(ref) && !change.updated.contains(ref))
                change.updated.append(ref);
        }
        change.summary = m_earlier->summary + u"; then "_s + applied.summary;
    }
    m_call = Call::None;
    m_outcomeUnknown = false;
    m_changedInPass = true;
    JobState::Step &step = stepState();
    step.change = change;
    step.outputs = change.outputs;
    step.error.reset();
    QJsonObject changeRecord = stepRecord(u"change"_s);
    changeRecord.insert(u"attempt"_s, m_applyAttempts);
    changeRecord.insert(u"change"_s, change.toJson());
    if (step.recovered)
        changeRecord.insert(u"recovered"_s, true);
    record(changeRecord);

    if (const QString missing = missingOutputs(change.outputs); !missing.isEmpty()) {
        failStep(
            StepError::failed(u"the change was made but the step gave no outputs %1; a bug in step type \"%2\""_s.arg(
                missing, m_current->context().stepType)));
        return;
    }
    if (m_cancelled) {
        step.verifyDetail = u"not verified: the job was cancelled"_s;
        completeStep(appliedStatus());
        return;
    }
    step.status = StepStatus::Verifying;
    notifyStep();
    m_call = Call::Verify;
    m_current->runVerify(change);
}

void TargetRunner::onVerified(const QString &detail)
{
    m_call = Call::None;
    JobState::Step &step = stepState();
    step.verifyDetail = detail;
    QJsonObject verifyRecord = stepRecord(u"verify"_s);
    verifyRecord.insert(u"detail"_s, detail);
    record(verifyRecord);
    completeStep(appliedStatus());
}

void TargetRunner::onFailed(const StepError &error)
{
    const Call call = m_call;
    m_call = Call::None;
    JobState::Step &step = stepState();
    step.error = error;
    QJsonObject errorRecord = stepRecord(u"error"_s);
    errorRecord.insert(u"call"_s, call == Call::Probe ? u"probe"_s : call == Call::Apply ? u"apply"_s : u"verify"_s);
    errorRecord.insert(u"error"_s, error.toJson());
    record(errorRecord);
    notifyStep();

    const int maxAttempts = m_job->maxAttempts();
    switch (call) {
    case Call::None:
        break;
    case Call::Probe:
        if (error.isRetryable() && !m_cancelled && ++m_probeFailures < maxAttempts) {
            retryLater(Call::Probe, m_probeFailures);
        } else if (m_outcomeUnknown) {
            StepError unknown = error;
            unknown.kind = m_cancelled ? StepError::Kind::Cancelled : StepError::Kind::OutcomeUnknown;
            unknown.message = u"an earlier apply's outcome is unknown and could not be checked: "_s + error.message;
            failStep(unknown, m_cancelled ? StepStatus::Cancelled : StepStatus::Failed);
        } else if (m_cancelled || error.kind == StepError::Kind::Cancelled) {
            endTarget(TargetStatus::Cancelled, u"cancelled"_s);
        } else {
            failStep(error);
        }
        return;
    case Call::Apply:
        if (error.kind == StepError::Kind::Cancelled || (m_cancelled && error.isRetryable())) {
            m_outcomeUnknown = true;
            failStep(error, StepStatus::Cancelled);
        } else if (error.isRetryable()) {
            // Never send again blindly: the change may have happened. Probe first (FACTS §14.6).
            m_outcomeUnknown = true;
            if (m_applyAttempts < maxAttempts) {
                retryLater(Call::Probe, m_applyAttempts);
            } else {
                StepError unknown = error;
                unknown.kind = StepError::Kind::OutcomeUnknown;
                unknown.message = u"gave up after %1 attempts: "_s.arg(m_applyAttempts) + error.message;
                failStep(unknown);
            }
        } else {
            failStep(error);
        }
        return;
    case Call::Verify:
        if (error.isRetryable() && !m_cancelled && ++m_verifyFailures < maxAttempts) {
            retryLater(Call::Verify, m_verifyFailures);
        } else if (m_cancelled || error.kind == StepError::Kind::Cancelled) {
            step.verifyDetail = u"not verified: the job was cancelled"_s;
            completeStep(appliedStatus());
        } else {
            StepError failed = error;
            failed.message = u"applied, but verification failed: "_s + error.message;
            failStep(failed);
        }
        return;
    }
}

void TargetRunner::retryLater(Call call, int failures)
{
    m_retryCall = call;
    m_retryTimer.start(m_job->retryDelay(failures));
}

void TargetRunner::onRetryTimer()
{
    const Call call = std::exchange(m_retryCall, Call::None);
    switch (call) {
    case Call::None:
    case Call::Apply:
        return;
    case Call::Probe:
        probeStep();
        return;
    case Call::Verify:
        if (m_cancelled) {
            stepState().verifyDetail = u"not verified: the job was cancelled"_s;
            completeStep(appliedStatus());
            return;
        }
        stepState().status = StepStatus::Verifying;
        notifyStep();
        m_call = Call::Verify;
        m_current->runVerify(stepState().change);
        return;
    }
}

void TargetRunner::completeStep(StepStatus status)
{
    JobState::Step &step = stepState();
    step.status = status;
    step.finished = QDateTime::currentDateTimeUtc();
    step.error.reset();
    refreshHostname();
    QJsonObject end = stepRecord(u"step-end"_s);
    end.insert(u"status"_s, stepStatusName(status));
    if (!step.outputs.isEmpty())
        end.insert(u"outputs"_s, step.outputs);
    if (!state().hostname.isEmpty())
        end.insert(u"hostname"_s, state().hostname);
    record(end);
    notifyStep();
    QMetaObject::invokeMethod(this, &TargetRunner::nextStep, Qt::QueuedConnection);
}

void TargetRunner::failStep(const StepError &error, StepStatus status)
{
    JobState::Step &step = stepState();
    step.status = status;
    step.error = error;
    step.finished = QDateTime::currentDateTimeUtc();
    QJsonObject end = stepRecord(u"step-end"_s);
    end.insert(u"status"_s, stepStatusName(status));
    end.insert(u"error"_s, error.toJson());
    record(end);
    notifyStep();
    const QString stepId = m_job->state().plan.targets.at(m_target).steps.at(m_step).id;
    switch (status) {
    case StepStatus::Blocked:
        endTarget(TargetStatus::Blocked, u"step \"%1\" blocked: %2"_s.arg(stepId, error.message));
        return;
    case StepStatus::Cancelled:
        endTarget(TargetStatus::Cancelled, u"cancelled during step \"%1\""_s.arg(stepId));
        return;
    default:
        endTarget(TargetStatus::Failed, u"step \"%1\" failed: %2"_s.arg(stepId, error.toString()));
        return;
    }
}

void TargetRunner::skipRemainingSteps()
{
    JobState::Target &target = state();
    for (qsizetype i = std::max(0, m_step + 1); i < target.steps.size(); ++i) {
        JobState::Step &step = target.steps[i];
        if (step.status == StepStatus::Pending) {
            step.status = StepStatus::Skipped;
            m_job->notifyStep(m_target, static_cast<int>(i));
        }
    }
}

void TargetRunner::endPass()
{
    if (!m_dry) {
        endTarget(TargetStatus::Succeeded);
        return;
    }
    if (m_blockedInPass) {
        endTarget(TargetStatus::Blocked, state().message);
        return;
    }
    if (m_pass == Pass::DryThenApply) {
        // Nothing blocked: apply, reusing the probes just made while they still hold.
        m_pass = Pass::Apply;
        m_dry = false;
        m_changedInPass = false;
        record({{u"rec"_s, u"target-start"_s},
                {u"target"_s, m_job->state().plan.targets.at(m_target).id},
                {u"phase"_s, phaseName()}});
        m_step = -1;
        nextStep();
        return;
    }
    endTarget(TargetStatus::Planned);
}

void TargetRunner::endTarget(TargetStatus status, const QString &message)
{
    if (m_ended)
        return;
    m_ended = true;
    m_retryTimer.stop();
    JobState::Target &target = state();
    target.status = status;
    if (!message.isEmpty() || status == TargetStatus::Succeeded || status == TargetStatus::Planned)
        target.message = message;
    target.finished = QDateTime::currentDateTimeUtc();
    if (status == TargetStatus::Failed || status == TargetStatus::Blocked)
        skipRemainingSteps();
    if (m_step >= 0 && m_step < target.steps.size()) {
        JobState::Step &step = target.steps[m_step];
        if (status == TargetStatus::Cancelled && !step.isSettled()) {
            step.status = StepStatus::Cancelled;
            notifyStep();
        }
    }
    QJsonObject end{{u"rec"_s, u"target-end"_s},
                    {u"target"_s, m_job->state().plan.targets.at(m_target).id},
                    {u"status"_s, targetStatusName(status)}};
    if (!target.message.isEmpty())
        end.insert(u"message"_s, target.message);
    if (!target.hostname.isEmpty())
        end.insert(u"hostname"_s, target.hostname);
    record(end);
    if (m_current)
        m_current->deleteLater();
    m_current = nullptr;
    m_job->notifyTarget(m_target);
    qCDebug(lcTargetRunner) << "target" << m_target << targetStatusName(status) << message;
    Q_EMIT finished(m_target);
}

void TargetRunner::cancel()
{
    if (m_ended || m_cancelled)
        return;
    m_cancelled = true;
    if (m_retryTimer.isActive()) {
        // Waiting to try again: end now, the way the retry itself would see the cancel.
        m_retryTimer.stop();
        QMetaObject::invokeMethod(this, &TargetRunner::onRetryTimer, Qt::QueuedConnection);
        return;
    }
    if (m_call != Call::None && m_current)
        m_current->cancel(); // the call still ends, and its handler stops the target
    // Otherwise a nextStep() is queued and sees m_cancelled.
}

} // namespace Ops
