#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Sandbox {

// A Qlik Cloud region: the id in hostnames and its AWS code (FACTS §1.2).
struct Region
{
    QString id; // "eu"
    QString datacenter; // "eu-west-1"
    QString countryCode; // "IE" (organization API)
    QString location;

    // Regions in the order seeds use them: the first three are the default estate's.
    [[nodiscard]] static const QList<Region> &all();
    [[nodiscard]] static std::optional<Region> byId(const QString &id);
    // Accepts either label of the swapped ap-southeast codes the spec shows (FACTS §1.2).
    [[nodiscard]] static std::optional<Region> byDatacenter(const QString &datacenter);
};

} // namespace Sandbox
