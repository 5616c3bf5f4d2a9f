#include "ui/activitypanel.h"

#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/job.h"
#include "ops/jobreport.h"
#include "preferences.h"
#include "tableexport.h"
#include "ui/iconcatalog.h"
#include "ui/typedconfirmationdialog.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using Role = JobListModel::Role;

namespace {

int roleOf(Role role)
{
    return static_cast<int>(role);
}

QString stringOf(const QModelIndex &index, Role role)
{
    return index.data(roleOf(role)).toString();
}

} // namespace

ActivityPanel::ActivityPanel(JobBoard *board, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
{
    setObjectName(u"activityPanel"_s);
    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_apply = m_toolBar->addAction(IconCatalog::icon(Icon::Apply), tr("&Apply"), this, &ActivityPanel::applyCurrent);
    m_apply->setObjectName(u"applyJobAction"_s);
    m_apply->setToolTip(tr("Apply the plan of the selected dry run"));
    m_cancel
        = m_toolBar->addAction(IconCatalog::icon(Icon::Cancel), tr("&Cancel"), this, &ActivityPanel::cancelCurrent);
    m_cancel->setObjectName(u"cancelJobAction"_s);
    m_cancel->setToolTip(tr("Stop the selected job (steps in flight finish their call first)"));
    m_retry = m_toolBar->addAction(IconCatalog::icon(Icon::RetryFailed), tr("&Retry Failed"), this,
                                   &ActivityPanel::retryCurrent);
    m_retry->setObjectName(u"retryJobAction"_s);
    m_retry->setToolTip(tr("Run the failed targets again, or resume an interrupted or cancelled job"));
    m_toolBar->addSeparator();
    m_reload = m_toolBar->addAction(IconCatalog::icon(Icon::Refresh), tr("Reload &History"), this, [this] {
        if (m_board)
            m_board->reloadHistory();
        updateActions();
    });
    m_reload->setObjectName(u"reloadJobsAction"_s);
    m_exportReport = m_toolBar->addAction(IconCatalog::icon(Icon::ExportCsv), tr("&Export Report…"), this,
                                          &ActivityPanel::chooseReportFile);
    m_exportReport->setObjectName(u"exportReportAction"_s);
    m_exportReport->setToolTip(
        tr("Save what the selected job did per target and step (ids, durations, errors) as CSV or JSON"));

    m_view = new QTreeView(this);
    m_view->setObjectName(u"activityView"_s);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setModel(board->model());
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(static_cast<int>(JobListModel::Column::Name), 320);
    m_view->setColumnWidth(static_cast<int>(JobListModel::Column::Status), 100);
    m_view->setColumnWidth(static_cast<int>(JobListModel::Column::Progress), 70);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"activitySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"activityDetails"_s);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a job, target or step to see what it did."));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        showDetails();
    });
    // Status changes of the selected job come as dataChanged (coalesced by the model).
    connect(board->model(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid())
            return;
        if (topLeft.parent() == current.parent() || !topLeft.parent().isValid()) {
            updateActions();
            showDetails();
        }
    });
    connect(board->model(), &QAbstractItemModel::rowsRemoved, this, &ActivityPanel::updateActions);
    connect(board, &JobBoard::jobStarted, this, &ActivityPanel::jobStarted);
    connect(board, &JobBoard::jobFinished, this, &ActivityPanel::jobFinished);
    updateActions();
}

ActivityPanel::~ActivityPanel() = default;

QModelIndex ActivityPanel::currentJobIndex() const
{
    QModelIndex index = m_view->currentIndex();
    while (index.parent().isValid())
        index = index.parent();
    return index.siblingAtColumn(0);
}

QString ActivityPanel::currentJobId() const
{
    return stringOf(currentJobIndex(), Role::JobId);
}

void ActivityPanel::selectJob(const QString &jobId)
{
    if (!m_board)
        return;
    const QModelIndex index = m_board->model()->indexOfJob(jobId);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->expand(index);
    m_view->scrollTo(index);
}

bool ActivityPanel::dryRunPlan(const QString &planPath)
{
    if (!m_board)
        return false;
    QString error;
    Ops::Job *job = m_board->dryRun(planPath, &error);
    if (!job) {
        m_summary->setText(tr("The plan cannot run: %1").arg(error));
        Q_EMIT message(error.section(u'\n', 0, 0));
        return false;
    }
    return true;
}

void ActivityPanel::jobStarted(Ops::Job *job)
{
    selectJob(job->id());
    const QString name = job->state().plan.name.isEmpty() ? job->id() : job->state().plan.name;
    m_summary->setText(job->mode() == Ops::Job::Mode::DryRun ? tr("Dry run of %1…").arg(name)
                                                             : tr("Applying %1…").arg(name));
    updateActions();
}

void ActivityPanel::jobFinished(Ops::Job *job)
{
    const Ops::JobState &state = job->state();
    const Ops::JobState::Counts counts = state.counts();
    const QString name = state.plan.name.isEmpty() ? job->id() : state.plan.name;
    QString text;
    if (job->mode() == Ops::Job::Mode::DryRun) {
        text = counts.blocked + counts.failed == 0
            ? tr("Dry run of %1 done: %n target(s) ready. Review the steps, then Apply.", nullptr, counts.targets)
                  .arg(name)
            : tr("Dry run of %1 done: %2 blocked, %3 failed — fix the plan before applying.")
                  .arg(name)
                  .arg(counts.blocked)
                  .arg(counts.failed);
    } else {
        text = tr("%1: %2 — %3 succeeded, %4 failed, %5 blocked, %6 cancelled.")
                   .arg(name, Ops::jobStatusName(state.status))
                   .arg(counts.succeeded)
                   .arg(counts.failed)
                   .arg(counts.blocked)
                   .arg(counts.cancelled);
    }
    m_summary->setText(text);
    Q_EMIT message(text);
    updateActions();
}

void ActivityPanel::updateActions()
{
    const QModelIndex job = currentJobIndex();
    const QString jobId = stringOf(job, Role::JobId);
    const Ops::Job *live = m_board && !jobId.isEmpty() ? m_board->liveJob(jobId) : nullptr;
    const bool dryRun = job.data(roleOf(Role::DryRun)).toBool();
    m_cancel->setEnabled(live && live->isRunning());
    m_apply->setEnabled(live && dryRun && !live->isRunning() && live->state().status == Ops::JobStatus::Planned
                        && live->state().counts().blocked == 0 && live->state().counts().failed == 0);
    // Past jobs answer from the model's roles: no journal is read on every update of a live job.
    const bool pastRetryable = !live && !jobId.isEmpty() && !dryRun
        && (job.data(roleOf(Role::Resumable)).toBool()
            || stringOf(job, Role::Status) == Ops::jobStatusName(Ops::JobStatus::Failed));
    m_retry->setEnabled(live ? m_board->canRetry(jobId) : pastRetryable);
    m_exportReport->setEnabled(!jobId.isEmpty());
}

void ActivityPanel::showDetails()
{
    const QModelIndex index = m_view->currentIndex().siblingAtColumn(0);
    if (!index.isValid()) {
        m_details->clear();
        return;
    }
    QStringList lines;
    const auto kind = static_cast<JobListModel::Kind>(index.data(roleOf(Role::Kind)).toInt());
    lines.append(index.data(Qt::DisplayRole).toString());
    lines.append(tr("Status: %1").arg(stringOf(index, Role::Status)));
    switch (kind) {
    case JobListModel::Kind::Job:
        lines.append(tr("Job: %1").arg(stringOf(index, Role::JobId)));
        if (const QString journal = stringOf(index, Role::JournalPath); !journal.isEmpty())
            lines.append(tr("Journal: %1").arg(journal));
        if (index.data(roleOf(Role::Resumable)).toBool())
            lines.append(tr("Resumable: Retry Failed completes it from its journal."));
        lines.append(stringOf(index, Role::Summary));
        break;
    case JobListModel::Kind::Target:
        lines.append(tr("Host: %1").arg(stringOf(index, Role::Hostname)));
        if (const QString why = stringOf(index, Role::Error); !why.isEmpty())
            lines.append(why);
        break;
    case JobListModel::Kind::Step: {
        lines.append(tr("Step: %1 (%2)").arg(stringOf(index, Role::StepId), stringOf(index, Role::StepType)));
        lines.append(stringOf(index, Role::Summary));
        if (const QString error = stringOf(index, Role::Error); !error.isEmpty())
            lines.append(tr("Error: %1").arg(error));
        if (const QString after = stringOf(index, Role::After); !after.isEmpty())
            lines.append(tr("Probed once step %1 has run").arg(after));
        if (const int attempts = index.data(roleOf(Role::Attempts)).toInt(); attempts > 0)
            lines.append(tr("Apply attempts: %1").arg(attempts));
        const QStringList created = index.data(roleOf(Role::CreatedIds)).toStringList();
        if (!created.isEmpty())
            lines.append(tr("Created: %1").arg(created.join(u", "_s)));
        const QStringList updated = index.data(roleOf(Role::UpdatedIds)).toStringList();
        if (!updated.isEmpty())
            lines.append(tr("Updated: %1").arg(updated.join(u", "_s)));
        const QStringList calls = index.data(roleOf(Role::Calls)).toStringList();
        if (!calls.isEmpty())
            lines.append(tr("API calls:\n  %1").arg(calls.join(u"\n  "_s)));
        break;
    }
    }
    lines.removeAll(QString());
    const QString text = lines.join(u'\n');
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

int ActivityPanel::plannedDeletes(const Ops::JobState &state, QStringList *perTenant)
{
    int total = 0;
    for (qsizetype t = 0; t < state.plan.targets.size() && t < state.targets.size(); ++t) {
        const Ops::Plan::Target &target = state.plan.targets.at(t);
        int deletes = 0;
        for (qsizetype s = 0; s < target.steps.size() && s < state.targets.at(t).steps.size(); ++s) {
            // Ops::OwnershipDeleteStep; what the dry run found gone already does not count.
            if (target.steps.at(s).type == "delete"_L1
                && state.targets.at(t).steps.at(s).status != Ops::StepStatus::NoChange)
                ++deletes;
        }
        if (deletes > 0)
            perTenant->append(tr("%n item(s) on %1", nullptr, deletes).arg(target.hostname.toHtmlEscaped()));
        total += deletes;
    }
    return total;
}

void ActivityPanel::applyCurrent()
{
    if (!m_board)
        return;
    const QString jobId = currentJobId();
    const Ops::Job *dry = m_board->liveJob(jobId);
    QStringList perTenant;
    const int count = dry ? plannedDeletes(dry->state(), &perTenant) : 0;
    if (count == 0) {
        applyJob(jobId);
        return;
    }
    // Deleting cannot be undone: a typed confirmation of how many items go (issue 8), under the
    // confirmation policy (always when more than one item goes).
    const QString message
        = tr("Applying this plan <b>deletes</b> content for good: %1. Nothing deleted can be restored.")
              .arg(perTenant.join(u", "_s));
    auto *dialog
        = new TypedConfirmationDialog(tr("Delete Content"), message, tr("delete %1 items").arg(count), window());
    dialog->setObjectName(u"bulkDeleteDialog"_s);
    dialog->setActionText(tr("Delete %1 Items").arg(count));
    dialog->setTypingRequired(Preferences::needsTypedConfirmation(count));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, jobId] { applyJob(jobId); });
    dialog->open();
}

void ActivityPanel::applyJob(const QString &jobId)
{
    if (!m_board)
        return;
    QString error;
    if (!m_board->applyDryRun(jobId, &error)) {
        m_summary->setText(tr("Cannot apply: %1").arg(error));
        Q_EMIT message(error);
    }
}

void ActivityPanel::cancelCurrent()
{
    if (!m_board)
        return;
    QString error;
    if (!m_board->cancel(currentJobId(), &error))
        Q_EMIT message(error);
    else
        m_summary->setText(tr("Cancelling…"));
}

void ActivityPanel::retryCurrent()
{
    if (!m_board)
        return;
    QString error;
    if (!m_board->retry(currentJobId(), &error)) {
        m_summary->setText(tr("Cannot retry: %1").arg(error));
        Q_EMIT message(error);
    }
}

void ActivityPanel::exportReport(const QString &jobId, const QString &path,
                                 std::function<void(const QString &error)> done)
{
    if (!m_board || jobId.isEmpty()) {
        done(tr("Select a job to export its report"));
        return;
    }
    Ops::JobReport::Format format = Ops::JobReport::Format::Csv;
    if (!Ops::JobReport::formatForPath(path, &format)) {
        done(tr("Cannot export to %1: the name must end in .csv or .json").arg(path));
        return;
    }
    QString error;
    const std::optional<Ops::JobState> state = m_board->jobState(jobId, &error);
    if (!state) {
        done(tr("Cannot read job %1: %2").arg(jobId, error));
        return;
    }
    const Ops::JobReport report = Ops::JobReport::fromState(*state);
    const auto rows = static_cast<int>(report.rows().size());
    TableExport::writeFile(path, report.toBytes(format), this,
                           [this, path, rows, done = std::move(done)](const QString &writeError) {
                               if (writeError.isEmpty())
                                   Q_EMIT message(tr("Exported %n report row(s) to %1", nullptr, rows).arg(path));
                               done(writeError);
                           });
}

void ActivityPanel::chooseReportFile()
{
    const QString jobId = currentJobId();
    if (jobId.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Export Report"), u"report-"_s + jobId + u".csv"_s,
                                   tr("CSV files (*.csv);;JSON files (*.json)"));
    dialog->setObjectName(u"exportReportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(u"json"_s) ? u"json"_s : u"csv"_s);
    });
    // The job chosen now: a job starting meanwhile takes the selection.
    connect(dialog, &QFileDialog::fileSelected, this, [this, jobId](const QString &path) {
        exportReport(jobId, path, [this](const QString &error) {
            if (!error.isEmpty()) {
                m_summary->setText(error);
                Q_EMIT message(error);
            }
        });
    });
    dialog->open(); // window-modal: never a nested event loop
}
