#pragma once

#include <QString>

namespace Cloud {

// Qlik's rate-limit tiers (FACTS §14.3): tier 1 (most reads), tier 2 (writes), and
// special tiers whose per-minute limit is set per operation.
enum class RateTier { One, Two, Special };

// One operation of Qlik's contract, as derived at build time from openapi.json.
struct ApiOperation
{
    QString method; // "GET", "POST", ...
    QString pathTemplate; // "/v1/spaces/{spaceId}" (tenant API paths are relative to /api)
    RateTier tier = RateTier::One;
    int limitPerMinute = 0;

    // The budget key: a special tier is its own bucket, tiers 1 and 2 are shared buckets.
    [[nodiscard]] QString budgetKey() const;
};

} // namespace Cloud
