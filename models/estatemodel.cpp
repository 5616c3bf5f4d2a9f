#include "estatemodel.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudhost.h"
#include "cloud/inventorytenant.h"
#include "cloud/pager.h"
#include "cloud/region.h"
#include "cloud/resources/app.h"
#include "cloud/resources/automation.h"
#include "cloud/resources/csporigin.h"
#include "cloud/resources/extension.h"
#include "cloud/resources/group.h"
#include "cloud/resources/identityprovider.h"
#include "cloud/resources/item.h"
#include "cloud/resources/jsonreader.h"
#include "cloud/resources/space.h"
#include "cloud/resources/tenant.h"
#include "cloud/resources/theme.h"
#include "cloud/resources/user.h"
#include "cloud/resources/webintegration.h"
#include "cloud/tenantinventory.h"
#include "cloud/tenantlifecycle.h"
#include "tenanttagstore.h"

#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QUrlQuery>

#include <algorithm>
#include <climits>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcEstate, "tenantry.estate")

namespace {

constexpr auto organizationLimit = "100"_L1; // the organization API's maximum page (FACTS §3.4)
constexpr auto listLimit = "100"_L1; // FACTS §14.1: the maximum of users, groups, spaces, items, ...

int regionOrder(const QString &regionId)
{
    if (regionId.isEmpty())
        return INT_MAX; // "Region unknown" last
    const QList<Cloud::Region> &regions = Cloud::Region::all();
    for (qsizetype i = 0; i < regions.size(); ++i) {
        if (regions.at(i).id == regionId)
            return static_cast<int>(i);
    }
    return INT_MAX - 1;
}

// "acme-source" for "acme-source.eu.qlikcloud.com"
QString firstLabel(const QString &hostname)
{
    const qsizetype dot = hostname.indexOf(u'.');
    return dot < 0 ? hostname : hostname.left(dot);
}

QString joinNames(const QList<Cloud::AssignedRole> &roles)
{
    QStringList names;
    names.reserve(roles.size());
    for (const Cloud::AssignedRole &role : roles)
        names.append(role.name);
    return names.join(u", "_s);
}

} // namespace

struct EstateModel::Node
{
    explicit Node(EstateNodeKind k)
        : kind(k)
    { }
    virtual ~Node() = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;
    Node(Node &&) = delete;
    Node &operator=(Node &&) = delete;

    EstateNodeKind kind;
    LoadState state = LoadState::NotLoaded;
    int row = 0;
    Node *parent = nullptr;
    quint64 serial = 0; // the load in flight; 0 when none
    QString name;
    QString error;
    std::vector<std::unique_ptr<Node>> children;

    [[nodiscard]] int childCount() const { return static_cast<int>(children.size()); }
};

struct EstateModel::RegionNode final : Node
{
    RegionNode()
        : Node(EstateNodeKind::Region)
    { }
    QString regionId; // "" for tenants whose region nobody could tell
    QString location;
};

struct EstateModel::TenantNode final : Node
{
    TenantNode()
        : Node(EstateNodeKind::Tenant)
    { }
    QString id;
    QString tenantName; // Qlik's generated name
    QStringList hostnames; // generated first, then the alias
    QString status; // interned; set through setStatus()
    QString regionId;
    QString subscriptionId; // interned
    QString label; // inventory
    QDateTime createdAt;
    QDateTime purgeDate;
    bool fromOrganization = false;
    bool fromInventory = false;
    std::optional<bool> takesSeatsAutomatically; // unknown until the license settings were read
    // Kept with the status: views ask (through flags() and hasChildren()) for every row they lay out.
    bool active = true;

    void setStatus(const QString &interned)
    {
        status = interned;
        active = !Cloud::TenantLifecycle::isInactiveStatus(status);
    }
    [[nodiscard]] bool isActive() const { return active; }
    // The hostname to call: the generated one, whose region the hostname tells.
    [[nodiscard]] QString callHostname() const { return hostnames.value(0); }
    // The hostname people know: the alias when there is one.
    [[nodiscard]] QString shownHostname() const { return hostnames.size() > 1 ? hostnames.at(1) : hostnames.value(0); }

    // What the type-ahead filter searches, lower case in one string: one contains() per tenant
    // keeps a keystroke over 20,000 tenants cheap.
    QString searchText;
    void updateSearchText()
    {
        searchText = (name + u'\n' + tenantName + u'\n' + hostnames.join(u'\n') + u'\n' + label + u'\n' + id).toLower();
    }
};

struct EstateModel::ResourceNode final : Node
{
    explicit ResourceNode(EstateNodeKind k)
        : Node(k)
    { }
    QString id;
    QString detail;
    QString status;
    QString spaceType;
    QString clientId;
    bool published = false;
    QJsonObject json;
};

// What a tenant's source says about it, before it becomes (or updates) a node.
struct EstateModel::TenantRecord
{
    QString id;
    QString name;
    QStringList hostnames;
    QString status;
    QString regionId;
    QString subscriptionId;
    QString label;
    QDateTime createdAt;
    QDateTime purgeDate;
    bool fromOrganization = false;
    bool fromInventory = false;
};

// How a category (or a space) lists its resources, and how each item becomes a node.
struct EstateModel::ListingSpec
{
    Cloud::ApiCall call;
    QString itemsKey = u"data"_s;
    // Reads one item strictly (the typed readers of cloud/resources); false and `reader`'s error
    // when it is not what Qlik documents.
    std::function<void(Cloud::JsonReader &reader, ResourceNode *node)> read;
};

namespace {

using Kind = EstateNodeKind;

} // namespace

const EstateModel::ResourceNode *EstateModel::asResource(const Node *node)
{
    switch (node->kind) {
    case Kind::Space:
    case Kind::App:
    case Kind::User:
    case Kind::Group:
    case Kind::Extension:
    case Kind::Theme:
    case Kind::IdentityProvider:
    case Kind::CspOrigin:
    case Kind::WebIntegration:
    case Kind::Automation:
    case Kind::BotUser:
        return static_cast<const ResourceNode *>(node);
    case Kind::Organization:
    case Kind::Region:
    case Kind::Tenant:
    case Kind::Users:
    case Kind::Groups:
    case Kind::Spaces:
    case Kind::Extensions:
    case Kind::Themes:
    case Kind::IdentityProviders:
    case Kind::CspOrigins:
    case Kind::WebIntegrations:
    case Kind::Automations:
    case Kind::BotUsers:
    case Kind::License:
        break;
    }
    return nullptr;
}

EstateModel::EstateModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>(Kind::Organization))
{
    m_organizationLabel = tr("Organization");
    reload();
}

EstateModel::~EstateModel()
{
    // Pagers belong to the client; stop them so nothing keeps loading for a model that is gone.
    for (const QPointer<Cloud::Pager> &pager : std::as_const(m_pagers)) {
        if (pager)
            pager->cancel();
    }
}

void EstateModel::setClient(Cloud::CloudClient *client)
{
    m_client = client;
}

void EstateModel::setInventory(Cloud::TenantInventory *inventory)
{
    if (m_inventory)
        m_inventory->disconnect(this);
    m_inventory = inventory;
    if (!inventory)
        return;
    connect(inventory, &Cloud::TenantInventory::tenantAdded, this, &EstateModel::onInventoryAdded);
    connect(inventory, &Cloud::TenantInventory::tenantUpdated, this, &EstateModel::onInventoryUpdated);
    connect(inventory, &Cloud::TenantInventory::tenantRemoved, this, &EstateModel::onInventoryRemoved);
    connect(inventory, &Cloud::TenantInventory::reloaded, this, [this] {
        if (m_organization && m_organization->state != LoadState::NotLoaded)
            refresh(organizationIndex());
    });
}

void EstateModel::setTagStore(TenantTagStore *tags)
{
    if (m_tags)
        m_tags->disconnect(this);
    m_tags = tags;
    if (!tags)
        return;
    connect(tags, &TenantTagStore::tagsChanged, this, &EstateModel::onTagsChanged);
    connect(tags, &TenantTagStore::definitionsChanged, this, [this] {
        // Colours and names of tags changed: every tenant row may look different.
        for (const auto &region : m_organization->children) {
            if (region->children.empty())
                continue;
            const QModelIndex parent = indexOf(region.get());
            Q_EMIT dataChanged(index(0, 0, parent), index(region->childCount() - 1, 0, parent));
        }
    });
}

void EstateModel::setOrganization(const QString &label, bool useOrganizationApi, const QStringList &subscriptionIds)
{
    m_organizationLabel = label.isEmpty() ? tr("Organization") : label;
    m_useOrganizationApi = useOrganizationApi;
    m_subscriptionIds = subscriptionIds;
    m_subscriptionIds.removeDuplicates();
    m_subscriptionIds.removeAll(QString());
    if (m_organization) {
        m_organization->name = m_organizationLabel;
        const QModelIndex org = organizationIndex();
        Q_EMIT dataChanged(org, org);
    }
}

void EstateModel::setConfiguredClientIds(const QSet<QString> &clientIds)
{
    if (clientIds == m_configuredClientIds)
        return;
    m_configuredClientIds = clientIds;
    // Bot users may have become orphaned (or found their client again).
    for (const auto &region : m_organization->children) {
        for (const auto &tenant : region->children) {
            for (const auto &category : tenant->children) {
                if (category->kind != Kind::BotUsers || category->children.empty())
                    continue;
                const QModelIndex parent = indexOf(category.get());
                Q_EMIT dataChanged(index(0, 0, parent), index(category->childCount() - 1, 0, parent));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// structure

EstateModel::Node *EstateModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex EstateModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

EstateModel::TenantNode *EstateModel::tenantAbove(Node *node)
{
    for (; node; node = node->parent) {
        if (node->kind == Kind::Tenant)
            return static_cast<TenantNode *>(node);
    }
    return nullptr;
}

QModelIndex EstateModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row >= node->childCount())
        return {};
    return createIndex(row, 0, node->children[static_cast<size_t>(row)].get());
}

QModelIndex EstateModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int EstateModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return nodeOf(parent)->childCount();
}

int EstateModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

bool EstateModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (!node->children.empty())
        return true;
    switch (node->kind) {
    case Kind::Organization:
        return node != m_root.get() && node->state == LoadState::NotLoaded;
    case Kind::Tenant:
        return static_cast<const TenantNode *>(node)->isActive() && node->state != LoadState::Loaded;
    case Kind::Region:
    case Kind::License:
    case Kind::User:
    case Kind::Group:
    case Kind::App:
    case Kind::Extension:
    case Kind::Theme:
    case Kind::IdentityProvider:
    case Kind::CspOrigin:
    case Kind::WebIntegration:
    case Kind::Automation:
    case Kind::BotUser:
        return false;
    case Kind::Users:
    case Kind::Groups:
    case Kind::Spaces:
    case Kind::Space:
    case Kind::Extensions:
    case Kind::Themes:
    case Kind::IdentityProviders:
    case Kind::CspOrigins:
    case Kind::WebIntegrations:
    case Kind::Automations:
    case Kind::BotUsers:
        return node->state == LoadState::NotLoaded;
    }
    return false;
}

bool EstateModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (node->state != LoadState::NotLoaded)
        return false;
    if (node->kind == Kind::Organization)
        return true;
    if (node->kind == Kind::Tenant)
        return static_cast<const TenantNode *>(node)->isActive();
    return listsResources(node->kind) && m_client;
}

void EstateModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    switch (node->kind) {
    case Kind::Organization:
        startOrganization();
        return;
    case Kind::Tenant: {
        // A tenant's folders are fixed, yet inserting them right here would nest inside whatever
        // insert made the caller look (QAbstractItemModelTester fetches from its rowsInserted
        // handler): insert them on the next event-loop turn, as KDirModel does. The serial makes a
        // tenant removed or refreshed meanwhile drop the queued insert.
        const quint64 serial = m_nextSerial++;
        node->serial = serial;
        node->state = LoadState::Loading; // canFetchMore() is false from now on: one insert only
        m_loading.insert(serial, node);
        QMetaObject::invokeMethod(
            this,
            [this, serial] {
                Node *tenant = m_loading.take(serial);
                if (!tenant)
                    return;
                tenant->serial = 0;
                populateTenant(static_cast<TenantNode *>(tenant));
            },
            Qt::QueuedConnection);
        return;
    }
    default:
        startListing(node);
        return;
    }
}

void EstateModel::setState(Node *node, LoadState state, const QString &error)
{
    if (node->state == state && node->error == error)
        return;
    node->state = state;
    node->error = error;
    const QModelIndex index = indexOf(node);
    Q_EMIT dataChanged(index, index);
    if (state == LoadState::Failed) {
        qCWarning(lcEstate).noquote() << "Loading" << estateNodeKindName(node->kind) << node->name
                                      << "failed:" << error;
        Q_EMIT loadFailed(index, error);
    }
}

void EstateModel::cancelLoads(Node *node)
{
    if (node->serial) {
        m_loading.remove(node->serial);
        if (const QPointer<Cloud::Pager> pager = m_pagers.take(node->serial))
            pager->cancel();
        node->serial = 0;
    }
    for (const auto &child : node->children)
        cancelLoads(child.get());
}

void EstateModel::cancelOrganizationLoads()
{
    for (const quint64 serial : std::as_const(m_organizationSerials)) {
        if (const QPointer<Cloud::Pager> pager = m_pagers.take(serial))
            pager->cancel();
    }
    m_organizationSerials.clear();
    m_organizationPagersLeft = 0;
}

void EstateModel::forget(Node *node)
{
    cancelLoads(node);
    if (node->kind == Kind::Tenant)
        unindexTenant(static_cast<TenantNode *>(node));
    for (const auto &child : node->children) {
        if (child->kind == Kind::Tenant || child->kind == Kind::Region)
            forget(child.get());
    }
}

void EstateModel::clearChildren(Node *node)
{
    if (node->children.empty())
        return;
    for (const auto &child : node->children)
        forget(child.get());
    beginRemoveRows(indexOf(node), 0, node->childCount() - 1);
    node->children.clear();
    endRemoveRows();
}

void EstateModel::reload()
{
    if (m_organization)
        cancelLoads(m_organization);
    for (const QPointer<Cloud::Pager> &pager : std::as_const(m_pagers)) {
        if (pager)
            pager->cancel();
    }
    m_pagers.clear();
    m_loading.clear();
    beginResetModel();
    m_root->children.clear();
    m_tenantsById.clear();
    m_tenantsByHost.clear();
    m_tenantsWithoutId = 0;
    m_organizationSerials.clear();
    m_organizationPagersLeft = 0;
    m_organizationErrors.clear();
    auto organization = std::make_unique<Node>(Kind::Organization);
    organization->name = m_organizationLabel;
    organization->parent = m_root.get();
    m_organization = organization.get();
    m_root->children.push_back(std::move(organization));
    endResetModel();
}

void EstateModel::refresh(const QModelIndex &index)
{
    Node *node = nodeOf(index);
    if (!index.isValid())
        return;
    switch (node->kind) {
    case Kind::Organization:
    case Kind::Region: {
        // Regions exist only through their tenants: the tenant list is loaded again as a whole.
        const bool wasLoading = isLoadingTenants();
        cancelLoads(m_organization);
        cancelOrganizationLoads();
        clearChildren(m_organization);
        m_tenantsById.clear();
        m_tenantsByHost.clear();
        m_tenantsWithoutId = 0;
        setState(m_organization, LoadState::NotLoaded);
        if (wasLoading)
            Q_EMIT tenantsLoadingChanged(false, 0);
        fetchMore(organizationIndex());
        return;
    }
    case Kind::Tenant:
        // Categories stay (pages showing them keep their node); what they listed goes.
        for (const auto &category : node->children) {
            cancelLoads(category.get());
            clearChildren(category.get());
            setState(category.get(), LoadState::NotLoaded);
        }
        if (node->children.empty()) {
            cancelLoads(node); // a queued folder insert
            setState(node, LoadState::NotLoaded);
        }
        return;
    case Kind::License:
        setState(node, LoadState::NotLoaded);
        return;
    case Kind::Users:
    case Kind::Groups:
    case Kind::Spaces:
    case Kind::Space:
    case Kind::Extensions:
    case Kind::Themes:
    case Kind::IdentityProviders:
    case Kind::CspOrigins:
    case Kind::WebIntegrations:
    case Kind::Automations:
    case Kind::BotUsers:
        cancelLoads(node);
        clearChildren(node);
        setState(node, LoadState::NotLoaded);
        fetchMore(index);
        return;
    case Kind::User:
    case Kind::Group:
    case Kind::App:
    case Kind::Extension:
    case Kind::Theme:
    case Kind::IdentityProvider:
    case Kind::CspOrigin:
    case Kind::WebIntegration:
    case Kind::Automation:
    case Kind::BotUser:
        refresh(index.parent());
        return;
    }
}

bool EstateModel::isLoadingTenants() const
{
    return m_organization && m_organization->state == LoadState::Loading;
}

QModelIndex EstateModel::organizationIndex() const
{
    return indexOf(m_organization);
}

QModelIndex EstateModel::regionIndex(const QString &regionId) const
{
    for (const auto &region : m_organization->children) {
        if (static_cast<const RegionNode *>(region.get())->regionId == regionId)
            return indexOf(region.get());
    }
    return {};
}

QModelIndex EstateModel::tenantIndex(const QString &idOrHostname) const
{
    if (TenantNode *tenant = m_tenantsById.value(idOrHostname))
        return indexOf(tenant);
    return indexOf(m_tenantsByHost.value(idOrHostname.trimmed().toLower()));
}

QModelIndex EstateModel::categoryIndex(const QModelIndex &tenant, EstateNodeKind category) const
{
    const Node *node = nodeOf(tenant);
    if (!tenant.isValid() || node->kind != Kind::Tenant)
        return {};
    for (const auto &child : node->children) {
        if (child->kind == category)
            return indexOf(child.get());
    }
    return {};
}

void EstateModel::noteSeatAutoAssignment(const QModelIndex &tenant, bool takesSeats)
{
    if (!tenant.isValid() || nodeOf(tenant)->kind != Kind::Tenant)
        return;
    auto *node = static_cast<TenantNode *>(nodeOf(tenant));
    if (node->takesSeatsAutomatically == takesSeats)
        return;
    node->takesSeatsAutomatically = takesSeats;
    tenantChanged(node);
}

void EstateModel::ensureFolders(const QModelIndex &tenant)
{
    if (!tenant.isValid() || nodeOf(tenant)->kind != Kind::Tenant)
        return;
    auto *node = static_cast<TenantNode *>(nodeOf(tenant));
    if (!node->children.empty() || !node->isActive())
        return;
    if (node->serial) // a queued insert from fetchMore(): this one replaces it
        m_loading.remove(std::exchange(node->serial, 0));
    populateTenant(node);
}

QModelIndex EstateModel::tenantOf(const QModelIndex &index) const
{
    return index.isValid() ? indexOf(tenantAbove(nodeOf(index))) : QModelIndex();
}

EstateNodeKind EstateModel::kind(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->kind : Kind::Organization;
}

EstateModel::LoadState EstateModel::loadState(const QModelIndex &index) const
{
    return nodeOf(index)->state;
}

void EstateModel::forEachTenant(const std::function<void(const QModelIndex &)> &visit) const
{
    for (const auto &region : m_organization->children) {
        for (const auto &tenant : region->children)
            visit(createIndex(tenant->row, 0, tenant.get()));
    }
}

// ---------------------------------------------------------------------------------------------
// tenants

QString EstateModel::internedStatus(const QString &status)
{
    const auto it = m_statuses.constFind(status);
    if (it != m_statuses.cend())
        return *it;
    m_statuses.insert(status);
    return status;
}

void EstateModel::startOrganization()
{
    setState(m_organization, LoadState::Loading);
    Q_EMIT tenantsLoadingChanged(true, tenantCount());
    m_organizationErrors.clear();
    addInventoryTenants();

    if (!m_useOrganizationApi || !m_client) {
        finishTenantLoading();
        return;
    }
    // One stream per subscription; within one, cursor paging is sequential (FACTS §3.4). Qlik's
    // documentation calls the subscription filter required; with none known the list is asked
    // for unfiltered (as tenantryctl does) and a refusal lands on the organization node.
    const QStringList subscriptions = m_subscriptionIds.isEmpty() ? QStringList{QString()} : m_subscriptionIds;
    for (const QString &subscription : subscriptions) {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, organizationLimit);
        if (!subscription.isEmpty())
            query.addQueryItem(u"filter"_s, u"subscriptionId eq \"%1\""_s.arg(subscription));
        Cloud::Pager *pager = m_client->list(
            Cloud::ApiCall::get(Cloud::CloudHost::console().hostname(), u"/api/core/tenants"_s, query));
        const quint64 serial = m_nextSerial++;
        m_pagers.insert(serial, pager);
        m_organizationSerials.append(serial);
        ++m_organizationPagersLeft;
        connect(pager, &Cloud::Pager::pageReceived, this, [this, serial](const Cloud::ApiPage &page) {
            if (m_pagers.contains(serial))
                onOrganizationPage(page);
        });
        connect(pager, &Cloud::Pager::finished, this, [this, serial](const Cloud::ApiError &error) {
            if (!m_pagers.remove(serial))
                return; // cancelled by refresh or reload
            m_organizationSerials.removeOne(serial);
            onOrganizationFinished(error);
        });
    }
}

void EstateModel::onOrganizationPage(const Cloud::ApiPage &page)
{
    QList<TenantRecord> records;
    records.reserve(page.items.size());
    QStringList problems;
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        const QString path = u"page %1, data[%2]"_s.arg(page.index + 1).arg(i);
        if (!page.items.at(i).isObject()) {
            problems.append(path + u": expected an object"_s);
            continue;
        }
        Cloud::JsonReader reader(page.items.at(i).toObject(), path);
        const Cloud::Tenant tenant = Cloud::Tenant::readOrganization(reader);
        if (!reader.ok()) {
            problems.append(reader.error());
            continue;
        }
        if (tenant.status == "deleted"_L1)
            continue; // gone for good; nothing to administer
        TenantRecord record;
        record.id = tenant.id;
        record.name = tenant.name;
        for (const QString &hostname : tenant.hostnames)
            record.hostnames.append(hostname.toLower());
        record.status = tenant.status;
        const std::optional<Cloud::Region> region = Cloud::Region::fromAwsCode(tenant.awsRegion);
        record.regionId = region ? region->id : Cloud::InventoryTenant::regionOfHostname(record.hostnames.value(0));
        record.subscriptionId = tenant.subscriptionId;
        record.createdAt = tenant.createdAt;
        record.purgeDate = tenant.deletionStartsAt;
        record.fromOrganization = true;
        records.append(std::move(record));
        // Alias hostnames do not tell their region; the client needs it to pick the region client.
        if (m_client && region) {
            for (const QString &hostname : tenant.hostnames.mid(1))
                m_client->setHostRegion(hostname, region->id);
        }
    }
    if (!problems.isEmpty()) {
        m_organizationErrors.append(
            tr("%n tenant(s) of the organization API could not be read: %1", nullptr, static_cast<int>(problems.size()))
                .arg(problems.constFirst()));
    }
    mergeTenants(std::move(records));
}

void EstateModel::onOrganizationFinished(const Cloud::ApiError &error)
{
    --m_organizationPagersLeft;
    if (!error.isNull() && error.kind() != Cloud::ApiError::Kind::Cancelled) {
        QString message = error.message();
        if (m_subscriptionIds.isEmpty() && error.httpStatus() == 400) {
            message += u'\n'
                + tr("The organization API may want the subscription id of your organization client (My Qlik "
                     "shows it).");
        }
        m_organizationErrors.append(message);
    }
    if (m_organizationPagersLeft == 0)
        finishTenantLoading();
}

void EstateModel::finishTenantLoading()
{
    if (m_organizationErrors.isEmpty())
        setState(m_organization, LoadState::Loaded);
    else
        setState(m_organization, LoadState::Failed, m_organizationErrors.join(u'\n'));
    Q_EMIT tenantsLoadingChanged(false, tenantCount());
}

void EstateModel::addInventoryTenants()
{
    if (!m_inventory)
        return;
    QList<TenantRecord> records;
    const QList<Cloud::InventoryTenant> entries = m_inventory->tenants();
    records.reserve(entries.size());
    for (const Cloud::InventoryTenant &entry : entries) {
        TenantRecord record;
        record.id = entry.tenantId;
        record.name = entry.name.isEmpty() ? firstLabel(entry.hostname) : entry.name;
        record.hostnames = {entry.hostname.toLower()};
        record.status = u"active"_s; // until the organization API says otherwise
        record.regionId = entry.region;
        record.label = entry.label;
        record.createdAt = entry.addedAt;
        record.fromInventory = true;
        records.append(std::move(record));
        if (m_client && !entry.region.isEmpty())
            m_client->setHostRegion(entry.hostname, entry.region);
    }
    mergeTenants(std::move(records));
}

EstateModel::TenantNode *EstateModel::findTenant(const TenantRecord &record) const
{
    if (!record.id.isEmpty()) {
        if (TenantNode *tenant = m_tenantsById.value(record.id))
            return tenant;
    }
    for (const QString &hostname : record.hostnames) {
        if (TenantNode *tenant = m_tenantsByHost.value(hostname))
            return tenant;
    }
    return nullptr;
}

void EstateModel::indexTenant(TenantNode *tenant)
{
    if (tenant->id.isEmpty())
        ++m_tenantsWithoutId;
    else
        m_tenantsById.insert(tenant->id, tenant);
    for (const QString &hostname : std::as_const(tenant->hostnames))
        m_tenantsByHost.insert(hostname, tenant);
}

void EstateModel::unindexTenant(TenantNode *tenant)
{
    if (tenant->id.isEmpty())
        --m_tenantsWithoutId;
    else if (m_tenantsById.value(tenant->id) == tenant)
        m_tenantsById.remove(tenant->id);
    for (const QString &hostname : std::as_const(tenant->hostnames)) {
        if (m_tenantsByHost.value(hostname) == tenant)
            m_tenantsByHost.remove(hostname);
    }
}

EstateModel::RegionNode *EstateModel::regionFor(const QString &regionId)
{
    const int order = regionOrder(regionId);
    int row = 0;
    for (; row < m_organization->childCount(); ++row) {
        auto *region = static_cast<RegionNode *>(m_organization->children[static_cast<size_t>(row)].get());
        if (region->regionId == regionId)
            return region;
        if (regionOrder(region->regionId) > order)
            break;
    }
    auto region = std::make_unique<RegionNode>();
    region->regionId = regionId;
    region->parent = m_organization;
    region->state = LoadState::Loaded; // filled by the tenant list, never fetched on its own
    if (regionId.isEmpty()) {
        region->name = tr("Region unknown");
    } else if (const std::optional<Cloud::Region> known = Cloud::Region::fromId(regionId)) {
        region->name = known->id;
        region->location = known->location;
    } else {
        region->name = regionId;
    }
    RegionNode *raw = region.get();
    beginInsertRows(organizationIndex(), row, row);
    m_organization->children.insert(m_organization->children.begin() + row, std::move(region));
    for (int i = row; i < m_organization->childCount(); ++i)
        m_organization->children[static_cast<size_t>(i)]->row = i;
    endInsertRows();
    return raw;
}

void EstateModel::mergeTenants(QList<TenantRecord> records)
{
    // New tenants are gathered per region so that each region gets one insert per page.
    std::unordered_map<RegionNode *, std::vector<std::unique_ptr<TenantNode>>> added;
    QList<RegionNode *> order;
    for (TenantRecord &record : records) {
        if (record.hostnames.isEmpty() && record.id.isEmpty())
            continue;
        if (TenantNode *existing = findTenant(record)) {
            if (existing->parent) {
                updateTenant(existing, record);
            } else {
                // Named twice before it is even shown (the same tenant under two subscriptions,
                // or in the inventory twice): fold it into the pending node.
                unindexTenant(existing);
                std::ignore = applyRecord(existing, record); // its region was chosen when it was made
                indexTenant(existing);
            }
            continue;
        }
        auto tenant = std::make_unique<TenantNode>();
        tenant->id = std::move(record.id);
        tenant->tenantName = std::move(record.name);
        tenant->hostnames = std::move(record.hostnames);
        tenant->setStatus(internedStatus(record.status.isEmpty() ? u"active"_s : record.status));
        tenant->regionId = std::move(record.regionId);
        tenant->subscriptionId = internedStatus(record.subscriptionId);
        tenant->label = std::move(record.label);
        tenant->createdAt = record.createdAt;
        tenant->purgeDate = record.purgeDate;
        tenant->fromOrganization = record.fromOrganization;
        tenant->fromInventory = record.fromInventory;
        tenant->name = tenant->hostnames.size() > 1 ? firstLabel(tenant->hostnames.at(1)) : tenant->tenantName;
        if (tenant->name.isEmpty())
            tenant->name = firstLabel(tenant->hostnames.value(0));
        tenant->updateSearchText();
        indexTenant(tenant.get()); // a later record of the same page finds it
        RegionNode *region = regionFor(tenant->regionId);
        auto &list = added[region];
        if (list.empty())
            order.append(region);
        list.push_back(std::move(tenant));
    }
    for (RegionNode *region : std::as_const(order)) {
        auto &list = added[region];
        const int first = region->childCount();
        const int last = first + static_cast<int>(list.size()) - 1;
        beginInsertRows(indexOf(region), first, last);
        region->children.reserve(region->children.size() + list.size());
        int row = first;
        for (auto &tenant : list) {
            tenant->row = row++;
            tenant->parent = region;
            region->children.push_back(std::move(tenant));
        }
        endInsertRows();
        const QModelIndex regionIndex = indexOf(region);
        Q_EMIT dataChanged(regionIndex, regionIndex); // its count, and filters re-evaluate it
    }
    if (!order.isEmpty()) {
        const QModelIndex org = organizationIndex();
        Q_EMIT dataChanged(org, org);
        Q_EMIT tenantsInserted(tenantCount());
    }
}

void EstateModel::updateTenant(TenantNode *tenant, const TenantRecord &record)
{
    unindexTenant(tenant);
    const bool wasActive = tenant->isActive();
    const QString regionId = applyRecord(tenant, record);
    indexTenant(tenant);
    if (wasActive && !tenant->isActive()) {
        cancelLoads(tenant); // its folders' lists, or the queued insert of the folders
        clearChildren(tenant);
        tenant->state = LoadState::NotLoaded;
    }
    if (regionId != tenant->regionId && !regionId.isEmpty()) {
        tenant->regionId = regionId;
        moveTenant(tenant, regionFor(regionId));
        return;
    }
    tenantChanged(tenant);
}

QString EstateModel::applyRecord(TenantNode *tenant, const TenantRecord &record)
{
    if (record.fromOrganization) {
        // The organization API knows best about everything but the inventory's label.
        QStringList hostnames = record.hostnames;
        for (const QString &hostname : std::as_const(tenant->hostnames)) {
            if (!hostnames.contains(hostname))
                hostnames.append(hostname);
        }
        tenant->id = record.id;
        tenant->tenantName = record.name;
        tenant->hostnames = hostnames;
        tenant->subscriptionId = internedStatus(record.subscriptionId);
        tenant->createdAt = record.createdAt;
        tenant->purgeDate = record.purgeDate;
        tenant->fromOrganization = true;
        tenant->setStatus(internedStatus(record.status));
    } else if (record.fromInventory) {
        tenant->label = record.label;
        tenant->fromInventory = true;
        if (tenant->id.isEmpty())
            tenant->id = record.id;
        for (const QString &hostname : record.hostnames) {
            if (!tenant->hostnames.contains(hostname))
                tenant->hostnames.append(hostname);
        }
    }
    tenant->name = tenant->hostnames.size() > 1 ? firstLabel(tenant->hostnames.at(1)) : tenant->tenantName;
    tenant->updateSearchText();
    // The region the tenant belongs in: the organization API's, else the one known so far.
    return record.fromOrganization || tenant->regionId.isEmpty() ? record.regionId : tenant->regionId;
}

void EstateModel::moveTenant(TenantNode *tenant, RegionNode *to)
{
    Node *from = tenant->parent;
    const int row = tenant->row;
    const int destination = to->childCount();
    beginMoveRows(indexOf(from), row, row, indexOf(to), destination);
    std::unique_ptr<Node> owned = std::move(from->children[static_cast<size_t>(row)]);
    from->children.erase(from->children.begin() + row);
    for (int i = row; i < from->childCount(); ++i)
        from->children[static_cast<size_t>(i)]->row = i;
    owned->parent = to;
    owned->row = destination;
    to->children.push_back(std::move(owned));
    endMoveRows();
    const QModelIndex fromIndex = indexOf(from);
    const QModelIndex toIndex = indexOf(to);
    Q_EMIT dataChanged(fromIndex, fromIndex);
    Q_EMIT dataChanged(toIndex, toIndex);
}

void EstateModel::tenantChanged(TenantNode *tenant)
{
    const QModelIndex index = indexOf(tenant);
    Q_EMIT dataChanged(index, index);
    // Its region too: a filter that hid the region (no match in it) must look at it again.
    const QModelIndex region = index.parent();
    Q_EMIT dataChanged(region, region);
}

void EstateModel::noteTenantLifecycle(const QModelIndex &index, const QString &status, const QDateTime &purgeDate,
                                      const QString &tenantId, const QString &alias)
{
    Node *node = nodeOf(index);
    if (!node || node->kind != EstateNodeKind::Tenant)
        return;
    auto *tenant = static_cast<TenantNode *>(node);
    unindexTenant(tenant);
    const bool wasActive = tenant->isActive();
    if (!status.isEmpty())
        tenant->setStatus(internedStatus(status));
    if (tenant->isActive())
        tenant->purgeDate = {};
    else if (purgeDate.isValid())
        tenant->purgeDate = purgeDate;
    if (!tenantId.isEmpty() && tenant->id.isEmpty())
        tenant->id = tenantId;
    if (!alias.isEmpty() && !tenant->hostnames.isEmpty()) {
        // hostnames[1] is the alias (FACTS §3.2); a new one replaces it.
        tenant->hostnames = QStringList{tenant->hostnames.constFirst(), alias.toLower()};
        tenant->name = firstLabel(alias);
        if (m_client && !tenant->regionId.isEmpty())
            m_client->setHostRegion(alias.toLower(), tenant->regionId);
    }
    tenant->updateSearchText();
    indexTenant(tenant);
    if (wasActive != tenant->isActive()) {
        // A deactivated tenant answers nothing (FACTS §3.3): what was loaded below it goes.
        for (const auto &category : tenant->children)
            cancelLoads(category.get());
        clearChildren(tenant);
        tenant->state = LoadState::NotLoaded;
    }
    tenantChanged(tenant);
}

void EstateModel::onInventoryAdded(const QString &hostname)
{
    if (!m_inventory || !m_organization || m_organization->state == LoadState::NotLoaded)
        return;
    const std::optional<Cloud::InventoryTenant> entry = m_inventory->tenant(hostname);
    if (!entry)
        return;
    TenantRecord record;
    record.id = entry->tenantId;
    record.name = entry->name.isEmpty() ? firstLabel(entry->hostname) : entry->name;
    record.hostnames = {entry->hostname.toLower()};
    record.status = u"active"_s;
    record.regionId = entry->region;
    record.label = entry->label;
    record.createdAt = entry->addedAt;
    record.fromInventory = true;
    if (m_client && !entry->region.isEmpty())
        m_client->setHostRegion(entry->hostname, entry->region);
    mergeTenants({record});
}

void EstateModel::onInventoryUpdated(const QString &hostname)
{
    onInventoryAdded(hostname);
}

void EstateModel::onInventoryRemoved(const QString &hostname)
{
    TenantNode *tenant = m_tenantsByHost.value(hostname.toLower());
    if (!tenant)
        return;
    if (tenant->fromOrganization) {
        // Still in the organization; it only loses what the inventory said.
        tenant->fromInventory = false;
        tenant->label.clear();
        tenant->updateSearchText();
        tenantChanged(tenant);
        return;
    }
    Node *region = tenant->parent;
    const int row = tenant->row;
    forget(tenant);
    beginRemoveRows(indexOf(region), row, row);
    region->children.erase(region->children.begin() + row);
    for (int i = row; i < region->childCount(); ++i)
        region->children[static_cast<size_t>(i)]->row = i;
    endRemoveRows();
    if (region->children.empty()) {
        const int regionRow = region->row;
        beginRemoveRows(organizationIndex(), regionRow, regionRow);
        m_organization->children.erase(m_organization->children.begin() + regionRow);
        for (int i = regionRow; i < m_organization->childCount(); ++i)
            m_organization->children[static_cast<size_t>(i)]->row = i;
        endRemoveRows();
    } else {
        const QModelIndex regionIndex = indexOf(region);
        Q_EMIT dataChanged(regionIndex, regionIndex);
    }
    const QModelIndex org = organizationIndex();
    Q_EMIT dataChanged(org, org);
}

void EstateModel::onTagsChanged(const QStringList &keys)
{
    for (const QString &key : keys) {
        TenantNode *tenant = m_tenantsById.value(key);
        if (!tenant)
            tenant = m_tenantsByHost.value(key);
        if (tenant)
            tenantChanged(tenant);
    }
}

QStringList EstateModel::tenantTags(const QModelIndex &tenant) const
{
    const Node *node = nodeOf(tenant);
    if (!tenant.isValid() || node->kind != Kind::Tenant || !m_tags)
        return {};
    const auto *t = static_cast<const TenantNode *>(node);
    return m_tags->tagsOf(t->id, t->hostnames);
}

QString EstateModel::setTag(const QModelIndexList &tenants, const QString &tag, bool on)
{
    if (!m_tags)
        return tr("Tags are not available.");
    if (!m_tags->definition(tag))
        return tr("There is no tag '%1'.").arg(tag);
    const QString name = m_tags->definition(tag)->name;
    for (const QModelIndex &index : tenants) {
        const Node *node = nodeOf(index);
        if (!index.isValid() || index.model() != this || node->kind != Kind::Tenant)
            continue;
        const auto *tenant = static_cast<const TenantNode *>(node);
        QStringList tags = m_tags->tagsOf(tenant->id, tenant->hostnames);
        if (tags.contains(name) == on)
            continue;
        if (on)
            tags.append(name);
        else
            tags.removeAll(name);
        const QString error = m_tags->setTags(tenant->id, tenant->hostnames, tags);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

bool EstateModel::matchesText(const QModelIndex &index, QStringView needle) const
{
    const Node *node = nodeOf(index);
    if (node->kind != Kind::Tenant)
        return node->name.contains(needle, Qt::CaseInsensitive);
    const auto *tenant = static_cast<const TenantNode *>(node);
    if (tenant->searchText.contains(needle))
        return true;
    if (m_tags && !m_tags->isEmpty()) {
        const QStringList tags = m_tags->tagsOf(tenant->id, tenant->hostnames);
        for (const QString &tag : tags) {
            if (tag.contains(needle))
                return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// a tenant's categories and their resources

void EstateModel::populateTenant(TenantNode *tenant)
{
    const QList<EstateNodeKind> &categories = tenantCategories();
    beginInsertRows(indexOf(tenant), 0, static_cast<int>(categories.size()) - 1);
    int row = 0;
    for (const EstateNodeKind kind : categories) {
        auto category = std::make_unique<Node>(kind);
        category->parent = tenant;
        category->row = row++;
        switch (kind) {
        case Kind::Users:
            category->name = tr("Users");
            break;
        case Kind::Groups:
            category->name = tr("Groups");
            break;
        case Kind::Spaces:
            category->name = tr("Spaces");
            break;
        case Kind::Extensions:
            category->name = tr("Extensions");
            break;
        case Kind::Themes:
            category->name = tr("Themes");
            break;
        case Kind::IdentityProviders:
            category->name = tr("Identity providers");
            break;
        case Kind::CspOrigins:
            category->name = tr("CSP origins");
            break;
        case Kind::WebIntegrations:
            category->name = tr("Web integrations");
            break;
        case Kind::Automations:
            category->name = tr("Automations");
            break;
        case Kind::BotUsers:
            category->name = tr("Bot users");
            break;
        case Kind::License:
            category->name = tr("License");
            break;
        default:
            category->name = estateNodeKindName(kind);
            break;
        }
        tenant->children.push_back(std::move(category));
    }
    tenant->state = LoadState::Loaded;
    endInsertRows();
}

namespace {

Cloud::ApiCall tenantGet(const QString &host, const QString &regionId, const QString &path,
                         const QList<std::pair<QString, QString>> &items = {})
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, value);
    Cloud::ApiCall call = Cloud::ApiCall::get(host, path, query);
    call.regionHint = regionId;
    return call;
}

} // namespace

void EstateModel::startListing(Node *node)
{
    TenantNode *tenant = tenantAbove(node);
    if (!tenant || !m_client)
        return;
    const QString host = tenant->callHostname();
    const QString region = tenant->regionId;

    ListingSpec spec;
    switch (node->kind) {
    case Kind::Users:
    case Kind::BotUsers: {
        QList<std::pair<QString, QString>> query{{u"limit"_s, listLimit}};
        // FACTS §2.3: bot users are found by their subject, qlikbot\<clientId>.
        if (node->kind == Kind::BotUsers)
            query.append({u"filter"_s, u"subject co \"qlikbot\""_s});
        spec.call = tenantGet(host, region, u"/api/v1/users"_s, query);
        const bool bots = node->kind == Kind::BotUsers;
        spec.read = [bots](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::User user = Cloud::User::read(reader);
            resource->id = user.id;
            resource->name = user.name.isEmpty() ? user.subject : user.name;
            resource->status = user.status;
            resource->clientId = user.clientId;
            resource->detail = bots ? user.clientId : (user.email.isEmpty() ? user.subject : user.email);
            if (!bots && !user.assignedRoles.isEmpty())
                resource->detail += u" · "_s + joinNames(user.assignedRoles);
        };
        break;
    }
    case Kind::Groups:
        spec.call = tenantGet(host, region, u"/api/v1/groups"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::Group group = Cloud::Group::read(reader);
            resource->id = group.id;
            resource->name = group.name;
            resource->status = group.status;
            resource->detail = joinNames(group.assignedRoles);
        };
        break;
    case Kind::Spaces:
        spec.call = tenantGet(host, region, u"/api/v1/spaces"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::Space space = Cloud::Space::read(reader);
            resource->id = space.id;
            resource->name = space.name;
            resource->spaceType = space.type;
            resource->detail = space.type;
        };
        break;
    case Kind::Space: {
        // Apps of a space through the items catalog (FACTS §11.1): one request per 100 apps.
        const auto *space = static_cast<const ResourceNode *>(node);
        spec.call = tenantGet(host, region, u"/api/v1/items"_s,
                              {{u"resourceType"_s, u"app"_s}, {u"spaceId"_s, space->id}, {u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::Item item = Cloud::Item::read(reader);
            resource->id = item.app && !item.app->id.isEmpty() ? item.app->id : item.resourceId;
            resource->name = item.name;
            // FACTS §10.4: `published` is unreliable; a published copy names its origin app.
            resource->published = item.app && !item.app->originAppId.isEmpty();
            resource->detail = resource->published ? tr("published copy") : QString();
        };
        break;
    }
    case Kind::Extensions:
    case Kind::Themes: {
        const bool themes = node->kind == Kind::Themes;
        spec.call = tenantGet(host, region, themes ? u"/api/v1/themes"_s : u"/api/v1/extensions"_s);
        spec.read = [themes](Cloud::JsonReader &reader, ResourceNode *resource) {
            if (themes) {
                const Cloud::Theme theme = Cloud::Theme::read(reader);
                resource->id = theme.id;
                resource->name = theme.name;
                resource->detail = theme.version;
            } else {
                const Cloud::Extension extension = Cloud::Extension::read(reader);
                resource->id = extension.id;
                resource->name = extension.name;
                resource->detail = extension.version;
            }
        };
        break;
    }
    case Kind::IdentityProviders:
        spec.call = tenantGet(host, region, u"/api/v1/identity-providers"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::IdentityProvider idp = Cloud::IdentityProvider::read(reader);
            resource->id = idp.id;
            resource->name = idp.description.isEmpty() ? idp.provider + u' ' + idp.protocol : idp.description;
            resource->status = idp.active ? u"active"_s : u"inactive"_s;
            resource->detail = idp.protocol + (idp.interactive ? tr(" · interactive") : QString())
                + (idp.active ? QString() : tr(" · inactive"));
        };
        break;
    case Kind::CspOrigins:
        spec.call = tenantGet(host, region, u"/api/v1/csp-origins"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::CspOrigin origin = Cloud::CspOrigin::read(reader);
            resource->id = origin.id;
            resource->name = origin.name.isEmpty() ? origin.origin : origin.name;
            resource->detail = origin.name.isEmpty() ? QString() : origin.origin;
        };
        break;
    case Kind::WebIntegrations:
        spec.call = tenantGet(host, region, u"/api/v1/web-integrations"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::WebIntegration integration = Cloud::WebIntegration::read(reader);
            resource->id = integration.id;
            resource->name = integration.name;
            resource->detail = integration.validOrigins.join(u", "_s);
        };
        break;
    case Kind::Automations:
        spec.call = tenantGet(host, region, u"/api/v1/automations"_s, {{u"limit"_s, listLimit}});
        spec.read = [](Cloud::JsonReader &reader, ResourceNode *resource) {
            const Cloud::Automation automation = Cloud::Automation::read(reader);
            resource->id = automation.id;
            resource->name = automation.name;
            resource->status = automation.state;
            resource->detail = automation.runMode
                + (automation.state.isEmpty() || automation.state == "available"_L1 ? QString()
                                                                                    : u" · "_s + automation.state);
        };
        break;
    default:
        return;
    }

    const quint64 serial = m_nextSerial++;
    node->serial = serial;
    m_loading.insert(serial, node);
    // Marked before the request goes out, so a view asking again sees nothing to fetch (KDirModel).
    setState(node, LoadState::Loading);
    Cloud::Pager *pager = m_client->list(spec.call, spec.itemsKey);
    m_pagers.insert(serial, pager);
    connect(pager, &Cloud::Pager::pageReceived, this, [this, serial, read = spec.read](const Cloud::ApiPage &page) {
        Node *target = m_loading.value(serial);
        if (!target)
            return;
        const EstateNodeKind childKind = childKindOf(target->kind);
        std::vector<std::unique_ptr<ResourceNode>> nodes;
        nodes.reserve(static_cast<size_t>(page.items.size()));
        QString problem;
        for (qsizetype i = 0; i < page.items.size(); ++i) {
            const QString path = u"page %1, data[%2]"_s.arg(page.index + 1).arg(i);
            if (!page.items.at(i).isObject()) {
                problem = path + u": expected an object"_s;
                break;
            }
            const QJsonObject json = page.items.at(i).toObject();
            Cloud::JsonReader reader(json, path);
            auto resource = std::make_unique<ResourceNode>(childKind);
            read(reader, resource.get());
            if (!reader.ok()) {
                problem = reader.error();
                break;
            }
            resource->json = json;
            resource->state = LoadState::Loaded;
            if (childKind == Kind::Space)
                resource->state = LoadState::NotLoaded; // its apps load on demand
            nodes.push_back(std::move(resource));
        }
        if (!nodes.empty()) {
            const int first = target->childCount();
            beginInsertRows(indexOf(target), first, first + static_cast<int>(nodes.size()) - 1);
            int row = first;
            for (auto &resource : nodes) {
                resource->parent = target;
                resource->row = row++;
                target->children.push_back(std::move(resource));
            }
            endInsertRows();
            const QModelIndex targetIndex = indexOf(target);
            Q_EMIT dataChanged(targetIndex, targetIndex); // its count
        }
        if (!problem.isEmpty()) {
            // The server sent something Qlik does not document: stop here and say where.
            m_loading.remove(serial);
            target->serial = 0;
            if (const QPointer<Cloud::Pager> pager = m_pagers.take(serial))
                pager->cancel();
            setState(target, LoadState::Failed,
                     tr("Unexpected answer from %1: %2").arg(page.response.url.host(), problem));
        }
    });
    connect(pager, &Cloud::Pager::finished, this, [this, serial](const Cloud::ApiError &error) {
        m_pagers.remove(serial);
        Node *target = m_loading.take(serial);
        if (!target)
            return; // cancelled: refreshed, reloaded, or failed on a bad page
        target->serial = 0;
        if (error.isNull())
            setState(target, LoadState::Loaded);
        else
            setState(target, LoadState::Failed, error.message());
    });
}

// ---------------------------------------------------------------------------------------------
// data

Qt::ItemFlags EstateModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // Only leaves say they never have children: a region is made empty and then filled, and views
    // refuse to expand a node that said so. The kind is tested first: a tree view asks this of
    // every row it lays out, 20,000 tenants after a filter keystroke.
    const Kind kind = nodeOf(index)->kind;
    if (kind != Kind::Region && kind != Kind::Organization && kind != Kind::Tenant && !listsResources(kind)
        && !hasChildren(index))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant EstateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node->name;
    case Qt::ToolTipRole:
        return toolTipOf(node);
    default:
        break;
    }
    if (role < Qt::UserRole + 1)
        return {};
    switch (static_cast<Role>(role)) {
    case Role::Kind:
        return static_cast<int>(node->kind);
    case Role::LoadState:
        return static_cast<int>(node->state);
    case Role::Error:
        return node->error;
    case Role::Detail:
        return detailOf(node);
    case Role::Count:
        return node->childCount();
    case Role::Hostname:
    case Role::TenantId:
    case Role::RegionId: {
        if (node->kind == Kind::Region && role == static_cast<int>(Role::RegionId))
            return static_cast<const RegionNode *>(node)->regionId;
        const TenantNode *tenant = tenantAbove(const_cast<Node *>(node));
        if (!tenant)
            return {};
        if (role == static_cast<int>(Role::Hostname))
            return tenant->callHostname();
        return role == static_cast<int>(Role::TenantId) ? tenant->id : tenant->regionId;
    }
    case Role::Id:
        if (node->kind == Kind::Region)
            return static_cast<const RegionNode *>(node)->regionId;
        if (node->kind == Kind::Tenant)
            return static_cast<const TenantNode *>(node)->id;
        if (const auto *resource = asResource(node))
            return resource->id;
        return {};
    case Role::Hostnames:
    case Role::TenantName:
    case Role::PurgeDate:
    case Role::Tags:
    case Role::Label:
    case Role::Origins:
    case Role::TakesSeatsAutomatically:
        if (node->kind == Kind::Tenant)
            return tenantData(static_cast<const TenantNode *>(node), role);
        return {};
    case Role::Status:
        if (node->kind == Kind::Tenant)
            return static_cast<const TenantNode *>(node)->status;
        if (const auto *resource = asResource(node))
            return resource->status;
        return {};
    case Role::SpaceType:
    case Role::Published:
    case Role::ClientId:
    case Role::Orphaned:
        if (const auto *resource = asResource(node))
            return resourceData(resource, role);
        return {};
    case Role::Json:
        if (node->kind == Kind::Tenant) {
            const auto *tenant = static_cast<const TenantNode *>(node);
            return tenantJson(tenant, m_tags ? m_tags->tagsOf(tenant->id, tenant->hostnames) : QStringList());
        }
        if (const auto *resource = asResource(node))
            return resource->json;
        if (node->kind == Kind::Region) {
            const auto *region = static_cast<const RegionNode *>(node);
            const std::optional<Cloud::Region> known = Cloud::Region::fromId(region->regionId);
            return QJsonObject{{u"id"_s, region->regionId},
                               {u"location"_s, region->location},
                               {u"awsCode"_s, known ? known->awsCode : QString()},
                               {u"tenants"_s, region->childCount()}};
        }
        return {};
    }
    return {};
}

QVariant EstateModel::tenantData(const TenantNode *tenant, int role) const
{
    switch (static_cast<Role>(role)) {
    case Role::Hostnames:
        return tenant->hostnames;
    case Role::TenantName:
        return tenant->tenantName;
    case Role::PurgeDate:
        return tenant->purgeDate;
    case Role::Tags:
        return m_tags ? m_tags->tagsOf(tenant->id, tenant->hostnames) : QStringList();
    case Role::Label:
        return tenant->label;
    case Role::Origins: {
        QStringList origins;
        if (tenant->fromOrganization)
            origins.append(u"organization"_s);
        if (tenant->fromInventory)
            origins.append(u"inventory"_s);
        return origins;
    }
    case Role::TakesSeatsAutomatically:
        return tenant->takesSeatsAutomatically ? QVariant(*tenant->takesSeatsAutomatically) : QVariant();
    default:
        return {};
    }
}

QVariant EstateModel::resourceData(const ResourceNode *resource, int role) const
{
    switch (static_cast<Role>(role)) {
    case Role::SpaceType:
        return resource->spaceType;
    case Role::Published:
        return resource->published;
    case Role::ClientId:
        return resource->clientId;
    case Role::Orphaned:
        return resource->kind == Kind::BotUser && !resource->clientId.isEmpty()
            && !m_configuredClientIds.contains(resource->clientId);
    default:
        return {};
    }
}

QString EstateModel::detailOf(const Node *node) const
{
    const QLocale locale;
    switch (node->kind) {
    case Kind::Organization: {
        const QString count = tr("%1 tenants").arg(locale.toString(tenantCount()));
        switch (node->state) {
        case LoadState::Loading:
            return tr("loading… %1").arg(count);
        case LoadState::Failed:
            return tr("%1 · error").arg(count);
        case LoadState::Loaded:
            return count;
        case LoadState::NotLoaded:
            return {};
        }
        return {};
    }
    case Kind::Region: {
        const auto *region = static_cast<const RegionNode *>(node);
        const QString count = tr("%1 tenants").arg(locale.toString(node->childCount()));
        return region->location.isEmpty() ? count : region->location + u" · "_s + count;
    }
    case Kind::Tenant: {
        const auto *tenant = static_cast<const TenantNode *>(node);
        QString detail = tenant->shownHostname();
        if (!tenant->isActive()) {
            detail += u" · "_s + tenant->status;
            if (tenant->purgeDate.isValid())
                detail += tr(" · purge %1").arg(tenant->purgeDate.toUTC().date().toString(Qt::ISODate));
        }
        if (tenant->takesSeatsAutomatically.value_or(false))
            detail += tr(" · auto-assigns seats");
        return detail;
    }
    case Kind::License:
        return {};
    case Kind::Users:
    case Kind::Groups:
    case Kind::Spaces:
    case Kind::Extensions:
    case Kind::Themes:
    case Kind::IdentityProviders:
    case Kind::CspOrigins:
    case Kind::WebIntegrations:
    case Kind::Automations:
    case Kind::BotUsers:
    case Kind::Space: {
        QString prefix;
        if (node->kind == Kind::Space)
            prefix = static_cast<const ResourceNode *>(node)->detail;
        QString state;
        switch (node->state) {
        case LoadState::Loading:
            state
                = node->children.empty() ? tr("loading…") : tr("loading… %1").arg(locale.toString(node->childCount()));
            break;
        case LoadState::Failed:
            state = tr("error");
            break;
        case LoadState::Loaded:
            state = locale.toString(node->childCount());
            break;
        case LoadState::NotLoaded:
            break;
        }
        if (prefix.isEmpty())
            return state;
        return state.isEmpty() ? prefix : prefix + u" · "_s + state;
    }
    case Kind::BotUser: {
        const auto *bot = static_cast<const ResourceNode *>(node);
        if (!bot->clientId.isEmpty() && !m_configuredClientIds.contains(bot->clientId))
            return bot->detail + tr(" · orphaned");
        return bot->detail;
    }
    case Kind::User:
    case Kind::Group:
    case Kind::App:
    case Kind::Extension:
    case Kind::Theme:
    case Kind::IdentityProvider:
    case Kind::CspOrigin:
    case Kind::WebIntegration:
    case Kind::Automation:
        return static_cast<const ResourceNode *>(node)->detail;
    }
    return {};
}

QString EstateModel::toolTipOf(const Node *node) const
{
    if (node->state == LoadState::Failed && !node->error.isEmpty())
        return tr("%1 could not be loaded (F5 retries):\n%2").arg(node->name, node->error);
    if (node->kind == Kind::Tenant) {
        const auto *tenant = static_cast<const TenantNode *>(node);
        QStringList lines{tenant->hostnames.join(u'\n')};
        lines.append(tr("Status: %1").arg(tenant->status));
        if (tenant->purgeDate.isValid())
            lines.append(tr("Purge after: %1").arg(tenant->purgeDate.toUTC().toString(Qt::ISODate)));
        if (!tenant->id.isEmpty())
            lines.append(tr("Id: %1").arg(tenant->id));
        if (!tenant->label.isEmpty())
            lines.append(tr("Label: %1").arg(tenant->label));
        if (m_tags) {
            const QStringList tags = m_tags->tagsOf(tenant->id, tenant->hostnames);
            if (!tags.isEmpty())
                lines.append(tr("Tags: %1").arg(tags.join(u", "_s)));
        }
        return lines.join(u'\n');
    }
    return {};
}

QJsonObject EstateModel::tenantJson(const TenantNode *tenant, const QStringList &tags)
{
    QJsonObject json{{u"id"_s, tenant->id},
                     {u"name"_s, tenant->tenantName},
                     {u"hostnames"_s, QJsonArray::fromStringList(tenant->hostnames)},
                     {u"status"_s, tenant->status},
                     {u"region"_s, tenant->regionId},
                     {u"tags"_s, QJsonArray::fromStringList(tags)}};
    if (!tenant->subscriptionId.isEmpty())
        json.insert(u"subscriptionId"_s, tenant->subscriptionId);
    if (tenant->createdAt.isValid())
        json.insert(u"createdAt"_s, tenant->createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (tenant->purgeDate.isValid())
        json.insert(u"deletionStartsAt"_s, tenant->purgeDate.toUTC().toString(Qt::ISODateWithMs));
    if (!tenant->label.isEmpty())
        json.insert(u"label"_s, tenant->label);
    QJsonArray origins;
    if (tenant->fromOrganization)
        origins.append(u"organization"_s);
    if (tenant->fromInventory)
        origins.append(u"inventory"_s);
    json.insert(u"origins"_s, origins);
    return json;
}

QHash<int, QByteArray> EstateModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    const QMetaEnum roles = QMetaEnum::fromType<Role>();
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name = roles.key(i);
        name[0] = static_cast<char>(QChar::toLower(static_cast<char16_t>(name[0])));
        names.insert(roles.value(i), name);
    }
    return names;
}
