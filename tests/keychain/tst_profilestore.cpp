#include "cloud/profilestore.h"
#include "keychaintestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace KeychainTestSupport;
using Cloud::CredentialProfile;
using Cloud::CredentialTier;
using Cloud::ProfileStore;
using Secrets::SecretResult;
using Secrets::SecretStore;

// QSettings persistence of credential profiles; removal also goes to the real Secret Service.
class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void addListAndReadBack();
    void addIsValidated_data();
    void addIsValidated();
    void updateReplacesTheEntry();
    void removeAlsoRemovesTheKeychainSecret();
    void removeUnknownIsAnError();
    void handEditedEntriesAreReportedNotLoaded();
    void settingsFileHoldsNoSecret();

private:
    [[nodiscard]] QString settingsPath() const { return m_dir->filePath(u"Tenantry/profiles.ini"_s); }
    [[nodiscard]] static CredentialProfile regionProfile(const QString &name = u"acme-eu"_s);
    SecretResult writeSecret(const QString &profile, const QString &secret);
    SecretResult readSecret(const QString &profile);

    QString m_service;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProfileStore::initTestCase()
{
    m_service = uniqueService("profilestore");
    m_secrets = std::make_unique<SecretStore>(m_service);
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProfileStore::cleanupTestCase()
{
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

CredentialProfile TestProfileStore::regionProfile(const QString &name)
{
    return {name, CredentialTier::Region, u"7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s, u"eu"_s, {}, u"Acme EU"_s};
}

SecretResult TestProfileStore::writeSecret(const QString &profile, const QString &secret)
{
    QObject context;
    std::optional<SecretResult> result;
    m_secrets->write(SecretStore::oauthClientKey(profile), secret, &context,
                     [&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return {Secrets::SecretStatus::Unavailable, {}, u"timeout"_s};
    return *result;
}

SecretResult TestProfileStore::readSecret(const QString &profile)
{
    QObject context;
    std::optional<SecretResult> result;
    m_secrets->read(SecretStore::oauthClientKey(profile), &context, [&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return {Secrets::SecretStatus::Unavailable, {}, u"timeout"_s};
    return *result;
}

void TestProfileStore::addListAndReadBack()
{
    {
        ProfileStore store(settingsPath(), m_secrets.get());
        QSignalSpy added(&store, &ProfileStore::profileAdded);
        QCOMPARE(store.add(regionProfile(u"zeta"_s)), QString());
        QCOMPARE(store.add({u"org"_s,
                            CredentialTier::Organization,
                            u"org-client"_s,
                            {},
                            {},
                            {},
                            {u"9876543210987654"_s, u"1234567890123456"_s}}),
                 QString());
        QCOMPARE(store.add({u"acme-tenant"_s,
                            CredentialTier::Tenant,
                            u"tenant-client"_s,
                            {},
                            u"acme.eu.qlikcloud.com"_s,
                            u"only Acme"_s}),
                 QString());
        QCOMPARE(added.count(), 3);
        QCOMPARE(added.at(1).at(0).toString(), u"org"_s);
    }
    ProfileStore reread(settingsPath(), m_secrets.get());
    const QList<CredentialProfile> profiles = reread.profiles();
    QCOMPARE(profiles.size(), 3);
    QCOMPARE(profiles.at(0).name, u"acme-tenant"_s); // sorted by name
    QCOMPARE(profiles.at(0).tier, CredentialTier::Tenant);
    QCOMPARE(profiles.at(0).tenantHost, u"acme.eu.qlikcloud.com"_s);
    QCOMPARE(profiles.at(1).tier, CredentialTier::Organization);
    QCOMPARE(profiles.at(1).subscriptionIds, QStringList({u"9876543210987654"_s, u"1234567890123456"_s}));
    QCOMPARE(profiles.at(2), regionProfile(u"zeta"_s));
    QCOMPARE(*reread.profile(u"zeta"_s), regionProfile(u"zeta"_s));
    QVERIFY(!reread.profile(u"nobody"_s));
    QVERIFY(reread.problems().isEmpty());
}

void TestProfileStore::addIsValidated_data()
{
    QTest::addColumn<CredentialProfile>("profile");
    QTest::addColumn<QString>("error");
    CredentialProfile badName = regionProfile(u"acme eu"_s);
    QTest::newRow("name with a space") << badName
                                       << u"profile name 'acme eu' must be 1 to 64 letters, digits, '-' or '_'"_s;
    CredentialProfile noClient = regionProfile(u"x"_s);
    noClient.clientId = u"  "_s;
    QTest::newRow("no client id") << noClient << u"profile 'x': the client id is empty"_s;
    CredentialProfile noRegion = regionProfile(u"x"_s);
    noRegion.region.clear();
    QTest::newRow("region client without region")
        << noRegion << u"profile 'x': region '' is not a region id such as 'eu' or 'us'"_s;
    CredentialProfile badHost{u"t"_s, CredentialTier::Tenant, u"c"_s, {}, u"https://acme"_s, {}};
    QTest::newRow("tenant client with a URL")
        << badHost << u"profile 't': tenant host 'https://acme' is not a hostname such as 'acme.eu.qlikcloud.com'"_s;
    QTest::newRow("bad subscription")
        << CredentialProfile{u"o"_s, CredentialTier::Organization, u"c"_s, {}, {}, {}, {u"12 34"_s}}
        << u"profile 'o': subscription id '12 34' is not a subscription (license) number"_s;
    QTest::newRow("duplicate") << regionProfile() << u"a profile named 'acme-eu' already exists"_s;
    QTest::newRow("same environment variable")
        << regionProfile(u"ACME_EU"_s)
        << u"profile name 'ACME_EU' is too close to the existing profile 'acme-eu': both would read their secret "
           "from TENANTRY_CLIENT_SECRET_ACME_EU in CI"_s;
}

void TestProfileStore::addIsValidated()
{
    QFETCH(CredentialProfile, profile);
    QFETCH(QString, error);
    ProfileStore store(settingsPath(), m_secrets.get());
    QCOMPARE(store.add(regionProfile()), QString());
    QSignalSpy added(&store, &ProfileStore::profileAdded);
    QCOMPARE(store.add(profile), error);
    QCOMPARE(added.count(), 0);
    QCOMPARE(store.profiles().size(), 1);
}

void TestProfileStore::updateReplacesTheEntry()
{
    ProfileStore store(settingsPath(), m_secrets.get());
    QSignalSpy updated(&store, &ProfileStore::profileUpdated);
    QCOMPARE(store.add(regionProfile()), QString());
    CredentialProfile changed{u"acme-eu"_s, CredentialTier::Tenant,     u"new-client"_s,
                              {},           u"acme.eu.qlikcloud.com"_s, {}};
    QCOMPARE(store.update(changed), QString());
    QCOMPARE(updated.count(), 1);
    QCOMPARE(*store.profile(u"acme-eu"_s), changed);

    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY2(!ini.contains("region="), ini.constData()); // the tier change dropped the region
    QVERIFY2(!ini.contains("label="), ini.constData());

    QCOMPARE(store.update(regionProfile(u"nobody"_s)), u"there is no profile named 'nobody'"_s);
    CredentialProfile invalid = changed;
    invalid.tenantHost = u"not a host"_s;
    QVERIFY(!store.update(invalid).isEmpty());
    QCOMPARE(updated.count(), 1);
}

void TestProfileStore::removeAlsoRemovesTheKeychainSecret()
{
    ProfileStore store(settingsPath(), m_secrets.get());
    QSignalSpy removed(&store, &ProfileStore::profileRemoved);
    QCOMPARE(store.add(regionProfile()), QString());
    QCOMPARE(store.add(regionProfile(u"keep"_s)), QString());
    QVERIFY(writeSecret(u"acme-eu"_s, u"region-secret"_s).ok());
    QVERIFY(writeSecret(u"keep"_s, u"other-secret"_s).ok());
    QCOMPARE(secretToolKeys(m_service), QStringList({u"oauth-client/acme-eu"_s, u"oauth-client/keep"_s}));

    QObject context;
    std::optional<SecretResult> result;
    QCOMPARE(store.remove(u"acme-eu"_s, &context, [&](const SecretResult &r) { result = r; }), QString());
    QCOMPARE(removed.count(), 1); // at once: the GUI can drop the row
    QVERIFY(!store.profile(u"acme-eu"_s));
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(secretToolKeys(m_service), QStringList({u"oauth-client/keep"_s}));
    QCOMPARE(readSecret(u"acme-eu"_s).status, Secrets::SecretStatus::NotFound);

    // A profile whose secret was never stored (CI: it comes from the environment) removes cleanly.
    QCOMPARE(store.add(regionProfile(u"ci-only"_s)), QString());
    result.reset();
    QCOMPARE(store.remove(u"ci-only"_s, &context, [&](const SecretResult &r) { result = r; }), QString());
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());

    result.reset();
    QCOMPARE(store.remove(u"keep"_s, &context, [&](const SecretResult &r) { result = r; }), QString());
    QTRY_VERIFY(result.has_value());
    QCOMPARE(secretToolKeys(m_service), QStringList());
}

void TestProfileStore::removeUnknownIsAnError()
{
    ProfileStore store(settingsPath(), m_secrets.get());
    bool called = false;
    QObject context;
    QCOMPARE(store.remove(u"nobody"_s, &context, [&](const SecretResult &) { called = true; }),
             u"there is no profile named 'nobody'"_s);
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestProfileStore::handEditedEntriesAreReportedNotLoaded()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"Tenantry"_s)));
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[profiles]\n"
               "good\\tier=region\ngood\\clientId=abc\ngood\\region=us\n"
               "weird\\tier=galaxy\nweird\\clientId=abc\n"
               "half\\tier=tenant\nhalf\\clientId=abc\n");
    file.close();
    ProfileStore store(settingsPath(), m_secrets.get());
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().at(0).name, u"good"_s);
    QCOMPARE(
        store.problems(),
        QStringList({settingsPath()
                         + u": profile 'half': tenant host '' is not a hostname such as "
                           "'acme.eu.qlikcloud.com'"_s,
                     settingsPath() + u": profile 'weird': tier 'galaxy' is not organization, region or tenant"_s}));
}

void TestProfileStore::settingsFileHoldsNoSecret()
{
    const QString secret = u"q9!region-secret-7c1e"_s;
    {
        ProfileStore store(settingsPath(), m_secrets.get());
        QCOMPARE(store.add(regionProfile()), QString());
        QVERIFY(writeSecret(u"acme-eu"_s, secret).ok());
        CredentialProfile relabelled = regionProfile();
        relabelled.label = u"relabelled"_s;
        QCOMPARE(store.update(relabelled), QString());
        QCOMPARE(readSecret(u"acme-eu"_s).secret, secret);
    }
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY2(ini.contains("clientId=7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"), ini.constData());
    QVERIFY(ini.contains("label=relabelled"));
    const QStringList leaks = filesContaining(m_dir->path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));

    ProfileStore store(settingsPath(), m_secrets.get());
    QObject context;
    std::optional<SecretResult> result;
    QCOMPARE(store.remove(u"acme-eu"_s, &context, [&](const SecretResult &r) { result = r; }), QString());
    QTRY_VERIFY(result.has_value());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
