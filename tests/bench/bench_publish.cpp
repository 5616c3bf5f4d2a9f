// Benchmark of a rollout (issue 7): republish one app to every tenant of an estate:N seed in a
// separate tenantry-sandbox process with injected latency and its default (real) tier limits, as
// one job of "publish-app" steps. Prints the wall time, the ideal bound (requests per tenant x
// latency / concurrency), the same rollout one tenant and one request at a time (on a sample of
// tenants after a reset, scaled to all of them: run whole it takes minutes), and peak RSS.
// With --gui, the rollout goes the way the publish wizard's Apply sends it instead: built by
// Ops::RolloutPlanBuilder, dry run then applied by the JobBoard, shown live in the real
// ActivityPanel (offscreen platform), with a 5 ms heartbeat measuring the UI thread's longest stall.
//
//   build/tests/bench/bench_publish [--tenants 1000] [--latency-ms 50] [--concurrency 64] [--serial-sample 20]
//   build/tests/bench/bench_publish --gui [--tenants 1000] [--latency-ms 50] [--concurrency 64]

#include "eventloopheartbeat.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/builtinsteps.h"
#include "ops/exportedappcache.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/planreader.h"
#include "ops/publishedorigins.h"
#include "ops/rolloutplanbuilder.h"
#include "ops/stepregistry.h"
#include "ui/activitypanel.h"

#include "benchsandbox.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "staticsecretsource.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    return BenchSandbox::out();
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

void configure(Cloud::CloudClient &client, const BenchSandbox &sandbox, StaticSecretSource *secrets,
               const QStringList &regions)
{
    client.setConnectTo(Cloud::ConnectToMap::sandbox(sandbox.port()));
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
}

Run rollout(BenchSandbox &sandbox, StaticSecretSource *secrets, const QString &source, const QStringList &hosts,
            const QStringList &regions, int concurrency, int maxInFlight)
{
    Ops::StepRegistry steps;
    Ops::BuiltInSteps::registerAll(&steps);
    Cloud::CloudClient::Options options;
    options.limits.maxTotal = maxInFlight;
    Cloud::CloudClient client(options);
    configure(client, sandbox, secrets, regions);

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
    const qint64 before = sandbox.requestTotal();
    // Journalled, as every apply from the GUI or tenantryctl is (the folder outlives the job).
    QTemporaryDir journals;
    Ops::Job job(*read.plan, &steps);
    job.setCloudClient(&client);
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
    BenchSandbox::runUntil([&finished] { return finished; });
    run.wallMs = clock.elapsed();
    heartbeat.stop();
    run.longestStallMs = heartbeat.longestStall().count();
    run.requests = sandbox.requestTotal() - before;
    run.targets = int(hosts.size());
    for (const Ops::JobState::Target &target : job.state().targets) {
        if (target.status == Ops::TargetStatus::Succeeded)
            ++run.succeeded;
        else if (run.firstProblem.isEmpty())
            run.firstProblem = target.message;
    }
    return run;
}

struct GuiRun
{
    Run dryRun;
    Run apply;
};

// The wizard's way: the rollout plan, its dry run, then Apply, all through the JobBoard while the
// activity panel shows the job with its targets expanded. A heartbeat for each.
GuiRun panelRollout(BenchSandbox &sandbox, StaticSecretSource *secrets, const QString &source, const QStringList &hosts,
                    const QStringList &regions, int concurrency)
{
    GuiRun result;
    Cloud::CloudClient::Options options;
    options.limits.maxTotal = 256;
    Cloud::CloudClient client(options);
    configure(client, sandbox, secrets, regions);
    QTemporaryDir journals;
    JobBoard board;
    board.setJournalDirectory(journals.path());
    board.setCloudClient(&client);
    ActivityPanel panel(&board);
    panel.resize(1200, 700);
    panel.show();
    // On screen before anything is measured, as the app's window is before a wizard can apply: the
    // first paint (fonts, styles, icons) is the window's, not the rollout's.
    QElapsedTimer shown;
    shown.start();
    BenchSandbox::runUntil([&shown] { return shown.elapsed() >= 300; });

    Ops::RolloutPlanBuilder builder;
    builder.source = source;
    builder.apps = {u"Sales Dashboard"_s};
    builder.stagingSpace = u"Tenantry Staging"_s;
    builder.managedSpace = u"Customer Apps"_s;
    builder.createSpaces = true;
    builder.concurrency = concurrency;
    for (const QString &host : hosts)
        builder.targets.append({host, Ops::Plan::regionOfHostname(host)});
    const Ops::PlanReadResult read
        = Ops::PlanReader(&board.steps()).fromJson(builder.toJson(Ops::PublishedOrigins(journals.path())));
    if (!read.ok()) {
        result.apply.firstProblem = Ops::PlanIssue::toStrings(read.issues).join(u"; "_s);
        return result;
    }
    const auto follow = [&panel, &board](Ops::Job *job) {
        panel.selectJob(job->id());
        const QModelIndex row = board.model()->indexOfJob(job->id());
        panel.view()->expand(row);
    };
    // Jobs start their targets from the event loop: connecting right after the start is in time.
    // The heartbeat stops once the job has finished and been shown: asking the sandbox for its request
    // counts (a CloudClient of its own, a state document of every tenant) is the bench's work, not the app's.
    const auto measure = [&sandbox, &hosts](Ops::Job *job, Run *run, qint64 requestsBefore, const QElapsedTimer &clock,
                                            EventLoopHeartbeat *heartbeat) {
        bool finished = false;
        QObject::connect(job, &Ops::Job::finished, job, [&finished] { finished = true; });
        BenchSandbox::runUntil([&finished] { return finished; });
        run->wallMs = clock.elapsed();
        // What the finished job still shows (the model's last batch, the repaint) counts too.
        QElapsedTimer after;
        after.start();
        BenchSandbox::runUntil([&after] { return after.elapsed() >= 250; });
        heartbeat->stop();
        run->longestStallMs = heartbeat->longestStall().count();
        run->requests = sandbox.requestTotal() - requestsBefore;
        run->targets = int(hosts.size());
        for (const Ops::JobState::Target &target : job->state().targets) {
            if (target.status == Ops::TargetStatus::Succeeded || target.status == Ops::TargetStatus::Planned)
                ++run->succeeded;
            else if (run->firstProblem.isEmpty())
                run->firstProblem = target.message;
        }
    };
    EventLoopHeartbeat heartbeat;
    QString error;
    qint64 before = sandbox.requestTotal();
    QElapsedTimer clock;
    heartbeat.start();
    clock.start();
    Ops::Job *dry = board.dryRun(*read.plan, &error);
    if (!dry) {
        result.dryRun.firstProblem = error;
        return result;
    }
    follow(dry);
    measure(dry, &result.dryRun, before, clock, &heartbeat);

    // Apply, as the wizard's Finish button does.
    before = sandbox.requestTotal();
    EventLoopHeartbeat applyHeartbeat;
    applyHeartbeat.start();
    clock.start();
    Ops::Job *applied = board.applyDryRun(dry->id(), &error);
    if (!applied) {
        result.apply.firstProblem = error;
        return result;
    }
    follow(applied);
    measure(applied, &result.apply, before, clock, &applyHeartbeat);
    return result;
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
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Republish one app to every tenant of an estate seed."_s);
    parser.addHelpOption();
    const QCommandLineOption tenantsOption(u"tenants"_s, u"Tenants in the estate seed."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency per answer."_s, u"MS"_s, u"50"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"Tenants in parallel."_s, u"N"_s, u"64"_s);
    const QCommandLineOption sampleOption(u"serial-sample"_s, u"Tenants in the one-at-a-time run."_s, u"N"_s, u"20"_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"The tenantry-sandbox executable."_s, u"PATH"_s,
                                           QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"));
    const QCommandLineOption guiOption(u"gui"_s,
                                       u"Run the rollout as the publish wizard's Apply does, in the "
                                       u"activity panel, and measure the UI thread's stalls."_s);
    parser.addOptions({tenantsOption, latencyOption, concurrencyOption, sampleOption, sandboxOption, guiOption});
    parser.process(app);
    const int tenants = parser.value(tenantsOption).toInt();
    const int latency = parser.value(latencyOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();
    const int sample = parser.value(sampleOption).toInt();
    if (tenants < 2 || concurrency < 1 || sample < 1 || sample >= tenants) {
        out() << "need --tenants >= 2, --concurrency >= 1, 1 <= --serial-sample < --tenants" << Qt::endl;
        return 2;
    }

    const QString seed = u"estate:%1"_s.arg(tenants);
    BenchSandbox sandbox(parser.value(sandboxOption), {u"--seed"_s, seed, u"--latency-ms"_s, QString::number(latency)});
    if (sandbox.port() == 0) {
        out() << "the sandbox did not start: " << sandbox.firstLine() << Qt::endl;
        return 1;
    }

    const QJsonArray tenantList = sandbox.control("GET", u"/__sandbox/state"_s).json()[u"tenants"_s].toArray();
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
    if (parser.isSet(guiOption)) {
        const GuiRun gui = panelRollout(sandbox, &secrets, source, hosts, regions, concurrency);
        print(u"GUI dry run (JobBoard, activity panel shown)"_s, gui.dryRun);
        print(u"GUI apply (probe then apply per tenant)"_s, gui.apply);
        out() << "longest UI-thread stall: dry run " << gui.dryRun.longestStallMs << " ms, apply "
              << gui.apply.longestStallMs << " ms (target: none over 50 ms)" << Qt::endl;
        out() << "peak RSS: GUI process " << QString::number(BenchSandbox::peakRssMiB(u"self"_s), 'f', 1) << " MiB"
              << Qt::endl;
        return gui.apply.succeeded == gui.apply.targets ? 0 : 1;
    }
    const Run parallel = rollout(sandbox, &secrets, source, hosts, regions, concurrency, 256);
    print(u"one job, %1 tenants in parallel"_s.arg(concurrency), parallel);
    const double perTenant = double(parallel.requests) / std::max(1, parallel.targets);
    const double bound = perTenant * latency * parallel.targets / concurrency;
    out() << "  requests per tenant: " << QString::number(perTenant, 'f', 2) << "; ideal bound (requests/tenant x "
          << latency << " ms x tenants / " << concurrency << "): " << QString::number(bound, 'f', 0) << " ms; wall is "
          << QString::number(parallel.wallMs / std::max(1.0, bound), 'f', 2) << "x the bound" << Qt::endl;

    // One tenant and one request at a time, on fresh tenants (after a reset), scaled to all of them.
    static_cast<void>(sandbox.control("POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, seed}}));
    const Run serial = rollout(sandbox, &secrets, source, hosts.mid(0, sample), regions, 1, 1);
    print(u"one at a time, %1 tenants"_s.arg(sample), serial);
    const double serialAll = double(serial.wallMs) * hosts.size() / sample;
    out() << "  scaled to " << hosts.size() << " tenants: " << QString::number(serialAll / 1000.0, 'f', 1)
          << " s; the job is " << QString::number(serialAll / std::max<qint64>(1, parallel.wallMs), 'f', 1)
          << "x faster" << Qt::endl;
    out() << "peak RSS: client " << QString::number(BenchSandbox::peakRssMiB(u"self"_s), 'f', 1) << " MiB, sandbox "
          << QString::number(BenchSandbox::peakRssMiB(QString::number(sandbox.processId())), 'f', 1) << " MiB"
          << Qt::endl;
    out() << "longest event-loop stall on the thread running the job (the GUI thread in the app): "
          << parallel.longestStallMs << " ms; the activity panel's own cost is bench_activitypanel's" << Qt::endl;

    return parallel.succeeded == parallel.targets && serial.succeeded == serial.targets ? 0 : 1;
}
