#include "ops/onboardingtemplate.h"

#include "cloud/region.h"
#include "ops/brandasset.h"
#include "ops/keyproviderstep.h"
#include "ops/spacestep.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject spaceToJson(const OnboardingTemplate::Space &space)
{
    QJsonArray assignments;
    for (const OnboardingTemplate::SpaceAssignment &assignment : space.assignments)
        assignments.append(QJsonObject{{u"group"_s, assignment.group}, {u"roles"_s, toArray(assignment.roles)}});
    QJsonObject json{{u"name"_s, space.name}, {u"assignments"_s, assignments}};
    if (!space.description.isEmpty())
        json.insert(u"description"_s, space.description);
    return json;
}

// Reads the JSON form field by field; every mistake is noted with its path and reading goes on,
// so one pass names them all.
class TemplateJsonReader
{
public:
    QStringList errors;

    QString string(const QJsonObject &object, const QString &key, const QString &path, bool required = false)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                errors.append(u"%1: missing"_s.arg(join(path, key)));
            return {};
        }
        if (!value.isString()) {
            errors.append(u"%1: must be a string"_s.arg(join(path, key)));
            return {};
        }
        return value.toString();
    }

    QStringList strings(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isArray()) {
            errors.append(u"%1: must be an array of strings"_s.arg(join(path, key)));
            return {};
        }
        QStringList list;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                errors.append(u"%1[%2]: must be a string"_s.arg(join(path, key)).arg(i));
            else
                list.append(array.at(i).toString());
        }
        return list;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool())
            errors.append(u"%1: must be true or false"_s.arg(join(path, key)));
        return value.toBool();
    }

    int count(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return 0;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 1e6 || number != double(int(number))) {
            errors.append(u"%1: must be a whole number of seats, 0 or more"_s.arg(join(path, key)));
            return 0;
        }
        return int(number);
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &path)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            errors.append(u"%1: must be an object"_s.arg(join(path, key)));
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &key, const QString &path)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isArray())
            errors.append(u"%1: must be an array"_s.arg(join(path, key)));
        return value.toArray();
    }

    OnboardingTemplate::Space space(const QJsonObject &json, const QString &path)
    {
        OnboardingTemplate::Space space;
        space.name = string(json, u"name"_s, path, true);
        space.description = string(json, u"description"_s, path);
        const QJsonArray assignments = array(json, u"assignments"_s, path);
        for (qsizetype i = 0; i < assignments.size(); ++i) {
            const QString at = u"%1.assignments[%2]"_s.arg(path).arg(i);
            if (!assignments.at(i).isObject()) {
                errors.append(at + u": must be an object"_s);
                continue;
            }
            const QJsonObject item = assignments.at(i).toObject();
            space.assignments.append({string(item, u"group"_s, at, true), strings(item, u"roles"_s, at)});
        }
        return space;
    }

    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; }
};

QString pemError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return what;
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return what + u" ("_s + QString::fromLatin1(text) + u')';
}

} // namespace

QString OnboardingTemplate::identityName(Identity identity)
{
    switch (identity) {
    case Identity::None:
        return u"none"_s;
    case Identity::JwtGenerate:
        return u"jwt-generate"_s;
    case Identity::JwtImport:
        return u"jwt-import"_s;
    }
    return {};
}

std::optional<OnboardingTemplate::Identity> OnboardingTemplate::identityFromName(const QString &name)
{
    for (const Identity identity : {Identity::None, Identity::JwtGenerate, Identity::JwtImport}) {
        if (identityName(identity) == name)
            return identity;
    }
    return std::nullopt;
}

QJsonObject OnboardingTemplate::toJson() const
{
    QJsonObject identityJson{{u"kind"_s, identityName(identity)}};
    if (!issuer.isEmpty())
        identityJson.insert(u"issuer"_s, issuer);
    if (identity == Identity::JwtImport)
        identityJson.insert(u"publicKey"_s, publicKeyPem);
    QJsonArray groupsJson;
    for (const Group &group : groups)
        groupsJson.append(QJsonObject{{u"name"_s, group.name}, {u"roles"_s, toArray(group.roles)}});
    QJsonObject keepFree;
    if (licenses.keepFreeProfessional > 0)
        keepFree.insert(u"professional"_s, licenses.keepFreeProfessional);
    if (licenses.keepFreeAnalyzer > 0)
        keepFree.insert(u"analyzer"_s, licenses.keepFreeAnalyzer);
    QJsonObject licensesJson{{u"autoAssignProfessional"_s, licenses.autoAssignProfessional},
                             {u"autoAssignAnalyzer"_s, licenses.autoAssignAnalyzer},
                             {u"keepFree"_s, keepFree}};
    if (!licenses.adminSeat.isEmpty())
        licensesJson.insert(u"adminSeat"_s, licenses.adminSeat);
    QJsonArray appsJson;
    for (const App &app : apps) {
        QJsonObject appJson{{u"name"_s, app.name}};
        if (!app.id.isEmpty())
            appJson.insert(u"id"_s, app.id);
        appsJson.append(appJson);
    }
    QJsonObject json{
        {u"format"_s, QString::fromLatin1(Format)},
        {u"version"_s, FormatVersion},
        {u"region"_s, region},
        {u"source"_s, source},
        {u"identityProvider"_s, identityJson},
        {u"groups"_s, groupsJson},
        {u"licenses"_s, licensesJson},
        {u"spaces"_s, QJsonObject{{u"staging"_s, spaceToJson(staging)}, {u"production"_s, spaceToJson(production)}}},
        {u"webOrigins"_s, toArray(webOrigins)},
        {u"webIntegrationName"_s, webIntegrationName},
        {u"apps"_s, appsJson},
        {u"extensions"_s, toArray(extensions)},
        {u"themes"_s, toArray(themes)},
        {u"automations"_s, toArray(automations)},
        {u"extensionTags"_s, toArray(extensionTags)},
        {u"themeTags"_s, toArray(themeTags)},
        {u"embedCheck"_s, embedCheck}};
    QJsonObject groupSettings;
    if (autoCreateGroups)
        groupSettings.insert(u"autoCreateGroups"_s, *autoCreateGroups);
    if (syncIdpGroups)
        groupSettings.insert(u"syncIdpGroups"_s, *syncIdpGroups);
    if (!groupSettings.isEmpty())
        json.insert(u"groupSettings"_s, groupSettings);
    if (!name.isEmpty())
        json.insert(u"name"_s, name);
    if (!recoveryAdminEmail.isEmpty())
        json.insert(u"recoveryAdmin"_s, QJsonObject{{u"email"_s, recoveryAdminEmail}});
    if (brand) {
        json.insert(u"brand"_s,
                    QJsonObject{{u"name"_s, brand->name}, {u"logo"_s, brand->logo}, {u"favIcon"_s, brand->favIcon}});
    }
    if (keyProvider)
        json.insert(u"keyProvider"_s, QJsonObject{{u"arn"_s, keyProvider->arn}, {u"name"_s, keyProvider->name}});
    if (interactiveLogin) {
        QJsonObject login{{u"provider"_s, interactiveLogin->provider},
                          {u"discoveryUrl"_s, interactiveLogin->discoveryUrl},
                          {u"clientId"_s, interactiveLogin->clientId}};
        if (!interactiveLogin->realm.isEmpty())
            login.insert(u"realm"_s, interactiveLogin->realm);
        if (interactiveLogin->emailVerifiedAlwaysTrue)
            login.insert(u"emailVerifiedAlwaysTrue"_s, true);
        json.insert(u"interactiveLogin"_s, login);
    }
    return json;
}

OnboardingTemplate::ReadResult OnboardingTemplate::fromJson(const QJsonObject &json, const QString &directory)
{
    ReadResult result;
    if (json.value(u"format"_s).toString() != QLatin1StringView(Format)) {
        result.errors.append(u"format: must be \"%1\", not %2"_s.arg(
            QLatin1StringView(Format),
            json.contains(u"format"_s) ? u'"' + json.value(u"format"_s).toString() + u'"' : u"missing"_s));
        return result;
    }
    if (json.value(u"version"_s).toInt(-1) != FormatVersion) {
        result.errors.append(u"version: this Tenantry reads version %1 templates, the file says %2"_s.arg(FormatVersion)
                                 .arg(json.value(u"version"_s).toVariant().toString()));
        return result;
    }
    static const QSet<QString> known{u"$schema"_s,       u"format"_s,
                                     u"version"_s,       u"name"_s,
                                     u"region"_s,        u"source"_s,
                                     u"recoveryAdmin"_s, u"identityProvider"_s,
                                     u"groups"_s,        u"groupSettings"_s,
                                     u"licenses"_s,      u"spaces"_s,
                                     u"webOrigins"_s,    u"webIntegrationName"_s,
                                     u"apps"_s,          u"extensions"_s,
                                     u"themes"_s,        u"automations"_s,
                                     u"embedCheck"_s,    u"brand"_s,
                                     u"keyProvider"_s,   u"interactiveLogin"_s,
                                     u"extensionTags"_s, u"themeTags"_s};
    TemplateJsonReader reader;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            reader.errors.append(u"%1: not a field of an onboarding template"_s.arg(it.key()));
    }
    OnboardingTemplate t;
    t.name = reader.string(json, u"name"_s, {});
    t.region = reader.string(json, u"region"_s, {}, true);
    t.source = reader.string(json, u"source"_s, {}, true);
    t.recoveryAdminEmail = reader.string(reader.object(json, u"recoveryAdmin"_s, {}), u"email"_s, u"recoveryAdmin"_s);

    const QJsonObject identityJson = reader.object(json, u"identityProvider"_s, {});
    const QString kind = reader.string(identityJson, u"kind"_s, u"identityProvider"_s);
    if (const auto identity = identityFromName(kind.isEmpty() ? u"none"_s : kind))
        t.identity = *identity;
    else
        reader.errors.append(u"identityProvider.kind: \"%1\" is not one of none, jwt-generate, jwt-import"_s.arg(kind));
    t.issuer = reader.string(identityJson, u"issuer"_s, u"identityProvider"_s);
    t.publicKeyPem = reader.string(identityJson, u"publicKey"_s, u"identityProvider"_s);

    const QJsonArray groupsJson = reader.array(json, u"groups"_s, {});
    for (qsizetype i = 0; i < groupsJson.size(); ++i) {
        const QString at = u"groups[%1]"_s.arg(i);
        if (!groupsJson.at(i).isObject()) {
            reader.errors.append(at + u": must be an object"_s);
            continue;
        }
        const QJsonObject group = groupsJson.at(i).toObject();
        t.groups.append({reader.string(group, u"name"_s, at, true), reader.strings(group, u"roles"_s, at)});
    }

    const QJsonObject groupSettings = reader.object(json, u"groupSettings"_s, {});
    for (auto it = groupSettings.begin(); it != groupSettings.end(); ++it) {
        if (it.key() != "autoCreateGroups"_L1 && it.key() != "syncIdpGroups"_L1)
            reader.errors.append(
                u"groupSettings.%1: not a group setting (autoCreateGroups, syncIdpGroups)"_s.arg(it.key()));
    }
    if (groupSettings.contains(u"autoCreateGroups"_s))
        t.autoCreateGroups = reader.boolean(groupSettings, u"autoCreateGroups"_s, u"groupSettings"_s);
    if (groupSettings.contains(u"syncIdpGroups"_s))
        t.syncIdpGroups = reader.boolean(groupSettings, u"syncIdpGroups"_s, u"groupSettings"_s);

    const QJsonObject licensesJson = reader.object(json, u"licenses"_s, {});
    t.licenses.autoAssignProfessional = reader.boolean(licensesJson, u"autoAssignProfessional"_s, u"licenses"_s);
    t.licenses.autoAssignAnalyzer = reader.boolean(licensesJson, u"autoAssignAnalyzer"_s, u"licenses"_s);
    t.licenses.adminSeat = reader.string(licensesJson, u"adminSeat"_s, u"licenses"_s);
    const QJsonObject keepFree = reader.object(licensesJson, u"keepFree"_s, u"licenses"_s);
    t.licenses.keepFreeProfessional = reader.count(keepFree, u"professional"_s, u"licenses.keepFree"_s);
    t.licenses.keepFreeAnalyzer = reader.count(keepFree, u"analyzer"_s, u"licenses.keepFree"_s);

    const QJsonObject spaces = reader.object(json, u"spaces"_s, {});
    if (!spaces.contains(u"staging"_s) || !spaces.contains(u"production"_s))
        reader.errors.append(u"spaces: needs \"staging\" and \"production\""_s);
    t.staging = reader.space(reader.object(spaces, u"staging"_s, u"spaces"_s), u"spaces.staging"_s);
    t.production = reader.space(reader.object(spaces, u"production"_s, u"spaces"_s), u"spaces.production"_s);

    t.webOrigins = reader.strings(json, u"webOrigins"_s, {});
    if (json.contains(u"webIntegrationName"_s))
        t.webIntegrationName = reader.string(json, u"webIntegrationName"_s, {});

    const QJsonArray appsJson = reader.array(json, u"apps"_s, {});
    for (qsizetype i = 0; i < appsJson.size(); ++i) {
        const QString at = u"apps[%1]"_s.arg(i);
        if (!appsJson.at(i).isObject()) {
            reader.errors.append(at + u": must be an object"_s);
            continue;
        }
        const QJsonObject app = appsJson.at(i).toObject();
        t.apps.append({reader.string(app, u"id"_s, at), reader.string(app, u"name"_s, at)});
    }
    t.extensions = reader.strings(json, u"extensions"_s, {});
    t.themes = reader.strings(json, u"themes"_s, {});
    t.automations = reader.strings(json, u"automations"_s, {});
    t.extensionTags = reader.strings(json, u"extensionTags"_s, {});
    t.themeTags = reader.strings(json, u"themeTags"_s, {});
    if (json.contains(u"embedCheck"_s))
        t.embedCheck = reader.boolean(json, u"embedCheck"_s, {});
    if (json.contains(u"brand"_s)) {
        const QJsonObject brandJson = reader.object(json, u"brand"_s, {});
        t.brand = Brand{reader.string(brandJson, u"name"_s, u"brand"_s, true),
                        reader.string(brandJson, u"logo"_s, u"brand"_s, true),
                        reader.string(brandJson, u"favIcon"_s, u"brand"_s, true)};
        // A template and its brand files may move together, as a plan and its files do.
        for (QString *path : {&t.brand->logo, &t.brand->favIcon}) {
            if (!directory.isEmpty() && !path->isEmpty() && !path->contains(u"${"_s) && QFileInfo(*path).isRelative())
                *path = QDir::cleanPath(QDir(directory).absoluteFilePath(*path));
        }
    }
    if (json.contains(u"keyProvider"_s)) {
        const QJsonObject keyJson = reader.object(json, u"keyProvider"_s, {});
        t.keyProvider = KeyProvider{reader.string(keyJson, u"arn"_s, u"keyProvider"_s, true),
                                    reader.string(keyJson, u"name"_s, u"keyProvider"_s, true)};
    }
    if (json.contains(u"interactiveLogin"_s)) {
        const QJsonObject login = reader.object(json, u"interactiveLogin"_s, {});
        for (auto it = login.begin(); it != login.end(); ++it) {
            static const QStringList fields{u"provider"_s, u"discoveryUrl"_s, u"clientId"_s, u"realm"_s,
                                            u"emailVerifiedAlwaysTrue"_s};
            if (!fields.contains(it.key()))
                reader.errors.append(u"interactiveLogin.%1: not a field (%2)"_s.arg(it.key(), fields.join(u", "_s)));
        }
        InteractiveLogin parsed;
        if (login.contains(u"provider"_s))
            parsed.provider = reader.string(login, u"provider"_s, u"interactiveLogin"_s);
        parsed.discoveryUrl = reader.string(login, u"discoveryUrl"_s, u"interactiveLogin"_s, true);
        parsed.clientId = reader.string(login, u"clientId"_s, u"interactiveLogin"_s, true);
        parsed.realm = reader.string(login, u"realm"_s, u"interactiveLogin"_s);
        if (login.contains(u"emailVerifiedAlwaysTrue"_s))
            parsed.emailVerifiedAlwaysTrue = reader.boolean(login, u"emailVerifiedAlwaysTrue"_s, u"interactiveLogin"_s);
        t.interactiveLogin = parsed;
    }

    result.errors = reader.errors;
    if (result.errors.isEmpty())
        result.errors = t.problems();
    if (result.errors.isEmpty())
        result.onboardingTemplate = t;
    return result;
}

OnboardingTemplate::ReadResult OnboardingTemplate::read(const QByteArray &json, const QString &directory)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        return {std::nullopt, {u"line %1, column %2: %3"_s.arg(line).arg(column).arg(error.errorString())}};
    }
    if (!document.isObject())
        return {std::nullopt, {u"the template must be a JSON object"_s}};
    return fromJson(document.object(), directory);
}

OnboardingTemplate::ReadResult OnboardingTemplate::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {u"cannot read %1: %2"_s.arg(path, file.errorString())}};
    // A template is a few kilobytes; anything huge is not one.
    constexpr qint64 maxBytes = qint64(4) * 1024 * 1024;
    if (file.size() > maxBytes)
        return {std::nullopt, {u"%1 is larger than 4 MiB; not an onboarding template"_s.arg(path)}};
    ReadResult result = read(file.readAll(), QFileInfo(path).absolutePath());
    for (QString &error : result.errors)
        error = path + u": "_s + error;
    return result;
}

QString OnboardingTemplate::save(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(toJson()).toJson()) < 0)
        return u"cannot write the template to %1: %2"_s.arg(path, file.errorString());
    return {};
}

QStringList OnboardingTemplate::problems() const
{
    QStringList problems;
    if (!Cloud::Region::fromId(region))
        problems.append(u"region: \"%1\" is not a region (%2)"_s.arg(region, Cloud::Region::knownIds()));
    if (source.isEmpty())
        problems.append(u"source: the source tenant's hostname is missing"_s);
    if (!recoveryAdminEmail.isEmpty()) {
        if (const QString problem = emailProblem(recoveryAdminEmail); !problem.isEmpty())
            problems.append(u"recoveryAdmin.email: "_s + problem);
    }
    if (identity != Identity::None && issuer.trimmed().isEmpty())
        problems.append(u"identityProvider.issuer: a JWT identity provider needs an issuer"_s);
    if (identity == Identity::JwtImport) {
        if (const QString problem = publicKeyProblem(publicKeyPem); !problem.isEmpty())
            problems.append(u"identityProvider.publicKey: "_s + problem);
    }
    QSet<QString> groupNames;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString name = groups.at(i).name.trimmed();
        if (name.isEmpty())
            problems.append(u"groups[%1].name: empty"_s.arg(i));
        else if (groupNames.contains(name.toCaseFolded()))
            problems.append(u"groups[%1].name: \"%2\" is listed twice"_s.arg(i).arg(name));
        groupNames.insert(name.toCaseFolded());
        for (const QString &role : groups.at(i).roles) {
            if (role.trimmed().isEmpty())
                problems.append(u"groups[%1].roles: a role name is empty"_s.arg(i));
        }
    }
    if (!licenses.adminSeat.isEmpty() && licenses.adminSeat != "professional"_L1 && licenses.adminSeat != "analyzer"_L1)
        problems.append(u"licenses.adminSeat: \"%1\" is not professional or analyzer"_s.arg(licenses.adminSeat));
    if (!licenses.adminSeat.isEmpty() && recoveryAdminEmail.isEmpty())
        problems.append(u"licenses.adminSeat: there is no recovery admin to give a seat to"_s);
    const auto checkSpace = [&](const Space &space, const QString &type, const QString &path) {
        if (const QString problem = spaceNameProblem(space.name); !problem.isEmpty())
            problems.append(path + u".name: "_s + problem);
        for (qsizetype i = 0; i < space.assignments.size(); ++i) {
            const SpaceAssignment &assignment = space.assignments.at(i);
            const QString at = u"%1.assignments[%2]"_s.arg(path).arg(i);
            if (!groupNames.contains(assignment.group.trimmed().toCaseFolded()))
                problems.append(at + u".group: \"%1\" is not one of the template's groups"_s.arg(assignment.group));
            if (const QString problem = spaceRolesProblem(type, assignment.roles); !problem.isEmpty())
                problems.append(at + u".roles: "_s + problem);
        }
    };
    checkSpace(staging, u"shared"_s, u"spaces.staging"_s);
    checkSpace(production, u"managed"_s, u"spaces.production"_s);
    if (staging.name.trimmed().compare(production.name.trimmed(), Qt::CaseInsensitive) == 0)
        problems.append(u"spaces.production.name: the same as the staging space's; space names are unique"_s);
    QSet<QString> origins;
    for (qsizetype i = 0; i < webOrigins.size(); ++i) {
        if (const QString problem = originProblem(webOrigins.at(i)); !problem.isEmpty())
            problems.append(u"webOrigins[%1]: %2"_s.arg(i).arg(problem));
        else if (origins.contains(webOrigins.at(i).toLower()))
            problems.append(u"webOrigins[%1]: %2 is listed twice"_s.arg(i).arg(webOrigins.at(i)));
        origins.insert(webOrigins.at(i).toLower());
    }
    if (!webOrigins.isEmpty() && webIntegrationName.trimmed().isEmpty())
        problems.append(u"webIntegrationName: empty; the web integration needs a name"_s);
    for (qsizetype i = 0; i < apps.size(); ++i) {
        if (apps.at(i).id.trimmed().isEmpty() && apps.at(i).name.trimmed().isEmpty())
            problems.append(u"apps[%1]: needs the source app's id or its name"_s.arg(i));
    }
    for (const auto &[field, names] : {std::pair{u"extensions"_s, &extensions},
                                       {u"themes"_s, &themes},
                                       {u"automations"_s, &automations},
                                       {u"extensionTags"_s, &extensionTags},
                                       {u"themeTags"_s, &themeTags}}) {
        QSet<QString> seen;
        const bool tags = field.endsWith(u"Tags"_s);
        for (qsizetype i = 0; i < names->size(); ++i) {
            const QString name = names->at(i).trimmed();
            if (name.isEmpty())
                problems.append(u"%1[%2]: empty; %3"_s.arg(field).arg(i).arg(
                    tags ? u"give a tag the source tenant's packages carry"_s
                         : u"give the name it has on the source tenant"_s));
            else if (seen.contains(name))
                problems.append(u"%1[%2]: \"%3\" is listed twice"_s.arg(field).arg(i).arg(name));
            seen.insert(name);
        }
    }
    if (brand) {
        if (brand->name.trimmed().isEmpty())
            problems.append(u"brand.name: empty; the brand needs a name"_s);
        if (const QString problem = brandFileProblem(brand->logo, true); !problem.isEmpty())
            problems.append(u"brand.logo: "_s + problem);
        if (const QString problem = brandFileProblem(brand->favIcon, false); !problem.isEmpty())
            problems.append(u"brand.favIcon: "_s + problem);
    }
    if (keyProvider) {
        if (const QString problem = keyArnProblem(keyProvider->arn); !problem.isEmpty())
            problems.append(u"keyProvider.arn: "_s + problem);
        if (keyProvider->name.trimmed().isEmpty())
            problems.append(u"keyProvider.name: empty; the key provider needs a name"_s);
    }
    if (interactiveLogin) {
        const InteractiveLogin &login = *interactiveLogin;
        if (!oidcProviders().contains(login.provider))
            problems.append(u"interactiveLogin.provider: \"%1\" is not one of %2"_s.arg(login.provider,
                                                                                        oidcProviders().join(u", "_s)));
        if (const QString problem = discoveryUrlProblem(login.discoveryUrl); !problem.isEmpty())
            problems.append(u"interactiveLogin.discoveryUrl: "_s + problem);
        if (login.clientId.trimmed().isEmpty())
            problems.append(u"interactiveLogin.clientId: empty; the provider needs the application's client id"_s);
        if (const QString problem = realmProblem(login.realm); !problem.isEmpty())
            problems.append(u"interactiveLogin.realm: "_s + problem);
        if (login.emailVerifiedAlwaysTrue && login.provider != "azureAD"_L1 && login.provider != "adfs"_L1)
            problems.append(u"interactiveLogin.emailVerifiedAlwaysTrue: only for the azureAD and adfs providers"_s);
    }
    return problems;
}

QStringList OnboardingTemplate::oidcProviders()
{
    return {u"azureAD"_s, u"okta"_s, u"auth0"_s, u"keycloak"_s, u"adfs"_s, u"salesforce"_s, u"generic"_s};
}

QString OnboardingTemplate::discoveryUrlProblem(const QString &url)
{
    if (url.contains(u"${"_s))
        return {};
    if (url.trimmed().isEmpty())
        return u"the discovery URL is missing"_s;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != "https"_L1 || parsed.host().isEmpty() || url.contains(u' '))
        return u"\"%1\" is not an https URL (…/.well-known/openid-configuration)"_s.arg(url);
    return {};
}

QString OnboardingTemplate::realmProblem(const QString &realm)
{
    // Spec CreateOIDCPayload: at most 254 characters of this pattern.
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9.\\-_]+$"_s);
    if (realm.isEmpty() || realm.contains(u"${"_s))
        return {};
    if (realm.size() > 254 || !pattern.match(realm).hasMatch())
        return u"\"%1\" is not a realm: a letter or digit, then letters, digits, '.', '-' or '_'"_s.arg(realm);
    return {};
}

QString OnboardingTemplate::brandFileProblem(const QString &path, bool logo)
{
    if (path.contains(u"${"_s))
        return {};
    const BrandAsset asset = BrandAsset::load(logo ? BrandAsset::Kind::Logo : BrandAsset::Kind::FavIcon, path);
    return asset.problem();
}

QString OnboardingTemplate::keyArnProblem(const QString &arn)
{
    if (arn.contains(u"${"_s))
        return {};
    if (arn.trimmed().isEmpty())
        return u"the key's ARN is missing"_s;
    static const QRegularExpression pattern(KeyProviderStep::arnPattern());
    if (!pattern.match(arn).hasMatch())
        return u"\"%1\" is not an AWS KMS key ARN (arn:aws:kms:<region>:<12-digit account>:key/<key id or mrk-…>)"_s
            .arg(arn);
    return {};
}

QString OnboardingTemplate::aliasProblem(const QString &alias, const QString &region)
{
    // The tenant step's pattern: one DNS label under <region>.qlikcloud.com (FACTS §3.1).
    static const QRegularExpression pattern(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.([a-z]{2})\\.qlikcloud\\.com$"_s);
    if (alias.isEmpty())
        return u"the alias hostname is missing"_s;
    if (alias != alias.toLower())
        return u"use lower case: %1"_s.arg(alias.toLower());
    const QRegularExpressionMatch match = pattern.match(alias);
    if (!match.hasMatch())
        return u"\"%1\" is not <name>.<region>.qlikcloud.com with a name of letters, digits and inner hyphens"_s.arg(
            alias);
    if (!region.isEmpty() && match.captured(2) != region)
        return u"the alias is in region %1, the tenant in %2"_s.arg(match.captured(2), region);
    return {};
}

QString OnboardingTemplate::originProblem(const QString &origin)
{
    if (origin.isEmpty())
        return u"the origin is empty"_s;
    const QUrl url(origin, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return u"\"%1\" is not a URL like https://portal.example.com"_s.arg(origin);
    if (!url.path().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return u"\"%1\" is more than an origin; leave out the path, query and user"_s.arg(origin);
    if (url.scheme() == "https"_L1)
        return {};
    if (url.scheme() == "http"_L1) {
        // Plain http only for a developer's own machine.
        const QHostAddress address(url.host());
        if (url.host() == "localhost"_L1 || (!address.isNull() && address.isLoopback()))
            return {};
        return u"\"%1\" must use https (http only for localhost)"_s.arg(origin);
    }
    return u"\"%1\" must start with https://"_s.arg(origin);
}

QString OnboardingTemplate::spaceNameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return u"the space name is empty"_s;
    if (name.size() > 256)
        return u"longer than 256 characters"_s;
    // FACTS §7: forbidden in space names.
    static const QString forbidden = u"\"*?<>/|\\:"_s;
    for (const QChar c : name) {
        if (forbidden.contains(c))
            return u"'%1' is not allowed in a space name (none of \" * ? < > / | \\ :)"_s.arg(c);
    }
    return {};
}

QString OnboardingTemplate::spaceRolesProblem(const QString &spaceType, const QStringList &roles)
{
    if (roles.isEmpty())
        return u"an assignment needs at least one role"_s;
    const QStringList allowed = SpaceStep::rolesFor(spaceType);
    for (const QString &role : roles) {
        if (!allowed.contains(role))
            return u"\"%1\" is not a role of a %2 space (%3)"_s.arg(role, spaceType, allowed.join(u", "_s));
    }
    return {};
}

QString OnboardingTemplate::publicKeyProblem(const QString &pem)
{
    const QByteArray bytes = pem.trimmed().toLatin1();
    if (bytes.isEmpty())
        return u"no PEM given; paste a public key or certificate"_s;
    if (!bytes.startsWith("-----BEGIN PUBLIC KEY-----") && !bytes.startsWith("-----BEGIN CERTIFICATE-----"))
        return u"not a PEM public key or certificate: it must start with -----BEGIN PUBLIC KEY----- or "
               u"-----BEGIN CERTIFICATE-----"_s;
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())),
                                                        BIO_free);
    if (!bio)
        return pemError(u"cannot read the PEM"_s);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(nullptr, EVP_PKEY_free);
    if (bytes.startsWith("-----BEGIN CERTIFICATE-----")) {
        const std::unique_ptr<X509, decltype(&X509_free)> certificate(
            PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
        if (!certificate)
            return pemError(u"the certificate does not parse"_s);
        key.reset(X509_get_pubkey(certificate.get()));
    } else {
        key.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    }
    if (!key)
        return pemError(u"the public key does not parse"_s);
    // Qlik verifies RS256 tokens (FACTS §4.1): the key must be RSA.
    if (EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA)
        return u"the key is not an RSA key; JWT logins are signed with RS256"_s;
    return {};
}

QString OnboardingTemplate::emailProblem(const QString &email)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+$"_s);
    if (!pattern.match(email).hasMatch())
        return u"\"%1\" is not an email address"_s.arg(email);
    return {};
}

} // namespace Ops
