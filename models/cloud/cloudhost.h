#pragma once

#include <QString>

namespace Cloud {

// A Qlik Cloud hostname and what it serves (FACTS §1.1): a tenant (`<name>.<region>.qlikcloud.com`
// or an alias), a region's registration host (`register.<region>.qlikcloud.com`), or the
// organization API (`console.qlikcloud.com`; its paging links may use `api.qlikcloud.com`).
class CloudHost
{
public:
    enum class Kind {
        Tenant,
        Register,
        Organization,
    };

    CloudHost() = default;

    // Parses a hostname (no scheme, no port; case and a trailing dot are ignored). On bad input
    // returns an invalid host and sets `error` to a message naming the host and what is wrong.
    [[nodiscard]] static CloudHost parse(const QString &hostname, QString *error = nullptr);

    [[nodiscard]] static CloudHost tenant(const QString &name, const QString &regionId);
    [[nodiscard]] static CloudHost registerHost(const QString &regionId);
    [[nodiscard]] static CloudHost console();

    [[nodiscard]] bool isValid() const { return !m_hostname.isEmpty(); }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString &hostname() const { return m_hostname; }

    // The region id ("eu"), derived from the hostname. Empty for the organization host and for a
    // tenant alias whose region the hostname does not tell (e.g. `analytics.example.com`): the
    // caller must then know the region from elsewhere (the organization API, the local inventory).
    [[nodiscard]] const QString &regionId() const { return m_regionId; }

    // Tenant hosts only: the first label ("acme" of acme.eu.qlikcloud.com), for display.
    [[nodiscard]] QString tenantLabel() const;

    friend bool operator==(const CloudHost &, const CloudHost &) = default;

private:
    Kind m_kind = Kind::Tenant;
    QString m_hostname;
    QString m_regionId;
};

[[nodiscard]] QString cloudHostKindName(CloudHost::Kind kind); // "tenant" | "register" | "organization"

} // namespace Cloud
