#include "userscommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "listfetch.h"
#include "networkcommand.h"
#include "texttable.h"

#include "cloud/resources/user.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList roleNames(const Cloud::User &user)
{
    QStringList names;
    for (const Cloud::AssignedRole &role : user.assignedRoles)
        names.append(role.name);
    return names;
}

class ListUsers final : public NetworkCommand
{
public:
    using NetworkCommand::NetworkCommand;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override
    {
        addTenantOption(parser);
        parser.addOption(
            {u"bots"_s, u"Only bot users: the identities of OAuth clients (subject qlikbot\\<clientId>)."_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        const QString tenant = tenantOrUsageError(parser);
        if (tenant.isEmpty())
            return;
        Cloud::CloudClient *client = clientOrUsageError();
        if (!client)
            return;
        const bool botsOnly = parser.isSet(u"bots"_s);
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, u"100"_s);
        if (botsOnly) // FACTS §2.3: bots are found by their subject
            query.addQueryItem(u"filter"_s, u"subject co \"qlikbot\""_s);
        ListFetch::all<Cloud::User>(*client, Cloud::ApiCall::get(tenant, u"/api/v1/users"_s, query), this,
                                    &Cloud::User::read,
                                    [this, tenant, botsOnly](QList<Cloud::User> users, const QString &error) {
                                        if (!error.isEmpty()) {
                                            fail(error);
                                            return;
                                        }
                                        if (botsOnly) // the filter is a substring match; keep real bots only
                                            users.removeIf([](const Cloud::User &user) { return !user.isBot(); });
                                        print(tenant, std::move(users), botsOnly);
                                    });
    }

private:
    void print(const QString &tenant, QList<Cloud::User> users, bool botsOnly)
    {
        std::sort(users.begin(), users.end(), [](const Cloud::User &a, const Cloud::User &b) {
            const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a.id < b.id;
        });
        if (context().output().isJson()) {
            QJsonArray array;
            for (const Cloud::User &user : std::as_const(users))
                array.append(QJsonObject{{u"id"_s, user.id},
                                         {u"name"_s, user.name},
                                         {u"email"_s, user.email},
                                         {u"subject"_s, user.subject},
                                         {u"status"_s, user.status},
                                         {u"clientId"_s, user.clientId},
                                         {u"bot"_s, user.isBot()},
                                         {u"roles"_s, QJsonArray::fromStringList(roleNames(user))}});
            context().output().json({{u"tenant"_s, tenant}, {u"users"_s, array}});
        } else if (users.isEmpty()) {
            context().output().line(botsOnly ? u"No bot users on %1."_s.arg(tenant) : u"No users on %1."_s.arg(tenant));
        } else if (botsOnly) {
            TextTable table({u"NAME"_s, u"CLIENT ID"_s, u"STATUS"_s, u"ID"_s, u"ROLES"_s});
            for (const Cloud::User &user : std::as_const(users))
                table.addRow({user.name, user.clientId, user.status, user.id, roleNames(user).join(u", "_s)});
            context().output().table(table);
        } else {
            TextTable table({u"NAME"_s, u"EMAIL"_s, u"STATUS"_s, u"ID"_s, u"ROLES"_s});
            for (const Cloud::User &user : std::as_const(users))
                table.addRow({user.isBot() ? user.name + u" (bot)"_s : user.name, user.email, user.status, user.id,
                              roleNames(user).join(u", "_s)});
            context().output().table(table);
        }
        finish(ExitOk);
    }
};

} // namespace

void UsersCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"users"_s, u"Users of a tenant."_s);
    registry.add({u"users"_s, u"list"_s, u"List the users (or only the bot users) of a tenant."_s,
                  u"--tenant HOST [--bots]"_s, CommandRegistry::factoryOf<ListUsers>()});
}
