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
    void appsMatchTheSandbox();
    void appsOfOneSpace();
    void tenantsComeFromTheOrganizationApi();
    void tenantsFilteredByRegionAndText();
    void inventoryMergesWithTheOrganizationApi();
    void subscriptionsCanBeNamed();
    void anOrganizationProfileNeedsASubscription();
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

void TestCtlSandbox::appsMatchTheSandbox()
{
    const CtlRunner::Result result = ctl({u"apps"_s, u"list"_s, u"--tenant"_s, m_source, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray apps = result.json().value(u"apps"_s).toArray();
    const QJsonObject tenant = tenantState(m_source);
    const QJsonArray truth = tenant.value(u"apps"_s).toArray();
    QCOMPARE(apps.size(), truth.size());
    QCOMPARE(values(apps, u"id"_s), values(truth, u"id"_s));
    QCOMPARE(values(apps, u"name"_s), values(truth, u"name"_s));
    QHash<QString, QString> spaceNames;
    for (const auto &space : tenant.value(u"spaces"_s).toArray())
        spaceNames.insert(space[u"id"_s].toString(), space[u"name"_s].toString());
    for (const auto &app : apps) {
        for (const auto &expected : truth) {
            if (expected[u"id"_s] != app[u"id"_s])
                continue;
            QCOMPARE(app[u"spaceId"_s].toString(), expected[u"spaceId"_s].toString());
            QCOMPARE(app[u"spaceName"_s].toString(), spaceNames.value(expected[u"spaceId"_s].toString()));
            QCOMPARE(app[u"ownerId"_s].toString(), expected[u"ownerId"_s].toString());
            QCOMPARE(app[u"itemId"_s].toString(), expected[u"itemId"_s].toString());
        }
    }
}

void TestCtlSandbox::appsOfOneSpace()
{
    const QJsonObject tenant = tenantState(m_source);
    QString stagingId;
    for (const auto &space : tenant.value(u"spaces"_s).toArray()) {
        if (space[u"name"_s].toString() == "Staging"_L1)
            stagingId = space[u"id"_s].toString();
    }
    QVERIFY(!stagingId.isEmpty());
    QSet<QString> expected;
    for (const auto &app : tenant.value(u"apps"_s).toArray()) {
        if (app[u"spaceId"_s].toString() == stagingId)
            expected.insert(app[u"id"_s].toString());
    }

    const CtlRunner::Result result
        = ctl({u"apps"_s, u"list"_s, u"--tenant"_s, m_source, u"--space"_s, u"staging"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(values(result.json().value(u"apps"_s).toArray(), u"id"_s), expected);
    QCOMPARE(result.json().value(u"space"_s).toObject().value(u"id"_s).toString(), stagingId);

    const CtlRunner::Result missing = ctl({u"apps"_s, u"list"_s, u"--tenant"_s, m_source, u"--space"_s, u"Nope"_s});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, "tenantryctl: there is no space named 'Nope' on " + m_source.toUtf8() + "\n");
}

void TestCtlSandbox::tenantsComeFromTheOrganizationApi()
{
    const CtlRunner::Result result = ctl({u"tenants"_s, u"list"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject answer = result.json();
    QVERIFY(answer.value(u"organizationApi"_s).toObject().value(u"used"_s).toBool());
    const QJsonArray tenants = answer.value(u"tenants"_s).toArray();
    QUrlQuery noContent;
    noContent.addQueryItem(u"content"_s, u"false"_s);
    const QJsonArray truth = m_sandbox->state(noContent).value(u"tenants"_s).toArray();
    QVERIFY(truth.size() > 5);
    QCOMPARE(answer.value(u"count"_s).toInt(), truth.size());
    QCOMPARE(values(tenants, u"id"_s), values(truth, u"id"_s));
    for (const auto &tenant : tenants) {
        for (const auto &expected : truth) {
            if (expected[u"id"_s] != tenant[u"id"_s])
                continue;
            QCOMPARE(tenant[u"region"_s].toString(), expected[u"region"_s].toString());
            QCOMPARE(tenant[u"hostnames"_s].toArray(), expected[u"hostnames"_s].toArray());
            QCOMPARE(tenant[u"status"_s].toString(), expected[u"status"_s].toString());
            QCOMPARE(tenant[u"sources"_s].toArray(), QJsonArray{u"organization"_s});
        }
    }
}

void TestCtlSandbox::tenantsFilteredByRegionAndText()
{
    QUrlQuery noContent;
    noContent.addQueryItem(u"content"_s, u"false"_s);
    const QJsonArray truth = m_sandbox->state(noContent).value(u"tenants"_s).toArray();
    QSet<QString> inUs;
    for (const auto &tenant : truth) {
        if (tenant[u"region"_s].toString() == "us"_L1)
            inUs.insert(tenant[u"id"_s].toString());
    }
    QVERIFY(!inUs.isEmpty());
    const CtlRunner::Result us = ctl({u"tenants"_s, u"list"_s, u"--region"_s, u"us"_s, u"--json"_s});
    QVERIFY2(us.exitCode == 0, us.err.constData());
    QCOMPARE(values(us.json().value(u"tenants"_s).toArray(), u"id"_s), inUs);

    const CtlRunner::Result text = ctl({u"tenants"_s, u"list"_s, u"--filter"_s, u"ACME-SOURCE"_s, u"--json"_s});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QJsonArray found = text.json().value(u"tenants"_s).toArray();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()[u"hostname"_s].toString(), m_source);
}

void TestCtlSandbox::inventoryMergesWithTheOrganizationApi()
{
    QCOMPARE(m_ctl->run({u"tenants"_s, u"add"_s, m_source, u"--label"_s, u"our source"_s}).exitCode, 0);
    QCOMPARE(m_ctl->run({u"tenants"_s, u"add"_s, u"elsewhere.de.qlikcloud.com"_s}).exitCode, 0);

    const CtlRunner::Result result = ctl({u"tenants"_s, u"list"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QJsonObject source;
    QJsonObject elsewhere;
    for (const auto &tenant : result.json().value(u"tenants"_s).toArray()) {
        if (tenant[u"hostname"_s].toString() == m_source)
            source = tenant.toObject();
        if (tenant[u"hostname"_s].toString() == "elsewhere.de.qlikcloud.com"_L1)
            elsewhere = tenant.toObject();
    }
    QCOMPARE(source.value(u"sources"_s).toArray(), (QJsonArray{u"organization"_s, u"inventory"_s}));
    QCOMPARE(source.value(u"label"_s).toString(), u"our source"_s);
    QCOMPARE(elsewhere.value(u"sources"_s).toArray(), QJsonArray{u"inventory"_s});
    QCOMPARE(elsewhere.value(u"region"_s).toString(), u"de"_s);

    const CtlRunner::Result de = ctl({u"tenants"_s, u"list"_s, u"--region"_s, u"de"_s, u"--json"_s});
    QVERIFY(values(de.json().value(u"tenants"_s).toArray(), u"hostname"_s).contains(u"elsewhere.de.qlikcloud.com"_s));
    QVERIFY(!values(de.json().value(u"tenants"_s).toArray(), u"hostname"_s).contains(m_source));

    QCOMPARE(m_ctl->run({u"tenants"_s, u"remove"_s, u"elsewhere.de.qlikcloud.com"_s}).exitCode, 0);
    QCOMPARE(m_ctl->run({u"tenants"_s, u"remove"_s, u"elsewhere.de.qlikcloud.com"_s}).exitCode, 1);
}

void TestCtlSandbox::subscriptionsCanBeNamed()
{
    QUrlQuery noContent;
    noContent.addQueryItem(u"content"_s, u"false"_s);
    const QJsonObject state = m_sandbox->state(noContent);
    const QJsonArray subscriptions = state.value(u"subscriptions"_s).toArray();
    QVERIFY(!subscriptions.isEmpty());
    const QString subscription = subscriptions.first()[u"id"_s].toString();
    QSet<QString> expected;
    for (const auto &tenant : state.value(u"tenants"_s).toArray()) {
        if (tenant[u"subscriptionId"_s].toString() == subscription)
            expected.insert(tenant[u"id"_s].toString());
    }

    const CtlRunner::Result named = ctl({u"tenants"_s, u"list"_s, u"--subscription"_s, subscription, u"--json"_s});
    QVERIFY2(named.exitCode == 0, named.err.constData());
    QCOMPARE(values(named.json().value(u"tenants"_s).toArray(), u"id"_s), expected);
    QCOMPARE(named.json().value(u"organizationApi"_s).toObject().value(u"subscriptionIds"_s).toArray(),
             QJsonArray{subscription});

    const CtlRunner::Result other
        = ctl({u"tenants"_s, u"list"_s, u"--subscription"_s, u"0000000000000000"_s, u"--json"_s});
    QVERIFY2(other.exitCode == 0, other.err.constData());
    QCOMPARE(other.json().value(u"count"_s).toInt(), 0);
}

void TestCtlSandbox::anOrganizationProfileNeedsASubscription()
{
    // Against the real cloud (no --sandbox-url): the organization API cannot be asked without a
    // subscription, so nothing is sent and the command says what to do.
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, u"org"_s, u"--tier=organization"_s, u"--client-id=c"_s,
                        u"--no-secret"_s})
                 .exitCode,
             0);
    const CtlRunner::Result result = m_ctl->run({u"tenants"_s, u"list"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("the organization profile 'org' names no subscription: add one with 'tenantryctl "
                                 "credentials set org --subscription ID'"),
             result.err.constData());
    QCOMPARE(result.json().value(u"organizationApi"_s).toObject().value(u"used"_s).toBool(), false);
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
