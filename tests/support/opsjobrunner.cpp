// Runs one job of "test.record" steps in its own process, so that tests can kill it with SIGKILL
// at a chosen point and resume it from its journal in a new process.
//
//   ops_jobrunner --plan FILE --store FILE --journal-dir DIR [--dry-run]
//                 [--resume JOBID | --resume-last] [--faults JSON] [--kill-at RECORD:N | commit:N]
//                 [--latency MS] [--retry-delay MS] [--concurrency N] [--print-records]
//
// Prints "job <id>" first, "record <seq> <rec> <target> <step>" per journal record with
// --print-records, and "summary <JSON>" last. Exit 0 when the job succeeded (or planned), 1 when
// it did not, 2 for bad arguments.
#include "ops/job.h"
#include "ops/jobhistory.h"
#include "ops/jobsummary.h"
#include "ops/journalwriter.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "recordstep.h"
#include "recordstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

void printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int usage(const QString &message)
{
    QTextStream(stderr) << "ops_jobrunner: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"plan"_s, u"plan file"_s, u"file"_s},
                       {u"store"_s, u"record store file"_s, u"file"_s},
                       {u"journal-dir"_s, u"journal folder"_s, u"dir"_s},
                       {u"dry-run"_s, u"probe only"_s},
                       {u"resume"_s, u"resume a job"_s, u"id"_s},
                       {u"resume-last"_s, u"resume the last resumable job"_s},
                       {u"faults"_s, u"fault rules (JSON)"_s, u"json"_s},
                       {u"kill-at"_s, u"SIGKILL at the N-th journal record of a kind, or commit:N"_s, u"point"_s},
                       {u"latency"_s, u"store latency"_s, u"ms"_s},
                       {u"retry-delay"_s, u"first retry delay"_s, u"ms"_s},
                       {u"concurrency"_s, u"targets in parallel"_s, u"n"_s},
                       {u"print-records"_s, u"print each journal record"_s}});
    parser.process(app);

    RecordStore store(parser.value(u"store"_s));
    QString error;
    if (!store.load(&error))
        return usage(u"cannot load the store: "_s + error);
    store.setLatency(std::chrono::milliseconds(parser.value(u"latency"_s).toInt()));
    if (parser.isSet(u"faults"_s)
        && !store.addFaults(QJsonDocument::fromJson(parser.value(u"faults"_s).toUtf8()).array(), &error))
        return usage(error);

    Ops::StepRegistry registry;
    if (!RecordStep::registerType(&registry, &store))
        return usage(u"cannot register the test step"_s);

    const QString journalDir = parser.value(u"journal-dir"_s);
    std::unique_ptr<Ops::Job> job;
    if (parser.isSet(u"resume"_s) || parser.isSet(u"resume-last"_s)) {
        const Ops::JobHistory history(journalDir);
        QString path;
        if (parser.isSet(u"resume"_s)) {
            path = history.journalPath(parser.value(u"resume"_s));
        } else if (const auto last = history.lastResumable()) {
            path = last->journalPath;
        } else {
            return usage(u"no resumable job in "_s + journalDir);
        }
        job = Ops::Job::resume(path, &registry, &error);
        if (!job) {
            QTextStream(stderr) << "ops_jobrunner: " << error << '\n';
            return 1;
        }
    } else {
        const Ops::PlanReadResult read = Ops::PlanReader(&registry).readFile(parser.value(u"plan"_s));
        if (!read.ok())
            return usage(Ops::PlanIssue::toStrings(read.issues).join(u'\n'));
        job = std::make_unique<Ops::Job>(*read.plan, &registry);
        job->setJournalDirectory(journalDir);
        job->setPlanPath(parser.value(u"plan"_s));
    }
    if (parser.isSet(u"concurrency"_s))
        job->setConcurrency(parser.value(u"concurrency"_s).toInt());
    job->setRetryDelay(std::chrono::milliseconds(parser.value(u"retry-delay"_s).toInt()));

    // Kill points: the N-th journal record of a kind ("intent:2"), or the N-th store commit.
    const QStringList killAt = parser.value(u"kill-at"_s).split(u':');
    const QString killKind = killAt.value(0);
    int killCountdown = killAt.value(1).toInt();
    if (killKind == u"commit"_s) {
        QObject::connect(&store, &RecordStore::committed, &app, [&killCountdown] {
            if (--killCountdown == 0)
                std::raise(SIGKILL);
        });
    }
    const bool printRecords = parser.isSet(u"print-records"_s);
    QObject::connect(job.get(), &Ops::Job::recorded, &app, [&](const QJsonObject &record) {
        if (printRecords) {
            printLine(u"record %1 %2 %3 %4"_s.arg(record.value(u"seq"_s).toInteger())
                          .arg(record.value(u"rec"_s).toString(), record.value(u"target"_s).toString(),
                               record.value(u"step"_s).toString()));
        }
    });
    QObject::connect(job.get(), &Ops::Job::finished, &app, [&] {
        printLine(
            u"summary "_s
            + QString::fromUtf8(QJsonDocument(Ops::JobSummary::toJson(job->state())).toJson(QJsonDocument::Compact)));
        const Ops::JobStatus status = job->state().status;
        QCoreApplication::exit(status == Ops::JobStatus::Succeeded || status == Ops::JobStatus::Planned ? 0 : 1);
    });
    printLine(u"job "_s + job->id());
    if (!job->start(parser.isSet(u"dry-run"_s) ? Ops::Job::Mode::DryRun : Ops::Job::Mode::Apply)) {
        QTextStream(stderr) << "ops_jobrunner: " << job->errorString() << '\n';
        return 1;
    }
    if (killKind != u"commit"_s && !killKind.isEmpty() && job->journalWriter()) {
        // Killed the moment the N-th record of the kind is in the file: on the journal's thread, while
        // the job goes on on this one (Job::recorded would come later, after further records).
        QObject::connect(
            job->journalWriter(), &Ops::JournalWriter::appended, job->journalWriter(),
            [killKind, countdown = killCountdown](const QJsonObject &record) mutable {
                if (record.value(u"rec"_s).toString() == killKind && --countdown == 0)
                    std::raise(SIGKILL);
            },
            Qt::DirectConnection);
    }
    return QCoreApplication::exec();
}
