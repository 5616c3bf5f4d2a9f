#include "cloud/connecttomap.h"
#include "cloud/profilestore.h"
#include "keychaintestsupport.h"
#include "secrets/secretstore.h"
#include "support/sandboxfixture.h"
#include "ui/credentialsdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeWidget>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace KeychainTestSupport;
using Cloud::CredentialProfile;
using Cloud::CredentialTier;
using Secrets::SecretResult;
using Secrets::SecretStore;

namespace {

constexpr auto withoutKeychainFlag = "--without-keychain";

QString artifactsDir()
{
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QDir().mkpath(dir);
    return dir;
}

} // namespace

// The credentials dialog driven through its widgets against a real Secret Service (packaging/dev.sh
// test) and the in-process sandbox for the connection test. The unavailable keychain runs in a child
// process whose session bus points nowhere, the way it really happens.
class TestCredentialsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void formIsValidatedWithClearMessages_data();
    void formIsValidatedWithClearMessages();
    void addTestEditAndRemoveATenantClient();
    void wrongSecretShowsQliksError();
    void organizationProfileCarriesSubscriptions();
    void importsQlikCliContexts();
    void mainWindowOpensTheDialog();
    void unavailableKeychainShowsTheBanner();

private:
    void fill(const QString &name, CredentialTier tier, const QString &clientId, const QString &target,
              const QString &secret);
    bool click(const char *button, bool *ok = nullptr, QString *message = nullptr);
    SecretResult readSecret(const QString &profile);
    QStringList leaksOf(const QString &secret) const;
    template<typename T>
    T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QString::fromLatin1(name));
    }

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    QString m_service;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cloud::ProfileStore> m_profiles;
    std::unique_ptr<CredentialsDialog> m_dialog;
};

void TestCredentialsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_service = uniqueService("credentialsdialog");
    m_secrets = std::make_unique<SecretStore>(m_service);
    std::optional<SecretResult> probe;
    QObject context;
    m_secrets->write(u"probe"_s, u"probe-value"_s, &context, [&](const SecretResult &r) { probe = r; });
    QTRY_VERIFY_WITH_TIMEOUT(probe.has_value(), 30000);
    QVERIFY2(probe->ok(),
             qPrintable(u"no usable Secret Service (run through packaging/dev.sh test): "_s + probe->error));
    probe.reset();
    m_secrets->remove(u"probe"_s, &context, [&](const SecretResult &r) { probe = r; });
    QTRY_VERIFY_WITH_TIMEOUT(probe.has_value(), 30000);
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCredentialsDialog::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_profiles = std::make_unique<Cloud::ProfileStore>(m_dir->filePath(u"profiles.ini"_s), m_secrets.get());
    m_dialog = std::make_unique<CredentialsDialog>(m_profiles.get(), m_secrets.get(),
                                                   Cloud::ConnectToMap::sandbox(m_sandbox->port()));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestCredentialsDialog::cleanup()
{
    m_dialog.reset();
    // Whatever a failed test left in the keychain goes with it.
    for (const QString &key : secretToolKeys(m_service)) {
        std::optional<SecretResult> removed;
        QObject context;
        m_secrets->remove(key, &context, [&](const SecretResult &r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 30000);
    }
    m_profiles.reset();
    m_dir.reset();
}

void TestCredentialsDialog::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestCredentialsDialog::fill(const QString &name, CredentialTier tier, const QString &clientId,
                                 const QString &target, const QString &secret)
{
    auto *tierCombo = child<QComboBox>("tierCombo");
    tierCombo->setCurrentIndex(tierCombo->findData(static_cast<int>(tier)));
    auto *nameEdit = child<QLineEdit>("nameEdit");
    nameEdit->clear();
    QTest::keyClicks(nameEdit, name);
    child<QLineEdit>("clientIdEdit")->setText(clientId);
    switch (tier) {
    case CredentialTier::Tenant:
        child<QLineEdit>("tenantHostEdit")->setText(target);
        break;
    case CredentialTier::Region: {
        auto *region = child<QComboBox>("regionCombo");
        region->setCurrentIndex(region->findData(target));
        break;
    }
    case CredentialTier::Organization:
        child<QLineEdit>("subscriptionsEdit")->setText(target);
        break;
    }
    auto *secretEdit = child<QLineEdit>("secretEdit");
    secretEdit->clear();
    QTest::keyClicks(secretEdit, secret);
}

// Clicks a button of the dialog and waits for the result it reports.
bool TestCredentialsDialog::click(const char *button, bool *ok, QString *message)
{
    QSignalSpy finished(m_dialog.get(), &CredentialsDialog::operationFinished);
    auto *widget = child<QPushButton>(button);
    if (!widget || !widget->isEnabled())
        return false;
    QTest::mouseClick(widget, Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(30000))
        return false;
    if (ok)
        *ok = finished.constLast().at(0).toBool();
    if (message)
        *message = finished.constLast().at(1).toString();
    return true;
}

SecretResult TestCredentialsDialog::readSecret(const QString &profile)
{
    QObject context;
    std::optional<SecretResult> result;
    m_secrets->read(SecretStore::oauthClientKey(profile), &context, [&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return {Secrets::SecretStatus::Unavailable, {}, u"timeout"_s};
    return *result;
}

// Files holding `secret`: the profiles file's folder, the application's settings and test-mode data.
QStringList TestCredentialsDialog::leaksOf(const QString &secret) const
{
    QSettings().sync();
    QStringList leaks = filesContaining(m_dir->path(), secret);
    for (const auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation,
                                QStandardPaths::GenericDataLocation}) {
        const QString root = QStandardPaths::writableLocation(location);
        if (QFileInfo(root).isDir())
            leaks += filesContaining(root, secret);
    }
    return leaks;
}

void TestCredentialsDialog::formIsValidatedWithClearMessages_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("tier");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("no name") << QString() << int(CredentialTier::Tenant) << u"c"_s << u"a.eu.qlikcloud.com"_s << u"s"_s
                             << u"Enter a profile name."_s;
    QTest::newRow("bad name") << u"acme eu"_s << int(CredentialTier::Tenant) << u"c"_s << u"a.eu.qlikcloud.com"_s
                              << u"s"_s << u"profile name 'acme eu' must be 1 to 64 letters, digits, '-' or '_'"_s;
    QTest::newRow("no client id") << u"acme"_s << int(CredentialTier::Tenant) << u"  "_s << u"a.eu.qlikcloud.com"_s
                                  << u"s"_s << u"Enter the client id of the OAuth client."_s;
    QTest::newRow("no host") << u"acme"_s << int(CredentialTier::Tenant) << u"c"_s << QString() << u"s"_s
                             << u"Enter the tenant's hostname, e.g. acme.eu.qlikcloud.com."_s;
    QTest::newRow("a URL for a host")
        << u"acme"_s << int(CredentialTier::Tenant) << u"c"_s << u"https://acme.eu.qlikcloud.com/"_s << u"s"_s
        << u"profile 'acme': tenant host 'https://acme.eu.qlikcloud.com/' is not a hostname such as "
           "'acme.eu.qlikcloud.com'"_s;
    QTest::newRow("bad subscription")
        << u"org"_s << int(CredentialTier::Organization) << u"c"_s << u"12#34"_s << u"s"_s
        << u"profile 'org': subscription id '12#34' is not a subscription (license) number"_s;
    QTest::newRow("no secret") << u"acme"_s << int(CredentialTier::Region) << u"c"_s << u"eu"_s << QString()
                               << u"Enter the client secret: Qlik shows it once, when the OAuth client is "
                                  "created."_s;
}

void TestCredentialsDialog::formIsValidatedWithClearMessages()
{
    QFETCH(QString, name);
    QFETCH(int, tier);
    QFETCH(QString, clientId);
    QFETCH(QString, target);
    QFETCH(QString, secret);
    QFETCH(QString, message);

    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    fill(name, static_cast<CredentialTier>(tier), clientId, target, secret);
    bool ok = true;
    QString said;
    QVERIFY(click("saveButton", &ok, &said));
    QVERIFY(!ok);
    QCOMPARE(said, message);
    QCOMPARE(child<QLabel>("formMessage")->text(), message);
    QVERIFY(m_profiles->profiles().isEmpty());
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

void TestCredentialsDialog::addTestEditAndRemoveATenantClient()
{
    // A tenant profile for the demo's acme-source, signing in with the eu region client (a region
    // client works on every tenant of its region, FACTS §2.2): the sandbox has no tenant clients.
    const QString host = m_sandbox->hostOf(u"acme-source"_s);
    QVERIFY(host.endsWith(u".eu.qlikcloud.com"_s));
    const QString secret = u"sandbox-region-eu-secret"_s;
    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    fill(u"acme-tenant"_s, CredentialTier::Tenant, u"sandbox-region-eu"_s, host, secret);
    child<QLineEdit>("labelEdit")->setText(u"Acme source"_s);
    bool ok = false;
    QString message;
    QVERIFY(click("saveButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(message, u"Profile 'acme-tenant' added; its secret is in Secret Service."_s);

    // The secret is in the keychain, under the profile's key, and nowhere else.
    QCOMPARE(secretToolKeys(m_service), QStringList{u"oauth-client/acme-tenant"_s});
    QCOMPARE(readSecret(u"acme-tenant"_s).secret, secret);
    const std::optional<CredentialProfile> saved = m_profiles->profile(u"acme-tenant"_s);
    QVERIFY(saved);
    QCOMPARE(saved->tier, CredentialTier::Tenant);
    QCOMPARE(saved->tenantHost, host);
    QCOMPARE(saved->clientId, u"sandbox-region-eu"_s);
    QCOMPARE(saved->label, u"Acme source"_s);
    QVERIFY2(leaksOf(secret).isEmpty(), qPrintable(leaksOf(secret).join(u", "_s)));
    QVERIFY(QFile::exists(m_profiles->settingsFile()));
    // The form shows the profile without its secret.
    auto *list = child<QTreeWidget>("profileList");
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->currentItem()->text(0), u"acme-tenant"_s);
    QVERIFY(child<QLineEdit>("secretEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>("nameEdit")->isReadOnly());

    // Test connection with the stored secret: the bot user of the client on that tenant.
    QVERIFY(click("testButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.contains(u"qlikbot\\sandbox-region-eu"_s), qPrintable(message));
    QVERIFY2(message.contains(host), qPrintable(message));
    QCOMPARE(child<QLabel>("testResult")->text(), message);
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY((QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest), m_dialog->grab())
                .save(artifactsDir() + u"/credentials-dialog.png"_s));
    // The sandbox knows that bot user: the client's first token on the tenant created it.
    const QJsonArray users = m_sandbox->tenantState(u"acme-source"_s).value(u"users"_s).toArray();
    const bool botExists = std::any_of(users.begin(), users.end(), [](const QJsonValue &user) {
        return user.toObject().value(u"subject"_s).toString() == "qlikbot\\sandbox-region-eu"_L1;
    });
    QVERIFY(botExists);

    // Edit: a new label keeps the stored secret; a new secret replaces it.
    child<QLineEdit>("labelEdit")->setText(u"Acme, source tenant"_s);
    QVERIFY(click("saveButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(m_profiles->profile(u"acme-tenant"_s)->label, u"Acme, source tenant"_s);
    QCOMPARE(readSecret(u"acme-tenant"_s).secret, secret);
    QTest::keyClicks(child<QLineEdit>("secretEdit"), u"replaced-secret-5d1e"_s);
    QVERIFY(click("saveButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(message, u"Profile 'acme-tenant' saved with its new secret."_s);
    QCOMPARE(readSecret(u"acme-tenant"_s).secret, u"replaced-secret-5d1e"_s);
    QVERIFY(leaksOf(u"replaced-secret-5d1e"_s).isEmpty());

    // Remove, confirmed in the dialog's question: the profile and its keychain entry go.
    QTimer::singleShot(0, this, [this] {
        auto *box = m_dialog->findChild<QMessageBox *>(u"removeConfirmation"_s);
        if (box)
            box->button(QMessageBox::Yes)->click();
    });
    QVERIFY(click("removeButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(message, u"Profile 'acme-tenant' and its secret removed."_s);
    QVERIFY(m_profiles->profiles().isEmpty());
    QCOMPARE(secretToolKeys(m_service), QStringList());
    QCOMPARE(readSecret(u"acme-tenant"_s).status, Secrets::SecretStatus::NotFound);
    QCOMPARE(list->topLevelItemCount(), 0);
}

void TestCredentialsDialog::wrongSecretShowsQliksError()
{
    const QString host = m_sandbox->hostOf(u"acme-source"_s);
    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    // Unsaved: the typed secret is what is tested.
    fill(u"acme-wrong"_s, CredentialTier::Tenant, u"sandbox-region-eu"_s, host, u"not-the-secret"_s);
    bool ok = true;
    QString message;
    QVERIFY(click("testButton", &ok, &message));
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"401"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"not-the-secret"_s), qPrintable(message));
    // A client the sandbox does not know: Qlik's OAUTH-14 (FACTS §2.1).
    fill(u"acme-unknown"_s, CredentialTier::Tenant, u"no-such-client"_s, host, u"whatever"_s);
    QVERIFY(click("testButton", &ok, &message));
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"OAUTH-14"_s), qPrintable(message));
    QVERIFY(m_profiles->profiles().isEmpty());
    QVERIFY((QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest), m_dialog->grab())
                .save(artifactsDir() + u"/credentials-dialog-error.png"_s));
}

void TestCredentialsDialog::organizationProfileCarriesSubscriptions()
{
    const QJsonArray subscriptions = m_sandbox->http().state(u"-"_s).value(u"subscriptions"_s).toArray();
    QCOMPARE(subscriptions.size(), 1);
    const QString subscription = subscriptions.first().toObject().value(u"id"_s).toString();
    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    fill(u"org"_s, CredentialTier::Organization, u"sandbox-org"_s, subscription + u", 1234567890123456"_s,
         u"sandbox-org-secret"_s);
    bool ok = false;
    QString message;
    QVERIFY(click("saveButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(m_profiles->profile(u"org"_s)->subscriptionIds, (QStringList{subscription, u"1234567890123456"_s}));
    QVERIFY(click("testButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.contains(u"subscription %1 has"_s.arg(subscription)), qPrintable(message));

    // A region profile: the register host accepts the client.
    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    fill(u"eu"_s, CredentialTier::Region, u"sandbox-region-eu"_s, u"eu"_s, u"sandbox-region-eu-secret"_s);
    QVERIFY(click("saveButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QVERIFY(click("testButton", &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.startsWith(u"register.eu.qlikcloud.com accepted the region client"_s), qPrintable(message));
    QCOMPARE(child<QTreeWidget>("profileList")->topLevelItemCount(), 2);
    QCOMPARE(secretToolKeys(m_service), (QStringList{u"oauth-client/eu"_s, u"oauth-client/org"_s}));
}

void TestCredentialsDialog::importsQlikCliContexts()
{
    QFile sample(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/unit/data/qlikcli-contexts.yml"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QString path = m_dir->filePath(u"contexts.yml"_s);
    QFile copy(path);
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(sample.readAll());
    copy.close();

    QSignalSpy changed(m_dialog.get(), &CredentialsDialog::profilesChanged);
    QSignalSpy finished(m_dialog.get(), &CredentialsDialog::operationFinished);
    m_dialog->importQlikCli(path);
    QVERIFY(finished.wait(30000));
    auto *box = m_dialog->findChild<QMessageBox *>(u"importReport"_s);
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"3 imported, 0 updated, 0 unchanged, 0 skipped, 3 refused, 0 failed."_s),
             qPrintable(box->text()));
    QVERIFY2(box->text().contains(u"Reminder: "_s + path), qPrintable(box->text()));
    QVERIFY(box->detailedText().contains(u"refused"_s));
    QVERIFY((QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest), m_dialog->grab())
                .save(artifactsDir() + u"/credentials-import-report.png"_s));
    box->grab().save(artifactsDir() + u"/credentials-import-report-box.png"_s);
    box->accept();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(child<QTreeWidget>("profileList")->topLevelItemCount(), 3);
    QCOMPARE(secretToolKeys(m_service).size(), 3);
}

void TestCredentialsDialog::mainWindowOpensTheDialog()
{
    MainWindow window;
    auto *action = window.findChild<QAction *>(u"credentialsAction"_s);
    QVERIFY(action);
    QVERIFY(!action->text().isEmpty());
    action->trigger();
    auto *dialog = window.findChild<CredentialsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();
}

void TestCredentialsDialog::unavailableKeychainShowsTheBanner()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.filePath(u"no-such-bus"_s));
    QProcess child;
    child.setProcessEnvironment(environment);
    const QString shot = artifactsDir() + u"/credentials-dialog-no-keychain.png"_s;
    QFile::remove(shot);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(withoutKeychainFlag), home.filePath(u"profiles.ini"_s), shot});
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QVERIFY2(child.exitCode() == 0, qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
    QVERIFY2(out.contains(u"banner=visible"_s), qPrintable(out));
    QVERIFY2(out.contains(u"save=disabled add=disabled import=disabled"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Secret Service"_s), qPrintable(out));
    QVERIFY(QFile::exists(shot));
}

// The child of unavailableKeychainShowsTheBanner: opens the dialog without a session bus, waits for
// the banner, reports what the dialog shows, saves a screenshot.
static int runWithoutKeychain(const QString &profilesFile, const QString &screenshot)
{
    SecretStore secrets(uniqueService("credentialsdialog-nobus"));
    Cloud::ProfileStore profiles(profilesFile, &secrets);
    CredentialsDialog dialog(&profiles, &secrets, Cloud::ConnectToMap());
    dialog.show();
    auto *banner = dialog.findChild<QLabel *>(u"keychainBanner"_s);
    QTextStream out(stdout);
    QTimer timeout;
    QObject::connect(&timeout, &QTimer::timeout, &dialog, [&] {
        out << "banner=hidden after 30 s\n";
        QCoreApplication::exit(1);
    });
    timeout.start(30000);
    QObject::connect(&secrets, &SecretStore::availabilityChanged, &dialog, [&](bool available) {
        if (available)
            return;
        QTimer::singleShot(0, &dialog, [&] {
            const auto state = [&](const char *name) {
                return dialog.findChild<QPushButton *>(QString::fromLatin1(name))->isEnabled() ? "enabled" : "disabled";
            };
            out << "banner=" << (banner->isVisible() ? "visible" : "hidden") << "\n"
                << "save=" << state("saveButton") << " add=" << state("addButton")
                << " import=" << state("importButton") << "\n"
                << "text=" << banner->text() << "\n";
            dialog.grab().save(screenshot);
            QCoreApplication::exit(0);
        });
    });
    return QApplication::exec();
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], withoutKeychainFlag) == 0)
        return runWithoutKeychain(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    TestCredentialsDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialsdialog.moc"
