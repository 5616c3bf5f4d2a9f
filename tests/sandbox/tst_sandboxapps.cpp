#include "contentsteps.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/apps (FACTS §10.1–10.4) on the demo seed's source tenant, as the eu region client's bot: a
// TenantAdmin that is a member of no space until it makes itself one.
class TestSandboxApps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void importCreatesANewAppEveryTime();
    void importIntoThePersonalSpaceHasNoSpaceId();
    void importRejectsBadInput_data();
    void importRejectsBadInput();
    void importRefusesFilesAboveTheLimit();
    void importTakesATempContentFile();
    void exportNeedsMembershipEvenForTenantAdmin();
    void exportedAppImportsWithItsTitle();
    void exportRefusesPublishedCopies();
    void getUpdateAndDelete();
    void createAndCopy();
    void publishCopiesIntoTheManagedSpace();
    void publishFollowsSpaceRules_data();
    void publishFollowsSpaceRules();
    void publishIntoANewSpaceFailsTransiently();
    void republishKeepsTheIdAndReplacesContent();
    void republishChecksTheOriginByDefault();
    void republishRejectsTargetsThatAreNotPublished();
    void publishedCopyReachesEndUsersLate();
    void changesOwnerAndSpace();
    void unknownAppsAre404_data();
    void unknownAppsAre404();
    void changesAreAudited();

private:
    ContentSteps &steps() { return *m_steps; }
    // A shared and a managed space owned by the bot, and an app imported into the shared one.
    void stageOwnApp(QString *shared, QString *managed, QString *appId, const QByteArray &bytes = "app bytes v1");

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
};

void TestSandboxApps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxApps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"acme-source"_s);
    QVERIFY(m_steps->isReady());
    QVERIFY(m_steps->restoreDefaultSettings());
}

void TestSandboxApps::stageOwnApp(QString *shared, QString *managed, QString *appId, const QByteArray &bytes)
{
    *shared = steps().newSpace(u"Bot Staging"_s, u"shared"_s);
    *managed = steps().newSpace(u"Bot Production"_s, u"managed"_s);
    QVERIFY(!shared->isEmpty() && !managed->isEmpty());
    const HttpReply imported = steps().importApp(*shared, u"Bot App"_s, bytes);
    QCOMPARE(imported.status, 200);
    *appId = ContentSteps::appIdOf(imported);
    QVERIFY(!appId->isEmpty());
}

void TestSandboxApps::importCreatesANewAppEveryTime()
{
    const QString shared = steps().newSpace(u"Bot Staging"_s, u"shared"_s);
    const QByteArray bytes = "some .qvf bytes";
    const HttpReply first = steps().importApp(shared, u"Quarterly Review"_s, bytes);
    QCOMPARE(first.status, 200);
    const QJsonObject attributes = first.json().value(u"attributes"_s).toObject();
    QCOMPARE(attributes.value(u"name"_s).toString(), u"Quarterly Review"_s);
    QCOMPARE(attributes.value(u"spaceId"_s).toString(), shared);
    QCOMPARE(attributes.value(u"ownerId"_s).toString(), steps().botId());
    // FACTS §2.3: content the bot imports is owned by the bot.
    QCOMPARE(attributes.value(u"owner"_s).toString(), u"qlikbot\\sandbox-region-eu"_s);
    QCOMPARE(attributes.value(u"id"_s).toString().size(), 36);
    QVERIFY(first.json().value(u"privileges"_s).toArray().contains(u"export"_s));

    // FACTS §10.2: mode=autoreplace still makes a new app.
    const HttpReply second = steps().http().send(
        {"POST",
         steps().host(),
         u"/api/v1/apps/import?mode=AUTOREPLACE&spaceId="_s + shared + u"&name=Quarterly%20Review"_s,
         bytes,
         "application/octet-stream",
         steps().token(),
         {},
         true});
    QCOMPARE(second.status, 200);
    QVERIFY(ContentSteps::appIdOf(second) != ContentSteps::appIdOf(first));
    const QJsonObject firstState = steps().appState(ContentSteps::appIdOf(first));
    const QJsonObject secondState = steps().appState(ContentSteps::appIdOf(second));
    QCOMPARE(firstState.value(u"contentSha256"_s).toString(), ContentSteps::sha256(bytes));
    QCOMPARE(secondState.value(u"contentSha256"_s).toString(), ContentSteps::sha256(bytes));
    QCOMPARE(secondState.value(u"ownerId"_s).toString(), steps().botId());
}

void TestSandboxApps::importIntoThePersonalSpaceHasNoSpaceId()
{
    const HttpReply reply = steps().importApp({}, u"Scratch"_s, "bytes");
    QCOMPARE(reply.status, 200);
    // Qlik's scripts test has("spaceId") to tell personal apps apart (curl-bash deploy script).
    QVERIFY(!reply.json().value(u"attributes"_s).toObject().contains(u"spaceId"_s));
    QCOMPARE(steps().appState(ContentSteps::appIdOf(reply)).value(u"spaceId"_s).toString(), QString());
}

void TestSandboxApps::importRejectsBadInput_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("json content type") << u"name=A"_s << QByteArray("application/json") << QByteArray("{}") << 415;
    QTest::newRow("form content type") << u"name=A"_s << QByteArray("application/x-www-form-urlencoded")
                                       << QByteArray("a=b") << 415;
    QTest::newRow("empty body") << u"name=A"_s << QByteArray("application/octet-stream") << QByteArray() << 400;
    QTest::newRow("no title anywhere") << QString() << QByteArray("application/octet-stream") << QByteArray("x") << 400;
    QTest::newRow("unknown space") << u"name=A&spaceId=000000000000000000000000"_s
                                   << QByteArray("application/octet-stream") << QByteArray("x") << 404;
    QTest::newRow("managed space") << u"name=A&spaceId=@Production"_s << QByteArray("application/octet-stream")
                                   << QByteArray("x") << 403;
    QTest::newRow("shared space without membership")
        << u"name=A&spaceId=@Staging"_s << QByteArray("application/octet-stream") << QByteArray("x") << 403;
    QTest::newRow("unknown mode") << u"name=A&mode=merge"_s << QByteArray("application/octet-stream") << QByteArray("x")
                                  << 400;
    QTest::newRow("NoData not boolean") << u"name=A&NoData=maybe"_s << QByteArray("application/octet-stream")
                                        << QByteArray("x") << 400;
    QTest::newRow("unknown fileId") << u"fileId=000000000000000000000000"_s << QByteArray("application/octet-stream")
                                    << QByteArray() << 404;
}

void TestSandboxApps::importRejectsBadInput()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    query.replace(u"@Production"_s, steps().spaceIdNamed(u"Production"_s));
    query.replace(u"@Staging"_s, steps().spaceIdNamed(u"Staging"_s));
    const int appsBefore = steps().tenantState().value(u"apps"_s).toArray().size();
    const HttpReply reply = steps().http().send(
        {"POST", steps().host(), u"/api/v1/apps/import?"_s + query, body, contentType, steps().token(), {}, true});
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.errorCode().isEmpty());
    QVERIFY(!reply.json().value(u"traceId"_s).toString().isEmpty());
    QCOMPARE(steps().tenantState().value(u"apps"_s).toArray().size(), appsBefore);
}

void TestSandboxApps::importRefusesFilesAboveTheLimit()
{
    QVERIFY(steps().settings(QJsonObject{{u"maxUploadBytes"_s, 1000}}));
    const HttpReply tooLarge = steps().importApp({}, u"Big"_s, QByteArray(1001, 'x'));
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.errorCode(), u"HTTP-413"_s);
    QCOMPARE(steps().importApp({}, u"Fits"_s, QByteArray(1000, 'x')).status, 200);
}

void TestSandboxApps::importTakesATempContentFile()
{
    const QByteArray bytes = "uploaded first, imported by fileId";
    const HttpReply uploaded = steps().http().send({"POST",
                                                    steps().host(),
                                                    u"/api/v1/temp-contents?filename=Pipeline%20Review.qvf"_s,
                                                    bytes,
                                                    "application/octet-stream",
                                                    steps().token(),
                                                    {},
                                                    true});
    QCOMPARE(uploaded.status, 201);
    const QString fileId = QString::fromLatin1(uploaded.header("location").split('/').last());
    const HttpReply imported = steps().http().send({"POST",
                                                    steps().host(),
                                                    u"/api/v1/apps/import?fileId="_s + fileId,
                                                    {},
                                                    "application/octet-stream",
                                                    steps().token(),
                                                    {},
                                                    true});
    QCOMPARE(imported.status, 200);
    // No name and no title in the bytes: the file name without its extension.
    QCOMPARE(imported.json().value(u"attributes"_s).toObject().value(u"name"_s).toString(), u"Pipeline Review"_s);
    QCOMPARE(steps().appState(ContentSteps::appIdOf(imported)).value(u"contentSha256"_s).toString(),
             ContentSteps::sha256(bytes));

    // Temporary contents expire (default TTL one hour): importing from an expired one is refused.
    QVERIFY(steps().advanceClock(3601));
    const HttpReply expired = steps().http().send({"POST",
                                                   steps().host(),
                                                   u"/api/v1/apps/import?fileId="_s + fileId,
                                                   {},
                                                   "application/octet-stream",
                                                   steps().token(),
                                                   {},
                                                   true});
    QCOMPARE(expired.status, 410);
}

void TestSandboxApps::exportNeedsMembershipEvenForTenantAdmin()
{
    const QString staging = steps().spaceIdNamed(u"Staging"_s);
    const QString appId = steps().appIdNamed(u"Sales Dashboard"_s);
    const QString exportPath = u"/api/v1/apps/%1/export"_s.arg(appId);
    // The bot is TenantAdmin: it reads the app, but may not export it (FACTS §2.3).
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/apps/"_s + appId, steps().token()).status, 200);
    const HttpReply refused = steps().http().send(
        {"POST", steps().host(), exportPath, {}, "application/octet-stream", steps().token(), {}, true});
    QCOMPARE(refused.status, 403);

    QCOMPARE(steps().assign(staging, steps().botId(), u"consumer"_s).status, 201);
    const HttpReply exported = steps().http().send(
        {"POST", steps().host(), exportPath, {}, "application/octet-stream", steps().token(), {}, true});
    QCOMPARE(exported.status, 201);
    QVERIFY(exported.body.isEmpty());
    const QString location = QString::fromLatin1(exported.header("location"));
    QVERIFY2(location.startsWith(u"/api/v1/temp-contents/"_s), qPrintable(location));

    const HttpReply download = steps().http().get(steps().host(), location, steps().token());
    QCOMPARE(download.status, 200);
    QCOMPARE(ContentSteps::sha256(download.body), steps().appState(appId).value(u"contentSha256"_s).toString());
    QCOMPARE(download.header("content-disposition"), QByteArray("attachment; filename=\"Sales Dashboard.qvf\""));
}

void TestSandboxApps::exportedAppImportsWithItsTitle()
{
    const QString appId = steps().appIdNamed(u"Customer Churn Analysis"_s);
    QCOMPARE(steps().assign(steps().spaceIdNamed(u"Staging"_s), steps().botId(), u"producer"_s).status, 201);
    const HttpReply exported = steps().http().send(
        {"POST", steps().host(), u"/api/v1/apps/%1/export"_s.arg(appId), {}, {}, steps().token(), {}, true});
    QCOMPARE(exported.status, 201);
    const QByteArray qvf
        = steps().http().get(steps().host(), QString::fromLatin1(exported.header("location")), steps().token()).body;
    // Imported elsewhere without ?name=: the title inside the file names the app (a real .qvf does).
    ContentSteps target(*m_sandbox, u"northwind"_s);
    QVERIFY(target.isReady());
    const HttpReply imported = target.importApp(target.newSpace(u"Imports"_s, u"shared"_s), {}, qvf);
    QCOMPARE(imported.status, 200);
    QCOMPARE(imported.json().value(u"attributes"_s).toObject().value(u"name"_s).toString(),
             u"Customer Churn Analysis"_s);
    QCOMPARE(target.appState(ContentSteps::appIdOf(imported)).value(u"contentSha256"_s).toString(),
             steps().appState(appId).value(u"contentSha256"_s).toString());
}

void TestSandboxApps::exportRefusesPublishedCopies()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const HttpReply published = steps().publish(appId, managed);
    QCOMPARE(published.status, 200);
    const HttpReply refused = steps().http().send({"POST",
                                                   steps().host(),
                                                   u"/api/v1/apps/%1/export"_s.arg(ContentSteps::appIdOf(published)),
                                                   {},
                                                   {},
                                                   steps().token(),
                                                   {},
                                                   true});
    QCOMPARE(refused.status, 403);
    const HttpReply badFlag = steps().http().send({"POST",
                                                   steps().host(),
                                                   u"/api/v1/apps/%1/export?NoData=perhaps"_s.arg(appId),
                                                   {},
                                                   {},
                                                   steps().token(),
                                                   {},
                                                   true});
    QCOMPARE(badFlag.status, 400);
    QCOMPARE(steps()
                 .http()
                 .send({"POST",
                        steps().host(),
                        u"/api/v1/apps/%1/export?NoData=true"_s.arg(appId),
                        {},
                        {},
                        steps().token(),
                        {},
                        true})
                 .status,
             201);
}

void TestSandboxApps::getUpdateAndDelete()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const QString path = u"/api/v1/apps/"_s + appId;
    HttpReply reply = steps().http().put(
        steps().host(), path,
        QJsonObject{{u"attributes"_s, QJsonObject{{u"name"_s, u"Renamed"_s}, {u"description"_s, u"New words"_s}}}},
        steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"attributes"_s).toObject().value(u"name"_s).toString(), u"Renamed"_s);
    reply = steps().http().get(steps().host(), path, steps().token());
    QCOMPARE(reply.json().value(u"attributes"_s).toObject().value(u"description"_s).toString(), u"New words"_s);

    reply = steps().http().put(steps().host(), path, QJsonObject{{u"attributes"_s, QJsonObject{{u"name"_s, u""_s}}}},
                               steps().token());
    QCOMPARE(reply.status, 400);
    reply
        = steps().http().put(steps().host(), path, QJsonObject{{u"attributes"_s, u"not an object"_s}}, steps().token());
    QCOMPARE(reply.status, 400);
    reply = steps().http().send(
        {"PUT", steps().host(), path, "{not json", "application/json", steps().token(), {}, true});
    QCOMPARE(reply.status, 400);

    QCOMPARE(steps().http().del(steps().host(), path, steps().token()).status, 200);
    QCOMPARE(steps().http().get(steps().host(), path, steps().token()).status, 404);
    QVERIFY(steps().appState(appId).isEmpty());
}

void TestSandboxApps::createAndCopy()
{
    const QString shared = steps().newSpace(u"Bot Staging"_s, u"shared"_s);
    HttpReply created = steps().http().post(
        steps().host(), u"/api/v1/apps"_s,
        QJsonObject{{u"attributes"_s,
                     QJsonObject{{u"name"_s, u"Fresh"_s}, {u"spaceId"_s, shared}, {u"usage"_s, u"ANALYTICS"_s}}}},
        steps().token());
    QCOMPARE(created.status, 200);
    const QString appId = ContentSteps::appIdOf(created);
    QCOMPARE(created.json().value(u"attributes"_s).toObject().value(u"usage"_s).toString(), u"ANALYTICS"_s);
    QVERIFY(!created.json().value(u"attributes"_s).toObject().contains(u"lastReloadTime"_s));

    QCOMPARE(
        steps()
            .http()
            .post(steps().host(), u"/api/v1/apps"_s, QJsonObject{{u"attributes"_s, QJsonObject()}}, steps().token())
            .status,
        400);
    QCOMPARE(steps()
                 .http()
                 .post(steps().host(), u"/api/v1/apps"_s,
                       QJsonObject{{u"attributes"_s, QJsonObject{{u"name"_s, u"X"_s}, {u"usage"_s, u"GAMES"_s}}}},
                       steps().token())
                 .status,
             400);

    const HttpReply copied = steps().http().post(
        steps().host(), u"/api/v1/apps/%1/copy"_s.arg(appId),
        QJsonObject{{u"attributes"_s, QJsonObject{{u"name"_s, u"Fresh (copy)"_s}}}}, steps().token());
    QCOMPARE(copied.status, 200);
    const QString copyId = ContentSteps::appIdOf(copied);
    QVERIFY(copyId != appId);
    QCOMPARE(steps().appState(copyId).value(u"contentSha256"_s), steps().appState(appId).value(u"contentSha256"_s));
    // No spaceId: the copy lands in the caller's personal space.
    QCOMPARE(steps().appState(copyId).value(u"spaceId"_s).toString(), QString());
}

void TestSandboxApps::publishCopiesIntoTheManagedSpace()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const HttpReply published = steps().http().post(
        steps().host(), u"/api/v1/apps/%1/publish"_s.arg(appId),
        QJsonObject{{u"spaceId"_s, managed},
                    {u"attributes"_s, QJsonObject{{u"name"_s, u"Bot App (prod)"_s}, {u"description"_s, u"Live"_s}}}},
        steps().token());
    QCOMPARE(published.status, 200);
    const QJsonObject attributes = published.json().value(u"attributes"_s).toObject();
    const QString copyId = attributes.value(u"id"_s).toString();
    QVERIFY(copyId != appId);
    QCOMPARE(attributes.value(u"originAppId"_s).toString(), appId);
    QCOMPARE(attributes.value(u"spaceId"_s).toString(), managed);
    QCOMPARE(attributes.value(u"name"_s).toString(), u"Bot App (prod)"_s);
    QVERIFY(attributes.contains(u"publishTime"_s));
    // FACTS §10.4: the tutorial's sample shows published false even here; don't rely on it.
    QCOMPARE(attributes.value(u"published"_s).toBool(), false);

    const QJsonObject state = steps().appState(copyId);
    QCOMPARE(state.value(u"published"_s).toBool(), true);
    QCOMPARE(state.value(u"originAppId"_s).toString(), appId);
    QCOMPARE(state.value(u"contentSha256"_s).toString(), ContentSteps::sha256("app bytes v1"));
    QCOMPARE(state.value(u"ownerId"_s).toString(), steps().botId());
    // The source stays where it was.
    QCOMPARE(steps().appState(appId).value(u"spaceId"_s).toString(), shared);
}

void TestSandboxApps::publishFollowsSpaceRules_data()
{
    QTest::addColumn<QString>("spaceKey");
    QTest::addColumn<int>("status");
    QTest::newRow("shared target") << u"shared"_s << 400;
    QTest::newRow("unknown target") << u"unknown"_s << 404;
    QTest::newRow("managed space without the publisher role") << u"seeded-production"_s << 403;
    QTest::newRow("managed space with the publisher role") << u"publisher"_s << 200;
    QTest::newRow("managed space as consumer") << u"consumer"_s << 403;
    QTest::newRow("missing spaceId") << QString() << 400;
}

void TestSandboxApps::publishFollowsSpaceRules()
{
    QFETCH(QString, spaceKey);
    QFETCH(int, status);
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const QString production = steps().spaceIdNamed(u"Production"_s);
    QJsonObject body;
    if (spaceKey == "shared"_L1)
        body.insert(u"spaceId"_s, shared);
    else if (spaceKey == "unknown"_L1)
        body.insert(u"spaceId"_s, u"000000000000000000000000"_s);
    else if (spaceKey == "seeded-production"_L1)
        body.insert(u"spaceId"_s, production);
    else if (spaceKey == "publisher"_L1 || spaceKey == "consumer"_L1) {
        QCOMPARE(steps().assign(production, steps().botId(), spaceKey).status, 201);
        body.insert(u"spaceId"_s, production);
    }
    const HttpReply reply
        = steps().http().post(steps().host(), u"/api/v1/apps/%1/publish"_s.arg(appId), body, steps().token());
    QCOMPARE(reply.status, status);
    if (status != 200)
        QVERIFY(!reply.errorCode().isEmpty());
}

void TestSandboxApps::publishIntoANewSpaceFailsTransiently()
{
    // FACTS §7, §14.5: a space created a moment ago may refuse a publish; Qlik says retry after 1 s.
    QVERIFY(steps().settings(QJsonObject{{u"spaceReadySeconds"_s, 5}}));
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    QCOMPARE(steps().publish(appId, managed).status, 404);
    QVERIFY(steps().advanceClock(5));
    QCOMPARE(steps().publish(appId, managed).status, 200);
}

void TestSandboxApps::republishKeepsTheIdAndReplacesContent()
{
    QString shared, managed, firstStaged;
    stageOwnApp(&shared, &managed, &firstStaged, "release 1");
    const HttpReply published = steps().publish(firstStaged, managed);
    QCOMPARE(published.status, 200);
    const QString copyId = ContentSteps::appIdOf(published);

    // The next deploy imports a NEW staged app (FACTS §10.2) and republishes it onto the same copy.
    for (const QByteArray &release : {QByteArray("release 2"), QByteArray("release 3")}) {
        const HttpReply staged = steps().importApp(shared, u"Bot App"_s, release);
        QCOMPARE(staged.status, 200);
        const QString stagedId = ContentSteps::appIdOf(staged);
        const HttpReply republished = steps().republish(stagedId, copyId, false);
        QCOMPARE(republished.status, 200);
        QCOMPARE(ContentSteps::appIdOf(republished), copyId);
        const QJsonObject state = steps().appState(copyId);
        QCOMPARE(state.value(u"contentSha256"_s).toString(), ContentSteps::sha256(release));
        QCOMPARE(state.value(u"originAppId"_s).toString(), stagedId);
    }
    // No duplicates: one app in the managed space, whatever the number of republishes.
    int inManaged = 0;
    for (const QJsonValue &app : steps().tenantState().value(u"apps"_s).toArray())
        inManaged += app.toObject().value(u"spaceId"_s).toString() == managed;
    QCOMPARE(inManaged, 1);
}

void TestSandboxApps::republishChecksTheOriginByDefault()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId, "v1");
    const QString copyId = ContentSteps::appIdOf(steps().publish(appId, managed));
    const QString newStaged = ContentSteps::appIdOf(steps().importApp(shared, u"Bot App"_s, "v2"));

    // checkOriginAppId defaults to true: another source is refused and nothing changes.
    const HttpReply refused = steps().http().put(steps().host(), u"/api/v1/apps/%1/publish"_s.arg(newStaged),
                                                 QJsonObject{{u"targetId"_s, copyId}}, steps().token());
    QCOMPARE(refused.status, 400);
    QCOMPARE(steps().appState(copyId).value(u"contentSha256"_s).toString(), ContentSteps::sha256("v1"));
    // The original source passes the check.
    const HttpReply same = steps().http().put(
        steps().host(), u"/api/v1/apps/%1/publish"_s.arg(appId),
        QJsonObject{{u"targetId"_s, copyId}, {u"attributes"_s, QJsonObject{{u"name"_s, u"Renamed on republish"_s}}}},
        steps().token());
    QCOMPARE(same.status, 200);
    QCOMPARE(same.json().value(u"attributes"_s).toObject().value(u"name"_s).toString(), u"Renamed on republish"_s);
    // data "target" keeps the copy's content.
    const HttpReply keep = steps().http().put(
        steps().host(), u"/api/v1/apps/%1/publish"_s.arg(newStaged),
        QJsonObject{{u"targetId"_s, copyId}, {u"checkOriginAppId"_s, false}, {u"data"_s, u"target"_s}},
        steps().token());
    QCOMPARE(keep.status, 200);
    QCOMPARE(steps().appState(copyId).value(u"contentSha256"_s).toString(), ContentSteps::sha256("v1"));
    QCOMPARE(steps().appState(copyId).value(u"originAppId"_s).toString(), newStaged);
}

void TestSandboxApps::republishRejectsTargetsThatAreNotPublished()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const QString other = ContentSteps::appIdOf(steps().importApp(shared, u"Other"_s, "other"));
    QCOMPARE(steps().republish(appId, other, false).status, 400);
    QCOMPARE(steps().republish(appId, u"00000000-0000-0000-0000-000000000000"_s, false).status, 404);
    const HttpReply missing = steps().http().put(steps().host(), u"/api/v1/apps/%1/publish"_s.arg(appId),
                                                 QJsonObject{{u"checkOriginAppId"_s, false}}, steps().token());
    QCOMPARE(missing.status, 400);
}

void TestSandboxApps::publishedCopyReachesEndUsersLate()
{
    // FACTS §14.5: end users get 403 on a fresh published copy for a while (Qlik retries 120 x 1 s).
    QVERIFY(steps().settings(QJsonObject{{u"publishVisibilitySeconds"_s, 60}}));
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const QString copyId = ContentSteps::appIdOf(steps().publish(appId, managed));
    const QString copyPath = u"/api/v1/apps/"_s + copyId;
    // The publisher sees it at once.
    QCOMPARE(steps().http().get(steps().host(), copyPath, steps().token()).status, 200);

    // Make the bot an end user: the copy goes to a person, the bot joins the space as consumer and
    // gives up TenantAdmin.
    const QString alex = steps().userIdNamed(u"Alex Morgan"_s);
    QCOMPARE(steps()
                 .http()
                 .put(steps().host(), copyPath + u"/owner"_s, QJsonObject{{u"ownerId"_s, alex}}, steps().token())
                 .status,
             200);
    const HttpReply demoted = steps().http().patch(
        steps().host(), u"/api/v1/users/"_s + steps().botId(),
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/assignedRoles"_s}, {u"value"_s, QJsonArray()}}},
        steps().token());
    QCOMPARE(demoted.status, 204);

    const HttpReply early = steps().http().get(steps().host(), copyPath, steps().token());
    QCOMPARE(early.status, 403);
    QVERIFY(steps().advanceClock(30));
    QCOMPARE(steps().http().get(steps().host(), copyPath, steps().token()).status, 403);
    QVERIFY(steps().advanceClock(31));
    const HttpReply later = steps().http().get(steps().host(), copyPath, steps().token());
    QCOMPARE(later.status, 200);
    QVERIFY(!later.json().value(u"privileges"_s).toArray().contains(u"export"_s));
}

void TestSandboxApps::changesOwnerAndSpace()
{
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId);
    const QString path = u"/api/v1/apps/"_s + appId;
    const QString priya = steps().userIdNamed(u"Priya Shah"_s);
    HttpReply reply
        = steps().http().put(steps().host(), path + u"/owner"_s, QJsonObject{{u"ownerId"_s, priya}}, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"attributes"_s).toObject().value(u"ownerId"_s).toString(), priya);
    QString priyaSubject;
    for (const QJsonValue &user : steps().tenantState().value(u"users"_s).toArray()) {
        if (user.toObject().value(u"id"_s).toString() == priya)
            priyaSubject = user.toObject().value(u"subject"_s).toString();
    }
    QCOMPARE(reply.json().value(u"attributes"_s).toObject().value(u"owner"_s).toString(), priyaSubject);
    QCOMPARE(steps()
                 .http()
                 .put(steps().host(), path + u"/owner"_s, QJsonObject{{u"ownerId"_s, u"nobody"_s}}, steps().token())
                 .status,
             400);
    QCOMPARE(steps().http().put(steps().host(), path + u"/owner"_s, QJsonObject(), steps().token()).status, 400);

    reply = steps().http().del(steps().host(), path + u"/space"_s, steps().token());
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json().value(u"attributes"_s).toObject().contains(u"spaceId"_s));
    reply
        = steps().http().put(steps().host(), path + u"/space"_s, QJsonObject{{u"spaceId"_s, managed}}, steps().token());
    QCOMPARE(reply.status, 403);
    reply
        = steps().http().put(steps().host(), path + u"/space"_s, QJsonObject{{u"spaceId"_s, shared}}, steps().token());
    QCOMPARE(reply.status, 200);
    QCOMPARE(steps().appState(appId).value(u"spaceId"_s).toString(), shared);
    QCOMPARE(steps().appState(appId).value(u"ownerId"_s).toString(), priya);
}

void TestSandboxApps::unknownAppsAre404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("get") << QByteArray("GET") << QString() << QByteArray();
    QTest::newRow("put") << QByteArray("PUT") << QString() << QByteArray(R"({"attributes":{"name":"x"}})");
    QTest::newRow("delete") << QByteArray("DELETE") << QString() << QByteArray();
    QTest::newRow("copy") << QByteArray("POST") << u"/copy"_s << QByteArray(R"({"attributes":{}})");
    QTest::newRow("export") << QByteArray("POST") << u"/export"_s << QByteArray();
    QTest::newRow("publish") << QByteArray("POST") << u"/publish"_s << QByteArray(R"({"spaceId":"x"})");
    QTest::newRow("republish") << QByteArray("PUT") << u"/publish"_s << QByteArray(R"({"targetId":"x"})");
    QTest::newRow("owner") << QByteArray("PUT") << u"/owner"_s << QByteArray(R"({"ownerId":"x"})");
    QTest::newRow("space") << QByteArray("PUT") << u"/space"_s << QByteArray(R"({"spaceId":"x"})");
    QTest::newRow("remove space") << QByteArray("DELETE") << u"/space"_s << QByteArray();
}

void TestSandboxApps::unknownAppsAre404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, body);
    const HttpReply reply = steps().http().send({method,
                                                 steps().host(),
                                                 u"/api/v1/apps/7e0c2a52-0000-4000-8000-000000000000"_s + suffix,
                                                 body,
                                                 body.isEmpty() ? QByteArray() : QByteArray("application/json"),
                                                 steps().token(),
                                                 {},
                                                 true});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), u"HTTP-404"_s);
}

void TestSandboxApps::changesAreAudited()
{
    const int before = steps().tenantState().value(u"auditCount"_s).toInt();
    QString shared, managed, appId;
    stageOwnApp(&shared, &managed, &appId); // two spaces, one import
    QCOMPARE(steps().publish(appId, managed).status, 200);
    QCOMPARE(steps().http().del(steps().host(), u"/api/v1/apps/"_s + appId, steps().token()).status, 200);
    QCOMPARE(steps().tenantState().value(u"auditCount"_s).toInt(), before + 5);
}

QTEST_GUILESS_MAIN(TestSandboxApps)
#include "tst_sandboxapps.moc"
