#pragma once

#include <functional>
#include <memory>
#include <QList>
#include <QString>
#include <QStringList>

class Command;
class CommandContext;

// The commands tenantryctl knows, by group and action ("tenants" "list"). Each command group
// registers its actions from its own file pair, so adding "plan" or "republish" touches main.cpp
// by one line.
class CommandRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Command>(CommandContext &)>;

    struct Entry
    {
        QString group;
        QString action; // empty: a command of one word ("plan FILE"), all that follows are its arguments
        QString summary; // one line for the command overview
        QString arguments; // positional synopsis for the usage line, e.g. "NAME"
        Factory create;
    };

    template<typename T>
    [[nodiscard]] static Factory factoryOf()
    {
        return [](CommandContext &context) { return std::make_unique<T>(context); };
    }

    void addGroup(const QString &group, const QString &summary);
    void add(Entry entry);

    [[nodiscard]] bool hasGroup(const QString &group) const;
    // The entry of "group action", or the group's one-word command whatever `action` is.
    [[nodiscard]] const Entry *find(const QString &group, const QString &action) const;
    [[nodiscard]] QList<Entry> actions(const QString &group) const;
    // Every command, group by group in the order the groups were added.
    [[nodiscard]] QList<Entry> entries() const;
    // "republish --app NAME_OR_ID ...": the group, the action and the arguments.
    [[nodiscard]] static QString synopsis(const Entry &entry);
    // The actions of one group, for "tenantryctl credentials" without an action.
    [[nodiscard]] QString groupOverview(const QString &group) const;

private:
    struct Group
    {
        QString name;
        QString summary;
    };
    QList<Group> m_groups;
    QList<Entry> m_entries;
};
