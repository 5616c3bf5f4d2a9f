// The License and Audit pages of the estate window against the real sandbox (in this process):
// the shared pool as the API reports it, the tenant's seats and auto-assign flag; audit events
// filtered by type, user (bot users named as such) and time, paged with Load More, exported.
#include "auditeventmodel.h"
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "support/sandboxfixture.h"
#include "tenantlicense.h"
#include "ui/auditpage.h"
#include "ui/licensepage.h"
#include "ui/mainwindow.h"
#include "ui/tenantpage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestLicenseAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void queryOfAFilter();
    void licensePageShowsPoolAndSeats();
    void autoAssignIsFlagged();
    void seatCheckFlagsTenantsInTheTree();
    void auditPagesFiltersAndExports();

private:
    void select(const QModelIndex &sourceIndex);
    [[nodiscard]] AuditPage *openAudit();

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    QString m_host;
    QString m_token;
};

void TestLicenseAudit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestLicenseAudit::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    QVERIFY2(m_estate->open(), qPrintable(m_estate->error()));
    m_session = m_estate->session();
    m_window = m_estate->window();
    m_host = m_sandbox->hostOf(u"northwind"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

void TestLicenseAudit::cleanup()
{
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

void TestLicenseAudit::select(const QModelIndex &sourceIndex)
{
    const QModelIndex shown = m_window->estateProxy()->mapFromSource(sourceIndex);
    QVERIFY(shown.isValid());
    m_window->estateView()->setCurrentIndex(shown);
}

void TestLicenseAudit::queryOfAFilter()
{
    AuditEventModel::Filter filter;
    QUrlQuery query = AuditEventModel::queryFor(filter, 25);
    QCOMPARE(query.queryItemValue(u"limit"_s), u"25"_s);
    QVERIFY(!query.hasQueryItem(u"eventTime"_s));
    filter.eventType = u"com.qlik.v1.group.created"_s;
    filter.userId = u"u1"_s;
    filter.from = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    query = AuditEventModel::queryFor(filter, 25);
    QCOMPARE(query.queryItemValue(u"eventType"_s), filter.eventType);
    QCOMPARE(query.queryItemValue(u"userId"_s), u"u1"_s);
    // Both ends always (the spec's example): an open end becomes a day past now.
    const QString interval = query.queryItemValue(u"eventTime"_s, QUrl::FullyDecoded);
    QVERIFY2(interval.startsWith("2026-01-02T03:04:05.000Z/"_L1), qPrintable(interval));
    QVERIFY(QDateTime::fromString(interval.section(u'/', 1), Qt::ISODateWithMs) > QDateTime::currentDateTimeUtc());
}

void TestLicenseAudit::licensePageShowsPoolAndSeats()
{
    EstateModel *model = m_session->model();
    const QModelIndex tenant = model->tenantIndex(m_host);
    QVERIFY(tenant.isValid());
    model->ensureFolders(tenant);
    const QModelIndex license = model->categoryIndex(tenant, EstateNodeKind::License);
    QVERIFY(license.isValid());
    m_window->estateView()->expand(m_window->estateProxy()->mapFromSource(tenant));
    select(license);
    auto *page = qobject_cast<LicensePage *>(m_window->currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(!page->license()->isLoading(), 20000);
    QVERIFY2(page->license()->errors().isEmpty(), qPrintable(page->license()->errors().join(u'\n')));

    // The pool as the API reports it, free = units - used.
    const QJsonObject overview = m_sandbox->http().get(m_host, u"/api/v1/licenses/overview"_s, m_token).json();
    const QJsonArray allotments = overview.value(u"allotments"_s).toArray();
    QVERIFY(!allotments.isEmpty());
    QCOMPARE(page->poolTable()->rowCount(), allotments.size());
    for (int row = 0; row < allotments.size(); ++row) {
        const QJsonObject allotment = allotments.at(row).toObject();
        const qint64 units = allotment.value(u"units"_s).toInteger();
        const qint64 used = allotment.value(u"unitsUsed"_s).toInteger();
        QCOMPARE(page->poolTable()->item(row, 0)->text(), allotment.value(u"name"_s).toString());
        QCOMPARE(QLocale().toLongLong(page->poolTable()->item(row, 2)->text()), units);
        QCOMPARE(QLocale().toLongLong(page->poolTable()->item(row, 3)->text()), used);
        QCOMPARE(QLocale().toLongLong(page->poolTable()->item(row, 4)->text()), std::max<qint64>(0, units - used));
    }
    // Every seat, all pages.
    int seats = 0;
    QString next = u"/api/v1/licenses/assignments?limit=5"_s;
    TestSupport::HttpReply reply = m_sandbox->http().get(m_host, next, m_token);
    while (true) {
        QCOMPARE(reply.status, 200);
        seats += static_cast<int>(reply.json().value(u"data"_s).toArray().size());
        const QString href
            = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
        if (href.isEmpty())
            break;
        reply = m_sandbox->http().getUrl(href, m_token);
    }
    QCOMPARE(page->assignmentTable()->rowCount(), seats);
    QVERIFY(!page->settingsLabel()->text().isEmpty());
}

void TestLicenseAudit::autoAssignIsFlagged()
{
    EstateModel *model = m_session->model();
    const QModelIndex tenant = model->tenantIndex(m_host);
    model->ensureFolders(tenant);
    QCOMPARE(m_sandbox->http()
                 .put(m_host, u"/api/v1/licenses/settings"_s,
                      QJsonObject{{u"autoAssignProfessional"_s, true}, {u"autoAssignAnalyzer"_s, false}}, m_token)
                 .status,
             200);
    m_window->estateView()->expand(m_window->estateProxy()->mapFromSource(tenant));
    select(model->categoryIndex(tenant, EstateNodeKind::License));
    auto *page = qobject_cast<LicensePage *>(m_window->currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(!page->license()->isLoading(), 20000);
    QVERIFY(page->license()->takesSeatsAutomatically());
    // The tree learns it too: the tenant's node is flagged.
    QCOMPARE(tenant.data(int(EstateModel::Role::TakesSeatsAutomatically)), QVariant(true));
    QVERIFY(page->autoAssignFlag()->isVisible());
    QVERIFY(page->autoAssignFlag()->text().contains(u"professional"_s));
    QVERIFY(!page->autoAssignFlag()->text().contains(u"analyzer"_s));

    QCOMPARE(m_sandbox->http()
                 .put(m_host, u"/api/v1/licenses/settings"_s,
                      QJsonObject{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, false}}, m_token)
                 .status,
             200);
    auto *reload = page->findChild<QPushButton *>(u"licenseReload"_s);
    QVERIFY(reload);
    reload->click();
    QTRY_VERIFY_WITH_TIMEOUT(!page->license()->isLoading(), 20000);
    QVERIFY(!page->license()->takesSeatsAutomatically());
    QCOMPARE(tenant.data(int(EstateModel::Role::TakesSeatsAutomatically)), QVariant(false));
    QVERIFY(!page->autoAssignFlag()->isVisible());
}

AuditPage *TestLicenseAudit::openAudit()
{
    const QModelIndex tenant = m_session->model()->tenantIndex(m_host);
    const QModelIndex shown = m_window->estateProxy()->mapFromSource(tenant);
    if (!shown.isValid())
        return nullptr;
    m_window->estateView()->setCurrentIndex(shown);
    auto *page = qobject_cast<TenantPage *>(m_window->currentPage());
    if (!page)
        return nullptr;
    page->tabs()->setCurrentWidget(page->auditPage());
    return page->auditPage();
}

void TestLicenseAudit::auditPagesFiltersAndExports()
{
    // Five groups made by the region client's bot user: five com.qlik.v1.group.created events.
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(m_sandbox->http()
                     .post(m_host, u"/api/v1/groups"_s, QJsonObject{{u"name"_s, u"Audited %1"_s.arg(i)}}, m_token)
                     .status,
                 201);
    }
    const QJsonArray all
        = m_sandbox->http().get(m_host, u"/api/v1/audits?limit=100"_s, m_token).json().value(u"data"_s).toArray();
    QVERIFY(all.size() >= 5);

    AuditPage *page = openAudit();
    QVERIFY(page);
    AuditEventModel *events = page->eventModel();
    QVERIFY(events);
    QAbstractItemModelTester tester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->usersLoaded(), 20000);
    QCOMPARE(events->errorString(), QString());
    QCOMPARE(events->rowCount(), std::min<int>(50, static_cast<int>(all.size())));

    // The type filter offers the tenant's event types as the server lists them.
    QStringList types;
    for (const auto &type :
         m_sandbox->http().get(m_host, u"/api/v1/audits/types"_s, m_token).json().value(u"data"_s).toArray())
        types.append(type.toString());
    types.sort();
    QVERIFY(types.contains(u"com.qlik.v1.group.created"_s));
    QTRY_COMPARE_WITH_TIMEOUT(events->eventTypes(), types, 20000);
    QStringList offered;
    for (int i = 0; i < page->eventTypeBox()->count(); ++i)
        offered.append(page->eventTypeBox()->itemText(i));
    QCOMPARE(offered, types);
    QCOMPARE(page->eventTypeBox()->currentText(), QString()); // nothing chosen for the user

    // Paged as the API pages: two at a time, Load More appends the next two.
    events->setPageSize(2);
    page->eventTypeBox()->setCurrentText(u"com.qlik.v1.group.created"_s);
    page->searchButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 1, 20000);
    QCOMPARE(events->rowCount(), 2);
    QVERIFY(page->loadMoreButton()->isEnabled());
    page->loadMoreButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 2, 20000);
    QCOMPARE(events->rowCount(), 4);
    page->loadMoreButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 3, 20000);
    QCOMPARE(events->rowCount(), 5);
    QVERIFY(!page->loadMoreButton()->isEnabled());
    for (int row = 0; row < events->rowCount(); ++row) {
        QCOMPARE(events->index(row, int(AuditEventModel::Column::EventType)).data().toString(),
                 u"com.qlik.v1.group.created"_s);
        // Made by the region client's bot user, and named so.
        QVERIFY(events->index(row, 0).data(int(AuditEventModel::Role::IsBot)).toBool());
        QVERIFY(events->index(row, int(AuditEventModel::Column::User)).data().toString().endsWith(u"(bot user)"_s));
    }

    // The user filter lists the bot by name; choosing it keeps its events only.
    const QString botId = events->index(0, 0).data(int(AuditEventModel::Role::UserId)).toString();
    const int botRow = page->userBox()->findData(botId);
    QVERIFY(botRow > 0);
    QVERIFY(page->userBox()->itemText(botRow).endsWith(u"(bot user)"_s));
    page->userBox()->setCurrentIndex(botRow);
    page->eventTypeBox()->setCurrentText(QString());
    events->setPageSize(100);
    page->searchButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 1, 20000);
    QVERIFY(events->rowCount() >= 5);
    for (int row = 0; row < events->rowCount(); ++row)
        QCOMPARE(events->index(row, 0).data(int(AuditEventModel::Role::UserId)).toString(), botId);

    // A time range in the future: nothing.
    page->fromCheck()->setChecked(true);
    page->fromEdit()->setDateTime(QDateTime::currentDateTimeUtc().addDays(30));
    page->searchButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 1, 20000);
    QCOMPARE(events->rowCount(), 0);
    // A range that ends before it starts is refused before asking.
    page->toCheck()->setChecked(true);
    page->toEdit()->setDateTime(QDateTime::currentDateTimeUtc());
    page->searchButton()->click();
    QVERIFY(page->statusLabel()->text().contains(u"ends before it starts"_s));
    page->fromCheck()->setChecked(false);
    page->toCheck()->setChecked(false);
    page->searchButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!events->isLoading() && events->pagesLoaded() == 1, 20000);
    const int shown = events->rowCount();
    QVERIFY(shown >= 5);

    // Export what is loaded.
    const QString csv = m_estate->filePath(u"audit.csv"_s);
    QSignalSpy exported(page, &DetailPage::message);
    bool done = false;
    QString error = u"not called"_s;
    page->exportTo(csv, DetailPage::ExportFormat::Csv, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(error, QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), shown + 1);
    QVERIFY(lines.first().startsWith("Time (UTC),Event type,User,Source,Resource"));
    QCOMPARE(exported.size(), 1);
    const QString json = m_estate->filePath(u"audit.json"_s);
    done = false;
    page->exportTo(json, DetailPage::ExportFormat::Json, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(error, QString());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).array().size(), shown);
}

void TestLicenseAudit::seatCheckFlagsTenantsInTheTree()
{
    // Northwind auto-assigns professional seats; contoso (another region, same pool) does not.
    QCOMPARE(m_sandbox->http()
                 .put(m_host, u"/api/v1/licenses/settings"_s,
                      QJsonObject{{u"autoAssignProfessional"_s, true}, {u"autoAssignAnalyzer"_s, false}}, m_token)
                 .status,
             200);
    const QString contosoHost = m_sandbox->hostOf(u"contoso"_s);
    QCOMPARE(m_sandbox->http()
                 .put(contosoHost, u"/api/v1/licenses/settings"_s,
                      QJsonObject{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, false}},
                      m_sandbox->regionToken(contosoHost))
                 .status,
             200);
    EstateModel *model = m_session->model();
    const QModelIndex northwind = model->tenantIndex(m_host);
    const QModelIndex contoso = model->tenantIndex(contosoHost);
    QVERIFY(northwind.isValid() && contoso.isValid());
    QVERIFY(!northwind.data(int(EstateModel::Role::TakesSeatsAutomatically)).isValid()); // not read yet
    QItemSelectionModel *selection = m_window->estateView()->selectionModel();
    selection->clearSelection();
    for (const QModelIndex &tenant : {northwind, contoso})
        selection->select(m_window->estateProxy()->mapFromSource(tenant),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QAction *check = menu->findChild<QAction *>(u"seatCheckAction"_s);
    QVERIFY(check);
    check->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(contoso.data(int(EstateModel::Role::TakesSeatsAutomatically)).isValid(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(northwind.data(int(EstateModel::Role::TakesSeatsAutomatically)), QVariant(true), 20000);
    QCOMPARE(contoso.data(int(EstateModel::Role::TakesSeatsAutomatically)), QVariant(false));
    QVERIFY2(northwind.data(int(EstateModel::Role::Detail)).toString().contains(u"auto-assigns seats"_s),
             qPrintable(northwind.data(int(EstateModel::Role::Detail)).toString()));
    QVERIFY(!contoso.data(int(EstateModel::Role::Detail)).toString().contains(u"auto-assigns seats"_s));
    QTRY_VERIFY(m_window->statusBar()->currentMessage().startsWith(u"1 of 2 tenants checked take seats"_s));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(m_host),
             qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestLicenseAudit)
#include "tst_licenseaudit.moc"
