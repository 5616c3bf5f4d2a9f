#include "appscommands.h"

#include "commandcontext.h"
#include "commandregistry.h"
#include "listfetch.h"
#include "networkcommand.h"
#include "texttable.h"

#include "cloud/resources/item.h"
#include "cloud/resources/space.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

// Qlik has no "list apps" call: apps are listed as items of resourceType app (FACTS §11.1), and
// spaces are read first to name the space of each app and to find --space by name.
class ListApps final : public NetworkCommand
{
public:
    using NetworkCommand::NetworkCommand;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &parser) override
    {
        addTenantOption(parser);
        parser.addOption({u"space"_s, u"Only the apps of this space (its name, case-insensitive)."_s, u"NAME"_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        m_tenant = tenantOrUsageError(parser);
        if (m_tenant.isEmpty())
            return;
        m_client = clientOrUsageError();
        if (!m_client)
            return;
        m_spaceName = parser.value(u"space"_s);
        if (parser.isSet(u"space"_s) && m_spaceName.trimmed().isEmpty()) {
            usageError(u"--space needs a space name"_s);
            return;
        }
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, u"100"_s);
        ListFetch::all<Cloud::Space>(*m_client, Cloud::ApiCall::get(m_tenant, u"/api/v1/spaces"_s, query), this,
                                     &Cloud::Space::read,
                                     [this](const QList<Cloud::Space> &spaces, const QString &error) {
                                         if (!error.isEmpty()) {
                                             fail(error);
                                             return;
                                         }
                                         onSpaces(spaces);
                                     });
    }

private:
    void onSpaces(const QList<Cloud::Space> &spaces)
    {
        for (const Cloud::Space &space : spaces)
            m_spaceNames.insert(space.id, space.name);
        QUrlQuery query;
        query.addQueryItem(u"resourceType"_s, u"app"_s);
        query.addQueryItem(u"limit"_s, u"100"_s);
        query.addQueryItem(u"noActions"_s, u"true"_s);
        if (!m_spaceName.isEmpty()) {
            const auto space = std::find_if(spaces.cbegin(), spaces.cend(), [this](const Cloud::Space &s) {
                return s.name.compare(m_spaceName, Qt::CaseInsensitive) == 0;
            });
            if (space == spaces.cend()) {
                fail(u"there is no space named '%1' on %2"_s.arg(m_spaceName, m_tenant));
                return;
            }
            m_space = *space;
            query.addQueryItem(u"spaceId"_s, space->id);
        }
        ListFetch::all<Cloud::Item>(*m_client, Cloud::ApiCall::get(m_tenant, u"/api/v1/items"_s, query), this,
                                    &Cloud::Item::read, [this](QList<Cloud::Item> items, const QString &error) {
                                        if (!error.isEmpty()) {
                                            fail(error);
                                            return;
                                        }
                                        print(std::move(items));
                                    });
    }

    void print(QList<Cloud::Item> items)
    {
        // An app item always carries its app (Item::read); anything else the filter let through is not ours.
        items.removeIf([this](const Cloud::Item &item) {
            return !item.app || (m_space && item.app->spaceId != m_space->id && item.spaceId != m_space->id);
        });
        const auto spaceOf = [this](const Cloud::Item &item) {
            const QString id = item.app->spaceId.isEmpty() ? item.spaceId : item.app->spaceId;
            return std::pair{id, id.isEmpty() ? u"(personal)"_s : m_spaceNames.value(id, id)};
        };
        std::sort(items.begin(), items.end(), [&](const Cloud::Item &a, const Cloud::Item &b) {
            const int bySpace = spaceOf(a).second.compare(spaceOf(b).second, Qt::CaseInsensitive);
            if (bySpace != 0)
                return bySpace < 0;
            const int byName = a.app->name.compare(b.app->name, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a.app->id < b.app->id;
        });

        if (context().output().isJson()) {
            QJsonArray array;
            for (const Cloud::Item &item : std::as_const(items)) {
                const auto [spaceId, spaceName] = spaceOf(item);
                array.append(QJsonObject{{u"id"_s, item.app->id},
                                         {u"itemId"_s, item.id},
                                         {u"name"_s, item.app->name},
                                         {u"spaceId"_s, spaceId},
                                         {u"spaceName"_s, spaceId.isEmpty() ? QString() : spaceName},
                                         {u"ownerId"_s, item.app->ownerId.isEmpty() ? item.ownerId : item.app->ownerId},
                                         {u"originAppId"_s, item.app->originAppId},
                                         {u"published"_s, item.app->published}});
            }
            QJsonObject answer{{u"tenant"_s, m_tenant}, {u"apps"_s, array}};
            if (m_space)
                answer.insert(u"space"_s, QJsonObject{{u"id"_s, m_space->id}, {u"name"_s, m_space->name}});
            context().output().json(answer);
        } else if (items.isEmpty()) {
            context().output().line(m_space ? u"No apps in space '%1' on %2."_s.arg(m_space->name, m_tenant)
                                            : u"No apps on %1."_s.arg(m_tenant));
        } else {
            TextTable table({u"SPACE"_s, u"NAME"_s, u"ID"_s, u"OWNER ID"_s, u"PUBLISHED FROM"_s});
            for (const Cloud::Item &item : std::as_const(items))
                table.addRow({spaceOf(item).second, item.app->name, item.app->id,
                              item.app->ownerId.isEmpty() ? item.ownerId : item.app->ownerId, item.app->originAppId});
            context().output().table(table);
        }
        finish(ExitOk);
    }

    QString m_tenant;
    QString m_spaceName;
    std::optional<Cloud::Space> m_space;
    QHash<QString, QString> m_spaceNames;
    Cloud::CloudClient *m_client = nullptr;
};

} // namespace

void AppsCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"apps"_s, u"Apps of a tenant."_s);
    registry.add({u"apps"_s, u"list"_s, u"List the apps of a tenant, or of one of its spaces."_s,
                  u"--tenant HOST [--space NAME]"_s, CommandRegistry::factoryOf<ListApps>()});
}
