// Benchmark of a rollout (issue 7): republish one app to every tenant of an estate:N seed in a
// separate tenantry-sandbox process with injected latency and its default (real) tier limits, as
// one job of "publish-app" steps. Prints the wall time, the ideal bound (requests per tenant x
// latency / concurrency), the same rollout one tenant and one request at a time (on a sample of
// tenants after a reset, scaled to all of them: run whole it takes minutes), and peak RSS.
//
//   build/tests/bench/bench_publish [--tenants 1000] [--latency-ms 50] [--concurrency 64] [--serial-sample 20]

#include "eventloopheartbeat.h"
#include "ops/builtinsteps.h"
#include "ops/exportedappcache.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"

#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "staticsecretsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double peakRssMiB(const QString &pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Runs the event loop until `done` says so (benchmarks only; product code never spins a loop).
void runUntil(const std::function<bool()> &done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    loop.exec();
}

// A control-surface call (no auth, no latency, not counted).
Cloud::ApiResult control(quint16 port, const QByteArray &method, const QString &path, const QJsonObject &body = {})
{
    Cloud::CloudClient client;
    client.setConnectTo(Cloud::ConnectToMap::sandbox(port));
    Cloud::ApiCall call;
    call.method = method;
    call.host = u"console.qlikcloud.com"_s;
    call.path = path;
    call.auth = Cloud::ApiCall::Auth::None;
    if (method != "GET")
        call.setJson(QJsonDocument(body));
    if (path == u"/__sandbox/state"_s)
        call.query.addQueryItem(u"content"_s, u"false"_s);
    Cloud::ApiResult result;
    bool done = false;
    client.send(call, &client, [&](const Cloud::ApiResult &answer) {
        result = answer;
        done = true;
    });
    runUntil([&] { return done; });
    return result;
}

qint64 requestTotal(quint16 port)
{
    qint64 total = 0;
    const QJsonObject requests = control(port, "GET", u"/__sandbox/state"_s).json()[u"requests"_s].toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it)
        total += it.value().toInteger();
    return total;
}

struct Run
{
    qint64 wallMs = 0;
    qint64 requests = 0;
    int targets = 0;
    int succeeded = 0;
    qint64 longestStallMs = 0;
    QString firstProblem;
};

Run rollout(quint16 port, StaticSecretSource *secrets, const QString &source, const QStringList &hosts,
            const QStringList &regions, int concurrency, int maxInFlight)
{
    Ops::StepRegistry steps;
    Ops::BuiltInSteps::registerAll(&steps);
    Cloud::CloudClient::Options options;
    options.limits.maxTotal = maxInFlight;
    Cloud::CloudClient client(options);
    client.setConnectTo(Cloud::ConnectToMap::sandbox(port));
    QList<Cloud::CredentialProfile> profiles;
    for (const QString &region : regions) {
        Cloud::CredentialProfile profile;
        profile.name = u"sandbox-region-"_s + region;
        profile.tier = Cloud::CredentialTier::Region;
        profile.clientId = profile.name;
        profile.region = region;
        profiles.append(profile);
        secrets->setSecret(profile.name, profile.name + u"-secret"_s);
    }
    client.setProfiles(profiles);
    client.setSecretSource(secrets);

    QJsonArray targets;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString region = Ops::Plan::regionOfHostname(hosts.at(i));
        targets.append(QJsonObject{{u"id"_s, u"t%1"_s.arg(i)},
                                   {u"hostname"_s, hosts.at(i)},
                                   {u"profile"_s, QString(u"sandbox-region-"_s + region)},
                                   {u"steps"_s,
                                    QJsonArray{QJsonObject{{u"id"_s, u"sales"_s},
                                                           {u"type"_s, u"publish-app"_s},
                                                           {u"params"_s,
                                                            QJsonObject{{u"source"_s, source},
                                                                        {u"app"_s, u"Sales Dashboard"_s},
                                                                        {u"stagingSpace"_s, u"Tenantry Staging"_s},
                                                                        {u"managedSpace"_s, u"Customer Apps"_s},
                                                                        {u"createSpaces"_s, true}}}}}}});
    }
    const Ops::PlanReadResult read = Ops::PlanReader(&steps).fromJson(
        QJsonObject{{u"format"_s, u"tenantry-plan"_s},
                    {u"version"_s, 1},
                    {u"name"_s, u"bench"_s},
                    {u"options"_s,
                     QJsonObject{{u"concurrency"_s, concurrency}, {u"preflight"_s, u"none"_s}, {u"maxAttempts"_s, 3}}},
                    {u"targets"_s, targets}});
    Run run;
    if (!read.ok()) {
        run.firstProblem = Ops::PlanIssue::toStrings(read.issues).join(u"; "_s);
        return run;
    }
    const qint64 before = requestTotal(port);
    Ops::Job job(*read.plan, &steps);
    job.setCloudClient(&client);
    // Journalled, as every apply from the GUI or tenantryctl is.
    QTemporaryDir journals;
    job.setJournalDirectory(journals.path());
    bool finished = false;
    QObject::connect(&job, &Ops::Job::finished, &job, [&finished] { finished = true; });
    // The job runs on the thread that started it: in the app, the GUI thread. A 5 ms heartbeat on
    // this thread measures how long the rollout's own work keeps the event loop from turning.
    EventLoopHeartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer clock;
    clock.start();
    job.start(Ops::Job::Mode::Apply);
    runUntil([&finished] { return finished; });
    run.wallMs = clock.elapsed();
    heartbeat.stop();
    run.longestStallMs = heartbeat.longestStall().count();
    run.requests = requestTotal(port) - before;
    run.targets = int(hosts.size());
    for (const Ops::JobState::Target &target : job.state().targets) {
        if (target.status == Ops::TargetStatus::Succeeded)
            ++run.succeeded;
        else if (run.firstProblem.isEmpty())
            run.firstProblem = target.message;
    }
    return run;
}

void print(const QString &label, const Run &run)
{
    out() << "  " << label.leftJustified(46) << QString::number(run.wallMs).rightJustified(8) << " ms  "
          << QString::number(run.requests).rightJustified(7) << " req  " << run.succeeded << "/" << run.targets
          << " tenants done, longest event-loop stall " << run.longestStallMs << " ms"
          << (run.firstProblem.isEmpty() ? QString() : u"  first problem: "_s + run.firstProblem) << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Republish one app to every tenant of an estate seed."_s);
    parser.addHelpOption();
    const QCommandLineOption tenantsOption(u"tenants"_s, u"Tenants in the estate seed."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency per answer."_s, u"MS"_s, u"50"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"Tenants in parallel."_s, u"N"_s, u"64"_s);
    const QCommandLineOption sampleOption(u"serial-sample"_s, u"Tenants in the one-at-a-time run."_s, u"N"_s, u"20"_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"The tenantry-sandbox executable."_s, u"PATH"_s,
                                           QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"));
    parser.addOptions({tenantsOption, latencyOption, concurrencyOption, sampleOption, sandboxOption});
    parser.process(app);
    const int tenants = parser.value(tenantsOption).toInt();
    const int latency = parser.value(latencyOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();
    const int sample = parser.value(sampleOption).toInt();
    if (tenants < 2 || concurrency < 1 || sample < 1 || sample >= tenants) {
        out() << "need --tenants >= 2, --concurrency >= 1, 1 <= --serial-sample < --tenants" << Qt::endl;
        return 2;
    }

    QProcess sandbox;
    sandbox.setProgram(parser.value(sandboxOption));
    const QString seed = u"estate:%1"_s.arg(tenants);
    sandbox.setArguments({u"--seed"_s, seed, u"--latency-ms"_s, QString::number(latency)});
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start();
    runUntil([&] { return sandbox.canReadLine() || sandbox.state() == QProcess::NotRunning; });
    const QByteArray line = sandbox.readLine().trimmed();
    const quint16 port = line.startsWith("listening on http://127.0.0.1:") ? line.mid(30).toUShort() : 0;
    if (port == 0) {
        out() << "the sandbox did not start: " << line << Qt::endl;
        return 1;
    }

    const QJsonArray tenantList = control(port, "GET", u"/__sandbox/state"_s).json()[u"tenants"_s].toArray();
    QString source;
    QStringList hosts;
    QStringList regions;
    for (const QJsonValue tenant : tenantList) {
        const QString host = tenant[u"hostnames"_s][0].toString();
        const QString region = tenant[u"region"_s].toString();
        if (!regions.contains(region))
            regions.append(region);
        if (host.startsWith(u"source"_s))
            source = host;
        else
            hosts.append(host);
    }
    out() << "sandbox: " << seed << " (" << regions.size() << " regions), latency " << latency
          << " ms, default tier limits; republish 'Sales Dashboard' from " << source << " to " << hosts.size()
          << " tenants (create staging and managed spaces, import, publish, verify)" << Qt::endl;

    StaticSecretSource secrets;
    const Run parallel = rollout(port, &secrets, source, hosts, regions, concurrency, 256);
    print(u"one job, %1 tenants in parallel"_s.arg(concurrency), parallel);
    const double perTenant = double(parallel.requests) / std::max(1, parallel.targets);
    const double bound = perTenant * latency * parallel.targets / concurrency;
    out() << "  requests per tenant: " << QString::number(perTenant, 'f', 2) << "; ideal bound (requests/tenant x "
          << latency << " ms x tenants / " << concurrency << "): " << QString::number(bound, 'f', 0) << " ms; wall is "
          << QString::number(parallel.wallMs / std::max(1.0, bound), 'f', 2) << "x the bound" << Qt::endl;

    // One tenant and one request at a time, on fresh tenants (after a reset), scaled to all of them.
    control(port, "POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, seed}});
    const Run serial = rollout(port, &secrets, source, hosts.mid(0, sample), regions, 1, 1);
    print(u"one at a time, %1 tenants"_s.arg(sample), serial);
    const double serialAll = double(serial.wallMs) * hosts.size() / sample;
    out() << "  scaled to " << hosts.size() << " tenants: " << QString::number(serialAll / 1000.0, 'f', 1)
          << " s; the job is " << QString::number(serialAll / std::max<qint64>(1, parallel.wallMs), 'f', 1)
          << "x faster" << Qt::endl;
    out() << "peak RSS: client " << QString::number(peakRssMiB(u"self"_s), 'f', 1) << " MiB, sandbox "
          << QString::number(peakRssMiB(QString::number(sandbox.processId())), 'f', 1) << " MiB" << Qt::endl;
    out() << "longest event-loop stall on the thread running the job (the GUI thread in the app): "
          << parallel.longestStallMs << " ms; the activity panel's own cost is bench_activitypanel's" << Qt::endl;

    sandbox.terminate();
    runUntil([&] { return sandbox.state() == QProcess::NotRunning; });
    return parallel.succeeded == parallel.targets && serial.succeeded == serial.targets ? 0 : 1;
}
