#include "ctlrunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// tenantryctl credentials import-qlik-cli, against the test session's real Secret Service.
class TestCtlQlikCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsTheDefaultFileAsATable();
    void jsonReportIsStable();
    void reimportIsANoOpAndOverwriteReplaces();
    void badFileExitsOneAndWritesNothing_data();
    void badFileExitsOneAndWritesNothing();
    void usageErrors_data();
    void usageErrors();
    void unavailableKeychainSavesNothing();
    void noSecretInAnyFileOrOutput();

private:
    [[nodiscard]] QString name(const char *suffix) const { return m_prefix + QString::fromLatin1(suffix); }
    [[nodiscard]] QByteArray contexts(const QByteArray &acmeSecret = "acme-ctl-secret-never-in-files") const;
    [[nodiscard]] QString writeFile(const QString &relativePath, const QByteArray &content) const;
    [[nodiscard]] static QString keychainSecret(const QString &profile);
    [[nodiscard]] QStringList filesWithSecret(const QByteArray &secret) const; // the qlik-cli file aside

    QString m_prefix;
    std::unique_ptr<CtlRunner> m_ctl;
};

void TestCtlQlikCli::init()
{
    // The session keyring is shared with parallel tests: a prefix keeps these profiles apart.
    m_prefix = u"qcli%1-"_s.arg(QCoreApplication::applicationPid());
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
}

void TestCtlQlikCli::cleanup()
{
    for (const char *suffix : {"acme", "globex"})
        m_ctl->run({u"credentials"_s, u"remove"_s, name(suffix)});
}

QByteArray TestCtlQlikCli::contexts(const QByteArray &acmeSecret) const
{
    return "current-context: " + name("acme").toUtf8() + "\ncontexts:\n  " + name("acme").toUtf8()
        + ":\n    server: https://acme.eu.qlikcloud.com\n    comment: Acme\n    oauth-client-id: acme-client\n"
          "    oauth-client-secret: "
        + acmeSecret + "\n  " + name("globex").toUtf8()
        + ":\n    server: globex.us.qlikcloud.com\n    oauth-client-id: globex-client\n"
          "    oauth-client-secret: globex-ctl-secret-never-in-files\n  "
        + name("key").toUtf8()
        + ":\n    server: https://acme.eu.qlikcloud.com\n    headers:\n      Authorization: Bearer "
          "api-key-ctl-never-in-files\n";
}

QString TestCtlQlikCli::writeFile(const QString &relativePath, const QByteArray &content) const
{
    QString path = m_ctl->home() + u'/' + relativePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return {};
    return path;
}

QString TestCtlQlikCli::keychainSecret(const QString &profile)
{
    QProcess process;
    process.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"Tenantry"_s, u"user"_s, u"oauth-client/"_s + profile});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList TestCtlQlikCli::filesWithSecret(const QByteArray &secret) const
{
    QStringList files = m_ctl->filesContaining(secret);
    files.removeIf([](const QString &file) { return file.endsWith(u"/contexts.yml"_s); });
    return files;
}

void TestCtlQlikCli::importsTheDefaultFileAsATable()
{
    const QString path = writeFile(u".qlik/contexts.yml"_s, contexts());
    const CtlRunner::Result result = m_ctl->run({u"credentials"_s, u"import-qlik-cli"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n');
    QVERIFY2(lines.size() >= 7, result.out.constData());
    QVERIFY2(lines.at(0).startsWith(u"CONTEXT"_s), result.out.constData());
    QCOMPARE(lines.at(0).indexOf(u"RESULT"_s), lines.at(1).indexOf(u"imported"_s));
    QVERIFY(lines.at(1).startsWith(name("acme") + u"  "_s));
    QVERIFY(lines.at(1).contains(u"tenant"_s) && lines.at(1).contains(u"acme.eu.qlikcloud.com"_s));
    QVERIFY(lines.at(2).startsWith(name("globex")) && lines.at(2).contains(u"imported"_s));
    QVERIFY(lines.at(3).startsWith(name("key")) && lines.at(3).contains(u"refused"_s));
    QVERIFY(lines.at(3).contains(u"'headers' holds an API key"_s));
    QCOMPARE(lines.at(4), QString());
    QCOMPARE(lines.at(5),
             u"2 imported, 0 updated, 0 unchanged, 0 skipped, 1 refused, 0 failed. Secrets are in the OS keychain "
             "(Secret Service), service 'Tenantry', key 'oauth-client/<profile>'."_s);
    QCOMPARE(lines.at(6),
             u"Reminder: %1 still holds 3 contexts' secrets in plain text: Tenantry keeps its copies "
             "only in the OS keychain, but qlik-cli reads that file, so delete the contexts you no longer "
             "use with 'qlik context rm' (or the file itself) and keep it readable by you alone."_s.arg(path));

    QCOMPARE(keychainSecret(name("acme")), u"acme-ctl-secret-never-in-files"_s);
    QCOMPARE(keychainSecret(name("globex")), u"globex-ctl-secret-never-in-files"_s);
    QCOMPARE(keychainSecret(name("key")), QString());
    const CtlRunner::Result list = m_ctl->run({u"credentials"_s, u"list"_s, u"--json"_s});
    const QJsonArray profiles = list.json().value(u"profiles"_s).toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value(u"secret"_s).toString(), u"keychain"_s);
    QCOMPARE(profiles.at(0).toObject().value(u"label"_s).toString(), u"Acme"_s);
}

void TestCtlQlikCli::jsonReportIsStable()
{
    const QString path = writeFile(u"elsewhere/contexts.yml"_s, contexts());
    const CtlRunner::Result result = m_ctl->run({u"--json"_s, u"credentials"_s, u"import-qlik-cli"_s, path});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject report = result.json();
    QCOMPARE(report.keys(),
             QStringList({u"contexts"_s, u"counts"_s, u"file"_s, u"plaintextSecretsRemain"_s, u"reminder"_s}));
    QCOMPARE(report.value(u"file"_s).toString(), path);
    QCOMPARE(report.value(u"plaintextSecretsRemain"_s).toInt(), 3);
    QVERIFY(report.value(u"reminder"_s).toString().startsWith(path + u" still holds 3 contexts' secrets"_s));
    QCOMPARE(report.value(u"counts"_s).toObject(),
             (QJsonObject{{u"imported"_s, 2},
                          {u"updated"_s, 0},
                          {u"unchanged"_s, 0},
                          {u"skipped"_s, 0},
                          {u"refused"_s, 1},
                          {u"failed"_s, 0}}));
    const QJsonArray entries = report.value(u"contexts"_s).toArray();
    QCOMPARE(entries.size(), 3);
    const QJsonObject acme = entries.at(0).toObject();
    QCOMPARE(acme.keys(), QStringList({u"context"_s, u"current"_s, u"detail"_s, u"line"_s, u"profile"_s, u"result"_s}));
    QCOMPARE(acme.value(u"context"_s).toString(), name("acme"));
    QCOMPARE(acme.value(u"line"_s).toInt(), 3);
    QCOMPARE(acme.value(u"current"_s).toBool(), true);
    QCOMPARE(acme.value(u"result"_s).toString(), u"imported"_s);
    QCOMPARE(acme.value(u"profile"_s).toObject(),
             (QJsonObject{{u"name"_s, name("acme")},
                          {u"tier"_s, u"tenant"_s},
                          {u"clientId"_s, u"acme-client"_s},
                          {u"label"_s, u"Acme"_s},
                          {u"tenantHost"_s, u"acme.eu.qlikcloud.com"_s}}));
    const QJsonObject key = entries.at(2).toObject();
    QCOMPARE(key.value(u"result"_s).toString(), u"refused"_s);
    QVERIFY(!key.contains(u"profile"_s));
    QVERIFY(key.value(u"detail"_s)
                .toString()
                .startsWith(u"context '%1' (line 12): 'headers' holds an API key"_s.arg(name("key"))));
}

void TestCtlQlikCli::reimportIsANoOpAndOverwriteReplaces()
{
    const QString path = writeFile(u"contexts.yml"_s, contexts());
    QCOMPARE(m_ctl->run({u"credentials"_s, u"import-qlik-cli"_s, path}).exitCode, 0);
    const auto counts = [&](const QStringList &extra) {
        const CtlRunner::Result run
            = m_ctl->run(QStringList{u"credentials"_s, u"import-qlik-cli"_s, path, u"--json"_s} + extra);
        return std::make_pair(run.exitCode, run.json().value(u"counts"_s).toObject());
    };
    auto [exitCode, again] = counts({});
    QCOMPARE(exitCode, 0);
    QCOMPARE(again.value(u"unchanged"_s).toInt(), 2);
    QCOMPARE(again.value(u"imported"_s).toInt() + again.value(u"updated"_s).toInt(), 0);

    QCOMPARE(writeFile(u"contexts.yml"_s, contexts("acme-ctl-rotated-never-in-files")), path);
    std::tie(exitCode, again) = counts({});
    QCOMPARE(exitCode, 0); // a skipped context is a normal outcome, reported
    QCOMPARE(again.value(u"skipped"_s).toInt(), 1);
    QCOMPARE(keychainSecret(name("acme")), u"acme-ctl-secret-never-in-files"_s);
    std::tie(exitCode, again) = counts({u"--overwrite"_s});
    QCOMPARE(exitCode, 0);
    QCOMPARE(again.value(u"updated"_s).toInt(), 1);
    QCOMPARE(keychainSecret(name("acme")), u"acme-ctl-rotated-never-in-files"_s);
}

void TestCtlQlikCli::badFileExitsOneAndWritesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << QByteArray("contexts:\n  a:\n    server: x\n  - b\n")
                            << u":4:3: not valid YAML: end of map not found"_s;
    QTest::newRow("wrong type") << QByteArray("contexts:\n  a:\n    oauth-client-id: {x: 1}\n")
                                << u":3:22: context 'a': 'oauth-client-id' must be text, not a map"_s;
    QTest::newRow("missing") << QByteArray()
                             << u": no such file (qlik-cli keeps its contexts in ~/.qlik/contexts.yml)"_s;
}

void TestCtlQlikCli::badFileExitsOneAndWritesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = content.isEmpty() ? m_ctl->home() + u"/absent.yml"_s : writeFile(u"bad.yml"_s, content);
    for (const bool json : {false, true}) {
        QStringList arguments{u"credentials"_s, u"import-qlik-cli"_s, path};
        if (json)
            arguments << u"--json"_s;
        const CtlRunner::Result result = m_ctl->run(arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(QString::fromUtf8(result.err), u"tenantryctl: "_s + path + message + u" Nothing was imported.\n"_s);
    }
    QVERIFY2(!m_ctl->files().contains(u".config/Tenantry/profiles.ini"_s), qPrintable(m_ctl->files().join(u", "_s)));
}

void TestCtlQlikCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("two files") << QStringList{u"a.yml"_s, u"b.yml"_s}
                               << u"credentials import-qlik-cli takes at most one FILE"_s;
    QTest::newRow("unknown option") << QStringList{u"--force"_s} << u"Unknown option 'force'"_s;
}

void TestCtlQlikCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CtlRunner::Result result = m_ctl->run(QStringList{u"credentials"_s, u"import-qlik-cli"_s} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(m_ctl->files().isEmpty() || !m_ctl->files().contains(u".config/Tenantry/profiles.ini"_s));
}

void TestCtlQlikCli::unavailableKeychainSavesNothing()
{
    const QString path = writeFile(u"contexts.yml"_s, contexts());
    m_ctl->environment().insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_ctl->home() + u"/no-bus"_s);
    const CtlRunner::Result result = m_ctl->run({u"credentials"_s, u"import-qlik-cli"_s, path, u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject counts = result.json().value(u"counts"_s).toObject();
    QCOMPARE(counts.value(u"failed"_s).toInt(), 2);
    QCOMPARE(counts.value(u"refused"_s).toInt(), 1);
    const QJsonObject acme = result.json().value(u"contexts"_s).toArray().at(0).toObject();
    QVERIFY2(
        acme.value(u"detail"_s).toString().startsWith(u"The OS keychain (Secret Service) is unavailable or locked"_s),
        qPrintable(acme.value(u"detail"_s).toString()));
    QVERIFY2(result.err.contains("tenantryctl: 2 of 3 contexts could not be imported"), result.err.constData());
    QVERIFY2(!m_ctl->files().contains(u".config/Tenantry/profiles.ini"_s), qPrintable(m_ctl->files().join(u", "_s)));
    QVERIFY(filesWithSecret("acme-ctl-secret-never-in-files").isEmpty());
}

void TestCtlQlikCli::noSecretInAnyFileOrOutput()
{
    const QString path = writeFile(u".qlik/contexts.yml"_s, contexts());
    CtlRunner::Result result = m_ctl->run({u"--verbose"_s, u"credentials"_s, u"import-qlik-cli"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(writeFile(u".qlik/contexts.yml"_s, contexts("acme-ctl-rotated-never-in-files")), path);
    const CtlRunner::Result skipped = m_ctl->run({u"--verbose"_s, u"credentials"_s, u"import-qlik-cli"_s, u"--json"_s});
    QCOMPARE(skipped.exitCode, 0);
    // The run did write files (profiles, the log); none holds a secret, nor does any output.
    QVERIFY2(m_ctl->files().contains(u".config/Tenantry/profiles.ini"_s), qPrintable(m_ctl->files().join(u", "_s)));
    QVERIFY2(!m_ctl->filesContaining("tenantry.qlikcli").isEmpty(), qPrintable(m_ctl->files().join(u", "_s)));
    for (const QByteArray secret : {"acme-ctl-secret-never-in-files", "acme-ctl-rotated-never-in-files",
                                    "globex-ctl-secret-never-in-files", "api-key-ctl-never-in-files"}) {
        QVERIFY2(filesWithSecret(secret).isEmpty(), qPrintable(filesWithSecret(secret).join(u", "_s)));
        for (const CtlRunner::Result &run : {result, skipped})
            QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
    }
}

QTEST_GUILESS_MAIN(TestCtlQlikCli)
#include "tst_ctlqlikcli.moc"
