// tenantryctl plan / apply against the sandbox, as a script or CI would run them: the exit codes,
// the JSON summary, the journal, and `kill -9` of a running apply at ten points, each followed by
// `apply --resume-last` converging with no duplicate (issue 6); a plan that deletes content is
// applied, or resumed, only with --yes (issue 8).
#include "app/ctlrunner.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

namespace {

constexpr int Tenants = 4;

} // namespace

class TestCtlApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void planChangesNothing();
    void applyConvergesAndSaysWhatItDid();
    void blockedTargetFailsTheRun();
    void licensePoolIsCheckedAcrossTargets();
    void killedAndResumed_data();
    void killedAndResumed();
    void deletePlanNeedsYes();

private:
    struct Killed
    {
        bool killed = false;
        int lines = 0;
        QByteArray err;
    };
    CtlRunner::Result ctl(const QStringList &arguments);
    // Runs apply and kills it with SIGKILL after `progressLines` lines on stderr (0: at once).
    Killed applyAndKill(int progressLines);
    void checkConverged();
    [[nodiscard]] QList<QJsonObject> spacesNamed(const QString &host, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<CtlRunner> m_ctl;
    QStringList m_hosts;
    QString m_plan;
};

void TestCtlApply::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestCtlApply::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_ctl = std::make_unique<CtlRunner>();
    QVERIFY(m_ctl->isValid());
    // The region client's secret comes from the environment, as in CI (no keychain needed).
    m_ctl->environment().insert(u"TENANTRY_CLIENT_SECRET_SANDBOX_REGION_EU"_s, u"sandbox-region-eu-secret"_s);
    const CtlRunner::Result profile
        = ctl({u"credentials"_s, u"set"_s, u"sandbox-region-eu"_s, u"--tier"_s, u"region"_s, u"--client-id"_s,
               u"sandbox-region-eu"_s, u"--region"_s, u"eu"_s, u"--no-secret"_s});
    QVERIFY2(profile.exitCode == 0, profile.err.constData());

    m_hosts.clear();
    for (const QJsonValue tenant : m_sandbox->http().state().value(u"tenants"_s).toArray()) {
        const QJsonObject object = tenant.toObject();
        if (object.value(u"region"_s).toString() == u"eu"_s && object.value(u"status"_s).toString() == u"active"_s
            && m_hosts.size() < Tenants)
            m_hosts.append(object.value(u"hostnames"_s).toArray().first().toString());
    }
    QCOMPARE(m_hosts.size(), Tenants);

    QJsonArray targets;
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        targets.append(QJsonObject{
            {u"id"_s, u"customer-%1"_s.arg(i)},
            {u"hostname"_s, m_hosts.at(i)},
            {u"profile"_s, u"sandbox-region-eu"_s},
            {u"steps"_s,
             QJsonArray{
                 QJsonObject{{u"id"_s, u"staging"_s},
                             {u"type"_s, u"space"_s},
                             {u"params"_s, QJsonObject{{u"name"_s, u"Tenantry staging"_s}, {u"type"_s, u"shared"_s}}}},
                 QJsonObject{{u"id"_s, u"production"_s},
                             {u"type"_s, u"space"_s},
                             {u"params"_s,
                              QJsonObject{{u"name"_s, u"Tenantry production"_s},
                                          {u"type"_s, u"managed"_s},
                                          {u"description"_s, u"next to ${staging.spaceId}"_s}}}}}}});
    }
    m_plan = m_ctl->home() + u"/plan.json"_s;
    QFile file(m_plan);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{u"format"_s, u"tenantry-plan"_s},
                                         {u"version"_s, 1},
                                         {u"name"_s, u"ctl test"_s},
                                         {u"options"_s, QJsonObject{{u"concurrency"_s, 2}}},
                                         {u"targets"_s, targets}})
                   .toJson());
}

void TestCtlApply::cleanup()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"latencyMs"_s, 0}}));
}

CtlRunner::Result TestCtlApply::ctl(const QStringList &arguments)
{
    return m_ctl->run(QStringList{u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port())} + arguments);
}

QList<QJsonObject> TestCtlApply::spacesNamed(const QString &host, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue space : m_sandbox->tenantState(host).value(u"spaces"_s).toArray()) {
        if (space.toObject().value(u"name"_s).toString() == name)
            found.append(space.toObject());
    }
    return found;
}

void TestCtlApply::checkConverged()
{
    for (const QString &host : std::as_const(m_hosts)) {
        const QList<QJsonObject> staging = spacesNamed(host, u"Tenantry staging"_s);
        const QList<QJsonObject> production = spacesNamed(host, u"Tenantry production"_s);
        QCOMPARE(staging.size(), 1);
        QCOMPARE(production.size(), 1);
        QCOMPARE(production.first().value(u"description"_s).toString(),
                 u"next to "_s + staging.first().value(u"id"_s).toString());
    }
}

void TestCtlApply::planChangesNothing()
{
    const CtlRunner::Result plan = ctl({u"plan"_s, m_plan});
    QVERIFY2(plan.exitCode == 0, plan.err.constData());
    QVERIFY2(plan.out.contains("dry run of 4 targets (nothing was changed)"), plan.out.constData());
    QVERIFY2(plan.out.contains("+ staging     space  create shared space 'Tenantry staging'"), plan.out.constData());
    QVERIFY2(plan.out.contains("after step \"staging\""), plan.out.constData());
    QVERIFY2(plan.out.contains("POST /api/v1/spaces"), plan.out.constData());
    QVERIFY(spacesNamed(m_hosts.first(), u"Tenantry staging"_s).isEmpty());
    QVERIFY(!QDir(m_ctl->home() + u"/.local/share/Tenantry/journals"_s).exists()); // no journal for a dry run

    const CtlRunner::Result json = ctl({u"plan"_s, m_plan, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().value(u"mode"_s).toString(), u"dry-run"_s);
    QCOMPARE(json.json().value(u"steps"_s).toObject().value(u"create"_s).toInt(), 8);
}

void TestCtlApply::applyConvergesAndSaysWhatItDid()
{
    // A report file with no known format is refused before anything runs.
    const CtlRunner::Result badReport = ctl({u"apply"_s, m_plan, u"--report"_s, m_ctl->home() + u"/report.txt"_s});
    QCOMPARE(badReport.exitCode, 2);
    QVERIFY2(badReport.err.contains("report.txt: the file name must end in .csv or .json"), badReport.err.constData());
    QVERIFY(spacesNamed(m_hosts.first(), u"Tenantry staging"_s).isEmpty());

    const QString reportPath = m_ctl->home() + u"/report.csv"_s;
    const CtlRunner::Result apply = ctl({u"apply"_s, m_plan, u"--json"_s, u"--report"_s, reportPath});
    QVERIFY2(apply.exitCode == 0, apply.err.constData());
    checkConverged();
    // The report: a header and one row per target and step, each naming what it created.
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = report.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + Tenants * 2);
    QVERIFY2(lines.first().startsWith("job_id,"), lines.first().constData());
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).contains(",created,create,") && lines.at(i).contains("space "), lines.at(i).constData());
    const QJsonObject summary = apply.json();
    QCOMPARE(summary.value(u"status"_s).toString(), u"succeeded"_s);
    QCOMPARE(summary.value(u"counts"_s).toObject().value(u"succeeded"_s).toInt(), Tenants);
    const QJsonObject first = summary.value(u"targets"_s).toArray().first().toObject();
    const QJsonObject created
        = first.value(u"steps"_s).toArray().first().toObject().value(u"created"_s).toArray().first().toObject();
    QCOMPARE(
        created.value(u"id"_s).toString(),
        spacesNamed(first.value(u"hostname"_s).toString(), u"Tenantry staging"_s).first().value(u"id"_s).toString());
    // Progress on stderr, one line per step and target; the journal where the history looks.
    QVERIFY2(apply.err.contains(": staging (space): created shared space 'Tenantry staging'"), apply.err.constData());
    QVERIFY2(apply.err.contains("[4/4] "), apply.err.constData());
    const QStringList journals = QDir(m_ctl->home() + u"/.local/share/Tenantry/journals"_s).entryList({u"*.jsonl"_s});
    QCOMPARE(journals.size(), 1);
    QVERIFY(journals.first().startsWith(summary.value(u"jobId"_s).toString()));

    // Again: nothing to do, and it says so.
    const CtlRunner::Result again = ctl({u"apply"_s, m_plan});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.contains("Steps: 0 created, 0 updated, 8 unchanged."), again.out.constData());
    checkConverged();
}

void TestCtlApply::blockedTargetFailsTheRun()
{
    // The demo's tenants have a shared "Staging"; asking for a managed one blocks, changing nothing.
    QFile file(m_plan);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll();
    file.close();
    json.replace("\"Tenantry staging\"", "\"Staging\"").replace("\"shared\"", "\"managed\"");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
    file.close();
    const CtlRunner::Result apply = ctl({u"apply"_s, m_plan});
    QCOMPARE(apply.exitCode, 1);
    QVERIFY2(apply.err.contains("blocked — step \"staging\" blocked: a shared space named 'Staging' exists already"),
             apply.err.constData());
    QVERIFY(spacesNamed(m_hosts.first(), u"Tenantry production"_s).isEmpty());
}

void TestCtlApply::licensePoolIsCheckedAcrossTargets()
{
    // Every target assigns two new seats from the license all of them share; with the pool kept
    // to five free seats, each fits alone and the four together do not (FACTS §6).
    const QJsonObject subscription = m_sandbox->http().state().value(u"subscriptions"_s).toArray().first().toObject();
    const QString licenseNumber = subscription.value(u"id"_s).toString();
    qint64 left = 0;
    for (const QJsonValue allotment : subscription.value(u"allotments"_s).toArray()) {
        if (allotment[u"name"_s].toString() == u"professional"_s)
            left = allotment[u"units"_s].toInteger() - allotment[u"unitsUsed"_s].toInteger();
    }
    QVERIFY(left > 5);
    QFile file(m_plan);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject plan = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray targets = plan.value(u"targets"_s).toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        QJsonObject target = targets.at(i).toObject();
        QJsonArray steps = target.value(u"steps"_s).toArray();
        QJsonArray assignments;
        for (const QString &seat : {u"a"_s, u"b"_s})
            assignments.append(
                QJsonObject{{u"subject"_s, u"jwt|ctl-%1-%2"_s.arg(i).arg(seat)}, {u"type"_s, u"professional"_s}});
        steps.prepend(QJsonObject{{u"id"_s, u"licenses"_s},
                                  {u"type"_s, u"licenses"_s},
                                  {u"params"_s,
                                   QJsonObject{{u"assignments"_s, assignments},
                                               {u"keepFree"_s, QJsonObject{{u"professional"_s, left - 5}}}}}});
        target.insert(u"steps"_s, steps);
        targets[i] = target;
    }
    plan.insert(u"targets"_s, targets);
    plan.insert(u"options"_s, QJsonObject{{u"concurrency"_s, 2}, {u"preflight"_s, u"plan"_s}});
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(plan).toJson());
    file.close();

    const CtlRunner::Result dry = ctl({u"plan"_s, m_plan});
    const QByteArray expected = u"the plan assigns 8 new professional seat(s) on license %1 across 4 target(s), but "
                                u"its shared pool has %2 left"_s.arg(licenseNumber)
                                    .arg(left)
                                    .toUtf8();
    QVERIFY2(dry.out.contains(expected), dry.out.constData());
    QVERIFY2(dry.out.contains(u"license pool %1 (professional): the plan assigns 8 new seat(s) across 4 target(s); "
                              u"%2 of 50 are left; 2 target(s) blocked"_s.arg(licenseNumber)
                                  .arg(left)
                                  .toUtf8()),
             dry.out.constData());

    const CtlRunner::Result apply = ctl({u"apply"_s, m_plan});
    QCOMPARE(apply.exitCode, 1);
    QVERIFY2(apply.err.contains(expected), apply.err.constData());
    // Refused before anything changed: no seat, no space.
    for (const QJsonValue seat : m_sandbox->http()
                                     .state()
                                     .value(u"subscriptions"_s)
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(u"assignments"_s)
                                     .toArray())
        QVERIFY2(!seat[u"subject"_s].toString().startsWith(u"jwt|ctl-"_s), qPrintable(seat[u"subject"_s].toString()));
    for (const QString &host : std::as_const(m_hosts))
        QVERIFY(spacesNamed(host, u"Tenantry staging"_s).isEmpty());
}

TestCtlApply::Killed TestCtlApply::applyAndKill(int progressLines)
{
    QProcess process;
    process.setProcessEnvironment(m_ctl->environment());
    process.setProgram(QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl"));
    process.setArguments({u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port()), u"apply"_s, m_plan});
    process.start();
    Killed result;
    if (!process.waitForStarted(10000))
        return result;
    process.setReadChannel(QProcess::StandardError);
    while (result.lines < progressLines && process.state() == QProcess::Running && process.waitForReadyRead(20000)) {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine();
            result.err += line;
            // The job's own lines: per settled step and per finished target.
            if (line.contains(" (space): ") || line.contains("] "))
                ++result.lines;
        }
    }
    if (process.state() == QProcess::Running)
        process.kill(); // SIGKILL
    process.waitForFinished(30000);
    result.killed = process.exitStatus() == QProcess::CrashExit;
    result.err += process.readAllStandardError();
    return result;
}

void TestCtlApply::killedAndResumed_data()
{
    QTest::addColumn<int>("progressLines");
    // 0 kills it at once (maybe before the journal exists); 11 is past the last step line.
    for (const int lines : {0, 1, 2, 3, 4, 5, 6, 7, 9, 11})
        QTest::newRow(qPrintable(u"after %1 lines"_s.arg(lines))) << lines;
}

void TestCtlApply::killedAndResumed()
{
    QFETCH(int, progressLines);
    // Slow answers and lost ones: a kill lands while requests are in flight, and a create's lost
    // answer must not turn into a duplicate on resume.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"latencyMs"_s, 25}}));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s,
                                      QJsonObject{{u"seed"_s, progressLines + 1},
                                                  {u"rules"_s,
                                                   QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                                                          {u"method"_s, u"POST"_s},
                                                                          {u"rate"_s, 0.3},
                                                                          {u"kind"_s, u"lost-response"_s}}}}}));
    const Killed killed = applyAndKill(progressLines);
    if (!killed.killed) // it finished before the kill (only possible for the last rows)
        QVERIFY2(progressLines >= 9, killed.err.constData());

    CtlRunner::Result resumed = ctl({u"apply"_s, m_plan, u"--resume-last"_s});
    if (resumed.err.contains("no interrupted job of plan")) {
        // The kill came before the journal's first record (nothing ran) or after its last (the job had
        // ended): nothing is half done, and applying the plan again converges.
        resumed = ctl({u"apply"_s, m_plan});
    } else {
        QVERIFY2(resumed.err.contains("resuming job "), resumed.err.constData());
    }
    QVERIFY2(resumed.exitCode == 0, QByteArray(killed.err + "\n---\n" + resumed.err).constData());
    checkConverged();
    // Every create that reached the sandbox made a space that is still the only one of its name:
    // no create was ever sent twice, across lost answers, the kill and the resume.
    QCOMPARE(m_sandbox->http().state().value(u"requests"_s).toObject().value(u"POST /v1/spaces"_s).toInteger(),
             2 * Tenants);

    // A second resume finds nothing left to do.
    const CtlRunner::Result nothing = ctl({u"apply"_s, u"--resume-last"_s});
    QCOMPARE(nothing.exitCode, 1);
    QVERIFY2(nothing.err.contains("no interrupted job to resume"), nothing.err.constData());
}

void TestCtlApply::deletePlanNeedsYes()
{
    // An app of one of the tenants, deleted by a plan as `ownership delete` writes one.
    QString host;
    QJsonObject app;
    for (const QString &candidate : std::as_const(m_hosts)) {
        const QJsonArray apps = m_sandbox->tenantState(candidate).value(u"apps"_s).toArray();
        if (!apps.isEmpty()) {
            host = candidate;
            app = apps.first().toObject();
            break;
        }
    }
    QVERIFY(!app.value(u"id"_s).toString().isEmpty());
    const auto appExists = [this, &host, &app] {
        const QJsonArray apps = m_sandbox->tenantState(host).value(u"apps"_s).toArray();
        return std::any_of(apps.begin(), apps.end(),
                           [&app](const QJsonValue &a) { return a[u"id"_s] == app[u"id"_s]; });
    };
    QJsonArray steps{
        QJsonObject{{u"id"_s, u"staging"_s},
                    {u"type"_s, u"space"_s},
                    {u"params"_s, QJsonObject{{u"name"_s, u"Tenantry staging"_s}, {u"type"_s, u"shared"_s}}}},
        QJsonObject{{u"id"_s, u"item-1"_s},
                    {u"type"_s, u"delete"_s},
                    {u"params"_s,
                     QJsonObject{{u"resourceType"_s, u"app"_s},
                                 {u"resourceId"_s, app.value(u"id"_s)},
                                 {u"name"_s, app.value(u"name"_s)},
                                 {u"owner"_s, app.value(u"ownerId"_s)}}}}};
    const QString planPath = m_ctl->home() + u"/delete.json"_s;
    QFile file(planPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{u"format"_s, u"tenantry-plan"_s},
                                         {u"version"_s, 1},
                                         {u"name"_s, u"ctl delete test"_s},
                                         {u"targets"_s,
                                          QJsonArray{QJsonObject{{u"id"_s, u"customer"_s},
                                                                 {u"hostname"_s, host},
                                                                 {u"profile"_s, u"sandbox-region-eu"_s},
                                                                 {u"steps"_s, steps}}}}})
                   .toJson());
    file.close();
    const QString journals = m_ctl->home() + u"/.local/share/Tenantry/journals"_s;

    // Refused, and nothing was done: no journal, the app still there, no space made.
    const CtlRunner::Result refused = ctl({u"apply"_s, planPath});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("the plan holds 1 \"delete\" step") && refused.err.contains("--yes"),
             refused.err.constData());
    QVERIFY(!QDir(journals).exists());
    QVERIFY(appExists());
    QVERIFY(spacesNamed(host, u"Tenantry staging"_s).isEmpty());
    // The dry run needs no confirmation.
    const CtlRunner::Result dry = ctl({u"plan"_s, planPath});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QVERIFY(appExists());

    // Interrupted once the space exists, before the deletion settles: resuming asks for --yes too.
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"latencyMs"_s, 1500}}));
    QProcess process;
    process.setProcessEnvironment(m_ctl->environment());
    process.setProgram(QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl"));
    process.setArguments(
        {u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(m_sandbox->port()), u"apply"_s, planPath, u"--yes"_s});
    process.setReadChannel(QProcess::StandardError);
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QByteArray err;
    while (!err.contains(" (space): ") && process.state() == QProcess::Running && process.waitForReadyRead(20000))
        err += process.readAll();
    process.kill();
    process.waitForFinished(30000);
    QVERIFY2(process.exitStatus() == QProcess::CrashExit, err.constData());
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, QJsonObject{{u"latencyMs"_s, 0}}));
    const qsizetype at = err.indexOf("job ");
    QVERIFY2(at >= 0, err.constData());
    const QString jobId = QString::fromLatin1(err.mid(at + 4, err.indexOf(',', at) - at - 4));
    for (const QStringList &resume :
         {QStringList{u"apply"_s, u"--resume-last"_s}, QStringList{u"apply"_s, u"--resume"_s, jobId},
          QStringList{u"apply"_s, planPath, u"--resume-last"_s}}) {
        const CtlRunner::Result unconfirmed = ctl(resume);
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains("the plan holds 1 \"delete\" step"), unconfirmed.err.constData());
    }
    QVERIFY(appExists());
    const CtlRunner::Result resumed = ctl({u"apply"_s, u"--resume"_s, jobId, u"--yes"_s});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY2(resumed.err.contains(QByteArray(QByteArray("resuming job ") + jobId.toLatin1())), resumed.err.constData());
    QVERIFY(!appExists());
    QCOMPARE(spacesNamed(host, u"Tenantry staging"_s).size(), 1);
}

QTEST_GUILESS_MAIN(TestCtlApply)
#include "tst_ctlapply.moc"
