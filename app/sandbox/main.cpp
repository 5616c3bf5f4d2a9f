#include "sandbox/sandboxserver.h"
#include "sandbox/seeder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSandboxApp, "tenantry.sandbox.app")

namespace {

int g_signalPipe[2] = {-1, -1};

// Only write(2) is async-signal-safe; the event loop reads the pipe and quits cleanly.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

// Reads an integer option in [minimum, maximum]; prints what is wrong and returns nullopt otherwise.
std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
                             int maximum)
{
    bool ok = false;
    const QString text = parser.value(option);
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        QTextStream(stderr) << "tenantry-sandbox: --" << option.names().constFirst() << " must be a number from "
                            << minimum << " to " << maximum << ", not '" << text << "'\n";
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tenantry-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A local, stateful Qlik Cloud for rehearsals and tests. Listens on "
                                     "127.0.0.1 only; see sandbox/README.md for hosts, credentials and the "
                                     "/__sandbox/ control surface."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (0 picks a free one)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Initial state: demo, empty or estate:TENANTS[:REGIONS]."_s,
                                        u"SEED"_s, u"demo"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Delay added to every answer."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption jitterOption(u"jitter-ms"_s, u"Random extra delay, 0..MS."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption ttlOption(u"token-ttl"_s, u"Access token lifetime."_s, u"SECONDS"_s, u"21600"_s);
    const QCommandLineOption scaleOption(u"time-scale"_s, u"Shrink rate-limit windows and waits by X."_s, u"X"_s,
                                         u"1"_s);
    const QCommandLineOption verboseOption(u"verbose"_s, u"Print debug messages on stderr."_s);
    parser.addOptions({portOption, seedOption, latencyOption, jitterOption, ttlOption, scaleOption, verboseOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "tenantry-sandbox: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "tenantry-sandbox: unexpected argument '" << parser.positionalArguments().constFirst()
                            << "'\n";
        return 2;
    }

    // The same rules as tenantry and tenantryctl (Logging::ApplicationLog, which this program, depending on
    // nothing of ours, does not link): debug categories only when asked; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(parser.isSet(verboseOption) ? u"*.debug=true\nqt.*.debug=false"_s
                                                                 : u"*.debug=false"_s);

    Sandbox::SandboxOptions options;
    const std::optional<int> port = intOption(parser, portOption, 0, 65535);
    const std::optional<int> latency = intOption(parser, latencyOption, 0, 600000);
    const std::optional<int> jitter = intOption(parser, jitterOption, 0, 600000);
    const std::optional<int> ttl = intOption(parser, ttlOption, 1, 31536000);
    if (!port || !latency || !jitter || !ttl)
        return 2;
    bool scaleOk = false;
    const double scale = parser.value(scaleOption).toDouble(&scaleOk);
    if (!scaleOk || scale < 0.001 || scale > 1000000) {
        QTextStream(stderr) << "tenantry-sandbox: --time-scale must be a number from 0.001 to 1000000, not '"
                            << parser.value(scaleOption) << "'\n";
        return 2;
    }
    options.seed = parser.value(seedOption);
    if (!Sandbox::SeedSpec::parse(options.seed)) {
        QTextStream(stderr) << "tenantry-sandbox: --seed must be demo, empty or estate:TENANTS[:REGIONS], not '"
                            << options.seed << "'\n";
        return 2;
    }
    options.port = static_cast<quint16>(*port);
    options.latencyMs = *latency;
    options.jitterMs = *jitter;
    options.tokenTtlSeconds = *ttl;
    options.timeScale = scale;

    Sandbox::SandboxServer server(options);
    const quint16 bound = server.listen(options.port);
    if (bound == 0) {
        QTextStream(stderr) << "tenantry-sandbox: cannot listen on 127.0.0.1:" << options.port << '\n';
        return 1;
    }
    // Signals are handled before the address is announced: whoever reads the line may stop us at once.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        QTextStream(stderr) << "tenantry-sandbox: cannot set up signal handling\n";
        return 1;
    }
    QSocketNotifier signalNotifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onTerminationSignal);
    std::signal(SIGINT, onTerminationSignal);

    qCDebug(lcSandboxApp).nospace().noquote()
        << "seed " << options.seed << ", latency " << options.latencyMs << " ms, jitter " << options.jitterMs
        << " ms, token TTL " << options.tokenTtlSeconds << " s, time scale " << options.timeScale;
    QTextStream out(stdout);
    out << "listening on http://127.0.0.1:" << bound << Qt::endl;
    return QCoreApplication::exec();
}
