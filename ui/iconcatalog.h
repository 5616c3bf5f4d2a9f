#pragma once

#include <QIcon>
#include <QString>

#include <array>
#include <cstddef>

class QPalette;

// Every icon of Tenantry's own set (resources/icons/README.md shows how they are drawn). Node kinds of
// the estate tree first, then actions and states. Categories whose items share a look use one icon:
// Extension for "Extensions" and an extension, Theme for "Themes" and a theme.
enum class Icon {
    // estate node kinds
    Organization,
    Region,
    Tenant,
    TenantDeactivated,
    Users,
    User,
    BotUser,
    BotOrphaned, // a bot user whose OAuth client is no longer configured
    Groups,
    Group,
    Spaces,
    SpaceShared,
    SpaceManaged,
    App,
    AppPublished,
    Extension,
    Theme,
    IdentityProvider,
    CspOrigin,
    WebIntegration,
    Automation,
    License,
    Audit,
    Tag,
    // actions and states
    Refresh,
    Filter,
    Add,
    Edit,
    Remove,
    Deactivate,
    Reactivate,
    ExportCsv,
    ExportJson,
    Copy,
    Credentials, // OAuth clients and the keychain
    Onboard, // the onboarding wizard
    Publish,
    Republish,
    DryRun,
    Apply,
    Cancel,
    RetryFailed,
    Reassign, // ownership
    Settings,
    LogFolder,
    Warning,
    Error,
    Loading, // keep last: IconCatalog::count is derived from it
};

// QIcons for the Icon set, built once per palette variant and cached: cheap enough to call from a
// model's data() (STYLE.md §10). GUI thread only, like QIcon itself. The variant follows the
// application palette at the time of the call, so ask again after a palette change instead of keeping
// the QIcon.
class IconCatalog final
{
public:
    // Which drawing to use: Light is drawn for light backgrounds (dark ink), Dark for dark ones.
    enum class Variant { Light, Dark };

    static constexpr std::size_t count = static_cast<std::size_t>(Icon::Loading) + 1;

    [[nodiscard]] static QIcon icon(Icon id); // for the application palette
    [[nodiscard]] static QIcon icon(Icon id, Variant variant);
    [[nodiscard]] static QIcon applicationIcon();

    [[nodiscard]] static Variant variantFor(const QPalette &palette);
    [[nodiscard]] static QString name(Icon id); // the file name without ".svg", e.g. "tenant-deactivated"
    [[nodiscard]] static QString resourcePath(Icon id, Variant variant); // ":/icons/dark/tenant.svg"
    [[nodiscard]] static std::array<Icon, count> all();

private:
    IconCatalog() = default;
};
