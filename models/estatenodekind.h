#pragma once

#include <QList>
#include <QString>

// What a node of the estate tree is (DESIGN.md §1). The UI keys its icons, detail pages and actions
// on it; the model knows nothing of widgets.
enum class EstateNodeKind {
    Organization,
    Region,
    Tenant,
    // a tenant's categories, in the order they are shown
    Users,
    Groups,
    Spaces,
    Extensions,
    Themes,
    IdentityProviders,
    CspOrigins,
    WebIntegrations,
    Automations,
    BotUsers,
    License,
    // resources listed under a category
    User,
    Group,
    Space,
    App, // under a space
    Extension,
    Theme,
    IdentityProvider,
    CspOrigin,
    WebIntegration,
    Automation,
    BotUser,
};

// "organization", "spaces", "bot-user": stable names for logs, tests and settings.
[[nodiscard]] QString estateNodeKindName(EstateNodeKind kind);
// The categories every active tenant has, in display order.
[[nodiscard]] const QList<EstateNodeKind> &tenantCategories();
[[nodiscard]] bool isTenantCategory(EstateNodeKind kind);
// The kind of the resources a category lists (Spaces -> Space, Space -> App); the category itself
// when it lists nothing in the tree (License).
[[nodiscard]] EstateNodeKind childKindOf(EstateNodeKind category);
// Whether nodes of this kind list resources below them, loaded on demand.
[[nodiscard]] bool listsResources(EstateNodeKind kind);
