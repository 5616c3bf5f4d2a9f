#include "sandbox/statedump.h"

#include "sandbox/entities.h"
#include "sandbox/rolecatalog.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

QString iso(const QDateTime &time)
{
    return SandboxClock::iso(time);
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList roleNames(const Tenant &tenant, const QStringList &roleIds)
{
    QStringList names;
    for (const QString &id : roleIds) {
        if (const auto role = RoleCatalog::byId(tenant, id))
            names.append(role->name);
    }
    return names;
}

template<typename T, typename Fn>
QJsonArray each(const Collection<T> &collection, Fn toJson)
{
    QJsonArray array;
    for (const T &entity : collection)
        array.append(toJson(entity));
    return array;
}

QJsonObject package(const VisualPackage &package)
{
    return {{u"id"_s, package.id},
            {u"name"_s, package.name},
            {u"type"_s, package.type},
            {u"qextFilename"_s, package.qextFilename},
            {u"version"_s, package.version},
            {u"userId"_s, package.userId},
            {u"deleted"_s, package.deleted},
            {u"fileSha256"_s, sha256(package.file)},
            {u"fileSize"_s, package.file.size()}};
}

QJsonObject tenantContent(const Tenant &tenant)
{
    QJsonObject out;
    out.insert(u"users"_s, each(tenant.users, [&tenant](const User &user) {
                   QJsonObject json{{u"id"_s, user.id},
                                    {u"subject"_s, user.subject},
                                    {u"name"_s, user.name},
                                    {u"email"_s, user.email},
                                    {u"status"_s, user.status},
                                    {u"roles"_s, strings(roleNames(tenant, user.roleIds))},
                                    {u"groupIds"_s, strings(user.groupIds)}};
                   json.insert(u"clientId"_s, user.clientId.isEmpty() ? QJsonValue() : QJsonValue(user.clientId));
                   return json;
               }));
    out.insert(u"groups"_s, each(tenant.groups, [&tenant](const Group &group) {
                   return QJsonObject{{u"id"_s, group.id},
                                      {u"name"_s, group.name},
                                      {u"status"_s, group.status},
                                      {u"roles"_s, strings(roleNames(tenant, group.roleIds))}};
               }));
    out.insert(u"groupSettings"_s,
               QJsonObject{{u"autoCreateGroups"_s, tenant.groupSettings.autoCreateGroups},
                           {u"syncIdpGroups"_s, tenant.groupSettings.syncIdpGroups},
                           {u"everyoneRoles"_s, strings(roleNames(tenant, tenant.groupSettings.everyoneRoleIds))}});
    out.insert(u"customRoles"_s, each(tenant.customRoles, [](const CustomRole &role) {
                   return QJsonObject{
                       {u"id"_s, role.id}, {u"name"_s, role.name}, {u"assignedScopes"_s, strings(role.assignedScopes)}};
               }));
    out.insert(u"licenseSettings"_s,
               QJsonObject{{u"autoAssignProfessional"_s, tenant.licenseSettings.autoAssignProfessional},
                           {u"autoAssignAnalyzer"_s, tenant.licenseSettings.autoAssignAnalyzer}});
    out.insert(u"spaces"_s, each(tenant.spaces, [](const Space &space) {
                   QJsonArray assignments;
                   for (const SpaceAssignment &assignment : space.assignments) {
                       assignments.append(QJsonObject{{u"id"_s, assignment.id},
                                                      {u"type"_s, assignment.type},
                                                      {u"assigneeId"_s, assignment.assigneeId},
                                                      {u"roles"_s, strings(assignment.roles)}});
                   }
                   return QJsonObject{{u"id"_s, space.id},
                                      {u"name"_s, space.name},
                                      {u"type"_s, space.type},
                                      {u"ownerId"_s, space.ownerId},
                                      {u"description"_s, space.description},
                                      {u"assignments"_s, assignments}};
               }));
    out.insert(u"apps"_s, each(tenant.apps, [](const App &app) {
                   return QJsonObject{{u"id"_s, app.id},
                                      {u"itemId"_s, app.itemId},
                                      {u"name"_s, app.name},
                                      {u"spaceId"_s, app.spaceId},
                                      {u"ownerId"_s, app.ownerId},
                                      {u"originAppId"_s, app.originAppId},
                                      {u"published"_s, app.published},
                                      {u"contentSha256"_s, sha256(app.content)},
                                      {u"contentSize"_s, app.content.size()}};
               }));
    out.insert(u"tempContents"_s, each(tenant.tempContents, [](const TempContent &content) {
                   return QJsonObject{{u"id"_s, content.id},
                                      {u"name"_s, content.name},
                                      {u"size"_s, content.data.size()},
                                      {u"creatorId"_s, content.creatorId},
                                      {u"expires"_s, iso(content.createdAt.addSecs(content.ttlSeconds))}};
               }));
    out.insert(u"reloads"_s, each(tenant.reloads, [](const Reload &reload) {
                   QJsonObject json{{u"id"_s, reload.id},
                                    {u"appId"_s, reload.appId},
                                    {u"userId"_s, reload.userId},
                                    {u"status"_s, reload.status}};
                   if (reload.status == "FAILED"_L1)
                       json.insert(u"errorCode"_s, reload.errorCode);
                   return json;
               }));
    out.insert(u"automations"_s, each(tenant.automations, [](const Automation &automation) {
                   return QJsonObject{{u"id"_s, automation.id},           {u"name"_s, automation.name},
                                      {u"ownerId"_s, automation.ownerId}, {u"spaceId"_s, automation.spaceId},
                                      {u"state"_s, automation.state},     {u"runMode"_s, automation.runMode}};
               }));
    out.insert(u"automationConnections"_s, each(tenant.automationConnections, [](const AutomationConnection &c) {
                   return QJsonObject{
                       {u"id"_s, c.id}, {u"name"_s, c.name}, {u"ownerId"_s, c.ownerId}, {u"spaceId"_s, c.spaceId}};
               }));
    out.insert(u"dataConnections"_s, each(tenant.dataConnections, [](const DataConnection &c) {
                   return QJsonObject{{u"id"_s, c.id},
                                      {u"name"_s, c.name},
                                      {u"type"_s, c.type},
                                      {u"ownerId"_s, c.ownerId},
                                      {u"spaceId"_s, c.spaceId}};
               }));
    out.insert(u"dataFiles"_s, each(tenant.dataFiles, [](const DataFile &file) {
                   return QJsonObject{{u"id"_s, file.id},           {u"name"_s, file.name},
                                      {u"ownerId"_s, file.ownerId}, {u"spaceId"_s, file.spaceId},
                                      {u"folder"_s, file.folder},   {u"size"_s, file.content.size()}};
               }));
    out.insert(u"extensions"_s, each(tenant.extensions, [](const Extension &e) { return package(e); }));
    out.insert(u"themes"_s, each(tenant.themes, [](const Theme &t) { return package(t); }));
    out.insert(u"brands"_s, each(tenant.brands, [](const Brand &brand) {
                   QJsonArray files;
                   for (const BrandFile &file : brand.files)
                       files.append(QJsonObject{{u"id"_s, file.id}, {u"size"_s, file.data.size()}});
                   return QJsonObject{
                       {u"id"_s, brand.id}, {u"name"_s, brand.name}, {u"active"_s, brand.active}, {u"files"_s, files}};
               }));
    out.insert(u"identityProviders"_s, each(tenant.identityProviders, [](const IdentityProvider &idp) {
                   QJsonArray kids;
                   for (const JwtStaticKey &key : idp.staticKeys)
                       kids.append(key.kid);
                   QJsonObject dump{{u"id"_s, idp.id},
                                    {u"description"_s, idp.description},
                                    {u"protocol"_s, idp.protocol},
                                    {u"provider"_s, idp.provider},
                                    {u"interactive"_s, idp.interactive},
                                    {u"active"_s, idp.active},
                                    {u"issuer"_s, idp.issuer},
                                    {u"keyIds"_s, kids}};
                   if (idp.protocol == "OIDC"_L1) {
                       for (const QString &option : {u"clientId"_s, u"discoveryUrl"_s, u"realm"_s})
                           dump.insert(option, idp.options.value(option));
                       // Tests check the secret that arrived without the dump ever holding it.
                       const QByteArray secret = idp.options.value(u"clientSecret"_s).toString().toUtf8();
                       dump.insert(u"clientSecretSha256"_s,
                                   secret.isEmpty()
                                       ? QJsonValue()
                                       : QJsonValue(QString::fromLatin1(
                                           QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex())));
                   }
                   return dump;
               }));
    out.insert(u"cspOrigins"_s, each(tenant.cspOrigins, [](const CspOrigin &origin) {
                   return QJsonObject{{u"id"_s, origin.id},
                                      {u"name"_s, origin.name},
                                      {u"origin"_s, origin.origin},
                                      {u"directives"_s, strings(origin.directives)}};
               }));
    out.insert(u"webIntegrations"_s, each(tenant.webIntegrations, [](const WebIntegration &integration) {
                   return QJsonObject{{u"id"_s, integration.id},
                                      {u"name"_s, integration.name},
                                      {u"createdBy"_s, integration.createdBy},
                                      {u"validOrigins"_s, strings(integration.validOrigins)}};
               }));
    out.insert(u"encryptionKeyProviders"_s, each(tenant.encryptionKeyProviders, [](const EncryptionKeyProvider &p) {
                   return QJsonObject{
                       {u"arnFingerPrint"_s, p.id},       {u"arn"_s, p.arn},         {u"name"_s, p.name},
                       {u"keyProvider"_s, p.keyProvider}, {u"current"_s, p.current}, {u"tested"_s, p.tested},
                       {u"drCompliant"_s, p.drCompliant}};
               }));
    if (tenant.keyMigration.exists()) {
        out.insert(u"keyMigration"_s,
                   QJsonObject{{u"id"_s, tenant.keyMigration.id},
                               {u"migratingFrom"_s, tenant.keyMigration.fromArn},
                               {u"migratingTo"_s, tenant.keyMigration.toArn},
                               {u"initiatedAt"_s, iso(tenant.keyMigration.initiatedAt)},
                               {u"completesAt"_s, iso(tenant.keyMigration.completesAt)}});
    }
    return out;
}

QJsonObject tenantJson(const Tenant &tenant, bool withContent)
{
    QJsonObject json{{u"id"_s, tenant.id},
                     {u"name"_s, tenant.name},
                     {u"hostnames"_s, strings(tenant.hostnames)},
                     {u"region"_s, tenant.region},
                     {u"datacenter"_s, tenant.datacenter},
                     {u"status"_s, statusName(tenant.status)},
                     {u"subscriptionId"_s, tenant.subscriptionId},
                     {u"createdAt"_s, iso(tenant.createdAt)},
                     {u"auditCount"_s, static_cast<qint64>(tenant.auditEvents.size())},
                     {u"userCount"_s, tenant.users.size()},
                     {u"spaceCount"_s, tenant.spaces.size()},
                     {u"appCount"_s, tenant.apps.size()}};
    if (tenant.estimatedPurgeDate.isValid())
        json.insert(u"estimatedPurgeDate"_s, iso(tenant.estimatedPurgeDate));
    if (withContent) {
        const QJsonObject content = tenantContent(tenant);
        for (auto it = content.constBegin(); it != content.constEnd(); ++it)
            json.insert(it.key(), it.value());
    }
    return json;
}

} // namespace

QJsonObject StateDump::dump(const SandboxState &state, const Options &options)
{
    QJsonArray clients;
    for (const OAuthClient &client : state.clients()) {
        QJsonObject json{{u"clientId"_s, client.id},
                         {u"kind"_s, kindName(client.kind)},
                         {u"name"_s, client.name},
                         {u"deleted"_s, client.deleted}};
        json.insert(u"region"_s, client.region.isEmpty() ? QJsonValue() : QJsonValue(client.region));
        if (!client.subscriptionId.isEmpty())
            json.insert(u"subscriptionId"_s, client.subscriptionId);
        if (!client.tenantId.isEmpty())
            json.insert(u"tenantId"_s, client.tenantId);
        clients.append(json);
    }

    QJsonArray subscriptions;
    for (const auto &subscription : state.subscriptions()) {
        QJsonArray allotments;
        for (const Allotment &allotment : subscription->allotments) {
            allotments.append(QJsonObject{{u"name"_s, allotment.name},
                                          {u"units"_s, allotment.units},
                                          {u"unitsUsed"_s, subscription->unitsUsed(allotment.name)}});
        }
        QJsonArray assignments;
        for (const LicenseAssignment &assignment : subscription->assignments)
            assignments.append(QJsonObject{{u"subject"_s, assignment.subject}, {u"type"_s, assignment.type}});
        qint64 tenantCount = 0;
        for (const Tenant &tenant : state.tenants())
            tenantCount += tenant.subscriptionId == subscription->id && tenant.status != TenantStatus::Deleted;
        subscriptions.append(QJsonObject{{u"id"_s, subscription->id},
                                         {u"product"_s, subscription->product},
                                         {u"tenantQuota"_s, subscription->tenantQuota},
                                         {u"tenantCount"_s, tenantCount},
                                         {u"allotments"_s, allotments},
                                         {u"assignments"_s, assignments}});
    }

    QJsonArray tenants;
    for (const Tenant &tenant : state.tenants()) {
        if (!options.tenant.isEmpty() && tenant.id != options.tenant && tenant.name != options.tenant
            && !tenant.hostnames.contains(options.tenant.toLower()))
            continue;
        tenants.append(tenantJson(tenant, options.withContent));
    }

    QJsonObject requests;
    const QHash<QString, qint64> &counts = state.requestCounts();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        requests.insert(it.key(), it.value());

    return {{u"seed"_s, state.seedName()}, {u"regions"_s, strings(state.regions())},
            {u"clients"_s, clients},       {u"subscriptions"_s, subscriptions},
            {u"tenants"_s, tenants},       {u"requests"_s, requests}};
}

} // namespace Sandbox
