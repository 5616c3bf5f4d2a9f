#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "logging/applicationlog.h"
#include "ops/rolloutplanbuilder.h"
#include "preferences.h"
#include "support/sandboxfixture.h"
#include "ui/commandpalette.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/publishoptionspage.h"
#include "ui/publishtargetspage.h"
#include "ui/tenantactions.h"
#include "ui/typedconfirmationdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using Level = Logging::ApplicationLog::Level;

Q_LOGGING_CATEGORY(lcPreferencesTest, "tenantry.test.preferences")

// File → Preferences…: each value changed through the dialog's widgets, checked in QSettings and in
// the behaviour it controls (publish concurrency, typed confirmations against the in-process
// sandbox, default regions, log level); bad values refused without storing anything.
class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void openedFromTheMenuShortcutAndPalette();
    void dialogStoresEveryValue();
    void badValuesAreRefused();
    void badValuesAreRefused_data();
    void badStoredValuesReadAsDefaults();
    void concurrencyIsThePublishWizardsDefault();
    void defaultRegionsOpenInTheTreeAndArePreselected();
    void confirmationPolicyDecidesWhatMustBeTyped();

private:
    // Opens the dialog through File → Preferences….
    [[nodiscard]] PreferencesDialog *openDialog();
    void startSession();
    [[nodiscard]] QModelIndex tenant(const QString &key) const;

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    Cloud::SandboxCredentials m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EstateSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPreferences::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPreferences::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
    Logging::ApplicationLog::setLevel(Level::Info);
}

void TestPreferences::cleanupTestCase()
{
    m_sandbox.reset();
}

PreferencesDialog *TestPreferences::openDialog()
{
    auto *action = m_window->findChild<QAction *>(u"preferencesAction"_s);
    // A dialog closed before is deleted on the next event-loop turn.
    if (!action || !QTest::qWaitFor([this] { return !m_window->findChild<PreferencesDialog *>(); }))
        return nullptr;
    action->trigger();
    return m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s);
}

void TestPreferences::startSession()
{
    if (!m_sandbox) {
        m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    }
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QStringList subscriptions;
    for (const auto &subscription : m_sandbox->http().state(u"-"_s).value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Sandbox;
    setup.description = u"Sandbox (demo)"_s;
    setup.profiles = Cloud::SandboxCredentials::profiles(subscriptions);
    setup.secrets = &m_secrets;
    setup.connectTo = Cloud::ConnectToMap::sandbox(m_sandbox->port());
    setup.inventoryFile = m_dir->filePath(u"inventory.jsonl"_s);
    setup.tagSettingsFile = m_dir->filePath(u"tags.ini"_s);
    m_session = std::make_unique<EstateSession>(setup);
    m_window->setSession(m_session.get());
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->model()->isLoadingTenants(), 20000);
}

QModelIndex TestPreferences::tenant(const QString &key) const
{
    return m_session->model()->tenantIndex(m_sandbox->tenantState(key).value(u"id"_s).toString());
}

void TestPreferences::openedFromTheMenuShortcutAndPalette()
{
    auto *action = m_window->findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s));
    auto *dialog = m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s)); // deleted on close

    // Ctrl+K finds it by typing.
    m_window->findChild<QAction *>(u"commandPaletteAction"_s)->trigger();
    QTest::keyClicks(m_window->commandPalette()->lineEdit(), u"prefer"_s);
    QCOMPARE(m_window->commandPalette()->shownTexts().value(0), u"Preferences"_s);
    QTest::keyClick(m_window->commandPalette()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s));
}

void TestPreferences::dialogStoresEveryValue()
{
    PreferencesDialog *dialog = openDialog();
    QVERIFY(dialog);
    // Defaults first.
    QCOMPARE(dialog->concurrencySpin()->value(), Preferences::defaultConcurrency);
    QVERIFY(dialog->regionsEdit()->text().isEmpty());
    QCOMPARE(dialog->confirmationCombo()->currentData().toInt(), int(Preferences::ConfirmationPolicy::Always));
    QCOMPARE(dialog->logLevelCombo()->currentData().toInt(), int(Level::Info));
    QCOMPARE(dialog->languageCombo()->currentData().toString(), QString());
    QVERIFY(QLoggingCategory(lcPreferencesTest().categoryName()).isInfoEnabled());

    dialog->concurrencySpin()->clear();
    QTest::keyClicks(dialog->concurrencySpin(), u"3"_s);
    QTest::keyClicks(dialog->regionsEdit(), u" US, eu,us "_s);
    dialog->confirmationCombo()->setCurrentIndex(
        dialog->confirmationCombo()->findData(int(Preferences::ConfirmationPolicy::BulkOnly)));
    dialog->logLevelCombo()->setCurrentIndex(dialog->logLevelCombo()->findData(int(Level::Warning)));
    const int english = dialog->languageCombo()->findData(u"en"_s);
    QVERIFY(english > 0);
    dialog->languageCombo()->setCurrentIndex(english);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);

    QSettings settings;
    QCOMPARE(settings.value(u"Preferences/concurrency"_s).toInt(), 3);
    QCOMPARE(settings.value(u"Preferences/defaultRegions"_s).toStringList(), (QStringList{u"us"_s, u"eu"_s}));
    QCOMPARE(settings.value(u"Preferences/confirmation"_s).toString(), u"bulk-only"_s);
    QCOMPARE(settings.value(u"Preferences/logLevel"_s).toString(), u"warning"_s);
    QCOMPARE(settings.value(u"Preferences/language"_s).toString(), u"en"_s);
    QCOMPARE(Preferences::concurrency(), 3);
    QCOMPARE(Preferences::defaultRegions(), (QStringList{u"us"_s, u"eu"_s}));
    QCOMPARE(Preferences::confirmationPolicy(), Preferences::ConfirmationPolicy::BulkOnly);
    QCOMPARE(Preferences::logLevel(), Level::Warning);
    QCOMPARE(Preferences::language(), u"en"_s);
    // The log level applies at once: info messages are off now.
    QVERIFY(!QLoggingCategory(lcPreferencesTest().categoryName()).isInfoEnabled());
    QVERIFY(QLoggingCategory(lcPreferencesTest().categoryName()).isWarningEnabled());

    // Opened again, the dialog shows what is stored.
    dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->concurrencySpin()->value(), 3);
    QCOMPARE(dialog->regionsEdit()->text(), u"us, eu"_s);
    QCOMPARE(dialog->confirmationCombo()->currentData().toInt(), int(Preferences::ConfirmationPolicy::BulkOnly));
    QCOMPARE(dialog->logLevelCombo()->currentData().toInt(), int(Level::Warning));
    QCOMPARE(dialog->languageCombo()->currentData().toString(), u"en"_s);
    dialog->logLevelCombo()->setCurrentIndex(dialog->logLevelCombo()->findData(int(Level::Info)));
    dialog->accept();
    QVERIFY(QLoggingCategory(lcPreferencesTest().categoryName()).isInfoEnabled());
}

void TestPreferences::badValuesAreRefused_data()
{
    QTest::addColumn<QString>("regions");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown region") << u"eu, mars"_s << u"\"mars\""_s;
    QTest::newRow("hostname, not id") << u"eu.qlikcloud.com"_s << u"\"eu.qlikcloud.com\""_s;
    QTest::newRow("aws code") << u"us, eu-west-1"_s << u"\"eu-west-1\""_s;
}

void TestPreferences::badValuesAreRefused()
{
    QFETCH(QString, regions);
    QFETCH(QString, named);
    PreferencesDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->concurrencySpin()->setValue(42);
    dialog->regionsEdit()->setText(regions);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->problemLabel()->isVisible());
    QVERIFY2(dialog->problemLabel()->text().contains(named), qPrintable(dialog->problemLabel()->text()));
    QVERIFY2(dialog->problemLabel()->text().startsWith(u"Default regions:"_s),
             qPrintable(dialog->problemLabel()->text()));
    // Nothing stored, not even the good value next to the bad one.
    QVERIFY(QSettings().allKeys().filter(u"Preferences/"_s).isEmpty());
    QCOMPARE(Preferences::concurrency(), Preferences::defaultConcurrency);

    // The spin box cannot leave the range; the store refuses what gets past it by other ways.
    dialog->concurrencySpin()->setValue(100000);
    QCOMPARE(dialog->concurrencySpin()->value(), Preferences::maxConcurrency);
    QVERIFY(Preferences::setConcurrency(0).contains(u"out of range"_s));
    QVERIFY(Preferences::setConcurrency(Preferences::maxConcurrency + 1).contains(u"out of range"_s));
    QVERIFY(Preferences::setDefaultRegions({u"eu"_s, u"xx"_s}).contains(u"\"xx\""_s));
    QVERIFY(Preferences::setLanguage(u"xx"_s).contains(u"\"xx\""_s));
    QVERIFY(QSettings().allKeys().filter(u"Preferences/"_s).isEmpty());
}

void TestPreferences::badStoredValuesReadAsDefaults()
{
    // A hand-edited settings file never breaks the GUI: what cannot be used reads as the default.
    QSettings settings;
    settings.setValue(u"Preferences/concurrency"_s, u"lots"_s);
    settings.setValue(u"Preferences/defaultRegions"_s, QStringList{u"EU"_s, u"atlantis"_s, u"eu"_s});
    settings.setValue(u"Preferences/confirmation"_s, u"never"_s);
    settings.setValue(u"Preferences/logLevel"_s, u"chatty"_s);
    settings.setValue(u"Preferences/language"_s, u"tlh"_s);
    QCOMPARE(Preferences::concurrency(), Preferences::defaultConcurrency);
    QCOMPARE(Preferences::defaultRegions(), QStringList{u"eu"_s});
    QCOMPARE(Preferences::confirmationPolicy(), Preferences::ConfirmationPolicy::Always);
    QCOMPARE(Preferences::logLevel(), Level::Info);
    QCOMPARE(Preferences::language(), QString());
    settings.setValue(u"Preferences/concurrency"_s, 0);
    QCOMPARE(Preferences::concurrency(), Preferences::defaultConcurrency);
}

void TestPreferences::concurrencyIsThePublishWizardsDefault()
{
    {
        PublishOptionsPage page;
        QCOMPARE(page.concurrencySpin()->value(), Preferences::defaultConcurrency);
    }
    PreferencesDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->concurrencySpin()->setValue(3);
    dialog->accept();
    PublishOptionsPage page;
    QCOMPARE(page.concurrencySpin()->value(), 3);
    Ops::RolloutPlanBuilder rollout;
    page.describe(&rollout);
    QCOMPARE(rollout.concurrency, 3);
}

void TestPreferences::defaultRegionsOpenInTheTreeAndArePreselected()
{
    QCOMPARE(Preferences::setDefaultRegions({u"us"_s}), QString());
    startSession();
    const QModelIndex us = m_window->estateProxy()->mapFromSource(m_session->model()->regionIndex(u"us"_s));
    const QModelIndex eu = m_window->estateProxy()->mapFromSource(m_session->model()->regionIndex(u"eu"_s));
    QVERIFY(us.isValid());
    QVERIFY(eu.isValid());
    QTRY_VERIFY(m_window->estateView()->isExpanded(us));
    QVERIFY(!m_window->estateView()->isExpanded(eu));

    PublishTargetsPage targets;
    auto *region = targets.findChild<QComboBox *>(u"targetRegion"_s);
    QVERIFY(region);
    QCOMPARE(region->currentData().toString(), u"us"_s);
}

void TestPreferences::confirmationPolicyDecidesWhatMustBeTyped()
{
    startSession();
    const QModelIndex northwind = tenant(u"northwind"_s);
    QVERIFY(northwind.isValid());
    QSignalSpy finished(m_window->tenantActions(), &TenantActions::finished);

    // Always (the default): one tenant's deactivation waits for its hostname.
    m_window->tenantActions()->deactivate(northwind);
    auto *confirm = m_window->findChild<TypedConfirmationDialog *>(u"deactivateDialog"_s);
    QVERIFY(confirm);
    QVERIFY(confirm->isTypingRequired());
    QVERIFY(!confirm->confirmButton()->isEnabled());
    QVERIFY(confirm->confirmationEdit()->isVisible());
    confirm->reject();
    QTRY_VERIFY(!m_window->findChild<TypedConfirmationDialog *>(u"deactivateDialog"_s));

    PreferencesDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->confirmationCombo()->setCurrentIndex(
        dialog->confirmationCombo()->findData(int(Preferences::ConfirmationPolicy::BulkOnly)));
    dialog->accept();

    // Bulk only: one tenant is confirmed by the button, and the call really goes out.
    m_window->tenantActions()->deactivate(northwind);
    confirm = m_window->findChild<TypedConfirmationDialog *>(u"deactivateDialog"_s);
    QVERIFY(confirm);
    QVERIFY(!confirm->isTypingRequired());
    QVERIFY(!confirm->confirmationEdit()->isVisible());
    QVERIFY(confirm->confirmButton()->isEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.constLast().at(0).toBool(), qPrintable(finished.constLast().at(1).toString()));
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"disabled"_s);

    // Several tenants at once still need the phrase typed.
    m_window->tenantActions()->deactivateAll({tenant(u"contoso"_s), tenant(u"initech"_s)});
    auto *bulk = m_window->findChild<TypedConfirmationDialog *>(u"bulkDeactivateDialog"_s);
    QVERIFY(bulk);
    QVERIFY(bulk->isTypingRequired());
    QVERIFY(!bulk->confirmButton()->isEnabled());
    bulk->reject();
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
