#include "ui/onboardingreviewpage.h"

#include "jobboard.h"
#include "ops/job.h"
#include "ops/plan.h"
#include "ops/planreader.h"
#include "ui/onboardingwizard.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

int column(OnboardingReviewPage::Column c)
{
    return static_cast<int>(c);
}

// What the dry run says about one step, in the words of the Result column.
struct Verdict
{
    enum class Kind { Checking, Create, Update, NoChange, Blocked, Failed } kind = Kind::Checking;
    QString result;
    QString detail;
};

Verdict verdictOf(const Ops::JobState::Step &step)
{
    Verdict verdict;
    verdict.detail = step.probe ? step.probe->summary : QString();
    if (!step.after.isEmpty() && step.probe)
        verdict.detail += OnboardingWizard::tr(" (once step \"%1\" has run)").arg(step.after);
    switch (step.status) {
    case Ops::StepStatus::Pending:
    case Ops::StepStatus::Probing:
    case Ops::StepStatus::Applying:
    case Ops::StepStatus::Verifying:
        verdict.result = OnboardingWizard::tr("checking…");
        return verdict;
    case Ops::StepStatus::Planned:
    case Ops::StepStatus::Created:
    case Ops::StepStatus::Updated:
        if (step.probe && step.probe->action == Ops::StepAction::Update) {
            verdict.kind = Verdict::Kind::Update;
            verdict.result = OnboardingWizard::tr("update");
            QStringList fields;
            for (const Ops::FieldChange &change : step.probe->changes)
                fields.append(change.field);
            if (!fields.isEmpty())
                verdict.detail += u" — "_s + fields.join(u", "_s);
        } else {
            verdict.kind = Verdict::Kind::Create;
            verdict.result = OnboardingWizard::tr("create");
        }
        return verdict;
    case Ops::StepStatus::NoChange:
        verdict.kind = Verdict::Kind::NoChange;
        verdict.result = OnboardingWizard::tr("no change");
        return verdict;
    case Ops::StepStatus::Blocked:
        verdict.kind = Verdict::Kind::Blocked;
        verdict.detail = step.probe ? step.probe->blockedReason : QString();
        verdict.result = OnboardingWizard::tr("blocked: %1").arg(verdict.detail);
        return verdict;
    case Ops::StepStatus::Failed:
        verdict.kind = Verdict::Kind::Failed;
        verdict.detail = step.error ? step.error->message : QString();
        verdict.result = OnboardingWizard::tr("failed: %1").arg(verdict.detail);
        return verdict;
    case Ops::StepStatus::Skipped:
        verdict.kind = Verdict::Kind::Blocked;
        verdict.result = OnboardingWizard::tr("blocked: an earlier step cannot run");
        return verdict;
    case Ops::StepStatus::Cancelled:
        verdict.kind = Verdict::Kind::Failed;
        verdict.result = OnboardingWizard::tr("cancelled");
        return verdict;
    }
    return verdict;
}

} // namespace

OnboardingReviewPage::OnboardingReviewPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingReviewPage"_s);
    setTitle(tr("Review"));
    setSubTitle(tr("What Apply would do, step by step, read from Qlik Cloud now. Nothing changes until you apply."));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"reviewTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Step"), tr("Result"), tr("Detail"), tr("API calls")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(column(Column::Step), 220);
    m_table->setColumnWidth(column(Column::Result), 100);
    m_table->setColumnWidth(column(Column::Detail), 340);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"reviewCounts"_s);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"reviewProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_counts);
    layout->addWidget(m_problem);
}

OnboardingReviewPage::~OnboardingReviewPage() = default;

OnboardingWizard *OnboardingReviewPage::onboardingWizard() const
{
    return qobject_cast<OnboardingWizard *>(wizard());
}

QString OnboardingReviewPage::dryRunJobId() const
{
    return m_job ? m_job->id() : QString();
}

bool OnboardingReviewPage::isDryRunFinished() const
{
    return m_job && !m_job->isRunning();
}

void OnboardingReviewPage::initializePage()
{
    startDryRun();
}

void OnboardingReviewPage::cleanupPage()
{
    // Back: the answers may change; this dry run says nothing about the next.
    stopDryRun();
    m_table->setRowCount(0);
    m_counts->clear();
    m_problem->clear();
    m_plan = {};
}

void OnboardingReviewPage::stopDryRun()
{
    if (m_job) {
        m_job->disconnect(this);
        if (m_job->isRunning())
            m_job->cancel();
    }
    m_job.clear();
}

void OnboardingReviewPage::startDryRun()
{
    stopDryRun();
    m_problem->clear();
    m_table->setRowCount(0);
    OnboardingWizard *wizard = onboardingWizard();
    if (!wizard || !wizard->jobBoard())
        return;
    const Ops::OnboardingPlanBuilder builder = wizard->planBuilder();
    if (const QStringList problems = builder.problems(); !problems.isEmpty()) {
        m_plan = {};
        m_problem->setText(tr("The onboarding cannot be planned yet:\n%1").arg(problems.join(u'\n')));
        Q_EMIT completeChanged();
        return;
    }
    m_plan = builder.toJson();
    // Labels are for people and the engine does not resolve them: name the customer in them.
    QJsonArray targets = m_plan.value(u"targets"_s).toArray();
    QJsonObject target = targets.first().toObject();
    QJsonArray steps = target.value(u"steps"_s).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QJsonObject step = steps.at(i).toObject();
        step.insert(u"label"_s,
                    step.value(u"label"_s).toString().replace(u"${vars.customer}"_s, builder.customer.name));
        steps.replace(i, step);
    }
    target.insert(u"steps"_s, steps);
    targets.replace(0, target);
    m_plan.insert(u"targets"_s, targets);
    m_table->setRowCount(int(steps.size()));
    for (int row = 0; row < steps.size(); ++row) {
        const QJsonObject step = steps.at(row).toObject();
        auto *name = new QTableWidgetItem(step.value(u"label"_s).toString());
        name->setToolTip(step.value(u"id"_s).toString() + u" ("_s + step.value(u"type"_s).toString() + u')');
        m_table->setItem(row, column(Column::Step), name);
        m_table->setItem(row, column(Column::Result), new QTableWidgetItem(tr("checking…")));
        m_table->setItem(row, column(Column::Detail), new QTableWidgetItem);
        m_table->setItem(row, column(Column::Calls), new QTableWidgetItem);
    }

    JobBoard *board = wizard->jobBoard();
    const Ops::PlanReadResult read = Ops::PlanReader(&board->steps()).fromJson(m_plan);
    if (!read.ok()) {
        m_problem->setText(
            tr("The onboarding is not a valid plan:\n%1").arg(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));
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
    connect(m_job, &Ops::Job::targetChanged, this, &OnboardingReviewPage::showSteps);
    connect(m_job, &Ops::Job::stepChanged, this, &OnboardingReviewPage::showSteps);
    connect(m_job, &Ops::Job::finished, this, [this] {
        showSteps();
        Q_EMIT completeChanged();
    });
    showSteps();
    Q_EMIT completeChanged();
}

void OnboardingReviewPage::showSteps()
{
    if (!m_job || m_job->state().targets.isEmpty())
        return;
    const Ops::JobState::Target &target = m_job->state().targets.constFirst();
    QMap<Verdict::Kind, int> counts;
    for (qsizetype i = 0; i < target.steps.size() && i < m_table->rowCount(); ++i) {
        const Ops::JobState::Step &step = target.steps.at(i);
        const Verdict verdict = verdictOf(step);
        ++counts[verdict.kind];
        const int row = int(i);
        QTableWidgetItem *result = m_table->item(row, column(Column::Result));
        result->setText(verdict.result);
        result->setToolTip(verdict.result);
        QFont font = result->font();
        font.setBold(verdict.kind == Verdict::Kind::Blocked || verdict.kind == Verdict::Kind::Failed);
        result->setFont(font);
        QTableWidgetItem *detail = m_table->item(row, column(Column::Detail));
        detail->setText(verdict.detail);
        detail->setToolTip(verdict.detail);
        const QString calls = step.probe ? step.probe->calls.join(u"; "_s) : QString();
        m_table->item(row, column(Column::Calls))->setText(calls);
        m_table->item(row, column(Column::Calls))->setToolTip(calls);
    }
    QString text = tr("%1 create · %2 update · %3 no change · %4 blocked · %5 failed")
                       .arg(counts.value(Verdict::Kind::Create))
                       .arg(counts.value(Verdict::Kind::Update))
                       .arg(counts.value(Verdict::Kind::NoChange))
                       .arg(counts.value(Verdict::Kind::Blocked))
                       .arg(counts.value(Verdict::Kind::Failed));
    if (counts.value(Verdict::Kind::Checking) > 0)
        text += tr(" · %1 still being checked").arg(counts.value(Verdict::Kind::Checking));
    else if (counts.value(Verdict::Kind::Create) + counts.value(Verdict::Kind::Update) == 0)
        text += tr(" — nothing to do");
    // What the plan-wide checks found, e.g. the shared license pool the seats come from.
    for (const QString &note : m_job->state().notes)
        text += u'\n' + note;
    m_counts->setText(text);
    if (!target.message.isEmpty())
        m_problem->setText(target.message);
}

bool OnboardingReviewPage::isComplete() const
{
    return isDryRunFinished();
}

bool OnboardingReviewPage::validatePage()
{
    OnboardingWizard *wizard = onboardingWizard();
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

QString OnboardingReviewPage::savePlan(const QString &path) const
{
    if (m_plan.isEmpty())
        return tr("there is no plan to save yet");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(m_plan).toJson()) < 0)
        return tr("cannot write the plan to %1: %2").arg(path, file.errorString());
    return {};
}

void OnboardingReviewPage::chooseAndSavePlan()
{
    auto *dialog = new QFileDialog(this, tr("Save Onboarding as Plan"), QString(), tr("Tenantry plans (*.json)"));
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
