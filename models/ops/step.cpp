#include "ops/step.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcStep, "tenantry.ops.step", QtInfoMsg)

namespace Ops {

Step::Step(StepContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

Step::~Step() = default;

QString Step::localPath(const QString &path) const
{
    if (path.isEmpty() || m_context.planDirectory.isEmpty() || !QFileInfo(path).isRelative())
        return path;
    return QDir(m_context.planDirectory).absoluteFilePath(path);
}

StepProbe Step::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(), {});
}

StepChange Step::recoveredChange(StepAction intended, const StepProbe &found) const
{
    StepChange change;
    const bool created = intended == StepAction::Create;
    change.summary = (created ? u"created "_s : u"updated "_s) + describe();
    change.outputs = found.outputs;
    QString id = found.outputs.value(u"id"_s).toString();
    for (auto it = found.outputs.begin(); id.isEmpty() && it != found.outputs.end(); ++it) {
        if (it.key().endsWith(u"Id"_s) && it.value().isString())
            id = it.value().toString();
    }
    if (!id.isEmpty()) {
        const ResourceRef ref{m_context.stepType, id, {}};
        (created ? change.created : change.updated).append(ref);
    }
    return change;
}

void Step::runProbe()
{
    m_pending = Call::Probe;
    probe();
}

void Step::runDeferredProbe()
{
    m_pending = Call::Probe;
    probeDeferred();
}

void Step::probeDeferred()
{
    finishProbe(deferredProbe());
}

void Step::runApply(const StepProbe &probe)
{
    m_pending = Call::Apply;
    apply(probe);
}

void Step::runVerify(const StepChange &change)
{
    m_pending = Call::Verify;
    verify(change);
}

void Step::cancel()
{
    if (m_pending != Call::None)
        abort();
}

bool Step::takeCall(Call expected, const char *what)
{
    if (m_pending != expected || expected == Call::None) {
        qCWarning(lcStep) << "step" << m_context.stepId << "of target" << m_context.targetId << "called" << what
                          << "with no matching call in flight; ignored";
        return false;
    }
    m_pending = Call::None;
    return true;
}

void Step::finishProbe(const StepProbe &probe)
{
    if (!takeCall(Call::Probe, "finishProbe"))
        return;
    QMetaObject::invokeMethod(
        this, [this, probe] { Q_EMIT probed(probe); }, Qt::QueuedConnection);
}

void Step::finishApply(const StepChange &change)
{
    if (!takeCall(Call::Apply, "finishApply"))
        return;
    QMetaObject::invokeMethod(
        this, [this, change] { Q_EMIT applied(change); }, Qt::QueuedConnection);
}

void Step::finishVerify(const QString &detail)
{
    if (!takeCall(Call::Verify, "finishVerify"))
        return;
    QMetaObject::invokeMethod(
        this, [this, detail] { Q_EMIT verified(detail); }, Qt::QueuedConnection);
}

void Step::fail(const StepError &error)
{
    if (!takeCall(m_pending, "fail"))
        return;
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
}

} // namespace Ops
