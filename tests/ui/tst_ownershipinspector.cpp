// The ownership inspector against the real sandbox (in this process, over loopback HTTP, demo
// seed, whose globex keeps the bot of a deleted OAuth client owning content): opened from the
// estate tree's context menu on globex, the orphaned bots' rows must be exactly what the sandbox's
// state says they own; filter, sort and CSV/JSON export work on them; "Reassign to…" puts a dry run
// in the activity panel, Apply there moves everything, and the state shows the new owner. The
// inspector's table and the activity panel after the apply are saved as screenshots. "Delete…" puts
// the delete plan's dry run there; Apply asks for a typed confirmation, which wrong text cannot pass,
// and the right text deletes everything listed (the confirmation is saved as a screenshot).
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ownershiptablemodel.h"
#include "support/sandboxfixture.h"
#include "ui/activitypanel.h"
#include "ui/commandpalette.h"
#include "ui/mainwindow.h"
#include "ui/ownershipinspector.h"
#include "ui/typedconfirmationdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using Role = JobListModel::Role;
using Column = OwnershipTableModel::Column;
using OwnerColumn = OwnershipInspector::OwnerColumn;
using TestSupport::SandboxFixture;

namespace {

const QString newOwner = u"qlikbot\\sandbox-region-eu"_s;

} // namespace

class TestOwnershipInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void inspectOrphanedBotsThenReassign();
    void deleteTakesTypedConfirmation();

private:
    void selectTenants(const QStringList &hosts);
    // "type id" of everything the state says one of `ownerIds` owns on the tenant.
    [[nodiscard]] QSet<QString> ownedInState(const QString &host, const QSet<QString> &ownerIds);
    // Ids of the tenant's bot users whose OAuth client the state marks deleted.
    [[nodiscard]] QSet<QString> orphanedBotIds(const QString &host);
    [[nodiscard]] QString userIdOf(const QString &host, const QString &subject);
    [[nodiscard]] static QString artifacts();
    [[nodiscard]] JobListModel *jobs() const { return m_window->jobBoard()->model(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_jobsTester;
};

void TestOwnershipInspector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    m_session = m_estate->startSession();
    QVERIFY2(m_estate->showWindow([this](MainWindow *window) {
        m_window = window;
        m_jobsTester = std::make_unique<QAbstractItemModelTester>(
            jobs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        jobs()->setUpdateInterval(std::chrono::milliseconds(0));
    }),
             qPrintable(m_estate->error()));
    QVERIFY(m_session->model()->tenantIndex(u"globex.eu.qlikcloud.com"_s).isValid());
}

void TestOwnershipInspector::cleanupTestCase()
{
    m_jobsTester.reset();
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QString TestOwnershipInspector::artifacts()
{
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QDir().mkpath(dir);
    return dir;
}

void TestOwnershipInspector::selectTenants(const QStringList &hosts)
{
    QTreeView *view = m_window->estateView();
    view->selectionModel()->clearSelection();
    for (const QString &host : hosts) {
        const QModelIndex shown = m_window->estateProxy()->mapFromSource(m_session->model()->tenantIndex(host));
        QVERIFY2(shown.isValid(), qPrintable(host));
        view->selectionModel()->select(shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QSet<QString> TestOwnershipInspector::ownedInState(const QString &host, const QSet<QString> &ownerIds)
{
    const QJsonObject tenant = m_sandbox->tenantState(host);
    const QList<QPair<QString, QString>> kinds{{u"apps"_s, u"app"_s},
                                               {u"automations"_s, u"automation"_s},
                                               {u"spaces"_s, u"space"_s},
                                               {u"dataConnections"_s, u"data-connection"_s},
                                               {u"automationConnections"_s, u"automation-connection"_s},
                                               {u"dataFiles"_s, u"data-file"_s}};
    QSet<QString> owned;
    for (const auto &[key, type] : kinds) {
        for (const QJsonValue entity : tenant.value(key).toArray()) {
            if (!ownerIds.contains(entity[u"ownerId"_s].toString()))
                continue;
            owned.insert((entity[u"folder"_s].toBool() ? u"data-folder"_s : type) + u' ' + entity[u"id"_s].toString());
        }
    }
    return owned;
}

QSet<QString> TestOwnershipInspector::orphanedBotIds(const QString &host)
{
    QSet<QString> deletedClients;
    for (const QJsonValue client : m_sandbox->http().state(u"-"_s).value(u"clients"_s).toArray()) {
        if (client[u"deleted"_s].toBool())
            deletedClients.insert(client[u"clientId"_s].toString());
    }
    QSet<QString> ids;
    for (const QJsonValue user : m_sandbox->tenantState(host).value(u"users"_s).toArray()) {
        if (deletedClients.contains(user[u"clientId"_s].toString()))
            ids.insert(user[u"id"_s].toString());
    }
    return ids;
}

QString TestOwnershipInspector::userIdOf(const QString &host, const QString &subject)
{
    for (const QJsonValue user : m_sandbox->tenantState(host).value(u"users"_s).toArray()) {
        if (user[u"subject"_s].toString() == subject)
            return user[u"id"_s].toString();
    }
    return {};
}

void TestOwnershipInspector::inspectOrphanedBotsThenReassign()
{
    const QString globex = u"globex.eu.qlikcloud.com"_s;
    const QString host = m_session->model()->tenantIndex(globex).data(int(EstateModel::Role::Hostname)).toString();
    const QSet<QString> orphans = orphanedBotIds(globex);
    QVERIFY(!orphans.isEmpty());
    const QSet<QString> expected = ownedInState(globex, orphans);
    QVERIFY(expected.size() > 5);

    // 1. Inspect Ownership… from the estate tree's context menu on globex: orphaned bots at once.
    selectTenants({globex});
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QVERIFY(menu);
    auto *inspect = menu->findChild<QAction *>(u"inspectOwnershipOfSelectionAction"_s);
    QVERIFY(inspect);
    inspect->trigger();
    auto *inspector = m_window->findChild<OwnershipInspector *>();
    QVERIFY(inspector);
    QVERIFY(QTest::qWaitForWindowExposed(inspector));
    QCOMPARE(inspector->tenants(), QStringList{host});
    QCOMPARE(inspector->selectionCombo()->currentIndex(), int(OwnershipInspector::Selection::OrphanedBots));
    QAbstractItemModelTester tester(inspector->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(inspector->proxyModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester ownersTester(inspector->perTenantOwners()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(inspector->isAuditing()); // the window was shown before any answer: nothing waited
    QSignalSpy audited(inspector, &OwnershipInspector::audited);
    QVERIFY(audited.wait(30000));

    // 2. The rows are exactly what the state says the orphaned bots own, each named as a bot.
    OwnershipTableModel *model = inspector->tableModel();
    QSet<QString> shown;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QStringList cells = model->rowText(row);
        QCOMPARE(cells.at(int(Column::Tenant)), host);
        QCOMPARE(cells.at(int(Column::Standing)), u"orphaned"_s);
        QVERIFY2(cells.at(int(Column::Owner)).contains(u"(qlikbot\\"_s), qPrintable(cells.at(int(Column::Owner))));
        shown.insert(cells.at(int(Column::Type)) + u' ' + cells.at(int(Column::Id)));
    }
    QCOMPARE(model->rowCount(), int(expected.size()));
    QCOMPARE(shown, expected);
    const QString summary = inspector->summaryLabel()->text();
    QVERIFY2(summary.startsWith(host + u": "_s) && summary.contains(u"[orphaned] %1"_s.arg(expected.size())),
             qPrintable(summary));
    // Each bot with its standing and newest audit event (the active region bot acted; the seeded orphan did not).
    QVERIFY2(summary.contains(host + u" bots: "_s) && summary.contains(u"[orphaned] no audit event"_s)
                 && summary.contains(u"[active] last active "_s),
             qPrintable(summary));
    QVERIFY2(inspector->statusLabel()->text().startsWith(u"%1 item(s) owned on 1 tenant(s)"_s.arg(expected.size())),
             qPrintable(inspector->statusLabel()->text()));
    // The TenantAdmin finding: with no partner domain every person holding it is listed; naming
    // the partner's domain leaves none on globex (only the partner's admin holds it there).
    QVERIFY2(summary.contains(u"TenantAdmin held by Alex Morgan <alex.morgan@acme-analytics.example>"_s),
             qPrintable(summary));
    // A bad entry is flagged and left out, as tenantryctl's --partner-domain refuses it.
    inspector->partnerDomainsEdit()->setText(u"acme"_s);
    Q_EMIT inspector->partnerDomainsEdit()->editingFinished();
    QVERIFY2(inspector->summaryLabel()->text().contains(u"acme is not an email domain"_s)
                 && inspector->summaryLabel()->text().contains(u"TenantAdmin held by Alex Morgan"_s),
             qPrintable(inspector->summaryLabel()->text()));
    inspector->partnerDomainsEdit()->setText(u"@Acme-Analytics.example"_s);
    Q_EMIT inspector->partnerDomainsEdit()->editingFinished();
    QVERIFY2(!inspector->summaryLabel()->text().contains(u"TenantAdmin held by"_s),
             qPrintable(inspector->summaryLabel()->text()));

    // Sort by name (header), then filter as you type.
    inspector->tableView()->sortByColumn(int(Column::Name), Qt::AscendingOrder);
    QList<QStringList> rows = inspector->shownRows();
    QCOMPARE(rows.size(), int(expected.size()));
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY(rows.at(i - 1).at(int(Column::Name)).compare(rows.at(i).at(int(Column::Name)), Qt::CaseInsensitive)
                <= 0);
    int connections = 0;
    for (const QString &entry : expected)
        connections += entry.startsWith(u"data-connection "_s) ? 1 : 0;
    QVERIFY(connections > 0);
    inspector->filterEdit()->setText(u"data-connection"_s);
    QCOMPARE(inspector->shownRows().size(), connections);
    inspector->filterEdit()->clear();
    QCOMPARE(inspector->shownRows().size(), int(expected.size()));
    inspector->layout()->activate(); // the summary grew: lay it out before the picture
    QVERIFY(inspector->grab().save(artifacts() + u"/ownership-inspector.png"_s));

    // 3. Export CSV and JSON of the shown rows.
    const QString csvPath = m_estate->filePath(u"ownership.csv"_s);
    QString csvError = u"not written"_s;
    bool csvDone = false;
    inspector->exportTo(csvPath, OwnershipInspector::ExportFormat::Csv, [&](const QString &error) {
        csvError = error;
        csvDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(csvDone, 10000);
    QCOMPARE(csvError, QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), expected.size() + 1);
    QCOMPARE(lines.first().trimmed(), QByteArray("Tenant,Owner,Standing,Type,Name,Id,Space,Created"));
    QSet<QString> exported;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i).trimmed());
        QVERIFY2(line.startsWith(host + u','), qPrintable(line));
        for (const QString &entry : expected) {
            if (line.contains(u',' + entry.section(u' ', 1) + u',')
                && line.contains(u',' + entry.section(u' ', 0, 0) + u','))
                exported.insert(entry);
        }
    }
    QCOMPARE(exported, expected);
    const QString jsonPath = m_estate->filePath(u"ownership.json"_s);
    bool jsonDone = false;
    QString jsonError = u"not written"_s;
    inspector->exportTo(jsonPath, OwnershipInspector::ExportFormat::Json, [&](const QString &error) {
        jsonError = error;
        jsonDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(jsonDone, 10000);
    QCOMPARE(jsonError, QString());
    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(items.size(), expected.size());
    for (const QJsonValue item : items) {
        QCOMPARE(item[u"ownerStanding"_s].toString(), u"orphaned"_s);
        QVERIFY(orphans.contains(item[u"ownerId"_s].toString()));
    }

    // 4a. A new owner per tenant: the table lists globex with its active bot; an owner the tenant
    // does not know blocks the tenant's items in the dry run, with the reason.
    QTableWidget *perTenant = inspector->perTenantOwners();
    QCOMPARE(perTenant->rowCount(), 1);
    QCOMPARE(perTenant->item(0, int(OwnerColumn::Tenant))->text(), host);
    QCOMPARE(perTenant->item(0, int(OwnerColumn::ActiveBot))->text(), newOwner);
    QVERIFY(!inspector->reassignButton()->isEnabled()); // no new owner yet
    perTenant->item(0, int(OwnerColumn::NewOwner))->setText(u"nobody@example.com"_s);
    QVERIFY(inspector->reassignButton()->isEnabled());
    QSignalSpy perTenantStarted(inspector, &OwnershipInspector::reassignStarted);
    inspector->reassignButton()->click();
    QCOMPARE(perTenantStarted.size(), 1);
    const QModelIndex blockedJob = jobs()->indexOfJob(perTenantStarted.first().first().toString());
    QTRY_VERIFY_WITH_TIMEOUT(blockedJob.data(int(Role::Status)).toString() != u"running"_s, 30000);
    const QModelIndex blockedTarget = jobs()->index(0, 0, blockedJob);
    QVERIFY2(blockedTarget.data().toString().contains(u"→ nobody@example.com"_s),
             qPrintable(blockedTarget.data().toString()));
    const QModelIndex blockedStep = jobs()->index(0, 0, blockedTarget);
    QCOMPARE(blockedStep.data(int(Role::Action)).toString(), u"blocked"_s);
    QVERIFY2(blockedStep.data(int(Role::Summary)).toString().contains(u"no user 'nobody@example.com'"_s)
                 || blockedStep.data(int(Role::Error)).toString().contains(u"no user 'nobody@example.com'"_s),
             qPrintable(blockedStep.data(int(Role::Summary)).toString()));
    // Each tenant's active bot: the dry run says whom the owner resolved to on the tenant.
    inspector->useActiveBots();
    QCOMPARE(perTenant->item(0, int(OwnerColumn::NewOwner))->text(), newOwner);
    inspector->reassignButton()->click();
    QCOMPARE(perTenantStarted.size(), 2);
    const QModelIndex resolvedJob = jobs()->indexOfJob(perTenantStarted.last().first().toString());
    QTRY_COMPARE_WITH_TIMEOUT(resolvedJob.data(int(Role::Status)).toString(), u"planned"_s, 30000);
    const QString botId = userIdOf(globex, newOwner);
    QVERIFY(!botId.isEmpty());
    const QModelIndex resolvedStep = jobs()->index(0, 0, jobs()->index(0, 0, resolvedJob));
    QVERIFY2(resolvedStep.data(int(Role::Summary)).toString().contains(u"%1 (%2)"_s.arg(newOwner, botId)),
             qPrintable(resolvedStep.data(int(Role::Summary)).toString()));
    perTenant->item(0, int(OwnerColumn::NewOwner))->setText(QString());

    // 4. Reassign to the active region bot: a dry run in the activity panel; nothing changes yet.
    QVERIFY(!inspector->reassignButton()->isEnabled()); // no new owner typed yet
    inspector->reassignEdit()->setText(newOwner);
    QVERIFY(inspector->reassignButton()->isEnabled());
    QSignalSpy started(inspector, &OwnershipInspector::reassignStarted);
    inspector->reassignButton()->click();
    QCOMPARE(started.size(), 1);
    const QString dryRunId = started.first().first().toString();
    QCOMPARE(m_window->activityPanel()->currentJobId(), dryRunId);
    QVERIFY(m_window->activityDock()->isVisible());
    const QModelIndex dryRow = jobs()->indexOfJob(dryRunId);
    QVERIFY(dryRow.isValid());
    QVERIFY(dryRow.data(int(Role::DryRun)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(dryRow.data(int(Role::Status)).toString(), u"planned"_s, 30000);
    QCOMPARE(jobs()->rowCount(dryRow), 1); // one target: globex
    QCOMPARE(ownedInState(globex, orphans), expected); // a dry run changes nothing

    // 5. Apply from the activity panel: everything moves to the region bot.
    QVERIFY(m_window->activityPanel()->applyAction()->isEnabled());
    m_window->activityPanel()->applyAction()->trigger();
    const QString applyId = m_window->activityPanel()->currentJobId();
    QVERIFY(!applyId.isEmpty() && applyId != dryRunId);
    const QModelIndex applyRow = jobs()->indexOfJob(applyId);
    QVERIFY(!applyRow.data(int(Role::DryRun)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(applyRow.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);
    QVERIFY(ownedInState(globex, orphans).isEmpty());
    QVERIFY(ownedInState(globex, {botId}).contains(expected));
    m_window->activityPanel()->view()->expand(applyRow);
    m_window->activityPanel()->view()->expand(jobs()->index(0, 0, applyRow));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(artifacts() + u"/ownership-activity.png"_s));

    // 6. Ctrl+K → "Inspect Ownership" on the same selection: a new audit finds nothing left.
    const QPointer<OwnershipInspector> first(inspector);
    inspector->close();
    QTRY_VERIFY(!first);
    auto *paletteAction = m_window->findChild<QAction *>(u"commandPaletteAction"_s);
    QVERIFY(paletteAction);
    paletteAction->trigger();
    CommandPalette *palette = m_window->commandPalette();
    QTest::keyClicks(palette->lineEdit(), u"inspect own"_s);
    QCOMPARE(palette->shownTexts().value(0), u"Inspect Ownership"_s);
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    inspector = m_window->findChild<OwnershipInspector *>();
    QVERIFY(inspector);
    QCOMPARE(inspector->tenants(), QStringList{host});
    QSignalSpy again(inspector, &OwnershipInspector::audited);
    QVERIFY(again.wait(30000));
    QCOMPARE(inspector->tableModel()->rowCount(), 0);
    QVERIFY2(inspector->summaryLabel()->text().contains(u"nothing owned"_s),
             qPrintable(inspector->summaryLabel()->text()));
    inspector->reassignEdit()->setText(newOwner);
    QVERIFY(!inspector->reassignButton()->isEnabled()); // nothing to move
    inspector->close();
}

void TestOwnershipInspector::deleteTakesTypedConfirmation()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s)); // the orphan owns everything again
    const QString globex = u"globex.eu.qlikcloud.com"_s;
    const QSet<QString> orphans = orphanedBotIds(globex);
    const QSet<QString> expected = ownedInState(globex, orphans);
    QVERIFY(expected.size() > 5);
    QSet<QString> users;
    for (const QJsonValue user : m_sandbox->tenantState(globex).value(u"users"_s).toArray())
        users.insert(user[u"id"_s].toString());
    const QSet<QString> everything = ownedInState(globex, users);

    selectTenants({globex});
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    menu->findChild<QAction *>(u"inspectOwnershipOfSelectionAction"_s)->trigger();
    auto *inspector = m_window->findChild<OwnershipInspector *>();
    QVERIFY(inspector);
    QSignalSpy audited(inspector, &OwnershipInspector::audited);
    QVERIFY(audited.wait(30000));
    QCOMPARE(inspector->tableModel()->rowCount(), int(expected.size()));

    // Delete… is never the default button; it starts a dry run that changes nothing.
    QPushButton *remove = inspector->deleteButton();
    QVERIFY(remove->isEnabled());
    QVERIFY(!remove->isDefault() && !remove->autoDefault());
    QSignalSpy started(inspector, &OwnershipInspector::deleteStarted);
    remove->click();
    QCOMPARE(started.size(), 1);
    const QString dryRunId = started.first().first().toString();
    QCOMPARE(m_window->activityPanel()->currentJobId(), dryRunId);
    const QModelIndex dryRow = jobs()->indexOfJob(dryRunId);
    QTRY_COMPARE_WITH_TIMEOUT(dryRow.data(int(Role::Status)).toString(), u"planned"_s, 30000);
    QCOMPARE(ownedInState(globex, orphans), expected);

    // Apply asks for the typed confirmation; wrong text keeps its button disabled and deletes nothing.
    const int jobsBefore = jobs()->rowCount();
    m_window->activityPanel()->applyAction()->trigger();
    auto *confirm = m_window->findChild<TypedConfirmationDialog *>(u"bulkDeleteDialog"_s);
    QVERIFY(confirm);
    QVERIFY(QTest::qWaitForWindowExposed(confirm));
    QVERIFY(confirm->isTypingRequired());
    const QString phrase = u"delete %1 items"_s.arg(expected.size());
    QCOMPARE(confirm->phrase(), phrase);
    QVERIFY(!confirm->confirmButton()->isEnabled());
    QTest::keyClicks(confirm->confirmationEdit(), u"delete %1 item"_s.arg(expected.size()));
    QVERIFY(!confirm->confirmButton()->isEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(confirm->isVisible());
    QVERIFY(confirm->grab().save(artifacts() + u"/ownership-delete-confirmation.png"_s));
    QCOMPARE(jobs()->rowCount(), jobsBefore);
    QCOMPARE(ownedInState(globex, orphans), expected);

    // The right text deletes everything listed, and only that.
    const QPointer<TypedConfirmationDialog> guard(confirm);
    QTest::keyClick(confirm->confirmationEdit(), Qt::Key_S);
    QCOMPARE(confirm->confirmationEdit()->text(), phrase);
    QVERIFY(confirm->confirmButton()->isEnabled());
    confirm->confirmButton()->click();
    QTRY_VERIFY(!guard);
    const QString applyId = m_window->activityPanel()->currentJobId();
    QVERIFY(!applyId.isEmpty() && applyId != dryRunId);
    const QModelIndex applyRow = jobs()->indexOfJob(applyId);
    QVERIFY(!applyRow.data(int(Role::DryRun)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(applyRow.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);
    QVERIFY(ownedInState(globex, orphans).isEmpty());
    QCOMPARE(ownedInState(globex, users), everything - expected);
    inspector->close();
}

QTEST_MAIN(TestOwnershipInspector)
#include "tst_ownershipinspector.moc"
