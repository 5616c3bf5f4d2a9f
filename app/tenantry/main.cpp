#include "cloud/profilestore.h"
#include "estatesession.h"
#include "interfacelanguage.h"
#include "logging/applicationlog.h"
#include "preferences.h"
#include "sandbox/seeder.h"
#include "sessionlauncher.h"
#include "ui/firstrundialog.h"
#include "ui/iconcatalog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "tenantry.app")

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

// Only write(2) is async-signal-safe; the event loop reads the pipe and closes the window cleanly, so a
// session logout or `kill` still saves the window state and ends with exit code 0.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

void quitOnTerminationSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        qCWarning(lcApp) << "Cannot watch for termination signals; SIGTERM will end Tenantry abruptly";
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [] {
        qCInfo(lcApp) << "Termination signal received; closing";
        QApplication::closeAllWindows();
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onTerminationSignal);
    std::signal(SIGINT, onTerminationSignal);
}
#endif

// The value of --lang (or --lang=X) before the parser runs: --help itself is to speak that language.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == "--lang"_L1 || arguments.at(i) == "-lang"_L1)
            return arguments.value(i + 1);
        if (arguments.at(i).startsWith("--lang="_L1))
            return arguments.at(i).mid(7);
    }
    return {};
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

    // --lang, then the preference, then the system's languages; checked below once logging is up.
    const QString requested = requestedLanguage(QCoreApplication::arguments());
    const QString language = InterfaceLanguage::choose(requested, Preferences::language());
    const QString languageError = InterfaceLanguage::install(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Tenantry: a desktop console for Qlik Cloud platform operations."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(
        u"verbose"_s, QCoreApplication::translate("main", "Log debug messages too (log file and stderr)."));
    parser.addOption(verboseOption);
    const QCommandLineOption sandboxOption(
        u"sandbox"_s,
        QCoreApplication::translate("main",
                                    "Start a local sandbox of Qlik Cloud in this process and show its estate."));
    parser.addOption(sandboxOption);
    const QCommandLineOption seedOption(
        u"sandbox-seed"_s,
        QCoreApplication::translate("main", "The sandbox's seed: demo (default), empty, or estate:TENANTS[:REGIONS]."),
        u"SEED"_s, u"demo"_s);
    parser.addOption(seedOption);
    const QCommandLineOption languageOption(
        u"lang"_s,
        QCoreApplication::translate("main",
                                    "The language of this run: en, or a shipped translation (%1). "
                                    "Overrides the preference and the system's language.")
            .arg(Preferences::shippedLanguages().join(u", "_s)),
        u"LANGUAGE"_s);
    parser.addOption(languageOption);
    parser.process(app);
    if (parser.isSet(languageOption) && !InterfaceLanguage::isAvailable(parser.value(languageOption))) {
        qCCritical(lcApp).noquote() << "--lang" << parser.value(languageOption)
                                    << "is not a language of Tenantry: use en or one of"
                                    << Preferences::shippedLanguages().join(u", "_s);
        return 2;
    }
    const bool sandbox = parser.isSet(sandboxOption) || parser.isSet(seedOption);
    if (sandbox && !Sandbox::SeedSpec::parse(parser.value(seedOption))) {
        qCCritical(lcApp).noquote() << "--sandbox-seed" << parser.value(seedOption)
                                    << "is not a seed: use demo, empty or estate:TENANTS[:REGIONS]";
        return 2;
    }

    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantry"_s;
    logOptions.verbose = parser.isSet(verboseOption);
    logOptions.level = Preferences::logLevel();
    const QString logError = Logging::ApplicationLog::install(logOptions);
    if (!logError.isEmpty())
        qCWarning(lcApp).noquote() << "Logging to stderr only:" << logError;
    if (!languageError.isEmpty())
        qCWarning(lcApp).noquote() << languageError;
    qCInfo(lcApp).noquote() << "Language:" << InterfaceLanguage::current();
    qCInfo(lcApp).noquote() << "Tenantry" << QApplication::applicationVersion() << "starting; Qt" << qVersion() << "on"
                            << QGuiApplication::platformName();
    // Where plugins come from is the first question when icons or the platform plugin go missing.
    qCDebug(lcApp) << "Log file:" << Logging::ApplicationLog::currentFilePath()
                   << "plugin paths:" << QCoreApplication::libraryPaths();

    // Without Qt's SVG icon engine plugin every icon is blank; say so instead of looking broken.
    if (IconCatalog::applicationIcon().pixmap(QSize(16, 16)).isNull())
        qCWarning(lcApp) << "Cannot draw SVG icons: Qt's SVG icon engine plugin (iconengines/libqsvgicon) is missing";

#ifdef Q_OS_UNIX
    quitOnTerminationSignals(&app);
#endif

    MainWindow window;
    window.show();
    qCInfo(lcApp) << "Main window shown";

    // The window is up before anything connects; the session arrives when it is ready.
    SessionLauncher launcher;
    QObject::connect(&launcher, &SessionLauncher::progress, &window, &MainWindow::setConnectionText);
    QObject::connect(&launcher, &SessionLauncher::failed, &window, &MainWindow::setConnectionText);
    QObject::connect(&launcher, &SessionLauncher::ready, &window, [&window](EstateSession *session) {
        qCInfo(lcApp).noquote() << "Showing the estate of" << session->description();
        window.setSession(session);
    });
    if (sandbox) {
        launcher.start(parser.value(seedOption));
    } else if (const Cloud::ProfileStore profiles(nullptr);
               profiles.profiles().isEmpty() && profiles.problems().isEmpty()) {
        // First run: nothing configured. Offer credentials or the sandbox instead of an empty window.
        qCInfo(lcApp) << "First run: no credential profiles; offering credentials or the sandbox";
        auto *firstRun = new FirstRunDialog(&window);
        firstRun->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(firstRun, &FirstRunDialog::sandboxRequested, &launcher,
                         [&launcher] { launcher.start(u"demo"_s); });
        QObject::connect(firstRun, &FirstRunDialog::cloudRequested, &launcher, [&launcher] { launcher.start({}); });
        firstRun->open();
    } else {
        launcher.start({});
    }
    const int exitCode = QApplication::exec();
    window.setSession(nullptr);
    qCInfo(lcApp) << "Tenantry exits with code" << exitCode;
    return exitCode;
}
