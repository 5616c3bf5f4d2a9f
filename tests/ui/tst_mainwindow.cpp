#include "ui/mainwindow.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensWithMenusStatusAndEstateDock();
    void helpMenuOpensTheLogFolder();
    void restoresItsLayout();
};

void TestMainWindow::initTestCase()
{
    // Settings go to ~/.qttest, never to the user's own Tenantry configuration.
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensWithMenusStatusAndEstateDock()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.windowTitle(), u"Tenantry"_s);

    QStringList menus;
    for (const QAction *action : window.menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, (QStringList{u"&File"_s, u"&View"_s, u"&Help"_s}));

    QVERIFY(window.statusBar()->isVisible());

    auto *dock = window.findChild<QDockWidget *>(u"estateDock"_s);
    QVERIFY(dock);
    QVERIFY(dock->isVisible());
    // The dock holds the estate tree and its filter box.
    QVERIFY(dock->widget()->isAncestorOf(window.estateView()));
    QVERIFY(dock->widget()->isAncestorOf(window.filterEdit()));
    // Nothing is connected yet, so the estate shows nothing rather than invented data.
    QVERIFY(!window.estateView()->model() || window.estateView()->model()->rowCount() == 0);
}

void TestMainWindow::helpMenuOpensTheLogFolder()
{
    MainWindow window;
    auto *action = window.findChild<QAction *>(u"openLogFolderAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"Open &Log Folder"_s);
    QVERIFY(!action->icon().isNull());
    QVERIFY(window.menuBar()->actions().constLast()->menu()->actions().contains(action));
}

void TestMainWindow::restoresItsLayout()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 610);
        window.findChild<QDockWidget *>(u"estateDock"_s)->hide();
        QVERIFY(window.close());
    }
    QVERIFY(QSettings().contains(u"MainWindow/state"_s));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(900, 610));
    QVERIFY(!window.findChild<QDockWidget *>(u"estateDock"_s)->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
