#include "spacescommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "listfetch.h"
#include "networkcommand.h"
#include "texttable.h"

#include "cloud/resources/space.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

class ListSpaces final : public NetworkCommand
{
public:
    using NetworkCommand::NetworkCommand;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override { addTenantOption(parser); }

    void run(const QCommandLineParser &parser) override
    {
        const QString tenant = tenantOrUsageError(parser);
        if (tenant.isEmpty())
            return;
        Cloud::CloudClient *client = clientOrUsageError();
        if (!client)
            return;
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, u"100"_s);
        ListFetch::all<Cloud::Space>(*client, Cloud::ApiCall::get(tenant, u"/api/v1/spaces"_s, query), this,
                                     &Cloud::Space::read,
                                     [this, tenant](QList<Cloud::Space> spaces, const QString &error) {
                                         if (!error.isEmpty()) {
                                             fail(error);
                                             return;
                                         }
                                         print(tenant, std::move(spaces));
                                     });
    }

private:
    void print(const QString &tenant, QList<Cloud::Space> spaces)
    {
        std::sort(spaces.begin(), spaces.end(), [](const Cloud::Space &a, const Cloud::Space &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        if (context().output().isJson()) {
            QJsonArray array;
            for (const Cloud::Space &space : std::as_const(spaces))
                array.append(QJsonObject{{u"id"_s, space.id},
                                         {u"name"_s, space.name},
                                         {u"type"_s, space.type},
                                         {u"description"_s, space.description},
                                         {u"ownerId"_s, space.ownerId},
                                         {u"createdAt"_s, space.createdAt.toString(Qt::ISODateWithMs)}});
            context().output().json({{u"tenant"_s, tenant}, {u"spaces"_s, array}});
        } else if (spaces.isEmpty()) {
            context().output().line(u"No spaces on %1."_s.arg(tenant));
        } else {
            TextTable table({u"NAME"_s, u"TYPE"_s, u"ID"_s, u"OWNER ID"_s, u"DESCRIPTION"_s});
            for (const Cloud::Space &space : std::as_const(spaces))
                table.addRow({space.name, space.type, space.id, space.ownerId, space.description});
            context().output().table(table);
        }
        finish(ExitOk);
    }
};

} // namespace

void SpacesCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"spaces"_s, u"Spaces of a tenant."_s);
    registry.add({u"spaces"_s, u"list"_s, u"List the spaces of a tenant."_s, u"--tenant HOST"_s,
                  CommandRegistry::factoryOf<ListSpaces>()});
}
