#include "cloud/resources/auditevent.h"
#include "cloud/resources/automation.h"
#include "cloud/resources/csporigin.h"
#include "cloud/resources/extension.h"
#include "cloud/resources/group.h"
#include "cloud/resources/identityprovider.h"
#include "cloud/resources/item.h"
#include "cloud/resources/licenseassignment.h"
#include "cloud/resources/licenseoverview.h"
#include "cloud/resources/licensesettings.h"
#include "cloud/resources/resourcepage.h"
#include "cloud/resources/role.h"
#include "cloud/resources/space.h"
#include "cloud/resources/spaceassignment.h"
#include "cloud/resources/tenant.h"
#include "cloud/resources/theme.h"
#include "cloud/resources/user.h"
#include "cloud/resources/webintegration.h"

#include <functional>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Cloud;

// moc reads only up to the first raw string literal it cannot follow, so the class comes first.
class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySampleParses_data();
    void everySampleParses();
    void tenantApiShape();
    void organizationApiShape();
    void users();
    void groupAndRole();
    void spacesAndAssignments();
    void appsAndItems();
    void extensionsAndThemes();
    void identityProvidersKeepNoSecrets();
    void cspOriginAndWebIntegration();
    void automationsKeepNoExecutionToken();
    void licenses();
    void audits();
    void malformedBodies_data();
    void malformedBodies();
    void theSpecsOwnLicenseAssignmentExampleIsMalformed();
    void truncatedBodiesNeverCrash();
    void itemsSplitOffByThePager();
};

// Bodies below are copied from the spec's examples and FACTS.md (real responses quoted by Qlik's
// tutorials), so the parsers are held to what Qlik actually sends.
namespace {

// The spec's PostTenant201Response example.
const QByteArray tenantBody = R"({
  "id": "kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ", "name": "bk1672h181jm1b1",
  "links": {"self": {"href": "https://bk1672h181jm1b1.us.qlikcloud.com/api/v1/tenants/kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"}},
  "status": "active", "created": "2022-06-24T18:28:31.301Z", "hostnames": ["bk1672h181jm1b1.us.qlikcloud.com"],
  "datacenter": "us-east-1", "lastUpdated": "2022-06-24T18:28:31.301Z",
  "createdByUser": "dyk0nG9WvXZmupfFtULqgVAp1l3kbmTY", "enableAnalyticCreation": true,
  "autoAssignCreateSharedSpacesRoleToProfessionals": false,
  "autoAssignDataServicesContributorRoleToProfessionals": false,
  "autoAssignPrivateAnalyticsContentCreatorRoleToProfessionals": false})";

// FACTS §3.4: an organization API list page (next link on api.qlikcloud.com, as in Qlik's docs).
const QByteArray orgTenantsBody = R"({
  "data": [
    {"id": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "name": "ire7t7hg58avbmx", "status": "active",
     "links": {"self": {"href": "https://api.qlikcloud.com/core/tenants/TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"}},
     "createdAt": "2024-03-01T10:00:00.000Z", "createdBy": "auth0|a08d6a0f", "updatedAt": "2024-03-02T11:30:00.000Z",
     "hostnames": ["ire7t7hg58avbmx.eu.qlikcloud.com", "acme.eu.qlikcloud.com"],
     "regionCode": "eu-west-1", "countryCode": "IE", "licenseNumber": "9999000000001204",
     "subscriptionId": "9876543210987654", "licenseStartsAt": "2024-03-01T00:00:00.000Z",
     "licenseEndsAt": "2025-03-01T00:00:00.000Z"},
    {"id": "kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ", "name": "bk1672h181jm1b1", "status": "deactivated",
     "hostnames": ["bk1672h181jm1b1.us.qlikcloud.com"], "regionCode": "us-east-1",
     "deletionStartsAt": "2024-05-01T00:00:00.000Z", "someFieldFromTheFuture": {"nested": [1, 2, 3]}}
  ],
  "links": {"self": {"href": "https://api.qlikcloud.com/core/tenants?limit=2"},
            "next": {"href": "https://api.qlikcloud.com/core/tenants?limit=2&next=kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"}},
  "totalResults": 20000})";

// The spec's PostUser201Response example.
const QByteArray userBody = R"({
  "id": "62b6024fcdf339bb986fae75", "name": "John Smith", "email": "john.smith@corp.example",
  "roles": ["Developer"], "status": "invited", "created": "2022-06-24T18:28:31.301Z",
  "picture": "https://corp.example/docs/jsmith.png", "subject": "1234asdasa6789",
  "tenantId": "q3VRZ4YMixRaLKEPhkZWM-XMIDN7cO8f", "createdAt": "2022-06-24T18:28:31.301Z",
  "lastUpdated": "2022-06-24T18:28:31.301Z", "inviteExpiry": 1656700111,
  "assignedRoles": [{"id": "60804cf8a77b649c66733f65", "name": "Developer", "type": "default", "level": "user"}],
  "lastUpdatedAt": "2022-06-24T18:28:31.301Z"})";

// FACTS §2.3: the bot user behind an OAuth client, as /users/me shows it; listed with a normal user.
const QByteArray usersPageBody = R"({
  "data": [
    {"id": "6480a1b2c3d4e5f601234567", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
     "subject": "qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c", "clientId": "7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c",
     "name": "US OAuth Client", "status": "active", "roles": ["TenantAdmin"],
     "assignedRoles": [{"name": "TenantAdmin", "type": "default", "level": "admin", "id": "60804cf8a77b649c66733f60"}],
     "assignedGroups": [], "createdAt": "2024-03-01T10:00:05.000Z"},
    {"id": "6480a1b2c3d4e5f601234568", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
     "subject": "auth0|a08d6a0f", "name": "Ada Admin", "email": "ada@partner.example", "status": "active",
     "assignedRoles": [{"id": "60804cf8a77b649c66733f60", "name": "TenantAdmin", "type": "default", "level": "admin"}],
     "assignedGroups": [{"id": "6480a1b2c3d4e5f60123aaaa", "name": "Finance", "providerType": "idp",
                         "assignedRoles": [{"id": "60804cf8a77b649c66733f61", "name": "AnalyticsAdmin",
                                            "type": "default", "level": "admin"}]}],
     "locale": null, "picture": null}
  ],
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/users?limit=2"},
            "next": {"href": "https://acme.eu.qlikcloud.com/api/v1/users?limit=2&next=6480a1b2c3d4e5f601234568"}},
  "totalResults": 3})";

// FACTS §5.2 Group and the Everyone system group id.
const QByteArray groupBody = R"({
  "id": "000000000000000000000001", "name": "com.qlik.Everyone", "status": "active",
  "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "createdAt": "2024-03-01T10:00:00.000Z",
  "lastUpdatedAt": "2024-03-01T10:00:00.000Z",
  "assignedRoles": [{"id": "60804cf8a77b649c66733f62", "name": "SharedSpaceCreator", "type": "default", "level": "user"}],
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/groups/000000000000000000000001"}}})";

// FACTS §5.3 Role.
const QByteArray roleBody = R"({
  "id": "60804cf8a77b649c66733f60", "name": "TenantAdmin", "type": "default", "level": "admin",
  "description": "Manages the tenant", "permissions": ["users:manage", "spaces:manage"],
  "assignedScopes": [], "canEdit": false, "canDelete": false, "userEntitlementType": "fullUser",
  "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "createdAt": "2024-03-01T10:00:00.000Z",
  "lastUpdatedAt": "2024-03-01T10:00:00.000Z",
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/roles/60804cf8a77b649c66733f60"}}})";

// FACTS §7: a spaces page with meta.count and the caller's roles in each space.
const QByteArray spacesPageBody = R"({
  "data": [
    {"id": "62b6024fcdf339bb986fae00", "name": "Staging", "type": "shared", "description": "Imports land here",
     "ownerId": "6480a1b2c3d4e5f601234567", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
     "createdAt": "2024-03-01T10:01:00.000Z", "createdBy": "6480a1b2c3d4e5f601234567",
     "updatedAt": "2024-03-01T10:01:00.000Z",
     "meta": {"roles": [], "actions": ["change_owner", "create", "read", "update", "delete"],
              "assignableRoles": ["consumer", "dataconsumer", "facilitator", "producer"]},
     "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae00"},
               "assignments": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae00/assignments"}}},
    {"id": "62b6024fcdf339bb986fae01", "name": "Production", "type": "managed",
     "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
     "meta": {"roles": ["consumer"], "actions": ["read", "publish"],
              "assignableRoles": ["basicconsumer", "consumer", "contributor", "dataconsumer", "facilitator", "publisher"]},
     "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae01"},
               "assignments": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae01/assignments"}}}
  ],
  "meta": {"count": 2, "personalSpace": {"actions": ["create"], "resourceType": "space"}},
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces"}}})";

// FACTS §7 assignment body, as the service returns it.
const QByteArray assignmentBody = R"({
  "id": "62b6024fcdf339bb986fae10", "type": "group", "assigneeId": "6480a1b2c3d4e5f60123aaaa",
  "roles": ["consumer"], "spaceId": "62b6024fcdf339bb986fae01", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
  "createdAt": "2024-03-01T10:02:00.000Z", "createdBy": "6480a1b2c3d4e5f601234567",
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae01/assignments/62b6024fcdf339bb986fae10"},
            "space": {"href": "https://acme.eu.qlikcloud.com/api/v1/spaces/62b6024fcdf339bb986fae01"}}})";

// FACTS §10.1/§10.4: the NxApp of a published copy, owned by the bot.
const QByteArray nxAppBody = R"({
  "attributes": {"id": "116dbfae-7fb9-4983-8e23-5ccd8c508722", "name": "Sales Analytics",
    "description": "Monthly sales", "thumbnail": "", "lastReloadTime": "2024-03-01T10:05:00.000Z",
    "createdDate": "2024-03-01T10:03:00.000Z", "modifiedDate": "2024-03-01T10:04:00.000Z",
    "owner": "qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c", "ownerId": "6480a1b2c3d4e5f601234567",
    "dynamicColor": "", "published": false, "publishTime": "2024-03-01T10:04:30.000Z", "custom": {"tier": "gold"},
    "hasSectionAccess": false, "encrypted": true, "originAppId": "0c4a5a2e-1c7b-4f51-9a3e-7c1d2b3a4f50",
    "spaceId": "62b6024fcdf339bb986fae01", "isDirectQueryMode": false, "usage": "ANALYTICS", "_resourcetype": "app"},
  "privileges": ["read", "update", "delete", "reload", "publish", "change_owner"],
  "create": [{"resource": "sheet", "canCreate": true}]})";

// FACTS §11.1 / §10.4: app items in a managed space; the second is not an app.
const QByteArray itemsPageBody = R"({
  "data": [
    {"id": "65f0c0ffee0123456789abcd", "name": "Sales Analytics", "resourceType": "app",
     "resourceId": "116dbfae-7fb9-4983-8e23-5ccd8c508722", "resourceLink": "https://acme.eu.qlikcloud.com/sense/app/116dbfae-7fb9-4983-8e23-5ccd8c508722",
     "resourceAttributes": {"id": "116dbfae-7fb9-4983-8e23-5ccd8c508722", "name": "Sales Analytics",
       "spaceId": "62b6024fcdf339bb986fae01", "originAppId": "0c4a5a2e-1c7b-4f51-9a3e-7c1d2b3a4f50",
       "published": true, "publishTime": "2024-03-01T10:04:30.000Z", "ownerId": "6480a1b2c3d4e5f601234567",
       "_resourcetype": "app"},
     "resourceCustomAttributes": {}, "resourceCreatedAt": "2024-03-01T10:03:00.000Z",
     "resourceUpdatedAt": "2024-03-01T10:04:00.000Z", "resourceSize": {"appFile": 1048576, "appMemory": 0},
     "ownerId": "6480a1b2c3d4e5f601234567", "spaceId": "62b6024fcdf339bb986fae01",
     "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "createdAt": "2024-03-01T10:03:00.000Z",
     "updatedAt": "2024-03-01T10:04:00.000Z", "isFavorited": false, "collectionIds": [], "actions": ["read"],
     "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/items/65f0c0ffee0123456789abcd"}}},
    {"id": "65f0c0ffee0123456789abce", "name": "Nightly sync", "resourceType": "automation",
     "resourceId": "e0e720d0-4947-11ec-a1d2-9559fa35801d", "resourceAttributes": {"runMode": "scheduled"},
     "resourceCustomAttributes": {}, "resourceCreatedAt": "2024-03-01T10:03:00.000Z",
     "resourceUpdatedAt": "2024-03-01T10:03:00.000Z", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
     "createdAt": "2024-03-01T10:03:00.000Z", "updatedAt": "2024-03-01T10:03:00.000Z",
     "isFavorited": true, "collectionIds": ["65f0c0ffee0123456789ffff"], "links": {}}
  ],
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/items?resourceType=app,automation"},
            "next": {"href": "https://acme.eu.qlikcloud.com/api/v1/items?resourceType=app,automation&next=65f0c0ffee0123456789abce"}}})";

// FACTS §9.1: the tutorial's uploaded extension.
const QByteArray extensionsBody = R"({"data": [
  {"id": "2fc6c5a3a9f95b1e8f4d6c7b8a9e0d1c", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
   "userId": "6480a1b2c3d4e5f601234567", "name": "hello-ext", "type": "visualization",
   "qextFilename": "hello-ext", "qextVersion": "1.0.0", "loadpath": "hello-ext", "version": "1.0.0",
   "description": "Says hello", "icon": "extension", "tags": ["demo"], "preview": "", "bundled": false,
   "supernova": true, "author": "Partner", "checksum": "5d41402abc4b2a76b9719d911017c592",
   "file": {"contentType": "application/zip", "contentLength": 2048, "md5": "5d41402abc4b2a76b9719d911017c592",
            "fileId": "65f0c0ffee0123456789f00d", "originalname": "hello-ext.zip"},
   "createdAt": "2024-03-01T10:06:00.000Z", "updateAt": "2024-03-01T10:06:00.000Z"}]})";

const QByteArray themeBody = R"({
  "id": "3ad7d6b4b0a06c2f9e5e7d8c9b0f1e2d", "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
  "userId": "6480a1b2c3d4e5f601234567", "name": "acme-theme", "type": "theme", "qextFilename": "acme-theme",
  "qextVersion": "2.1.0", "version": "2.1.0", "tags": [],
  "file": {"contentType": "application/zip", "contentLength": 4096, "md5": "7215ee9c7d9dc229d2921a40e899ec5f"},
  "createdAt": "2024-03-01T10:07:00.000Z", "updatedAt": "2024-03-02T09:00:00.000Z"})";

// FACTS §4.1 JWT IdP as Qlik's scripts create it, and §4.2 an interactive OIDC IdP.
const QByteArray identityProvidersBody = R"({"data": [
  {"id": "65f0c0ffee0123456789a1d0", "tenantIds": ["TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"], "provider": "external",
   "protocol": "jwtAuth", "interactive": false, "active": true, "description": "Portal logins",
   "clockToleranceSec": 5, "created": "2024-03-01T10:08:00.000Z", "lastUpdated": "2024-03-01T10:08:00.000Z",
   "options": {"jwtLoginEnabled": true, "issuer": "https://portal.partner.example",
               "staticKeys": [{"kid": "portal-2024", "pem": "-----BEGIN CERTIFICATE-----MIIB...-----END CERTIFICATE-----"}]}},
  {"id": "65f0c0ffee0123456789a1d1", "tenantIds": ["TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"], "provider": "azureAD",
   "protocol": "OIDC", "interactive": true, "active": true, "description": "Entra ID",
   "options": {"discoveryUrl": "https://login.microsoftonline.com/dir/v2.0/.well-known/openid-configuration",
               "clientId": "c0ffee00-0000-4000-8000-000000000001", "clientSecret": "oidc-secret-never-kept",
               "realm": "mydomain", "claimsMapping": {"sub": ["sub"], "email": ["email"]},
               "emailVerifiedAlwaysTrue": true}}]})";

// FACTS §8.1 tutorial CSP entry.
const QByteArray cspOriginBody = R"({
  "id": "65f0c0ffee0123456789c5b0", "origin": "cdn.partner.example", "name": "Partner CDN",
  "description": "Extension assets", "imgSrc": true, "scriptSrc": true, "styleSrc": true,
  "createdDate": "2024-03-01T10:09:00.000Z", "modifiedDate": "2024-03-01T10:09:00.000Z"})";

// FACTS §8.2 web integration (201 body).
const QByteArray webIntegrationBody = R"({
  "id": "Oa5ZzEExUkPZvZr2D3lXmXpQyWr9U5xe", "name": "Partner portal", "validOrigins": ["https://app.partner.example"],
  "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "created": "2024-03-01T10:10:00.000Z",
  "createdBy": "6480a1b2c3d4e5f601234567", "lastUpdated": "2024-03-01T10:10:00.000Z",
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/web-integrations/Oa5ZzEExUkPZvZr2D3lXmXpQyWr9U5xe"}}})";

// FACTS §12: an automation as listed (microsecond timestamps, as automations send them).
const QByteArray automationsBody = R"({"data": [
  {"id": "e0e720d0-4947-11ec-a1d2-9559fa35801d", "name": "Add new users to Production", "description": "",
   "state": "available", "runMode": "webhook", "ownerId": "6480a1b2c3d4e5f601234567",
   "lastRunAt": "2021-12-23T12:28:21.000000Z", "lastRunStatus": "finished",
   "createdAt": "2021-12-23T12:20:00.000000Z", "updatedAt": "2021-12-23T12:28:21.000000Z",
   "executionToken": "exec-token-never-kept", "snippetIds": [], "endpointIds": [], "connectorIds": []}],
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/automations"}, "next": null, "prev": null}})";

// The spec's licenseOverview example.
const QByteArray licenseOverviewBody = R"({"trial": false, "valid": "2018-01-01/2018-12-31", "origin": "Internal",
  "status": "Ok", "product": "Qlik Sense Enterprise SaaS",
  "allotments": [{"name": "analyzer_time", "units": 300, "overage": 100, "unitsUsed": 242, "usageClass": "time"},
                 {"name": "professional", "units": 200, "unitsUsed": 15, "usageClass": "assigned"}],
  "licenseKey": "hejhbGciOiJSUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6IktFWTEifQ.eyJqdGkiOiIxZjZk",
  "parameters": [{"name": "qlikAlerting", "valid": "./.", "values": {"saas_alerting": "FULL"}}],
  "licenseNumber": "9999000000001204", "secondaryNumber": "12345"})";

// The spec's settingsBody example.
const QByteArray licenseSettingsBody = R"({"autoAssignAnalyzer": true, "autoAssignProfessional": false})";

// The spec's assignmentsResponse example, with its second entry repaired: the spec itself has
// `"type": false` there (see the malformed rows).
const QByteArray licenseAssignmentsBody = R"({"data": [
  {"type": "analyzer", "excess": false, "created": "2020-12-03T09:24:48.114Z", "subject": "qlik\\kalle"},
  {"type": "professional", "created": "2020-12-03T09:24:48.114Z", "subject": "qlik\\nalle"}],
  "links": {"next": {"href": "http://license/v1/licenses/assignments?limit=4&page=bmV4dDpGZ0FBQUFkZmFXUUFYOHBUcTlpM1U4UU1YWHZrQUE%3D"},
            "prev": {"href": "http://license/v1/licenses/assignments?limit=4&page=cHJldjpGZ0FBQUFkZmFXUUFYOHBUcTlpM1U4UU1YWHZ0QUE%3D"}}})";

// FACTS §13 / §3.3: the deactivation audit event, with the audits' {href, type, token} next link.
const QByteArray auditsBody = R"({"data": [
  {"id": "65f0c0ffee0123456789aa01", "eventId": "b6a1b4c2-0f5c-4c55-8d7e-1f2e3d4c5b6a",
   "eventType": "com.qlik.v1.tenant.deactivated", "eventTypeVersion": "1.0.0",
   "eventTime": "2024-04-01T08:00:00.123Z", "source": "com.qlik/tenants", "userId": "6480a1b2c3d4e5f601234567",
   "tenantId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e", "contentType": "application/json",
   "data": {"hostnames": ["acme.eu.qlikcloud.com"], "id": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e",
            "name": "ire7t7hg58avbmx", "purgeAfterDays": "2024-05-01"},
   "extensions": {"actor": {"sub": "qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c", "subType": "user"},
                  "topLevelResourceId": "TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"},
   "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/audits/65f0c0ffee0123456789aa01"}}}],
  "links": {"self": {"href": "https://acme.eu.qlikcloud.com/api/v1/audits"},
            "next": {"href": "https://acme.eu.qlikcloud.com/api/v1/audits?next=abc", "type": "next", "token": "abc"}}})";

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

// Every parser by name, answering the error text (empty on success).
QString parseError(const QString &kind, const QByteArray &body)
{
    const QHash<QString, std::function<QString(const QByteArray &)>> parsers{
        {u"tenant"_s, [](const QByteArray &b) { return parseResource<Tenant>(b).error; }},
        {u"orgTenants"_s,
         [](const QByteArray &b) { return ResourcePage<Tenant>::parse(b, &Tenant::readOrganization).error; }},
        {u"user"_s, [](const QByteArray &b) { return parseResource<User>(b).error; }},
        {u"users"_s, [](const QByteArray &b) { return ResourcePage<User>::parse(b).error; }},
        {u"group"_s, [](const QByteArray &b) { return parseResource<Group>(b).error; }},
        {u"role"_s, [](const QByteArray &b) { return parseResource<Role>(b).error; }},
        {u"spaces"_s, [](const QByteArray &b) { return ResourcePage<Space>::parse(b).error; }},
        {u"assignment"_s, [](const QByteArray &b) { return parseResource<SpaceAssignment>(b).error; }},
        {u"app"_s, [](const QByteArray &b) { return parseResource<App>(b).error; }},
        {u"items"_s, [](const QByteArray &b) { return ResourcePage<Item>::parse(b).error; }},
        {u"extensions"_s, [](const QByteArray &b) { return ResourcePage<Extension>::parse(b).error; }},
        {u"theme"_s, [](const QByteArray &b) { return parseResource<Theme>(b).error; }},
        {u"identityProviders"_s, [](const QByteArray &b) { return ResourcePage<IdentityProvider>::parse(b).error; }},
        {u"cspOrigin"_s, [](const QByteArray &b) { return parseResource<CspOrigin>(b).error; }},
        {u"webIntegration"_s, [](const QByteArray &b) { return parseResource<WebIntegration>(b).error; }},
        {u"automations"_s, [](const QByteArray &b) { return ResourcePage<Automation>::parse(b).error; }},
        {u"licenseOverview"_s, [](const QByteArray &b) { return parseResource<LicenseOverview>(b).error; }},
        {u"licenseSettings"_s, [](const QByteArray &b) { return parseResource<LicenseSettings>(b).error; }},
        {u"licenseAssignments"_s, [](const QByteArray &b) { return ResourcePage<LicenseAssignment>::parse(b).error; }},
        {u"audits"_s, [](const QByteArray &b) { return ResourcePage<AuditEvent>::parse(b).error; }},
    };
    const auto parser = parsers.value(kind);
    return parser ? parser(body) : u"no parser named "_s + kind;
}

QList<std::pair<QString, QByteArray>> sampleBodies()
{
    return {{u"tenant"_s, tenantBody},
            {u"orgTenants"_s, orgTenantsBody},
            {u"user"_s, userBody},
            {u"users"_s, usersPageBody},
            {u"group"_s, groupBody},
            {u"role"_s, roleBody},
            {u"spaces"_s, spacesPageBody},
            {u"assignment"_s, assignmentBody},
            {u"app"_s, nxAppBody},
            {u"items"_s, itemsPageBody},
            {u"extensions"_s, extensionsBody},
            {u"theme"_s, themeBody},
            {u"identityProviders"_s, identityProvidersBody},
            {u"cspOrigin"_s, cspOriginBody},
            {u"webIntegration"_s, webIntegrationBody},
            {u"automations"_s, automationsBody},
            {u"licenseOverview"_s, licenseOverviewBody},
            {u"licenseSettings"_s, licenseSettingsBody},
            {u"licenseAssignments"_s, licenseAssignmentsBody},
            {u"audits"_s, auditsBody}};
}

} // namespace

void TestResources::everySampleParses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    for (const auto &[kind, body] : sampleBodies())
        QTest::newRow(qPrintable(kind)) << kind << body;
}

void TestResources::everySampleParses()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    QCOMPARE(parseError(kind, body), QString());
}

void TestResources::tenantApiShape()
{
    const Parsed<Tenant> parsed = parseResource<Tenant>(tenantBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Tenant &tenant = *parsed.value;
    QCOMPARE(tenant.source, Tenant::Source::TenantApi);
    QCOMPARE(tenant.id, u"kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"_s);
    QCOMPARE(tenant.name, u"bk1672h181jm1b1"_s);
    QCOMPARE(tenant.primaryHostname(), u"bk1672h181jm1b1.us.qlikcloud.com"_s);
    QCOMPARE(tenant.status, u"active"_s);
    QCOMPARE(tenant.awsRegion, u"us-east-1"_s);
    QCOMPARE(tenant.createdAt, utc("2022-06-24T18:28:31.301Z"));
    QCOMPARE(tenant.createdByUser, u"dyk0nG9WvXZmupfFtULqgVAp1l3kbmTY"_s);
    QVERIFY(tenant.enableAnalyticCreation);
    QVERIFY(!tenant.autoAssignCreateSharedSpacesRoleToProfessionals);
    QCOMPARE(tenant.self.host(), u"bk1672h181jm1b1.us.qlikcloud.com"_s);
}

void TestResources::organizationApiShape()
{
    const auto parsed = ResourcePage<Tenant>::parse(orgTenantsBody, &Tenant::readOrganization);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const ResourcePage<Tenant> &page = *parsed.value;
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(page.total, 20000);
    QCOMPARE(page.next,
             QUrl(u"https://api.qlikcloud.com/core/tenants?limit=2&next=kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"_s));
    const Tenant &first = page.items.at(0);
    QCOMPARE(first.source, Tenant::Source::OrganizationApi);
    QCOMPARE(first.hostnames, QStringList({u"ire7t7hg58avbmx.eu.qlikcloud.com"_s, u"acme.eu.qlikcloud.com"_s}));
    QCOMPARE(first.awsRegion, u"eu-west-1"_s);
    QCOMPARE(first.countryCode, u"IE"_s);
    QCOMPARE(first.subscriptionId, u"9876543210987654"_s);
    QCOMPARE(first.licenseEndsAt, utc("2025-03-01T00:00:00.000Z"));
    QCOMPARE(first.updatedAt, utc("2024-03-02T11:30:00.000Z"));
    const Tenant &second = page.items.at(1);
    QCOMPARE(second.status, u"deactivated"_s);
    QCOMPARE(second.deletionStartsAt, utc("2024-05-01T00:00:00.000Z"));
    QVERIFY(!second.licenseStartsAt.isValid()); // absent optional fields stay empty
}

void TestResources::users()
{
    const Parsed<User> invited = parseResource<User>(userBody);
    QVERIFY2(invited.ok(), qPrintable(invited.error));
    QCOMPARE(invited.value->status, u"invited"_s);
    QVERIFY(!invited.value->isBot());
    QCOMPARE(invited.value->assignedRoles.value(0).name, u"Developer"_s);
    QCOMPARE(invited.value->lastUpdatedAt, utc("2022-06-24T18:28:31.301Z"));

    const auto parsed = ResourcePage<User>::parse(usersPageBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const ResourcePage<User> &page = *parsed.value;
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(page.total, 3);
    QVERIFY(page.next.isValid());
    const User &bot = page.items.at(0);
    QVERIFY(bot.isBot());
    QCOMPARE(bot.subject, User::botSubject(bot.clientId));
    QCOMPARE(bot.subject, u"qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s);
    QVERIFY(bot.hasRole(u"TenantAdmin"_s));
    const User &person = page.items.at(1);
    QVERIFY(!person.isBot());
    QCOMPARE(person.assignedGroups.size(), 1);
    QCOMPARE(person.assignedGroups.at(0).assignedRoles.value(0).name, u"AnalyticsAdmin"_s);
    QVERIFY(person.locale.isEmpty()); // null reads as absent
}

void TestResources::groupAndRole()
{
    const Parsed<Group> group = parseResource<Group>(groupBody);
    QVERIFY2(group.ok(), qPrintable(group.error));
    QCOMPARE(group.value->name, u"com.qlik.Everyone"_s);
    QCOMPARE(group.value->assignedRoles.value(0).level, u"user"_s);

    const Parsed<Role> role = parseResource<Role>(roleBody);
    QVERIFY2(role.ok(), qPrintable(role.error));
    QCOMPARE(role.value->name, u"TenantAdmin"_s);
    QCOMPARE(role.value->permissions, QStringList({u"users:manage"_s, u"spaces:manage"_s}));
    QCOMPARE(role.value->userEntitlementType, u"fullUser"_s);
}

void TestResources::spacesAndAssignments()
{
    const auto parsed = ResourcePage<Space>::parse(spacesPageBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.value->total, 2); // meta.count
    QVERIFY(parsed.value->next.isEmpty()); // last page
    const Space &staging = parsed.value->items.at(0);
    QVERIFY(staging.isShared());
    QCOMPARE(staging.assignableRoles.size(), 4);
    QCOMPARE(staging.createdAt, utc("2024-03-01T10:01:00.000Z"));
    const Space &production = parsed.value->items.at(1);
    QVERIFY(production.isManaged());
    QCOMPARE(production.roles, QStringList({u"consumer"_s}));
    QVERIFY(production.actions.contains(u"publish"_s));

    const Parsed<SpaceAssignment> assignment = parseResource<SpaceAssignment>(assignmentBody);
    QVERIFY2(assignment.ok(), qPrintable(assignment.error));
    QCOMPARE(assignment.value->type, u"group"_s);
    QCOMPARE(assignment.value->roles, QStringList({u"consumer"_s}));
    QCOMPARE(assignment.value->spaceId, u"62b6024fcdf339bb986fae01"_s);
}

void TestResources::appsAndItems()
{
    const Parsed<App> app = parseResource<App>(nxAppBody);
    QVERIFY2(app.ok(), qPrintable(app.error));
    QCOMPARE(app.value->id, u"116dbfae-7fb9-4983-8e23-5ccd8c508722"_s);
    QCOMPARE(app.value->owner, u"qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s);
    QCOMPARE(app.value->spaceId, u"62b6024fcdf339bb986fae01"_s);
    QCOMPARE(app.value->originAppId, u"0c4a5a2e-1c7b-4f51-9a3e-7c1d2b3a4f50"_s);
    QVERIFY(!app.value->published);
    QVERIFY(app.value->encrypted);
    QCOMPARE(app.value->custom.value(u"tier"_s).toString(), u"gold"_s);
    QVERIFY(app.value->privileges.contains(u"change_owner"_s));

    const auto items = ResourcePage<Item>::parse(itemsPageBody);
    QVERIFY2(items.ok(), qPrintable(items.error));
    QCOMPARE(items.value->items.size(), 2);
    const Item &appItem = items.value->items.at(0);
    QCOMPARE(appItem.id, u"65f0c0ffee0123456789abcd"_s);
    QCOMPARE(appItem.resourceId, u"116dbfae-7fb9-4983-8e23-5ccd8c508722"_s);
    QVERIFY(appItem.app.has_value());
    QCOMPARE(appItem.app->id, appItem.resourceId);
    QCOMPARE(appItem.app->originAppId, u"0c4a5a2e-1c7b-4f51-9a3e-7c1d2b3a4f50"_s);
    QVERIFY(appItem.app->published);
    const Item &automationItem = items.value->items.at(1);
    QVERIFY(!automationItem.app.has_value());
    QCOMPARE(automationItem.resourceAttributes.value(u"runMode"_s).toString(), u"scheduled"_s);
    QVERIFY(automationItem.isFavorited);
    QVERIFY(automationItem.spaceId.isEmpty());
}

void TestResources::extensionsAndThemes()
{
    const auto extensions = ResourcePage<Extension>::parse(extensionsBody);
    QVERIFY2(extensions.ok(), qPrintable(extensions.error));
    QVERIFY(extensions.value->next.isEmpty());
    QVERIFY(!extensions.value->total.has_value());
    const Extension &extension = extensions.value->items.at(0);
    QCOMPARE(extension.qextFilename, u"hello-ext"_s);
    QCOMPARE(extension.fileContentLength, 2048);
    QCOMPARE(extension.fileMd5, u"5d41402abc4b2a76b9719d911017c592"_s);
    QCOMPARE(extension.updatedAt, utc("2024-03-01T10:06:00.000Z")); // from the spec's `updateAt`
    QVERIFY(extension.supernova);

    const Parsed<Theme> theme = parseResource<Theme>(themeBody);
    QVERIFY2(theme.ok(), qPrintable(theme.error));
    QCOMPARE(theme.value->type, u"theme"_s);
    QCOMPARE(theme.value->qextVersion, u"2.1.0"_s);
    QCOMPARE(theme.value->updatedAt, utc("2024-03-02T09:00:00.000Z"));
}

void TestResources::identityProvidersKeepNoSecrets()
{
    const auto parsed = ResourcePage<IdentityProvider>::parse(identityProvidersBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const IdentityProvider &jwt = parsed.value->items.at(0);
    QVERIFY(jwt.isJwt());
    QCOMPARE(jwt.issuer, u"https://portal.partner.example"_s);
    QCOMPARE(jwt.staticKeyIds, QStringList({u"portal-2024"_s}));
    const IdentityProvider &oidc = parsed.value->items.at(1);
    QVERIFY(oidc.interactive);
    QCOMPARE(oidc.clientId, u"c0ffee00-0000-4000-8000-000000000001"_s);
    QCOMPARE(oidc.clockToleranceSec, 5); // default when absent
    // The IdP's client secret is in the body but in no field of the value.
    const QString everything = oidc.id + oidc.description + oidc.issuer + oidc.discoveryUrl + oidc.clientId + oidc.realm
        + oidc.entityId + oidc.tenantIds.join(u"") + oidc.staticKeyIds.join(u"");
    QVERIFY(!everything.contains(u"oidc-secret-never-kept"_s));
}

void TestResources::cspOriginAndWebIntegration()
{
    const Parsed<CspOrigin> csp = parseResource<CspOrigin>(cspOriginBody);
    QVERIFY2(csp.ok(), qPrintable(csp.error));
    QCOMPARE(csp.value->origin, u"cdn.partner.example"_s);
    QVERIFY(csp.value->imgSrc && csp.value->scriptSrc && csp.value->styleSrc);
    QVERIFY(!csp.value->frameAncestors);

    const Parsed<WebIntegration> web = parseResource<WebIntegration>(webIntegrationBody);
    QVERIFY2(web.ok(), qPrintable(web.error));
    QCOMPARE(web.value->validOrigins, QStringList({u"https://app.partner.example"_s}));
}

void TestResources::automationsKeepNoExecutionToken()
{
    const auto parsed = ResourcePage<Automation>::parse(automationsBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(parsed.value->next.isEmpty()); // "next": null
    const Automation &automation = parsed.value->items.at(0);
    QCOMPARE(automation.runMode, u"webhook"_s);
    QCOMPARE(automation.lastRunStatus, u"finished"_s);
    QCOMPARE(automation.lastRunAt, utc("2021-12-23T12:28:21.000Z")); // microsecond style
}

void TestResources::licenses()
{
    const Parsed<LicenseOverview> overview = parseResource<LicenseOverview>(licenseOverviewBody);
    QVERIFY2(overview.ok(), qPrintable(overview.error));
    QCOMPARE(overview.value->licenseNumber, u"9999000000001204"_s);
    QCOMPARE(overview.value->allotments.size(), 2);
    QCOMPARE(overview.value->allotments.at(0).unitsUsed, 242);
    QCOMPARE(overview.value->allotments.at(1).overage, 0); // absent
    QVERIFY(overview.value->licenseKey.startsWith(u"hejhbGciOi"_s));

    const Parsed<LicenseSettings> settings = parseResource<LicenseSettings>(licenseSettingsBody);
    QVERIFY2(settings.ok(), qPrintable(settings.error));
    QCOMPARE(*settings.value, (LicenseSettings{false, true}));

    const auto assignments = ResourcePage<LicenseAssignment>::parse(licenseAssignmentsBody);
    QVERIFY2(assignments.ok(), qPrintable(assignments.error));
    QCOMPARE(assignments.value->items.at(0).subject, u"qlik\\kalle"_s);
    QVERIFY(!assignments.value->items.at(1).excess);
    QCOMPARE(assignments.value->next.query(), u"limit=4&page=bmV4dDpGZ0FBQUFkZmFXUUFYOHBUcTlpM1U4UU1YWHZrQUE%3D"_s);
}

void TestResources::audits()
{
    const auto parsed = ResourcePage<AuditEvent>::parse(auditsBody);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const AuditEvent &event = parsed.value->items.at(0);
    QCOMPARE(event.eventType, u"com.qlik.v1.tenant.deactivated"_s);
    QCOMPARE(event.eventTime, utc("2024-04-01T08:00:00.123Z"));
    QCOMPARE(event.actorSubject, u"qlikbot\\7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s);
    QCOMPARE(event.data.value(u"purgeAfterDays"_s).toString(), u"2024-05-01"_s);
    QCOMPARE(parsed.value->next, QUrl(u"https://acme.eu.qlikcloud.com/api/v1/audits?next=abc"_s));
}

void TestResources::malformedBodies_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << u"spaces"_s << QByteArray("<html>502 Bad Gateway</html>")
                              << u"body: not valid JSON (illegal value at offset 1)"_s;
    QTest::newRow("empty body") << u"tenant"_s << QByteArray() << u"body: not valid JSON (illegal value at offset 0)"_s;
    QTest::newRow("cut off") << u"group"_s << QByteArray(R"({"id": "000000000000000000000001", "na)")
                             << u"body: not valid JSON (unterminated string at offset 39)"_s;
    QTest::newRow("array body") << u"users"_s << QByteArray(R"([{"id": "a"}])")
                                << u"body: expected an object, got an array"_s;
    QTest::newRow("data missing") << u"spaces"_s << QByteArray(R"({"links": {}})") << u"data: missing"_s;
    QTest::newRow("data is an object") << u"users"_s << QByteArray(R"({"data": {"id": "x"}})")
                                       << u"data: expected an array, got an object"_s;
    QTest::newRow("element is a string") << u"spaces"_s
                                         << QByteArray(R"({"data": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                                                        "c"]})")
                                         << u"data[2]: expected an object, got a string"_s;
    QTest::newRow("space id is a number")
        << u"spaces"_s << QByteArray(R"({"data": [{"id": "a", "name": "A"}, {"id": 7, "name": "B"}]})")
        << u"data[1].id: expected a string, got a number"_s;
    QTest::newRow("item app spaceId is a number")
        << u"items"_s << QByteArray(R"({"data": [
             {"id": "i0", "resourceType": "app", "resourceAttributes": {"id": "a0", "spaceId": "s"}},
             {"id": "i1", "resourceType": "app", "resourceAttributes": {"id": "a1"}},
             {"id": "i2", "resourceType": "app", "resourceAttributes": {"id": "a2"}},
             {"id": "i3", "resourceType": "app", "resourceAttributes": {"id": "a3", "spaceId": 62}}]})")
        << u"data[3].resourceAttributes.spaceId: expected a string, got a number"_s;
    QTest::newRow("app attributes.spaceId is a number")
        << u"app"_s << QByteArray(R"({"attributes": {"id": "a", "spaceId": 62}})")
        << u"attributes.spaceId: expected a string, got a number"_s;
    QTest::newRow("app without attributes")
        << u"app"_s << QByteArray(R"({"privileges": []})") << u"attributes: missing"_s;
    QTest::newRow("app without id") << u"app"_s << QByteArray(R"({"attributes": {"name": "x"}})")
                                    << u"attributes.id: missing"_s;
    QTest::newRow("user without subject")
        << u"users"_s << QByteArray(R"({"data": [{"id": "u1", "name": "x"}]})") << u"data[0].subject: missing"_s;
    QTest::newRow("required id is null") << u"group"_s << QByteArray(R"({"id": null, "name": "x"})")
                                         << u"id: expected a string, got null"_s;
    QTest::newRow("required id is empty")
        << u"role"_s << QByteArray(R"({"id": "", "name": "x"})") << u"id: must not be empty"_s;
    QTest::newRow("hostname is a number") << u"tenant"_s << QByteArray(R"({"id": "t", "name": "n", "hostnames": [42]})")
                                          << u"hostnames[0]: expected a string, got a number"_s;
    QTest::newRow("boolean is a string") << u"licenseSettings"_s << QByteArray(R"({"autoAssignAnalyzer": "true"})")
                                         << u"autoAssignAnalyzer: expected a boolean, got a string"_s;
    QTest::newRow("integer with a fraction")
        << u"licenseOverview"_s
        << QByteArray(R"({"licenseNumber": "1", "allotments": [{"name": "professional", "units": 1.5}]})")
        << u"allotments[0].units: expected an integer, got 1.5"_s;
    QTest::newRow("count is a string") << u"spaces"_s << QByteArray(R"({"data": [], "meta": {"count": "2"}})")
                                       << u"meta.count: expected an integer, got a string"_s;
    QTest::newRow("date is not a date") << u"group"_s
                                        << QByteArray(R"({"id": "g", "name": "G", "createdAt": "yesterday"})")
                                        << u"createdAt: expected an ISO-8601 date and time, got 'yesterday'"_s;
    QTest::newRow("next href is a number")
        << u"users"_s << QByteArray(R"({"data": [], "links": {"next": {"href": 3}}})")
        << u"links.next.href: expected a string, got a number"_s;
    QTest::newRow("links is an array") << u"audits"_s << QByteArray(R"({"data": [], "links": []})")
                                       << u"links: expected an object, got an array"_s;
    QTest::newRow("unknown assignment type")
        << u"assignment"_s << QByteArray(R"({"id": "a", "type": "robot", "assigneeId": "u"})")
        << u"type: 'robot' is not one of user, group"_s;
    QTest::newRow("nested role name is a number")
        << u"users"_s << QByteArray(R"({"data": [{"id": "u", "subject": "s", "assignedGroups": [{"id": "g",
                         "assignedRoles": [{"name": true}]}]}]})")
        << u"data[0].assignedGroups[0].assignedRoles[0].name: expected a string, got a boolean"_s;
    QTest::newRow("org tenant regionCode is an object")
        << u"orgTenants"_s << QByteArray(R"({"data": [{"id": "t", "name": "n", "regionCode": {"id": "eu"}}]})")
        << u"data[0].regionCode: expected a string, got an object"_s;
    QTest::newRow("event data is a string")
        << u"audits"_s << QByteArray(R"({"data": [{"id": "e", "eventType": "t", "data": "x"}]})")
        << u"data[0].data: expected an object, got a string"_s;
    QTest::newRow("too deep") << u"spaces"_s << QByteArray(100000, '[')
                              << u"body: not valid JSON (too deeply nested document at offset 1025)"_s;
}

void TestResources::malformedBodies()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QCOMPARE(parseError(kind, body), error);
}

void TestResources::theSpecsOwnLicenseAssignmentExampleIsMalformed()
{
    // openapi.json's assignmentsResponse example has `"type": false`; strict parsing says so.
    const QByteArray specExample
        = R"({"data": [{"type": "analyzer", "excess": false, "created": "2020-12-03T09:24:48.114Z",
        "subject": "qlik\\kalle"}, {"type": false, "created": "2020-12-03T09:24:48.114Z", "subject": "qlik\\nalle"}],
        "links": {}})";
    QCOMPARE(parseError(u"licenseAssignments"_s, specExample), u"data[1].type: expected a string, got a boolean"_s);
}

void TestResources::truncatedBodiesNeverCrash()
{
    // Every strict prefix of a JSON object is invalid JSON: each must be reported, none may crash.
    qsizetype prefixes = 0;
    qsizetype reported = 0;
    for (const auto &[kind, body] : sampleBodies()) {
        for (qsizetype length = 0; length < body.size(); ++length) {
            ++prefixes;
            if (parseError(kind, body.left(length)).startsWith(u"body: not valid JSON"_s))
                ++reported;
        }
    }
    QCOMPARE(reported, prefixes);
    QVERIFY(prefixes > 10000);
}

void TestResources::itemsSplitOffByThePager()
{
    // Cloud::Pager hands over each page's `data` array; the items are read with the same paths.
    const QJsonArray items = QJsonDocument::fromJson(spacesPageBody).object().value(u"data"_s).toArray();
    const Parsed<QList<Space>> parsed = ResourcePage<Space>::readItems(items, &Space::read);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.value->size(), 2);
    QCOMPARE(parsed.value->at(1).name, u"Production"_s);

    QJsonArray broken = items;
    QJsonObject second = broken.at(1).toObject();
    second.insert(u"meta"_s, QJsonObject{{u"roles"_s, u"consumer"_s}});
    broken.replace(1, second);
    QCOMPARE(ResourcePage<Space>::readItems(broken, &Space::read).error,
             u"data[1].meta.roles: expected an array, got a string"_s);
    QCOMPARE(ResourcePage<Space>::readItems(QJsonArray{1}, &Space::read).error,
             u"data[0]: expected an object, got a number"_s);
}

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
