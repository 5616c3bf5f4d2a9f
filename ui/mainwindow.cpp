#include "ui/mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>

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
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_estateDock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Tenantry"), this, [this] {
        QMessageBox::about(this, tr("About Tenantry"),
                           tr("<h3>Tenantry %1</h3><p>A desktop console for Qlik Cloud platform operations: "
                              "one estate across regions, onboarding, publishing and ownership audits.</p>")
                               .arg(QStringLiteral(TENANTRY_VERSION)));
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}
