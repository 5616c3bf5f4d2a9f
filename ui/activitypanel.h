#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class JobBoard;
class QAction;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QToolBar;
class QTreeView;
namespace Ops {
class Job;
class JobState;
} // namespace Ops

// The activity dock's content (DESIGN.md §6): every job of the JobBoard — live ones first, then the
// history read from the journals — as jobs → targets → steps with status and progress. Actions on
// the selected job: Apply (a finished dry run), Cancel (a running job), Retry failed (a failed or
// cancelled apply, or a resumable job of an earlier run), Export Report (CSV or JSON, issue 7). Applying a
// plan that deletes content asks for a typed confirmation first (bulkDeleteDialog). The selected row's
// details (error, ids created, the API calls an apply makes) show underneath. Never blocks: jobs run on the event loop.
class ActivityPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPanel)

public:
    explicit ActivityPanel(JobBoard *board, QWidget *parent = nullptr);
    ~ActivityPanel() override;

    // Starts the dry run of a plan file and selects it; false with a message when it cannot start.
    bool dryRunPlan(const QString &planPath);

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QAction *applyAction() const { return m_apply; }
    [[nodiscard]] QAction *cancelAction() const { return m_cancel; }
    [[nodiscard]] QAction *retryAction() const { return m_retry; }
    [[nodiscard]] QAction *reloadAction() const { return m_reload; }
    [[nodiscard]] QAction *exportReportAction() const { return m_exportReport; }
    [[nodiscard]] QPlainTextEdit *detailsView() const { return m_details; }
    // The id of the job the selection belongs to; empty when nothing is selected.
    [[nodiscard]] QString currentJobId() const;
    // Selects a job's row (and shows it).
    void selectJob(const QString &jobId);
    // Writes a job's rollout report (Ops::JobReport) to `path`: CSV or JSON by its suffix. `done`
    // gets "" or what went wrong; the file is written off the UI thread.
    void exportReport(const QString &jobId, const QString &path, std::function<void(const QString &error)> done);

Q_SIGNALS:
    // Something for the status bar.
    void message(const QString &text);

private:
    void applyCurrent();
    void applyJob(const QString &jobId);
    // Steps of the plan that delete content and are not already done; `perTenant` says where.
    [[nodiscard]] static int plannedDeletes(const Ops::JobState &state, QStringList *perTenant);
    void cancelCurrent();
    void retryCurrent();
    void chooseReportFile();
    void updateActions();
    void showDetails();
    void jobStarted(Ops::Job *job);
    void jobFinished(Ops::Job *job);
    [[nodiscard]] QModelIndex currentJobIndex() const;

    QPointer<JobBoard> m_board;
    QToolBar *m_toolBar = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_exportReport = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_details = nullptr;
};
