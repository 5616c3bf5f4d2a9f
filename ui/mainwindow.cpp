#include "ui/mainwindow.h"

#include "logging/applicationlog.h"
#include "ui/iconcatalog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>
#include <QUrl>

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

    m_estateView = new QTreeView(this);
    m_estateView->setObjectName(QStringLiteral("estateView"));
    m_estateView->setHeaderHidden(true);
    m_estateView->setUniformRowHeights(true);

    m_estateDock = new QDockWidget(tr("Estate"), this);
    m_estateDock->setObjectName(QStringLiteral("estateDock"));
    m_estateDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_estateDock->setWidget(m_estateView);
    addDockWidget(Qt::LeftDockWidgetArea, m_estateDock);

    auto *emptyDetails = new QLabel(tr("Select a tenant or a resource in the estate to see its details."), this);
    emptyDetails->setAlignment(Qt::AlignCenter);
    emptyDetails->setEnabled(false);
    setCentralWidget(emptyDetails);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    statusBar()->addPermanentWidget(m_connectionLabel);

    createMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
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

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_estateDock->toggleViewAction());

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
