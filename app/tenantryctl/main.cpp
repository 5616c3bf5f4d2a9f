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

    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "tenantryctl: " << parser.errorText() << '\n'
                            << "Try 'tenantryctl --help' for the options and commands.\n";
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    parser.showHelp(ExitUsage);
}
