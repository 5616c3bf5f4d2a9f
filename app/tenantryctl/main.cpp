#include "appscommands.h"
#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"
#include "credentialscommands.h"
#include "exitcode.h"
#include "idpsecretcommands.h"
#include "manualpage.h"
#include "ownershipcommands.h"
#include "plancommands.h"
#include "republishcommands.h"
#include "spacescommands.h"
#include "tenantscommands.h"
#include "userscommands.h"

#include "logging/applicationlog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace {

// Global options: accepted before the command and after it ("tenantryctl tenants list --json").
struct GlobalOptions
{
    QCommandLineOption json{u"json"_s, u"Print results as JSON on stdout (stable keys, for scripts)."_s};
    QCommandLineOption sandboxUrl{u"sandbox-url"_s,
                                  u"Send every *.qlikcloud.com request to this tenantry-sandbox instead, with its "
                                  "seed credentials."_s,
                                  u"URL"_s};
    QCommandLineOption verbose{u"verbose"_s, u"Log debug messages too (log file and stderr)."_s};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOption(json);
        parser.addOption(sandboxUrl);
        parser.addOption(verbose);
    }
};

void printTo(FILE *stream, const QString &text)
{
    QTextStream(stream) << text;
}

// "Usage: <argv[0]> [options]" as QCommandLineParser writes it; replaced by the plain program name.
QRegularExpression usagePrefix()
{
    return QRegularExpression(u"^Usage: \\S+ \\[options\\]"_s);
}

// The overview `tenantryctl --help` prints, laid out as a man page.
QString mainHelp(const GlobalOptions &globals, const CommandRegistry &registry)
{
    ManualPage page(u"tenantryctl"_s, u"Qlik Cloud platform operations from scripts and CI (Tenantry, headless)"_s,
                    u"tenantryctl [--json] [--sandbox-url URL] [--verbose] COMMAND [ACTION] [ARGUMENTS] [OPTIONS]"_s);
    page.addParagraphs(
        u"DESCRIPTION"_s,
        {u"Lists, plans, applies and audits what the Tenantry window does, against Qlik Cloud or a "
         u"tenantry-sandbox. Every change is checked first, so running a command again changes nothing that is "
         u"already right; jobs are journalled and `apply --resume-last` completes an interrupted one."_s,
         u"Each command has its own options: `tenantryctl COMMAND [ACTION] --help`."_s});
    for (const QCommandLineOption *option : {&globals.json, &globals.sandboxUrl, &globals.verbose}) {
        const QString value = option->valueName().isEmpty() ? QString() : u' ' + option->valueName();
        page.addTerm(u"GLOBAL OPTIONS"_s, u"--"_s + option->names().constFirst() + value, option->description());
    }
    page.addTerm(u"GLOBAL OPTIONS"_s, u"-h, --help"_s, u"Show this page, or a command's options after it."_s);
    page.addTerm(u"GLOBAL OPTIONS"_s, u"-v, --version"_s, u"Print the version."_s);
    for (const CommandRegistry::Entry &entry : registry.entries())
        page.addTerm(u"COMMANDS"_s, CommandRegistry::synopsis(entry), entry.summary);
    page.addParagraphs(u"EXIT STATUS"_s,
                       {u"0 success; 1 the command ran and something failed (network, keychain, server, a target of a "
                        u"job); 2 the command line was wrong and nothing was done."_s});
    page.addParagraphs(u"FILES"_s,
                       {u"~/.config/Tenantry/ holds the credential profiles (never a secret: secrets live in the OS "
                        u"keychain) and the tags the Tenantry window puts on tenants (tenant-tags.ini, which --tag "
                        u"reads). ~/.local/share/Tenantry/ holds the tenant inventory, the job journals "
                        u"(journals/<job id>.jsonl) and the rotating log (secrets redacted)."_s});
    page.addParagraphs(
        u"EXAMPLES"_s,
        {u"tenantryctl --sandbox-url http://127.0.0.1:PORT plan resources/plans/onboard-demo.json"_s,
         u"tenantryctl apply onboard.json --report onboard-report.csv"_s,
         u"tenantryctl republish --app \"Sales Dashboard\" --from acme-source.eu.qlikcloud.com --space Production "
         u"--tag trial --dry-run"_s,
         u"tenantryctl republish --app-file \"Sales Dashboard.qvf\" --space Production --all --first-wave-tag pilot "
         u"--wave-size 50 --max-wave-failures 10"_s,
         u"tenantryctl ownership audit --all --orphaned-bots --partner-domain acme.example --json"_s});
    page.addParagraphs(u"SEE ALSO"_s, {u"tenantry(1), tenantry-sandbox(1), README.md"_s});
    return page.text();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tenantryctl"_s);
    QCoreApplication::setOrganizationName(u"Tenantry"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    CommandRegistry registry;
    CredentialsCommands::registerIn(registry);
    IdpSecretCommands::registerIn(registry);
    PlanCommands::registerIn(registry);
    RepublishCommands::registerIn(registry);
    TenantsCommands::registerIn(registry);
    SpacesCommands::registerIn(registry);
    AppsCommands::registerIn(registry);
    OwnershipCommands::registerIn(registry);
    UsersCommands::registerIn(registry);

    const GlobalOptions globals;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tenantry, headless: Qlik Cloud platform operations from scripts and CI."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    globals.addTo(parser);
    // Everything from the command on belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(QCoreApplication::arguments())) {
        printTo(stderr, u"tenantryctl: "_s + parser.errorText() + u"\nTry 'tenantryctl --help'.\n"_s);
        return ExitUsage;
    }
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    const QStringList rest = parser.positionalArguments();
    if (rest.isEmpty()) {
        const bool asked = parser.isSet(u"help"_s);
        printTo(asked ? stdout : stderr, mainHelp(globals, registry));
        return asked ? ExitOk : ExitUsage;
    }

    const QString &group = rest.at(0);
    if (!registry.hasGroup(group)) {
        printTo(stderr, u"tenantryctl: unknown command '%1'\nTry 'tenantryctl --help'.\n"_s.arg(group));
        return ExitUsage;
    }
    const QString action = rest.value(1);
    const CommandRegistry::Entry *entry = registry.find(group, action);
    if (!entry) {
        const bool asked = action.isEmpty() && parser.isSet(u"help"_s);
        if (!action.isEmpty() && action != "--help"_L1 && action != "-h"_L1)
            printTo(stderr, u"tenantryctl: unknown action '%1 %2'\n"_s.arg(group, action));
        const bool help = asked || action == "--help"_L1 || action == "-h"_L1;
        printTo(help ? stdout : stderr, registry.groupOverview(group));
        return help ? ExitOk : ExitUsage;
    }

    // The command's own parser: its options plus the global ones. A one-word command ("plan FILE")
    // takes everything after its name.
    const bool oneWord = entry->action.isEmpty();
    const QString commandName = oneWord ? group : group + u' ' + action;
    QCommandLineParser commandParser;
    commandParser.setApplicationDescription(entry->summary);
    commandParser.addHelpOption();
    globals.addTo(commandParser);

    CommandContext context(commandName);
    std::unique_ptr<Command> command = entry->create(context);
    command->defineArguments(commandParser);
    if (!commandParser.parse(QStringList{u"tenantryctl"_s} + rest.mid(oneWord ? 1 : 2))) {
        printTo(stderr,
                u"tenantryctl: %1\nTry 'tenantryctl %2 --help'.\n"_s.arg(commandParser.errorText(), commandName));
        return ExitUsage;
    }
    if (!command->takesPositionalArguments() && !commandParser.positionalArguments().isEmpty()) {
        printTo(stderr,
                u"tenantryctl: unexpected argument '%1'\nTry 'tenantryctl %2 --help'.\n"_s.arg(
                    commandParser.positionalArguments().first(), commandName));
        return ExitUsage;
    }
    if (commandParser.isSet(u"help"_s)) {
        QString help = commandParser.helpText();
        help.replace(usagePrefix(), u"Usage: tenantryctl "_s + commandName + u" [options]"_s);
        printTo(stdout, help);
        return ExitOk;
    }
    CommandContext::Globals settings;
    settings.json = parser.isSet(globals.json) || commandParser.isSet(globals.json);
    settings.verbose = parser.isSet(globals.verbose) || commandParser.isSet(globals.verbose);
    settings.sandboxUrl = QUrl(commandParser.isSet(globals.sandboxUrl) ? commandParser.value(globals.sandboxUrl)
                                                                       : parser.value(globals.sandboxUrl));
    context.setGlobals(settings);

    // Every message from here on is redacted and also goes to <AppDataLocation>/logs/tenantryctl.log.
    Logging::ApplicationLog::Options logOptions;
    logOptions.baseName = u"tenantryctl"_s;
    logOptions.verbose = settings.verbose;
    if (const QString logError = Logging::ApplicationLog::install(logOptions); !logError.isEmpty())
        context.output().warning(u"logging to stderr only: "_s + logError);

    int exitCode = ExitFailed;
    QObject::connect(command.get(), &Command::finished, &app, [&](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    command->run(commandParser);
    if (!command->isFinished())
        QCoreApplication::exec();
    command.reset(); // before the context it refers to
    return exitCode;
}
