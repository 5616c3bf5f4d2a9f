#include "tenanttagstore.h"

#include "cloud/storagepaths.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<TenantTag> builtInTags()
{
    // Red for production so it reads as "careful" everywhere; amber and blue stay calm.
    return {{TenantTagStore::production, u"#c62828"_s, true},
            {TenantTagStore::trial, u"#ef8f00"_s, true},
            {TenantTagStore::internal, u"#1565c0"_s, true}};
}

bool isColor(const QString &color)
{
    static const QRegularExpression pattern(u"^#[0-9a-fA-F]{6}$"_s);
    return pattern.match(color).hasMatch();
}

QString keyOf(const QString &tenantId, const QStringList &hostnames)
{
    if (!tenantId.isEmpty())
        return tenantId;
    return hostnames.isEmpty() ? QString() : hostnames.constFirst().toLower();
}

// QSettings keys cannot hold '/' and treat '\' specially; ids and hostnames never contain either.
QString settingsKey(const QString &key)
{
    return u"assignments/"_s + key;
}

// Built-in tags first, then the user's by name.
void sortDefinitions(QList<TenantTag> &definitions)
{
    std::stable_sort(definitions.begin(), definitions.end(), [](const TenantTag &a, const TenantTag &b) {
        if (a.builtIn != b.builtIn)
            return a.builtIn;
        return !a.builtIn && a.name < b.name;
    });
}

// Set once a group of the shared file holds what the older per-program files had.
const QString olderSettingsMergedKey = u"olderSettingsMerged"_s;

} // namespace

TenantTagStore::TenantTagStore(const QString &group, QObject *parent)
    : QObject(parent)
    , m_settings(Cloud::StoragePaths::tenantTagsFile(), QSettings::IniFormat)
    , m_group(group)
{
    if (m_settings.value(m_group + u'/' + olderSettingsMergedKey).toBool())
        load();
    else
        mergeOlderSettings();
}

TenantTagStore::TenantTagStore(const QString &settingsFile, const QString &group, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile, QSettings::IniFormat)
    , m_group(group)
{
    load();
}

TenantTagStore::~TenantTagStore() = default;

void TenantTagStore::load()
{
    m_definitions = builtInTags();
    readDefinitions(m_settings, m_group);
    sortDefinitions(m_definitions);
    readAssignments(m_settings, m_group);
}

void TenantTagStore::mergeOlderSettings()
{
    // Where the GUI (its application settings) and tenantryctl (its own, always "TenantTags")
    // kept tags before they shared a file. Both are read; neither is changed.
    QSettings gui(u"Tenantry"_s, u"Tenantry"_s);
    QSettings ctl(u"Tenantry"_s, u"tenantryctl"_s);
    gui.setFallbacksEnabled(false);
    ctl.setFallbacksEnabled(false);
    const std::array<std::pair<QSettings *, QString>, 3> sources{
        {{&ctl, QString(cloudGroup)}, {&gui, m_group}, {&m_settings, m_group}}};
    // Every definition before any assignment, so that no tag is dropped for being defined in
    // another file; the shared file last, so its colours win.
    m_definitions = builtInTags();
    for (const auto &[settings, group] : sources)
        readDefinitions(*settings, group);
    sortDefinitions(m_definitions);
    for (const auto &[settings, group] : sources)
        readAssignments(*settings, group);
    saveDefinitions();
    for (auto it = m_assignments.cbegin(); it != m_assignments.cend(); ++it)
        saveAssignment(it.key());
    m_settings.setValue(m_group + u'/' + olderSettingsMergedKey, true);
}

void TenantTagStore::readDefinitions(QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    const int count = settings.beginReadArray(u"definitions"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const QString name = normalizedName(settings.value(u"name"_s).toString());
        const QString color = settings.value(u"color"_s).toString();
        if (name.isEmpty() || !isColor(color))
            continue; // a hand-edited entry that cannot be used; the rest stays readable
        auto existing = std::find_if(m_definitions.begin(), m_definitions.end(),
                                     [&name](const TenantTag &tag) { return tag.name == name; });
        if (existing != m_definitions.end())
            existing->color = color; // a built-in tag the user recoloured, or one another file defined
        else
            m_definitions.append({name, color, false});
    }
    settings.endArray();
    settings.endGroup();
}

void TenantTagStore::readAssignments(QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    settings.beginGroup(u"assignments"_s);
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        QStringList tags = m_assignments.value(key);
        for (const QString &tag : settings.value(key).toStringList()) {
            if (const std::optional<TenantTag> known = definition(tag); known && !tags.contains(known->name))
                tags.append(known->name);
        }
        if (!tags.isEmpty())
            m_assignments.insert(key, ordered(tags));
    }
    settings.endGroup();
    settings.endGroup();
}

QList<TenantTag> TenantTagStore::definitions() const
{
    return m_definitions;
}

std::optional<TenantTag> TenantTagStore::definition(const QString &name) const
{
    const QString wanted = name.trimmed().toLower();
    for (const TenantTag &tag : m_definitions) {
        if (tag.name == wanted)
            return tag;
    }
    return std::nullopt;
}

QString TenantTagStore::normalizedName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9 _-]{0,31}$"_s);
    const QString normalized = name.trimmed().toLower();
    return pattern.match(normalized).hasMatch() ? normalized : QString();
}

QString TenantTagStore::displayName(const QString &tag)
{
    if (tag.isEmpty())
        return tag;
    return tag.at(0).toUpper() + tag.mid(1);
}

QString TenantTagStore::define(const QString &name, const QString &color)
{
    const QString normalized = normalizedName(name);
    if (normalized.isEmpty()) {
        return tr("Tag name '%1' is not valid: use 1 to 32 letters, digits, spaces, '-' or '_', starting with a "
                  "letter or digit.")
            .arg(name.trimmed());
    }
    if (!isColor(color))
        return tr("Tag colour '%1' is not valid: expected #rrggbb.").arg(color);
    auto existing = std::find_if(m_definitions.begin(), m_definitions.end(),
                                 [&normalized](const TenantTag &tag) { return tag.name == normalized; });
    if (existing != m_definitions.end()) {
        if (existing->color.compare(color, Qt::CaseInsensitive) == 0)
            return {};
        existing->color = color.toLower();
    } else {
        m_definitions.append({normalized, color.toLower(), false});
        sortDefinitions(m_definitions);
    }
    saveDefinitions();
    Q_EMIT definitionsChanged();
    return {};
}

QString TenantTagStore::remove(const QString &name)
{
    const std::optional<TenantTag> tag = definition(name);
    if (!tag)
        return tr("There is no tag '%1'.").arg(name);
    if (tag->builtIn)
        return tr("The tag '%1' is built in and cannot be removed.").arg(tag->name);
    m_definitions.removeIf([&tag](const TenantTag &t) { return t.name == tag->name; });
    QStringList changed;
    for (auto it = m_assignments.begin(); it != m_assignments.end();) {
        if (it->removeAll(tag->name) > 0) {
            changed.append(it.key());
            if (it->isEmpty()) {
                const QString key = it.key();
                it = m_assignments.erase(it);
                saveAssignment(key);
                continue;
            }
            saveAssignment(it.key());
        }
        ++it;
    }
    saveDefinitions();
    Q_EMIT definitionsChanged();
    if (!changed.isEmpty())
        Q_EMIT tagsChanged(changed);
    return {};
}

QStringList TenantTagStore::tagsOf(const QString &tenantId, const QStringList &hostnames) const
{
    if (m_assignments.isEmpty())
        return {};
    QStringList tags;
    if (!tenantId.isEmpty())
        tags = m_assignments.value(tenantId);
    for (const QString &hostname : hostnames) {
        const auto it = m_assignments.constFind(hostname.toLower());
        if (it == m_assignments.cend())
            continue;
        for (const QString &tag : *it) {
            if (!tags.contains(tag))
                tags.append(tag);
        }
    }
    return tags.size() > 1 ? ordered(tags) : tags;
}

bool TenantTagStore::hasTag(const QString &tenantId, const QStringList &hostnames, const QString &tag) const
{
    return tagsOf(tenantId, hostnames).contains(tag.trimmed().toLower());
}

QString TenantTagStore::setTags(const QString &tenantId, const QStringList &hostnames, const QStringList &tags)
{
    const QString key = keyOf(tenantId, hostnames);
    if (key.isEmpty())
        return tr("A tenant needs an id or a hostname to carry tags.");
    QStringList normalized;
    for (const QString &tag : tags) {
        const std::optional<TenantTag> known = definition(tag);
        if (!known)
            return tr("There is no tag '%1'; define it first.").arg(tag);
        if (!normalized.contains(known->name))
            normalized.append(known->name);
    }
    normalized = ordered(normalized);
    QStringList changed;
    // Fold entries kept under the tenant's hostnames into the one key.
    for (const QString &hostname : hostnames) {
        const QString hostKey = hostname.toLower();
        if (hostKey != key && m_assignments.remove(hostKey) > 0) {
            saveAssignment(hostKey);
            changed.append(hostKey);
        }
    }
    if (m_assignments.value(key) != normalized) {
        if (normalized.isEmpty())
            m_assignments.remove(key);
        else
            m_assignments.insert(key, normalized);
        saveAssignment(key);
        changed.append(key);
    }
    if (!changed.isEmpty())
        Q_EMIT tagsChanged(changed);
    return {};
}

QStringList TenantTagStore::ordered(QStringList tags) const
{
    const auto rank = [this](const QString &tag) {
        for (qsizetype i = 0; i < m_definitions.size(); ++i) {
            if (m_definitions.at(i).name == tag)
                return i;
        }
        return m_definitions.size();
    };
    std::stable_sort(tags.begin(), tags.end(),
                     [&rank](const QString &a, const QString &b) { return rank(a) < rank(b); });
    return tags;
}

void TenantTagStore::saveDefinitions()
{
    m_settings.beginGroup(m_group);
    m_settings.remove(u"definitions"_s);
    m_settings.beginWriteArray(u"definitions"_s);
    int index = 0;
    for (const TenantTag &tag : std::as_const(m_definitions)) {
        // Built-in tags are stored only when recoloured.
        if (tag.builtIn) {
            const auto defaults = builtInTags();
            if (std::find(defaults.cbegin(), defaults.cend(), tag) != defaults.cend())
                continue;
        }
        m_settings.setArrayIndex(index++);
        m_settings.setValue(u"name"_s, tag.name);
        m_settings.setValue(u"color"_s, tag.color);
    }
    m_settings.endArray();
    m_settings.endGroup();
}

void TenantTagStore::saveAssignment(const QString &key)
{
    m_settings.beginGroup(m_group);
    const auto it = m_assignments.constFind(key);
    if (it == m_assignments.cend())
        m_settings.remove(settingsKey(key));
    else
        m_settings.setValue(settingsKey(key), *it);
    m_settings.endGroup();
}
