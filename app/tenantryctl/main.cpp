#include "logging/applicationlog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace {

// Exit codes are part of the interface: scripts and CI rely on them.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tenantryctl"_s);
    QCoreApplication::setOrganizationName(u"Tenantry"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tenantry, headless: Qlik Cloud platform operations from scripts and CI."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(u"verbose"_s, u"Log debug messages too (log file and stderr)."_s);
    parser.addOption(verboseOption);

    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "tenantryctl: " << parser.errorText() << '\n'
                            << "Try 'tenantryctl --help' for the options and commands.\n";
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    // Every message from here on is redacted and also goes to <AppDataLocation>/logs/tenantryctl.log.
    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantryctl"_s;
    logOptions.verbose = parser.isSet(verboseOption);
    if (const QString logError = Logging::ApplicationLog::install(logOptions); !logError.isEmpty())
        QTextStream(stderr) << "tenantryctl: logging to stderr only: " << logError << '\n';

    parser.showHelp(ExitUsage);
}
