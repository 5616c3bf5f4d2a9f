// The activity panel against the real sandbox (in this process, over loopback HTTP): a plan file is
// chosen through File → Apply Plan…, its dry run shows in the panel, Apply runs it with per-target
// and per-step status, and a new window (a restart) lists it from its journal. Cancel and Retry
// Failed are driven with fault rules (PUT /__sandbox/faults).
#include "cloud/connecttomap.h"
#include "cloud/inventorytenant.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/job.h"
#include "support/sandboxfixture.h"
#include "ui/activitypanel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using Role = JobListModel::Role;
using TestSupport::SandboxFixture;

class TestActivityPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void appliesAPlanFromTheMenu();
    void onboardDemoFromTheGui();
    void cancelThenResume();
    void quittingAsksWhileApplying();
    void retryFailedTargets();
    void exportsTheReportOfAFailedJob();
    void unreadablePlanIsExplained();

private:
    void openWindow();
    [[nodiscard]] QString writePlan(const QString &groupName, int maxAttempts = 1);
    // Dry-runs `planPath` through the panel and applies it; returns the apply's job id.
    [[nodiscard]] QString dryRunAndApply(const QString &planPath);
    [[nodiscard]] int groupCount(const QString &tenantHost, const QString &name);
    [[nodiscard]] JobListModel *jobs() const { return m_window->jobBoard()->model(); }
    [[nodiscard]] ActivityPanel *panel() const { return m_window->activityPanel(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QStringList m_euTenants; // hostnames of the demo seed's active eu tenants
};

void TestActivityPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestActivityPanel::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    m_euTenants.clear();
    QJsonObject state;
    QVERIFY(m_sandbox->http().control("GET", u"/__sandbox/state?content=false"_s, {}, &state));
    for (const auto &value : state.value(u"tenants"_s).toArray()) {
        const QJsonObject tenant = value.toObject();
        if (tenant.value(u"region"_s).toString() == "eu"_L1 && tenant.value(u"status"_s).toString() == "active"_L1)
            m_euTenants.append(tenant.value(u"hostnames"_s).toArray().first().toString());
    }
    QVERIFY(m_euTenants.size() >= 2);
    m_session = m_estate->startSession();
    openWindow();
}

void TestActivityPanel::openWindow()
{
    m_tester.reset(); // it watches the window's job list, which goes with the window
    QVERIFY2(m_estate->showWindow([this](MainWindow *window) {
        m_window = window;
        m_tester = std::make_unique<QAbstractItemModelTester>(jobs(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        jobs()->setUpdateInterval(std::chrono::milliseconds(0));
    }),
             qPrintable(m_estate->error()));
}

void TestActivityPanel::cleanup()
{
    m_tester.reset();
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QString TestActivityPanel::writePlan(const QString &groupName, int maxAttempts)
{
    QJsonArray targets;
    for (int i = 0; i < 2; ++i) {
        targets.append(QJsonObject{
            {u"id"_s, u"customer-%1"_s.arg(i + 1)},
            {u"hostname"_s, m_euTenants.at(i)},
            {u"profile"_s, u"sandbox-region-eu"_s},
            {u"steps"_s,
             QJsonArray{QJsonObject{{u"id"_s, u"team"_s},
                                    {u"type"_s, u"group"_s},
                                    {u"params"_s, QJsonObject{{u"name"_s, groupName}}}},
                        QJsonObject{
                            {u"id"_s, u"staging"_s},
                            {u"type"_s, u"space"_s},
                            {u"params"_s,
                             QJsonObject{{u"name"_s, QString(groupName + u" Staging"_s)}, {u"type"_s, u"shared"_s}}}}}},
        });
    }
    const QJsonObject plan{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, 1},
        {u"name"_s, QString(u"Activity test: "_s + groupName)},
        {u"options"_s, QJsonObject{{u"concurrency"_s, 2}, {u"maxAttempts"_s, maxAttempts}}},
        {u"targets"_s, targets},
    };
    const QString path = m_estate->filePath(groupName.toLower().replace(u' ', u'-') + u".json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(plan).toJson()) <= 0)
        return {};
    return path;
}

int TestActivityPanel::groupCount(const QString &tenantHost, const QString &name)
{
    int count = 0;
    for (const auto &group : m_sandbox->tenantState(tenantHost).value(u"groups"_s).toArray())
        count += group.toObject().value(u"name"_s).toString() == name ? 1 : 0;
    return count;
}

QString TestActivityPanel::dryRunAndApply(const QString &planPath)
{
    if (!panel()->dryRunPlan(planPath))
        return {};
    const QString dryRunId = panel()->currentJobId();
    Ops::Job *dryRun = m_window->jobBoard()->liveJob(dryRunId);
    if (!dryRun || dryRun->mode() != Ops::Job::Mode::DryRun)
        return {};
    if (!QTest::qWaitFor([dryRun] { return !dryRun->isRunning(); }, 20000) || !panel()->applyAction()->isEnabled())
        return {};
    panel()->applyAction()->trigger();
    const QString applyId = panel()->currentJobId();
    return applyId == dryRunId ? QString() : applyId;
}

void TestActivityPanel::appliesAPlanFromTheMenu()
{
    const QString planPath = writePlan(u"Activity Analysts"_s);
    QVERIFY(!planPath.isEmpty());

    // File → Apply Plan… opens a file dialog; choosing the plan starts its dry run in the panel.
    auto *applyPlan = m_window->findChild<QAction *>(u"applyPlanAction"_s);
    QVERIFY(applyPlan);
    applyPlan->trigger();
    auto *dialog = m_window->findChild<QFileDialog *>(u"planFileDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectFile(planPath);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), as the Open button does
    QVERIFY(m_window->activityDock()->isVisible());
    QCOMPARE(jobs()->rowCount(), 1);
    const QModelIndex dryRunRow = jobs()->index(0, 0);
    QVERIFY(dryRunRow.data(int(Role::DryRun)).toBool());
    const QString dryRunId = dryRunRow.data(int(Role::JobId)).toString();
    QCOMPARE(panel()->currentJobId(), dryRunRow.data(int(Role::JobId)).toString());
    QTRY_COMPARE_WITH_TIMEOUT(dryRunRow.data(int(Role::Status)).toString(), u"planned"_s, 20000);
    QCOMPARE(jobs()->rowCount(dryRunRow), 2);
    const QModelIndex dryTarget = jobs()->index(0, 0, dryRunRow);
    QCOMPARE(dryTarget.data(int(Role::Status)).toString(), u"planned"_s);
    QCOMPARE(jobs()->index(0, int(JobListModel::Column::Status), dryTarget).data().toString(), u"will create"_s);
    QCOMPARE(groupCount(m_euTenants.at(0), u"Activity Analysts"_s), 0); // a dry run changes nothing
    QVERIFY(!panel()->cancelAction()->isEnabled());
    QVERIFY(!panel()->retryAction()->isEnabled());

    // Apply: a second, journalled job with per-target and per-step status.
    QVERIFY(panel()->applyAction()->isEnabled());
    panel()->applyAction()->trigger();
    QCOMPARE(jobs()->rowCount(), 2);
    const QModelIndex applyRow = jobs()->index(0, 0);
    const QString applyId = applyRow.data(int(Role::JobId)).toString();
    QVERIFY(!applyRow.data(int(Role::DryRun)).toBool());
    QCOMPARE(panel()->currentJobId(), applyId);
    QTRY_COMPARE_WITH_TIMEOUT(applyRow.data(int(Role::Status)).toString(), u"succeeded"_s, 30000);
    QCOMPARE(applyRow.data(int(Role::Progress)).toInt(), 100);
    for (int t = 0; t < 2; ++t) {
        const QModelIndex target = jobs()->index(t, 0, applyRow);
        QCOMPARE(target.data(int(Role::Status)).toString(), u"succeeded"_s);
        QCOMPARE(target.data(int(Role::Hostname)).toString(), m_euTenants.at(t));
        QCOMPARE(jobs()->rowCount(target), 2);
        const QModelIndex group = jobs()->index(0, 0, target);
        QCOMPARE(group.data(int(Role::Status)).toString(), u"created"_s);
        QCOMPARE(group.data(int(Role::CreatedIds)).toStringList().size(), 1);
        QCOMPARE(groupCount(m_euTenants.at(t), u"Activity Analysts"_s), 1);
    }
    QVERIFY(QFile::exists(applyRow.data(int(Role::JournalPath)).toString()));
    QVERIFY(!panel()->retryAction()->isEnabled()); // nothing failed

    // The details of a step: what it created.
    const QModelIndex firstGroup = jobs()->index(0, 0, jobs()->index(0, 0, applyRow));
    panel()->view()->expand(applyRow);
    panel()->view()->expand(firstGroup.parent());
    panel()->view()->setCurrentIndex(firstGroup);
    QVERIFY(panel()->detailsView()->toPlainText().contains(u"Created: group "_s));

    // The window with the panel showing, for people to look at.
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QVERIFY(QDir().mkpath(dir));
    m_window->resize(1280, 800);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->model()->isLoadingTenants(), 20000);
    panel()->view()->expand(jobs()->index(1, 0, applyRow));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(dir + u"/activity-panel.png"_s));

    // A restart: a new window (new model and board) lists the job from its journal, targets and steps too.
    openWindow();
    QTRY_VERIFY(jobs()->indexOfJob(applyId).isValid());
    const QModelIndex past = jobs()->indexOfJob(applyId);
    QVERIFY(!past.data(int(Role::Live)).toBool());
    QCOMPARE(past.data(int(Role::Status)).toString(), u"succeeded"_s);
    QVERIFY(!jobs()->indexOfJob(dryRunId).isValid()); // a dry run leaves no journal
    if (jobs()->canFetchMore(past))
        jobs()->fetchMore(past);
    QTRY_COMPARE(jobs()->rowCount(past), 2);
    const QModelIndex pastTarget = jobs()->index(1, 0, past);
    QCOMPARE(pastTarget.data(int(Role::Status)).toString(), u"succeeded"_s);
    QCOMPARE(jobs()->rowCount(pastTarget), 2);
    QCOMPARE(jobs()->index(1, 0, pastTarget).data(int(Role::Status)).toString(), u"created"_s);
    panel()->selectJob(applyId);
    QVERIFY(!panel()->retryAction()->isEnabled());
    QVERIFY(!panel()->cancelAction()->isEnabled());
}

void TestActivityPanel::onboardDemoFromTheGui()
{
    // The project's onboarding plan, applied from the GUI path exactly as tenantryctl applies it.
    const QString planPath = QStringLiteral(TENANTRY_SOURCE_DIR) + u"/resources/plans/onboard-demo.json"_s;
    const QString applyId = dryRunAndApply(planPath);
    QVERIFY(!applyId.isEmpty());
    const QModelIndex row = jobs()->indexOfJob(applyId);
    QTRY_VERIFY_WITH_TIMEOUT(!row.data(int(Role::Status)).toString().startsWith("running"_L1), 60000);
    QCOMPARE(row.data(int(Role::Status)).toString(), u"succeeded"_s);
    const QModelIndex target = jobs()->index(0, 0, row);
    QCOMPARE(target.data(int(Role::Status)).toString(), u"succeeded"_s);
    QVERIFY(target.data(int(Role::Hostname)).toString().endsWith(u".eu.qlikcloud.com"_s));
    for (int s = 0; s < jobs()->rowCount(target); ++s) {
        const QModelIndex step = jobs()->index(s, 0, target);
        QVERIFY2(
            QStringList({u"created"_s, u"updated"_s, u"no-change"_s}).contains(step.data(int(Role::Status)).toString()),
            qPrintable(step.data(int(Role::StepId)).toString() + u": "_s + step.data(int(Role::Summary)).toString()));
    }
    const QJsonObject tenant = m_sandbox->tenantState(u"demo-customer"_s);
    QVERIFY(!tenant.isEmpty());
    // The plan's last additions: the customer's brand, active, and its key provider, each once.
    QCOMPARE(tenant.value(u"brands"_s).toArray().size(), 1);
    QVERIFY(tenant.value(u"brands"_s).toArray().first()[u"active"_s].toBool());
    QCOMPARE(tenant.value(u"encryptionKeyProviders"_s).toArray().size(), 1);
    // The created tenant joined the local inventory, labelled with its target, and so the tree.
    const QString created = target.data(int(Role::Hostname)).toString();
    const std::optional<Cloud::InventoryTenant> inventoried = m_session->inventory()->tenant(created);
    QVERIFY2(inventoried.has_value(), qPrintable(created));
    QCOMPARE(inventoried->origin, Cloud::InventoryTenant::Origin::Created);
    QCOMPARE(inventoried->label, target.data(int(Role::TargetId)).toString());
    QTRY_VERIFY(m_session->model()->tenantIndex(created).isValid());
}

void TestActivityPanel::cancelThenResume()
{
    const QString planPath = writePlan(u"Activity Cancel"_s, 3);
    QVERIFY(!planPath.isEmpty());
    // Every group creation takes 1.5 s: the job is still running when Cancel is pressed.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/groups$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"delay"_s},
                                                             {u"delayMs"_s, 1500},
                                                             {u"rate"_s, 1}}}));
    const QString applyId = dryRunAndApply(planPath);
    QVERIFY(!applyId.isEmpty());
    QTRY_VERIFY(panel()->cancelAction()->isEnabled());
    QVERIFY(!panel()->retryAction()->isEnabled());
    panel()->cancelAction()->trigger();
    const QModelIndex row = jobs()->indexOfJob(applyId);
    QTRY_COMPARE_WITH_TIMEOUT(row.data(int(Role::Status)).toString(), u"cancelled"_s, 20000);
    QVERIFY(!panel()->cancelAction()->isEnabled());
    QVERIFY(panel()->retryAction()->isEnabled());

    // Retry resumes the cancelled job from its journal: the same job id, no duplicate groups.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    panel()->retryAction()->trigger();
    const QModelIndex resumed = jobs()->indexOfJob(applyId);
    QVERIFY(resumed.isValid());
    QVERIFY(resumed.data(int(Role::Live)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(resumed.data(int(Role::Status)).toString(), u"succeeded"_s, 30000);
    for (const QString &host : m_euTenants.mid(0, 2))
        QCOMPARE(groupCount(host, u"Activity Cancel"_s), 1);
}

void TestActivityPanel::quittingAsksWhileApplying()
{
    const QString planPath = writePlan(u"Activity Quit"_s, 3);
    QVERIFY(!planPath.isEmpty());
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/groups$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"delay"_s},
                                                             {u"delayMs"_s, 1500},
                                                             {u"rate"_s, 1}}}));
    const QString applyId = dryRunAndApply(planPath);
    QVERIFY(!applyId.isEmpty());
    QCOMPARE(m_window->jobBoard()->runningApplyCount(), 1);

    // Asked first; Keep Running leaves the window and the job alone.
    QVERIFY(!m_window->close());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"quitWhileJobsRun"_s)));
    QVERIFY(box->isVisible());
    QVERIFY(!m_window->close()); // a second Quit while asking opens no second question
    QCOMPARE(m_window->findChildren<QMessageBox *>(u"quitWhileJobsRun"_s).size(), 1);
    box->findChild<QPushButton *>(u"keepJobsRunning"_s)->click();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"quitWhileJobsRun"_s));
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->jobBoard()->runningApplyCount(), 1);

    // Stop Jobs and Quit: the job is cancelled (journalled, resumable), then the window closes.
    QVERIFY(!m_window->close());
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"quitWhileJobsRun"_s)));
    box->findChild<QPushButton *>(u"stopJobsAndQuit"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 20000);
    QCOMPARE(m_window->jobBoard()->runningApplyCount(), 0);
    QCOMPARE(jobs()->indexOfJob(applyId).data(int(Role::Status)).toString(), u"cancelled"_s);
    QVERIFY(m_window->jobBoard()->canRetry(applyId));
}

void TestActivityPanel::retryFailedTargets()
{
    const QString planPath = writePlan(u"Activity Retry"_s, 1);
    QVERIFY(!planPath.isEmpty());
    // Space creation is refused everywhere: both targets fail at their second step.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 400},
                                                             {u"rate"_s, 1}}}));
    const QString applyId = dryRunAndApply(planPath);
    QVERIFY(!applyId.isEmpty());
    const QModelIndex row = jobs()->indexOfJob(applyId);
    QTRY_COMPARE_WITH_TIMEOUT(row.data(int(Role::Status)).toString(), u"failed"_s, 30000);
    const QModelIndex target = jobs()->index(0, 0, row);
    QCOMPARE(target.data(int(Role::Status)).toString(), u"failed"_s);
    QCOMPARE(jobs()->index(0, 0, target).data(int(Role::Status)).toString(), u"created"_s);
    const QModelIndex failedStep = jobs()->index(1, 0, target);
    QCOMPARE(failedStep.data(int(Role::Status)).toString(), u"failed"_s);
    QVERIFY(!failedStep.data(int(Role::Error)).toString().isEmpty());
    QVERIFY(panel()->retryAction()->isEnabled());

    // Retry failed, once the cause is gone: only the space step runs again, the groups stay single.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    panel()->retryAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(row.data(int(Role::Status)).toString(), u"succeeded"_s, 30000);
    QCOMPARE(jobs()->index(1, 0, target).data(int(Role::Status)).toString(), u"created"_s);
    for (const QString &host : m_euTenants.mid(0, 2))
        QCOMPARE(groupCount(host, u"Activity Retry"_s), 1);

    // A failed job of an earlier run: Retry applies its plan again (a new job that only changes what differs).
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/groups$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 400},
                                                             {u"rate"_s, 1}}}));
    const QString second = dryRunAndApply(writePlan(u"Activity Later"_s, 1));
    QVERIFY(!second.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->indexOfJob(second).data(int(Role::Status)).toString(), u"failed"_s, 30000);
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    openWindow();
    QTRY_VERIFY(jobs()->indexOfJob(second).isValid());
    panel()->selectJob(second);
    QVERIFY(panel()->retryAction()->isEnabled());
    panel()->retryAction()->trigger();
    const QString third = panel()->currentJobId();
    QVERIFY(third != second);
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->indexOfJob(third).data(int(Role::Status)).toString(), u"succeeded"_s, 30000);
    for (const QString &host : m_euTenants.mid(0, 2))
        QCOMPARE(groupCount(host, u"Activity Later"_s), 1);
}

void TestActivityPanel::exportsTheReportOfAFailedJob()
{
    const QString planPath = writePlan(u"Activity Report"_s, 1);
    QVERIFY(!planPath.isEmpty());
    // Space creation is refused: each target creates its group, then fails at the space.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                                             {u"method"_s, u"POST"_s},
                                                             {u"kind"_s, u"status"_s},
                                                             {u"status"_s, 400},
                                                             {u"rate"_s, 1}}}));
    const QString applyId = dryRunAndApply(planPath);
    QVERIFY(!applyId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->indexOfJob(applyId).data(int(Role::Status)).toString(), u"failed"_s, 30000);
    QCOMPARE(panel()->currentJobId(), applyId);

    // Export Report… opens a window-modal save dialog; a .csv name writes CSV.
    QVERIFY(panel()->exportReportAction()->isEnabled());
    panel()->exportReportAction()->trigger();
    auto *dialog = m_window->findChild<QFileDialog *>(u"exportReportDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    const QString csvPath = m_estate->filePath(u"report.csv"_s);
    dialog->selectFile(csvPath);
    static_cast<QDialog *>(dialog)->accept();
    QTRY_VERIFY(QFile::exists(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList records = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(records.size(), 5); // header + 2 targets × 2 steps
    QVERIFY2(records.at(0).startsWith(u"job_id,target_id,hostname,"_s), qPrintable(records.at(0)));
    QVERIFY2(records.at(0).endsWith(u",error,error_code,http_status,trace_id"_s), qPrintable(records.at(0)));
    for (int t = 0; t < 2; ++t) {
        const QString prefix = applyId + u",customer-%1,"_s.arg(t + 1) + m_euTenants.at(t) + u",failed,"_s;
        const QString group = records.at(1 + 2 * t);
        QVERIFY2(group.startsWith(prefix + u"team,group,created,create,group "_s), qPrintable(group));
        const QString space = records.at(2 + 2 * t);
        QVERIFY2(space.startsWith(prefix + u"staging,space,failed,create,,,"_s), qPrintable(space));
        QVERIFY2(space.contains(u",400,"_s), qPrintable(space));
    }

    // After a restart the same report comes from the journal; a .json name writes JSON.
    openWindow();
    QTRY_VERIFY(jobs()->indexOfJob(applyId).isValid());
    panel()->selectJob(applyId);
    QVERIFY(panel()->exportReportAction()->isEnabled());
    const QString jsonPath = m_estate->filePath(u"report.json"_s);
    bool written = false;
    QString error = u"not called"_s;
    panel()->exportReport(applyId, jsonPath, [&written, &error](const QString &message) {
        error = message;
        written = true;
    });
    QTRY_VERIFY(written);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(rows.size(), 4);
    const QJsonObject group = rows.at(0).toObject();
    QCOMPARE(group.value(u"status"_s).toString(), u"created"_s);
    QCOMPARE(group.value(u"created"_s).toArray().size(), 1);
    QVERIFY(group.value(u"durationMs"_s).toInteger() >= 0);
    QCOMPARE(group.value(u"attempts"_s).toInt(), 1);
    const QJsonObject space = rows.at(1).toObject();
    QCOMPARE(space.value(u"hostname"_s).toString(), m_euTenants.at(0));
    QCOMPARE(space.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(space.value(u"httpStatus"_s).toInt(), 400);
    QVERIFY(!space.value(u"error"_s).toString().isEmpty());
    QVERIFY(records.at(2).contains(space.value(u"error"_s).toString().section(u'\n', 0, 0)));

    // Any other suffix is refused with a message naming the file.
    const QString other = m_estate->filePath(u"report.xlsx"_s);
    written = false;
    panel()->exportReport(applyId, other, [&written, &error](const QString &message) {
        error = message;
        written = true;
    });
    QVERIFY(written);
    QVERIFY2(error.contains(other), qPrintable(error));
    QVERIFY(!QFile::exists(other));
}

void TestActivityPanel::unreadablePlanIsExplained()
{
    const QString path = m_estate->filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"tenantry-plan\", \"version\": 1, \"targets\": [");
    file.close();
    QVERIFY(!panel()->dryRunPlan(path));
    QCOMPARE(jobs()->rowCount(), 0);
    const QString summary = panel()->findChild<QLabel *>(u"activitySummary"_s)->text();
    QVERIFY2(summary.contains(path), qPrintable(summary));
}

QTEST_MAIN(TestActivityPanel)
#include "tst_activitypanel.moc"
