// The publish wizard against the real sandbox (in this process, over loopback HTTP, demo seed):
// every page is driven through its widgets — the source tenant and its apps, the targets selected
// in the estate tree, the spaces and options, the dry run's table — then Apply runs the rollout in
// the activity panel; the sandbox's state must hold exactly one published copy per app per managed
// space, traced to a staged copy. A second rollout adds a tenant whose space creation is refused
// (a fault rule): it fails, and Retry Failed converges once the fault is gone. Screenshots of the
// source page, the dry run and the activity panel go to the test artifacts.
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "eventloopheartbeat.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/job.h"
#include "sourceappcatalog.h"
#include "support/sandboxfixture.h"
#include "tenanttagstore.h"
#include "ui/activitypanel.h"
#include "ui/mainwindow.h"
#include "ui/publishdryrunpage.h"
#include "ui/publishoptionspage.h"
#include "ui/publishsourcepage.h"
#include "ui/publishtargetspage.h"
#include "ui/publishwizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using Role = JobListModel::Role;
using TestSupport::SandboxFixture;

namespace {

const QString sourceAlias = u"acme-source.eu.qlikcloud.com"_s;
const QString managedSpace = u"Wizard Apps"_s;
const QString stagingSpace = u"Wizard Staging"_s;
const QStringList appNames{u"Executive KPIs"_s, u"Sales Dashboard"_s}; // in the source page's order

} // namespace

class TestPublishWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void walkTheWizardApplyThenRetryFailed();
    void publishLocalAppFiles();

private:
    // Opens the wizard from the estate tree's context menu on `targets` and walks it to a finished
    // dry run; null when a page does not behave (the failed check says which).
    // With `waveTag`, the tenants with that tag go first as a staged rollout's first wave, and the
    // others only start when none of it failed.
    [[nodiscard]] PublishWizard *walkToDryRun(const QStringList &targets, const QString &screenshotPrefix,
                                              const QString &waveTag = {});
    void selectTenants(const QStringList &hosts);
    [[nodiscard]] QList<QJsonObject> appsIn(const QJsonObject &tenant, const QString &spaceName) const;
    // Exactly one published copy per app in the managed space, traced to a staged copy of the app.
    void verifyOneCopyEach(const QString &host);
    [[nodiscard]] static QString artifacts();
    // The hostname the estate calls a tenant by (its generated one), from any of its hostnames.
    [[nodiscard]] QString estateHost(const QString &hostname) const;
    [[nodiscard]] JobListModel *jobs() const { return m_window->jobBoard()->model(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPublishWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    m_session = m_estate->startSession();
    QVERIFY2(m_estate->showWindow([this](MainWindow *window) {
        m_window = window;
        m_tester = std::make_unique<QAbstractItemModelTester>(jobs(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        jobs()->setUpdateInterval(std::chrono::milliseconds(0));
    }),
             qPrintable(m_estate->error()));
    QVERIFY(m_session->model()->tenantIndex(u"northwind.eu.qlikcloud.com"_s).isValid());
}

void TestPublishWizard::cleanupTestCase()
{
    m_tester.reset();
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QString TestPublishWizard::estateHost(const QString &hostname) const
{
    return m_session->model()->tenantIndex(hostname).data(int(EstateModel::Role::Hostname)).toString();
}

QString TestPublishWizard::artifacts()
{
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QDir().mkpath(dir);
    return dir;
}

void TestPublishWizard::selectTenants(const QStringList &hosts)
{
    QTreeView *view = m_window->estateView();
    view->selectionModel()->clearSelection();
    for (const QString &host : hosts) {
        const QModelIndex shown = m_window->estateProxy()->mapFromSource(m_session->model()->tenantIndex(host));
        QVERIFY2(shown.isValid(), qPrintable(host));
        view->selectionModel()->select(shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QList<QJsonObject> TestPublishWizard::appsIn(const QJsonObject &tenant, const QString &spaceName) const
{
    QString spaceId;
    for (const QJsonValue space : tenant.value(u"spaces"_s).toArray()) {
        if (space.toObject().value(u"name"_s).toString() == spaceName)
            spaceId = space.toObject().value(u"id"_s).toString();
    }
    QList<QJsonObject> apps;
    for (const QJsonValue app : tenant.value(u"apps"_s).toArray()) {
        if (!spaceId.isEmpty() && app.toObject().value(u"spaceId"_s).toString() == spaceId)
            apps.append(app.toObject());
    }
    return apps;
}

void TestPublishWizard::verifyOneCopyEach(const QString &host)
{
    const QJsonObject tenant = m_sandbox->tenantState(host);
    const QList<QJsonObject> published = appsIn(tenant, managedSpace);
    const QList<QJsonObject> staged = appsIn(tenant, stagingSpace);
    QCOMPARE(published.size(), appNames.size());
    for (const QString &name : appNames) {
        QStringList stagedIds;
        for (const QJsonObject &app : staged) {
            if (app.value(u"name"_s).toString() == name)
                stagedIds.append(app.value(u"id"_s).toString());
        }
        int copies = 0;
        for (const QJsonObject &app : published) {
            if (app.value(u"name"_s).toString() != name)
                continue;
            ++copies;
            QVERIFY2(stagedIds.contains(app.value(u"originAppId"_s).toString()),
                     qPrintable(host + u": "_s + name + u" comes from "_s + app.value(u"originAppId"_s).toString()));
        }
        QCOMPARE(copies, 1);
    }
}

PublishWizard *TestPublishWizard::walkToDryRun(const QStringList &targets, const QString &screenshotPrefix,
                                               const QString &waveTag)
{
    // Opened from the tree's context menu on the selected tenants.
    selectTenants(targets);
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    auto *publish = menu ? menu->findChild<QAction *>(u"publishAppsToSelectionAction"_s) : nullptr;
    if (!publish) {
        qWarning("the estate menu has no Publish Apps… for the selected tenants");
        return nullptr;
    }
    publish->trigger();
    auto *wizard = m_window->findChild<PublishWizard *>();
    if (!wizard || !QTest::qWaitForWindowExposed(wizard))
        return nullptr;

    // 1. Source: the tenant, then its shared spaces' apps arrive without blocking; check two of them.
    PublishSourcePage *source = wizard->sourcePage();
    if (wizard->currentPage() != source)
        return nullptr;
    const QString sourceHost = estateHost(sourceAlias);
    const int row = source->sourceCombo()->findData(sourceHost, Qt::UserRole);
    if (row < 0) {
        qWarning("the source combo does not list %s", qPrintable(sourceHost));
        return nullptr;
    }
    source->sourceCombo()->setCurrentIndex(row);
    if (!QTest::qWaitFor([source] { return source->appList()->topLevelItemCount() > 0; }, 20000))
        return nullptr;
    if (wizard->button(QWizard::NextButton)->isEnabled()) {
        qWarning("Next is enabled before an app is checked");
        return nullptr;
    }
    for (int i = 0; i < source->appList()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = source->appList()->topLevelItem(i);
        if (appNames.contains(item->text(0)))
            item->setCheckState(0, Qt::Checked);
    }
    if (source->selectedAppNames().size() != appNames.size() || !wizard->button(QWizard::NextButton)->isEnabled())
        return nullptr;
    if (!screenshotPrefix.isEmpty())
        wizard->grab().save(artifacts() + u'/' + screenshotPrefix + u"-source.png"_s);
    wizard->button(QWizard::NextButton)->click();

    // 2. Targets: those selected in the tree are checked.
    PublishTargetsPage *page = wizard->targetsPage();
    if (wizard->currentPage() != page)
        return nullptr;
    QStringList checked;
    for (const auto &target : page->targets())
        checked.append(target.hostname);
    QStringList expected;
    for (const QString &target : targets)
        expected.append(estateHost(target));
    checked.sort();
    expected.sort();
    if (checked != expected) {
        qWarning("targets checked: %s", qPrintable(checked.join(u", "_s)));
        return nullptr;
    }
    wizard->button(QWizard::NextButton)->click();

    // 3. Spaces and options.
    PublishOptionsPage *options = wizard->optionsPage();
    if (wizard->currentPage() != options)
        return nullptr;
    options->managedSpaceEdit()->setText(managedSpace);
    options->stagingSpaceEdit()->setText(stagingSpace);
    options->createSpacesBox()->setChecked(true);
    options->concurrencySpin()->setValue(4);
    if (!waveTag.isEmpty()) {
        options->waveCombo()->setCurrentIndex(options->waveCombo()->findData(int(PublishOptionsPage::Wave::Tagged)));
        options->waveTagCombo()->setCurrentIndex(options->waveTagCombo()->findData(waveTag));
        options->maxWaveFailuresSpin()->setValue(0);
        options->laterWavesSpin()->setValue(1); // then one tenant at a time
        if (options->waveTag() != waveTag)
            return nullptr;
    }
    if (!wizard->button(QWizard::NextButton)->isEnabled())
        return nullptr;
    wizard->button(QWizard::NextButton)->click();

    // 4. The dry run, run by the JobBoard.
    PublishDryRunPage *dryRun = wizard->dryRunPage();
    if (wizard->currentPage() != dryRun || !QTest::qWaitFor([dryRun] { return dryRun->isDryRunFinished(); }, 30000))
        return nullptr;
    return wizard;
}

void TestPublishWizard::walkTheWizardApplyThenRetryFailed()
{
    const QStringList firstTargets{u"northwind.eu.qlikcloud.com"_s, u"stark.eu.qlikcloud.com"_s};
    PublishWizard *wizard = walkToDryRun(firstTargets, u"publish-wizard"_s);
    QVERIFY(wizard);
    QVERIFY(QFile::exists(artifacts() + u"/publish-wizard-source.png"_s));

    // The targets page's other ways of choosing, checked on the way back: Back keeps the answers.
    PublishDryRunPage *dryRun = wizard->dryRunPage();
    QTableWidget *table = dryRun->table();
    QCOMPARE(table->rowCount(), 4);
    for (int row = 0; row < table->rowCount(); ++row) {
        QCOMPARE(table->item(row, int(PublishDryRunPage::Column::Tenant))->text(),
                 estateHost(firstTargets.at(row / 2)));
        QCOMPARE(table->item(row, int(PublishDryRunPage::Column::App))->text(), appNames.at(row % 2));
        QCOMPARE(table->item(row, int(PublishDryRunPage::Column::Result))->text(), u"publish"_s);
    }
    QVERIFY2(dryRun->countsLabel()->text().startsWith(u"4 publish · 0 republish · 0 up to date · 0 blocked"_s),
             qPrintable(dryRun->countsLabel()->text()));
    QVERIFY(appsIn(m_sandbox->tenantState(u"northwind"_s), managedSpace).isEmpty()); // a dry run changes nothing
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(wizard->button(QWizard::CustomButton1)->isVisible()); // Save as Plan…
    wizard->grab().save(artifacts() + u"/publish-wizard-dry-run.png"_s);

    // Save as Plan… writes the plan `tenantryctl apply` runs: one target per tenant, a step per app.
    const QString planPath = m_estate->filePath(u"rollout.json"_s);
    QCOMPARE(dryRun->savePlan(planPath), QString());
    QFile planFile(planPath);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(planFile.readAll()).object();
    QCOMPARE(plan.value(u"format"_s).toString(), u"tenantry-plan"_s);
    const QJsonArray planTargets = plan.value(u"targets"_s).toArray();
    QCOMPARE(planTargets.size(), 2);
    const QJsonArray steps = planTargets.at(0).toObject().value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 2);
    const QJsonObject params = steps.at(0).toObject().value(u"params"_s).toObject();
    QCOMPARE(params.value(u"managedSpace"_s).toString(), managedSpace);
    QCOMPARE(params.value(u"stagingSpace"_s).toString(), stagingSpace);
    QCOMPARE(params.value(u"source"_s).toString(), estateHost(sourceAlias));
    QVERIFY(params.value(u"createSpaces"_s).toBool());

    // 5. Apply: the job goes to the activity panel and the wizard closes.
    EventLoopHeartbeat heartbeat;
    heartbeat.start();
    const QPointer<PublishWizard> guard(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!guard || !guard->isVisible());
    const QString applyId = m_window->activityPanel()->currentJobId();
    QVERIFY(!applyId.isEmpty());
    QVERIFY(m_window->activityDock()->isVisible());
    const QModelIndex applyRow = jobs()->indexOfJob(applyId);
    QVERIFY(applyRow.isValid());
    QVERIFY(!applyRow.data(int(Role::DryRun)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(applyRow.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);
    heartbeat.stop();
    qInfo("longest UI-thread stall while the wizard's rollout ran: %lld ms",
          static_cast<long long>(heartbeat.longestStall().count()));
    for (const QString &host : firstTargets)
        verifyOneCopyEach(host);
    m_window->activityPanel()->view()->expand(applyRow);
    m_window->activityPanel()->view()->expand(jobs()->index(0, 0, applyRow));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(artifacts() + u"/publish-wizard-activity.png"_s));

    // A second rollout adds globex, whose spaces must be created — and space creation is refused.
    // Staged: globex (tagged "pilot") is the first wave; when it fails, the others do not start.
    const QStringList secondTargets{u"globex.eu.qlikcloud.com"_s, u"northwind.eu.qlikcloud.com"_s,
                                    u"stark.eu.qlikcloud.com"_s};
    (void)m_session->tags()->define(u"pilot"_s, u"#3366cc"_s);
    QCOMPARE(m_session->model()->setTag({m_session->model()->tenantIndex(secondTargets.first())}, u"pilot"_s, true),
             QString());
    wizard = walkToDryRun(secondTargets, {}, u"pilot"_s);
    QVERIFY(wizard);
    const QJsonObject stagedPlan = wizard->dryRunPage()->planJson();
    QCOMPARE(stagedPlan.value(u"options"_s).toObject().value(u"firstWave"_s).toInt(), 1);
    QCOMPARE(stagedPlan.value(u"options"_s).toObject().value(u"waveSize"_s).toInt(), 1);
    QCOMPARE(stagedPlan.value(u"targets"_s).toArray().first().toObject().value(u"hostname"_s).toString(),
             estateHost(secondTargets.first()));
    table = wizard->dryRunPage()->table();
    QCOMPARE(table->rowCount(), 6);
    const QString globex = estateHost(secondTargets.first());
    for (int row = 0; row < table->rowCount(); ++row) {
        const bool isNew = table->item(row, int(PublishDryRunPage::Column::Tenant))->text() == globex;
        QCOMPARE(table->item(row, int(PublishDryRunPage::Column::Result))->text(),
                 isNew ? u"publish"_s : u"up to date"_s);
    }
    QVERIFY2(wizard->dryRunPage()->countsLabel()->text().startsWith(u"2 publish · 0 republish · 4 up to date"_s),
             qPrintable(wizard->dryRunPage()->countsLabel()->text()));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 400},
                                                             {u"rate"_s, 1}}}));
    wizard->button(QWizard::FinishButton)->click();
    const QString secondId = m_window->activityPanel()->currentJobId();
    QVERIFY(secondId != applyId);
    const QModelIndex secondRow = jobs()->indexOfJob(secondId);
    QTRY_COMPARE_WITH_TIMEOUT(secondRow.data(int(Role::Status)).toString(), u"failed"_s, 60000);
    QCOMPARE(jobs()->rowCount(secondRow), 3);
    for (int t = 0; t < 3; ++t) {
        const QModelIndex target = jobs()->index(t, 0, secondRow);
        const bool isNew = target.data(int(Role::Hostname)).toString() == globex;
        QCOMPARE(target.data(int(Role::Status)).toString(), isNew ? u"failed"_s : u"cancelled"_s);
    }
    QVERIFY(appsIn(m_sandbox->tenantState(u"globex"_s), managedSpace).isEmpty());

    // Retry Failed in the activity panel, once the cause is gone: globex converges, the tenants the
    // stopped rollout held back run, nothing doubles.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_window->activityPanel()->selectJob(secondId);
    QVERIFY(m_window->activityPanel()->retryAction()->isEnabled());
    m_window->activityPanel()->retryAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(secondRow.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);
    for (const QString &host : secondTargets)
        verifyOneCopyEach(host);
}

void TestPublishWizard::publishLocalAppFiles()
{
    // Local .qvf files instead of (or besides) the source tenant's apps: uploaded to each target.
    const QString target = u"northwind.eu.qlikcloud.com"_s;
    QTemporaryDir dir;
    const QString good = dir.filePath(u"Field Report.qvf"_s);
    {
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray("QVF field report ").repeated(64)) > 0);
    }
    const QString missing = dir.filePath(u"Missing.qvf"_s);
    selectTenants({target});
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    auto *publish = menu ? menu->findChild<QAction *>(u"publishAppsToSelectionAction"_s) : nullptr;
    QVERIFY(publish);
    publish->trigger();
    QPointer<PublishWizard> wizard = m_window->findChild<PublishWizard *>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    PublishSourcePage *source = wizard->sourcePage();
    QCOMPARE(wizard->currentPage(), source);
    source->sourceCombo()->setCurrentIndex(-1); // files alone, no source tenant
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // A missing file is refused, naming it; the good one is listed and completes the page.
    QCOMPARE(source->addAppFiles({missing, good}), 1);
    QVERIFY2(source->statusLabel()->text().contains(missing), qPrintable(source->statusLabel()->text()));
    QCOMPARE(source->appFiles(), QStringList{good});
    QCOMPARE(source->fileList()->count(), 1);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard->grab().save(artifacts() + u"/publish-wizard-files.png"_s));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentPage(), wizard->targetsPage());
    QCOMPARE(wizard->targetsPage()->targets().size(), 1);
    wizard->button(QWizard::NextButton)->click();
    PublishOptionsPage *options = wizard->optionsPage();
    QCOMPARE(wizard->currentPage(), options);
    options->managedSpaceEdit()->setText(managedSpace);
    options->stagingSpaceEdit()->setText(stagingSpace);
    options->createSpacesBox()->setChecked(true);
    options->waveCombo()->setCurrentIndex(options->waveCombo()->findData(int(PublishOptionsPage::Wave::None)));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->button(QWizard::NextButton)->click();
    PublishDryRunPage *dryRun = wizard->dryRunPage();
    QCOMPARE(wizard->currentPage(), dryRun);
    QVERIFY(QTest::qWaitFor([dryRun] { return dryRun->isDryRunFinished(); }, 30000));
    QCOMPARE(dryRun->table()->rowCount(), 1);
    QCOMPARE(dryRun->table()->item(0, int(PublishDryRunPage::Column::App))->text(), u"Field Report.qvf"_s);
    QCOMPARE(dryRun->table()->item(0, int(PublishDryRunPage::Column::Result))->text(), u"publish"_s);
    // The plan names the file by its path; the bytes stay on disk.
    const QJsonObject params = dryRun->planJson()
                                   .value(u"targets"_s)
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"steps"_s)
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"params"_s)
                                   .toObject();
    QCOMPARE(params.value(u"appFile"_s).toString(), good);
    QVERIFY(!params.contains(u"source"_s));

    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!wizard || !wizard->isVisible());
    const QModelIndex row = jobs()->indexOfJob(m_window->activityPanel()->currentJobId());
    QVERIFY(row.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(row.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);
    int copies = 0;
    for (const QJsonObject &app : appsIn(m_sandbox->tenantState(u"northwind"_s), managedSpace))
        copies += app.value(u"name"_s).toString() == u"Field Report"_s ? 1 : 0;
    QCOMPARE(copies, 1);
}

QTEST_MAIN(TestPublishWizard)
#include "tst_publishwizard.moc"
