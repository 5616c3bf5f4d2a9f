#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox {

class SandboxState;

// GET /__sandbox/state: everything the sandbox knows, as JSON, so tests can check what really
// happened (no duplicates, owners, publish links, request counts). Secrets (client secrets, license
// keys, tokens) are never printed.
class StateDump
{
public:
    struct Options
    {
        QString tenant; // only the tenant with this id, name or hostname; empty: all
        bool withContent = true; // per-tenant entity lists; false: tenants' own fields and counts only
    };

    [[nodiscard]] static QJsonObject dump(const SandboxState &state, const Options &options);
};

} // namespace Sandbox
