#include "sandbox/seeder.h"

#include "sandbox/appfile.h"
#include "sandbox/automationengine.h"
#include "sandbox/entities.h"
#include "sandbox/region.h"
#include "sandbox/rolecatalog.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/ziparchive.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr int kMaxEstateTenants = 200000;

quint64 fnv1a(const QString &text)
{
    quint64 hash = 1469598103934665603ull;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ull;
    }
    return hash;
}

// Builds seeded entities with deterministic ids and timestamps.
class SeedBuilder
{
public:
    SeedBuilder(SandboxState &state, const QDateTime &now)
        : m_state(state)
        , m_now(now)
        , m_base(QDate(2024, 3, 4), QTime(9, 30), Qt::UTC)
    { }

    IdGenerator &ids() { return m_state.ids(); }

    // Seeded timestamps advance a few minutes per entity from a fixed base.
    QDateTime stamp()
    {
        m_tick += 60 + ids().bounded(3600);
        return m_base.addSecs(m_tick);
    }

    Subscription &subscription(int tenantQuota)
    {
        Subscription subscription;
        subscription.id = ids().digits(16);
        subscription.product = u"Qlik Cloud Analytics Premium"_s;
        subscription.validFrom = QDate(2024, 1, 1);
        subscription.validTo = m_now.date().addYears(2);
        subscription.tenantQuota = tenantQuota;
        subscription.allotments = {{u"professional"_s, u"assigned"_s, 50, 0}, {u"analyzer"_s, u"assigned"_s, 200, 0}};
        subscription.updated = stamp();
        // A signed entitlement key: header.payload.signature, like the real one (FACTS §3.1).
        const QByteArray header = QJsonDocument(QJsonObject{{u"alg"_s, u"EdDSA"_s}, {u"typ"_s, u"JWT"_s}})
                                      .toJson(QJsonDocument::Compact)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray payload = QJsonDocument(QJsonObject{{u"licenseNumber"_s, subscription.id},
                                                             {u"product"_s, subscription.product},
                                                             {u"issuer"_s, u"tenantry-sandbox"_s}})
                                       .toJson(QJsonDocument::Compact)
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray signature
            = QCryptographicHash::hash(QByteArray(payload + ids().hex(32).toLatin1()), QCryptographicHash::Sha512)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        subscription.licenseKey = QString::fromLatin1(header + '.' + payload + '.' + signature);
        return m_state.addSubscription(std::move(subscription));
    }

    void seedClients(const Subscription &subscription, const QStringList &regions)
    {
        OAuthClient org;
        org.id = u"sandbox-org"_s;
        org.secret = u"sandbox-org-secret"_s;
        org.name = u"Sandbox Organization Client"_s;
        org.kind = ClientKind::Org;
        org.createdAt = stamp();
        m_state.clients().insert(org);
        for (const QString &region : regions) {
            OAuthClient client;
            client.id = u"sandbox-region-"_s + region;
            client.secret = client.id + u"-secret"_s;
            client.name = region.toUpper() + u" OAuth Client"_s;
            client.kind = ClientKind::Region;
            client.region = region;
            client.subscriptionId = subscription.id;
            client.createdAt = stamp();
            m_state.clients().insert(client);
        }
        m_state.setRegions(regions);
    }

    Tenant &tenant(const QString &region, const Subscription &subscription, const QString &name = {},
                   const QString &alias = {})
    {
        Tenant tenant = m_state.newTenant(region, subscription.id, stamp());
        if (!name.isEmpty()) {
            tenant.name = name;
            tenant.hostnames = {name + u'.' + region + u".qlikcloud.com"_s};
        }
        if (!alias.isEmpty())
            tenant.hostnames.append(alias + u'.' + region + u".qlikcloud.com"_s);
        tenant.createdByUser = ids().objectId();
        tenant.enableAnalyticCreation = true;
        return m_state.addTenant(std::move(tenant));
    }

    User &user(Tenant &tenant, const QString &name, const QString &email, const QString &subject,
               const QStringList &roles = {})
    {
        User user;
        user.id = ids().objectId();
        user.name = name;
        user.email = email;
        user.subject = subject;
        for (const QString &role : roles)
            user.roleIds.append(RoleCatalog::defaultRoleId(tenant, role));
        user.createdAt = stamp();
        user.lastUpdatedAt = user.createdAt;
        return tenant.users.insert(user);
    }

    // A region client that was deleted (FACTS §2.3): the bot users it left on tenants stay.
    const OAuthClient &retiredClient(const Subscription &subscription, const QString &region)
    {
        OAuthClient retired;
        retired.id = ids().hex(32);
        retired.secret = ids().alphanumeric(40);
        retired.name = u"Old %1 OAuth Client"_s.arg(region.toUpper());
        retired.kind = ClientKind::Region;
        retired.region = region;
        retired.subscriptionId = subscription.id;
        retired.createdAt = stamp();
        retired.deleted = true;
        return m_state.clients().insert(retired);
    }

    User &bot(Tenant &tenant, const OAuthClient &client)
    {
        User &bot = user(tenant, client.name, {}, u"qlikbot\\"_s + client.id, {u"TenantAdmin"_s});
        bot.clientId = client.id;
        return bot;
    }

    Group &group(Tenant &tenant, const QString &name, const QStringList &roles = {})
    {
        Group group;
        group.id = ids().objectId();
        group.name = name;
        for (const QString &role : roles)
            group.roleIds.append(RoleCatalog::defaultRoleId(tenant, role));
        group.createdAt = stamp();
        group.lastUpdatedAt = group.createdAt;
        return tenant.groups.insert(group);
    }

    Space &space(Tenant &tenant, const QString &name, const QString &type, const User &owner,
                 const QString &description = {})
    {
        Space space;
        space.id = ids().objectId();
        space.name = name;
        space.type = type;
        space.description = description;
        space.ownerId = owner.id;
        space.createdBy = owner.id;
        space.createdAt = stamp();
        space.updatedAt = space.createdAt;
        return tenant.spaces.insert(space);
    }

    void assign(Space &space, const QString &type, const QString &assigneeId, const QStringList &roles, const User &by)
    {
        SpaceAssignment assignment;
        assignment.id = ids().objectId();
        assignment.type = type;
        assignment.assigneeId = assigneeId;
        assignment.roles = roles;
        assignment.createdAt = stamp();
        assignment.createdBy = by.id;
        assignment.updatedAt = assignment.createdAt;
        assignment.updatedBy = by.id;
        space.assignments.push_back(assignment);
    }

    // A few kilobytes that look like a .qvf and carry the app's title (AppFile).
    QByteArray appContent(const QString &name)
    {
        const int filler = 4096 + ids().bounded(28 * 1024);
        return AppFile::build(name, ids(), filler);
    }

    App &app(Tenant &tenant, const QString &name, const QString &description, const Space *space, const User &owner)
    {
        App app;
        app.id = ids().uuid();
        app.itemId = ids().objectId();
        app.name = name;
        app.description = description;
        app.spaceId = space ? space->id : QString();
        app.ownerId = owner.id;
        app.creatorId = owner.id;
        app.updaterId = owner.id;
        app.createdAt = stamp();
        app.modifiedDate = app.createdAt;
        app.lastReloadTime = app.createdAt;
        app.content = appContent(name);
        return tenant.apps.insert(app);
    }

    App &publish(Tenant &tenant, const App &source, const Space &managed, const User &by)
    {
        App &copy = app(tenant, source.name, source.description, &managed, by);
        copy.originAppId = source.id;
        copy.published = true;
        copy.publishTime = copy.createdAt;
        copy.content = source.content;
        return copy;
    }

    // What a departed user's bot leaves behind besides apps (FACTS §11.2): connections, files, an
    // automation.
    void leftovers(Tenant &tenant, const Space &staging, const User &owner, const QString &host,
                   const QString &customer)
    {
        dataConnection(tenant, customer + u" Warehouse"_s, host, &staging, owner);
        dataConnection(tenant, customer + u" Finance"_s, host, nullptr, owner);
        dataFile(tenant, u"orders.csv"_s, nullptr, nullptr, owner);
        const DataFile &exports = dataFile(tenant, u"exports"_s, &staging, nullptr, owner);
        dataFile(tenant, u"q1-orders.csv"_s, &staging, &exports, owner);

        AutomationConnection connection;
        connection.id = ids().uuidV1Like();
        connection.name = u"Qlik Cloud Services"_s;
        connection.connectorId = u"61a87510-c7a3-11ea-95da-0fb0c241e75c"_s; // FACTS §12's connector
        connection.ownerId = owner.id;
        connection.createdAt = stamp();
        connection.updatedAt = connection.createdAt;
        tenant.automationConnections.insert(connection);

        Automation &nightly = automation(tenant, u"Nightly refresh"_s, u"Reloads the sales apps every night."_s, owner);
        const QJsonObject start{{u"id"_s, ids().uuid().toUpper()},
                                {u"type"_s, u"StartBlock"_s},
                                {u"disabled"_s, false},
                                {u"name"_s, u"Start"_s},
                                {u"displayName"_s, u"Start"_s},
                                {u"childId"_s, QJsonValue::Null},
                                {u"inputs"_s,
                                 QJsonArray{QJsonObject{{u"id"_s, u"run_mode"_s},
                                                        {u"value"_s, u"manual"_s},
                                                        {u"type"_s, u"select"_s},
                                                        {u"displayValue"_s, u"Manual"_s},
                                                        {u"structure"_s, QJsonArray()}}}}};
        nightly.workspace = QJsonObject{{u"blocks"_s, QJsonArray{start}}, {u"variables"_s, QJsonArray()}};
    }

    // An automation with no blocks yet; the caller gives it its workspace.
    Automation &automation(Tenant &tenant, const QString &name, const QString &description, const User &owner)
    {
        Automation automation;
        automation.id = ids().uuidV1Like();
        automation.itemId = ids().objectId();
        automation.name = name;
        automation.description = description;
        automation.ownerId = owner.id;
        automation.createdAt = stamp();
        automation.updatedAt = automation.createdAt;
        automation.executionToken = ids().alphanumeric(40);
        return tenant.automations.insert(automation);
    }

    DataConnection &dataConnection(Tenant &tenant, const QString &name, const QString &host, const Space *space,
                                   const User &owner)
    {
        DataConnection connection;
        connection.id = ids().uuid();
        connection.name = name;
        connection.type = u"QvOdbcConnectorPackage.exe"_s;
        connection.connectionString
            = u"CUSTOM CONNECT TO \"provider=QvOdbcConnectorPackage.exe;driver=postgres;host=%1;port=5432;\""_s.arg(
                host);
        connection.ownerId = owner.id;
        connection.spaceId = space ? space->id : QString();
        connection.createdAt = stamp();
        connection.updatedAt = connection.createdAt;
        return tenant.dataConnections.insert(connection);
    }

    // A file (with a few CSV rows) or, named without an extension, a folder.
    DataFile &dataFile(Tenant &tenant, const QString &name, const Space *space, const DataFile *folder,
                       const User &owner)
    {
        DataFile file;
        file.id = ids().uuid();
        file.name = name;
        file.ownerId = owner.id;
        file.spaceId = space ? space->id : QString();
        file.folderId = folder ? folder->id : QString();
        file.folder = !name.contains(u'.');
        if (!file.folder) {
            file.content = "order_id,customer,amount\n";
            for (int row = 0; row < 20; ++row)
                file.content += QByteArray::number(1000 + row) + ",C" + QByteArray::number(ids().bounded(500)) + ','
                    + QByteArray::number(ids().bounded(10000)) + '\n';
        }
        file.createdAt = stamp();
        file.modifiedAt = file.createdAt;
        return tenant.dataFiles.insert(file);
    }

    template<typename Package>
    Package package(const QString &name, const QString &type, const QString &description, const User &owner)
    {
        Package package;
        package.id = ids().alphanumeric(32);
        package.name = name;
        package.type = type;
        package.qextFilename = name;
        package.qextVersion = u"1.2.0"_s;
        package.version = u"1.2.0"_s;
        package.description = description;
        package.author = u"Acme Analytics"_s;
        package.userId = owner.id;
        package.createdAt = stamp();
        package.updatedAt = package.createdAt;
        const QJsonObject qext{{u"name"_s, name},
                               {u"type"_s, type},
                               {u"version"_s, package.version},
                               {u"description"_s, description},
                               {u"author"_s, package.author}};
        ZipArchive zip;
        zip.addFile(name + u".qext"_s, QJsonDocument(qext).toJson());
        if (type == "theme"_L1) {
            zip.addFile(u"theme.json"_s,
                        QJsonDocument(
                            QJsonObject{{u"_inherit"_s, true}, {u"color"_s, u"#1d3557"_s}, {u"fontSize"_s, u"13px"_s}})
                            .toJson());
        } else {
            zip.addFile(name + u".js"_s, "define([], function () {\n  return { paint: function () {} };\n});\n");
        }
        package.file = zip.data();
        // Derived, not drawn: seeded ids after this one stay where they were.
        package.fileId = QString::fromLatin1(
            QCryptographicHash::hash(package.id.toLatin1(), QCryptographicHash::Sha1).toHex().left(24));
        package.fileName = name + u".zip"_s;
        // Onboarding copies packages from the source tenant by tag (issue 6, step 9).
        package.tags = {u"onboarding"_s, u"acme"_s};
        return package;
    }

    void license(Subscription &subscription, const QString &subject, const QString &type)
    {
        if (subscription.assignment(subject))
            return;
        subscription.assignments.push_back({subject, type, stamp(), false});
    }

    [[nodiscard]] const QDateTime &now() const { return m_now; }

private:
    SandboxState &m_state;
    QDateTime m_now;
    QDateTime m_base;
    qint64 m_tick = 0;
};

// Public keys of the JWT IdPs seeded on two demo customers (FACTS §4.1: one line, as Qlik takes
// them). Their private keys were never kept: these IdPs are there to be seen, not to log in with.
constexpr char kNorthwindJwtKey[]
    = "-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwDTeVXoMuUylqLi9KXqkdaOR0o"
      "adzzZDrL6Ayn3DzSjiky8JkYTH3J/fnTq0vPWV2B8YxDHYqbf/4SoqYhH+AvHU6+34Ec8KLP7pcZhLksJskLdve51ZMT+ebu"
      "aS0soO8/jn8F83h+RrdFP+a0mkXWXHuVpeA0yd3yIzrSxmanWr49pMde9/V2z9DuF7kpV90J/JIAdNAoIuJ92IfMrBnimF0S"
      "3JMK4kSf54kDylOWjWtNKrPR4H4sMeuFsDmq2CB0bM+p8gh+A5QN/Rm6Aj6SMMN/hK6mvI+bcw4XykeCyiHFlKY8dlR1/7R6"
      "8HAtdK8YPGQU49UrFV3vea9Tg9uQIDAQAB-----END PUBLIC KEY-----";
constexpr char kContosoJwtKey[]
    = "-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv2h9nUTH6hfhqvJ0KWx0YhMSpv"
      "eFI27pRdl5lo+buH2mbGe8eOUk9KUpizDjnuynEEc8z7mAf4N5xbvwfXkPj96icABi/WFM8GBd1EQUlT1+LPDL05ZoL3mrqt"
      "YEHqrnhwHzGWktGdmPH543QM0JtkevC4QTekyxtVJ6U1au7fJ+vrCp5z1i2wn5SGQdu8as/8gYBzAky6jFIsTpu/s7x66Maa"
      "/sZkE9ndGlvhxWVXwiVaxXRR2gesy/nV1JwLwffex2GnTeqf+JrpovceXYp4sEtwtpmYrmHMFm568U/0Nbg1qXVRjbdNV4lp"
      "LDPMxH07OwVpNE/mfs2kvpvKUVcQIDAQAB-----END PUBLIC KEY-----";

void seedJwtIdp(SeedBuilder &builder, Tenant &tenant, const QString &company, const char *pem)
{
    IdentityProvider idp;
    idp.id = builder.ids().objectId();
    idp.tenantIds = {tenant.id};
    idp.protocol = u"jwtAuth"_s;
    idp.provider = u"external"_s;
    idp.active = true;
    idp.description = company + u" portal logins"_s;
    idp.issuer = u"https://portal."_s + company.toLower().section(u' ', 0, 0) + u".example"_s;
    idp.staticKeys = {{u"portal-2024"_s, QString::fromLatin1(pem)}};
    idp.jwtLoginEnabled = true;
    idp.created = builder.stamp();
    idp.lastUpdated = idp.created;
    tenant.identityProviders.insert(idp);
}

QStringList seedRegions(int count)
{
    QStringList regions;
    for (int i = 0; i < count && i < Region::all().size(); ++i)
        regions.append(Region::all().at(i).id);
    return regions;
}

void seedEmpty(SeedBuilder &builder)
{
    const Subscription &subscription = builder.subscription(20);
    builder.seedClients(subscription, seedRegions(3));
}

void seedDemo(SeedBuilder &builder, SandboxState &state)
{
    Subscription &subscription = builder.subscription(100);
    const QStringList regions = seedRegions(3);
    builder.seedClients(subscription, regions);

    // A region client that was deleted: its bot user stays behind on "globex", owning content.
    const OAuthClient &retiredClient = builder.retiredClient(subscription, u"eu"_s);

    // The source tenant: where partner content is built and staged.
    Tenant &source
        = builder.tenant(u"eu"_s, subscription, u"source"_s + builder.ids().lowerAlphanumeric(9), u"acme-source"_s);
    const QString adminSubject = u"auth0|"_s + builder.ids().hex(24);
    User &admin = builder.user(source, u"Alex Morgan"_s, u"alex.morgan@acme-analytics.example"_s, adminSubject,
                               {u"TenantAdmin"_s});
    User &developer = builder.user(source, u"Priya Shah"_s, u"priya.shah@acme-analytics.example"_s,
                                   u"auth0|"_s + builder.ids().hex(24), {u"SharedSpaceCreator"_s});
    User &analyst = builder.user(source, u"Jonas Berg"_s, u"jonas.berg@acme-analytics.example"_s,
                                 u"auth0|"_s + builder.ids().hex(24));
    Group &developers = builder.group(source, u"Developers"_s, {u"SharedSpaceCreator"_s});
    Group &analysts = builder.group(source, u"Analysts"_s);
    developer.groupIds = {developers.id};
    analyst.groupIds = {analysts.id};
    Space &staging = builder.space(source, u"Staging"_s, u"shared"_s, admin, u"Apps staged for customers."_s);
    Space &production = builder.space(source, u"Production"_s, u"managed"_s, admin);
    builder.assign(staging, u"group"_s, developers.id, {u"producer"_s}, admin);
    builder.assign(production, u"group"_s, analysts.id, {u"consumer"_s}, admin);
    QList<const App *> sourceApps;
    const QList<QPair<QString, QString>> catalogue{
        {u"Sales Dashboard"_s, u"Revenue, pipeline and win rates by region."_s},
        {u"Customer Churn Analysis"_s, u"Who is leaving, and why."_s},
        {u"Inventory Overview"_s, u"Stock levels and turnover per warehouse."_s},
        {u"Executive KPIs"_s, u"The ten numbers the board asks for."_s},
    };
    for (const auto &[name, description] : catalogue)
        sourceApps.append(&builder.app(source, name, description, &staging, admin));
    source.extensions.insert(
        builder.package<Extension>(u"kpi-card"_s, u"visualization"_s, u"A compact KPI card."_s, admin));
    source.themes.insert(
        builder.package<Theme>(u"acme-corporate"_s, u"theme"_s, u"Acme's corporate colours."_s, admin));
    builder.license(subscription, admin.subject, u"professional"_s);
    builder.license(subscription, developer.subject, u"professional"_s);
    builder.license(subscription, analyst.subject, u"analyzer"_s);

    // Customer tenants in various states.
    struct Customer
    {
        QLatin1StringView alias;
        QLatin1StringView region;
        QLatin1StringView company;
        enum State { Onboarded, Fresh, Deactivated, Orphaned } state;
    };
    const Customer customers[] = {
        {"northwind"_L1, "eu"_L1, "Northwind Traders"_L1, Customer::Onboarded},
        {"contoso"_L1, "us"_L1, "Contoso"_L1, Customer::Onboarded},
        {"fabrikam"_L1, "us"_L1, "Fabrikam"_L1, Customer::Onboarded},
        {"globex"_L1, "eu"_L1, "Globex"_L1, Customer::Orphaned},
        {"initech"_L1, "us"_L1, "Initech"_L1, Customer::Onboarded},
        {"umbrella"_L1, "eu"_L1, "Umbrella Corporation"_L1, Customer::Deactivated},
        {"hooli"_L1, "us"_L1, "Hooli"_L1, Customer::Onboarded},
        {"wonka"_L1, "ap"_L1, "Wonka Industries"_L1, Customer::Onboarded},
        {"tyrell"_L1, "ap"_L1, "Tyrell"_L1, Customer::Fresh},
        {"cyberdyne"_L1, "ap"_L1, "Cyberdyne Systems"_L1, Customer::Onboarded},
        {"stark"_L1, "eu"_L1, "Stark Industries"_L1, Customer::Onboarded},
        {"wayne"_L1, "us"_L1, "Wayne Enterprises"_L1, Customer::Fresh},
    };
    const QStringList firstNames{u"Maria"_s, u"Chen"_s, u"Oliver"_s, u"Amara"_s, u"Lucas"_s, u"Sofia"_s,
                                 u"Noah"_s,  u"Yuki"_s, u"Elena"_s,  u"Omar"_s,  u"Grace"_s, u"Mateo"_s};
    const QStringList lastNames{u"Garcia"_s, u"Wong"_s, u"Smith"_s, u"Okafor"_s, u"Silva"_s,  u"Rossi"_s,
                                u"Brown"_s,  u"Sato"_s, u"Novak"_s, u"Haddad"_s, u"Miller"_s, u"Lopez"_s};
    int person = 0;
    Tenant *orphanedTenant = nullptr;
    const Space *orphanedStaging = nullptr;
    const User *orphanedOwner = nullptr;
    for (const Customer &customer : customers) {
        Tenant &tenant = builder.tenant(customer.region, subscription, {}, customer.alias);
        const QString domain = customer.alias + u".example"_s;
        // The partner's admin is recreated on every tenant with the same subject (FACTS §5.1).
        User &partnerAdmin = builder.user(tenant, admin.name, admin.email, admin.subject, {u"TenantAdmin"_s});
        if (customer.state == Customer::Fresh)
            continue;
        Group &viewers = builder.group(tenant, customer.company + u" Viewers"_s);
        tenant.groupSettings.autoCreateGroups = true;
        tenant.groupSettings.syncIdpGroups = true;
        tenant.licenseSettings.autoAssignAnalyzer = true;
        for (int i = 0; i < 3; ++i, ++person) {
            const QString first = firstNames.at(person % firstNames.size());
            const QString last = lastNames.at((person * 5 + 3) % lastNames.size());
            User &member
                = builder.user(tenant, first + u' ' + last, first.toLower() + u'.' + last.toLower() + u'@' + domain,
                               u"jwt|"_s + builder.ids().hex(20));
            member.groupIds = {viewers.id};
            builder.license(subscription, member.subject, u"analyzer"_s);
        }
        // Content owner: the region client's bot normally; on globex the retired client's bot.
        const User *owner = &partnerAdmin;
        if (customer.state == Customer::Orphaned)
            owner = &builder.bot(tenant, retiredClient);
        Space &tenantStaging = builder.space(tenant, u"Staging"_s, u"shared"_s, *owner);
        Space &tenantProduction = builder.space(tenant, u"Production"_s, u"managed"_s, *owner);
        builder.assign(tenantProduction, u"group"_s, viewers.id, {u"consumer"_s}, *owner);
        if (customer.state == Customer::Orphaned) {
            orphanedTenant = &tenant;
            orphanedStaging = &tenantStaging;
            orphanedOwner = owner;
        }
        for (qsizetype i = 0; i < 2 + (person % 2); ++i) {
            const App &source = *sourceApps.at(i);
            App &staged = builder.app(tenant, source.name, source.description, &tenantStaging, *owner);
            staged.content = source.content;
            builder.publish(tenant, staged, tenantProduction, *owner);
        }
        if (customer.state == Customer::Deactivated) {
            tenant.status = TenantStatus::Disabled;
            tenant.purgeAfterDays = 30;
            // Midnight, 20 days ahead: in the future and the same for every reset of the day.
            tenant.estimatedPurgeDate = QDateTime(builder.now().date().addDays(20), QTime(0, 0), Qt::UTC);
        }
    }
    // Seeded last, so that the ids and times of everything above stay as they were.
    if (orphanedTenant)
        builder.leftovers(*orphanedTenant, *orphanedStaging, *orphanedOwner, u"warehouse.globex.example"_s,
                          u"Globex"_s);
    // Two customers log their portal users in with JWTs (seeded last so earlier ids stay put).
    seedJwtIdp(builder, *state.tenantByHostname(u"northwind.eu.qlikcloud.com"_s), u"Northwind Traders"_s,
               kNorthwindJwtKey);
    seedJwtIdp(builder, *state.tenantByHostname(u"contoso.us.qlikcloud.com"_s), u"Contoso"_s, kContosoJwtKey);
    // What the management console must never be (issue 8): an end customer's own IT lead made
    // TenantAdmin on Cyberdyne. Seeded last so earlier ids stay put.
    builder.user(*state.tenantByHostname(u"cyberdyne.ap.qlikcloud.com"_s), u"Miles Dyson"_s,
                 u"miles.dyson@cyberdyne.example"_s, u"cyberdyne|miles.dyson"_s, {u"TenantAdmin"_s});
    // The partner's "add new users to spaces" automation (FACTS §12), deployed to the source by the
    // eu region client, so its bot owns it and that client may read it to copy it to a new
    // customer (issue 6; reading someone else's automation needs owning it). A template there:
    // disabled, so it adds none of the source's own users. Seeded last.
    if (const OAuthClient *euClient = state.clients().find(u"sandbox-region-eu"_s)) {
        Tenant &acme = *state.tenantByHostname(u"acme-source.eu.qlikcloud.com"_s);
        Automation &addUsers = builder.automation(
            acme, u"Add new users to Production"_s,
            u"Adds every new user to the managed space Production as a consumer."_s, builder.bot(acme, *euClient));
        addUsers.workspace = AutomationEngine::addUsersToSpaceWorkspace(u"Production"_s);
        addUsers.runMode = AutomationEngine::runModeOf(addUsers.workspace);
        addUsers.state = u"disabled"_s;
    }
}

void seedEstate(SeedBuilder &builder, int tenants, int regionCount)
{
    Subscription &subscription = builder.subscription(tenants + 50);
    const QStringList regions = seedRegions(regionCount);
    builder.seedClients(subscription, regions);
    const QString adminSubject = u"auth0|"_s + builder.ids().hex(24);
    builder.license(subscription, adminSubject, u"professional"_s);
    QList<Tenant *> customers;
    for (int i = 0; i < tenants; ++i) {
        const QString region = regions.at(i % regions.size());
        const QString name = i == 0 ? u"source"_s + builder.ids().lowerAlphanumeric(9) : QString();
        Tenant &tenant = builder.tenant(region, subscription, name);
        if (i > 0)
            customers.append(&tenant);
        User &admin = builder.user(tenant, u"Estate Admin"_s, u"estate.admin@acme-analytics.example"_s, adminSubject,
                                   {u"TenantAdmin"_s});
        Space &staging = builder.space(tenant, u"Staging"_s, u"shared"_s, admin);
        builder.space(tenant, u"Production"_s, u"managed"_s, admin);
        if (i == 0) {
            builder.app(tenant, u"Sales Dashboard"_s, u"Revenue, pipeline and win rates by region."_s, &staging, admin);
            builder.app(tenant, u"Customer Churn Analysis"_s, u"Who is leaving, and why."_s, &staging, admin);
            builder.app(tenant, u"Inventory Overview"_s, u"Stock levels and turnover per warehouse."_s, &staging,
                        admin);
            tenant.extensions.insert(
                builder.package<Extension>(u"kpi-card"_s, u"visualization"_s, u"A compact KPI card."_s, admin));
            tenant.themes.insert(
                builder.package<Theme>(u"acme-corporate"_s, u"theme"_s, u"Acme's corporate colours."_s, admin));
        }
    }
    // Every tenant but the first (the source) keeps what a deleted region client's bot deployed (FACTS §2.3,
    // §11.2): a space with three apps, two data connections, three data files, an automation and
    // its connection — 11 items for the ownership audit to find. Seeded after all tenants, so the
    // tenants' ids and hostnames are those of a seed without it.
    QHash<QString, const OAuthClient *> retired;
    for (const QString &region : regions)
        retired.insert(region, &builder.retiredClient(subscription, region));
    for (Tenant *customer : std::as_const(customers)) {
        Tenant &tenant = *customer;
        const User &bot = builder.bot(tenant, *retired.value(tenant.region));
        Space &legacy = builder.space(tenant, u"Legacy"_s, u"shared"_s, bot);
        builder.app(tenant, u"Sales Dashboard"_s, u"Revenue, pipeline and win rates by region."_s, &legacy, bot);
        builder.app(tenant, u"Customer Churn Analysis"_s, u"Who is leaving, and why."_s, &legacy, bot);
        builder.app(tenant, u"Inventory Overview"_s, u"Stock levels and turnover per warehouse."_s, &legacy, bot);
        builder.leftovers(tenant, legacy, bot, u"warehouse.example"_s, u"Legacy"_s);
    }
}

} // namespace

std::optional<SeedSpec> SeedSpec::parse(const QString &text)
{
    SeedSpec spec;
    if (text == "demo"_L1) {
        spec.kind = Kind::Demo;
        return spec;
    }
    if (text == "empty"_L1) {
        spec.kind = Kind::Empty;
        return spec;
    }
    const QStringList parts = text.split(u':');
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0) != "estate"_L1)
        return std::nullopt;
    bool ok = false;
    spec.kind = Kind::Estate;
    spec.tenants = parts.at(1).toInt(&ok);
    if (!ok || spec.tenants < 1 || spec.tenants > kMaxEstateTenants)
        return std::nullopt;
    if (parts.size() == 3) {
        spec.regions = parts.at(2).toInt(&ok);
        if (!ok || spec.regions < 1 || spec.regions > Region::all().size())
            return std::nullopt;
    }
    return spec;
}

QString SeedSpec::name() const
{
    switch (kind) {
    case Kind::Empty:
        return u"empty"_s;
    case Kind::Demo:
        return u"demo"_s;
    case Kind::Estate:
        return u"estate:%1:%2"_s.arg(tenants).arg(regions);
    }
    return {};
}

void Seeder::apply(const SeedSpec &spec, SandboxState &state, const QDateTime &now)
{
    state.clear(fnv1a(spec.name()));
    state.setSeedName(spec.name());
    SeedBuilder builder(state, now);
    switch (spec.kind) {
    case SeedSpec::Kind::Empty:
        seedEmpty(builder);
        break;
    case SeedSpec::Kind::Demo:
        seedDemo(builder, state);
        break;
    case SeedSpec::Kind::Estate:
        seedEstate(builder, spec.tenants, spec.regions);
        break;
    }
}

} // namespace Sandbox
