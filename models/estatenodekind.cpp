#include "estatenodekind.h"

using namespace Qt::Literals::StringLiterals;

QString estateNodeKindName(EstateNodeKind kind)
{
    switch (kind) {
    case EstateNodeKind::Organization:
        return u"organization"_s;
    case EstateNodeKind::Region:
        return u"region"_s;
    case EstateNodeKind::Tenant:
        return u"tenant"_s;
    case EstateNodeKind::Users:
        return u"users"_s;
    case EstateNodeKind::Groups:
        return u"groups"_s;
    case EstateNodeKind::Spaces:
        return u"spaces"_s;
    case EstateNodeKind::Extensions:
        return u"extensions"_s;
    case EstateNodeKind::Themes:
        return u"themes"_s;
    case EstateNodeKind::IdentityProviders:
        return u"identity-providers"_s;
    case EstateNodeKind::CspOrigins:
        return u"csp-origins"_s;
    case EstateNodeKind::WebIntegrations:
        return u"web-integrations"_s;
    case EstateNodeKind::Automations:
        return u"automations"_s;
    case EstateNodeKind::BotUsers:
        return u"bot-users"_s;
    case EstateNodeKind::License:
        return u"license"_s;
    case EstateNodeKind::User:
        return u"user"_s;
    case EstateNodeKind::Group:
        return u"group"_s;
    case EstateNodeKind::Space:
        return u"space"_s;
    case EstateNodeKind::App:
        return u"app"_s;
    case EstateNodeKind::Extension:
        return u"extension"_s;
    case EstateNodeKind::Theme:
        return u"theme"_s;
    case EstateNodeKind::IdentityProvider:
        return u"identity-provider"_s;
    case EstateNodeKind::CspOrigin:
        return u"csp-origin"_s;
    case EstateNodeKind::WebIntegration:
        return u"web-integration"_s;
    case EstateNodeKind::Automation:
        return u"automation"_s;
    case EstateNodeKind::BotUser:
        return u"bot-user"_s;
    }
    return {};
}

const QList<EstateNodeKind> &tenantCategories()
{
    static const QList<EstateNodeKind> categories{
        EstateNodeKind::Users,      EstateNodeKind::Groups,          EstateNodeKind::Spaces,
        EstateNodeKind::Extensions, EstateNodeKind::Themes,          EstateNodeKind::IdentityProviders,
        EstateNodeKind::CspOrigins, EstateNodeKind::WebIntegrations, EstateNodeKind::Automations,
        EstateNodeKind::BotUsers,   EstateNodeKind::License,
    };
    return categories;
}

bool isTenantCategory(EstateNodeKind kind)
{
    return tenantCategories().contains(kind);
}

EstateNodeKind childKindOf(EstateNodeKind category)
{
    switch (category) {
    case EstateNodeKind::Organization:
        return EstateNodeKind::Region;
    case EstateNodeKind::Region:
        return EstateNodeKind::Tenant;
    case EstateNodeKind::Users:
        return EstateNodeKind::User;
    case EstateNodeKind::Groups:
        return EstateNodeKind::Group;
    case EstateNodeKind::Spaces:
        return EstateNodeKind::Space;
    case EstateNodeKind::Space:
        return EstateNodeKind::App;
    case EstateNodeKind::Extensions:
        return EstateNodeKind::Extension;
    case EstateNodeKind::Themes:
        return EstateNodeKind::Theme;
    case EstateNodeKind::IdentityProviders:
        return EstateNodeKind::IdentityProvider;
    case EstateNodeKind::CspOrigins:
        return EstateNodeKind::CspOrigin;
    case EstateNodeKind::WebIntegrations:
        return EstateNodeKind::WebIntegration;
    case EstateNodeKind::Automations:
        return EstateNodeKind::Automation;
    case EstateNodeKind::BotUsers:
        return EstateNodeKind::BotUser;
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
    return category;
}

bool listsResources(EstateNodeKind kind)
{
    return kind == EstateNodeKind::Space || (isTenantCategory(kind) && kind != EstateNodeKind::License);
}
