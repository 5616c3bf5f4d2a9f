#pragma once

#include "estatesession.h"
#include "ui/detailpageregistry.h"

#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>

namespace Ops {
class Job;
}
class ActivityPanel;
class CommandPalette;
class ConnectionIndicator;
class DetailPage;
class EstateFilterProxy;
class EstateItemDelegate;
class JobBoard;
class OwnershipInspector;
class OnboardingWizard;
class PreferencesDialog;
class PublishWizard;
class SeatAutoAssignCheck;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTreeView;
class TenantActions;

// The estate window: estate tree on the left (with its type-ahead filter), the detail page of the
// selection in the middle, connection and counts at the bottom. Its size, position and dock layout
// come back as they were left (QSettings, non-secret). It shows a session's estate once one is set
// (connecting happens elsewhere and never on this thread's time).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `session`'s estate (not owned; it must outlive the window or be replaced first) and
    // starts loading its tenants.
    void setSession(EstateSession *session);
    [[nodiscard]] EstateSession *session() const { return m_session; }
    // What the status bar says about the connection while there is no session ("Starting the sandbox…").
    void setConnectionText(const QString &text);

    [[nodiscard]] QTreeView *estateView() const { return m_estateView; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filterEdit; }
    [[nodiscard]] EstateFilterProxy *estateProxy() const { return m_proxy; }
    [[nodiscard]] DetailPageRegistry *detailPages() { return &m_pages; }
    // The page shown for the selection; nullptr when nothing (or nothing with a page) is selected.
    [[nodiscard]] DetailPage *currentPage() const { return m_page; }
    [[nodiscard]] QLabel *tenantCountLabel() const { return m_countLabel; }
    // The jobs of this window (dry runs and applies of plans) and the dock that shows them.
    [[nodiscard]] JobBoard *jobBoard() const { return m_jobs; }
    [[nodiscard]] ActivityPanel *activityPanel() const { return m_activity; }
    [[nodiscard]] QDockWidget *activityDock() const { return m_activityDock; }
    // Ctrl+K: actions and tenants by typing.
    [[nodiscard]] CommandPalette *commandPalette() const { return m_palette; }
    // Selects a tenant of the session's estate in the tree (clearing a filter that hides it).
    void selectTenant(const QString &idOrHostname);
    // Connection state and rate-limit waits of the session's client, in the status bar.
    [[nodiscard]] ConnectionIndicator *connectionIndicator() const { return m_connection; }
    // The context menu the estate tree shows for its selection; the caller owns it.
    [[nodiscard]] QMenu *estateMenu() { return createEstateMenu(); }
    // Add by hostname, alias, deactivate, reactivate (the estate menu offers them).
    [[nodiscard]] TenantActions *tenantActions() const { return m_tenantActions; }
    // Publish Apps…: opens the publish wizard (window-modal) with the tenants selected in the tree
    // as its targets; its Apply shows the rollout in the activity panel. Null without a session.
    PublishWizard *openPublishWizard();
    // Onboard Customer…: opens the onboarding wizard (window-modal) with the region of the tree's
    // current node preselected; its Apply shows the onboarding in the activity panel. Null without
    // a session.
    OnboardingWizard *openOnboardingWizard();
    // Inspect Ownership…: the ownership inspector over the tenants selected in the tree (the whole
    // estate when none is), auditing orphaned bots at once; its Reassign dry runs show in the
    // activity panel. Null without a session.
    OwnershipInspector *openOwnershipInspector();
    // File → Preferences… (Ctrl+,), window-modal.
    PreferencesDialog *openPreferences();

protected:
    // With applies running, asks first; stopping them journals where each stopped, so Retry in the
    // Activity panel resumes them after a restart.
    void closeEvent(QCloseEvent *event) override;

private:
    enum class QuitState { Running, Asking, StoppingJobs, Quitting };
    void askToStopJobsAndQuit();
    void quitWhenJobsStopped();
    void createMenus();
    void createActivityDock();
    void chooseAndDryRunPlan();
    void addCreatedTenants(const Ops::Job *job);
    void registerDefaultPages();
    void restoreLayout();
    void saveLayout() const;
    void openLogFolder();
    void openCredentials();
    void showDetails(const QModelIndex &proxyIndex);
    void expandRegions(const QModelIndex &parent, int first, int last);
    void refreshSelection();
    void checkSeatAutoAssignment(const QList<QPersistentModelIndex> &tenants);
    // The estate tree's context menu for the selection (refresh, tags on tenants); nullptr without a session.
    [[nodiscard]] QMenu *createEstateMenu();
    // Hostnames of the tenants selected in the estate tree.
    [[nodiscard]] QStringList selectedTenantHosts() const;
    // The region of the estate tree's current node (a region, a tenant or below); empty when none.
    [[nodiscard]] QString currentRegionId() const;
    // Hostnames of every tenant the estate tree has loaded.
    [[nodiscard]] QStringList estateTenantHosts() const;
    void updateCounts();

    QPointer<EstateSession> m_session;
    DetailPageRegistry m_pages;
    QDockWidget *m_estateDock = nullptr;
    QTreeView *m_estateView = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    EstateFilterProxy *m_proxy = nullptr;
    EstateItemDelegate *m_delegate = nullptr;
    QStackedWidget *m_center = nullptr;
    QLabel *m_emptyDetails = nullptr;
    DetailPage *m_page = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    TenantActions *m_tenantActions = nullptr;
    JobBoard *m_jobs = nullptr;
    ActivityPanel *m_activity = nullptr;
    QDockWidget *m_activityDock = nullptr;
    ConnectionIndicator *m_connection = nullptr;
    CommandPalette *m_palette = nullptr;
    QuitState m_quitState = QuitState::Running;
    QPointer<SeatAutoAssignCheck> m_seatCheck; // of the current session
};
