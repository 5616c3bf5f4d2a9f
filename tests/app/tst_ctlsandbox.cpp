#include "ctlrunner.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// tenantryctl's network commands against the real tenantry-sandbox process (seed "demo"): every
// answer is compared with the sandbox's own /__sandbox/state.
class TestCtlSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void spacesMatchTheSandbox();
    void usersMatchTheSandbox();
    void botsAreTheClientIdentities();
    void humanOutputIsAnAlignedTable();
    void usageErrors_data();
    void usageErrors();
    void failuresExitOne();
    void withoutCredentialsTheRealCloudIsNotContacted();

private:
    [[nodiscard]] CtlRunner::Result ctl(const QStringList &arguments) const;
    [[nodiscard]] QJsonObject tenantState(const QString &host);
    [[nodiscard]] static QSet<QString> values(const QJsonArray &array, const QString &key);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
    const QString m_source = u"acme-source.eu.qlikcloud.com"_s;
};

void TestCtlSandbox::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{u"--seed"_s, u"demo"_s, u"--port"_s, u"0"_s});
    QVERIFY2(m_sandbox->isRunning(), m_sandbox->errorOutput().constData());
}

void TestCtlSandbox::init()
{
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
}

void TestCtlSandbox::cleanupTestCase()
{
    m_sandbox.reset();
}

CtlRunner::Result TestCtlSandbox::ctl(const QStringList &arguments) const
{
    return m_ctl->run(QStringList{u"--sandbox-url"_s, m_sandbox->urlText()} + arguments);
}

QJsonObject TestCtlSandbox::tenantState(const QString &host)
{
    QUrlQuery query;
    query.addQueryItem(u"tenant"_s, host);
    return m_sandbox->state(query).value(u"tenants"_s).toArray().first().toObject();
}

QSet<QString> TestCtlSandbox::values(const QJsonArray &array, const QString &key)
{
    QSet<QString> set;
    for (const auto &value : array)
        set.insert(value.toObject().value(key).toString());
    return set;
}

void TestCtlSandbox::spacesMatchTheSandbox()
{
    const CtlRunner::Result result = ctl({u"spaces"_s, u"list"_s, u"--tenant"_s, m_source, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject answer = result.json();
    QCOMPARE(answer.value(u"tenant"_s).toString(), m_source);
    const QJsonArray spaces = answer.value(u"spaces"_s).toArray();
    const QJsonArray truth = tenantState(m_source).value(u"spaces"_s).toArray();
    QVERIFY(!truth.isEmpty());
    QCOMPARE(values(spaces, u"id"_s), values(truth, u"id"_s));
    QCOMPARE(values(spaces, u"name"_s), values(truth, u"name"_s));
    for (const auto &space : spaces) {
        for (const auto &expected : truth) {
            if (expected[u"id"_s] == space[u"id"_s]) {
                QCOMPARE(space[u"type"_s].toString(), expected[u"type"_s].toString());
                QCOMPARE(space[u"ownerId"_s].toString(), expected[u"ownerId"_s].toString());
            }
        }
    }
    QCOMPARE(spaces.first()[u"name"_s].toString(), u"Production"_s); // sorted by name
}

void TestCtlSandbox::usersMatchTheSandbox()
{
    const CtlRunner::Result result = ctl({u"users"_s, u"list"_s, u"--tenant"_s, m_source, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray users = result.json().value(u"users"_s).toArray();
    // Read after the command: its token created the region client's bot user, which it listed.
    const QJsonArray truth = tenantState(m_source).value(u"users"_s).toArray();
    QCOMPARE(values(users, u"id"_s), values(truth, u"id"_s));
    QCOMPARE(values(users, u"subject"_s), values(truth, u"subject"_s));
    QVERIFY(values(users, u"subject"_s).contains(u"qlikbot\\sandbox-region-eu"_s));
}

void TestCtlSandbox::botsAreTheClientIdentities()
{
    const CtlRunner::Result result = ctl({u"users"_s, u"list"_s, u"--tenant"_s, m_source, u"--bots"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray bots = result.json().value(u"users"_s).toArray();
    QSet<QString> expected;
    for (const auto &user : tenantState(m_source).value(u"users"_s).toArray()) {
        if (!user[u"clientId"_s].toString().isEmpty())
            expected.insert(user[u"id"_s].toString());
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(values(bots, u"id"_s), expected);
    for (const auto &bot : bots) {
        QVERIFY(bot[u"bot"_s].toBool());
        QCOMPARE(bot[u"subject"_s].toString(), u"qlikbot\\"_s + bot[u"clientId"_s].toString());
    }
}

void TestCtlSandbox::humanOutputIsAnAlignedTable()
{
    const CtlRunner::Result result = ctl({u"spaces"_s, u"list"_s, u"--tenant"_s, m_source});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + tenantState(m_source).value(u"spaces"_s).toArray().size());
    QVERIFY2(lines.at(0).startsWith(u"NAME "_s), result.out.constData());
    const qsizetype typeColumn = lines.at(0).indexOf(u"TYPE"_s);
    for (const QString &line : lines.mid(1)) {
        QVERIFY2(line.mid(typeColumn).startsWith(u"shared"_s) || line.mid(typeColumn).startsWith(u"managed"_s)
                     || line.mid(typeColumn).startsWith(u"data"_s),
                 qPrintable(line));
        QVERIFY(!line.endsWith(u' '));
    }
    QVERIFY(result.err.isEmpty());
}

void TestCtlSandbox::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("no --tenant") << QStringList{u"spaces"_s, u"list"_s} << QByteArray("--tenant HOST is required");
    QTest::newRow("register host") << QStringList{u"apps"_s, u"list"_s, u"--tenant"_s, u"register.eu.qlikcloud.com"_s}
                                   << QByteArray("is the register host, not a tenant");
    QTest::newRow("a URL") << QStringList{u"users"_s, u"list"_s, u"--tenant"_s, u"https://acme.eu.qlikcloud.com/"_s}
                           << QByteArray("--tenant: ");
    QTest::newRow("unknown region") << QStringList{u"tenants"_s, u"list"_s, u"--region"_s, u"moon"_s}
                                    << QByteArray("--region: unknown region 'moon'");
    QTest::newRow("stray argument") << QStringList{u"spaces"_s, u"list"_s, u"extra"_s, u"--tenant"_s,
                                                   u"a.eu.qlikcloud.com"_s}
                                    << QByteArray("unexpected argument 'extra'");
    QTest::newRow("unknown action") << QStringList{u"spaces"_s, u"delete"_s}
                                    << QByteArray("unknown action 'spaces delete'");
    QTest::newRow("unknown option") << QStringList{u"users"_s, u"list"_s, u"--robots"_s}
                                    << QByteArray("Unknown option 'robots'");
    QTest::newRow("empty --space") << QStringList{u"apps"_s,    u"list"_s, u"--tenant"_s, u"a.eu.qlikcloud.com"_s,
                                                  u"--space"_s, u" "_s}
                                   << QByteArray("--space needs a space name");
}

void TestCtlSandbox::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const CtlRunner::Result result = ctl(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(error), result.err.constData());
    QVERIFY(result.out.isEmpty());

    // A sandbox URL that would leave loopback in plain http is refused before anything is sent.
    const CtlRunner::Result badUrl
        = m_ctl->run({u"--sandbox-url"_s, u"http://192.0.2.1:8080"_s, u"spaces"_s, u"list"_s, u"--tenant"_s, m_source});
    QCOMPARE(badUrl.exitCode, 2);
    QVERIFY2(badUrl.err.contains("--sandbox-url: "), badUrl.err.constData());
}

void TestCtlSandbox::failuresExitOne()
{
    const CtlRunner::Result unknown = ctl({u"spaces"_s, u"list"_s, u"--tenant"_s, u"nobody.eu.qlikcloud.com"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("nobody.eu.qlikcloud.com"), unknown.err.constData());
    QVERIFY(unknown.out.isEmpty());

    // Nothing listens there: a network error, reported once, exit 1.
    QString url;
    {
        SandboxProcess stopped({u"--seed"_s, u"empty"_s, u"--port"_s, u"0"_s});
        QVERIFY(stopped.isRunning());
        url = stopped.urlText();
    }
    const CtlRunner::Result refused
        = m_ctl->run({u"--sandbox-url"_s, url, u"spaces"_s, u"list"_s, u"--tenant"_s, m_source});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("tenantryctl: POST https://acme-source.eu.qlikcloud.com/oauth/token: network error"),
             refused.err.constData());
    QVERIFY(refused.out.isEmpty());
}

void TestCtlSandbox::withoutCredentialsTheRealCloudIsNotContacted()
{
    // No --sandbox-url and no profiles: nothing can be authenticated, so nothing is sent.
    const CtlRunner::Result spaces = m_ctl->run({u"spaces"_s, u"list"_s, u"--tenant"_s, u"acme.eu.qlikcloud.com"_s});
    QCOMPARE(spaces.exitCode, 1);
    QVERIFY2(spaces.err.contains("no region client for region 'eu'"), spaces.err.constData());

    const CtlRunner::Result tenants = m_ctl->run({u"tenants"_s, u"list"_s, u"--json"_s});
    QCOMPARE(tenants.exitCode, 0);
    QCOMPARE(tenants.json().value(u"organizationApi"_s).toObject().value(u"used"_s).toBool(), false);
    QVERIFY2(tenants.err.contains("no organization client configured"), tenants.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlSandbox)
#include "tst_ctlsandbox.moc"
