#include "ui/iconcatalog.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

QIcon IconCatalog::icon(Icon id)
{
    return icon(id, variantFor(QGuiApplication::palette()));
}

QIcon IconCatalog::icon(Icon id, Variant variant)
{
    // Built on first use, not at start-up: an icon nobody shows costs nothing.
    static std::array<std::array<QIcon, count>, 2> cache;
    QIcon &cached = cache[static_cast<std::size_t>(variant)][static_cast<std::size_t>(id)];
    if (cached.isNull())
        cached = QIcon(resourcePath(id, variant));
    return cached;
}

QIcon IconCatalog::applicationIcon()
{
    static const QIcon appIcon(u":/icons/app/io.github.tenantry.Tenantry.svg"_s);
    return appIcon;
}

IconCatalog::Variant IconCatalog::variantFor(const QPalette &palette)
{
    // A palette is dark when its text is lighter than its window, whatever the style calls itself.
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness()
        ? Variant::Dark
        : Variant::Light;
}

QString IconCatalog::resourcePath(Icon id, Variant variant)
{
    return (variant == Variant::Dark ? u":/icons/dark/"_s : u":/icons/light/"_s) + name(id) + u".svg"_s;
}

std::array<Icon, IconCatalog::count> IconCatalog::all()
{
    std::array<Icon, count> icons{};
    for (std::size_t i = 0; i < count; ++i)
        icons[i] = static_cast<Icon>(i);
    return icons;
}

QString IconCatalog::name(Icon id)
{
    switch (id) {
    case Icon::Organization:
        return u"organization"_s;
    case Icon::Region:
        return u"region"_s;
    case Icon::Tenant:
        return u"tenant"_s;
    case Icon::TenantDeactivated:
        return u"tenant-deactivated"_s;
    case Icon::Users:
        return u"users"_s;
    case Icon::User:
        return u"user"_s;
    case Icon::BotUser:
        return u"bot-user"_s;
    case Icon::BotOrphaned:
        return u"bot-orphaned"_s;
    case Icon::Groups:
        return u"groups"_s;
    case Icon::Group:
        return u"group"_s;
    case Icon::Spaces:
        return u"spaces"_s;
    case Icon::SpaceShared:
        return u"space-shared"_s;
    case Icon::SpaceManaged:
        return u"space-managed"_s;
    case Icon::App:
        return u"app"_s;
    case Icon::AppPublished:
        return u"app-published"_s;
    case Icon::Extension:
        return u"extension"_s;
    case Icon::Theme:
        return u"theme"_s;
    case Icon::IdentityProvider:
        return u"identity-provider"_s;
    case Icon::CspOrigin:
        return u"csp-origin"_s;
    case Icon::WebIntegration:
        return u"web-integration"_s;
    case Icon::Automation:
        return u"automation"_s;
    case Icon::License:
        return u"license"_s;
    case Icon::Audit:
        return u"audit"_s;
    case Icon::Tag:
        return u"tag"_s;
    case Icon::Refresh:
        return u"refresh"_s;
    case Icon::Filter:
        return u"filter"_s;
    case Icon::Add:
        return u"add"_s;
    case Icon::Edit:
        return u"edit"_s;
    case Icon::Remove:
        return u"remove"_s;
    case Icon::Deactivate:
        return u"deactivate"_s;
    case Icon::Reactivate:
        return u"reactivate"_s;
    case Icon::ExportCsv:
        return u"export-csv"_s;
    case Icon::ExportJson:
        return u"export-json"_s;
    case Icon::Copy:
        return u"copy"_s;
    case Icon::Credentials:
        return u"credentials"_s;
    case Icon::Onboard:
        return u"onboard"_s;
    case Icon::Publish:
        return u"publish"_s;
    case Icon::Republish:
        return u"republish"_s;
    case Icon::DryRun:
        return u"dry-run"_s;
    case Icon::Apply:
        return u"apply"_s;
    case Icon::Cancel:
        return u"cancel"_s;
    case Icon::RetryFailed:
        return u"retry-failed"_s;
    case Icon::Reassign:
        return u"reassign"_s;
    case Icon::Settings:
        return u"settings"_s;
    case Icon::LogFolder:
        return u"log-folder"_s;
    case Icon::Warning:
        return u"warning"_s;
    case Icon::Error:
        return u"error"_s;
    case Icon::Loading:
        return u"loading"_s;
    }
    Q_UNREACHABLE();
    return {};
}
