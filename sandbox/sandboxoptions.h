#pragma once

#include <QString>

namespace Sandbox {

// How a sandbox starts (the executable's options, DESIGN.md §5). All of it can change later through
// the control surface except the port.
struct SandboxOptions
{
    quint16 port = 0; // 0 picks a free port
    QString seed = QStringLiteral("demo"); // demo | empty | estate:TENANTS[:REGIONS]
    int latencyMs = 0; // added to every answer of a Qlik route
    int jitterMs = 0; // plus 0..jitterMs, uniformly
    int tokenTtlSeconds = 21600; // FACTS §2.1: expires_in 21600
    double timeScale = 1.0; // > 1 shrinks rate-limit windows and Retry-After

    // Content timings, in sandbox-clock seconds divided by timeScale (FACTS §7, §14.5).
    double publishVisibilitySeconds = 2; // a published copy is hidden from end users this long
    double spaceReadySeconds = 0; // a new space refuses publishing this long (0: off)
    double reloadQueuedSeconds = 1; // a reload waits QUEUED this long, then RELOADING (FACTS §10.5)
    double reloadRunSeconds = 5; // and RELOADING this long, then SUCCEEDED
    double automationRunSeconds = 3; // an automation run stays "running" this long (FACTS §12)
    qint64 maxUploadBytes = 512LL * 1024 * 1024; // app imports and temp contents (413 beyond)
};

} // namespace Sandbox
