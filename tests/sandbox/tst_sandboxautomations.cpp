#include "contentsteps.h"

#include "sandbox/automationengine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/automations (FACTS §12) on the demo seed's source tenant, as the eu region client's bot.
// Runs take automationRunSeconds on the sandbox clock; the test moves the clock.
class TestSandboxAutomations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createGetUpdateDelete();
    void getPayloadPostsUnchanged();
    void enableAndDisable();
    void runsFinishAsTheClockAdvances();
    void brokenWorkspaceFailsTheRun();
    void userCreatedWebhookAddsTheUserToProduction();
    void moveChangesOwnerAndWipesRuns();
    void listsFiltersAndPages();
    void copyMakesANewAutomation();
    void rejectsBadRequests_data();
    void rejectsBadRequests();

private:
    ContentSteps &steps() { return *m_steps; }
    HttpReply create(const QJsonObject &body, std::source_location where = std::source_location::current());
    QString createNamed(const QString &name, std::source_location where = std::source_location::current());
    QJsonObject automationState(const QString &id);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
};

void TestSandboxAutomations::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxAutomations::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"acme-source"_s);
    QVERIFY(m_steps->isReady());
    QVERIFY(m_steps->restoreDefaultSettings());
    QVERIFY(m_steps->settings(QJsonObject{{u"automationRunSeconds"_s, 5}}));
}

HttpReply TestSandboxAutomations::create(const QJsonObject &body, std::source_location where)
{
    return steps().http().post(steps().host(), u"/api/v1/automations"_s, body, steps().token(), where);
}

// A workspace whose start block runs manually and does nothing else (what the editor starts with).
QJsonObject manualWorkspace()
{
    const QJsonObject runMode{{u"id"_s, u"run_mode"_s}, {u"value"_s, u"manual"_s}, {u"type"_s, u"select"_s}};
    const QJsonObject start{{u"id"_s, u"2252CA1C-FDAF-4634-B1B4-F43283AA074B"_s},
                            {u"type"_s, u"StartBlock"_s},
                            {u"name"_s, u"Start"_s},
                            {u"childId"_s, QJsonValue::Null},
                            {u"inputs"_s, QJsonArray{runMode}}};
    return {{u"blocks"_s, QJsonArray{start}}, {u"variables"_s, QJsonArray()}};
}

QString TestSandboxAutomations::createNamed(const QString &name, std::source_location where)
{
    const HttpReply reply = create(QJsonObject{{u"name"_s, name}, {u"workspace"_s, manualWorkspace()}}, where);
    return reply.status == 201 ? reply.json().value(u"id"_s).toString() : QString();
}

QJsonObject TestSandboxAutomations::automationState(const QString &id)
{
    for (const QJsonValue &automation : steps().tenantState().value(u"automations"_s).toArray()) {
        if (automation.toObject().value(u"id"_s).toString() == id)
            return automation.toObject();
    }
    return {};
}

void TestSandboxAutomations::createGetUpdateDelete()
{
    const QJsonObject workspace = Sandbox::AutomationEngine::addUsersToSpaceWorkspace(u"Production"_s);
    const HttpReply created = create(QJsonObject{{u"name"_s, u"Onboard users"_s},
                                                 {u"description"_s, u"Adds new users to Production."_s},
                                                 {u"workspace"_s, workspace},
                                                 {u"schedules"_s, QJsonArray()}});
    QCOMPARE(created.status, 201);
    const QJsonObject automation = created.json();
    const QString id = automation.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(automation.value(u"ownerId"_s).toString(), steps().botId());
    QCOMPARE(automation.value(u"state"_s).toString(), u"available"_s);
    QCOMPARE(automation.value(u"runMode"_s).toString(), u"webhook"_s); // from the start block
    QCOMPARE(automation.value(u"lastRunStatus"_s).toString(), u"not started"_s);
    QVERIFY(automation.value(u"connectorIds"_s).toArray().contains(u"61a87510-c7a3-11ea-95da-0fb0c241e75c"_s));
    QCOMPARE(automation.value(u"endpointIds"_s).toArray().size(), 2);
    QVERIFY(!automation.value(u"executionToken"_s).toString().isEmpty());

    HttpReply reply = steps().http().get(steps().host(), u"/api/v1/automations/"_s + id, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"workspace"_s).toObject(), workspace);
    QCOMPARE(automationState(id).value(u"name"_s).toString(), u"Onboard users"_s);

    reply = steps().http().put(steps().host(), u"/api/v1/automations/"_s + id,
                               QJsonObject{{u"name"_s, u"Onboard new users"_s}}, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"name"_s).toString(), u"Onboard new users"_s);
    QCOMPARE(reply.json().value(u"workspace"_s).toObject(), workspace); // untouched

    reply = steps().http().del(steps().host(), u"/api/v1/automations/"_s + id, steps().token());
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/automations/"_s + id, steps().token()).status, 404);
    QVERIFY(automationState(id).isEmpty());
}

void TestSandboxAutomations::getPayloadPostsUnchanged()
{
    // FACTS §12: the service ignores extraneous fields, so a GET from the source posts unchanged
    // to the target (here: the northwind tenant).
    const HttpReply created = create(QJsonObject{{u"name"_s, u"Nightly"_s},
                                                 {u"schedules"_s,
                                                  QJsonArray{QJsonObject{{u"startAt"_s, u"2026-01-01T00:00:00Z"_s},
                                                                         {u"interval"_s, 86400},
                                                                         {u"timezone"_s, u"Europe/Stockholm"_s}}}}});
    QCOMPARE(created.status, 201);
    const HttpReply source = steps().http().get(
        steps().host(), u"/api/v1/automations/"_s + created.json().value(u"id"_s).toString(), steps().token());
    QCOMPARE(source.status, 200);
    QVERIFY(!source.json().value(u"schedules"_s).toArray().first().toObject().value(u"id"_s).toString().isEmpty());

    ContentSteps target(*m_sandbox, u"northwind"_s);
    QVERIFY(target.isReady());
    const HttpReply copied = target.http().post(target.host(), u"/api/v1/automations"_s, source.json(), target.token());
    QCOMPARE(copied.status, 201);
    QVERIFY(copied.json().value(u"id"_s).toString() != source.json().value(u"id"_s).toString());
    QCOMPARE(copied.json().value(u"name"_s).toString(), u"Nightly"_s);
    QCOMPARE(copied.json().value(u"ownerId"_s).toString(), target.botId());
    QCOMPARE(copied.json().value(u"schedules"_s).toArray().size(), 1);
}

void TestSandboxAutomations::enableAndDisable()
{
    const QString id = createNamed(u"Toggle"_s);
    QVERIFY(!id.isEmpty());
    HttpReply reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/disable"_s.arg(id),
                                          QJsonObject(), steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(automationState(id).value(u"state"_s).toString(), u"disabled"_s);
    // A disabled automation does not run.
    reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id),
                                QJsonObject{{u"context"_s, u"api"_s}}, steps().token());
    QCOMPARE(reply.status, 400);
    reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/enable"_s.arg(id), QJsonObject(),
                                steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(automationState(id).value(u"state"_s).toString(), u"available"_s);
}

void TestSandboxAutomations::runsFinishAsTheClockAdvances()
{
    const QString id = createNamed(u"Manual"_s);
    QVERIFY(!id.isEmpty());
    const HttpReply started
        = steps().http().post(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id),
                              QJsonObject{{u"context"_s, u"api"_s}, {u"inputs"_s, QJsonObject()}}, steps().token());
    QCOMPARE(started.status, 201);
    const QString runId = started.json().value(u"id"_s).toString();
    QCOMPARE(started.json().value(u"status"_s).toString(), u"running"_s);
    const QString runPath = u"/api/v1/automations/%1/runs/%2"_s.arg(id, runId);

    QVERIFY(steps().advanceClock(4));
    QCOMPARE(steps().http().get(steps().host(), runPath, steps().token()).json().value(u"status"_s).toString(),
             u"running"_s);
    QVERIFY(steps().advanceClock(1));
    const HttpReply finished = steps().http().get(steps().host(), runPath, steps().token());
    QCOMPARE(finished.status, 200);
    QCOMPARE(finished.json().value(u"status"_s).toString(), u"finished"_s);
    QCOMPARE(finished.json().value(u"duration"_s).toInt(), 5);

    const HttpReply automation = steps().http().get(steps().host(), u"/api/v1/automations/"_s + id, steps().token());
    QCOMPARE(automation.json().value(u"lastRunStatus"_s).toString(), u"finished"_s);
    QCOMPARE(automation.json().value(u"lastRun"_s).toObject().value(u"id"_s).toString(), runId);

    // A second run, stopped while running.
    const QString second = steps()
                               .http()
                               .post(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id),
                                     QJsonObject{{u"context"_s, u"api"_s}}, steps().token())
                               .json()
                               .value(u"id"_s)
                               .toString();
    HttpReply reply
        = steps().http().post(steps().host(), u"/api/v1/automations/%1/runs/%2/actions/stop"_s.arg(id, second),
                              QJsonObject(), steps().token());
    QCOMPARE(reply.status, 204);
    reply
        = steps().http().get(steps().host(), u"/api/v1/automations/%1/runs?sort=-startTime"_s.arg(id), steps().token());
    QCOMPARE(reply.status, 200);
    const QJsonArray runs = reply.json().value(u"data"_s).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"status"_s).toString(), u"stopped"_s);
    QCOMPARE(runs.at(1).toObject().value(u"status"_s).toString(), u"finished"_s);
    reply = steps().http().get(steps().host(), u"/api/v1/automations/%1/runs?filter=status eq \"finished\""_s.arg(id),
                               steps().token());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
}

void TestSandboxAutomations::brokenWorkspaceFailsTheRun()
{
    const QJsonObject start{
        {u"id"_s, u"A"_s}, {u"type"_s, u"StartBlock"_s}, {u"name"_s, u"Start"_s}, {u"childId"_s, u"B"_s}};
    const QJsonObject unknown{{u"id"_s, u"B"_s},
                              {u"type"_s, u"EndpointBlock"_s},
                              {u"name"_s, u"sendMail"_s},
                              {u"displayName"_s, u"Mail - Send"_s},
                              {u"endpoint_guid"_s, u"0000"_s}};
    const HttpReply created = create(QJsonObject{
        {u"name"_s, u"Broken"_s}, {u"workspace"_s, QJsonObject{{u"blocks"_s, QJsonArray{start, unknown}}}}});
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    const HttpReply started = steps().http().post(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id),
                                                  QJsonObject{{u"context"_s, u"api"_s}}, steps().token());
    QCOMPARE(started.status, 201);
    QVERIFY(steps().advanceClock(5));
    const HttpReply run = steps().http().get(
        steps().host(), u"/api/v1/automations/%1/runs/%2"_s.arg(id, started.json().value(u"id"_s).toString()),
        steps().token());
    QCOMPARE(run.json().value(u"status"_s).toString(), u"failed"_s);
    QVERIFY(run.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"Mail - Send"_s));
}

void TestSandboxAutomations::userCreatedWebhookAddsTheUserToProduction()
{
    // FACTS §12's "add new users to a space" pattern, tested as the tutorial does: create a user,
    // then look at the space's assignments.
    const HttpReply created
        = create(QJsonObject{{u"name"_s, u"Add new users to Production"_s},
                             {u"workspace"_s, Sandbox::AutomationEngine::addUsersToSpaceWorkspace(u"Production"_s)}});
    QCOMPARE(created.status, 201);
    const QString automationId = created.json().value(u"id"_s).toString();

    const HttpReply user = steps().http().post(steps().host(), u"/api/v1/users"_s,
                                               QJsonObject{{u"name"_s, u"Dummy User"_s},
                                                           {u"email"_s, u"dummy.user@acme-analytics.example"_s},
                                                           {u"subject"_s, u"auth0|dummy-user"_s},
                                                           {u"status"_s, u"active"_s}},
                                               steps().token());
    QCOMPARE(user.status, 201);
    const QString userId = user.json().value(u"id"_s).toString();

    const QString production = steps().spaceIdNamed(u"Production"_s);
    const HttpReply assignments = steps().http().get(
        steps().host(), u"/api/v1/spaces/%1/assignments?limit=100"_s.arg(production), steps().token());
    QCOMPARE(assignments.status, 200);
    QJsonObject added;
    for (const QJsonValue &assignment : assignments.json().value(u"data"_s).toArray()) {
        if (assignment.toObject().value(u"assigneeId"_s).toString() == userId)
            added = assignment.toObject();
    }
    QCOMPARE(added.value(u"type"_s).toString(), u"user"_s);
    QCOMPARE(added.value(u"roles"_s).toArray(), QJsonArray{u"consumer"_s});

    const HttpReply runs
        = steps().http().get(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(automationId), steps().token());
    QCOMPARE(runs.status, 200);
    QCOMPARE(runs.json().value(u"data"_s).toArray().size(), 1);
    QCOMPARE(runs.json().value(u"data"_s).toArray().first().toObject().value(u"context"_s).toString(), u"webhook"_s);

    // Disabled, it no longer listens.
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/automations/%1/actions/disable"_s.arg(automationId), QJsonObject(),
                       steps().token())
                 .status,
             204);
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/users"_s,
                       QJsonObject{{u"name"_s, u"Second User"_s},
                                   {u"email"_s, u"second.user@acme-analytics.example"_s},
                                   {u"subject"_s, u"auth0|second-user"_s}},
                       steps().token())
                 .status,
             201);
    QCOMPARE(steps()
                 .http()
                 .get(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(automationId), steps().token())
                 .json()
                 .value(u"data"_s)
                 .toArray()
                 .size(),
             1);
}

void TestSandboxAutomations::moveChangesOwnerAndWipesRuns()
{
    const QString id = createNamed(u"Handover"_s);
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id), QJsonObject{{u"context"_s, u"api"_s}},
                       steps().token())
                 .status,
             201);
    const QString alex = steps().userIdNamed(u"Alex Morgan"_s);
    HttpReply reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/move"_s.arg(id),
                                          QJsonObject{{u"userId"_s, alex}}, steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(automationState(id).value(u"ownerId"_s).toString(), alex);
    // FACTS §12: reading another user's automation needs owning it, even for a TenantAdmin.
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/automations/"_s + id, steps().token()).status, 403);
    // Admins find it with listAll and an owner filter, and move it back; the history is gone.
    reply = steps().http().get(steps().host(), u"/api/v1/automations?listAll=true&filter=ownerId eq \"%1\""_s.arg(alex),
                               steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/move"_s.arg(id),
                                QJsonObject{{u"userId"_s, steps().botId()}}, steps().token());
    QCOMPARE(reply.status, 204);
    reply = steps().http().get(steps().host(), u"/api/v1/automations/%1/runs"_s.arg(id), steps().token());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().value(u"data"_s).toArray().isEmpty());
    QCOMPARE(steps()
                 .http()
                 .get(steps().host(), u"/api/v1/automations/"_s + id, steps().token())
                 .json()
                 .value(u"lastRunStatus"_s)
                 .toString(),
             u"not started"_s);

    reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/move"_s.arg(id),
                                QJsonObject{{u"userId"_s, u"no-such-user"_s}}, steps().token());
    QCOMPARE(reply.status, 400);
}

void TestSandboxAutomations::listsFiltersAndPages()
{
    QStringList ids;
    for (const QString &name : {u"Alpha"_s, u"Bravo"_s, u"Charlie"_s})
        ids.append(createNamed(name));
    QVERIFY(!ids.contains(QString()));
    // Someone else's automation is not in the caller's own list.
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/automations/%1/actions/move"_s.arg(ids.last()),
                       QJsonObject{{u"userId"_s, steps().userIdNamed(u"Priya Shah"_s)}}, steps().token())
                 .status,
             204);

    // The demo seed's own: the partner's "add new users" automation its region bot deployed.
    const QString seeded = u"Add new users to Production"_s;
    QStringList names;
    QString url = u"https://%1/api/v1/automations?limit=1&sort=-name"_s.arg(steps().host());
    for (int pages = 0; !url.isEmpty(); ++pages) {
        QVERIFY(pages < 4);
        const HttpReply page = steps().http().getUrl(url, steps().token());
        QCOMPARE(page.status, 200);
        for (const QJsonValue &automation : page.json().value(u"data"_s).toArray()) {
            names.append(automation.toObject().value(u"name"_s).toString());
            QVERIFY(!automation.toObject().contains(u"workspace"_s)); // list objects carry no definition
        }
        url = page.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    }
    QCOMPARE(names, (QStringList{u"Bravo"_s, u"Alpha"_s, seeded}));

    HttpReply reply = steps().http().get(steps().host(), u"/api/v1/automations?listAll=true"_s, steps().token());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 4);
    reply = steps().http().get(steps().host(), u"/api/v1/automations?filter=name eq \"Alpha\""_s, steps().token());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    reply = steps().http().get(steps().host(), u"/api/v1/automations?filter=runMode eq \"manual\""_s, steps().token());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 2);

    // The items view lists automations too (FACTS §11.1).
    reply = steps().http().get(steps().host(), u"/api/v1/items?resourceType=automation"_s, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 4);
}

void TestSandboxAutomations::copyMakesANewAutomation()
{
    const QString id = createNamed(u"Original"_s);
    const HttpReply reply = steps().http().post(steps().host(), u"/api/v1/automations/%1/actions/copy"_s.arg(id),
                                                QJsonObject{{u"name"_s, u"Copy of Original"_s}}, steps().token());
    QCOMPARE(reply.status, 201);
    const QString copy = reply.json().value(u"id"_s).toString();
    QVERIFY(!copy.isEmpty() && copy != id);
    QCOMPARE(automationState(copy).value(u"name"_s).toString(), u"Copy of Original"_s);
}

void TestSandboxAutomations::rejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("no name") << QByteArray("POST") << u"/api/v1/automations"_s << QByteArray("{}") << 400;
    QTest::newRow("name not a string") << QByteArray("POST") << u"/api/v1/automations"_s << QByteArray(R"({"name":1})")
                                       << 400;
    QTest::newRow("bad state") << QByteArray("POST") << u"/api/v1/automations"_s
                               << QByteArray(R"({"name":"x","state":"sleeping"})") << 400;
    QTest::newRow("blocks not an array") << QByteArray("POST") << u"/api/v1/automations"_s
                                         << QByteArray(R"({"name":"x","workspace":{"blocks":{}}})") << 400;
    QTest::newRow("not json") << QByteArray("POST") << u"/api/v1/automations"_s << QByteArray("name=x") << 400;
    QTest::newRow("unknown automation") << QByteArray("GET")
                                        << u"/api/v1/automations/e0e720d0-4947-11ec-a1d2-9559fa35801d"_s << QByteArray()
                                        << 404;
    QTest::newRow("limit above 200") << QByteArray("GET") << u"/api/v1/automations?limit=201"_s << QByteArray() << 400;
    QTest::newRow("unknown sort") << QByteArray("GET") << u"/api/v1/automations?sort=colour"_s << QByteArray() << 400;
}

void TestSandboxAutomations::rejectsBadRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    TestSupport::HttpCall call;
    call.method = method;
    call.host = steps().host();
    call.path = path;
    call.body = body;
    call.contentType = body.isEmpty() ? QByteArray() : QByteArray("application/json");
    call.token = steps().token();
    const HttpReply reply = steps().http().send(call);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.errorCode().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxAutomations)
#include "tst_sandboxautomations.moc"
