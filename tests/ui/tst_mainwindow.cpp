#include "ui/mainwindow.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensWithMenusStatusAndEstateDock();
};

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
    QCOMPARE(dock->widget(), window.estateView());
    // Nothing is connected yet, so the estate shows nothing rather than invented data.
    QVERIFY(!window.estateView()->model() || window.estateView()->model()->rowCount() == 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
