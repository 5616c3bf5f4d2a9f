#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

int g_signalPipe[2] = {-1, -1};

// Only write(2) is async-signal-safe; the event loop reads the pipe and quits cleanly.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tenantry-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A local, stateful Qlik Cloud for rehearsals and tests."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (0 picks a free one)."_s, u"N"_s, u"0"_s);
    parser.addOption(portOption);
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "tenantry-sandbox: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        QTextStream(stderr) << "tenantry-sandbox: --port must be a number from 0 to 65535\n";
        return 2;
    }

    Sandbox::SandboxServer server;
    const quint16 bound = server.listen(static_cast<quint16>(port));
    if (bound == 0) {
        QTextStream(stderr) << "tenantry-sandbox: cannot listen on 127.0.0.1:" << port << '\n';
        return 1;
    }
    QTextStream out(stdout);
    out << "listening on http://127.0.0.1:" << bound << Qt::endl;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        QTextStream(stderr) << "tenantry-sandbox: cannot set up signal handling\n";
        return 1;
    }
    QSocketNotifier signalNotifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onTerminationSignal);
    std::signal(SIGINT, onTerminationSignal);
    return QCoreApplication::exec();
}
