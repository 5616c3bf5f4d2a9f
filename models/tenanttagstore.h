#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSettings>
#include <QStringList>

#include <optional>

// A tag people put on tenants to tell environments apart (USER-FLOWS.md: "colour-coded by kind,
// with confirmation before touching production").
struct TenantTag
{
    QString name; // lower case, e.g. "production"
    QString color; // "#rrggbb"; the UI turns it into a colour (models stay free of Qt Gui)
    bool builtIn = false; // production, trial, internal: always defined, cannot be removed

    friend bool operator==(const TenantTag &, const TenantTag &) = default;
};

// Tag definitions and which tenants carry which tags, persisted with QSettings (no secrets here).
// A tenant is keyed by its id when known, else by its lower-case hostname; lookups accept both,
// so tags put on a tenant added by hostname stay with it once the organization API names its id.
// The GUI sets them and tenantryctl selects by them (--tag), so both open the same file.
class TenantTagStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantTagStore)

public:
    static constexpr auto production = QLatin1StringView("production");
    static constexpr auto trial = QLatin1StringView("trial");
    static constexpr auto internal = QLatin1StringView("internal");

    // The groups of the tags of Qlik Cloud's tenants and of a sandbox's: apart, so that a sandbox
    // tenant's tags never land on a real tenant answering to the same hostname.
    static constexpr auto cloudGroup = QLatin1StringView("TenantTags");
    static constexpr auto sandboxGroup = QLatin1StringView("SandboxTenantTags");

    // The tags the GUI and tenantryctl share: Cloud::StoragePaths::tenantTagsFile() under `group`.
    // The first time a group is opened there, the tags earlier versions kept in each program's own
    // settings (the GUI's Tenantry.conf under `group`, tenantryctl's tenantryctl.conf under
    // "TenantTags") are merged in: a tag set in either is kept, and the older files stay as they were.
    explicit TenantTagStore(const QString &group, QObject *parent = nullptr);
    // Tags in an INI file of their own (tests), nothing merged in.
    TenantTagStore(const QString &settingsFile, const QString &group, QObject *parent = nullptr);
    ~TenantTagStore() override;

    // Built-in tags first, then user-defined ones by name.
    [[nodiscard]] QList<TenantTag> definitions() const;
    [[nodiscard]] std::optional<TenantTag> definition(const QString &name) const;
    // Adds a tag or changes its colour. Returns an empty string on success, otherwise what is wrong.
    [[nodiscard]] QString define(const QString &name, const QString &color);
    // Removes a user-defined tag from the definitions and from every tenant.
    [[nodiscard]] QString remove(const QString &name);

    // The tags of a tenant, in definition order.
    [[nodiscard]] QStringList tagsOf(const QString &tenantId, const QStringList &hostnames) const;
    [[nodiscard]] bool hasTag(const QString &tenantId, const QStringList &hostnames, const QString &tag) const;
    // Replaces a tenant's tags (unknown names are refused). Stored under the id when there is one;
    // entries under its hostnames are folded in.
    [[nodiscard]] QString setTags(const QString &tenantId, const QStringList &hostnames, const QStringList &tags);
    // Whether any tenant carries tags at all (lets the filter skip the lookups).
    [[nodiscard]] bool isEmpty() const { return m_assignments.isEmpty(); }

    // "production" -> "Production"
    [[nodiscard]] static QString displayName(const QString &tag);
    // Lower case, trimmed; empty when the name is not acceptable (see define()).
    [[nodiscard]] static QString normalizedName(const QString &name);

Q_SIGNALS:
    void definitionsChanged();
    // The keys (ids or hostnames) whose tags changed.
    void tagsChanged(const QStringList &tenantKeys);

private:
    void load();
    void mergeOlderSettings();
    // Add what `settings` holds under `group` to what the store holds.
    void readDefinitions(QSettings &settings, const QString &group);
    void readAssignments(QSettings &settings, const QString &group);
    void saveDefinitions();
    void saveAssignment(const QString &key);
    [[nodiscard]] QStringList ordered(QStringList tags) const;

    mutable QSettings m_settings;
    QString m_group;
    QList<TenantTag> m_definitions;
    QHash<QString, QStringList> m_assignments; // key -> tag names
};
