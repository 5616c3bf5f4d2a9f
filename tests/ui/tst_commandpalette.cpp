// Ctrl+K over the real estate window (demo sandbox in this process): the palette lists the window's
// actions and the estate's tenants, narrows as one types (substring, then letters in order), and
// is driven by the keyboard alone — arrows, Enter to run an action or select a tenant, Esc to close.
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "support/sandboxfixture.h"
#include "ui/commandpalette.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestCommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensWithCtrlK();
    void listsActionsAndTenants();
    void choosingATenantSelectsIt();
    void choosingATenantHiddenByTheFilter();
    void runsAnAction();
    void arrowsMoveAndEscCloses();
    void lettersInOrderMatch();

private:
    [[nodiscard]] CommandPalette *openPalette();
    void type(const QString &text);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
};

void TestCommandPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCommandPalette::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    QVERIFY2(m_estate->open(), qPrintable(m_estate->error()));
    m_session = m_estate->session();
    m_window = m_estate->window();
    QCOMPARE(m_session->model()->tenantCount(), 13);
}

void TestCommandPalette::cleanup()
{
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

CommandPalette *TestCommandPalette::openPalette()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        return nullptr;
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    CommandPalette *palette = m_window->commandPalette();
    if (!palette || !palette->isVisible())
        return nullptr;
    return palette;
}

void TestCommandPalette::type(const QString &text)
{
    QTest::keyClicks(m_window->commandPalette()->lineEdit(), text);
}

void TestCommandPalette::opensWithCtrlK()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QVERIFY(palette->lineEdit()->hasFocus());
    QVERIFY(palette->lineEdit()->text().isEmpty());
}

void TestCommandPalette::listsActionsAndTenants()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    // Empty: everything up to the cap, commands first.
    QCOMPARE(palette->listWidget()->count(), palette->shownTexts().size());
    QVERIFY(palette->shownTexts().contains(u"Refresh"_s));
    QVERIFY(palette->shownTexts().contains(u"Apply Plan"_s));
    QVERIFY(!palette->shownTexts().contains(u"Command Palette"_s)); // not itself
    type(u"northwind"_s);
    const QStringList shown = palette->shownTexts();
    QVERIFY2(!shown.isEmpty() && shown.first().contains(u"Northwind"_s, Qt::CaseInsensitive),
             qPrintable(shown.join(u", "_s)));
    // Every tenant is there: all 13 by their region's domain.
    palette->lineEdit()->setText(u"qlikcloud.com"_s);
    QCOMPARE(palette->listWidget()->count(), 13);
    palette->lineEdit()->setText(u"no such thing at all"_s);
    QCOMPARE(palette->listWidget()->count(), 0);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return); // nothing to run: nothing happens
}

void TestCommandPalette::choosingATenantSelectsIt()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const QModelIndex tenant = m_session->model()->tenantIndex(host);
    QVERIFY(tenant.isValid());
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    type(u"northwind"_s);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTreeView *view = m_window->estateView();
    QCOMPARE(m_window->estateProxy()->mapToSource(view->currentIndex()), tenant);
}

void TestCommandPalette::choosingATenantHiddenByTheFilter()
{
    QTest::keyClicks(m_window->filterEdit(), u"contoso"_s);
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const QModelIndex tenant = m_session->model()->tenantIndex(host);
    QVERIFY(!m_window->estateProxy()->mapFromSource(tenant).isValid());
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    type(u"northwind"_s);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Enter);
    QVERIFY(m_window->filterEdit()->text().isEmpty());
    QCOMPARE(m_window->estateProxy()->mapToSource(m_window->estateView()->currentIndex()), tenant);
}

void TestCommandPalette::runsAnAction()
{
    auto *filterAction = m_window->findChild<QAction *>(u"filterEstateAction"_s);
    QVERIFY(filterAction);
    QSignalSpy triggered(filterAction, &QAction::triggered);
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    type(u"filter est"_s);
    QCOMPARE(palette->shownTexts().value(0), u"Filter Estate"_s);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    QCOMPARE(triggered.size(), 1);
    QVERIFY(!palette->isVisible());
    QTRY_VERIFY(m_window->filterEdit()->hasFocus());
}

void TestCommandPalette::arrowsMoveAndEscCloses()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    type(u"eu.qlikcloud"_s);
    const int count = palette->listWidget()->count();
    QVERIFY(count >= 3);
    QCOMPARE(palette->listWidget()->currentRow(), 0);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Down);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Down);
    QCOMPARE(palette->listWidget()->currentRow(), 2);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Up);
    QCOMPARE(palette->listWidget()->currentRow(), 1);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Up);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Up); // wraps to the last
    QCOMPARE(palette->listWidget()->currentRow(), count - 1);
    QTest::keyClick(palette->lineEdit(), Qt::Key_PageUp);
    QCOMPARE(palette->listWidget()->currentRow(), std::max(0, count - 11));
    // Enter chooses the highlighted row, not the first.
    QTest::keyClick(palette->lineEdit(), Qt::Key_Home);
    palette->listWidget()->setCurrentRow(1);
    const QString second = palette->shownTexts().at(1);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->estateView()->currentIndex().data().toString(), second);

    CommandPalette *again = openPalette();
    QVERIFY(again);
    QVERIFY(again->lineEdit()->text().isEmpty()); // a fresh start each time
    QTest::keyClick(again->lineEdit(), Qt::Key_Escape);
    QVERIFY(!again->isVisible());
}

void TestCommandPalette::lettersInOrderMatch()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    type(u"rfrsh"_s); // not a substring of anything: the letters in order
    QVERIFY2(palette->shownTexts().contains(u"Refresh"_s), qPrintable(palette->shownTexts().join(u", "_s)));
    palette->lineEdit()->setText(u"refresh"_s);
    QCOMPARE(palette->shownTexts().value(0), u"Refresh"_s); // a substring at the start comes first
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
