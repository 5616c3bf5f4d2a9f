// The real estate window against the real sandbox (in this process, over loopback HTTP): the tree
// fills with the demo estate, the filter narrows it, selecting a tenant shows its spaces, users
// and properties, a category's table sorts and exports CSV.
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "resourcetablemodel.h"
#include "support/sandboxfixture.h"
#include "ui/mainwindow.h"
#include "ui/propertiespage.h"
#include "ui/propertiesview.h"
#include "ui/resourcetablepage.h"
#include "ui/tenantpage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using Role = EstateModel::Role;
using TestSupport::SandboxFixture;

class TestEstateWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeShowsTheDemoEstate();
    void filterNarrowsTheTree();
    void tenantPageShowsSpacesAndUsers();
    void categoryTableSortsAndExports();
    void resourceShowsItsProperties();
    void tagsFromTheContextMenu();
    void savesScreenshots();

private:
    [[nodiscard]] QModelIndex viewIndexOf(const QModelIndex &sourceIndex) const;
    void selectInTree(const QModelIndex &sourceIndex);
    [[nodiscard]] QString aliasOf(const QString &key);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
};

void TestEstateWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestEstateWindow::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    QVERIFY2(m_estate->open(), qPrintable(m_estate->error()));
    m_session = m_estate->session();
    m_window = m_estate->window();
}

void TestEstateWindow::cleanup()
{
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QString TestEstateWindow::aliasOf(const QString &key)
{
    return m_sandbox->tenantState(key).value(u"hostnames"_s).toArray().last().toString();
}

QModelIndex TestEstateWindow::viewIndexOf(const QModelIndex &sourceIndex) const
{
    return m_window->estateProxy()->mapFromSource(sourceIndex);
}

void TestEstateWindow::selectInTree(const QModelIndex &sourceIndex)
{
    const QModelIndex index = viewIndexOf(sourceIndex);
    QVERIFY(index.isValid());
    QTreeView *view = m_window->estateView();
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->currentIndex(), index);
}

void TestEstateWindow::treeShowsTheDemoEstate()
{
    EstateModel *model = m_session->model();
    QCOMPARE(model->loadState(model->organizationIndex()), EstateModel::LoadState::Loaded);
    QCOMPARE(model->tenantCount(), 13);
    QCOMPARE(m_window->tenantCountLabel()->text(), u"13 tenants"_s);
    QTreeView *view = m_window->estateView();
    const QModelIndex organization = view->model()->index(0, 0);
    QVERIFY(view->isExpanded(organization));
    QCOMPARE(view->model()->rowCount(organization), 3); // us, eu, ap
    int shownTenants = 0;
    for (int row = 0; row < view->model()->rowCount(organization); ++row) {
        const QModelIndex region = view->model()->index(row, 0, organization);
        QVERIFY(view->isExpanded(region)); // tenants are the first thing people look for
        shownTenants += view->model()->rowCount(region);
    }
    QCOMPARE(shownTenants, 13);
    // The tenants' rows are really there to see: the alias names, deactivated umbrella included.
    const QModelIndex northwind = viewIndexOf(model->tenantIndex(aliasOf(u"northwind"_s)));
    QVERIFY(northwind.isValid());
    QCOMPARE(northwind.data().toString(), u"northwind"_s);
    QVERIFY(view->visualRect(northwind).isValid());
    const QModelIndex umbrella = viewIndexOf(model->tenantIndex(aliasOf(u"umbrella"_s)));
    QVERIFY(umbrella.data(int(Role::Detail)).toString().contains(u"purge"_s));
    QVERIFY(!view->model()->hasChildren(umbrella));
}

void TestEstateWindow::filterNarrowsTheTree()
{
    QLineEdit *filter = m_window->filterEdit();
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, u"north"_s);
    QAbstractItemModel *shown = m_window->estateView()->model();
    const QModelIndex organization = shown->index(0, 0);
    QCOMPARE(shown->rowCount(organization), 1);
    const QModelIndex eu = shown->index(0, 0, organization);
    QCOMPARE(eu.data(int(Role::RegionId)).toString(), u"eu"_s);
    QCOMPARE(shown->rowCount(eu), 1);
    QCOMPARE(shown->index(0, 0, eu).data().toString(), u"northwind"_s);
    QVERIFY(m_window->estateView()->isExpanded(eu));
    QCOMPARE(m_window->tenantCountLabel()->text(), u"1 of 13 tenants"_s);
    // By hostname fragment: every tenant of the US region.
    filter->clear();
    QTest::keyClicks(filter, u".us.qlik"_s);
    QCOMPARE(shown->rowCount(organization), 1);
    QCOMPARE(shown->rowCount(shown->index(0, 0, organization)), 5);
    filter->clear();
    QCOMPARE(shown->rowCount(organization), 3);
    QCOMPARE(m_window->tenantCountLabel()->text(), u"13 tenants"_s);
}

void TestEstateWindow::tenantPageShowsSpacesAndUsers()
{
    EstateModel *model = m_session->model();
    selectInTree(model->tenantIndex(aliasOf(u"northwind"_s)));
    auto *page = qobject_cast<TenantPage *>(m_window->currentPage());
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QCOMPARE(page->findChild<QLabel *>(u"tenantTitle"_s)->text(), u"northwind"_s);
    QVERIFY(page->findChild<QLabel *>(u"tenantSubtitle"_s)->text().contains(aliasOf(u"northwind"_s)));

    ResourceTablePage *spaces = page->tablePage(EstateNodeKind::Spaces);
    QCOMPARE(page->tabs()->currentWidget(), spaces);
    QAbstractItemModelTester tester(spaces->tableView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(spaces->tableView()->model()->rowCount(), 2, 20000);
    QStringList names;
    for (const QStringList &row : spaces->shownRows())
        names.append(row.constFirst());
    names.sort();
    QCOMPARE(names, (QStringList{u"Production"_s, u"Staging"_s}));

    page->showCategory(EstateNodeKind::Users);
    ResourceTablePage *users = page->tablePage(EstateNodeKind::Users);
    QCOMPARE(page->tabs()->currentWidget(), users);
    QTRY_VERIFY_WITH_TIMEOUT(users->tableView()->model()->rowCount() >= 4, 20000);
    bool sawAdmin = false;
    for (const QStringList &row : users->shownRows())
        sawAdmin = sawAdmin || row.contains(u"Alex Morgan"_s);
    QVERIFY(sawAdmin);
    // What loaded on the page is the tree's own node: the tree shows it too.
    const QModelIndex usersNode
        = model->categoryIndex(model->tenantIndex(aliasOf(u"northwind"_s)), EstateNodeKind::Users);
    QCOMPARE(model->rowCount(usersNode), users->tableView()->model()->rowCount());
}

void TestEstateWindow::categoryTableSortsAndExports()
{
    EstateModel *model = m_session->model();
    const QModelIndex tenant = model->tenantIndex(aliasOf(u"contoso"_s));
    m_window->estateView()->expand(viewIndexOf(tenant));
    QTRY_VERIFY(model->categoryIndex(tenant, EstateNodeKind::Users).isValid());
    selectInTree(model->categoryIndex(tenant, EstateNodeKind::Users));
    auto *page = qobject_cast<ResourceTablePage *>(m_window->currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->tableView()->model()->rowCount() >= 4, 20000);
    QTRY_COMPARE(model->loadState(model->categoryIndex(tenant, EstateNodeKind::Users)), EstateModel::LoadState::Loaded);

    // Sorting by the name column, both ways.
    page->tableView()->sortByColumn(0, Qt::AscendingOrder);
    QStringList ascending;
    for (const QStringList &row : page->shownRows())
        ascending.append(row.constFirst());
    QStringList expected = ascending;
    std::sort(expected.begin(), expected.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(ascending, expected);
    page->tableView()->sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(page->shownRows().constFirst().constFirst(), ascending.constLast());

    // The row filter, then CSV of what is shown.
    QTest::keyClicks(page->filterEdit(), u"alex"_s);
    QCOMPARE(page->shownRows().size(), 1);
    const QString path = m_estate->filePath(u"users.csv"_s);
    QString error = u"not called"_s;
    bool done = false;
    QSignalSpy messages(page, &DetailPage::message);
    page->exportTo(path, DetailPage::ExportFormat::Csv, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(error, QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, and the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("Name,"));
    QVERIFY(lines.at(1).startsWith("Alex Morgan,"));
    QVERIFY(lines.at(1).contains("alex.morgan@acme-analytics.example"));
    QCOMPARE(messages.size(), 1);
    QVERIFY(page->exportName().startsWith(u"users-contoso"_s));
}

void TestEstateWindow::resourceShowsItsProperties()
{
    EstateModel *model = m_session->model();
    const QModelIndex tenant = model->tenantIndex(aliasOf(u"northwind"_s));
    m_window->estateView()->expand(viewIndexOf(tenant));
    QTRY_VERIFY(model->categoryIndex(tenant, EstateNodeKind::Spaces).isValid());
    const QModelIndex spaces = model->categoryIndex(tenant, EstateNodeKind::Spaces);
    m_window->estateView()->expand(viewIndexOf(spaces));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(spaces), 2, 20000);
    const QModelIndex space = model->index(0, 0, spaces);
    // A space lists its apps: its page is a table.
    selectInTree(space);
    QVERIFY(qobject_cast<ResourceTablePage *>(m_window->currentPage()));
    // A user is one resource: its page shows its properties.
    const QModelIndex users = model->categoryIndex(tenant, EstateNodeKind::Users);
    m_window->estateView()->expand(viewIndexOf(users));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(users) >= 4, 20000);
    selectInTree(model->index(0, 0, users));
    auto *page = qobject_cast<PropertiesPage *>(m_window->currentPage());
    QVERIFY(page);
    const QString raw = page->propertiesView()->rawJson();
    QVERIFY2(raw.contains(model->index(0, 0, users).data(int(Role::Id)).toString()), qPrintable(raw));
}

void TestEstateWindow::tagsFromTheContextMenu()
{
    EstateModel *model = m_session->model();
    const QModelIndex contoso = model->tenantIndex(aliasOf(u"contoso"_s));
    selectInTree(contoso);
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QVERIFY(menu);
    auto *production = menu->findChild<QAction *>(u"tag-production"_s);
    QVERIFY(production);
    QVERIFY(!production->isChecked());
    production->trigger();
    QCOMPARE(contoso.data(int(Role::Tags)).toStringList(), QStringList{u"production"_s});
    // The filter finds tenants by tag, and the menu shows the tag as set.
    QTest::keyClicks(m_window->filterEdit(), u"production"_s);
    QCOMPARE(m_window->tenantCountLabel()->text(), u"1 of 13 tenants"_s);
    m_window->filterEdit()->clear();
    std::unique_ptr<QMenu> again(m_window->estateMenu());
    QVERIFY(again->findChild<QAction *>(u"tag-production"_s)->isChecked());
    again->findChild<QAction *>(u"tag-production"_s)->trigger();
    QCOMPARE(contoso.data(int(Role::Tags)).toStringList(), QStringList());
}

void TestEstateWindow::savesScreenshots()
{
    // The window as people see it, rendered offscreen into build/test-artifacts: a tenant's page with
    // its spaces, and a space's apps (the items catalog) with the tree opened down to them.
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QVERIFY(QDir().mkpath(dir));
    m_window->resize(1280, 800);
    EstateModel *model = m_session->model();
    const QModelIndex tenant = model->tenantIndex(aliasOf(u"northwind"_s));
    QCOMPARE(model->setTag({tenant}, u"production"_s, true), QString());
    QCOMPARE(model->setTag({model->tenantIndex(aliasOf(u"tyrell"_s))}, u"trial"_s, true), QString());
    selectInTree(tenant);
    auto *page = qobject_cast<TenantPage *>(m_window->currentPage());
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->tablePage(EstateNodeKind::Spaces)->tableView()->model()->rowCount(), 2, 20000);
    const QString tenantShot = dir + u"/estate-window-tenant.png"_s;
    QVERIFY(m_window->grab().save(tenantShot));

    const QModelIndex spaces = model->categoryIndex(tenant, EstateNodeKind::Spaces);
    m_window->estateView()->expand(viewIndexOf(spaces));
    QTRY_COMPARE_WITH_TIMEOUT(model->loadState(spaces), EstateModel::LoadState::Loaded, 20000);
    QModelIndex production;
    for (int row = 0; row < model->rowCount(spaces); ++row) {
        if (model->index(row, 0, spaces).data().toString() == "Production"_L1)
            production = model->index(row, 0, spaces);
    }
    QVERIFY(production.isValid());
    m_window->estateView()->expand(viewIndexOf(production));
    selectInTree(production);
    auto *apps = qobject_cast<ResourceTablePage *>(m_window->currentPage());
    QVERIFY(apps);
    QTRY_VERIFY_WITH_TIMEOUT(model->loadState(production) != EstateModel::LoadState::Loading, 20000);
    QCOMPARE(model->loadState(production), EstateModel::LoadState::Loaded);
    QVERIFY(apps->tableView()->model()->rowCount() >= 2);
    const QString spaceShot = dir + u"/estate-window-space.png"_s;
    QVERIFY(m_window->grab().save(spaceShot));
    qInfo().noquote() << "Screenshots:" << tenantShot << spaceShot;
}

QTEST_MAIN(TestEstateWindow)
#include "tst_estatewindow.moc"
