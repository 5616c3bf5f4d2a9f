#include "logging/applicationlog.h"
#include "ui/iconcatalog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "tenantry.app")

namespace {

int g_signalPipe[2] = {-1, -1};

// Only write(2) is async-signal-safe; the event loop reads the pipe and closes the window cleanly, so a
// session logout or `kill` still saves the window state and ends with exit code 0.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Tenantry"_s);
    QApplication::setOrganizationName(u"Tenantry"_s);
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setDesktopFileName(u"io.github.tenantry.Tenantry"_s);
    QApplication::setWindowIcon(IconCatalog::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tenantry: a desktop console for Qlik Cloud platform operations."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(u"verbose"_s, u"Log debug messages too (log file and stderr)."_s);
    parser.addOption(verboseOption);
    parser.process(app);

    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantry"_s;
    logOptions.verbose = parser.isSet(verboseOption);
    const QString logError = Logging::ApplicationLog::install(logOptions);
    if (!logError.isEmpty())
        qCWarning(lcApp).noquote() << "Logging to stderr only:" << logError;
    qCInfo(lcApp).noquote() << "Tenantry" << QApplication::applicationVersion() << "starting; Qt" << qVersion() << "on"
                            << QGuiApplication::platformName();

    QSocketNotifier *signalNotifier = nullptr;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        signalNotifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
        QObject::connect(signalNotifier, &QSocketNotifier::activated, &app, [] {
            qCInfo(lcApp) << "Termination signal received; closing";
            QApplication::closeAllWindows();
            QCoreApplication::quit();
        });
        std::signal(SIGTERM, onTerminationSignal);
        std::signal(SIGINT, onTerminationSignal);
    } else {
        qCWarning(lcApp) << "Cannot watch for termination signals; SIGTERM will end Tenantry abruptly";
    }

    MainWindow window;
    window.show();
    qCInfo(lcApp) << "Main window shown";
    const int exitCode = QApplication::exec();
    qCInfo(lcApp) << "Tenantry exits with code" << exitCode;
    return exitCode;
}
