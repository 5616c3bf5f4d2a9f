#pragma once

#include <QString>
#include <QStringList>

namespace Cloud {

// The three kinds of OAuth machine-to-machine client Qlik Cloud has (FACTS §2.2).
enum class CredentialTier {
    Organization, // console.qlikcloud.com only: lists tenants across regions
    Region, // register.<region> and every tenant of the subscription in that region
    Tenant, // one tenant only
};

[[nodiscard]] QString credentialTierName(CredentialTier tier); // "organization" | "region" | "tenant"
[[nodiscard]] bool parseCredentialTier(const QString &name, CredentialTier *tier);

// A configured OAuth client. Holds no secret: the secret lives in the OS keychain (or, for CI, an
// environment variable) under the profile's name.
struct CredentialProfile
{
    QString name; // unique, user-chosen; [A-Za-z0-9_-]{1,64}, the key for its secret
    CredentialTier tier = CredentialTier::Region;
    QString clientId;
    QString region; // Region tier: the region id, e.g. "eu"
    QString tenantHost; // Tenant tier: the tenant's hostname, e.g. "acme.eu.qlikcloud.com"
    QString label; // free text shown in the UI
    // Organization tier: the subscriptions (parent license numbers) whose tenants it lists. The
    // organization API requires one in every tenant listing filter (FACTS §3.4).
    QStringList subscriptionIds = {}; // the initializer keeps six-field brace inits warning-free

    // Empty when the profile is usable; otherwise what is wrong, naming the field.
    [[nodiscard]] QString validationError() const;

    friend bool operator==(const CredentialProfile &, const CredentialProfile &) = default;
};

} // namespace Cloud
