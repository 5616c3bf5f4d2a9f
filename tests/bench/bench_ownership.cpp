// The ownership audit of issue 8 across an estate: a tenantry-sandbox process seeded with
// estate:N (every tenant but the source holds 11 items of a deleted region client's bot), then
// `tenantryctl ownership audit --all --orphaned-bots --json`, once with tenants in parallel and once
// with one tenant at a time, in the same run. Prints wall time, requests the sandbox answered,
// items found and tenantryctl's peak resident memory (GNU time's %M), and how many of the requests
// read the bots' last activity (GET /v1/audits, one per bot per tenant). Asserts nothing; run by hand:
//     build/tests/bench/bench_ownership [--tenants 2000] [--latency-ms 0] [--concurrency 8] [--ctl PATH]
#include "benchsandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    return BenchSandbox::out();
}

// Requests the sandbox answered so far, per "<METHOD> <spec path>".
QJsonObject requestsByPath(BenchSandbox &sandbox)
{
    return sandbox.control("GET", u"/__sandbox/state"_s).json()[u"requests"_s].toObject();
}

struct AuditRun
{
    int exitCode = -1;
    qint64 wallMs = 0;
    qint64 requests = 0;
    qint64 auditEventRequests = 0; // GET /v1/audits: the bots' last activity
    qint64 peakKb = -1;
    qint64 clientRequests = 0; // as tenantryctl counts them
    qsizetype items = 0;
    qsizetype tenants = 0;
    QString error;
};

AuditRun audit(BenchSandbox &sandbox, const QString &ctl, int concurrency)
{
    AuditRun run;
    const qint64 before = sandbox.requestTotal();
    const qint64 auditsBefore = requestsByPath(sandbox).value(u"GET /v1/audits"_s).toInteger();
    QStringList arguments{u"--sandbox-url"_s, u"http://127.0.0.1:%1"_s.arg(sandbox.port()),
                          u"ownership"_s,     u"audit"_s,
                          u"--all"_s,         u"--orphaned-bots"_s,
                          u"--concurrency"_s, QString::number(concurrency),
                          u"--json"_s};
    QString program = ctl;
    const bool timed = QFileInfo::exists(u"/usr/bin/time"_s);
    if (timed) {
        arguments.prepend(ctl);
        arguments = QStringList{u"-f"_s, u"peak-kb %M"_s} + arguments;
        program = u"/usr/bin/time"_s;
    }
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30 * 60 * 1000)) {
        run.error = u"tenantryctl did not finish: "_s + process.errorString();
        return run;
    }
    run.wallMs = timer.elapsed();
    run.exitCode = process.exitCode();
    // Control-surface reads are not counted by the sandbox.
    run.requests = sandbox.requestTotal() - before;
    run.auditEventRequests = requestsByPath(sandbox).value(u"GET /v1/audits"_s).toInteger() - auditsBefore;
    const QByteArray err = process.readAllStandardError();
    if (timed) {
        const qsizetype at = err.lastIndexOf("peak-kb ");
        if (at >= 0)
            run.peakKb = err.mid(at + 8).trimmed().toLongLong();
    }
    const QJsonObject answer = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    run.items = answer.value(u"owned"_s).toInteger();
    run.tenants = answer.value(u"tenants"_s).toArray().size();
    run.clientRequests = answer.value(u"requests"_s).toInteger();
    if (run.exitCode != 0)
        run.error = QString::fromUtf8(err.left(2000));
    return run;
}

void print(const char *label, const AuditRun &run)
{
    out() << "  " << label << ": " << run.wallMs << " ms, " << run.requests << " requests answered ("
          << run.clientRequests << " sent by the audit, " << run.auditEventRequests << " of them GET /v1/audits), "
          << run.items << " items on " << run.tenants << " tenants, tenantryctl peak RSS "
          << (run.peakKb >= 0 ? QString::number(run.peakKb / 1024.0, 'f', 1) + u" MiB"_s : u"unknown"_s) << ", exit "
          << run.exitCode << "\n";
    if (!run.error.isEmpty())
        out() << "    " << run.error << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"tenants"_s, u"Tenants in the estate seed."_s, u"N"_s, u"2000"_s});
    parser.addOption({u"latency-ms"_s, u"Latency the sandbox adds to every answer."_s, u"MS"_s, u"0"_s});
    parser.addOption({u"concurrency"_s, u"Tenants audited in parallel in the first run."_s, u"N"_s, u"8"_s});
    parser.addOption({u"ctl"_s, u"The tenantryctl to measure (e.g. an older build, to compare)."_s, u"PATH"_s,
                      QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl")});
    parser.process(app);
    const int tenants = parser.value(u"tenants"_s).toInt();
    const int concurrency = parser.value(u"concurrency"_s).toInt();

    const QString ctl = parser.value(u"ctl"_s);
    BenchSandbox sandbox(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"),
                         {u"--seed"_s, u"estate:%1"_s.arg(tenants), u"--latency-ms"_s, parser.value(u"latency-ms"_s)});
    if (sandbox.port() == 0) {
        out() << "bench_ownership: tenantry-sandbox did not start: " << sandbox.firstLine() << "\n";
        return 1;
    }

    out() << "bench_ownership: estate:" << tenants << ", sandbox latency " << parser.value(u"latency-ms"_s)
          << " ms, tenantryctl ownership audit --all --orphaned-bots\n";
    out().flush();
    const AuditRun parallel = audit(sandbox, ctl, concurrency);
    print(qPrintable(u"%1 tenants in parallel"_s.arg(concurrency)), parallel);
    out().flush();
    const AuditRun serial = audit(sandbox, ctl, 1);
    print("one tenant at a time", serial);
    if (parallel.wallMs > 0)
        out() << "  speed-up: " << QString::number(double(serial.wallMs) / double(parallel.wallMs), 'f', 2) << "x\n";
    out().flush();
    return parallel.exitCode == 0 && serial.exitCode == 0 ? 0 : 1;
}
