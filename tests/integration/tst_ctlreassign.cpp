// tenantryctl ownership reassign against the sandbox (issue 8): what an orphaned bot owns moves to
// the new owner through each resource type's own endpoint (FACTS §11.2), with the space membership
// the new owner needs added first; a re-run changes nothing, and faults on the owner-change calls
// (5xx, resets, lost answers) converge without losing or moving anything twice. `ownership delete`
// removes the same content through each type's DELETE, only with --yes, and converges likewise.
#include "app/ctlrunner.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestCtlReassign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void recreatedClientContentMovesToItsSuccessor();
    void seededOrphanMovesToTheActiveBot();
    void faultsConverge();
    void usageErrors();
    void orphanContentIsDeleted();
    void deleteFaultsConverge();

private:
    CtlRunner::Result ctl(const QStringList &arguments);
    // "type id" of everything the state says `ownerId` owns on the tenant.
    [[nodiscard]] QSet<QString> ownedInState(const QString &host, const QString &ownerId);
    // Every entity id of the kinds that can change owner, whoever owns them.
    [[nodiscard]] QSet<QString> everythingInState(const QString &host);
    [[nodiscard]] QString userIdOf(const QString &host, const QString &subject);
    // Requests that change something (not GET, not tokens), per "<METHOD> <spec path>", from the state.
    [[nodiscard]] QHash<QString, qint64> mutatingRequests();
    // How often each resource changed owner, from the tenant's audit events.
    [[nodiscard]] QHash<QString, int> ownerChanges(const QString &host);
    [[nodiscard]] static QString regionBot(const QString &host);
    // Everything the tenant's bots other than `keepBotId` own, from the state.
    [[nodiscard]] QSet<QString> ownedByOtherBots(const QString &host, const QString &keepBotId);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
};

void TestCtlReassign::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCtlReassign::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
}

CtlRunner::Result TestCtlReassign::ctl(const QStringList &arguments)
{
    return m_ctl->run(QStringList{u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port())} + arguments, {},
                      120000);
}

QString TestCtlReassign::regionBot(const QString &host)
{
    return u"qlikbot\\sandbox-region-"_s + host.section(u'.', 1, 1);
}

QSet<QString> TestCtlReassign::ownedInState(const QString &host, const QString &ownerId)
{
    const QJsonObject tenant = m_sandbox->tenantState(host);
    const QList<QPair<QString, QString>> kinds{{u"apps"_s, u"app"_s},
                                               {u"automations"_s, u"automation"_s},
                                               {u"spaces"_s, u"space"_s},
                                               {u"dataConnections"_s, u"data-connection"_s},
                                               {u"automationConnections"_s, u"automation-connection"_s},
                                               {u"dataFiles"_s, u"data-file"_s}};
    QSet<QString> owned;
    for (const auto &[key, type] : kinds) {
        for (const QJsonValue entity : tenant.value(key).toArray()) {
            if (!ownerId.isEmpty() && entity[u"ownerId"_s].toString() != ownerId)
                continue;
            const bool folder = entity[u"folder"_s].toBool();
            owned.insert((folder ? u"data-folder"_s : type) + u' ' + entity[u"id"_s].toString());
        }
    }
    return owned;
}

QSet<QString> TestCtlReassign::everythingInState(const QString &host)
{
    return ownedInState(host, {});
}

QString TestCtlReassign::userIdOf(const QString &host, const QString &subject)
{
    for (const QJsonValue user : m_sandbox->tenantState(host).value(u"users"_s).toArray()) {
        if (user[u"subject"_s].toString() == subject)
            return user[u"id"_s].toString();
    }
    return {};
}

QHash<QString, qint64> TestCtlReassign::mutatingRequests()
{
    QHash<QString, qint64> counts;
    const QJsonObject requests = m_sandbox->http().state().value(u"requests"_s).toObject();
    for (auto it = requests.constBegin(); it != requests.constEnd(); ++it) {
        if (!it.key().startsWith(u"GET "_s) && !it.key().endsWith(u"/oauth/token"_s))
            counts.insert(it.key(), it.value().toInteger());
    }
    return counts;
}

QHash<QString, int> TestCtlReassign::ownerChanges(const QString &host)
{
    const QString token = m_sandbox->regionToken(host);
    QHash<QString, int> changes;
    for (const QString &type :
         {u"com.qlik.v1.app.owner.changed"_s, u"com.qlik.v1.automation.owner.changed"_s,
          u"com.qlik.v1.automation-connection.owner.changed"_s, u"com.qlik.v1.data-file.owner.changed"_s,
          u"com.qlik.v1.data-connection.updated"_s, u"com.qlik.v1.space.updated"_s}) {
        const TestSupport::HttpReply reply
            = m_sandbox->http().get(host, u"/api/v1/audits?limit=100&eventType="_s + type, token);
        if (reply.status != 200)
            return {{u"audits unreadable: "_s + QString::fromUtf8(reply.body), -1}};
        for (const QJsonValue event : reply.json().value(u"data"_s).toArray()) {
            const QJsonObject data = event[u"data"_s].toObject();
            const bool owner = type.endsWith(u"owner.changed"_s)
                || (type.endsWith(u"space.updated"_s) && data.value(u"updates"_s).toArray().contains(u"ownerId"_s))
                || (type.endsWith(u"data-connection.updated"_s) && data.contains(u"previousOwnerId"_s)
                    && data.value(u"previousOwnerId"_s) != data.value(u"ownerId"_s));
            if (owner)
                ++changes[data.value(u"id"_s).toString()];
        }
    }
    return changes;
}

void TestCtlReassign::recreatedClientContentMovesToItsSuccessor()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!host.isEmpty());
    // The EU region client's bot deploys a shared space, an app in it, and an automation.
    const QString oldToken = m_sandbox->regionToken(host);
    const TestSupport::HttpReply space = m_sandbox->http().post(
        host, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Old Deployments"_s}, {u"type"_s, u"shared"_s}}, oldToken);
    QCOMPARE(space.status, 201);
    const QString spaceId = space.json().value(u"id"_s).toString();
    const QString oldBotId = space.json().value(u"ownerId"_s).toString();
    const TestSupport::HttpReply app = m_sandbox->http().post(
        host, u"/api/v1/apps"_s,
        QJsonObject{{u"attributes"_s, QJsonObject{{u"name"_s, u"Old ${env} Sales"_s}, {u"spaceId"_s, spaceId}}}},
        oldToken);
    QCOMPARE(app.status, 200);
    const QString appId = app.json().value(u"attributes"_s)[u"id"_s].toString();
    const TestSupport::HttpReply automation
        = m_sandbox->http().post(host, u"/api/v1/automations"_s, QJsonObject{{u"name"_s, u"Old Nightly"_s}}, oldToken);
    QCOMPARE(automation.status, 201);
    const QString automationId = automation.json().value(u"id"_s).toString();
    const QSet<QString> deployed{u"space "_s + spaceId, u"app "_s + appId, u"automation "_s + automationId};
    QVERIFY(ownedInState(host, oldBotId).contains(deployed));

    QJsonObject recreated;
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clients/sandbox-region-eu/recreate"_s, {}, &recreated));
    const QString newClient = recreated.value(u"clientId"_s).toString();
    QCOMPARE(m_ctl
                 ->run({u"credentials"_s, u"set"_s, u"eu-new"_s, u"--tier=region"_s, u"--region=eu"_s,
                        u"--client-id="_s + newClient, u"--no-secret"_s})
                 .exitCode,
             0);
    m_ctl->environment().insert(u"TENANTRY_CLIENT_SECRET_EU_NEW"_s, recreated.value(u"clientSecret"_s).toString());
    const QString newSubject = u"qlikbot\\"_s + newClient;
    const QStringList reassign{u"ownership"_s, u"reassign"_s,        u"--tenants"_s, host,       u"--profile"_s,
                               u"eu-new"_s,    u"--orphaned-bots"_s, u"--to"_s,      newSubject, u"--json"_s};
    const QSet<QString> before = ownedInState(host, oldBotId);

    // The dry run lists, per item, the call and the precondition, and changes nothing.
    const QHash<QString, qint64> mutatingBefore = mutatingRequests();
    const CtlRunner::Result dry = ctl(reassign + QStringList{u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QCOMPARE(mutatingRequests(), mutatingBefore);
    QCOMPARE(ownedInState(host, oldBotId), before);
    const QJsonArray planned = dry.json().value(u"results"_s).toArray();
    QCOMPARE(planned.size(), before.size());
    QHash<QString, QStringList> callsOf;
    for (const QJsonValue row : planned) {
        QCOMPARE(row[u"action"_s].toString(), u"reassign"_s);
        QStringList calls;
        for (const QJsonValue call : row[u"calls"_s].toArray())
            calls.append(call.toString());
        callsOf.insert(row[u"type"_s].toString() + u' ' + row[u"id"_s].toString(), calls);
        if (row[u"id"_s].toString() == appId) // a name that looks like a plan reference stays text
            QCOMPARE(row[u"name"_s].toString(), u"Old ${env} Sales"_s);
    }
    QCOMPARE(
        callsOf.value(u"app "_s + appId),
        (QStringList{u"POST /api/v1/spaces/%1/assignments"_s.arg(spaceId), u"PUT /api/v1/apps/%1/owner"_s.arg(appId)}));
    QCOMPARE(callsOf.value(u"space "_s + spaceId), QStringList{u"PATCH /api/v1/spaces/"_s + spaceId});
    QCOMPARE(callsOf.value(u"automation "_s + automationId),
             QStringList{u"POST /api/v1/automations/%1/actions/move"_s.arg(automationId)});

    // Applied: everything moves, each through its own endpoint, the membership first.
    const CtlRunner::Result applied = ctl(reassign);
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QCOMPARE(applied.json().value(u"reassigned"_s).toInt(), int(before.size()));
    const QString newBotId = userIdOf(host, newSubject);
    QVERIFY(!newBotId.isEmpty());
    QVERIFY(ownedInState(host, oldBotId).isEmpty());
    QVERIFY(ownedInState(host, newBotId).contains(before));
    bool member = false;
    for (const QJsonValue value : m_sandbox->tenantState(host).value(u"spaces"_s).toArray()) {
        if (value[u"id"_s].toString() != spaceId)
            continue;
        for (const QJsonValue assignment : value[u"assignments"_s].toArray()) {
            if (assignment[u"assigneeId"_s].toString() == newBotId)
                member = assignment[u"roles"_s].toArray().contains(u"producer"_s);
        }
    }
    QVERIFY2(member, "the new owner was not made a producer of the app's space");
    const QHash<QString, qint64> mutatingAfter = mutatingRequests();
    QCOMPARE(mutatingAfter.value(u"PUT /v1/apps/{appId}/owner"_s)
                 - mutatingBefore.value(u"PUT /v1/apps/{appId}/owner"_s),
             1);
    QCOMPARE(mutatingAfter.value(u"PATCH /v1/spaces/{spaceId}"_s)
                 - mutatingBefore.value(u"PATCH /v1/spaces/{spaceId}"_s),
             1);
    QCOMPARE(mutatingAfter.value(u"POST /v1/automations/{id}/actions/move"_s)
                 - mutatingBefore.value(u"POST /v1/automations/{id}/actions/move"_s),
             1);
    QCOMPARE(mutatingAfter.value(u"POST /v1/spaces/{spaceId}/assignments"_s)
                 - mutatingBefore.value(u"POST /v1/spaces/{spaceId}/assignments"_s),
             1);

    // Re-running changes nothing.
    const CtlRunner::Result again = ctl(reassign);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json().value(u"results"_s).toArray().size(), 0);
    QCOMPARE(mutatingRequests(), mutatingAfter);
}

void TestCtlReassign::seededOrphanMovesToTheActiveBot()
{
    // The demo seed's globex keeps the bot of a deleted client owning every kind of content.
    const QString host = m_sandbox->hostOf(u"globex"_s);
    const QString subject = regionBot(host);
    const QSet<QString> everything = everythingInState(host);
    const CtlRunner::Result result
        = ctl({u"ownership"_s, u"reassign"_s, u"--all"_s, u"--orphaned-bots"_s, u"--to"_s, subject, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString botId = userIdOf(host, subject);
    QVERIFY(!botId.isEmpty());
    QStringList types;
    for (const QJsonValue row : result.json().value(u"results"_s).toArray()) {
        QCOMPARE(row[u"tenant"_s].toString(), host);
        // A file in a folder has no call of its own: it moved with its folder, which came first.
        const bool inFolder = row[u"type"_s].toString() == u"data-file"_s && row[u"name"_s].toString().contains(u'/');
        QCOMPARE(row[u"action"_s].toString(), inFolder ? u"already-owned"_s : u"reassigned"_s);
        QCOMPARE(row[u"ownerId"_s].toString(), botId);
        const QString entry = row[u"type"_s].toString() + u' ' + row[u"id"_s].toString();
        QVERIFY2(ownedInState(host, botId).contains(entry), qPrintable(entry));
        types.append(row[u"type"_s].toString());
    }
    types.removeDuplicates();
    types.sort();
    QCOMPARE(types,
             (QStringList{u"app"_s, u"automation"_s, u"automation-connection"_s, u"data-connection"_s, u"data-file"_s,
                          u"data-folder"_s, u"space"_s}));
    QCOMPARE(everythingInState(host), everything); // nothing lost
    const CtlRunner::Result audit = ctl({u"ownership"_s, u"audit"_s, u"--all"_s, u"--orphaned-bots"_s, u"--json"_s});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    QCOMPARE(audit.json().value(u"owned"_s).toInt(), 0);
}

void TestCtlReassign::faultsConverge()
{
    const QString host = m_sandbox->hostOf(u"globex"_s);
    const QString subject = regionBot(host);
    const QSet<QString> everything = everythingInState(host);
    // 5xx, resets and lost answers on every owner-change endpoint and on space assignments.
    const QString paths
        = u"/owner$|/actions/move$|/actions/change-owner$|/data-connections/actions/update$|/spaces/[^/]+$|/assignments$"_s;
    const QJsonArray rules{
        QJsonObject{{u"path"_s, paths}, {u"method"_s, u"PUT"_s}, {u"rate"_s, 0.3}, {u"kind"_s, u"lost-response"_s}},
        QJsonObject{{u"path"_s, paths}, {u"method"_s, u"POST"_s}, {u"rate"_s, 0.3}, {u"kind"_s, u"lost-response"_s}},
        QJsonObject{{u"path"_s, paths}, {u"method"_s, u"PATCH"_s}, {u"rate"_s, 0.3}, {u"kind"_s, u"lost-response"_s}},
        QJsonObject{{u"path"_s, paths}, {u"rate"_s, 0.2}, {u"kind"_s, u"reset"_s}},
        QJsonObject{{u"path"_s, paths}, {u"rate"_s, 0.2}, {u"kind"_s, u"status"_s}, {u"status"_s, 503}}};
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, rules}, {u"seed"_s, 8}}));

    const QStringList reassign{u"ownership"_s,       u"reassign"_s, u"--tenants"_s, host,
                               u"--orphaned-bots"_s, u"--to"_s,     subject,        u"--json"_s};
    int runs = 0;
    CtlRunner::Result result;
    do {
        result = ctl(reassign);
        ++runs;
    } while (result.exitCode != 0 && runs < 4);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    // The faults did fire: calls were tried again, and lost answers were found done by probing.
    int attempts = 0;
    int recovered = 0;
    const QJsonArray rows = result.json().value(u"results"_s).toArray();
    for (const QJsonValue row : rows) {
        attempts += row[u"attempts"_s].toInt();
        recovered += int(row[u"recovered"_s].toBool());
    }
    QVERIFY2(attempts > int(rows.size()) || runs > 1, "no fault fired");
    QVERIFY2(recovered > 0 || runs > 1, "no lost answer was recovered");

    const QString botId = userIdOf(host, subject);
    const QSet<QString> owned = ownedInState(host, botId);
    const QSet<QString> orphanOwned = ownedByOtherBots(host, botId);
    QVERIFY2(orphanOwned.isEmpty(), qPrintable(QStringList(orphanOwned.cbegin(), orphanOwned.cend()).join(u", "_s)));
    QCOMPARE(everythingInState(host), everything); // nothing lost
    // Nothing moved twice: one owner change per resource, though answers were lost.
    const QHash<QString, int> changes = ownerChanges(host);
    QVERIFY(!changes.isEmpty());
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 changed owner %2 times"_s.arg(it.key()).arg(it.value())));
    int moved = 0;
    for (const QString &entry : owned) {
        if (changes.contains(entry.section(u' ', 1)))
            ++moved;
    }
    QVERIFY2(moved == int(changes.size()), "an owner change is not on an item the bot owns");
    qInfo("converged after %d run(s); %d owner changes, %d apply attempts, %d recovered", runs, int(changes.size()),
          attempts, recovered);
}

void TestCtlReassign::usageErrors()
{
    const QString host = m_sandbox->hostOf(u"globex"_s);
    QCOMPARE(ctl({u"ownership"_s, u"reassign"_s, u"--tenants"_s, host, u"--orphaned-bots"_s}).exitCode, 2);
    QCOMPARE(ctl({u"ownership"_s, u"reassign"_s, u"--tenants"_s, host, u"--to"_s, u"x"_s}).exitCode, 2);
    QCOMPARE(ctl({u"ownership"_s, u"reassign"_s, u"--orphaned-bots"_s, u"--to"_s, u"x"_s}).exitCode, 2);
    const CtlRunner::Result same = ctl({u"ownership"_s, u"reassign"_s, u"--tenants"_s, host, u"--owner"_s,
                                        u"qlikbot\\a"_s, u"--to"_s, u"QLIKBOT\\a"_s});
    QCOMPARE(same.exitCode, 2);
    QVERIFY2(same.err.contains("name the same user"), same.err.constData());
    // A new owner the tenant does not know blocks each item and changes nothing.
    const QHash<QString, qint64> before = mutatingRequests();
    const CtlRunner::Result unknown = ctl({u"ownership"_s, u"reassign"_s, u"--tenants"_s, host, u"--orphaned-bots"_s,
                                           u"--to"_s, u"nobody@example.com"_s, u"--json"_s});
    QCOMPARE(unknown.exitCode, 1);
    for (const QJsonValue row : unknown.json().value(u"results"_s).toArray())
        QCOMPARE(row[u"action"_s].toString(), u"blocked"_s);
    QCOMPARE(mutatingRequests(), before);
}

QSet<QString> TestCtlReassign::ownedByOtherBots(const QString &host, const QString &keepBotId)
{
    QSet<QString> owned;
    for (const QJsonValue user : m_sandbox->tenantState(host).value(u"users"_s).toArray()) {
        if (user[u"subject"_s].toString().startsWith(u"qlikbot\\"_s) && user[u"id"_s].toString() != keepBotId)
            owned.unite(ownedInState(host, user[u"id"_s].toString()));
    }
    return owned;
}

void TestCtlReassign::orphanContentIsDeleted()
{
    const QString host = m_sandbox->hostOf(u"globex"_s);
    const QString regionBotId = userIdOf(host, regionBot(host));
    const QSet<QString> everything = everythingInState(host);
    const QSet<QString> doomed = ownedByOtherBots(host, regionBotId);
    QVERIFY(doomed.size() > 5);
    const QStringList remove{u"ownership"_s, u"delete"_s, u"--tenants"_s, host, u"--orphaned-bots"_s, u"--json"_s};

    // Never the default: without --yes (or --dry-run) nothing happens.
    const QHash<QString, qint64> before = mutatingRequests();
    const CtlRunner::Result refused = ctl(remove);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--yes"), refused.err.constData());
    QCOMPARE(ctl({u"ownership"_s, u"delete"_s, u"--tenants"_s, host, u"--yes"_s}).exitCode, 2); // no owner named

    // The dry run names, per item, the DELETE it would send, and sends none.
    const CtlRunner::Result dry = ctl(remove + QStringList{u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QCOMPARE(mutatingRequests(), before);
    const QJsonArray planned = dry.json().value(u"results"_s).toArray();
    QCOMPARE(planned.size(), doomed.size());
    QCOMPARE(dry.json().value(u"toDelete"_s).toInt(), int(doomed.size()));
    const QHash<QString, QString> paths{{u"app"_s, u"apps"_s},
                                        {u"space"_s, u"spaces"_s},
                                        {u"automation"_s, u"automations"_s},
                                        {u"automation-connection"_s, u"automation-connections"_s},
                                        {u"data-connection"_s, u"data-connections"_s},
                                        {u"data-file"_s, u"data-files"_s},
                                        {u"data-folder"_s, u"data-files"_s}};
    for (const QJsonValue row : planned) {
        QCOMPARE(row[u"action"_s].toString(), u"delete"_s);
        const QString type = row[u"type"_s].toString();
        QVERIFY2(paths.contains(type), qPrintable(type));
        QCOMPARE(row[u"calls"_s].toArray(),
                 QJsonArray{u"DELETE /api/v1/%1/%2"_s.arg(paths.value(type), row[u"id"_s].toString())});
    }

    // Applied: all of it is gone, and nothing else.
    const CtlRunner::Result applied = ctl(remove + QStringList{u"--yes"_s});
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QCOMPARE(applied.json().value(u"deleted"_s).toInt() + applied.json().value(u"unchanged"_s).toInt(),
             int(doomed.size()));
    QVERIFY(ownedByOtherBots(host, regionBotId).isEmpty());
    QCOMPARE(everythingInState(host), everything - doomed);
    // Re-running finds nothing to delete and sends nothing.
    const QHash<QString, qint64> after = mutatingRequests();
    const CtlRunner::Result again = ctl(remove + QStringList{u"--yes"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json().value(u"results"_s).toArray().size(), 0);
    QCOMPARE(mutatingRequests(), after);
}

void TestCtlReassign::deleteFaultsConverge()
{
    const QString host = m_sandbox->hostOf(u"globex"_s);
    const QString regionBotId = userIdOf(host, regionBot(host));
    const QSet<QString> everything = everythingInState(host);
    const QSet<QString> doomed = ownedByOtherBots(host, regionBotId);
    // Lost answers (the delete happened, the answer did not come), resets and 5xx on every DELETE.
    const QJsonArray rules{
        QJsonObject{
            {u"path"_s, u"/api/v1/"_s}, {u"method"_s, u"DELETE"_s}, {u"rate"_s, 0.35}, {u"kind"_s, u"lost-response"_s}},
        QJsonObject{{u"path"_s, u"/api/v1/"_s}, {u"method"_s, u"DELETE"_s}, {u"rate"_s, 0.15}, {u"kind"_s, u"reset"_s}},
        QJsonObject{{u"path"_s, u"/api/v1/"_s},
                    {u"method"_s, u"DELETE"_s},
                    {u"rate"_s, 0.15},
                    {u"kind"_s, u"status"_s},
                    {u"status"_s, 503}}};
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, rules}, {u"seed"_s, 3}}));
    const CtlRunner::Result result
        = ctl({u"ownership"_s, u"delete"_s, u"--tenants"_s, host, u"--orphaned-bots"_s, u"--yes"_s, u"--json"_s});
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    // One run converges: an item whose DELETE answer was lost is found gone, never an error.
    QVERIFY2(result.exitCode == 0, result.err.constData());
    int attempts = 0;
    int recovered = 0;
    const QJsonArray rows = result.json().value(u"results"_s).toArray();
    QCOMPARE(rows.size(), doomed.size());
    for (const QJsonValue row : rows) {
        QVERIFY2(row[u"action"_s].toString() == u"deleted"_s || row[u"action"_s].toString() == u"already-gone"_s,
                 qPrintable(row[u"action"_s].toString()));
        attempts += row[u"attempts"_s].toInt();
        recovered += int(row[u"recovered"_s].toBool());
    }
    QVERIFY2(attempts > int(rows.size()), "no fault fired");
    QVERIFY2(recovered > 0, "no lost answer was recovered");
    QVERIFY(ownedByOtherBots(host, regionBotId).isEmpty());
    QCOMPARE(everythingInState(host), everything - doomed); // nothing else lost
    qInfo("%d items, %d apply attempts, %d recovered from a lost answer", int(rows.size()), attempts, recovered);
}

QTEST_GUILESS_MAIN(TestCtlReassign)
#include "tst_ctlreassign.moc"
