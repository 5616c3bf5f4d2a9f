#include "ui/publishdryrunpage.h"

#include "jobboard.h"
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/planreader.h"
#include "ops/publishedorigins.h"
#include "ui/publishwizard.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

int column(PublishDryRunPage::Column c)
{
    return static_cast<int>(c);
}

// What one step of the dry run says about one app on one tenant: the result column's words and
// whether it is something Apply would do.
struct Verdict
{
    QString result;
    QString detail;
    enum class Kind { Checking, Publish, Republish, UpToDate, Blocked, Failed } kind = Kind::Checking;
};

Verdict verdictOf(const Ops::JobState::Step &step)
{
    Verdict verdict;
    verdict.detail = step.probe ? step.probe->summary : QString();
    switch (step.status) {
    case Ops::StepStatus::Pending:
    case Ops::StepStatus::Probing:
    case Ops::StepStatus::Applying:
    case Ops::StepStatus::Verifying:
        verdict.result = PublishWizard::tr("checking…");
        return verdict;
    case Ops::StepStatus::Planned:
    case Ops::StepStatus::Created:
    case Ops::StepStatus::Updated:
        if (!step.probe || step.probe->action == Ops::StepAction::Create) {
            verdict.kind = Verdict::Kind::Publish;
            verdict.result = PublishWizard::tr("publish");
        } else if (step.probe->changes.isEmpty()) {
            // The copy is current; only a reload or the staging clean-up is left.
            verdict.kind = Verdict::Kind::UpToDate;
            verdict.result = PublishWizard::tr("up to date (finish)");
        } else {
            verdict.kind = Verdict::Kind::Republish;
            verdict.result
                = PublishWizard::tr("republish over %1").arg(step.probe->outputs.value(u"publishedAppId"_s).toString());
        }
        return verdict;
    case Ops::StepStatus::NoChange:
        verdict.kind = Verdict::Kind::UpToDate;
        verdict.result = PublishWizard::tr("up to date");
        return verdict;
    case Ops::StepStatus::Blocked:
        verdict.kind = Verdict::Kind::Blocked;
        verdict.detail = step.probe ? step.probe->blockedReason : QString();
        verdict.result = PublishWizard::tr("blocked: %1").arg(verdict.detail);
        return verdict;
    case Ops::StepStatus::Failed:
        verdict.kind = Verdict::Kind::Failed;
        verdict.detail = step.error ? step.error->message : QString();
        if (step.error && !step.error->code.isEmpty())
            verdict.detail += u" ["_s + step.error->code + u']';
        verdict.result = PublishWizard::tr("failed: %1").arg(verdict.detail);
        return verdict;
    case Ops::StepStatus::Skipped:
        verdict.kind = Verdict::Kind::Blocked;
        verdict.result = PublishWizard::tr("blocked: an earlier app of this tenant cannot go");
        return verdict;
    case Ops::StepStatus::Cancelled:
        verdict.kind = Verdict::Kind::Failed;
        verdict.result = PublishWizard::tr("cancelled");
        return verdict;
    }
    return verdict;
}

} // namespace

PublishDryRunPage::PublishDryRunPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"publishDryRunPage"_s);
    setTitle(tr("Dry run"));
    setSubTitle(tr("What Apply would do on each tenant, read from the tenants now. Nothing changes until you "
                   "apply."));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"dryRunTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Tenant"), tr("App"), tr("Result"), tr("Detail")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(column(Column::Tenant), 220);
    m_table->setColumnWidth(column(Column::App), 140);
    m_table->setColumnWidth(column(Column::Result), 260);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"dryRunCounts"_s);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"dryRunProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_counts);
    layout->addWidget(m_problem);
}

PublishDryRunPage::~PublishDryRunPage() = default;

PublishWizard *PublishDryRunPage::publishWizard() const
{
    return qobject_cast<PublishWizard *>(wizard());
}

QString PublishDryRunPage::dryRunJobId() const
{
    return m_job ? m_job->id() : QString();
}

bool PublishDryRunPage::isDryRunFinished() const
{
    return m_job && !m_job->isRunning();
}

void PublishDryRunPage::initializePage()
{
    startDryRun();
}

void PublishDryRunPage::cleanupPage()
{
    // Back: the answers may change; this dry run says nothing about the next.
    stopDryRun();
    m_table->setRowCount(0);
    m_counts->clear();
    m_problem->clear();
}

void PublishDryRunPage::stopDryRun()
{
    if (m_job) {
        m_job->disconnect(this);
        if (m_job->isRunning())
            m_job->cancel();
    }
    m_job.clear();
}

void PublishDryRunPage::startDryRun()
{
    stopDryRun();
    m_problem->clear();
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->jobBoard())
        return;
    const Ops::RolloutPlanBuilder rollout = wizard->rollout();
    JobBoard *board = wizard->jobBoard();
    // Staged ids earlier rollouts recorded: their copies stay traceable after a staging clean-up.
    m_plan = rollout.toJson(Ops::PublishedOrigins(board->journalDirectory()));
    m_apps.clear();
    for (qsizetype i = 0; i < rollout.appCount(); ++i)
        m_apps.append(rollout.appLabel(i));

    m_table->setRowCount(int(rollout.targets.size() * m_apps.size()));
    for (qsizetype t = 0; t < rollout.targets.size(); ++t) {
        for (qsizetype a = 0; a < m_apps.size(); ++a) {
            const int row = int(t * m_apps.size() + a);
            m_table->setItem(row, column(Column::Tenant), new QTableWidgetItem(rollout.targets.at(t).hostname));
            m_table->setItem(row, column(Column::App), new QTableWidgetItem(m_apps.at(a)));
            m_table->setItem(row, column(Column::Result), new QTableWidgetItem(tr("checking…")));
            m_table->setItem(row, column(Column::Detail), new QTableWidgetItem);
        }
    }

    const Ops::PlanReadResult read = Ops::PlanReader(&board->steps()).fromJson(m_plan);
    if (!read.ok()) {
        QStringList lines;
        for (const Ops::PlanIssue &issue : read.issues)
            lines.append(issue.toString());
        m_problem->setText(tr("The rollout is not a valid plan:\n%1").arg(lines.join(u'\n')));
        Q_EMIT completeChanged();
        return;
    }
    QString error;
    m_job = board->dryRun(*read.plan, &error);
    if (!m_job) {
        m_problem->setText(tr("The dry run could not start: %1").arg(error));
        Q_EMIT completeChanged();
        return;
    }
    connect(m_job, &Ops::Job::targetChanged, this, &PublishDryRunPage::showTarget);
    connect(m_job, &Ops::Job::stepChanged, this, [this](int target, int) { showTarget(target); });
    connect(m_job, &Ops::Job::finished, this, [this] {
        for (qsizetype t = 0; m_job && t < m_job->state().targets.size(); ++t)
            showTarget(int(t));
        showCounts();
        Q_EMIT completeChanged();
    });
    showCounts();
    Q_EMIT completeChanged();
}

void PublishDryRunPage::showTarget(int target)
{
    if (!m_job || target < 0 || target >= m_job->state().targets.size())
        return;
    const Ops::JobState::Target &state = m_job->state().targets.at(target);
    for (qsizetype a = 0; a < state.steps.size() && a < m_apps.size(); ++a) {
        const int row = int(target * m_apps.size() + a);
        const Verdict verdict = verdictOf(state.steps.at(a));
        QTableWidgetItem *result = m_table->item(row, column(Column::Result));
        result->setText(verdict.result);
        result->setToolTip(verdict.result);
        QTableWidgetItem *detail = m_table->item(row, column(Column::Detail));
        detail->setText(verdict.detail);
        detail->setToolTip(verdict.detail);
        const bool attention = verdict.kind == Verdict::Kind::Blocked || verdict.kind == Verdict::Kind::Failed;
        QFont font = result->font();
        font.setBold(attention); // what stops a tenant stands out in a long list
        result->setFont(font);
    }
    showCounts();
}

void PublishDryRunPage::showCounts()
{
    if (!m_job) {
        m_counts->clear();
        return;
    }
    int publish = 0;
    int republish = 0;
    int upToDate = 0;
    int blocked = 0;
    int failed = 0;
    int checking = 0;
    for (const Ops::JobState::Target &target : m_job->state().targets) {
        for (const Ops::JobState::Step &step : target.steps) {
            switch (verdictOf(step).kind) {
            case Verdict::Kind::Checking:
                ++checking;
                break;
            case Verdict::Kind::Publish:
                ++publish;
                break;
            case Verdict::Kind::Republish:
                ++republish;
                break;
            case Verdict::Kind::UpToDate:
                ++upToDate;
                break;
            case Verdict::Kind::Blocked:
                ++blocked;
                break;
            case Verdict::Kind::Failed:
                ++failed;
                break;
            }
        }
    }
    QString text = tr("%1 publish · %2 republish · %3 up to date · %4 blocked · %5 failed")
                       .arg(publish)
                       .arg(republish)
                       .arg(upToDate)
                       .arg(blocked)
                       .arg(failed);
    if (checking > 0)
        text += tr(" · %1 still being checked").arg(checking);
    else if (publish + republish == 0 && upToDate > 0 && blocked + failed == 0)
        text += tr(" — nothing to publish");
    m_counts->setText(text);
}

bool PublishDryRunPage::isComplete() const
{
    return isDryRunFinished();
}

bool PublishDryRunPage::validatePage()
{
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->jobBoard() || !isDryRunFinished())
        return false;
    QString error;
    const Ops::Job *applied = wizard->jobBoard()->applyDryRun(m_job->id(), &error);
    if (!applied) {
        m_problem->setText(tr("Apply could not start: %1").arg(error));
        return false;
    }
    wizard->noteApplied(applied->id());
    return true;
}

QString PublishDryRunPage::savePlan(const QString &path) const
{
    if (m_plan.isEmpty())
        return tr("there is no rollout to save yet");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(m_plan).toJson()) < 0)
        return tr("cannot write the plan to %1: %2").arg(path, file.errorString());
    return {};
}

void PublishDryRunPage::chooseAndSavePlan()
{
    auto *dialog = new QFileDialog(this, tr("Save Rollout as Plan"), QString(), tr("Tenantry plans (*.json)"));
    dialog->setObjectName(u"savePlanDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = savePlan(path);
        m_problem->setText(error.isEmpty() ? tr("Saved the plan to %1; `tenantryctl apply %1` runs it.").arg(path)
                                           : error);
    });
    dialog->open();
}
