#include "ctlrunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// tenantryctl credentials list | set | remove, against the test session's real Secret Service.
class TestCtlCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setStoresTheSecretInTheKeychain();
    void listShowsWhereEachSecretIs();
    void updateKeepsWhatIsNotGiven();
    void organizationProfilesNameTheirSubscriptions();
    void removeDeletesProfileAndSecret();
    void secretsNeverComeFromArguments_data();
    void secretsNeverComeFromArguments();
    void usageErrors_data();
    void usageErrors();
    void unavailableKeychainSavesNothing();
    void noSecretInAnyFileTenantryctlWrote();
    void idpSecretsLiveInTheKeychain();

private:
    [[nodiscard]] QString name(const char *suffix) const { return m_prefix + QString::fromLatin1(suffix); }
    [[nodiscard]] static QString keychainSecret(const QString &profile); // through secret-tool
    [[nodiscard]] static QString keychainItem(const QString &key);
    [[nodiscard]] static QJsonObject profileIn(const QJsonObject &list, const QString &name);

    QString m_prefix;
    std::unique_ptr<CtlRunner> m_ctl;
};

void TestCtlCredentials::init()
{
    // Profiles share the session keyring with parallel tests: a prefix keeps them apart.
    m_prefix = u"ctl%1-"_s.arg(QCoreApplication::applicationPid());
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
}

void TestCtlCredentials::cleanup()
{
    for (const char *suffix : {"acme", "org", "tenant", "ci"})
        m_ctl->run({u"credentials"_s, u"remove"_s, name(suffix)});
    m_ctl->run({u"idp-secret"_s, u"remove"_s, name("entra")});
}

QString TestCtlCredentials::keychainSecret(const QString &profile)
{
    return keychainItem(u"oauth-client/"_s + profile);
}

QString TestCtlCredentials::keychainItem(const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"Tenantry"_s, u"user"_s, key});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QJsonObject TestCtlCredentials::profileIn(const QJsonObject &list, const QString &name)
{
    const QJsonArray profiles = list.value(u"profiles"_s).toArray();
    for (const auto &profile : profiles) {
        if (profile.toObject().value(u"name"_s).toString() == name)
            return profile.toObject();
    }
    return {};
}

void TestCtlCredentials::setStoresTheSecretInTheKeychain()
{
    const CtlRunner::Result set
        = m_ctl->run({u"credentials"_s, u"set"_s, name("acme"), u"--tier"_s, u"region"_s, u"--client-id"_s,
                      u"7b2e4c1a9f3d"_s, u"--region"_s, u"EU"_s, u"--label"_s, u"Acme EU"_s},
                     "region-secret-1\n");
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(QString::fromUtf8(set.out),
             u"Added profile '%1' (region eu, client id 7b2e4c1a9f3d).\nStored its client secret in the OS keychain "
             "(Secret Service), service 'Tenantry', key 'oauth-client/%1'.\n"_s.arg(name("acme")));
    QCOMPARE(keychainSecret(name("acme")), u"region-secret-1"_s); // the line break is not part of it

    const CtlRunner::Result json = m_ctl->run({u"--json"_s, u"credentials"_s, u"set"_s, name("org"), u"--tier"_s,
                                               u"organization"_s, u"--client-id"_s, u"org-client"_s},
                                              "org-secret");
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject answer = json.json();
    QCOMPARE(answer.value(u"created"_s).toBool(), true);
    QCOMPARE(answer.value(u"profile"_s).toObject().value(u"tier"_s).toString(), u"organization"_s);
    const QJsonObject secret = answer.value(u"secret"_s).toObject();
    QCOMPARE(secret.value(u"storedIn"_s).toString(), u"keychain"_s);
    QCOMPARE(secret.value(u"service"_s).toString(), u"Tenantry"_s);
    QCOMPARE(secret.value(u"key"_s).toString(), u"oauth-client/"_s + name("org"));
    QCOMPARE(secret.value(u"environmentVariable"_s).toString(),
             u"TENANTRY_CLIENT_SECRET_CTL%1_ORG"_s.arg(QCoreApplication::applicationPid()));
    QCOMPARE(keychainSecret(name("org")), u"org-secret"_s);
}

void TestCtlCredentials::listShowsWhereEachSecretIs()
{
    QCOMPARE(
        m_ctl
            ->run({u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c1"_s, u"--region=eu"_s},
                  "s1\n")
            .exitCode,
        0);
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, name("tenant"), u"--tier=tenant"_s, u"--client-id=c2"_s,
                        u"--tenant=Acme.EU.qlikcloud.com"_s},
                       "s2\n")
                 .exitCode,
             0);
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, name("ci"), u"--tier=organization"_s, u"--client-id=c3"_s,
                        u"--no-secret"_s})
                 .exitCode,
             0);

    CtlRunner::Result list = m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QCOMPARE(profileIn(list.json(), name("acme")).value(u"secret"_s).toString(), u"keychain"_s);
    QCOMPARE(profileIn(list.json(), name("acme")).value(u"region"_s).toString(), u"eu"_s);
    QCOMPARE(profileIn(list.json(), name("tenant")).value(u"tenantHost"_s).toString(), u"acme.eu.qlikcloud.com"_s);
    QCOMPARE(profileIn(list.json(), name("ci")).value(u"secret"_s).toString(), u"missing"_s);
    QCOMPARE(list.json().value(u"profiles"_s).toArray().size(), 3);

    m_ctl->environment().insert(u"TENANTRY_CLIENT_SECRET_CTL%1_CI"_s.arg(QCoreApplication::applicationPid()),
                                u"from-ci"_s);
    list = m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s});
    QCOMPARE(profileIn(list.json(), name("ci")).value(u"secret"_s).toString(), u"environment"_s);

    // The table for people: a header and one aligned row per profile, sorted by name.
    const CtlRunner::Result table = m_ctl->run({u"credentials"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(u"NAME"_s), table.out.constData());
    QVERIFY(lines.at(1).startsWith(name("acme")));
    QVERIFY(lines.at(2).startsWith(name("ci")));
    QVERIFY(lines.at(2).contains(u"environment"_s));
    QCOMPARE(lines.at(0).indexOf(u"TIER"_s), lines.at(1).indexOf(u"region"_s));
    QVERIFY(!table.out.contains("from-ci"));
}

void TestCtlCredentials::updateKeepsWhatIsNotGiven()
{
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c1"_s,
                        u"--region=eu"_s, u"--label=first"_s},
                       "old-secret\n")
                 .exitCode,
             0);
    const CtlRunner::Result update
        = m_ctl->run({u"credentials"_s, u"set"_s, name("acme"), u"--label=second"_s}, "new-secret\n");
    QVERIFY2(update.exitCode == 0, update.err.constData());
    QVERIFY2(update.out.startsWith("Updated profile"), update.out.constData());
    QCOMPARE(keychainSecret(name("acme")), u"new-secret"_s);
    const QJsonObject profile = profileIn(m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s}).json(), name("acme"));
    QCOMPARE(profile.value(u"label"_s).toString(), u"second"_s);
    QCOMPARE(profile.value(u"clientId"_s).toString(), u"c1"_s);
    QCOMPARE(profile.value(u"region"_s).toString(), u"eu"_s);
}

void TestCtlCredentials::organizationProfilesNameTheirSubscriptions()
{
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, name("org"), u"--tier=organization"_s, u"--client-id=o"_s,
                        u"--subscription"_s, u"9876543210987654"_s, u"--subscription"_s, u"1234567890123456"_s,
                        u"--no-secret"_s})
                 .exitCode,
             0);
    QJsonObject profile = profileIn(m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s}).json(), name("org"));
    QCOMPARE(profile.value(u"subscriptionIds"_s).toArray(), (QJsonArray{u"9876543210987654"_s, u"1234567890123456"_s}));

    // Given again, the list is replaced; not given, it is kept.
    QCOMPARE(
        m_ctl->run({u"credentials"_s, u"set"_s, name("org"), u"--subscription=1111222233334444"_s, u"--no-secret"_s})
            .exitCode,
        0);
    QCOMPARE(m_ctl->run({u"credentials"_s, u"set"_s, name("org"), u"--label=renamed"_s, u"--no-secret"_s}).exitCode, 0);
    profile = profileIn(m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s}).json(), name("org"));
    QCOMPARE(profile.value(u"subscriptionIds"_s).toArray(), QJsonArray{u"1111222233334444"_s});

    const CtlRunner::Result region
        = m_ctl->run({u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c"_s,
                      u"--region=eu"_s, u"--subscription=1"_s, u"--no-secret"_s});
    QCOMPARE(region.exitCode, 2);
    QVERIFY2(region.err.contains("--subscription applies to organization profiles only"), region.err.constData());
    const CtlRunner::Result bad
        = m_ctl->run({u"credentials"_s, u"set"_s, name("org"), u"--subscription=not one"_s, u"--no-secret"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("subscription id 'not one' is not a subscription (license) number"), bad.err.constData());
}

void TestCtlCredentials::removeDeletesProfileAndSecret()
{
    QCOMPARE(
        m_ctl
            ->run({u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c1"_s, u"--region=eu"_s},
                  "s1\n")
            .exitCode,
        0);
    const CtlRunner::Result removed = m_ctl->run({u"credentials"_s, u"remove"_s, name("acme"), u"--json"_s});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(removed.json().value(u"removed"_s).toString(), name("acme"));
    QCOMPARE(keychainSecret(name("acme")), QString());
    QVERIFY(profileIn(m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s}).json(), name("acme")).isEmpty());

    const CtlRunner::Result again = m_ctl->run({u"credentials"_s, u"remove"_s, name("acme")});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.err, "tenantryctl: there is no profile named '" + name("acme").toUtf8() + "'\n");
}

void TestCtlCredentials::secretsNeverComeFromArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("--secret") << QStringList{u"--secret=abc"_s} << QByteArray("Unknown option 'secret'");
    QTest::newRow("--client-secret") << QStringList{u"--client-secret"_s, u"abc"_s}
                                     << QByteArray("Unknown option 'client-secret'");
    QTest::newRow("extra positional") << QStringList{u"abc"_s} << QByteArray("credentials set takes one profile NAME");
}

void TestCtlCredentials::secretsNeverComeFromArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const CtlRunner::Result result = m_ctl->run(
        QStringList{u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c1"_s, u"--region=eu"_s}
        + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(error), result.err.constData());
    QVERIFY(!result.err.contains("abc"));
    QCOMPARE(keychainSecret(name("acme")), QString());
}

void TestCtlCredentials::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("new profile without tier") << QStringList{u"--client-id=c"_s} << QByteArray("s\n")
                                              << QByteArray("a new profile needs --tier and --client-id");
    QTest::newRow("unknown tier") << QStringList{u"--tier=galaxy"_s, u"--client-id=c"_s} << QByteArray("s\n")
                                  << QByteArray("--tier must be organization, region or tenant, not 'galaxy'");
    QTest::newRow("region without region") << QStringList{u"--tier=region"_s, u"--client-id=c"_s} << QByteArray("s\n")
                                           << QByteArray("region '' is not a region id");
    QTest::newRow("tenant option on a region client")
        << QStringList{u"--tier=region"_s, u"--client-id=c"_s, u"--region=eu"_s, u"--tenant=a.eu.qlikcloud.com"_s}
        << QByteArray("s\n") << QByteArray("--tenant applies to tenant profiles only");
    QTest::newRow("no secret on stdin") << QStringList{u"--tier=region"_s, u"--client-id=c"_s, u"--region=eu"_s}
                                        << QByteArray() << QByteArray("no secret on standard input");
    QTest::newRow("two-line secret") << QStringList{u"--tier=region"_s, u"--client-id=c"_s, u"--region=eu"_s}
                                     << QByteArray("one\ntwo\n")
                                     << QByteArray("the secret on standard input has more than one line");
}

void TestCtlCredentials::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, error);
    const CtlRunner::Result result
        = m_ctl->run(QStringList{u"credentials"_s, u"set"_s, name("acme")} + arguments, input);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(error), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(keychainSecret(name("acme")), QString());
    QVERIFY(profileIn(m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s}).json(), name("acme")).isEmpty());
}

void TestCtlCredentials::unavailableKeychainSavesNothing()
{
    m_ctl->environment().insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_ctl->home() + u"/no-bus"_s);
    const QByteArray secret = "unreachable-keychain-secret";
    const CtlRunner::Result set = m_ctl->run(
        {u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s, u"--client-id=c1"_s, u"--region=eu"_s},
        secret + '\n');
    QCOMPARE(set.exitCode, 1);
    QVERIFY2(set.err.contains("tenantryctl: The OS keychain (Secret Service) is unavailable or locked"),
             set.err.constData());
    QVERIFY2(set.err.contains("The profile was not saved. (In CI, use --no-secret and set TENANTRY_CLIENT_SECRET_"),
             set.err.constData());
    QVERIFY(!set.err.contains(secret));
    QVERIFY(set.out.isEmpty());
    QVERIFY2(m_ctl->filesContaining(secret).isEmpty(), qPrintable(m_ctl->filesContaining(secret).join(u", "_s)));
    QVERIFY2(!m_ctl->files().contains(u".config/Tenantry/profiles.ini"_s), qPrintable(m_ctl->files().join(u", "_s)));

    // Listing still works; where the secrets are is then unknown, and says why.
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, name("ci"), u"--tier=organization"_s, u"--client-id=c3"_s,
                        u"--no-secret"_s})
                 .exitCode,
             0);
    const CtlRunner::Result list = m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(profileIn(list.json(), name("ci")).value(u"secret"_s).toString(), u"unknown"_s);
    QVERIFY2(list.err.contains("warning: The OS keychain (Secret Service) is unavailable or locked"),
             list.err.constData());
}

void TestCtlCredentials::noSecretInAnyFileTenantryctlWrote()
{
    const QByteArray secret = "Zq8v-leak-canary-31f5";
    QCOMPARE(m_ctl
                 ->run({u"--verbose"_s, u"credentials"_s, u"set"_s, name("acme"), u"--tier=region"_s,
                        u"--client-id=c1"_s, u"--region=eu"_s},
                       secret + '\n')
                 .exitCode,
             0);
    QCOMPARE(m_ctl->run({u"--verbose"_s, u"credentials"_s, u"list"_s}).exitCode, 0);
    QCOMPARE(m_ctl->run({u"--verbose"_s, u"credentials"_s, u"set"_s, name("acme"), u"--label=again"_s}, secret + "-2\n")
                 .exitCode,
             0);
    QCOMPARE(m_ctl->run({u"--verbose"_s, u"credentials"_s, u"remove"_s, name("acme")}).exitCode, 0);

    const QStringList files = m_ctl->files();
    QVERIFY2(files.contains(u".config/Tenantry/profiles.ini"_s), qPrintable(files.join(u", "_s)));
    QVERIFY2(files.contains(u".local/share/Tenantry/tenantryctl/logs/tenantryctl.log"_s),
             qPrintable(files.join(u", "_s)));
    QVERIFY(!m_ctl->filesContaining("oauth-client/" + name("acme").toUtf8()).isEmpty()); // the log did record
    QVERIFY2(m_ctl->filesContaining(secret).isEmpty(), qPrintable(m_ctl->filesContaining(secret).join(u", "_s)));
}

void TestCtlCredentials::idpSecretsLiveInTheKeychain()
{
    // What an "oidc-idp" step reads: oidc-client-secret/<entry>, from stdin only.
    const CtlRunner::Result set = m_ctl->run({u"idp-secret"_s, u"set"_s, name("entra")}, "entra-app-secret\n");
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(QString::fromUtf8(set.out),
             u"Stored the client secret '%1' in the OS keychain (Secret Service), service 'Tenantry', key "
             "'oidc-client-secret/%1'.\n"_s.arg(name("entra")));
    QCOMPARE(keychainItem(u"oidc-client-secret/"_s + name("entra")), u"entra-app-secret"_s);
    QCOMPARE(m_ctl->filesContaining("entra-app-secret"), QStringList());

    const CtlRunner::Result badName = m_ctl->run({u"idp-secret"_s, u"set"_s, u"a/b"_s}, "x\n");
    QCOMPARE(badName.exitCode, 2);
    QVERIFY2(badName.err.contains("\"a/b\" is not an entry name"), badName.err.constData());
    const CtlRunner::Result noInput = m_ctl->run({u"idp-secret"_s, u"set"_s, name("other")});
    QCOMPARE(noInput.exitCode, 2);
    QVERIFY2(noInput.err.contains("no secret on standard input"), noInput.err.constData());

    const CtlRunner::Result removed = m_ctl->run({u"--json"_s, u"idp-secret"_s, u"remove"_s, name("entra")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(removed.json().value(u"removed"_s).toString(), name("entra"));
    QCOMPARE(keychainItem(u"oidc-client-secret/"_s + name("entra")), QString());
}

QTEST_GUILESS_MAIN(TestCtlCredentials)
#include "tst_ctlcredentials.moc"
