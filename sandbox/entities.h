#pragma once

// The sandbox's state as plain data (DESIGN.md §5). Handlers turn these into Qlik's JSON bodies;
// the state dump (StateDump) prints them. Plain structs rather than JSON blobs keep a seeded estate
// of 20,000 tenants small and fast. A new resource family adds its struct here and its collection
// to Tenant (or to SandboxState when it is not tenant-scoped), then prints it in StateDump.

#include "sandbox/collection.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Sandbox {

// ---------------------------------------------------------------------------------------------
// Organization level: subscriptions (license pools) and OAuth clients

enum class ClientKind { Org, Region, Tenant }; // FACTS §2.2

struct OAuthClient
{
    QString id; // the client id; Collection key
    QString secret;
    QString name; // the bot user's name on tenants
    ClientKind kind = ClientKind::Tenant;
    QString region; // Region clients: their region id ("eu")
    QString subscriptionId; // Region clients: the license they are bound to
    QString tenantId; // Tenant clients: their tenant
    bool deleted = false;
    QDateTime createdAt;
};

struct LicenseAssignment
{
    QString subject;
    QString type; // "professional" | "analyzer"
    QDateTime created;
    bool excess = false;
};

struct Allotment
{
    QString name; // "professional" | "analyzer" | "analyzer_time"
    QString usageClass; // "assigned" | "time"
    int units = 0;
    int overage = 0; // -1: unbounded
};

// One entitlement shared by every tenant created from it (FACTS §6): allotments and assignments
// live here, not on the tenant.
struct Subscription
{
    QString id; // subscriptionId == the parent license number (16 digits)
    QString licenseKey; // the signed key POST /v1/tenants accepts (FACTS §3.1)
    QString product;
    QDate validFrom;
    QDate validTo;
    int tenantQuota = 0; // tenants this license may create (TENANTS-22 beyond)
    QList<Allotment> allotments;
    std::vector<LicenseAssignment> assignments;
    QDateTime updated;

    [[nodiscard]] int unitsUsed(const QString &type) const;
    [[nodiscard]] const Allotment *allotment(const QString &name) const;
    [[nodiscard]] LicenseAssignment *assignment(const QString &subject);
};

// ---------------------------------------------------------------------------------------------
// Tenant level: identity

struct User
{
    QString id; // 24-hex, per tenant
    QString subject; // bot users: qlikbot\<clientId>
    QString name;
    QString email;
    QString status = QStringLiteral("active"); // active|invited|disabled|deleted|provisioned
    QString clientId; // set on bot users only
    QString picture;
    QString locale;
    QString zoneinfo;
    QString preferredLocale;
    QString preferredZoneinfo;
    QStringList roleIds; // assigned roles (default or custom) by id
    QStringList groupIds;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
    qint64 inviteExpiry = 0; // unix seconds, invited users

    [[nodiscard]] bool isBot() const { return !clientId.isEmpty(); }
};

struct Group
{
    QString id;
    QString name;
    QString status = QStringLiteral("active");
    QString providerType = QStringLiteral("custom"); // custom (API) | idp (created at login)
    QStringList roleIds;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
};

struct GroupSettings
{
    bool autoCreateGroups = false;
    bool syncIdpGroups = false;
    bool everyoneEnabled = true; // the system group com.qlik.Everyone
    QStringList everyoneRoleIds;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
};

// Default roles are a fixed catalogue with per-tenant ids (RoleCatalog); only custom roles are stored.
struct CustomRole
{
    QString id;
    QString name;
    QString description;
    QStringList assignedScopes;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
    QString createdBy;
    QString updatedBy;
};

struct LicenseSettings
{
    bool autoAssignProfessional = false;
    bool autoAssignAnalyzer = false;
};

// ---------------------------------------------------------------------------------------------
// Tenant level: spaces and content

struct SpaceAssignment
{
    QString id;
    QString type; // user | group
    QString assigneeId;
    QStringList roles;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
};

struct Space
{
    QString id;
    QString name;
    QString type; // shared | managed | data
    QString description;
    QString ownerId;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    std::vector<SpaceAssignment> assignments;

    [[nodiscard]] SpaceAssignment *assignment(const QString &assignmentId);
    [[nodiscard]] SpaceAssignment *assignmentFor(const QString &assigneeId);
};

struct App
{
    QString id; // UUID
    QString itemId; // 24-hex id of its item (GET /v1/items)
    QString name;
    QString description;
    QString spaceId; // empty: the owner's personal space
    QString ownerId;
    QString originAppId; // published copies: the app they were published from
    bool published = false;
    QDateTime publishTime;
    QDateTime visibleFrom; // published copies: when end users may open it (FACTS §14.5)
    QString creatorId;
    QString updaterId;
    QDateTime createdAt;
    QDateTime modifiedDate;
    QDateTime lastReloadTime;
    QString usage = QStringLiteral("ANALYTICS");
    QByteArray content; // the .qvf bytes as imported
};

struct TempContent
{
    QString id;
    QString name;
    QByteArray data;
    qint64 expectedLength = -1; // tus uploads: Upload-Length; -1 for simple uploads
    QString creatorId;
    QDateTime createdAt;
    QDateTime updatedAt;
    int ttlSeconds = 3600;
};

struct Reload
{
    QString id;
    QString appId;
    QString userId;
    QString type = QStringLiteral("external");
    QString status = QStringLiteral("QUEUED");
    bool partial = false;
    QDateTime creationTime;
    QDateTime startTime;
    QDateTime endTime;
    QString log;
    QString errorCode;
    QString errorMessage;
};

// One run of an automation (FACTS §12). It runs until stopTime on the sandbox clock.
struct AutomationRun
{
    QString id; // UUID v1-like
    QString context; // api_async | webhook | ...
    QString title;
    QString status = QStringLiteral("running"); // running | finished | failed | stopped
    QString actorId; // the user the run acts as: the automation's owner
    QJsonObject inputs;
    QJsonObject error; // set when the run failed: {"message": ...}
    QDateTime createdAt;
    QDateTime startTime;
    QDateTime stopTime; // planned while running, actual once finished
};

struct Automation
{
    QString id; // UUID v1-like
    QString itemId;
    QString name;
    QString description;
    QString state = QStringLiteral("available"); // available | unavailable | disabled
    QString runMode = QStringLiteral("manual");
    QString ownerId;
    QString spaceId;
    QJsonObject workspace; // the editor's definition, opaque to Qlik's API
    QJsonArray schedules;
    QString lastRunStatus = QStringLiteral("not started");
    QDateTime lastRunAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString executionToken;
    std::vector<AutomationRun> runs; // oldest first; moving the automation wipes them (FACTS §12)
};

struct AutomationConnection
{
    QString id;
    QString name;
    QString connectorId;
    QString ownerId;
    QString spaceId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct DataConnection
{
    QString id; // qID
    QString name; // qName
    QString type; // qType, e.g. "QvOdbcConnectorPackage.exe"
    QString connectionString; // qConnectStatement
    QString ownerId;
    QString spaceId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct DataFile
{
    QString id;
    QString name;
    QString ownerId;
    QString spaceId;
    QString folderId;
    bool folder = false;
    QByteArray content;
    QDateTime createdAt;
    QDateTime modifiedAt;
    QDateTime lockedUntil; // an upload in progress locks the file (423) until then
};

// Extensions and themes share one shape (FACTS §9): a zip plus what its .qext says.
struct VisualPackage
{
    QString id; // 32 characters
    QString name; // unique among packages of its kind
    QString type; // "visualization" (extensions), "theme"
    QString qextFilename;
    QString qextVersion;
    QString version;
    QString description;
    QString author;
    QString userId;
    // What the .qext or the `data` part adds (spec `extension` / `theme`).
    QString icon;
    QString preview;
    QString loadpath;
    QString keywords;
    QString license;
    QString homepage;
    QString repository;
    QString supplier;
    QStringList tags;
    QJsonObject dependencies;
    bool supernova = false;
    QByteArray file; // the zip; empty when created from a `data` part alone
    QString fileId; // file.fileId
    QString fileName; // file.originalname: the uploaded archive's name
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deleted = false; // soft delete: GET answers 410
};

struct Extension : VisualPackage
{
};

struct Theme : VisualPackage
{
};

struct BrandFile
{
    QString id; // logo | favIcon | ...
    QString contentType;
    QByteArray data;
    QString eTag;
};

struct Brand
{
    QString id;
    QString name;
    QString description;
    bool active = false;
    QString createdBy;
    QString updatedBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::vector<BrandFile> files;
};

struct JwtStaticKey
{
    QString kid;
    QString pem;
};

struct IdentityProvider
{
    QString id;
    QStringList tenantIds;
    QString protocol; // OIDC | SAML | jwtAuth | qsefw-local-bearer-token
    QString provider; // external, azureAD, ...
    bool interactive = false;
    bool active = false;
    QString description;
    int clockToleranceSec = 5;
    bool createNewUsersOnLogin = true;
    QString postLogoutRedirectUri;
    QJsonObject meta;
    // jwtAuth (FACTS §4.1): what /login/jwt-session checks.
    QString issuer;
    QList<JwtStaticKey> staticKeys;
    bool jwtLoginEnabled = false;
    // Other protocols' options (OIDC/SAML), kept as received.
    QJsonObject options;
    QJsonObject pendingOptions;
    QString pendingState;
    QDateTime created;
    QDateTime lastUpdated;
};

struct CspOrigin
{
    QString id;
    QString name;
    QString origin;
    QString description;
    QStringList directives; // the enabled booleans by name: "imgSrc", "scriptSrc", ...
    QDateTime createdDate;
    QDateTime modifiedDate;
};

struct WebIntegration
{
    QString id;
    QString name;
    QStringList validOrigins;
    QString createdBy;
    QDateTime created;
    QDateTime lastUpdated;
};

struct ReplicaKey
{
    QString arn;
    QString region;
};

struct EncryptionKeyProvider
{
    QString id; // the arnFingerPrint, the key of /v1/encryption/keyproviders/{arnFingerPrint}
    QString arn;
    QString name;
    QString description;
    QString keyProvider = QStringLiteral("AWS-KMS");
    bool current = false;
    bool multiRegion = false;
    QList<ReplicaKey> replicaKeys;
    bool tested = false; // POST .../actions/test passed; migrate needs it
    bool drCompliant = false;
    QJsonObject complianceError; // {code, region, message} from the last test; empty when compliant
    QDateTime createdAt;
    QDateTime promotedToCurrentAt;
    QDateTime demotedFromCurrentAt;
};

// The tenant's move to another encryption key (spec /v1/encryption/keyproviders/.../migrate). The
// sandbox has no AWS: a migration takes a fixed time on the sandbox clock.
struct KeyMigration
{
    QString id; // empty: the tenant never migrated
    QString fromArn; // "#QLIK_MANAGED_KEY_PROVIDER#" for Qlik's own key
    QString toArn;
    QString toFingerprint;
    QString fromFingerprint;
    QDateTime initiatedAt;
    QDateTime completesAt;

    [[nodiscard]] bool exists() const { return !id.isEmpty(); }
    [[nodiscard]] bool completed(const QDateTime &now) const { return exists() && completesAt <= now; }
};

// One audit event (FACTS §13); the actor is the calling user, bot users included.
struct AuditEvent
{
    QString id;
    QString eventId;
    QString eventType; // com.qlik.v1.user.created, ...
    QString eventTypeVersion = QStringLiteral("1.0.0");
    QString source; // com.qlik/users, ...
    QDateTime eventTime;
    QString userId; // the acting user; empty when a client acted outside a tenant
    QString actorSub; // the actor's subject (or client id)
    QString actorSubType; // user | client
    QJsonObject data;
    QString ownerId;
    QString spaceId;
    QString topLevelResourceId;
};

// ---------------------------------------------------------------------------------------------
// The tenant

enum class TenantStatus { Active, Disabled, Deleted };

struct Tenant
{
    QString id; // 32 characters
    QString name; // 15 [a-z0-9] when generated
    QStringList hostnames; // [0] generated, [1] alias (FACTS §3.2)
    QString region; // "eu"
    QString datacenter; // "eu-west-1"
    QString subscriptionId;
    TenantStatus status = TenantStatus::Active;
    QDateTime createdAt;
    QDateTime lastUpdated;
    QString createdByUser;
    QDateTime estimatedPurgeDate; // set while disabled
    int purgeAfterDays = 0;
    bool enableAnalyticCreation = false;
    bool autoAssignCreateSharedSpacesRoleToProfessionals = true;
    bool autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals = true;
    bool autoAssignDataServicesContributorRoleToProfessionals = true;
    QString rolePrefix; // 16 hex digits: default role ids are this plus an index (RoleCatalog)

    GroupSettings groupSettings;
    LicenseSettings licenseSettings;

    Collection<User> users;
    Collection<Group> groups;
    Collection<CustomRole> customRoles;
    Collection<Space> spaces;
    Collection<App> apps;
    Collection<TempContent> tempContents;
    Collection<Reload> reloads;
    Collection<Automation> automations;
    Collection<AutomationConnection> automationConnections;
    Collection<DataConnection> dataConnections;
    Collection<DataFile> dataFiles;
    Collection<Extension> extensions;
    Collection<Theme> themes;
    Collection<Brand> brands;
    Collection<IdentityProvider> identityProviders;
    Collection<CspOrigin> cspOrigins;
    Collection<WebIntegration> webIntegrations;
    Collection<EncryptionKeyProvider> encryptionKeyProviders;
    KeyMigration keyMigration;
    std::vector<AuditEvent> auditEvents;
    // JWT ids already exchanged at /login/jwt-session, until their token expires (replay guard).
    QHash<QString, QDateTime> consumedJwtIds;

    [[nodiscard]] bool isActive() const { return status == TenantStatus::Active; }
    // A deactivated tenant is purged once its purge date passes (FACTS §3.3); then it is gone.
    void purgeIfDue(const QDateTime &now);
    [[nodiscard]] User *userBySubject(const QString &subject) const;
    [[nodiscard]] User *userByEmail(const QString &email) const;
    [[nodiscard]] Group *groupByName(const QString &name) const; // case-insensitive
    [[nodiscard]] Space *spaceByName(const QString &name) const; // case-insensitive
    // Whether anything lives in the space (DELETE /v1/spaces answers 412 then).
    [[nodiscard]] bool spaceHasContent(const QString &spaceId) const;
};

[[nodiscard]] QString statusName(TenantStatus status);
[[nodiscard]] QString kindName(ClientKind kind);

} // namespace Sandbox
