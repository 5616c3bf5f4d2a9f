#include "cloud/profilestore.h"
#include "cloud/qlikcliimport.h"
#include "cloud/storagepaths.h"
#include "keychaintestsupport.h"
#include "logging/applicationlog.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace KeychainTestSupport;
using Cloud::CredentialProfile;
using Cloud::CredentialTier;
using Cloud::QlikCliImport;
using Cloud::QlikCliImportReport;
using Outcome = Cloud::QlikCliImportReport::Outcome;
using Secrets::SecretResult;
using Secrets::SecretStore;

namespace {

// The secrets of tests/unit/data/qlikcli-contexts.yml: three OAuth clients and two API keys.
const QString acmeSecret = u"acme-Sx8!q2-never-in-files"_s;
const QString globexSecret = u"globex-Zq8v-never-in-files"_s;
const QString regionSecret = u"region-eu-Kp3-never-in-files"_s;
const QStringList apiKeys{u"eyJhbGciOiJFUzM4NCJ9.api-key-never-in-files"_s, u"qseow-jwt-never-in-files"_s};
const QStringList importedProfiles{u"acme-prod"_s, u"globex-us-qlikcloud-com"_s, u"register-eu"_s};

} // namespace

// Importing qlik-cli contexts into profiles and the real Secret Service (packaging/dev.sh test).
// Every test runs in a private HOME, so the profiles file, the log and anything else the import
// might write land below it and can be searched for secrets.
class TestQlikCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void importsOAuthContextsIntoTheKeychain();
    void reimportChangesNothing();
    void changedSecretIsSkippedUnlessOverwriting();
    void differentProfileOfTheSameNameIsSkipped();
    void badFileWritesNothing_data();
    void badFileWritesNothing();
    void noSecretInSettingsLogsOrFiles();

private:
    [[nodiscard]] QlikCliImportReport runImport(const QString &path, bool overwrite = false);
    [[nodiscard]] SecretResult readSecret(const QString &profile);
    [[nodiscard]] QString writeContexts(const QByteArray &content);
    [[nodiscard]] static QByteArray sampleFile();
    [[nodiscard]] static QMap<QString, Outcome> outcomes(const QlikCliImportReport &report);

    QString m_service;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QTemporaryDir> m_home; // what the import may write
    std::unique_ptr<QTemporaryDir> m_source; // the qlik-cli file (which holds secrets by design)
    std::unique_ptr<Cloud::ProfileStore> m_profiles;
    QByteArray m_oldHome;
};

void TestQlikCliImport::initTestCase()
{
    m_oldHome = qgetenv("HOME");
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qunsetenv(variable);
    m_service = uniqueService("qlikcliimport");
    m_secrets = std::make_unique<SecretStore>(m_service);
    QObject context;
    std::optional<SecretResult> probe;
    m_secrets->write(u"probe"_s, u"probe-value"_s, &context, [&](const SecretResult &r) { probe = r; });
    QTRY_VERIFY_WITH_TIMEOUT(probe.has_value(), 30000);
    QVERIFY2(probe->ok(),
             qPrintable(u"no usable Secret Service (run through packaging/dev.sh test): "_s + probe->error));
    probe.reset();
    m_secrets->remove(u"probe"_s, &context, [&](const SecretResult &r) { probe = r; });
    QTRY_VERIFY_WITH_TIMEOUT(probe.has_value(), 30000);
}

void TestQlikCliImport::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_source = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid() && m_source->isValid());
    qputenv("HOME", m_home->path().toUtf8());
    QVERIFY(Cloud::StoragePaths::profilesFile().startsWith(m_home->path()));
    m_profiles = std::make_unique<Cloud::ProfileStore>(m_secrets.get());
}

void TestQlikCliImport::cleanup()
{
    for (const QString &profile : importedProfiles) {
        QObject context;
        bool removed = false;
        m_secrets->remove(SecretStore::oauthClientKey(profile), &context,
                          [&](const SecretResult &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 30000);
    }
    m_profiles.reset();
    qputenv("HOME", m_oldHome);
}

void TestQlikCliImport::cleanupTestCase()
{
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

QlikCliImportReport TestQlikCliImport::runImport(const QString &path, bool overwrite)
{
    QlikCliImport import(m_profiles.get(), m_secrets.get());
    import.setOverwrite(overwrite);
    QSignalSpy finished(&import, &QlikCliImport::finished);
    import.start(path);
    if (finished.count() != 0) // never from within start()
        return {};
    if (!finished.wait(60000))
        return {};
    QTest::qWait(0);
    if (finished.count() != 1)
        return {};
    return import.report();
}

SecretResult TestQlikCliImport::readSecret(const QString &profile)
{
    QObject context;
    std::optional<SecretResult> result;
    m_secrets->read(SecretStore::oauthClientKey(profile), &context, [&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return {Secrets::SecretStatus::Unavailable, {}, u"no answer"_s};
    return *result;
}

QString TestQlikCliImport::writeContexts(const QByteArray &content)
{
    QFile file(m_source->filePath(u"contexts.yml"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

QByteArray TestQlikCliImport::sampleFile()
{
    QFile file(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/unit/data/qlikcli-contexts.yml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QMap<QString, Outcome> TestQlikCliImport::outcomes(const QlikCliImportReport &report)
{
    QMap<QString, Outcome> map;
    for (const auto &entry : report.entries)
        map.insert(entry.context, entry.outcome);
    return map;
}

void TestQlikCliImport::importsOAuthContextsIntoTheKeychain()
{
    const QString path = writeContexts(sampleFile());
    QVERIFY(!path.isEmpty());
    const QlikCliImportReport report = runImport(path);
    QVERIFY2(report.ok(), qPrintable(report.fileError));
    QCOMPARE(report.file, path);
    const QMap<QString, Outcome> expected{{u"acme-prod"_s, Outcome::Imported},
                                          {u"me@cloud"_s, Outcome::Refused},
                                          {u"globex.us.qlikcloud.com"_s, Outcome::Imported},
                                          {u"register-eu"_s, Outcome::Imported},
                                          {u"local"_s, Outcome::Refused},
                                          {u"me@qseow"_s, Outcome::Refused}};
    QCOMPARE(outcomes(report), expected);
    QCOMPARE(report.entries.first().context, u"acme-prod"_s); // file order
    QVERIFY(report.entries.first().current);
    QVERIFY2(report.entries.at(1).detail.startsWith(u"context 'me@cloud' (line 11): 'headers' holds an API key"_s),
             qPrintable(report.entries.at(1).detail));
    QCOMPARE(report.entries.at(2).detail, u"its headers (X-Custom) are not used by Tenantry"_s);
    QVERIFY2(report.entries.at(4).detail.contains(u"'server-type' is 'engine'"_s),
             qPrintable(report.entries.at(4).detail));

    // The keychain holds the three client secrets, and nothing else (the API keys went nowhere).
    QCOMPARE(secretToolKeys(m_service),
             QStringList({u"oauth-client/acme-prod"_s, u"oauth-client/globex-us-qlikcloud-com"_s,
                          u"oauth-client/register-eu"_s}));
    QCOMPARE(readSecret(u"acme-prod"_s).secret, acmeSecret);
    QCOMPARE(readSecret(u"globex-us-qlikcloud-com"_s).secret, globexSecret);
    QCOMPARE(readSecret(u"register-eu"_s).secret, regionSecret);

    // The profiles, as any later Tenantry process reads them back.
    Cloud::ProfileStore reread(m_secrets.get());
    const QList<CredentialProfile> profiles = reread.profiles();
    QCOMPARE(profiles.size(), 3);
    QCOMPARE(profiles.at(0),
             (CredentialProfile{u"acme-prod"_s,
                                CredentialTier::Tenant,
                                u"7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s,
                                {},
                                u"acme.eu.qlikcloud.com"_s,
                                u"Acme production"_s}));
    QCOMPARE(profiles.at(1),
             (CredentialProfile{u"globex-us-qlikcloud-com"_s,
                                CredentialTier::Tenant,
                                u"0f1e2d3c4b5a69788796a5b4c3d2e1f0"_s,
                                {},
                                u"globex.us.qlikcloud.com"_s,
                                u"qlik-cli context 'globex.us.qlikcloud.com'"_s}));
    QCOMPARE(profiles.at(2),
             (CredentialProfile{u"register-eu"_s,
                                CredentialTier::Region,
                                u"region-client-eu"_s,
                                u"eu"_s,
                                {},
                                u"qlik-cli context 'register-eu'"_s}));

    QCOMPARE(report.contextsWithSecrets, 5);
    QCOMPARE(report.plaintextReminder(),
             path
                 + u" still holds 5 contexts' secrets in plain text: Tenantry keeps its copies only in the OS "
                   "keychain, but qlik-cli reads that file, so delete the contexts you no longer use with 'qlik "
                   "context rm' (or the file itself) and keep it readable by you alone."_s);
    QVERIFY(QFile::exists(path)); // the original is left as it was
}

void TestQlikCliImport::reimportChangesNothing()
{
    const QString path = writeContexts(sampleFile());
    QCOMPARE(runImport(path).count(Outcome::Imported), 3);
    QFile settings(Cloud::StoragePaths::profilesFile());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray before = settings.readAll();
    settings.close();
    const QDateTime modified = QFileInfo(settings).lastModified();

    for (const bool overwrite : {false, true}) {
        const QlikCliImportReport again = runImport(path, overwrite);
        QVERIFY2(again.ok(), qPrintable(again.fileError));
        QCOMPARE(again.count(Outcome::Unchanged), 3);
        QCOMPARE(again.count(Outcome::Refused), 3);
        QCOMPARE(again.count(Outcome::Imported) + again.count(Outcome::Updated) + again.count(Outcome::Skipped), 0);
    }
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QCOMPARE(settings.readAll(), before);
    QCOMPARE(QFileInfo(settings).lastModified(), modified);
    QCOMPARE(secretToolKeys(m_service).size(), 3);
    QCOMPARE(readSecret(u"acme-prod"_s).secret, acmeSecret);
}

void TestQlikCliImport::changedSecretIsSkippedUnlessOverwriting()
{
    QByteArray content = sampleFile();
    const QString path = writeContexts(content);
    QCOMPARE(runImport(path).count(Outcome::Imported), 3);

    // The secret was rotated in qlik-cli: the import notices, but does not replace it unasked.
    content.replace(acmeSecret.toUtf8(), "acme-rotated-never-in-files");
    QCOMPARE(writeContexts(content), path);
    QlikCliImportReport report = runImport(path);
    QCOMPARE(outcomes(report).value(u"acme-prod"_s), Outcome::Skipped);
    QCOMPARE(report.entries.first().detail,
             u"a profile named 'acme-prod' already exists with a different client secret; import with --overwrite "
             "to replace it"_s);
    QCOMPARE(report.count(Outcome::Unchanged), 2);
    QCOMPARE(readSecret(u"acme-prod"_s).secret, acmeSecret);

    report = runImport(path, true);
    QCOMPARE(outcomes(report).value(u"acme-prod"_s), Outcome::Updated);
    QCOMPARE(report.entries.first().detail, u"replaced its client secret"_s);
    QCOMPARE(readSecret(u"acme-prod"_s).secret, u"acme-rotated-never-in-files"_s);
    QCOMPARE(runImport(path, true).count(Outcome::Unchanged), 3);
}

void TestQlikCliImport::differentProfileOfTheSameNameIsSkipped()
{
    const CredentialProfile mine{u"acme-prod"_s, CredentialTier::Region, u"my-own-client"_s, u"eu"_s, {}, u"Mine"_s};
    QCOMPARE(m_profiles->add(mine), QString());
    const QString path = writeContexts(sampleFile());

    QlikCliImportReport report = runImport(path);
    QCOMPARE(outcomes(report).value(u"acme-prod"_s), Outcome::Skipped);
    QCOMPARE(report.entries.first().detail,
             u"a profile named 'acme-prod' already exists with a different tier (region, not tenant), client id, "
             "region, tenant host, label, client secret (none in the keychain); import with --overwrite to replace "
             "it"_s);
    QCOMPARE(m_profiles->profile(u"acme-prod"_s), std::optional<CredentialProfile>(mine));
    QCOMPARE(readSecret(u"acme-prod"_s).status, Secrets::SecretStatus::NotFound);
    QCOMPARE(report.count(Outcome::Imported), 2); // the others still come in

    report = runImport(path, true);
    QCOMPARE(outcomes(report).value(u"acme-prod"_s), Outcome::Updated);
    QCOMPARE(m_profiles->profile(u"acme-prod"_s)->tier, CredentialTier::Tenant);
    QCOMPARE(m_profiles->profile(u"acme-prod"_s)->region, QString()); // the tier change dropped it
    QCOMPARE(readSecret(u"acme-prod"_s).secret, acmeSecret);
}

void TestQlikCliImport::badFileWritesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("position");
    const QByteArray good = "contexts:\n  acme-prod:\n    server: acme.eu.qlikcloud.com\n    oauth-client-id: id\n"
                            "    oauth-client-secret: good-secret-never-in-files\n";
    QTest::newRow("syntax error after a good context") << good + "  bad: [\n" << u":7:1: not valid YAML: "_s;
    QTest::newRow("wrong type after a good context") << good + "  bad:\n    server: [x]\n"
                                                     << u":7:13: context 'bad': 'server' must be text, not a list"_s;
}

void TestQlikCliImport::badFileWritesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, position);
    const QString path = writeContexts(content);
    const QlikCliImportReport report = runImport(path);
    QVERIFY(!report.ok());
    QVERIFY2(report.fileError.startsWith(path + position), qPrintable(report.fileError));
    QVERIFY(report.entries.isEmpty());
    QCOMPARE(secretToolKeys(m_service), QStringList());
    QCOMPARE(filesBelow(m_home->path()), QStringList());
}

void TestQlikCliImport::noSecretInSettingsLogsOrFiles()
{
    // The application's own log, verbose, in its usual folder below the private HOME.
    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantry"_s;
    logOptions.verbose = true;
    QCOMPARE(Logging::ApplicationLog::install(logOptions), QString());
    const QString logPath = Logging::ApplicationLog::currentFilePath();
    QVERIFY2(logPath.startsWith(m_home->path()), qPrintable(logPath));
    auto restoreLog = qScopeGuard([] { Logging::ApplicationLog::uninstall(); });

    QByteArray content = sampleFile();
    const QString path = writeContexts(content);
    QCOMPARE(runImport(path).count(Outcome::Imported), 3);
    QCOMPARE(runImport(path).count(Outcome::Unchanged), 3);
    content.replace(globexSecret.toUtf8(), "globex-rotated-never-in-files");
    QCOMPARE(writeContexts(content), path);
    QCOMPARE(runImport(path).count(Outcome::Skipped), 1);
    QCOMPARE(runImport(path, true).count(Outcome::Updated), 1);
    restoreLog.dismiss();
    Logging::ApplicationLog::uninstall();

    // QSettings holds the profiles, and not one secret among its values.
    QSettings settings(Cloud::StoragePaths::profilesFile(), QSettings::IniFormat);
    const QStringList keys = settings.allKeys();
    QVERIFY(keys.contains(u"profiles/acme-prod/clientId"_s));
    const QStringList secrets
        = QStringList{acmeSecret, globexSecret, regionSecret, u"globex-rotated-never-in-files"_s} + apiKeys;
    for (const QString &key : keys) {
        for (const QString &secret : secrets)
            QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));
    }

    // The scan can fail: the app did write these files, and the log names what it imported.
    const QStringList written = filesBelow(m_home->path());
    QVERIFY2(written.contains(u".config/Tenantry/profiles.ini"_s), qPrintable(written.join(u", "_s)));
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    QVERIFY2(logged.contains("tenantry.qlikcli"), logged.constData());
    QVERIFY2(logged.contains("globex-us-qlikcloud-com"), logged.constData());
    QVERIFY2(logged.contains("oauth-client/acme-prod"), logged.constData());

    for (const QString &secret : secrets) {
        const QStringList leaks = filesContaining(m_home->path(), secret);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    }
    // And the API keys never reached the keychain either.
    QCOMPARE(secretToolKeys(m_service).size(), 3);
}

QTEST_GUILESS_MAIN(TestQlikCliImport)
#include "tst_qlikcliimport.moc"
