#include "ui/mainwindow.h"

#include "cloud/cloudclient.h"
#include "cloud/inventorytenant.h"
#include "cloud/tenantinventory.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "jobboard.h"
#include "logging/applicationlog.h"
#include "ops/createdtenants.h"
#include "ops/job.h"
#include "preferences.h"
#include "seatautoassigncheck.h"
#include "tenanttagstore.h"
#include "ui/activitypanel.h"
#include "ui/commandpalette.h"
#include "ui/connectionindicator.h"
#include "ui/credentialsdialog.h"
#include "ui/detailpage.h"
#include "ui/estateitemdelegate.h"
#include "ui/iconcatalog.h"
#include "ui/licensepage.h"
#include "ui/onboardingwizard.h"
#include "ui/ownershipinspector.h"
#include "ui/preferencesdialog.h"
#include "ui/propertiespage.h"
#include "ui/publishwizard.h"
#include "ui/resourcetablepage.h"
#include "ui/tenantactions.h"
#include "ui/tenantpage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QColor>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include <algorithm>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// QSettings keys of the window's layout; the state covers docks and toolbars by their object names.
constexpr auto geometryKey = "MainWindow/geometry"_L1;
constexpr auto stateKey = "MainWindow/state"_L1;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Tenantry"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1200, 760);

    m_proxy = new EstateFilterProxy(this);
    m_delegate = new EstateItemDelegate(this);

    m_estateView = new QTreeView(this);
    m_estateView->setObjectName(QStringLiteral("estateView"));
    m_estateView->setHeaderHidden(true);
    m_estateView->setUniformRowHeights(true);
    m_estateView->setItemDelegate(m_delegate);
    m_estateView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_estateView->setModel(m_proxy);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("estateFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter tenants (name, hostname, label, tag)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->addAction(IconCatalog::icon(Icon::Filter), QLineEdit::LeadingPosition);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCounts();
    });

    auto *estatePane = new QWidget(this);
    auto *estateLayout = new QVBoxLayout(estatePane);
    estateLayout->setContentsMargins(2, 2, 2, 2);
    estateLayout->setSpacing(2);
    estateLayout->addWidget(m_filterEdit);
    estateLayout->addWidget(m_estateView, 1);

    m_estateDock = new QDockWidget(tr("Estate"), this);
    m_estateDock->setObjectName(QStringLiteral("estateDock"));
    m_estateDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_estateDock->setWidget(estatePane);
    addDockWidget(Qt::LeftDockWidgetArea, m_estateDock);
    resizeDocks({m_estateDock}, {420}, Qt::Horizontal);

    m_emptyDetails = new QLabel(tr("Select a tenant or a resource in the estate to see its details."), this);
    m_emptyDetails->setAlignment(Qt::AlignCenter);
    m_emptyDetails->setEnabled(false);
    m_center = new QStackedWidget(this);
    m_center->setObjectName(QStringLiteral("detailArea"));
    m_center->addWidget(m_emptyDetails);
    setCentralWidget(m_center);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("tenantCount"));
    statusBar()->addPermanentWidget(m_countLabel);
    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    m_connection = new ConnectionIndicator(this);
    statusBar()->addPermanentWidget(m_connection);

    m_estateView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_estateView, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu *menu = createEstateMenu();
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_estateView->viewport()->mapToGlobal(position));
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::expandRegions);
    connect(m_estateView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showDetails(current); });

    m_tenantActions = new TenantActions(this);
    connect(m_tenantActions, &TenantActions::finished, this,
            [this](bool, const QString &message) { statusBar()->showMessage(message.section(u'\n', 0, 0), 10000); });

    createActivityDock();
    registerDefaultPages();
    createMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::registerDefaultPages()
{
    const auto table = [](QWidget *parent) -> DetailPage * { return new ResourceTablePage(parent); };
    const auto properties = [](QWidget *parent) -> DetailPage * { return new PropertiesPage(parent); };
    for (const EstateNodeKind kind :
         {EstateNodeKind::Organization, EstateNodeKind::Region, EstateNodeKind::Users, EstateNodeKind::Groups,
          EstateNodeKind::Spaces, EstateNodeKind::Space, EstateNodeKind::Extensions, EstateNodeKind::Themes,
          EstateNodeKind::IdentityProviders, EstateNodeKind::CspOrigins, EstateNodeKind::WebIntegrations,
          EstateNodeKind::Automations, EstateNodeKind::BotUsers})
        m_pages.add(kind, table);
    for (const EstateNodeKind kind :
         {EstateNodeKind::User, EstateNodeKind::Group, EstateNodeKind::App, EstateNodeKind::Extension,
          EstateNodeKind::Theme, EstateNodeKind::IdentityProvider, EstateNodeKind::CspOrigin,
          EstateNodeKind::WebIntegration, EstateNodeKind::Automation, EstateNodeKind::BotUser})
        m_pages.add(kind, properties);
    m_pages.add(EstateNodeKind::Tenant, [](QWidget *parent) -> DetailPage * { return new TenantPage(parent); });
    m_pages.add(EstateNodeKind::License, [](QWidget *parent) -> DetailPage * { return new LicensePage(parent); });
}

void MainWindow::setSession(EstateSession *session)
{
    if (m_page) {
        m_center->removeWidget(m_page);
        delete m_page;
        m_page = nullptr;
    }
    if (m_session)
        m_session->model()->disconnect(this);
    m_session = session;
    m_tenantActions->setSession(session);
    m_jobs->setCloudClient(session ? session->client() : nullptr);
    m_connection->setClient(session ? session->client() : nullptr);
    m_proxy->setSourceModel(session ? session->model() : nullptr);
    m_delegate->setTagStore(session ? session->tags() : nullptr);
    m_connectionLabel->setText(session ? session->description() : tr("Not connected"));
    if (!session) {
        updateCounts();
        return;
    }
    EstateModel *model = session->model();
    delete m_seatCheck;
    m_seatCheck = new SeatAutoAssignCheck(session->client(), model, this);
    connect(m_seatCheck, &SeatAutoAssignCheck::finished, this,
            [this](int checked, const QStringList &takingSeats, const QStringList &failed) {
                QString text = takingSeats.isEmpty()
                    ? tr("None of %1 tenants checked takes seats automatically.").arg(checked)
                    : tr("%1 of %2 tenants checked take seats automatically: %3")
                          .arg(takingSeats.size())
                          .arg(checked)
                          .arg(takingSeats.join(u", "_s));
                if (!failed.isEmpty())
                    text += u' ' + tr("%1 could not be checked: %2").arg(failed.size()).arg(failed.join(u"; "_s));
                statusBar()->showMessage(text, 15000);
            });
    connect(model, &EstateModel::tenantsInserted, this, &MainWindow::updateCounts);
    connect(model, &EstateModel::tenantsLoadingChanged, this, &MainWindow::updateCounts);
    connect(model, &EstateModel::loadFailed, this, [this](const QModelIndex &, const QString &message) {
        statusBar()->showMessage(message.section(u'\n', 0, 0), 8000);
    });
    // Expanding the organization loads the tenant list (QTreeView asks the model to fetch).
    const QModelIndex organization = m_proxy->mapFromSource(model->organizationIndex());
    m_estateView->expand(organization);
    if (model->canFetchMore(model->organizationIndex()))
        model->fetchMore(model->organizationIndex());
    updateCounts();
}

void MainWindow::checkSeatAutoAssignment(const QList<QPersistentModelIndex> &tenants)
{
    if (!m_seatCheck)
        return;
    statusBar()->showMessage(tr("Checking the license settings of %1 tenants…").arg(tenants.size()));
    m_seatCheck->start(QModelIndexList(tenants.cbegin(), tenants.cend()));
}

QMenu *MainWindow::createEstateMenu()
{
    if (!m_session)
        return nullptr;
    EstateModel *model = m_session->model();
    QModelIndexList tenants;
    for (const QModelIndex &selected : m_estateView->selectionModel()->selectedRows()) {
        const QModelIndex node = m_proxy->mapToSource(selected);
        if (model->kind(node) == EstateNodeKind::Tenant)
            tenants.append(node);
    }
    auto *menu = new QMenu(this);
    menu->setObjectName(u"estateMenu"_s);
    menu->addAction(IconCatalog::icon(Icon::Refresh), tr("&Refresh"), this, &MainWindow::refreshSelection);
    m_tenantActions->addActions(menu, tenants);
    if (tenants.isEmpty())
        return menu;
    menu->addSeparator();
    QAction *publish
        = menu->addAction(IconCatalog::icon(Icon::Publish), tr("&Publish Apps…"), this, &MainWindow::openPublishWizard);
    publish->setObjectName(u"publishAppsToSelectionAction"_s);
    const QList<QPersistentModelIndex> selected(tenants.cbegin(), tenants.cend());
    QAction *seats = menu->addAction(IconCatalog::icon(Icon::License), tr("Check &Seat Auto-Assignment"), this,
                                     [this, selected] { checkSeatAutoAssignment(selected); });
    seats->setObjectName(u"seatCheckAction"_s);
    seats->setStatusTip(tr("Read the license settings of the selected tenants and flag those whose new users "
                           "take seats automatically"));
    QAction *inspect = menu->addAction(IconCatalog::icon(Icon::BotUser), tr("&Inspect Ownership…"), this,
                                       &MainWindow::openOwnershipInspector);
    inspect->setObjectName(u"inspectOwnershipOfSelectionAction"_s);
    // Tags on the selected tenants: checked when every one of them carries it.
    QMenu *tags = menu->addMenu(IconCatalog::icon(Icon::Tag), tr("&Tags"));
    tags->setObjectName(u"tagMenu"_s);
    for (const TenantTag &tag : m_session->tags()->definitions()) {
        const bool all = std::all_of(tenants.cbegin(), tenants.cend(), [model, &tag](const QModelIndex &tenant) {
            return model->tenantTags(tenant).contains(tag.name);
        });
        QAction *action = tags->addAction(TenantTagStore::displayName(tag.name));
        action->setObjectName(u"tag-"_s + tag.name);
        action->setCheckable(true);
        action->setChecked(all);
        QPixmap swatch(12, 12);
        swatch.fill(QColor(tag.color));
        action->setIcon(QIcon(swatch));
        const QList<QPersistentModelIndex> targets(tenants.cbegin(), tenants.cend());
        connect(action, &QAction::toggled, this, [this, targets, name = tag.name](bool on) {
            if (!m_session)
                return;
            const QModelIndexList indexes(targets.cbegin(), targets.cend());
            const QString error = m_session->model()->setTag(indexes, name, on);
            if (!error.isEmpty())
                statusBar()->showMessage(error, 8000);
        });
    }
    return menu;
}

QStringList MainWindow::selectedTenantHosts() const
{
    QStringList hosts;
    if (!m_session)
        return hosts;
    const EstateModel *model = m_session->model();
    for (const QModelIndex &selected : m_estateView->selectionModel()->selectedRows()) {
        const QModelIndex node = m_proxy->mapToSource(selected);
        if (model->kind(node) == EstateNodeKind::Tenant)
            hosts.append(node.data(int(EstateModel::Role::Hostname)).toString());
    }
    return hosts;
}

QString MainWindow::currentRegionId() const
{
    if (!m_session)
        return {};
    const QModelIndex node = m_proxy->mapToSource(m_estateView->currentIndex());
    return node.isValid() ? node.data(int(EstateModel::Role::RegionId)).toString() : QString();
}

QStringList MainWindow::estateTenantHosts() const
{
    QStringList hosts;
    if (!m_session)
        return hosts;
    const EstateModel *model = m_session->model();
    // Tenants sit under regions (or under the organization): two levels are enough.
    QList<QModelIndex> parents{QModelIndex()};
    for (int depth = 0; depth < 3 && !parents.isEmpty(); ++depth) {
        QList<QModelIndex> next;
        for (const QModelIndex &parent : std::as_const(parents)) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex node = model->index(row, 0, parent);
                if (model->kind(node) == EstateNodeKind::Tenant)
                    hosts.append(node.data(int(EstateModel::Role::Hostname)).toString());
                else if (model->kind(node) == EstateNodeKind::Organization
                         || model->kind(node) == EstateNodeKind::Region)
                    next.append(node);
            }
        }
        parents = next;
    }
    return hosts;
}

OwnershipInspector *MainWindow::openOwnershipInspector()
{
    if (!m_session) {
        statusBar()->showMessage(tr("Connect first: the ownership audit needs the estate's tenants."), 8000);
        return nullptr;
    }
    QStringList tenants = selectedTenantHosts();
    if (tenants.isEmpty())
        tenants = estateTenantHosts();
    auto *inspector = new OwnershipInspector(m_session, m_jobs, tenants, this);
    inspector->setAttribute(Qt::WA_DeleteOnClose);
    connect(inspector, &OwnershipInspector::reassignStarted, this, [this](const QString &jobId) {
        m_activityDock->show();
        m_activity->selectJob(jobId);
        statusBar()->showMessage(tr("Reassign dry run: job %1 in the activity panel, Apply from there").arg(jobId),
                                 8000);
    });
    connect(inspector, &OwnershipInspector::deleteStarted, this, [this](const QString &jobId) {
        m_activityDock->show();
        m_activity->selectJob(jobId);
        statusBar()->showMessage(
            tr("Delete dry run: job %1 in the activity panel, Apply there asks for a typed confirmation").arg(jobId),
            8000);
    });
    inspector->show(); // not modal: the activity panel stays usable beside it
    inspector->audit();
    return inspector;
}

PublishWizard *MainWindow::openPublishWizard()
{
    if (!m_session) {
        statusBar()->showMessage(tr("Connect first: publishing needs the estate's tenants."), 8000);
        return nullptr;
    }
    auto *wizard = new PublishWizard(m_session, m_jobs, selectedTenantHosts(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &PublishWizard::rolloutStarted, this, [this](const QString &jobId) {
        m_activityDock->show();
        m_activity->selectJob(jobId);
        statusBar()->showMessage(tr("Publishing: job %1 in the activity panel").arg(jobId), 8000);
    });
    wizard->open(); // window-modal, no nested event loop: jobs keep running
    return wizard;
}

OnboardingWizard *MainWindow::openOnboardingWizard()
{
    if (!m_session) {
        statusBar()->showMessage(tr("Connect first: onboarding needs the estate's source tenants."), 8000);
        return nullptr;
    }
    auto *wizard = new OnboardingWizard(m_session, m_jobs, currentRegionId(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &OnboardingWizard::onboardingStarted, this, [this](const QString &jobId) {
        m_activityDock->show();
        m_activity->selectJob(jobId);
        statusBar()->showMessage(tr("Onboarding: job %1 in the activity panel").arg(jobId), 8000);
    });
    connect(wizard, &OnboardingWizard::templateSaved, this, [this](const QString &path, const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Saved the onboarding template to %1").arg(path)
                                                 : tr("The template was not saved: %1").arg(error),
                                 8000);
    });
    wizard->open(); // window-modal, no nested event loop: jobs keep running
    return wizard;
}

void MainWindow::setConnectionText(const QString &text)
{
    m_connectionLabel->setText(text);
}

void MainWindow::expandRegions(const QModelIndex &parent, int first, int last)
{
    // Regions open as they appear (also when the filter brings them back): tenants are what people look for.
    if (!m_session || m_proxy->mapToSource(parent) != m_session->model()->organizationIndex())
        return;
    // With default regions chosen (Preferences) only those open, unless a filter is looking for something.
    const QStringList preferred = m_proxy->isFiltering() ? QStringList() : Preferences::defaultRegions();
    for (int row = first; row <= last; ++row) {
        const QModelIndex region = m_proxy->index(row, 0, parent);
        if (preferred.isEmpty() || preferred.contains(region.data(int(EstateModel::Role::RegionId)).toString()))
            m_estateView->expand(region);
    }
}

PreferencesDialog *MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::showDetails(const QModelIndex &proxyIndex)
{
    if (m_page) {
        m_center->removeWidget(m_page);
        m_page->deleteLater();
        m_page = nullptr;
    }
    const QModelIndex node = m_proxy->mapToSource(proxyIndex);
    if (!m_session || !node.isValid()) {
        m_center->setCurrentWidget(m_emptyDetails);
        return;
    }
    m_page = m_pages.create(m_session->model()->kind(node), m_center);
    if (!m_page) {
        m_center->setCurrentWidget(m_emptyDetails);
        return;
    }
    connect(m_page, &DetailPage::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_center->addWidget(m_page);
    m_center->setCurrentWidget(m_page);
    m_page->setNode(m_session, node);
}

void MainWindow::selectTenant(const QString &idOrHostname)
{
    if (!m_session)
        return;
    const QModelIndex tenant = m_session->model()->tenantIndex(idOrHostname);
    if (!tenant.isValid())
        return;
    QModelIndex shown = m_proxy->mapFromSource(tenant);
    if (!shown.isValid()) {
        m_filterEdit->clear(); // the filter hid it
        shown = m_proxy->mapFromSource(tenant);
    }
    if (!shown.isValid())
        return;
    m_estateDock->show();
    m_estateView->expand(shown.parent());
    m_estateView->setCurrentIndex(shown);
    m_estateView->scrollTo(shown);
    m_estateView->setFocus(Qt::OtherFocusReason);
}

void MainWindow::refreshSelection()
{
    if (!m_session)
        return;
    EstateModel *model = m_session->model();
    const QModelIndex current = m_proxy->mapToSource(m_estateView->currentIndex());
    const QModelIndex target = current.isValid() ? current : model->organizationIndex();
    model->refresh(target);
    if (target == model->organizationIndex() || model->kind(target) == EstateNodeKind::Region)
        m_estateView->expand(m_proxy->mapFromSource(model->organizationIndex()));
}

void MainWindow::updateCounts()
{
    if (!m_session) {
        m_countLabel->clear();
        return;
    }
    const QLocale locale;
    const EstateModel *model = m_session->model();
    QString text = m_proxy->isFiltering()
        ? tr("%1 of %2 tenants")
              .arg(locale.toString(m_proxy->matchingTenantCount()), locale.toString(model->tenantCount()))
        : tr("%1 tenants").arg(locale.toString(model->tenantCount()));
    if (model->isLoadingTenants())
        text += tr(", loading…");
    m_countLabel->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitState != QuitState::Quitting && m_jobs->runningApplyCount() > 0) {
        event->ignore();
        if (m_quitState == QuitState::Running)
            askToStopJobsAndQuit();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::askToStopJobsAndQuit()
{
    m_quitState = QuitState::Asking;
    const int running = m_jobs->runningApplyCount();
    // Window-modal, not exec(): the jobs keep running while the user reads.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Jobs Are Running"),
                                running == 1 ? tr("A job is still changing tenants.")
                                             : tr("%1 jobs are still changing tenants.").arg(running),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"quitWhileJobsRun"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Quitting stops them at their next safe point. What is done stays done, and "
                               "Retry in the Activity panel resumes them from their journals later."));
    QPushButton *stop = box->addButton(tr("Stop Jobs and Quit"), QMessageBox::DestructiveRole);
    stop->setObjectName(u"stopJobsAndQuit"_s);
    QPushButton *keep = box->addButton(tr("Keep Running"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepJobsRunning"_s);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() != stop) {
            m_quitState = QuitState::Running;
            return;
        }
        m_quitState = QuitState::StoppingJobs;
        statusBar()->showMessage(tr("Stopping the running jobs…"));
        connect(m_jobs, &JobBoard::jobFinished, this, &MainWindow::quitWhenJobsStopped);
        // A step waiting on a slow server stops only when its call returns: do not wait forever.
        QTimer::singleShot(std::chrono::seconds(15), this, [this] {
            if (m_quitState != QuitState::StoppingJobs)
                return;
            m_quitState = QuitState::Quitting;
            close();
        });
        m_jobs->cancelAll();
        quitWhenJobsStopped();
    });
    box->open();
}

void MainWindow::quitWhenJobsStopped()
{
    if (m_quitState != QuitState::StoppingJobs || m_jobs->runningApplyCount() > 0)
        return;
    m_quitState = QuitState::Quitting;
    close();
}

void MainWindow::restoreLayout()
{
    // Nothing saved yet, or saved by a build with other docks: the default layout above stays.
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
}

void MainWindow::openLogFolder()
{
    const QString file = Logging::ApplicationLog::currentFilePath();
    const QString folder = file.isEmpty() ? Logging::ApplicationLog::defaultDirectory() : QFileInfo(file).path();
    if (folder.isEmpty() || !QDir().mkpath(folder) || !QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        QMessageBox::warning(
            this, tr("Open Log Folder"),
            tr("The log folder could not be opened. Tenantry writes its logs to:\n%1")
                .arg(folder.isEmpty() ? tr("(no writable data folder)") : QDir::toNativeSeparators(folder)));
    }
}

void MainWindow::openCredentials()
{
    // The dialog edits the saved profiles, which are for the real Qlik Cloud: Test Connection goes
    // there even when this window runs on the sandbox's seed clients.
    auto *dialog = new CredentialsDialog(Cloud::ConnectToMap(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session && m_session->isSandbox()) {
        dialog->setSessionNote(tr("This window runs on the sandbox and its seed clients. The profiles below are "
                                  "your saved ones for Qlik Cloud: changes apply when Tenantry starts without "
                                  "--sandbox, and Test Connection reaches the real Qlik Cloud."));
    }
    connect(dialog, &CredentialsDialog::profilesChanged, this, [this, dialog] {
        // The sandbox session runs on its seed clients; a real session loads again with the new profiles.
        if (m_session && !m_session->isSandbox())
            m_session->setProfiles(dialog->profiles());
    });
    dialog->open();
}

void MainWindow::createActivityDock()
{
    m_jobs = new JobBoard(this);
    m_activity = new ActivityPanel(m_jobs, this);
    connect(m_activity, &ActivityPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text.section(u'\n', 0, 0), 8000); });
    m_activityDock = new QDockWidget(tr("Activity"), this);
    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activityDock->setWidget(m_activity);
    // Under the details only: the estate tree keeps the window's full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    resizeDocks({m_activityDock}, {220}, Qt::Vertical);
    connect(m_jobs, &JobBoard::jobStarted, m_activityDock, &QWidget::show);
    connect(m_jobs, &JobBoard::jobFinished, this, &MainWindow::addCreatedTenants);
}

void MainWindow::addCreatedTenants(const Ops::Job *job)
{
    // Tenants a plan created join the local inventory, so the tree shows them even without an
    // organization client, and after a restart (DESIGN.md §1).
    Cloud::TenantInventory *inventory = m_session ? m_session->inventory() : nullptr;
    if (!inventory || job->mode() != Ops::Job::Mode::Apply)
        return;
    for (const Cloud::InventoryTenant &tenant : Ops::createdTenants(job->state())) {
        if (inventory->tenant(tenant.hostname))
            continue;
        if (const QString error = inventory->add(tenant); !error.isEmpty())
            statusBar()->showMessage(
                tr("%1 was created but not added to the inventory: %2").arg(tenant.hostname, error), 15000);
    }
}

void MainWindow::chooseAndDryRunPlan()
{
    // Window-modal, not exec(): no nested event loop while jobs run.
    auto *dialog = new QFileDialog(this, tr("Apply Plan"), QString(), tr("Tenantry plans (*.json);;All files (*)"));
    dialog->setObjectName(u"planFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_activityDock->show();
        m_activity->dryRunPlan(path);
    });
    dialog->open();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *credentialsAction = fileMenu->addAction(IconCatalog::icon(Icon::Credentials), tr("&Credentials…"), this,
                                                     &MainWindow::openCredentials);
    credentialsAction->setObjectName(u"credentialsAction"_s);
    QAction *applyPlanAction = fileMenu->addAction(IconCatalog::icon(Icon::DryRun), tr("&Apply Plan…"), this,
                                                   &MainWindow::chooseAndDryRunPlan);
    applyPlanAction->setObjectName(u"applyPlanAction"_s);
    applyPlanAction->setStatusTip(tr("Dry-run a plan file in the activity panel, then apply it"));
    QAction *onboardAction = fileMenu->addAction(IconCatalog::icon(Icon::Onboard), tr("&Onboard Customer…"), this,
                                                 &MainWindow::openOnboardingWizard);
    onboardAction->setObjectName(u"onboardCustomerAction"_s);
    onboardAction->setStatusTip(tr("Create and set up a customer's tenant from a template, with a dry run first"));
    QAction *publishAction = fileMenu->addAction(IconCatalog::icon(Icon::Publish), tr("&Publish Apps…"), this,
                                                 &MainWindow::openPublishWizard);
    publishAction->setObjectName(u"publishAppsAction"_s);
    QAction *inspectAction = fileMenu->addAction(IconCatalog::icon(Icon::BotUser), tr("&Inspect Ownership…"), this,
                                                 &MainWindow::openOwnershipInspector);
    inspectAction->setObjectName(u"inspectOwnershipAction"_s);
    inspectAction->setStatusTip(
        tr("What orphaned bots, every bot or one user own on the selected tenants (or the whole estate)"));
    publishAction->setStatusTip(tr("Publish or republish source apps to the managed space of many tenants"));
    fileMenu->addSeparator();
    QAction *preferencesAction = fileMenu->addAction(IconCatalog::icon(Icon::Settings), tr("P&references…"), this,
                                                     &MainWindow::openPreferences);
    preferencesAction->setObjectName(u"preferencesAction"_s);
    preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_estateDock->toggleViewAction());
    viewMenu->addAction(m_activityDock->toggleViewAction());
    viewMenu->addSeparator();
    QAction *filterAction = viewMenu->addAction(IconCatalog::icon(Icon::Filter), tr("&Filter Estate"), this, [this] {
        m_estateDock->show();
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    filterAction->setObjectName(u"filterEstateAction"_s);
    filterAction->setShortcut(QKeySequence::Find);
    QAction *refreshAction
        = viewMenu->addAction(IconCatalog::icon(Icon::Refresh), tr("&Refresh"), this, &MainWindow::refreshSelection);
    refreshAction->setObjectName(u"refreshAction"_s);
    refreshAction->setShortcut(QKeySequence::Refresh);
    viewMenu->addSeparator();
    m_palette = new CommandPalette(this);
    connect(m_palette, &CommandPalette::tenantChosen, this, &MainWindow::selectTenant);
    QAction *paletteAction = viewMenu->addAction(tr("&Command Palette…"), this, [this] {
        m_palette->setEstate(m_session ? m_session->model() : nullptr);
        m_palette->open();
    });
    paletteAction->setObjectName(u"commandPaletteAction"_s);
    paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *logFolderAction = helpMenu->addAction(IconCatalog::icon(Icon::LogFolder), tr("Open &Log Folder"), this,
                                                   &MainWindow::openLogFolder);
    logFolderAction->setObjectName(u"openLogFolderAction"_s);
    helpMenu->addSeparator();
    helpMenu->addAction(tr("&About Tenantry"), this, [this] {
        QMessageBox::about(this, tr("About Tenantry"),
                           tr("<h3>Tenantry %1</h3><p>A desktop console for Qlik Cloud platform operations: "
                              "one estate across regions, onboarding, publishing and ownership audits.</p>")
                               .arg(QStringLiteral(TENANTRY_VERSION)));
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}
