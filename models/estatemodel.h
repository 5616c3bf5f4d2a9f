#pragma once

#include "estatenodekind.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Cloud {
class ApiError;
class CloudClient;
class Pager;
class TenantInventory;
struct ApiPage;
struct InventoryTenant;
struct Tenant;
} // namespace Cloud
class TenantTagStore;

// The estate tree (DESIGN.md §1): Organization → Region → Tenant → {Users, Groups, Spaces → apps,
// Extensions, Themes, Identity providers, CSP origins, Web integrations, Automations, Bot users,
// License} → resources. Tenants come from the organization API (every page, when an organization
// client and the subscription ids are known) merged with the local inventory, deduplicated by
// tenant id and hostname; regions come from Qlik's region table.
//
// Lazy the KDirModel way: an unloaded node reports hasChildren(); canFetchMore() is true only for a
// node that was never populated; fetchMore() marks the node as loading *before* it sends the
// request, so views cannot fetch twice; each page arrives with its own beginInsertRows. A failed
// load stays on its node (LoadState::Failed, Role::Error, the tooltip) until refresh() retries it —
// never a dialog. Resources keep their JSON (checked with the typed readers of cloud/resources) so
// detail tables and exports read it without asking the server again.
//
// No widgets and no QIcon: views map Role::Kind (and Role::LoadState, Role::Status, Role::SpaceType,
// Role::Published, Role::Orphaned) to icons on their side.
class EstateModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EstateModel)

public:
    enum class Role {
        Kind = Qt::UserRole + 1, // int(EstateNodeKind)
        LoadState, // int(LoadState)
        Error, // QString: why the last load failed
        Id, // tenant id, resource id, region id
        Hostname, // tenants and everything below: the tenant's hostname to call (alias when known)
        Hostnames, // tenants: QStringList, generated name first
        TenantName, // tenants: Qlik's generated name
        TenantId, // tenants and everything below
        RegionId, // regions, tenants and below
        Status, // tenants: active | disabled | deactivated | ...; users, automations: their status or state
        PurgeDate, // deactivated tenants: QDateTime when Qlik starts deleting it
        Tags, // tenants: QStringList
        Label, // tenants: the inventory's free-text label
        Origins, // tenants: QStringList of "organization", "inventory"
        Detail, // QString: the muted text after the name (hostname, count, status)
        Count, // int: rows loaded below (tenants of a region, resources of a category)
        SpaceType, // spaces: shared | managed | data
        Published, // apps: bool, a published copy (originAppId set)
        ClientId, // bot users
        Orphaned, // bot users: bool, the OAuth client is not a configured profile
        Json, // QJsonObject: the resource as the server sent it (tenants: built from what is known)
        // tenants: bool, new users take seats of the shared pool on their own (license settings
        // auto-assign, FACTS §5); invalid until the tenant's settings were read
        TakesSeatsAutomatically,
    };
    Q_ENUM(Role)
    enum class LoadState { NotLoaded, Loading, Loaded, Failed };
    Q_ENUM(LoadState)

    explicit EstateModel(QObject *parent = nullptr);
    ~EstateModel() override;

    // Where the estate comes from; nothing is owned. Call reload() after changing them.
    void setClient(Cloud::CloudClient *client);
    void setInventory(Cloud::TenantInventory *inventory);
    void setTagStore(TenantTagStore *tags);
    // The organization node: its label, and whether the organization API is to be used (an
    // organization client is configured). It filters by subscription id, which Qlik requires
    // (FACTS §3.4); without any the organization node shows that as its error.
    void setOrganization(const QString &label, bool useOrganizationApi, const QStringList &subscriptionIds = {});
    [[nodiscard]] bool usesOrganizationApi() const { return m_useOrganizationApi; }
    [[nodiscard]] QStringList subscriptionIds() const { return m_subscriptionIds; }
    // Client ids of the configured OAuth clients: bot users of other clients are orphaned (DESIGN.md §1.5).
    void setConfiguredClientIds(const QSet<QString> &clientIds);
    [[nodiscard]] const QSet<QString> &configuredClientIds() const { return m_configuredClientIds; }

    // Starts again from an unloaded organization node (cancels every load in progress).
    void reload();
    // Forgets what is loaded at and below `index` and loads it again: the organization (all
    // tenants), a tenant's categories, a category's resources. For a resource, its category.
    void refresh(const QModelIndex &index);
    // Whether the tenant list (organization API and inventory) is still arriving.
    [[nodiscard]] bool isLoadingTenants() const;
    [[nodiscard]] int tenantCount() const { return static_cast<int>(m_tenantsById.size() + m_tenantsWithoutId); }

    [[nodiscard]] QModelIndex organizationIndex() const;
    [[nodiscard]] QModelIndex regionIndex(const QString &regionId) const;
    // By tenant id or any of its hostnames (case-insensitive); invalid when unknown.
    [[nodiscard]] QModelIndex tenantIndex(const QString &idOrHostname) const;
    [[nodiscard]] QModelIndex categoryIndex(const QModelIndex &tenant, EstateNodeKind category) const;
    // Gives an active tenant its folders now, for callers that need categoryIndex() at once (they
    // cost nothing on the network). fetchMore() inserts them on the next event-loop turn instead.
    void ensureFolders(const QModelIndex &tenant);
    // The tenant a node belongs to (itself for a tenant); invalid above tenants.
    [[nodiscard]] QModelIndex tenantOf(const QModelIndex &index) const;
    [[nodiscard]] EstateNodeKind kind(const QModelIndex &index) const;
    [[nodiscard]] LoadState loadState(const QModelIndex &index) const;
    // Every tenant in tree order (regions in table order); cheap enough for a palette over 20,000.
    void forEachTenant(const std::function<void(const QModelIndex &tenant)> &visit) const;

    // The type-ahead filter's test: does `needle` (lower case, not empty) occur in the node's name
    // or, for tenants, in its generated name, a hostname (alias included), its label or a tag?
    [[nodiscard]] bool matchesText(const QModelIndex &index, QStringView needle) const;
    [[nodiscard]] QStringList tenantTags(const QModelIndex &tenant) const;
    // Puts `tag` on (or takes it off) every tenant in `tenants`; other indexes are ignored.
    // Returns an empty string on success, otherwise what is wrong.
    [[nodiscard]] QString setTag(const QModelIndexList &tenants, const QString &tag, bool on);

    // What a lifecycle call just did to a tenant (FACTS §3.2, §3.3), shown at once without reloading
    // the estate: its status and purge date after a deactivation or reactivation, its id once
    // looked up, its alias hostname. Empty or invalid arguments leave that field as it is, except
    // `purgeDate`, which an active status clears.
    void noteTenantLifecycle(const QModelIndex &tenant, const QString &status, const QDateTime &purgeDate,
                             const QString &tenantId = {}, const QString &alias = {});
    // What the tenant's license settings say (read by the license page or a seat check), shown on
    // the tenant's node so such tenants stand out across the estate.
    void noteSeatAutoAssignment(const QModelIndex &tenant, bool takesSeats);

    // QAbstractItemModel
    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The tenant list started or finished arriving (count: tenants in the tree).
    void tenantsLoadingChanged(bool loading, int count);
    // Tenants were added; `count` is the new total (for progress in the status bar).
    void tenantsInserted(int count);
    // A node's load failed (also shown on the node itself).
    void loadFailed(const QModelIndex &index, const QString &message);

private:
    struct Node;
    struct RegionNode;
    struct TenantNode;
    struct ResourceNode;
    struct ListingSpec;

    [[nodiscard]] Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOf(const Node *node) const;
    [[nodiscard]] static TenantNode *tenantAbove(Node *node);
    [[nodiscard]] static const ResourceNode *asResource(const Node *node);

    // loading
    void startOrganization();
    void onOrganizationPage(const Cloud::ApiPage &page);
    void onOrganizationFinished(const Cloud::ApiError &error);
    void addInventoryTenants();
    void finishTenantLoading();
    void populateTenant(TenantNode *tenant);
    void startListing(Node *node);
    void setState(Node *node, LoadState state, const QString &error = {});
    void clearChildren(Node *node);
    void cancelLoads(Node *node);
    void cancelOrganizationLoads();
    void forget(Node *node);

    // tenants
    struct TenantRecord;
    void mergeTenants(QList<TenantRecord> records);
    [[nodiscard]] RegionNode *regionFor(const QString &regionId);
    [[nodiscard]] TenantNode *findTenant(const TenantRecord &record) const;
    void indexTenant(TenantNode *tenant);
    void unindexTenant(TenantNode *tenant);
    void updateTenant(TenantNode *tenant, const TenantRecord &record);
    // Folds a record into a tenant's fields; returns the region it belongs in now.
    [[nodiscard]] QString applyRecord(TenantNode *tenant, const TenantRecord &record);
    void moveTenant(TenantNode *tenant, RegionNode *to);
    void onInventoryAdded(const QString &hostname);
    void onInventoryUpdated(const QString &hostname);
    void onInventoryRemoved(const QString &hostname);
    void onTagsChanged(const QStringList &keys);
    void tenantChanged(TenantNode *tenant);
    [[nodiscard]] QString internedStatus(const QString &status);

    // data
    [[nodiscard]] QVariant tenantData(const TenantNode *tenant, int role) const;
    [[nodiscard]] QVariant resourceData(const ResourceNode *resource, int role) const;
    [[nodiscard]] QString detailOf(const Node *node) const;
    [[nodiscard]] QString toolTipOf(const Node *node) const;
    [[nodiscard]] static QJsonObject tenantJson(const TenantNode *tenant, const QStringList &tags);

    Cloud::CloudClient *m_client = nullptr;
    QPointer<Cloud::TenantInventory> m_inventory;
    QPointer<TenantTagStore> m_tags;
    QString m_organizationLabel;
    bool m_useOrganizationApi = false;
    QStringList m_subscriptionIds;
    QSet<QString> m_configuredClientIds;

    std::unique_ptr<Node> m_root; // invisible; its one child is the organization
    Node *m_organization = nullptr;
    QHash<QString, TenantNode *> m_tenantsById;
    QHash<QString, TenantNode *> m_tenantsByHost; // every hostname, lower case
    qsizetype m_tenantsWithoutId = 0;
    QSet<QString> m_statuses; // interned status strings: 20,000 tenants share a handful

    // Loads in flight, by serial: the callbacks look nodes up here, so a node removed meanwhile
    // (refresh, reload) is never touched.
    QHash<quint64, Node *> m_loading;
    QHash<quint64, QPointer<Cloud::Pager>> m_pagers;
    quint64 m_nextSerial = 1;
    QList<quint64> m_organizationSerials; // the organization API's pagers, one per subscription
    int m_organizationPagersLeft = 0;
    QStringList m_organizationErrors;
};
