#include "cloud/profilestore.h"
#include "cloud/storagepaths.h"
#include "cloud/tenantinventory.h"
#include "keychaintestsupport.h"
#include "logging/applicationlog.h"
#include "secrets/clientsecretresolver.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace KeychainTestSupport;
using Secrets::SecretResult;
using Secrets::SecretStatus;
using Secrets::SecretStore;

// Runs against a real Secret Service (gnome-keyring on a private session bus: packaging/dev.sh
// test, or TOOLCHAIN.md's recipe). The unavailable paths run a real process without one.
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storeReadOverwriteDelete();
    void readingAMissingKeyIsNotFound();
    void removingAMissingKeyIsFine();
    void emptyKeyOrSecretIsRefusedLater();
    void noAnswerAfterTheContextIsGone();
    void fetchClientSecretReadsTheProfileKey();
    void resolverPrefersTheEnvironment();
    void environmentVariableNames_data();
    void environmentVariableNames();
    void unavailableKeychainInAnotherProcess_data();
    void unavailableKeychainInAnotherProcess();
    void secretsCrossProcesses();
    void noSecretInAnyFileTheAppWrote();
    void theScanFindsAPlantedSecret_data();
    void theScanFindsAPlantedSecret();

private:
    // Runs one SecretStore call and waits for its completion.
    SecretResult call(const std::function<void(QObject *, SecretStore::Completion)> &start);
    struct Probe
    {
        int exitCode = -1;
        QMap<QString, QString> fields;
        QByteArray err;
    };
    Probe runProbe(const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input = {},
                   const QString &program = {});

    QString m_service;
    std::unique_ptr<SecretStore> m_store;
};

void TestSecretStore::initTestCase()
{
    m_service = uniqueService("secretstore");
    m_store = std::make_unique<SecretStore>(m_service);
    // The suite needs a working Secret Service: fail loudly instead of passing vacuously.
    const SecretResult probe = call([&](QObject *context, SecretStore::Completion done) {
        m_store->write(u"probe"_s, u"probe-value"_s, context, std::move(done));
    });
    QVERIFY2(probe.ok(), qPrintable(u"no usable Secret Service (run through packaging/dev.sh test): "_s + probe.error));
    QVERIFY(call([&](QObject *context, SecretStore::Completion done) {
                m_store->remove(u"probe"_s, context, std::move(done));
            }).ok());
}

void TestSecretStore::cleanupTestCase()
{
    QCOMPARE(secretToolKeys(m_service), QStringList()); // every test cleans up after itself
}

SecretResult TestSecretStore::call(const std::function<void(QObject *, SecretStore::Completion)> &start)
{
    QObject context;
    std::optional<SecretResult> answer;
    int answers = 0;
    start(&context, [&](const SecretResult &result) {
        answer = result;
        ++answers;
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        return {SecretStatus::Unavailable, {}, u"no answer within 30 s"_s};
    QTest::qWait(0);
    if (answers != 1)
        return {SecretStatus::Invalid, {}, u"answered %1 times"_s.arg(answers)};
    return *answer;
}

void TestSecretStore::storeReadOverwriteDelete()
{
    const QString key = SecretStore::oauthClientKey(u"acme-eu"_s);
    QCOMPARE(key, u"oauth-client/acme-eu"_s);

    SecretResult result = call([&](QObject *c, auto done) { m_store->write(key, u"first-secret"_s, c, done); });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(secretToolKeys(m_service), QStringList({key}));

    result = call([&](QObject *c, auto done) { m_store->read(key, c, done); });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.secret, u"first-secret"_s);

    result = call([&](QObject *c, auto done) { m_store->write(key, u"second-secret ünïcødé"_s, c, done); });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(secretToolKeys(m_service), QStringList({key})); // overwritten, not added

    result = call([&](QObject *c, auto done) { m_store->read(key, c, done); });
    QCOMPARE(result.secret, u"second-secret ünïcødé"_s);

    const QString jwtKey = SecretStore::jwtSigningKeyKey(u"portal"_s);
    QCOMPARE(jwtKey, u"jwt-signing-key/portal"_s);
    result = call([&](QObject *c, auto done) {
        m_store->write(jwtKey, u"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"_s, c, done);
    });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(secretToolKeys(m_service), QStringList({jwtKey, key})); // sorted

    result = call([&](QObject *c, auto done) { m_store->remove(key, c, done); });
    QVERIFY2(result.ok(), qPrintable(result.error));
    result = call([&](QObject *c, auto done) { m_store->read(key, c, done); });
    QCOMPARE(result.status, SecretStatus::NotFound);
    QCOMPARE(secretToolKeys(m_service), QStringList({jwtKey}));

    result = call([&](QObject *c, auto done) { m_store->remove(jwtKey, c, done); });
    QVERIFY(result.ok());
    QCOMPARE(secretToolKeys(m_service), QStringList());
    QVERIFY(m_store->isAvailable());
}

void TestSecretStore::readingAMissingKeyIsNotFound()
{
    const SecretResult result = call([&](QObject *c, auto done) { m_store->read(u"oauth-client/nobody"_s, c, done); });
    QCOMPARE(result.status, SecretStatus::NotFound);
    QCOMPARE(result.error,
             u"nothing is stored under the OS keychain (Secret Service), service '%1', key "
             "'oauth-client/nobody'"_s.arg(m_service));
    QVERIFY(m_store->isAvailable());
}

void TestSecretStore::removingAMissingKeyIsFine()
{
    const SecretResult result
        = call([&](QObject *c, auto done) { m_store->remove(u"oauth-client/nobody"_s, c, done); });
    QVERIFY2(result.ok(), qPrintable(result.error));
}

void TestSecretStore::emptyKeyOrSecretIsRefusedLater()
{
    QObject context;
    std::optional<SecretResult> answer;
    m_store->write(u"oauth-client/x"_s, QString(), &context, [&](const SecretResult &r) { answer = r; });
    QVERIFY(!answer); // never from within the call
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->status, SecretStatus::Invalid);
    QCOMPARE(answer->error, u"the secret for 'oauth-client/x' is empty"_s);

    answer.reset();
    m_store->read(QString(), &context, [&](const SecretResult &r) { answer = r; });
    QVERIFY(!answer);
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->error, u"the key is empty"_s);
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

void TestSecretStore::noAnswerAfterTheContextIsGone()
{
    bool answered = false;
    {
        QObject context;
        m_store->read(u"oauth-client/nobody"_s, &context, [&](const SecretResult &) { answered = true; });
    }
    // A second request on a live context finishes after the first (QtKeychain runs jobs in order).
    const SecretResult after = call([&](QObject *c, auto done) { m_store->read(u"oauth-client/nobody"_s, c, done); });
    QCOMPARE(after.status, SecretStatus::NotFound);
    QVERIFY(!answered);
}

void TestSecretStore::fetchClientSecretReadsTheProfileKey()
{
    QVERIFY(call([&](QObject *c, auto done) {
                m_store->write(SecretStore::oauthClientKey(u"org"_s), u"org-secret"_s, c, done);
            }).ok());
    QObject context;
    std::optional<Cloud::SecretLookup> lookup;
    Cloud::ClientSecretSource *source = m_store.get();
    source->fetchClientSecret(u"org"_s, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
    QVERIFY(!lookup);
    QTRY_VERIFY(lookup.has_value());
    QVERIFY2(lookup->ok(), qPrintable(lookup->error));
    QCOMPARE(lookup->secret, u"org-secret"_s);

    lookup.reset();
    source->fetchClientSecret(u"missing"_s, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QVERIFY(!lookup->ok());
    QVERIFY(!lookup->keychainUnavailable);
    QVERIFY2(lookup->error.startsWith(u"no client secret stored for profile 'missing'"_s), qPrintable(lookup->error));

    QVERIFY(call([&](QObject *c, auto done) { m_store->remove(SecretStore::oauthClientKey(u"org"_s), c, done); }).ok());
}

void TestSecretStore::resolverPrefersTheEnvironment()
{
    QVERIFY(call([&](QObject *c, auto done) {
                m_store->write(SecretStore::oauthClientKey(u"ci-eu"_s), u"keychain-secret"_s, c, done);
            }).ok());
    QProcessEnvironment environment;
    environment.insert(u"TENANTRY_CLIENT_SECRET_CI_EU"_s, u"environment-secret"_s);
    environment.insert(u"TENANTRY_CLIENT_SECRET_EMPTY"_s, QString());
    Secrets::ClientSecretResolver resolver(m_store.get(), environment);
    QCOMPARE(resolver.origin(u"ci-eu"_s), Secrets::ClientSecretResolver::Origin::Environment);
    QCOMPARE(resolver.origin(u"empty"_s), Secrets::ClientSecretResolver::Origin::Keychain); // empty means unset

    QObject context;
    std::optional<Cloud::SecretLookup> lookup;
    resolver.fetchClientSecret(u"ci-eu"_s, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
    QVERIFY(!lookup); // later, even though the answer is at hand
    QTRY_VERIFY(lookup.has_value());
    QCOMPARE(lookup->secret, u"environment-secret"_s);

    Secrets::ClientSecretResolver keychainOnly(m_store.get(), QProcessEnvironment());
    lookup.reset();
    keychainOnly.fetchClientSecret(u"ci-eu"_s, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QCOMPARE(lookup->secret, u"keychain-secret"_s);

    lookup.reset();
    keychainOnly.fetchClientSecret(u"nowhere"_s, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QVERIFY2(lookup->error.endsWith(u"(In CI, set TENANTRY_CLIENT_SECRET_NOWHERE instead.)"_s),
             qPrintable(lookup->error));

    QVERIFY(
        call([&](QObject *c, auto done) { m_store->remove(SecretStore::oauthClientKey(u"ci-eu"_s), c, done); }).ok());
}

void TestSecretStore::environmentVariableNames_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("variable");
    QTest::newRow("plain") << u"org"_s << u"TENANTRY_CLIENT_SECRET_ORG"_s;
    QTest::newRow("dashes") << u"acme-eu-prod"_s << u"TENANTRY_CLIENT_SECRET_ACME_EU_PROD"_s;
    QTest::newRow("mixed case and underscore") << u"Region_us-2"_s << u"TENANTRY_CLIENT_SECRET_REGION_US_2"_s;
}

void TestSecretStore::environmentVariableNames()
{
    QFETCH(QString, profile);
    QFETCH(QString, variable);
    QCOMPARE(Secrets::ClientSecretResolver::environmentVariable(profile), variable);
}

TestSecretStore::Probe TestSecretStore::runProbe(const QStringList &arguments, const QProcessEnvironment &environment,
                                                 const QByteArray &input, const QString &program)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(program.isEmpty() ? QStringLiteral(KEYCHAIN_PROBE) : program);
    process.setArguments(arguments);
    process.start();
    process.write(input);
    process.closeWriteChannel();
    Probe probe;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        probe.err = "probe timed out";
        return probe;
    }
    probe.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    probe.err = process.readAllStandardError();
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            probe.fields.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
    }
    return probe;
}

void TestSecretStore::unavailableKeychainInAnotherProcess_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("detail");
    QTest::newRow("bus address points nowhere") << u"nowhere"_s << u"Could not connect"_s;
    QTest::newRow("no session bus at all") << u"nobus"_s << u"D-Bus"_s;
    // A Secret Service that starts on demand but has no unlocked collection and nobody to ask
    // for the password: what a locked keyring looks like on a headless machine.
    QTest::newRow("locked keyring") << u"locked"_s << u"collection"_s;
}

void TestSecretStore::unavailableKeychainInAnotherProcess()
{
    QFETCH(QString, situation);
    QFETCH(QString, detail);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QVERIFY(QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "DISPLAY",
                                 "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"})
        environment.remove(QString::fromLatin1(variable));

    QString program;
    QStringList arguments{m_service, u"write"_s, u"oauth-client/acme"_s};
    if (situation == "nowhere"_L1) {
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + runtime.filePath(u"no-such-bus"_s));
    } else if (situation == "locked"_L1) {
        program = QStandardPaths::findExecutable(u"dbus-run-session"_s);
        if (program.isEmpty())
            QSKIP("dbus-run-session is not installed");
        arguments.prepend(QStringLiteral(KEYCHAIN_PROBE));
        arguments.prepend(u"--"_s);
    }

    const QByteArray secret = "never-anywhere-7f3c9e";
    const Probe probe = runProbe(arguments, environment, secret + '\n', program);
    QVERIFY2(probe.exitCode == 1, probe.err.constData());
    QCOMPARE(probe.fields.value(u"status"_s), u"Unavailable"_s);
    QCOMPARE(probe.fields.value(u"available"_s), u"0"_s);
    const QString error = probe.fields.value(u"error"_s);
    QVERIFY2(error.startsWith(u"The OS keychain (Secret Service) is unavailable or locked: "_s), qPrintable(error));
    QVERIFY2(error.contains(detail), qPrintable(error));
    QVERIFY2(error.contains(u"nothing was stored elsewhere"_s), qPrintable(error));
    QVERIFY(!error.contains(QString::fromLatin1(secret)));
    QVERIFY(!probe.err.contains(secret));
    // Nothing in the process's home holds the secret (no plaintext fallback, no settings file).
    const QStringList leaks = filesContaining(home.path(), QString::fromLatin1(secret))
        + filesContaining(runtime.path(), QString::fromLatin1(secret));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    // And our own Secret Service did not get it either.
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

void TestSecretStore::secretsCrossProcesses()
{
    // Written by another process, read here: the item lives in the Secret Service, nowhere else.
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    Probe probe = runProbe({m_service, u"write"_s, u"oauth-client/shared"_s}, environment, "shared-secret\n");
    QVERIFY2(probe.exitCode == 0, qPrintable(probe.fields.value(u"error"_s) + QString::fromUtf8(probe.err)));
    SecretResult result = call([&](QObject *c, auto done) { m_store->read(u"oauth-client/shared"_s, c, done); });
    QCOMPARE(result.secret, u"shared-secret"_s);

    probe = runProbe({m_service, u"read"_s, u"oauth-client/shared"_s}, environment);
    QCOMPARE(probe.exitCode, 0);
    QCOMPARE(probe.fields.value(u"length"_s), u"13"_s);
    probe = runProbe({m_service, u"remove"_s, u"oauth-client/shared"_s}, environment);
    QCOMPARE(probe.exitCode, 0);
    result = call([&](QObject *c, auto done) { m_store->read(u"oauth-client/shared"_s, c, done); });
    QCOMPARE(result.status, SecretStatus::NotFound);
}

void TestSecretStore::noSecretInAnyFileTheAppWrote()
{
    // Everything the app writes goes below a private HOME: settings, data, cache, and a log of
    // every message Tenantry's categories emit (debug included).
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toUtf8());
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qunsetenv(variable);
    const auto restoreHome = qScopeGuard([&] { qputenv("HOME", oldHome); });
    QVERIFY(Cloud::StoragePaths::profilesFile().startsWith(home.path()));

    // The application's own log (Logging::ApplicationLog), verbose, in its usual folder.
    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantry"_s;
    logOptions.verbose = true;
    QCOMPARE(Logging::ApplicationLog::install(logOptions), QString());
    const QString logPath = Logging::ApplicationLog::currentFilePath();
    QVERIFY2(logPath.startsWith(home.path()), qPrintable(logPath));
    auto restoreLog = qScopeGuard([] { Logging::ApplicationLog::uninstall(); });

    const QString secret = u"s3cr3t-Zq8v!never-in-files"_s;
    {
        Cloud::ProfileStore profiles(m_store.get());
        Cloud::TenantInventory inventory;
        Cloud::CredentialProfile profile{u"acme-eu"_s, Cloud::CredentialTier::Region, u"client-7b2e4c1a"_s, u"eu"_s,
                                         {},           u"Acme EU region client"_s};
        QCOMPARE(profiles.add(profile), QString());
        QCOMPARE(inventory.add(Cloud::InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s)), QString());
        const QString key = SecretStore::oauthClientKey(profile.name);
        QVERIFY(call([&](QObject *c, auto done) { m_store->write(key, secret, c, done); }).ok());
        QCOMPARE(call([&](QObject *c, auto done) { m_store->read(key, c, done); }).secret, secret);

        Secrets::ClientSecretResolver resolver(m_store.get(), QProcessEnvironment());
        std::optional<Cloud::SecretLookup> lookup;
        QObject context;
        resolver.fetchClientSecret(profile.name, &context, [&](const Cloud::SecretLookup &l) { lookup = l; });
        QTRY_VERIFY(lookup.has_value());
        QCOMPARE(lookup->secret, secret);

        profile.label = u"relabelled"_s;
        QCOMPARE(profiles.update(profile), QString());
        std::optional<SecretResult> removed;
        QCOMPARE(profiles.remove(profile.name, &context, [&](const SecretResult &r) { removed = r; }), QString());
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
    }
    restoreLog.dismiss();
    Logging::ApplicationLog::uninstall();

    // The test must be able to fail: the app did write these files, and the log is not empty.
    const QStringList written = filesBelow(home.path());
    QVERIFY2(written.contains(u".config/Tenantry/profiles.ini"_s), qPrintable(written.join(u", "_s)));
    QVERIFY2(written.contains(u".local/share/Tenantry/tenant-inventory.jsonl"_s), qPrintable(written.join(u", "_s)));
    QFile logCheck(logPath);
    QVERIFY(logCheck.open(QIODevice::ReadOnly));
    const QByteArray logged = logCheck.readAll();
    QVERIFY2(logged.contains("oauth-client/acme-eu"), logged.constData());
    QVERIFY2(logged.contains("tenantry.profiles"), logged.constData());

    const QStringList leaks = filesContaining(home.path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

void TestSecretStore::theScanFindsAPlantedSecret_data()
{
    QTest::addColumn<QByteArray>("content");
    const QString secret = u"s3cr3t-Zq8v!never-in-files"_s;
    QTest::newRow("utf-8") << QByteArray("secret=" + secret.toUtf8() + "\n");
    QTest::newRow("utf-16") << QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    QTest::newRow("base64") << QByteArray("value=" + secret.toUtf8().toBase64());
}

void TestSecretStore::theScanFindsAPlantedSecret()
{
    // The leak check above is only worth something if it finds what it looks for.
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u".config/deep/er"_s)));
    QFile file(dir.filePath(u".config/deep/er/.hidden.conf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QCOMPARE(filesContaining(dir.path(), u"s3cr3t-Zq8v!never-in-files"_s), QStringList({file.fileName()}));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
