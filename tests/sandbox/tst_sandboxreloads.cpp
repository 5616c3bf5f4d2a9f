#include "contentsteps.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/reloads (FACTS §10.5) on the demo seed's source tenant, as the eu region client's bot
// (TenantAdmin). Reloads are asynchronous: the test moves the sandbox clock instead of waiting.
class TestSandboxReloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void reloadRunsAsTheClockAdvances();
    void pendingReloadAnswers429WithoutRetryAfter();
    void cancelDependsOnThePhase();
    void rejectsBadRequests_data();
    void rejectsBadRequests();
    void listsFiltersAndPages();
    void reloadsAreAudited();
    void reloadsOfAChosenAppFail();
    void reloadFailuresLastUntilReset();

private:
    ContentSteps &steps() { return *m_steps; }
    HttpReply startReload(const QString &appId, std::source_location where = std::source_location::current());
    QString reloadStatus(const QString &reloadId);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
    QString m_appId;
};

void TestSandboxReloads::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxReloads::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"acme-source"_s);
    QVERIFY(m_steps->isReady());
    QVERIFY(m_steps->restoreDefaultSettings());
    QVERIFY(m_steps->settings(QJsonObject{{u"reloadQueuedSeconds"_s, 2}, {u"reloadRunSeconds"_s, 10}}));
    m_appId = m_steps->appIdNamed(u"Sales Dashboard"_s);
    QVERIFY(!m_appId.isEmpty());
}

HttpReply TestSandboxReloads::startReload(const QString &appId, std::source_location where)
{
    return steps().http().post(steps().host(), u"/api/v1/reloads"_s, QJsonObject{{u"appId"_s, appId}}, steps().token(),
                               where);
}

QString TestSandboxReloads::reloadStatus(const QString &reloadId)
{
    const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + reloadId, steps().token());
    return reply.status == 200 ? reply.json().value(u"status"_s).toString() : u"HTTP %1"_s.arg(reply.status);
}

void TestSandboxReloads::reloadRunsAsTheClockAdvances()
{
    const HttpReply created = startReload(m_appId);
    QCOMPARE(created.status, 201);
    const QJsonObject reload = created.json();
    const QString id = reload.value(u"id"_s).toString();
    QCOMPARE(id.size(), 24);
    QCOMPARE(reload.value(u"status"_s).toString(), u"QUEUED"_s);
    QCOMPARE(reload.value(u"appId"_s).toString(), m_appId);
    QCOMPARE(reload.value(u"userId"_s).toString(), steps().botId());
    QCOMPARE(reload.value(u"partial"_s).toBool(), false);
    QVERIFY(reload.value(u"links"_s)
                .toObject()
                .value(u"self"_s)
                .toObject()
                .value(u"href"_s)
                .toString()
                .endsWith(u"/api/v1/reloads/"_s + id));
    QVERIFY(!reload.contains(u"startTime"_s));

    QVERIFY(steps().advanceClock(2));
    const HttpReply running = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + id, steps().token());
    QCOMPARE(running.status, 200);
    QCOMPARE(running.json().value(u"status"_s).toString(), u"RELOADING"_s);
    QVERIFY(running.json().contains(u"startTime"_s));
    QVERIFY(!running.json().contains(u"endTime"_s));

    QVERIFY(steps().advanceClock(10));
    const HttpReply done = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + id, steps().token());
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(u"status"_s).toString(), u"SUCCEEDED"_s);
    const QString endTime = done.json().value(u"endTime"_s).toString();
    QVERIFY(!endTime.isEmpty());
    QVERIFY(done.json().value(u"engineTime"_s).toString().startsWith(u"PT10"_s));
    QVERIFY(done.json().value(u"log"_s).toString().contains(u"Data has been loaded"_s));

    // The app carries the reload's end as its lastReloadTime.
    const HttpReply app = steps().http().get(steps().host(), u"/api/v1/apps/"_s + m_appId, steps().token());
    QCOMPARE(app.status, 200);
    QCOMPARE(app.json().value(u"attributes"_s).toObject().value(u"lastReloadTime"_s).toString(), endTime);
}

void TestSandboxReloads::pendingReloadAnswers429WithoutRetryAfter()
{
    const HttpReply first = startReload(m_appId);
    QCOMPARE(first.status, 201);
    // FACTS §10.5: 429 also means "a reload is already pending for this app", not a rate limit.
    const HttpReply second = startReload(m_appId);
    QCOMPARE(second.status, 429);
    QVERIFY(second.header("retry-after").isEmpty());
    QVERIFY(second.json()
                .value(u"errors"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"detail"_s)
                .toString()
                .contains(first.json().value(u"id"_s).toString()));
    // Another app reloads meanwhile; the first app again once its reload is final.
    QCOMPARE(startReload(steps().appIdNamed(u"Executive KPIs"_s)).status, 201);
    QVERIFY(steps().advanceClock(12));
    QCOMPARE(startReload(m_appId).status, 201);
}

void TestSandboxReloads::cancelDependsOnThePhase()
{
    // Queued: cancelled at once (204).
    const QString queued = startReload(m_appId).json().value(u"id"_s).toString();
    const QString cancelPath = u"/api/v1/reloads/%1/actions/cancel"_s;
    HttpReply reply = steps().http().post(steps().host(), cancelPath.arg(queued), QJsonObject(), steps().token());
    QCOMPARE(reply.status, 204);
    QCOMPARE(reloadStatus(queued), u"CANCELED"_s);
    // Final: 409.
    reply = steps().http().post(steps().host(), cancelPath.arg(queued), QJsonObject(), steps().token());
    QCOMPARE(reply.status, 409);

    // Reloading: 202, CANCELING until the engine stops, then CANCELED.
    const QString running = startReload(m_appId).json().value(u"id"_s).toString();
    QVERIFY(steps().advanceClock(3));
    QCOMPARE(reloadStatus(running), u"RELOADING"_s);
    reply = steps().http().post(steps().host(), cancelPath.arg(running), QJsonObject(), steps().token());
    QCOMPARE(reply.status, 202);
    QCOMPARE(reloadStatus(running), u"CANCELING"_s);
    QVERIFY(steps().advanceClock(1));
    QCOMPARE(reloadStatus(running), u"CANCELED"_s);

    reply = steps().http().post(steps().host(), cancelPath.arg(u"0123456789abcdef01234567"_s), QJsonObject(),
                                steps().token());
    QCOMPARE(reply.status, 404);
}

void TestSandboxReloads::rejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("no appId") << QByteArray("POST") << u"/api/v1/reloads"_s << QByteArray(R"({"partial":false})")
                              << 400;
    QTest::newRow("appId not a string") << QByteArray("POST") << u"/api/v1/reloads"_s << QByteArray(R"({"appId":5})")
                                        << 400;
    QTest::newRow("unknown app") << QByteArray("POST") << u"/api/v1/reloads"_s
                                 << QByteArray(R"({"appId":"2b7c8a3e-0000-4000-8000-000000000000"})") << 404;
    QTest::newRow("malformed json") << QByteArray("POST") << u"/api/v1/reloads"_s << QByteArray("{appId") << 400;
    QTest::newRow("unknown reload") << QByteArray("GET") << u"/api/v1/reloads/0123456789abcdef01234567"_s
                                    << QByteArray() << 404;
    QTest::newRow("limit too large") << QByteArray("GET") << u"/api/v1/reloads?limit=101"_s << QByteArray() << 400;
    QTest::newRow("bad filter") << QByteArray("GET") << u"/api/v1/reloads?filter=owner eq \"x\""_s << QByteArray()
                                << 400;
    QTest::newRow("bad log flag") << QByteArray("GET") << u"/api/v1/reloads?log=yes"_s << QByteArray() << 400;
}

void TestSandboxReloads::rejectsBadRequests()
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

void TestSandboxReloads::listsFiltersAndPages()
{
    // Three reloads of one app (one after the other), one of another, one of them partial.
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const HttpReply reply
            = steps().http().post(steps().host(), u"/api/v1/reloads"_s,
                                  QJsonObject{{u"appId"_s, m_appId}, {u"partial"_s, i == 2}}, steps().token());
        QCOMPARE(reply.status, 201);
        ids.prepend(reply.json().value(u"id"_s).toString()); // newest first
        QVERIFY(steps().advanceClock(12));
    }
    QCOMPARE(startReload(steps().appIdNamed(u"Executive KPIs"_s)).status, 201);

    // Paged by two, newest first, following links.next.href verbatim (FACTS §14.1).
    QStringList seen;
    QString url = u"https://%1/api/v1/reloads?appId=%2&limit=2"_s.arg(steps().host(), m_appId);
    for (int pages = 0; !url.isEmpty(); ++pages) {
        QVERIFY(pages < 3);
        const HttpReply page = steps().http().getUrl(url, steps().token());
        QCOMPARE(page.status, 200);
        for (const QJsonValue &reload : page.json().value(u"data"_s).toArray()) {
            seen.append(reload.toObject().value(u"id"_s).toString());
            QVERIFY(!reload.toObject().contains(u"log"_s));
        }
        url = page.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
    }
    QCOMPARE(seen, ids);

    // All apps (TenantAdmin needs no appId), filtered.
    HttpReply reply = steps().http().get(steps().host(), u"/api/v1/reloads?limit=100"_s, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 4);
    reply = steps().http().get(steps().host(), u"/api/v1/reloads?filter=status eq \"QUEUED\""_s, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    reply = steps().http().get(steps().host(),
                               u"/api/v1/reloads?appId=%1&filter=partial eq \"true\"&log=true"_s.arg(m_appId),
                               steps().token());
    QCOMPARE(reply.status, 200);
    const QJsonArray partial = reply.json().value(u"data"_s).toArray();
    QCOMPARE(partial.size(), 1);
    QCOMPARE(partial.first().toObject().value(u"id"_s).toString(), ids.first());
    QVERIFY(partial.first().toObject().value(u"log"_s).toString().contains(u"Reload started"_s));
}

void TestSandboxReloads::reloadsAreAudited()
{
    const int before = steps().tenantState().value(u"auditCount"_s).toInt();
    const QString id = startReload(m_appId).json().value(u"id"_s).toString();
    QCOMPARE(steps().tenantState().value(u"auditCount"_s).toInt(), before + 1);
    bool listed = false;
    for (const QJsonValue &reload : steps().tenantState().value(u"reloads"_s).toArray())
        listed = listed || reload.toObject().value(u"id"_s).toString() == id;
    QVERIFY(listed);
}

void TestSandboxReloads::reloadsOfAChosenAppFail()
{
    // PUT /__sandbox/reload-failures: the next reload of this app ends FAILED (FACTS §10.5).
    QJsonObject answer;
    QVERIFY(steps().http().control(
        "PUT", u"/__sandbox/reload-failures"_s,
        QJsonArray{
            QJsonObject{{u"appId"_s, m_appId}, {u"errorMessage"_s, u"Field 'Region' not found"_s}, {u"times"_s, 1}}},
        &answer));
    QJsonObject rule = answer.value(u"rules"_s).toArray().first().toObject();
    QCOMPARE(rule.value(u"appId"_s).toString(), m_appId);
    QCOMPARE(rule.value(u"errorCode"_s).toString(), u"EngineConnectionError"_s); // the spec's example
    QCOMPARE(rule.value(u"remaining"_s).toInt(), 1);
    const QString appPath = u"/api/v1/apps/"_s + m_appId;
    const QJsonValue reloadedBefore = steps()
                                          .http()
                                          .get(steps().host(), appPath, steps().token())
                                          .json()
                                          .value(u"attributes"_s)
                                          .toObject()
                                          .value(u"lastReloadTime"_s);

    // Created, queued and run as usual: nothing tells the failure before it happens.
    const HttpReply created = startReload(m_appId);
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    QVERIFY(!created.json().contains(u"errorCode"_s));
    QVERIFY(steps().advanceClock(2));
    HttpReply reply = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + id, steps().token());
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"RELOADING"_s);
    QVERIFY(!reply.json().contains(u"errorCode"_s));

    QVERIFY(steps().advanceClock(10));
    reply = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + id, steps().token());
    QCOMPARE(reply.status, 200);
    const QJsonObject failed = reply.json();
    QCOMPARE(failed.value(u"status"_s).toString(), u"FAILED"_s);
    QCOMPARE(failed.value(u"errorCode"_s).toString(), u"EngineConnectionError"_s);
    QCOMPARE(failed.value(u"errorMessage"_s).toString(), u"Field 'Region' not found"_s);
    QVERIFY(failed.contains(u"endTime"_s));
    QVERIFY(!failed.contains(u"engineTime"_s)); // the spec: set upon a successful reload
    QVERIFY(failed.value(u"log"_s).toString().contains(u"Field 'Region' not found"_s));
    // The app keeps its last successful reload; the failure is final (cancel: 409).
    reply = steps().http().get(steps().host(), appPath, steps().token());
    QCOMPARE(reply.json().value(u"attributes"_s).toObject().value(u"lastReloadTime"_s), reloadedBefore);
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/reloads/%1/actions/cancel"_s.arg(id), QJsonObject(), steps().token())
                 .status,
             409);
    reply = steps().http().get(steps().host(), u"/api/v1/reloads?filter=status eq \"FAILED\""_s, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    bool dumped = false;
    for (const QJsonValue entry : steps().tenantState().value(u"reloads"_s).toArray()) {
        dumped = dumped
            || (entry.toObject().value(u"id"_s).toString() == id
                && entry.toObject().value(u"errorCode"_s).toString() == "EngineConnectionError"_L1);
    }
    QVERIFY(dumped);

    // `times` spent: the next reload succeeds, and the rule says so.
    const QString next = startReload(m_appId).json().value(u"id"_s).toString();
    QVERIFY(steps().advanceClock(12));
    QCOMPARE(reloadStatus(next), u"SUCCEEDED"_s);
    QVERIFY(steps().http().control("GET", u"/__sandbox/reload-failures"_s, {}, &answer));
    rule = answer.value(u"rules"_s).toArray().first().toObject();
    QCOMPARE(rule.value(u"remaining"_s).toInt(), 0);
}

void TestSandboxReloads::reloadFailuresLastUntilReset()
{
    const QString other = steps().appIdNamed(u"Executive KPIs"_s);
    QVERIFY(steps().http().control(
        "PUT", u"/__sandbox/reload-failures"_s,
        QJsonObject{{u"rules"_s, QJsonArray{QJsonObject{{u"appId"_s, m_appId}, {u"errorCode"_s, u"ScriptError"_s}}}}}));
    // Without `times`, every reload of the app fails; other apps are not touched.
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        ids.append(startReload(m_appId).json().value(u"id"_s).toString());
        QVERIFY(steps().advanceClock(12));
    }
    const QString otherId = startReload(other).json().value(u"id"_s).toString();
    QVERIFY(steps().advanceClock(12));
    for (const QString &id : std::as_const(ids)) {
        const HttpReply reply = steps().http().get(steps().host(), u"/api/v1/reloads/"_s + id, steps().token());
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(reply.json().value(u"errorCode"_s).toString(), u"ScriptError"_s);
    }
    QCOMPARE(reloadStatus(otherId), u"SUCCEEDED"_s);

    // A reset forgets the rules, as it forgets faults.
    QVERIFY(steps().http().reset(u"demo"_s));
    QJsonObject answer;
    QVERIFY(steps().http().control("GET", u"/__sandbox/reload-failures"_s, {}, &answer));
    QVERIFY(answer.value(u"rules"_s).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxReloads)
#include "tst_sandboxreloads.moc"
