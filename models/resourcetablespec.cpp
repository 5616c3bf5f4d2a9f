#include "resourcetablespec.h"

#include "estatemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {

using Role = EstateModel::Role;

QVariant role(const QModelIndex &index, Role r)
{
    return index.data(static_cast<int>(r));
}

QJsonObject json(const QModelIndex &index)
{
    return role(index, Role::Json).toJsonObject();
}

// A column reading one JSON field of the resource (a path of keys into nested objects).
ResourceColumn text(const QString &title, const QStringList &path)
{
    return {title, [path](const QModelIndex &index) -> QVariant {
                QJsonObject object = json(index);
                for (qsizetype i = 0; i + 1 < path.size(); ++i)
                    object = object.value(path.at(i)).toObject();
                const QJsonValue value = object.value(path.constLast());
                if (value.isDouble())
                    return static_cast<qint64>(value.toDouble());
                if (value.isBool())
                    return value.toBool();
                return value.toString();
            }};
}

ResourceColumn text(const QString &title, const QString &key)
{
    return text(title, QStringList{key});
}

ResourceColumn date(const QString &title, const QStringList &path)
{
    return {title, [path](const QModelIndex &index) -> QVariant {
                QJsonObject object = json(index);
                for (qsizetype i = 0; i + 1 < path.size(); ++i)
                    object = object.value(path.at(i)).toObject();
                const QString value = object.value(path.constLast()).toString();
                if (value.isEmpty())
                    return QDateTime();
                return QDateTime::fromString(value, Qt::ISODateWithMs);
            }};
}

ResourceColumn date(const QString &title, const QString &key)
{
    return date(title, QStringList{key});
}

ResourceColumn flag(const QString &title, const QString &key)
{
    return {title, [key](const QModelIndex &index) -> QVariant { return json(index).value(key).toBool(); }};
}

ResourceColumn strings(const QString &title, const QString &key)
{
    return {title, [key](const QModelIndex &index) -> QVariant {
                QStringList values;
                const QJsonArray array = json(index).value(key).toArray();
                for (const auto &value : array)
                    values.append(value.toString());
                return values;
            }};
}

// Names out of an array of objects, e.g. assignedRoles[].name.
ResourceColumn names(const QString &title, const QString &key)
{
    return {title, [key](const QModelIndex &index) -> QVariant {
                QStringList values;
                const QJsonArray array = json(index).value(key).toArray();
                for (const auto &value : array)
                    values.append(value.toObject().value(u"name"_s).toString());
                return values;
            }};
}

ResourceColumn fromRole(const QString &title, Role r)
{
    return {title, [r](const QModelIndex &index) { return role(index, r); }};
}

ResourceColumn id()
{
    return text(QObject::tr("Id"), u"id"_s);
}

ResourceTableSpec tenants()
{
    return {
        QObject::tr("Tenants"),
        u"tenants"_s,
        {fromRole(QObject::tr("Name"), Role::TenantName),
         {QObject::tr("Alias"),
          [](const QModelIndex &index) -> QVariant { return role(index, Role::Hostnames).toStringList().value(1); }},
         {QObject::tr("Hostname"),
          [](const QModelIndex &index) -> QVariant { return role(index, Role::Hostnames).toStringList().value(0); }},
         fromRole(QObject::tr("Status"), Role::Status),
         fromRole(QObject::tr("Tags"), Role::Tags),
         fromRole(QObject::tr("Purge date"), Role::PurgeDate),
         date(QObject::tr("Created"), u"createdAt"_s),
         fromRole(QObject::tr("Label"), Role::Label),
         fromRole(QObject::tr("Source"), Role::Origins),
         fromRole(QObject::tr("Id"), Role::TenantId)}};
}

} // namespace

std::optional<ResourceTableSpec> ResourceTableSpec::forChildrenOf(EstateNodeKind kind)
{
    switch (kind) {
    case EstateNodeKind::Organization:
        return ResourceTableSpec{
            QObject::tr("Regions"),
            u"regions"_s,
            {fromRole(QObject::tr("Region"), Role::RegionId), text(QObject::tr("Location"), u"location"_s),
             text(QObject::tr("AWS region"), u"awsCode"_s), fromRole(QObject::tr("Tenants"), Role::Count)}};
    case EstateNodeKind::Region:
        return tenants();
    case EstateNodeKind::Users:
        return ResourceTableSpec{QObject::tr("Users"),
                                 u"users"_s,
                                 {text(QObject::tr("Name"), u"name"_s), text(QObject::tr("Email"), u"email"_s),
                                  text(QObject::tr("Subject"), u"subject"_s), text(QObject::tr("Status"), u"status"_s),
                                  names(QObject::tr("Roles"), u"assignedRoles"_s),
                                  names(QObject::tr("Groups"), u"assignedGroups"_s),
                                  date(QObject::tr("Created"), u"createdAt"_s), id()}};
    case EstateNodeKind::BotUsers:
        return ResourceTableSpec{QObject::tr("Bot users"),
                                 u"bot-users"_s,
                                 {text(QObject::tr("Name"), u"name"_s),
                                  text(QObject::tr("Client id"), u"clientId"_s),
                                  {QObject::tr("Client"),
                                   [](const QModelIndex &index) -> QVariant {
                                       // DESIGN.md §1.5: a bot whose OAuth client is no longer configured is orphaned.
                                       return role(index, Role::Orphaned).toBool() ? QObject::tr("orphaned")
                                                                                   : QObject::tr("active");
                                   }},
                                  text(QObject::tr("Subject"), u"subject"_s),
                                  text(QObject::tr("Status"), u"status"_s),
                                  names(QObject::tr("Roles"), u"assignedRoles"_s),
                                  date(QObject::tr("Created"), u"createdAt"_s),
                                  id()}};
    case EstateNodeKind::Groups:
        return ResourceTableSpec{QObject::tr("Groups"),
                                 u"groups"_s,
                                 {text(QObject::tr("Name"), u"name"_s), text(QObject::tr("Status"), u"status"_s),
                                  names(QObject::tr("Roles"), u"assignedRoles"_s),
                                  date(QObject::tr("Created"), u"createdAt"_s), id()}};
    case EstateNodeKind::Spaces:
        return ResourceTableSpec{
            QObject::tr("Spaces"),
            u"spaces"_s,
            {text(QObject::tr("Name"), u"name"_s), text(QObject::tr("Type"), u"type"_s),
             text(QObject::tr("Description"), u"description"_s), text(QObject::tr("Owner id"), u"ownerId"_s),
             date(QObject::tr("Created"), u"createdAt"_s), date(QObject::tr("Updated"), u"updatedAt"_s), id()}};
    case EstateNodeKind::Space:
        // Items of type app (FACTS §11.1): the app's own fields are its resourceAttributes.
        return ResourceTableSpec{
            QObject::tr("Apps"),
            u"apps"_s,
            {text(QObject::tr("Name"), u"name"_s),
             {QObject::tr("Published copy"), [](const QModelIndex &index) { return role(index, Role::Published); }},
             text(QObject::tr("Origin app"), QStringList{u"resourceAttributes"_s, u"originAppId"_s}),
             text(QObject::tr("Owner id"), u"ownerId"_s),
             date(QObject::tr("Modified"), QStringList{u"resourceAttributes"_s, u"modifiedDate"_s}),
             date(QObject::tr("Last reload"), QStringList{u"resourceAttributes"_s, u"lastReloadTime"_s}),
             text(QObject::tr("App id"), u"resourceId"_s)}};
    case EstateNodeKind::Extensions:
    case EstateNodeKind::Themes: {
        const bool themes = kind == EstateNodeKind::Themes;
        return ResourceTableSpec{themes ? QObject::tr("Themes") : QObject::tr("Extensions"),
                                 themes ? u"themes"_s : u"extensions"_s,
                                 {text(QObject::tr("Name"), u"name"_s), text(QObject::tr("Version"), u"version"_s),
                                  text(QObject::tr("Author"), u"author"_s),
                                  text(QObject::tr("File"), u"qextFilename"_s),
                                  date(QObject::tr("Created"), u"createdAt"_s), id()}};
    }
    case EstateNodeKind::IdentityProviders:
        return ResourceTableSpec{
            QObject::tr("Identity providers"),
            u"identity-providers"_s,
            {text(QObject::tr("Description"), u"description"_s), text(QObject::tr("Provider"), u"provider"_s),
             text(QObject::tr("Protocol"), u"protocol"_s), flag(QObject::tr("Interactive"), u"interactive"_s),
             flag(QObject::tr("Active"), u"active"_s),
             text(QObject::tr("Issuer"), QStringList{u"options"_s, u"issuer"_s}),
             date(QObject::tr("Created"), u"created"_s), id()}};
    case EstateNodeKind::CspOrigins:
        return ResourceTableSpec{QObject::tr("CSP origins"),
                                 u"csp-origins"_s,
                                 {text(QObject::tr("Name"), u"name"_s),
                                  text(QObject::tr("Origin"), u"origin"_s),
                                  {QObject::tr("Directives"),
                                   [](const QModelIndex &index) -> QVariant {
                                       static const QStringList directives{
                                           u"childSrc"_s,   u"connectSrc"_s,     u"connectSrcWSS"_s, u"fontSrc"_s,
                                           u"formAction"_s, u"frameAncestors"_s, u"frameSrc"_s,      u"imgSrc"_s,
                                           u"mediaSrc"_s,   u"objectSrc"_s,      u"scriptSrc"_s,     u"styleSrc"_s,
                                           u"workerSrc"_s};
                                       const QJsonObject object = json(index);
                                       QStringList enabled;
                                       for (const QString &directive : directives) {
                                           if (object.value(directive).toBool())
                                               enabled.append(directive);
                                       }
                                       return enabled;
                                   }},
                                  date(QObject::tr("Modified"), u"modifiedDate"_s),
                                  id()}};
    case EstateNodeKind::WebIntegrations:
        return ResourceTableSpec{
            QObject::tr("Web integrations"),
            u"web-integrations"_s,
            {text(QObject::tr("Name"), u"name"_s), strings(QObject::tr("Valid origins"), u"validOrigins"_s),
             text(QObject::tr("Created by"), u"createdBy"_s), date(QObject::tr("Created"), u"created"_s), id()}};
    case EstateNodeKind::Automations:
        return ResourceTableSpec{
            QObject::tr("Automations"),
            u"automations"_s,
            {text(QObject::tr("Name"), u"name"_s), text(QObject::tr("State"), u"state"_s),
             text(QObject::tr("Run mode"), u"runMode"_s), text(QObject::tr("Last run"), u"lastRunStatus"_s),
             date(QObject::tr("Last run at"), u"lastRunAt"_s), text(QObject::tr("Owner id"), u"ownerId"_s), id()}};
    case EstateNodeKind::Tenant:
    case EstateNodeKind::License:
    case EstateNodeKind::User:
    case EstateNodeKind::Group:
    case EstateNodeKind::App:
    case EstateNodeKind::Extension:
    case EstateNodeKind::Theme:
    case EstateNodeKind::IdentityProvider:
    case EstateNodeKind::CspOrigin:
    case EstateNodeKind::WebIntegration:
    case EstateNodeKind::Automation:
    case EstateNodeKind::BotUser:
        break;
    }
    return std::nullopt;
}
