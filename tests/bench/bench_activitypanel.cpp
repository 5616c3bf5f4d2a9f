// What the activity panel costs the UI thread while a large job runs: a 200-target job of
// "test.record" steps (20 ms per call, 50 targets at a time) shown in the real ActivityPanel with
// every target expanded, against the same job with no panel at all. Prints the wall and CPU time
// of both runs, the view updates the model sent, and the longest UI-thread stall (a 5 ms heartbeat).
// Asserts nothing (run by hand: build/tests/bench/bench_activitypanel; QT_QPA_PLATFORM=offscreen).
#include "eventloopheartbeat.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/job.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "recordstep.h"
#include "recordstore.h"
#include "ui/activitypanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Targets = 200;
constexpr int StepsPerTarget = 3;

Ops::Plan makePlan(const Ops::StepRegistry &registry, const QString &prefix)
{
    QJsonArray list;
    for (int t = 0; t < Targets; ++t) {
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
    return Ops::PlanReader(&registry)
        .fromJson({{u"format"_s, u"tenantry-plan"_s},
                   {u"version"_s, 1},
                   {u"name"_s, QString(u"bench "_s + prefix)},
                   {u"options"_s, QJsonObject{{u"concurrency"_s, 50}}},
                   {u"targets"_s, list}})
        .plan.value_or(Ops::Plan());
}

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

struct Figures
{
    qint64 wallMs = 0;
    qint64 cpuMs = 0;
    qint64 stallMs = 0;
    int viewUpdates = 0;
    bool succeeded = false;
};

Figures run(const Ops::StepRegistry &registry, const QString &prefix, bool withPanel)
{
    QTemporaryDir journals;
    JobBoard board;
    board.setJournalDirectory(journals.path());
    std::unique_ptr<ActivityPanel> panel;
    Ops::Job job(makePlan(registry, prefix), &registry);
    job.setJournalDirectory(journals.path());
    if (withPanel) {
        panel = std::make_unique<ActivityPanel>(&board);
        panel->resize(1200, 600);
        panel->show();
        board.model()->addJob(&job);
        QTreeView *view = panel->view();
        view->expand(board.model()->index(0, 0));
        for (int t = 0; t < Targets; ++t)
            view->expand(board.model()->index(t, 0, board.model()->index(0, 0)));
        panel->selectJob(job.id());
    }
    QSignalSpy updates(board.model(), &QAbstractItemModel::dataChanged);
    QSignalSpy finished(&job, &Ops::Job::finished);
    EventLoopHeartbeat heartbeat(5ms);
    heartbeat.start();
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuBefore = cpuMs();
    Figures figures;
    if (!job.start() || !finished.wait(600000))
        return figures;
    QCoreApplication::processEvents(); // the model's last batch, the view's last paint
    figures.wallMs = timer.elapsed();
    figures.cpuMs = cpuMs() - cpuBefore;
    figures.stallMs = heartbeat.longestStall().count();
    figures.viewUpdates = static_cast<int>(updates.size());
    figures.succeeded = job.state().status == Ops::JobStatus::Succeeded;
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    RecordStore store;
    store.setLatency(20ms);
    Ops::StepRegistry registry;
    RecordStep::registerType(&registry, &store);
    out << "activity panel: " << Targets << " targets x " << StepsPerTarget
        << " steps, 20 ms per call, 50 targets at a time; every target expanded in the panel\n\n";
    out << "panel   wall ms  cpu ms  view updates  longest UI stall ms\n";
    int round = 0;
    for (const bool withPanel : {false, true, false, true}) {
        const Figures f = run(registry, u"r%1"_s.arg(++round), withPanel);
        out << (withPanel ? "yes  " : "no   ") << QString::number(f.wallMs).rightJustified(9)
            << QString::number(f.cpuMs).rightJustified(8) << QString::number(f.viewUpdates).rightJustified(14)
            << QString::number(f.stallMs).rightJustified(21) << (f.succeeded ? "" : "  FAILED") << '\n';
        out.flush();
    }
    return 0;
}
