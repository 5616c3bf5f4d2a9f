// The estate tree, its filter and its detail tables against the real sandbox over loopback HTTP:
// lazy loading the KDirModel way, errors kept on their node, inventory changes, filtering by text
// and tag. Every model runs under QAbstractItemModelTester.
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "cloud/inventorytenant.h"
#include "cloud/region.h"
#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "resourcedocument.h"
#include "resourcetablemodel.h"
#include "resourcetablespec.h"
#include "support/sandboxfixture.h"
#include "tenanttagstore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Kind = EstateNodeKind;
using LoadState = EstateModel::LoadState;
using Role = EstateModel::Role;
using TestSupport::SandboxFixture;

namespace {

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data().toString());
    return names;
}

} // namespace

class TestEstateModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void inventoryTenantsFormRegions();
    void tenantCategoriesLoadLazily();
    void resourcesLoadOnceAndStream();
    void botUsersTellOrphans();
    void spacesListTheirApps();
    void errorStaysOnItsNodeUntilRetried();
    void inventoryChangesFollow();
    void organizationApiMergesWithInventory();
    void filterNarrowsByText_data();
    void filterNarrowsByText();
    void filterByTag();
    void filterKeyByKeyOverAnEstate();
    void resourceTableFollowsItsNode();
    void resourceDocumentLoadsOne();

private:
    // The demo tenants' alias hostnames ("northwind.eu.qlikcloud.com"): what people add by hand.
    [[nodiscard]] QString aliasOf(const QString &key);
    void addToInventory(const QString &key, const QString &label = {});
    void loadTenants();
    [[nodiscard]] QModelIndex openCategory(const QString &tenantKey, Kind category);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cloud::SandboxCredentials> m_secrets;
    std::unique_ptr<Cloud::CloudClient> m_client;
    std::unique_ptr<Cloud::TenantInventory> m_inventory;
    std::unique_ptr<TenantTagStore> m_tags;
    std::unique_ptr<EstateModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestEstateModel::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestEstateModel::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<Cloud::SandboxCredentials>();
    m_client = std::make_unique<Cloud::CloudClient>();
    m_client->setConnectTo(Cloud::ConnectToMap::sandbox(m_sandbox->port()));
    m_client->setProfiles(Cloud::SandboxCredentials::profiles());
    m_client->setSecretSource(m_secrets.get());
    m_inventory = std::make_unique<Cloud::TenantInventory>(m_dir->filePath(u"inventory.jsonl"_s));
    m_tags = std::make_unique<TenantTagStore>(m_dir->filePath(u"tags.ini"_s), u"TenantTags"_s);
    m_model = std::make_unique<EstateModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The test fetches explicitly: a tester fetching on its own would insert rows while it checks others.
    m_tester->setUseFetchMore(false);
    m_model->setClient(m_client.get());
    m_model->setInventory(m_inventory.get());
    m_model->setTagStore(m_tags.get());
    m_model->setOrganization(u"Sandbox"_s, false);
    QSet<QString> clientIds;
    for (const Cloud::CredentialProfile &profile : Cloud::SandboxCredentials::profiles())
        clientIds.insert(profile.clientId);
    m_model->setConfiguredClientIds(clientIds);
    m_model->reload();
}

void TestEstateModel::cleanup()
{
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_tester.reset();
    m_model.reset();
    m_tags.reset();
    m_inventory.reset();
    m_client.reset();
    m_secrets.reset();
    m_dir.reset();
}

QString TestEstateModel::aliasOf(const QString &key)
{
    return m_sandbox->tenantState(key).value(u"hostnames"_s).toArray().last().toString();
}

void TestEstateModel::addToInventory(const QString &key, const QString &label)
{
    const QString host = aliasOf(key);
    QVERIFY2(!host.isEmpty(), qPrintable(key));
    Cloud::InventoryTenant tenant = Cloud::InventoryTenant::fromHostname(host);
    tenant.label = label;
    const QString error = m_inventory->add(tenant);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestEstateModel::loadTenants()
{
    const QModelIndex organization = m_model->organizationIndex();
    QVERIFY(m_model->hasChildren(organization));
    QVERIFY(m_model->canFetchMore(organization));
    QSignalSpy loading(m_model.get(), &EstateModel::tenantsLoadingChanged);
    m_model->fetchMore(organization);
    if (loading.isEmpty() || loading.constLast().at(0).toBool())
        QVERIFY(loading.wait(20000));
    QCOMPARE(loading.constLast().at(0).toBool(), false);
    QVERIFY(!m_model->canFetchMore(organization));
}

QModelIndex TestEstateModel::openCategory(const QString &tenantKey, Kind category)
{
    const QModelIndex tenant = m_model->tenantIndex(aliasOf(tenantKey));
    if (!tenant.isValid())
        return {};
    m_model->ensureFolders(tenant);
    const QModelIndex index = m_model->categoryIndex(tenant, category);
    if (m_model->canFetchMore(index))
        m_model->fetchMore(index);
    return index;
}

void TestEstateModel::inventoryTenantsFormRegions()
{
    addToInventory(u"northwind"_s, u"Northwind, EU"_s);
    addToInventory(u"contoso"_s);
    addToInventory(u"wonka"_s);
    addToInventory(u"stark"_s);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowCount(m_model->organizationIndex()), 0); // nothing before it is asked for
    loadTenants();

    const QModelIndex organization = m_model->organizationIndex();
    QCOMPARE(m_model->loadState(organization), LoadState::Loaded);
    QCOMPARE(m_model->tenantCount(), 4);
    // Regions in Qlik's table order, each holding its tenants.
    QStringList regions;
    for (int row = 0; row < m_model->rowCount(organization); ++row) {
        const QModelIndex region = m_model->index(row, 0, organization);
        QCOMPARE(m_model->kind(region), Kind::Region);
        QVERIFY(!m_model->canFetchMore(region));
        regions.append(region.data(int(Role::RegionId)).toString());
    }
    QStringList expected;
    for (const Cloud::Region &region : Cloud::Region::all()) {
        if (QStringList{u"eu"_s, u"us"_s, u"ap"_s}.contains(region.id))
            expected.append(region.id);
    }
    QCOMPARE(regions, expected);
    QCOMPARE(m_model->rowCount(m_model->regionIndex(u"eu"_s)), 2);
    QVERIFY(m_model->regionIndex(u"eu"_s).data(int(Role::Detail)).toString().contains(u"2 tenants"_s));

    const QModelIndex northwind = m_model->tenantIndex(aliasOf(u"northwind"_s).toUpper());
    QVERIFY(northwind.isValid());
    QCOMPARE(m_model->kind(northwind), Kind::Tenant);
    QCOMPARE(northwind.parent(), m_model->regionIndex(u"eu"_s));
    QCOMPARE(northwind.data(int(Role::Label)).toString(), u"Northwind, EU"_s);
    QCOMPARE(northwind.data(int(Role::Origins)).toStringList(), QStringList{u"inventory"_s});
    QCOMPARE(northwind.data(int(Role::Hostname)).toString(), aliasOf(u"northwind"_s));
    QCOMPARE(northwind.data(int(Role::Status)).toString(), u"active"_s);
    QCOMPARE(m_model->tenantOf(northwind), northwind);
    QVERIFY(!m_model->tenantOf(northwind.parent()).isValid());
}

void TestEstateModel::tenantCategoriesLoadLazily()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    const QModelIndex tenant = m_model->tenantIndex(aliasOf(u"northwind"_s));
    QVERIFY(m_model->hasChildren(tenant));
    QCOMPARE(m_model->rowCount(tenant), 0);
    QVERIFY(m_model->canFetchMore(tenant));
    m_model->fetchMore(tenant);
    QVERIFY(!m_model->canFetchMore(tenant)); // at once, so a view cannot queue a second insert
    QCOMPARE(m_model->rowCount(tenant), 0); // the folders arrive on the next event-loop turn
    QTRY_COMPARE(m_model->rowCount(tenant), int(tenantCategories().size()));
    for (int row = 0; row < m_model->rowCount(tenant); ++row) {
        const QModelIndex category = m_model->index(row, 0, tenant);
        QCOMPARE(m_model->kind(category), tenantCategories().at(row));
        QCOMPARE(m_model->tenantOf(category), tenant);
        // Nothing is requested before a category is opened.
        QCOMPARE(m_model->loadState(category), LoadState::NotLoaded);
        QCOMPARE(m_model->rowCount(category), 0);
    }
    QVERIFY(!m_model->hasChildren(m_model->categoryIndex(tenant, Kind::License)));
    QVERIFY(m_model->hasChildren(m_model->categoryIndex(tenant, Kind::Spaces)));
}

void TestEstateModel::resourcesLoadOnceAndStream()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    const QModelIndex tenant = m_model->tenantIndex(aliasOf(u"northwind"_s));
    m_model->ensureFolders(tenant);
    const QModelIndex spaces = m_model->categoryIndex(tenant, Kind::Spaces);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(m_model->canFetchMore(spaces));
    m_model->fetchMore(spaces);
    // Marked before the request goes out: a view asking again finds nothing to fetch.
    QCOMPARE(m_model->loadState(spaces), LoadState::Loading);
    QVERIFY(!m_model->canFetchMore(spaces));
    m_model->fetchMore(spaces);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(spaces), LoadState::Loaded, 20000);
    QCOMPARE(inserted.size(), 1);
    QStringList names = childNames(m_model.get(), spaces);
    names.sort();
    QCOMPARE(names, (QStringList{u"Production"_s, u"Staging"_s}));
    for (int row = 0; row < m_model->rowCount(spaces); ++row) {
        const QModelIndex space = m_model->index(row, 0, spaces);
        QCOMPARE(m_model->kind(space), Kind::Space);
        const QString type = space.data(int(Role::SpaceType)).toString();
        QCOMPARE(type, space.data().toString() == "Staging"_L1 ? u"shared"_s : u"managed"_s);
        QCOMPARE(space.data(int(Role::Json)).toJsonObject().value(u"name"_s).toString(), space.data().toString());
        QVERIFY(!space.data(int(Role::Id)).toString().isEmpty());
        QCOMPARE(space.data(int(Role::TenantId)), tenant.data(int(Role::TenantId)));
    }
    QCOMPARE(spaces.data(int(Role::Detail)).toString(), u"2"_s);

    const QModelIndex users = openCategory(u"northwind"_s, Kind::Users);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->loadState(users) != LoadState::Loading, 20000);
    QCOMPARE(m_model->loadState(users), LoadState::Loaded);
    const QStringList userNames = childNames(m_model.get(), users);
    QVERIFY2(userNames.contains(u"Alex Morgan"_s), qPrintable(userNames.join(u", "_s)));
    QVERIFY(userNames.size() >= 4); // the partner admin and three members (and the client's bot user)
}

void TestEstateModel::botUsersTellOrphans()
{
    addToInventory(u"globex"_s);
    loadTenants();
    const QModelIndex bots = openCategory(u"globex"_s, Kind::BotUsers);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->loadState(bots) != LoadState::Loading, 20000);
    QCOMPARE(m_model->loadState(bots), LoadState::Loaded);
    QVERIFY(m_model->rowCount(bots) >= 2); // the retired client's and the region client's
    int orphaned = 0;
    for (int row = 0; row < m_model->rowCount(bots); ++row) {
        const QModelIndex bot = m_model->index(row, 0, bots);
        QCOMPARE(m_model->kind(bot), Kind::BotUser);
        const QString clientId = bot.data(int(Role::ClientId)).toString();
        QVERIFY(!clientId.isEmpty());
        const bool isOrphan = bot.data(int(Role::Orphaned)).toBool();
        QCOMPARE(isOrphan, !m_model->configuredClientIds().contains(clientId));
        if (isOrphan) {
            ++orphaned;
            QVERIFY(bot.data(int(Role::Detail)).toString().contains(u"orphaned"_s));
        }
    }
    QCOMPARE(orphaned, 1);
}

void TestEstateModel::spacesListTheirApps()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    const QModelIndex spaces = openCategory(u"northwind"_s, Kind::Spaces);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(spaces), LoadState::Loaded, 20000);
    QCOMPARE(m_model->rowCount(spaces), 2);
    QStringList appNames[2];
    for (int row = 0; row < 2; ++row) {
        const QModelIndex space = m_model->index(row, 0, spaces);
        QVERIFY(m_model->hasChildren(space));
        QVERIFY(m_model->canFetchMore(space));
        m_model->fetchMore(space);
        QVERIFY(!m_model->canFetchMore(space));
        QTRY_VERIFY_WITH_TIMEOUT(m_model->loadState(space) != LoadState::Loading, 20000);
        QCOMPARE(m_model->loadState(space), LoadState::Loaded);
        QVERIFY(m_model->rowCount(space) >= 2);
        // FACTS §10.4: the published copies in the managed space name their origin app.
        const bool managed = space.data(int(Role::SpaceType)).toString() == "managed"_L1;
        for (int app = 0; app < m_model->rowCount(space); ++app) {
            const QModelIndex index = m_model->index(app, 0, space);
            QCOMPARE(m_model->kind(index), Kind::App);
            QCOMPARE(index.data(int(Role::Published)).toBool(), managed);
            QVERIFY(!m_model->hasChildren(index));
            appNames[managed ? 1 : 0].append(index.data().toString());
        }
    }
    appNames[0].sort();
    appNames[1].sort();
    QCOMPARE(appNames[1], appNames[0]); // every staged app is published once
}

void TestEstateModel::errorStaysOnItsNodeUntilRetried()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    QVERIFY(m_sandbox->http().control(
        "PUT", u"/__sandbox/faults"_s,
        QJsonArray{QJsonObject{{u"path"_s, u"/api/v1/spaces"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 403}}}));
    QSignalSpy failed(m_model.get(), &EstateModel::loadFailed);
    const QModelIndex spaces = openCategory(u"northwind"_s, Kind::Spaces);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->loadState(spaces) != LoadState::Loading, 20000);
    QCOMPARE(m_model->loadState(spaces), LoadState::Failed);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().at(0).toModelIndex(), spaces);
    const QString error = spaces.data(int(Role::Error)).toString();
    QVERIFY2(error.contains(u"403"_s) || error.contains(u"forbidden"_s, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(spaces.data(Qt::ToolTipRole).toString().contains(error));
    QCOMPARE(m_model->rowCount(spaces), 0);
    // The rest of the tenant is unaffected.
    const QModelIndex users = openCategory(u"northwind"_s, Kind::Users);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->loadState(users) != LoadState::Loading, 20000);
    QCOMPARE(m_model->loadState(users), LoadState::Loaded);
    // A failed node is not fetched again by views on their own; refresh() retries.
    QVERIFY(!m_model->canFetchMore(spaces));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_model->refresh(spaces);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(spaces), LoadState::Loaded, 20000);
    QCOMPARE(m_model->rowCount(spaces), 2);
    QVERIFY(spaces.data(int(Role::Error)).toString().isEmpty());
}

void TestEstateModel::inventoryChangesFollow()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    QCOMPARE(m_model->tenantCount(), 1);
    addToInventory(u"wonka"_s);
    QCOMPARE(m_model->tenantCount(), 2);
    QVERIFY(m_model->regionIndex(u"ap"_s).isValid());
    const QString wonka = aliasOf(u"wonka"_s);
    QVERIFY(m_model->tenantIndex(wonka).isValid());
    // The same host again is refused by the inventory and never duplicated in the tree.
    QVERIFY(!m_inventory->add(Cloud::InventoryTenant::fromHostname(wonka)).isEmpty());
    QCOMPARE(m_model->tenantCount(), 2);
    QVERIFY(m_inventory->remove(wonka).isEmpty());
    QCOMPARE(m_model->tenantCount(), 1);
    QVERIFY(!m_model->tenantIndex(wonka).isValid());
    QVERIFY(!m_model->regionIndex(u"ap"_s).isValid()); // an empty region goes with its last tenant
    // Refreshing the organization starts over and finds the same estate.
    m_model->refresh(m_model->organizationIndex());
    QTRY_COMPARE(m_model->loadState(m_model->organizationIndex()), LoadState::Loaded);
    QCOMPARE(m_model->tenantCount(), 1);
}

void TestEstateModel::organizationApiMergesWithInventory()
{
    // FACTS §3.4: the organization API on console.qlikcloud.com lists tenants per subscription.
    addToInventory(u"northwind"_s, u"from the inventory"_s);
    QStringList subscriptions;
    for (const auto &subscription : m_sandbox->http().state(u"-"_s).value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    QCOMPARE(subscriptions.size(), 1);

    // Without a subscription id Qlik refuses the list: the error stays on the organization node
    // and the inventory's tenants still show.
    m_model->setOrganization(u"Sandbox"_s, true);
    m_model->reload();
    loadTenants();
    const QModelIndex organization = m_model->organizationIndex();
    QCOMPARE(m_model->loadState(organization), LoadState::Failed);
    QVERIFY2(organization.data(int(Role::Error)).toString().contains(u"subscription"_s),
             qPrintable(organization.data(int(Role::Error)).toString()));
    QCOMPARE(m_model->tenantCount(), 1);

    m_model->setOrganization(u"Sandbox"_s, true, subscriptions);
    m_model->refresh(m_model->organizationIndex());
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(organization), LoadState::Loaded, 20000);
    QCOMPARE(m_model->tenantCount(), 13); // the demo estate: acme-source and twelve customers
    const QModelIndex northwind = m_model->tenantIndex(aliasOf(u"northwind"_s));
    QVERIFY(northwind.isValid());
    QCOMPARE(northwind.data(int(Role::Label)).toString(), u"from the inventory"_s);
    QCOMPARE(northwind.data(int(Role::Origins)).toStringList(), (QStringList{u"organization"_s, u"inventory"_s}));
    QVERIFY(!northwind.data(int(Role::TenantId)).toString().isEmpty());
    const QModelIndex umbrella = m_model->tenantIndex(aliasOf(u"umbrella"_s));
    QVERIFY(umbrella.isValid());
    QVERIFY(umbrella.data(int(Role::Status)).toString() != "active"_L1);
    QVERIFY(!m_model->hasChildren(umbrella)); // nothing to browse in a deactivated tenant
    QVERIFY(!m_model->canFetchMore(umbrella));
}

void TestEstateModel::filterNarrowsByText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tenants"); // sandbox keys of the tenants left
    QTest::addColumn<QStringList>("regions");

    QTest::newRow("nothing") << QString() << QStringList{u"northwind"_s, u"contoso"_s, u"wonka"_s}
                             << QStringList{u"us"_s, u"eu"_s, u"ap"_s};
    QTest::newRow("name") << u"north"_s << QStringList{u"northwind"_s} << QStringList{u"eu"_s};
    QTest::newRow("upper case, spaces") << u"  CONTOSO "_s << QStringList{u"contoso"_s} << QStringList{u"us"_s};
    QTest::newRow("label") << u"chocolate"_s << QStringList{u"wonka"_s} << QStringList{u"ap"_s};
    QTest::newRow("hostname") << u".ap.qlikcloud"_s << QStringList{u"wonka"_s} << QStringList{u"ap"_s};
    QTest::newRow("no match") << u"zzz-nobody"_s << QStringList() << QStringList();
}

void TestEstateModel::filterNarrowsByText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tenants);
    QFETCH(QStringList, regions);
    addToInventory(u"northwind"_s);
    addToInventory(u"contoso"_s);
    addToInventory(u"wonka"_s, u"Chocolate factory"_s);
    EstateFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxyTester.setUseFetchMore(false);
    proxy.setSourceModel(m_model.get());
    loadTenants();

    proxy.setFilterText(text);
    QCOMPARE(proxy.rowCount(), 1); // the organization always stays
    const QModelIndex organization = proxy.index(0, 0);
    QStringList shownRegions;
    QStringList shownHosts;
    for (int row = 0; row < proxy.rowCount(organization); ++row) {
        const QModelIndex region = proxy.index(row, 0, organization);
        shownRegions.append(region.data(int(Role::RegionId)).toString());
        for (int t = 0; t < proxy.rowCount(region); ++t)
            shownHosts.append(proxy.index(t, 0, region).data(int(Role::Hostname)).toString());
    }
    QStringList expectedHosts;
    for (const QString &key : std::as_const(tenants))
        expectedHosts.append(aliasOf(key));
    shownHosts.sort();
    expectedHosts.sort();
    QCOMPARE(shownHosts, expectedHosts);
    shownRegions.sort();
    regions.sort();
    QCOMPARE(shownRegions, regions);
    QCOMPARE(proxy.matchingTenantCount(), int(tenants.size()));
    QCOMPARE(proxy.isFiltering(), !text.trimmed().isEmpty());
}

void TestEstateModel::filterByTag()
{
    addToInventory(u"northwind"_s);
    addToInventory(u"contoso"_s);
    addToInventory(u"fabrikam"_s);
    EstateFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxyTester.setUseFetchMore(false);
    proxy.setSourceModel(m_model.get());
    loadTenants();
    proxy.setTagFilter(u"production"_s);
    QCOMPARE(proxy.matchingTenantCount(), 0);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 0);

    const QModelIndex contoso = m_model->tenantIndex(aliasOf(u"contoso"_s));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QCOMPARE(m_model->setTag({contoso}, u"Production"_s, true), QString());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(contoso.data(int(Role::Tags)).toStringList(), QStringList{u"production"_s});
    QCOMPARE(m_model->setTag({contoso}, u"no-such-tag"_s, true), u"There is no tag 'no-such-tag'."_s);
    // The proxy re-evaluates the changed tenant (dynamic filter): contoso appears.
    QTRY_COMPARE(proxy.matchingTenantCount(), 1);
    const QModelIndex organization = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(organization), 1);
    const QModelIndex us = proxy.index(0, 0, organization);
    QCOMPARE(proxy.rowCount(us), 1);
    QCOMPARE(proxy.index(0, 0, us).data(int(Role::Hostname)).toString(), aliasOf(u"contoso"_s));
    // Text and tag combine; tags are matched by the text filter too.
    proxy.setFilterText(u"fabrikam"_s);
    QCOMPARE(proxy.matchingTenantCount(), 0);
    proxy.setTagFilter({});
    QCOMPARE(proxy.matchingTenantCount(), 1);
    proxy.setFilterText(u"producti"_s);
    QCOMPARE(proxy.matchingTenantCount(), 1);
    // Tags persist with their store.
    TenantTagStore reread(m_dir->filePath(u"tags.ini"_s), u"TenantTags"_s);
    QCOMPARE(
        reread.tagsOf(contoso.data(int(Role::TenantId)).toString(), contoso.data(int(Role::Hostnames)).toStringList()),
        QStringList{u"production"_s});
}

void TestEstateModel::filterKeyByKeyOverAnEstate()
{
    // 600 tenants over two regions: typing narrows the kept matches, erasing widens them, and a
    // change of hundreds of rows takes the layout-change path, which keeps persistent indexes of
    // the tenants still shown (a view's expanded nodes, selection and current item) and drops the
    // others. Every state is compared with a brute-force match over the source.
    QVERIFY(m_sandbox->http().reset(u"estate:600:2"_s));
    QStringList subscriptions;
    for (const auto &subscription : m_sandbox->http().state(u"-"_s).value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    m_model->setOrganization(u"Sandbox"_s, true, subscriptions);
    m_model->reload();
    loadTenants();
    QCOMPARE(m_model->tenantCount(), 600);

    EstateFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxyTester.setUseFetchMore(false);
    proxy.setSourceModel(m_model.get());
    const QModelIndex organization = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(organization), 2);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(proxy.rowCount(proxy.index(row, 0, organization)), 300); // both regions mapped, as when expanded

    // A needle from a real tenant's hostname, and the hostnames each prefix of it should keep.
    QString needle;
    m_model->forEachTenant(
        [&needle](const QModelIndex &tenant) { needle = tenant.data(int(Role::Hostname)).toString().left(4); });
    const auto expectedFor = [this](const QString &text) {
        QStringList hosts;
        m_model->forEachTenant([&](const QModelIndex &tenant) {
            if (m_model->matchesText(tenant, text))
                hosts.append(tenant.data(int(Role::Hostname)).toString());
        });
        hosts.sort();
        return hosts;
    };
    const auto shown = [&proxy] {
        QStringList hosts;
        const QModelIndex organization = proxy.index(0, 0); // indexes do not outlive a layout change
        for (int row = 0; row < proxy.rowCount(organization); ++row) {
            const QModelIndex region = proxy.index(row, 0, organization);
            for (int t = 0; t < proxy.rowCount(region); ++t)
                hosts.append(proxy.index(t, 0, region).data(int(Role::Hostname)).toString());
        }
        hosts.sort();
        return hosts;
    };

    // The tenant we keep an eye on matches every prefix; another matches none but the empty one.
    const QString keptHost = expectedFor(needle).first();
    QString hiddenHost;
    m_model->forEachTenant([&](const QModelIndex &tenant) {
        if (hiddenHost.isEmpty() && !m_model->matchesText(tenant, needle.left(1)))
            hiddenHost = tenant.data(int(Role::Hostname)).toString();
    });
    QVERIFY(!hiddenHost.isEmpty());
    const QPersistentModelIndex keptPersistent = proxy.mapFromSource(m_model->tenantIndex(keptHost));
    const QPersistentModelIndex hiddenPersistent = proxy.mapFromSource(m_model->tenantIndex(hiddenHost));
    QVERIFY(keptPersistent.isValid() && hiddenPersistent.isValid());

    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QStringList typed;
    for (qsizetype length = 1; length <= needle.size(); ++length)
        typed.append(needle.left(length));
    QStringList erased = typed;
    std::reverse(erased.begin(), erased.end());
    erased.removeFirst();
    erased.append(QString());
    for (const QString &text : typed + erased) {
        proxy.setFilterText(text);
        QCOMPARE(shown(), text.isEmpty() ? expectedFor(u""_s) : expectedFor(text));
        QCOMPARE(proxy.matchingTenantCount(), text.isEmpty() ? 600 : int(expectedFor(text).size()));
        QVERIFY(keptPersistent.isValid());
        QCOMPARE(keptPersistent.data(int(Role::Hostname)).toString(), keptHost);
    }
    QVERIFY(!hiddenPersistent.isValid()); // hidden by the first key: a persistent index to it is gone
    // The first key hides hundreds of tenants at once, the last shows them again: layout changes.
    QVERIFY2(layouts.size() >= 2, qPrintable(QString::number(layouts.size())));
}

void TestEstateModel::resourceTableFollowsItsNode()
{
    addToInventory(u"northwind"_s);
    addToInventory(u"contoso"_s);
    loadTenants();
    const QModelIndex tenant = m_model->tenantIndex(aliasOf(u"contoso"_s));
    m_model->ensureFolders(tenant);
    const QModelIndex users = m_model->categoryIndex(tenant, Kind::Users);

    ResourceTableModel table;
    QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::optional<ResourceTableSpec> spec = ResourceTableSpec::forChildrenOf(Kind::Users);
    QVERIFY(spec.has_value());
    QVERIFY(!ResourceTableSpec::forChildrenOf(Kind::License).has_value());
    table.setSource(m_model.get(), users, *spec);
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(table.columnCount(), int(spec->columns.size()));
    QCOMPARE(table.headers().size(), table.columnCount());
    QSignalSpy nodeChanged(&table, &ResourceTableModel::sourceNodeChanged);
    m_model->fetchMore(users);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(users), LoadState::Loaded, 20000);
    QVERIFY(!nodeChanged.isEmpty()); // loading → loaded
    QCOMPARE(table.rowCount(), m_model->rowCount(users));
    QVERIFY(table.rowCount() >= 4);
    bool sawAdmin = false;
    for (int row = 0; row < table.rowCount(); ++row) {
        const QStringList text = table.rowText(row);
        QCOMPARE(text.size(), table.columnCount());
        QCOMPARE(text.constFirst(), table.sourceIndex(row).data().toString());
        QCOMPARE(table.json(row).value(u"id"_s).toString(), table.sourceIndex(row).data(int(Role::Id)).toString());
        sawAdmin = sawAdmin || text.contains(u"alex.morgan@acme-analytics.example"_s);
    }
    QVERIFY(sawAdmin);

    // A refresh of the category empties the table and fills it again.
    m_model->refresh(users);
    QCOMPARE(table.rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(users), LoadState::Loaded, 20000);
    QCOMPARE(table.rowCount(), m_model->rowCount(users));

    // The tenant leaves the estate: the table is empty for good and says so.
    QSignalSpy removed(&table, &ResourceTableModel::sourceNodeRemoved);
    QVERIFY(m_inventory->remove(aliasOf(u"contoso"_s)).isEmpty());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(table.rowCount(), 0);
    QVERIFY(!table.sourceParent().isValid());
}

void TestEstateModel::resourceDocumentLoadsOne()
{
    addToInventory(u"northwind"_s);
    loadTenants();
    const QModelIndex spaces = openCategory(u"northwind"_s, Kind::Spaces);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->loadState(spaces), LoadState::Loaded, 20000);
    const QModelIndex space = m_model->index(0, 0, spaces);
    const QString host = aliasOf(u"northwind"_s);

    ResourceDocument document(m_client.get(),
                              Cloud::ApiCall::get(host, u"/api/v1/spaces/"_s + space.data(int(Role::Id)).toString()));
    QCOMPARE(document.state(), ResourceDocument::State::NotLoaded);
    QSignalSpy changed(&document, &ResourceDocument::changed);
    document.load();
    QCOMPARE(document.state(), ResourceDocument::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(document.state(), ResourceDocument::State::Loaded, 20000);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(document.json().value(u"name"_s).toString(), space.data().toString());
    QVERIFY(document.error().isEmpty());

    ResourceDocument missing(m_client.get(), Cloud::ApiCall::get(host, u"/api/v1/spaces/000000000000000000000000"_s));
    missing.load();
    QTRY_COMPARE_WITH_TIMEOUT(missing.state(), ResourceDocument::State::Failed, 20000);
    QVERIFY2(missing.error().contains(u"404"_s), qPrintable(missing.error()));
    QVERIFY(missing.json().isEmpty());
}

QTEST_GUILESS_MAIN(TestEstateModel)
#include "tst_estatemodel.moc"
