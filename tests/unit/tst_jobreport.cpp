// The rollout report (issue 7): one row per target × step, every column, CSV quoting of messages
// with commas, quotes and line breaks, and the JSON form.
#include "ops/jobreport.h"
#include "ops/stepprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime started = QDateTime::fromString(u"2026-11-28T08:00:00.000Z"_s, Qt::ISODateWithMs);

// Two targets: the first published its app (created) after two attempts and updated a space; the
// second failed with Qlik's error code and traceId, its next step skipped.
Ops::JobState sampleState()
{
    Ops::Plan plan;
    plan.name = u"Sales rollout"_s;
    Ops::Plan::Target acme;
    acme.id = u"acme"_s;
    acme.hostname = u"acme.eu.qlikcloud.com"_s;
    acme.steps = {{u"space"_s, u"space"_s, {}, {}}, {u"publish"_s, u"publish-app"_s, {}, {}}};
    Ops::Plan::Target globex;
    globex.id = u"globex"_s;
    globex.hostname = u"globex.us.qlikcloud.com"_s;
    globex.steps = {{u"publish"_s, u"publish-app"_s, {}, {}}, {u"owner"_s, u"owner-change"_s, {}, {}}};
    plan.targets = {acme, globex};

    Ops::JobState state(u"job-42"_s, plan, false);
    state.status = Ops::JobStatus::Failed;
    state.targets[0].status = Ops::TargetStatus::Succeeded;
    Ops::JobState::Step &space = state.targets[0].steps[0];
    space.status = Ops::StepStatus::Updated;
    space.probe = Ops::StepProbe::update(u"update space 'Sales'"_s, {u"PATCH /api/v1/spaces/sp1"_s}, {}, {});
    space.change.updated = {{u"space"_s, u"sp1"_s, u"Sales"_s}};
    space.attempts = 1;
    space.started = started;
    space.finished = started.addMSecs(250);
    Ops::JobState::Step &publish = state.targets[0].steps[1];
    publish.status = Ops::StepStatus::Created;
    publish.probe = Ops::StepProbe::create(u"publish app"_s, {u"POST /api/v1/apps/a1/publish"_s});
    publish.change.created = {{u"app"_s, u"app-777"_s, u"Sales"_s}, {u"item"_s, u"it-9"_s, u"Sales"_s}};
    publish.attempts = 2;
    publish.started = started.addSecs(1);
    publish.finished = started.addSecs(3);

    state.targets[1].status = Ops::TargetStatus::Failed;
    Ops::JobState::Step &failed = state.targets[1].steps[0];
    failed.status = Ops::StepStatus::Failed;
    failed.probe = Ops::StepProbe::create(u"publish app"_s, {u"POST /api/v1/apps/a1/publish"_s});
    failed.attempts = 1;
    failed.started = started;
    failed.finished = started.addMSecs(1500);
    Ops::StepError error = Ops::StepError::failed(u"Space \"Sales, EU\" refused:\nnot a member"_s);
    error.httpStatus = 403;
    error.code = u"HTTP-403"_s;
    error.traceId = u"7f3a9c"_s;
    failed.error = error;
    state.targets[1].steps[1].status = Ops::StepStatus::Skipped;
    return state;
}

} // namespace

class TestJobReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowPerTargetAndStep();
    void csvEveryColumnAndQuoting();
    void json();
    void formatForPath_data();
    void formatForPath();
    void emptyJob();
    void heldBackTargetsSayWhy();
    void stepOutcomeNames_data();
    void stepOutcomeNames();
};

void TestJobReport::rowPerTargetAndStep()
{
    const Ops::JobReport report = Ops::JobReport::fromState(sampleState());
    QCOMPARE(report.rows().size(), 4);
    const Ops::JobReport::Row &publish = report.rows().at(1);
    QCOMPARE(publish.jobId, u"job-42"_s);
    QCOMPARE(publish.targetId, u"acme"_s);
    QCOMPARE(publish.hostname, u"acme.eu.qlikcloud.com"_s);
    QCOMPARE(publish.targetStatus, u"succeeded"_s);
    QCOMPARE(publish.stepId, u"publish"_s);
    QCOMPARE(publish.stepType, u"publish-app"_s);
    QCOMPARE(publish.status, u"created"_s);
    QCOMPARE(publish.action, u"create"_s);
    QCOMPARE(publish.created, (QStringList{u"app app-777"_s, u"item it-9"_s}));
    QVERIFY(publish.updated.isEmpty());
    QCOMPARE(publish.durationMs, 2000);
    QCOMPARE(publish.attempts, 2);
    QVERIFY(publish.error.isEmpty());

    const Ops::JobReport::Row &failed = report.rows().at(2);
    QCOMPARE(failed.targetId, u"globex"_s);
    QCOMPARE(failed.status, u"failed"_s);
    QCOMPARE(failed.errorCode, u"HTTP-403"_s);
    QCOMPARE(failed.httpStatus, 403);
    QCOMPARE(failed.traceId, u"7f3a9c"_s);
    QCOMPARE(failed.error, u"Space \"Sales, EU\" refused:\nnot a member"_s);

    const Ops::JobReport::Row &skipped = report.rows().at(3);
    QCOMPARE(skipped.status, u"skipped"_s);
    QCOMPARE(skipped.durationMs, -1);
    QVERIFY(skipped.action.isEmpty());
}

void TestJobReport::csvEveryColumnAndQuoting()
{
    const QByteArray csv = Ops::JobReport::fromState(sampleState()).toCsv();
    const QString text = QString::fromUtf8(csv);
    const QStringList records = text.split(u"\r\n"_s);
    // Header, four rows, and the empty string after the last CRLF.
    QCOMPARE(records.size(), 6);
    QCOMPARE(records.at(0),
             u"job_id,target_id,hostname,target_status,step_id,step_type,status,action,created,updated,"
             "duration_ms,attempts,error,error_code,http_status,trace_id"_s);
    QCOMPARE(records.at(1),
             u"job-42,acme,acme.eu.qlikcloud.com,succeeded,space,space,updated,update,,space sp1,250,1,,,,"_s);
    QCOMPARE(records.at(2),
             u"job-42,acme,acme.eu.qlikcloud.com,succeeded,publish,publish-app,created,create,app app-777; item it-9,,"
             "2000,2,,,,"_s);
    // Quotes doubled, the comma and the line break kept inside one quoted field.
    QCOMPARE(records.at(3),
             u"job-42,globex,globex.us.qlikcloud.com,failed,publish,publish-app,failed,create,,,1500,1,"
             "\"Space \"\"Sales, EU\"\" refused:\nnot a member\",HTTP-403,403,7f3a9c"_s);
    QCOMPARE(records.at(4), u"job-42,globex,globex.us.qlikcloud.com,failed,owner,owner-change,skipped,,,,,0,,,,"_s);
    QVERIFY(records.at(5).isEmpty());
}

void TestJobReport::json()
{
    const Ops::JobReport report = Ops::JobReport::fromState(sampleState());
    const QJsonArray items = QJsonDocument::fromJson(report.toBytes(Ops::JobReport::Format::Json)).array();
    QCOMPARE(items.size(), 4);
    const QJsonObject publish = items.at(1).toObject();
    QCOMPARE(publish.value(u"created"_s).toArray(), (QJsonArray{u"app app-777"_s, u"item it-9"_s}));
    QCOMPARE(publish.value(u"durationMs"_s).toInteger(), 2000);
    QCOMPARE(publish.value(u"attempts"_s).toInt(), 2);
    QVERIFY(publish.value(u"httpStatus"_s).isNull());
    const QJsonObject failed = items.at(2).toObject();
    QCOMPARE(failed.value(u"error"_s).toString(), u"Space \"Sales, EU\" refused:\nnot a member"_s);
    QCOMPARE(failed.value(u"errorCode"_s).toString(), u"HTTP-403"_s);
    QCOMPARE(failed.value(u"httpStatus"_s).toInt(), 403);
    QCOMPARE(failed.value(u"traceId"_s).toString(), u"7f3a9c"_s);
    QCOMPARE(failed.value(u"hostname"_s).toString(), u"globex.us.qlikcloud.com"_s);
    QVERIFY(items.at(3).toObject().value(u"durationMs"_s).isNull());
    // The same fields as the CSV columns.
    QCOMPARE(publish.keys().size(), Ops::JobReport::headers().size());
}

void TestJobReport::formatForPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("json");
    QTest::newRow("csv") << u"/tmp/report.csv"_s << true << false;
    QTest::newRow("JSON upper case") << u"/tmp/report.JSON"_s << true << true;
    QTest::newRow("no suffix") << u"/tmp/report"_s << false << false;
    QTest::newRow("other") << u"/tmp/report.xlsx"_s << false << false;
}

void TestJobReport::formatForPath()
{
    QFETCH(QString, path);
    QFETCH(bool, known);
    QFETCH(bool, json);
    Ops::JobReport::Format format = Ops::JobReport::Format::Csv;
    QCOMPARE(Ops::JobReport::formatForPath(path, &format), known);
    if (known)
        QCOMPARE(format == Ops::JobReport::Format::Json, json);
}

void TestJobReport::emptyJob()
{
    const Ops::JobReport report = Ops::JobReport::fromState(Ops::JobState());
    QVERIFY(report.rows().isEmpty());
    QCOMPARE(QString::fromUtf8(report.toCsv()), Ops::JobReport::headers().join(u',') + u"\r\n"_s);
    QCOMPARE(report.toJson(), QJsonArray());
}

void TestJobReport::stepOutcomeNames_data()
{
    QTest::addColumn<Ops::StepStatus>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("created") << Ops::StepStatus::Created << u"created"_s;
    QTest::newRow("no change") << Ops::StepStatus::NoChange << u"no-change"_s;
    QTest::newRow("planned") << Ops::StepStatus::Planned << u"planned"_s;
    QTest::newRow("failed") << Ops::StepStatus::Failed << u"failed"_s;
    QTest::newRow("pending") << Ops::StepStatus::Pending << u"pending"_s;
    // A step still running when the job stopped has no result yet.
    QTest::newRow("probing") << Ops::StepStatus::Probing << u"pending"_s;
    QTest::newRow("applying") << Ops::StepStatus::Applying << u"pending"_s;
    QTest::newRow("verifying") << Ops::StepStatus::Verifying << u"pending"_s;
}

void TestJobReport::stepOutcomeNames()
{
    QFETCH(Ops::StepStatus, status);
    QFETCH(QString, name);
    QCOMPARE(Ops::stepOutcomeName(status), name);
}

void TestJobReport::heldBackTargetsSayWhy()
{
    // A staged rollout stopped: the targets it held back were never run, and their rows say why.
    Ops::JobState state = sampleState();
    state.targets[1].status = Ops::TargetStatus::Cancelled;
    state.targets[1].message = u"not started: 1 of wave 2's 3 targets failed or were blocked (more than 0%)"_s;
    state.targets[1].steps[0] = Ops::JobState::Step();
    state.targets[1].steps[1] = Ops::JobState::Step();
    const Ops::JobReport report = Ops::JobReport::fromState(state);
    for (const int row : {2, 3}) {
        QCOMPARE(report.rows().at(row).targetStatus, u"cancelled"_s);
        QCOMPARE(report.rows().at(row).status, u"pending"_s);
        QCOMPARE(report.rows().at(row).error, state.targets[1].message);
    }
    QVERIFY(report.rows().at(0).error.isEmpty());
}

QTEST_GUILESS_MAIN(TestJobReport)
#include "tst_jobreport.moc"
