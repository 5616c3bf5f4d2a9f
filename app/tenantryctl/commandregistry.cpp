#include "commandregistry.h"

#include <algorithm>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

void CommandRegistry::addGroup(const QString &group, const QString &summary)
{
    m_groups.append({group, summary});
}

void CommandRegistry::add(Entry entry)
{
    m_entries.append(std::move(entry));
}

bool CommandRegistry::hasGroup(const QString &group) const
{
    return std::any_of(m_groups.cbegin(), m_groups.cend(), [&](const Group &g) { return g.name == group; });
}

const CommandRegistry::Entry *CommandRegistry::find(const QString &group, const QString &action) const
{
    const auto found = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) {
        return e.group == group && (e.action == action || e.action.isEmpty());
    });
    return found == m_entries.cend() ? nullptr : &*found;
}

QList<CommandRegistry::Entry> CommandRegistry::actions(const QString &group) const
{
    QList<Entry> entries;
    std::copy_if(m_entries.cbegin(), m_entries.cend(), std::back_inserter(entries),
                 [&](const Entry &e) { return e.group == group; });
    return entries;
}

QList<CommandRegistry::Entry> CommandRegistry::entries() const
{
    QList<Entry> ordered;
    for (const Group &group : m_groups)
        ordered.append(actions(group.name));
    return ordered;
}

QString CommandRegistry::synopsis(const Entry &entry)
{
    return QStringList{entry.group, entry.action, entry.arguments}.filter(QRegularExpression(u"."_s)).join(u' ');
}

QString CommandRegistry::groupOverview(const QString &group) const
{
    QString text;
    for (const Group &g : m_groups) {
        if (g.name == group)
            text += g.summary + u"\n\n"_s;
    }
    qsizetype width = 0;
    const QList<Entry> entries = actions(group);
    for (const Entry &entry : entries)
        width = std::max(width, entry.action.size() + 1 + entry.arguments.size());
    text += u"Actions:\n"_s;
    for (const Entry &entry : entries)
        text += u"  tenantryctl "_s + group + u' '
            + QString(entry.action + u' ' + entry.arguments).trimmed().leftJustified(width) + u"  "_s + entry.summary
            + u'\n';
    return text;
}
