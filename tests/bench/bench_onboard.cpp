// Benchmark of onboarding (issue 6): the shipped resources/plans/onboard-demo.json (tenant, recovery
// admin, JWT identity provider, groups and their settings, licenses, spaces, CSP origin, web
// integration, extension, theme, brand, customer-managed key, two published apps, the automation and
// the embedded-login check)
// against a tenantry-sandbox process seeded with demo, with injected latency. The JWT steps keep
// their signing keys in the keychain under the service "TenantryBench": run it in a throwaway
// session as packaging/dev.sh test does, or clear them afterwards
// (`secret-tool clear server TenantryBench`).
//  1. one customer: wall time and API calls; the same job with one request in flight at a time
//     (every call strictly after the previous one); and calls x latency, the bound of that;
//  2. N customers from the same template in one job (targets in parallel).
// Prints its figures and asserts nothing; run by hand:
//   build/tests/bench/bench_onboard [--latency-ms 50] [--customers 50] [--concurrency 16]
// (the demo seed's subscription allows 100 tenants and has 13: past 87 customers the tenant step
// fails with TENANTS-22, quota reached, as Qlik's would)

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "secrets/secretstore.h"

#include "benchsandbox.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    return BenchSandbox::out();
}

// The demo plan's one target made into `customers` targets: each its own alias, customer name
// and portal origin, every step as the template has it.
QJsonObject planFor(const QJsonObject &demo, int customers, int concurrency)
{
    const QJsonObject model = demo[u"targets"_s].toArray().first().toObject();
    const QByteArray modelJson = QJsonDocument(model).toJson(QJsonDocument::Compact);
    QJsonArray targets;
    for (int i = 0; i < customers; ++i) {
        const QByteArray key = "bench-customer-" + QByteArray::number(i + 1);
        QByteArray json = modelJson;
        json.replace("demo-customer", key)
            .replace("Demo Customer", QByteArray("Bench Customer " + QByteArray::number(i + 1)));
        targets.append(QJsonDocument::fromJson(json).object());
    }
    QJsonObject plan = demo;
    plan[u"targets"_s] = targets;
    QJsonObject options = plan[u"options"_s].toObject();
    options[u"concurrency"_s] = concurrency;
    plan[u"options"_s] = options;
    return plan;
}

struct Run
{
    qint64 wallMs = 0;
    qint64 requests = 0;
    int targets = 0;
    int succeeded = 0;
    QString firstProblem;
};

Run apply(BenchSandbox &sandbox, const QStringList &subscriptions, const QJsonObject &planJson, int maxInFlight)
{
    Run run;
    Secrets::SecretStore keys(u"TenantryBench"_s);
    Ops::StepRegistry steps;
    Ops::BuiltInSteps::registerAll(&steps, &keys);
    const Ops::PlanReadResult read = Ops::PlanReader(&steps).fromJson(planJson);
    if (!read.ok()) {
        run.firstProblem = Ops::PlanIssue::toStrings(read.issues).join(u"; "_s);
        return run;
    }
    Cloud::CloudClient::Options options;
    options.limits.maxTotal = maxInFlight;
    Cloud::CloudClient client(options);
    client.setConnectTo(Cloud::ConnectToMap::sandbox(sandbox.port()));
    Cloud::SandboxCredentials secrets;
    client.setProfiles(Cloud::SandboxCredentials::profiles(subscriptions));
    client.setSecretSource(&secrets);

    const qint64 before = sandbox.requestTotal();
    QTemporaryDir journals; // journalled, as every apply from the GUI or tenantryctl is; outlives the job
    Ops::Job job(*read.plan, &steps);
    job.setCloudClient(&client);
    job.setJournalDirectory(journals.path());
    // The brand's files are named relative to the demo plan's folder.
    job.setPlanPath(QStringLiteral(TENANTRY_PLANS_DIR "/onboard-demo.json"));
    bool finished = false;
    QObject::connect(&job, &Ops::Job::finished, &job, [&finished] { finished = true; });
    QElapsedTimer clock;
    clock.start();
    job.start(Ops::Job::Mode::Apply);
    BenchSandbox::runUntil([&finished] { return finished; });
    run.wallMs = clock.elapsed();
    run.requests = sandbox.requestTotal() - before - 1; // minus the state read of `before`
    run.targets = int(job.state().targets.size());
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
    out() << "  " << label.leftJustified(52) << QString::number(run.wallMs).rightJustified(8) << " ms  "
          << QString::number(run.requests).rightJustified(6) << " req  " << run.succeeded << "/" << run.targets
          << " onboarded" << (run.firstProblem.isEmpty() ? QString() : u"  first problem: "_s + run.firstProblem)
          << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Onboard customers with the demo plan against the sandbox."_s);
    parser.addHelpOption();
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency per answer."_s, u"MS"_s, u"50"_s);
    const QCommandLineOption customersOption(
        u"customers"_s, u"Customers in the second job (the demo subscription has room for 87 more tenants)."_s, u"N"_s,
        u"50"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"Customers in parallel."_s, u"N"_s, u"16"_s);
    parser.addOptions({latencyOption, customersOption, concurrencyOption});
    parser.process(app);
    const int latency = parser.value(latencyOption).toInt();
    const int customers = parser.value(customersOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();

    QFile planFile(QStringLiteral(TENANTRY_PLANS_DIR "/onboard-demo.json"));
    if (!planFile.open(QIODevice::ReadOnly)) {
        out() << "cannot read " << planFile.fileName() << Qt::endl;
        return 1;
    }
    const QJsonObject demo = QJsonDocument::fromJson(planFile.readAll()).object();

    BenchSandbox sandbox(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"),
                         {u"--seed"_s, u"demo"_s, u"--latency-ms"_s, QString::number(latency)});
    if (sandbox.port() == 0) {
        out() << "the sandbox did not start: " << sandbox.firstLine() << Qt::endl;
        return 1;
    }
    out() << "sandbox: demo seed, latency " << latency << " ms; plan onboard-demo.json ("
          << demo[u"targets"_s][0][u"steps"_s].toArray().size() << " steps per customer)" << Qt::endl;

    // The organization profile lists the subscription: the tenant step finds tenants by alias there.
    QStringList subscriptions;
    for (const QJsonValue subscription :
         sandbox.control("GET", u"/__sandbox/state"_s).json()[u"subscriptions"_s].toArray())
        subscriptions.append(subscription[u"id"_s].toString());
    const QJsonObject one = planFor(demo, 1, 1);
    const Run single = apply(sandbox, subscriptions, one, 256);
    print(u"one customer"_s, single);
    static_cast<void>(sandbox.control("POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, u"demo"_s}}));
    const Run strict = apply(sandbox, subscriptions, one, 1);
    print(u"one customer, one request in flight at a time"_s, strict);
    out() << "  calls x latency (every call after the previous one): " << single.requests * latency
          << " ms; the job takes "
          << QString::number(double(single.wallMs) / std::max<qint64>(1, single.requests * latency), 'f', 2)
          << "x that, the strictly serial run "
          << QString::number(double(strict.wallMs) / std::max<qint64>(1, single.requests * latency), 'f', 2) << "x"
          << Qt::endl;

    static_cast<void>(sandbox.control("POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, u"demo"_s}}));
    const Run many = apply(sandbox, subscriptions, planFor(demo, customers, concurrency), 256);
    print(u"%1 customers from one template, %2 in parallel"_s.arg(customers).arg(concurrency), many);
    out() << "  " << QString::number(double(many.requests) / std::max(1, many.targets), 'f', 1)
          << " calls per customer; " << QString::number(double(many.wallMs) / std::max(1, many.targets), 'f', 0)
          << " ms per customer; "
          << QString::number(double(single.wallMs) * customers / std::max<qint64>(1, many.wallMs), 'f', 1)
          << "x faster than one customer after another" << Qt::endl;

    // Every onboarded customer has its brand and its key provider, once each.
    int brands = 0;
    int keyProviders = 0;
    for (const QJsonValue tenant : sandbox.stateWithContent()[u"tenants"_s].toArray()) {
        if (!tenant[u"hostnames"_s].toArray().last().toString().startsWith(u"bench-customer-"_s))
            continue;
        brands += int(tenant[u"brands"_s].toArray().size());
        keyProviders += int(tenant[u"encryptionKeyProviders"_s].toArray().size());
    }
    out() << "  state: " << brands << " brands and " << keyProviders << " key providers for " << many.succeeded
          << " onboarded customers" << Qt::endl;
    return single.succeeded == 1 && strict.succeeded == 1 && many.succeeded == many.targets && brands == many.succeeded
            && keyProviders == many.succeeded
        ? 0
        : 1;
}
