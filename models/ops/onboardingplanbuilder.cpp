#include "ops/onboardingplanbuilder.h"

#include "ops/plan.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// Steps the builder always names this way; a group never takes one of these ids.
const QStringList fixedStepIds{u"tenant"_s,         u"admin"_s,          u"jwt"_s,         u"licenses"_s,
                               u"staging"_s,        u"production"_s,     u"portal"_s,      u"portal-csp"_s,
                               u"target"_s,         u"vars"_s,           u"embed-check"_s, u"branding"_s,
                               u"encryption-key"_s, u"group-settings"_s, u"login"_s};
// Prefixes of numbered steps ("app-1", "extension-2"...); a group never takes one.
const QStringList numberedStepPrefixes{u"app-"_s,        u"extension-"_s,         u"theme-"_s,
                                       u"automation-"_s, u"extensions-tagged-"_s, u"themes-tagged-"_s};

QJsonObject step(const QString &id, const QString &type, const QString &label, const QJsonObject &params)
{
    return {{u"id"_s, id}, {u"type"_s, type}, {u"label"_s, label}, {u"params"_s, params}};
}

} // namespace

QString OnboardingPlanBuilder::idFrom(const QString &text)
{
    static const QRegularExpression references(u"\\$\\{[^}]*\\}"_s);
    static const QRegularExpression others(u"[^a-z0-9]+"_s);
    QString id = text;
    id.remove(references);
    id = id.toLower().replace(others, u"-"_s);
    while (!id.isEmpty() && !id.front().isLetter())
        id.remove(0, 1);
    while (id.endsWith(u'-'))
        id.chop(1);
    return id.left(48);
}

QString OnboardingPlanBuilder::targetId() const
{
    return idFrom(customer.name);
}

QStringList OnboardingPlanBuilder::groupStepIds() const
{
    QSet<QString> taken(fixedStepIds.begin(), fixedStepIds.end());
    QStringList ids;
    for (qsizetype i = 0; i < onboardingTemplate.groups.size(); ++i) {
        QString base = idFrom(onboardingTemplate.groups.at(i).name);
        const auto numbered = [&base](const QString &prefix) { return base.startsWith(prefix); };
        if (base.isEmpty() || std::any_of(numberedStepPrefixes.begin(), numberedStepPrefixes.end(), numbered))
            base = u"group-%1"_s.arg(i + 1);
        QString id = base;
        for (int n = 2; taken.contains(id); ++n)
            id = u"%1-%2"_s.arg(base).arg(n);
        taken.insert(id);
        ids.append(id);
    }
    return ids;
}

QStringList OnboardingPlanBuilder::problems() const
{
    QStringList problems;
    if (customer.name.trimmed().isEmpty())
        problems.append(u"customer: the name is missing"_s);
    else if (targetId().isEmpty())
        problems.append(u"customer: \"%1\" needs at least one letter"_s.arg(customer.name));
    if (const QString problem = OnboardingTemplate::aliasProblem(customer.alias, onboardingTemplate.region);
        !problem.isEmpty())
        problems.append(u"alias: "_s + problem);
    problems.append(onboardingTemplate.problems());
    return problems;
}

QJsonObject OnboardingPlanBuilder::toJson() const
{
    const OnboardingTemplate &t = onboardingTemplate;
    const QStringList groupIds = groupStepIds();
    const auto groupStepOf = [&](const QString &groupName) {
        for (qsizetype i = 0; i < t.groups.size(); ++i) {
            if (t.groups.at(i).name.trimmed().compare(groupName.trimmed(), Qt::CaseInsensitive) == 0)
                return groupIds.at(i);
        }
        return QString();
    };
    const auto spaceParams = [&](const OnboardingTemplate::Space &space, const QString &type) {
        QJsonObject params{{u"name"_s, space.name}, {u"type"_s, type}};
        if (!space.description.isEmpty())
            params.insert(u"description"_s, space.description);
        QJsonArray assignments;
        for (const OnboardingTemplate::SpaceAssignment &assignment : space.assignments) {
            assignments.append(QJsonObject{{u"type"_s, u"group"_s},
                                           {u"assignee"_s, u"${%1.groupId}"_s.arg(groupStepOf(assignment.group))},
                                           {u"roles"_s, QJsonArray::fromStringList(assignment.roles)}});
        }
        if (!assignments.isEmpty())
            params.insert(u"assignments"_s, assignments);
        return params;
    };

    QJsonArray steps;
    steps.append(step(u"tenant"_s, u"tenant"_s, u"Create the tenant"_s,
                      {{u"alias"_s, customer.alias}, {u"licenseSource"_s, t.source}}));
    if (!t.recoveryAdminEmail.isEmpty()) {
        steps.append(step(u"admin"_s, u"recovery-admin"_s, u"Recovery administrator"_s,
                          {{u"source"_s, t.source}, {u"email"_s, t.recoveryAdminEmail}}));
    }
    // After the recovery admin: an interactive IdP replaces Qlik Account sign-in (FACTS §4.2).
    if (t.interactiveLogin) {
        const OnboardingTemplate::InteractiveLogin &login = *t.interactiveLogin;
        QJsonObject params{{u"provider"_s, login.provider},
                           {u"discoveryUrl"_s, login.discoveryUrl},
                           {u"clientId"_s, login.clientId},
                           {u"clientSecretEntry"_s, targetId()}}; // the secret itself stays in the keychain
        if (!login.realm.isEmpty())
            params.insert(u"realm"_s, login.realm);
        if (login.emailVerifiedAlwaysTrue)
            params.insert(u"emailVerifiedAlwaysTrue"_s, true);
        steps.append(step(u"login"_s, u"oidc-idp"_s, u"Interactive sign-in through %1"_s.arg(login.provider), params));
    }
    if (t.identity != OnboardingTemplate::Identity::None) {
        QJsonObject params{{u"issuer"_s, t.issuer}, {u"kid"_s, QString(targetId() + u"-1"_s)}};
        if (t.identity == OnboardingTemplate::Identity::JwtImport)
            params.insert(u"publicKey"_s, t.publicKeyPem.trimmed()); // public: no secret in the plan
        else
            params.insert(u"keyEntry"_s, targetId()); // the key pair is made once and kept in the keychain
        steps.append(step(u"jwt"_s, u"jwt-idp"_s, u"JWT identity provider"_s, params));
    }
    for (qsizetype i = 0; i < t.groups.size(); ++i) {
        const OnboardingTemplate::Group &group = t.groups.at(i);
        steps.append(step(groupIds.at(i), u"group"_s, u"Group %1"_s.arg(group.name),
                          {{u"name"_s, group.name}, {u"roles"_s, QJsonArray::fromStringList(group.roles)}}));
    }
    QJsonObject groupSettings;
    if (t.autoCreateGroups)
        groupSettings.insert(u"autoCreateGroups"_s, *t.autoCreateGroups);
    if (t.syncIdpGroups)
        groupSettings.insert(u"syncIdpGroups"_s, *t.syncIdpGroups);
    if (!groupSettings.isEmpty())
        steps.append(step(u"group-settings"_s, u"group-settings"_s, u"Group settings"_s, groupSettings));
    QJsonObject licenses{{u"autoAssignProfessional"_s, t.licenses.autoAssignProfessional},
                         {u"autoAssignAnalyzer"_s, t.licenses.autoAssignAnalyzer}};
    if (!t.licenses.adminSeat.isEmpty() && !t.recoveryAdminEmail.isEmpty()) {
        licenses.insert(
            u"assignments"_s,
            QJsonArray{QJsonObject{{u"subject"_s, u"${admin.subject}"_s}, {u"type"_s, t.licenses.adminSeat}}});
    }
    QJsonObject keepFree;
    if (t.licenses.keepFreeProfessional > 0)
        keepFree.insert(u"professional"_s, t.licenses.keepFreeProfessional);
    if (t.licenses.keepFreeAnalyzer > 0)
        keepFree.insert(u"analyzer"_s, t.licenses.keepFreeAnalyzer);
    if (!keepFree.isEmpty())
        licenses.insert(u"keepFree"_s, keepFree);
    steps.append(step(u"licenses"_s, u"licenses"_s, u"License settings and seats"_s, licenses));
    steps.append(step(u"staging"_s, u"space"_s, u"Shared staging space"_s, spaceParams(t.staging, u"shared"_s)));
    steps.append(
        step(u"production"_s, u"space"_s, u"Managed production space"_s, spaceParams(t.production, u"managed"_s)));
    for (qsizetype i = 0; i < t.webOrigins.size(); ++i) {
        steps.append(step(i == 0 ? u"portal-csp"_s : u"portal-csp-%1"_s.arg(i + 1), u"csp-origin"_s,
                          u"Let %1 frame the tenant"_s.arg(t.webOrigins.at(i)),
                          {{u"origin"_s, t.webOrigins.at(i)}, {u"directives"_s, QJsonArray{u"frameAncestors"_s}}}));
    }
    if (!t.webOrigins.isEmpty()) {
        steps.append(
            step(u"portal"_s, u"web-integration"_s, u"Web integration for the customer's portal"_s,
                 {{u"name"_s, t.webIntegrationName}, {u"validOrigins"_s, QJsonArray::fromStringList(t.webOrigins)}}));
    }
    const auto copies
        = [&](const QStringList &names, const QString &type, const QString &label, QJsonObject params = {}) {
              for (qsizetype i = 0; i < names.size(); ++i) {
                  params.insert(u"source"_s, t.source);
                  params.insert(u"name"_s, names.at(i));
                  steps.append(step(u"%1-%2"_s.arg(type).arg(i + 1), type, label.arg(names.at(i)), params));
              }
          };
    copies(t.extensions, u"extension"_s, u"Extension %1"_s);
    copies(t.themes, u"theme"_s, u"Theme %1"_s);
    // By tag: every package the source tags so, including ones tagged after the template was made.
    const auto tagged
        = [&](const QStringList &tags, const QString &type, const QString &idPrefix, const QString &label) {
              for (qsizetype i = 0; i < tags.size(); ++i) {
                  steps.append(step(u"%1-%2"_s.arg(idPrefix).arg(i + 1), type, label.arg(tags.at(i)),
                                    {{u"source"_s, t.source}, {u"tag"_s, tags.at(i)}}));
              }
          };
    tagged(t.extensionTags, u"extensions-by-tag"_s, u"extensions-tagged"_s, u"Extensions tagged %1"_s);
    tagged(t.themeTags, u"themes-by-tag"_s, u"themes-tagged"_s, u"Themes tagged %1"_s);
    if (t.brand) {
        steps.append(step(u"branding"_s, u"brand"_s, u"Brand %1"_s.arg(t.brand->name),
                          {{u"name"_s, t.brand->name}, {u"logo"_s, t.brand->logo}, {u"favIcon"_s, t.brand->favIcon}}));
    }
    if (t.keyProvider) {
        steps.append(step(u"encryption-key"_s, u"key-provider"_s, u"Customer-managed key %1"_s.arg(t.keyProvider->name),
                          {{u"arn"_s, t.keyProvider->arn}, {u"name"_s, t.keyProvider->name}}));
    }
    QJsonArray publishedApps;
    for (qsizetype i = 0; i < t.apps.size(); ++i) {
        const OnboardingTemplate::App &app = t.apps.at(i);
        const QString stepId = u"app-%1"_s.arg(i + 1);
        steps.append(step(stepId, u"publish-app"_s, u"Publish %1"_s.arg(app.name.isEmpty() ? app.id : app.name),
                          {{u"source"_s, t.source},
                           {u"app"_s, app.id.isEmpty() ? app.name : app.id}, // the step takes either
                           {u"stagingSpace"_s, t.staging.name},
                           {u"managedSpace"_s, t.production.name}}));
        publishedApps.append(u"${%1.publishedAppId}"_s.arg(stepId));
    }
    // Deployed to run, also when the source keeps its template disabled.
    copies(t.automations, u"automation"_s, u"Automation %1"_s, {{u"state"_s, u"available"_s}});
    // Only a key Tenantry generated can sign the test user's token.
    if (t.embedCheck && t.identity == OnboardingTemplate::Identity::JwtGenerate && !publishedApps.isEmpty()) {
        QJsonArray consumerGroups;
        for (const OnboardingTemplate::SpaceAssignment &assignment : t.production.assignments) {
            if (assignment.roles.contains(u"consumer"_s))
                consumerGroups.append(assignment.group);
        }
        steps.append(step(u"embed-check"_s, u"embed-check"_s, u"A consumer sees the published apps"_s,
                          {{u"issuer"_s, u"${jwt.issuer}"_s},
                           {u"kid"_s, u"${jwt.kid}"_s},
                           {u"keyEntry"_s, targetId()},
                           {u"groups"_s, consumerGroups},
                           {u"spaceId"_s, u"${production.spaceId}"_s},
                           {u"apps"_s, publishedApps}}));
    }

    QJsonObject vars = customer.vars;
    vars.insert(u"customer"_s, customer.name);
    QJsonObject target{{u"id"_s, targetId()},   {u"label"_s, customer.name}, {u"hostname"_s, u"${tenant.hostname}"_s},
                       {u"region"_s, t.region}, {u"vars"_s, vars},           {u"steps"_s, steps}};
    if (!profile.isEmpty())
        target.insert(u"profile"_s, profile);
    const QString description
        = u"Onboards %1 in region %2 as %3 from the template%4: the tenant with the license of %5, its groups, "
          u"spaces, web origins and apps."_s.arg(customer.name, t.region, customer.alias,
                                                 t.name.isEmpty() ? QString() : u" \""_s + t.name + u'"', t.source);
    return {{u"format"_s, u"tenantry-plan"_s},
            {u"version"_s, Plan::FormatVersion},
            {u"name"_s, u"Onboard %1"_s.arg(customer.name)},
            {u"description"_s, description},
            {u"options"_s, QJsonObject{{u"concurrency"_s, 4}, {u"preflight"_s, u"target"_s}, {u"maxAttempts"_s, 4}}},
            {u"targets"_s, QJsonArray{target}}};
}

} // namespace Ops
