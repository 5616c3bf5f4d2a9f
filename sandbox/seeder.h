#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Sandbox {

class SandboxState;

// A seed as the executable and POST /__sandbox/reset name it.
struct SeedSpec
{
    enum class Kind { Empty, Demo, Estate };

    Kind kind = Kind::Demo;
    int tenants = 0; // estate
    int regions = 3; // estate

    [[nodiscard]] static std::optional<SeedSpec> parse(const QString &text); // demo | empty | estate:N[:R]
    [[nodiscard]] QString name() const;
};

// Fills a state from a seed, deterministically: the same seed always gives the same ids, names,
// hostnames and content (timestamps of seeded entities are fixed too; only purge dates and license
// validity follow the clock so they stay in the future).
//
// Every seed has the organization client sandbox-org / sandbox-org-secret and one region client
// sandbox-region-<region> / sandbox-region-<region>-secret per seeded region, all bound to one
// subscription whose license key the source tenant's /v1/licenses/overview shows.
class Seeder
{
public:
    static void apply(const SeedSpec &spec, SandboxState &state, const QDateTime &now);
};

} // namespace Sandbox
