#pragma once

#include <optional>
#include <QList>
#include <QString>

namespace Cloud {

// A Qlik Cloud region: the short id in hostnames ("eu" in acme.eu.qlikcloud.com), its AWS code,
// where it is, and the country code the organization API reports (FACTS §1.2).
struct Region
{
    QString id; // "eu"
    QString awsCode; // "eu-west-1"
    QString location; // "Ireland"
    QString countryCode; // "IE"
    bool idVerified = true; // false where Qlik does not document the hostname id (br, ca, se)

    // Every region Tenantry knows, in the order of FACTS §1.2.
    [[nodiscard]] static const QList<Region> &all();
    // Case-insensitive lookups; nullopt for unknown ids and codes.
    [[nodiscard]] static std::optional<Region> fromId(const QString &id);
    [[nodiscard]] static std::optional<Region> fromAwsCode(const QString &awsCode);
    // "us, eu, de, ..." for messages that list what would have been valid.
    [[nodiscard]] static QString knownIds();

    friend bool operator==(const Region &, const Region &) = default;
};

} // namespace Cloud
