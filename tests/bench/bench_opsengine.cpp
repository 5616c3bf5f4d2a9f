// What the ops engine costs on top of the calls its steps make: a plan of "test.record" steps
// against an in-process store with a fixed latency per call, run at several concurrencies, compared
// with the critical-path bound (calls per target × latency × waves) and with the same work one
// target at a time. Also the engine's own cost per step with no latency at all, the journal's size,
// and peak memory. Prints its figures; asserts nothing (run by hand: build/tests/bench/bench_opsengine).
#include "joblistmodel.h"
#include "ops/job.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "recordstep.h"
#include "recordstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <cstdlib>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int StepsPerTarget = 3;
// Calls per target with preflight "target": the dry pass probes step 1 only (steps 2 and 3 wait for
// ids their predecessors create), then step 1 create + verify (its probe still holds), steps 2 and
// 3 probe + create + verify.
constexpr int CallsPerTarget = 1 + 2 + 3 + 3;

struct Figures
{
    qint64 wallMs = 0;
    qint64 cpuMs = 0; // user + system time of this process during the run
    qint64 journalBytes = 0;
    int peakTargets = 0;
    int dataChanged = 0;
    int stepChanges = 0;
    bool succeeded = false;
};

Ops::Plan makePlan(const Ops::StepRegistry &registry, int targets, int concurrency, const QString &prefix)
{
    QJsonArray list;
    for (int t = 0; t < targets; ++t) {
        QJsonArray steps;
        for (int s = 0; s < StepsPerTarget; ++s) {
            steps.append(QJsonObject{
                {u"id"_s, u"s%1"_s.arg(s)},
                {u"type"_s, u"test.record"_s},
                {u"params"_s,
                 QJsonObject{{u"name"_s, u"%1-%2-%3"_s.arg(prefix).arg(t).arg(s)},
                             {u"value"_s, s == 0 ? QJsonValue(t) : QJsonValue(u"${s%1.id}"_s.arg(s - 1))}}}});
        }
        list.append(QJsonObject{
            {u"id"_s, u"t%1"_s.arg(t)}, {u"hostname"_s, u"t%1.eu.qlikcloud.com"_s.arg(t)}, {u"steps"_s, steps}});
    }
    const Ops::PlanReadResult read
        = Ops::PlanReader(&registry).fromJson({{u"format"_s, u"tenantry-plan"_s},
                                               {u"version"_s, 1},
                                               {u"options"_s, QJsonObject{{u"concurrency"_s, concurrency}}},
                                               {u"targets"_s, list}});
    return read.plan.value_or(Ops::Plan());
}

qint64 cpuMs();

Figures run(const Ops::StepRegistry &registry, int targets, int concurrency, const QString &prefix, bool withModel)
{
    QTemporaryDir journals;
    Ops::Job job(makePlan(registry, targets, concurrency, prefix), &registry);
    job.setJournalDirectory(journals.path());
    JobListModel model;
    if (withModel)
        model.addJob(&job);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy stepChanged(&job, &Ops::Job::stepChanged);
    QSignalSpy finished(&job, &Ops::Job::finished);
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuBefore = cpuMs();
    Figures figures;
    if (!job.start() || !finished.wait(600000))
        return figures;
    figures.wallMs = timer.elapsed();
    figures.cpuMs = cpuMs() - cpuBefore;
    QCoreApplication::processEvents(); // the model's last batch
    figures.journalBytes = QFileInfo(job.journalPath()).size();
    figures.peakTargets = job.peakRunningTargets();
    figures.dataChanged = static_cast<int>(dataChanged.size());
    figures.stepChanges = static_cast<int>(stepChanged.size());
    figures.succeeded = job.state().status == Ops::JobStatus::Succeeded;
    return figures;
}

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    RecordStore store;
    Ops::StepRegistry registry;
    RecordStep::registerType(&registry, &store);

    constexpr auto latency = 20ms;
    store.setLatency(latency);
    out << "ops engine: " << StepsPerTarget << " dependent steps per target, " << CallsPerTarget << " calls of "
        << latency.count() << " ms per target\n\n";
    double load[1] = {0};
    getloadavg(load, 1);
    out << "(load average " << QString::number(load[0], 'f', 1) << " on " << QThread::idealThreadCount()
        << " cores: wall times are only meaningful on an otherwise idle machine; CPU times are this process's)\n\n";
    out << "targets  concurrency  wall ms  bound ms  wall/bound  cpu ms  peak targets  journal KiB  step signals  view "
           "updates\n";
    int prefix = 0;
    qint64 parallelMs = 0;
    for (const auto &[targets, concurrency] :
         {std::pair{50, 1}, std::pair{1000, 10}, std::pair{1000, 50}, std::pair{1000, 200}}) {
        const Figures f = run(registry, targets, concurrency, u"r%1"_s.arg(++prefix), true);
        const int waves = (targets + concurrency - 1) / concurrency;
        const qint64 bound = qint64(waves) * CallsPerTarget * latency.count();
        out << QString::number(targets).rightJustified(7) << QString::number(concurrency).rightJustified(13)
            << QString::number(f.wallMs).rightJustified(9) << QString::number(bound).rightJustified(10)
            << QString::number(double(f.wallMs) / double(bound), 'f', 2).rightJustified(12)
            << QString::number(f.cpuMs).rightJustified(8) << QString::number(f.peakTargets).rightJustified(14)
            << QString::number(f.journalBytes / 1024).rightJustified(13)
            << QString::number(f.stepChanges).rightJustified(14) << QString::number(f.dataChanged).rightJustified(14)
            << (f.succeeded ? "" : "  FAILED") << '\n';
        out.flush();
        if (targets == 1000 && concurrency == 50)
            parallelMs = f.wallMs;
    }
    // One target at a time, one call at a time, for all 1000: measured on 50 above, scaled.
    const qint64 serialMs = qint64(1000) * CallsPerTarget * latency.count();
    out << "\n1000 targets one at a time would take at least " << serialMs << " ms; at concurrency 50 it took "
        << parallelMs << " ms (" << QString::number(double(serialMs) / double(parallelMs), 'f', 1) << "x faster)\n";

    // The engine's own cost: no latency at all, so everything measured is engine + journal + store.
    store.setLatency(0ms);
    const Figures bare = run(registry, 5000, 64, u"bare"_s, false);
    const int steps = 5000 * StepsPerTarget;
    out << "\nno latency: 5000 targets x " << StepsPerTarget << " steps (" << 5000 * CallsPerTarget << " calls) in "
        << bare.wallMs << " ms wall, " << bare.cpuMs
        << " ms CPU: " << QString::number(double(bare.cpuMs) * 1000.0 / steps, 'f', 1) << " us CPU per step, journal "
        << bare.journalBytes / 1024 << " KiB (" << QString::number(double(bare.journalBytes) / steps, 'f', 0)
        << " bytes per step)" << (bare.succeeded ? "" : "  FAILED") << '\n';
    out << "peak RSS " << peakRssMb() << " MiB\n";
    return 0;
}
