#include "idpsecretcommands.h"

#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"
#include "output.h"
#include "secretinput.h"

#include "secrets/secretstore.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using Secrets::SecretResult;

namespace {

// The entry names an "oidc-idp" step accepts (its clientSecretEntry pattern).
QString entryProblem(const QStringList &arguments, const QString &command)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9_.-]{1,64}$"_s);
    if (arguments.size() != 1)
        return u"idp-secret %1 takes one entry NAME"_s.arg(command);
    if (!valid.match(arguments.first()).hasMatch())
        return u"\"%1\" is not an entry name: use 1 to 64 letters, digits, '.', '_' or '-'"_s.arg(arguments.first());
    return {};
}

class SetIdpSecret final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(
            u"NAME"_s, u"The entry an oidc-idp step names in clientSecretEntry (e.g. the customer's id)."_s);
    }

    void run(const QCommandLineParser &parser) override
    {
        if (const QString problem = entryProblem(parser.positionalArguments(), u"set"_s); !problem.isEmpty()) {
            usageError(problem);
            return;
        }
        const QString name = parser.positionalArguments().first();
        const SecretInput::Result input
            = SecretInput::read(u"Client secret of the identity provider application '%1': "_s.arg(name));
        if (!input.error.isEmpty()) {
            usageError(input.error);
            return;
        }
        const QString key = Secrets::SecretStore::oidcClientSecretKey(name);
        context().secretStore().write(key, input.secret, this, [this, name, key](const SecretResult &result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            if (context().output().isJson()) {
                context().output().json(
                    {{u"entry"_s, name}, {u"service"_s, context().secretStore().service()}, {u"key"_s, key}});
            } else {
                context().output().line(
                    u"Stored the client secret '%1' in %2."_s.arg(name, context().secretStore().describeLocation(key)));
            }
            finish(ExitOk);
        });
    }
};

class RemoveIdpSecret final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"NAME"_s, u"The entry to remove from the keychain."_s);
    }

    void run(const QCommandLineParser &parser) override
    {
        if (const QString problem = entryProblem(parser.positionalArguments(), u"remove"_s); !problem.isEmpty()) {
            usageError(problem);
            return;
        }
        const QString name = parser.positionalArguments().first();
        const QString key = Secrets::SecretStore::oidcClientSecretKey(name);
        context().secretStore().remove(key, this, [this, name, key](const SecretResult &result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            if (context().output().isJson())
                context().output().json({{u"removed"_s, name}});
            else
                context().output().line(u"Removed the client secret '%1' from %2."_s.arg(
                    name, context().secretStore().describeLocation(key)));
            finish(ExitOk);
        });
    }
};

} // namespace

void IdpSecretCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"idp-secret"_s,
                      u"Client secrets of interactive (OIDC) identity providers; kept only in the OS keychain."_s);
    registry.add({u"idp-secret"_s, u"set"_s, u"Store a client secret, read from stdin, for oidc-idp steps."_s,
                  u"NAME"_s, CommandRegistry::factoryOf<SetIdpSecret>()});
    registry.add({u"idp-secret"_s, u"remove"_s, u"Remove a client secret from the keychain."_s, u"NAME"_s,
                  CommandRegistry::factoryOf<RemoveIdpSecret>()});
}
