#pragma once

#include "sandbox/httpexchange.h"
#include "sandbox/sandboxoptions.h"

#include <chrono>
#include <memory>
#include <optional>
#include <QObject>
#include <random>

namespace Sandbox {

class FaultInjector;
class ReloadFailures;
class HttpAdapter;
class RateLimiter;
class Router;
class SandboxClock;
class SandboxState;
class TokenAuthority;
struct HostContext;

// The local Qlik Cloud: one loopback port, virtual hosts by the Host header (DESIGN.md §5).
// Everything lives in the thread that owns this object; nothing is global, so several sandboxes
// can run side by side (tests, the GUI's embedded one).
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only; port 0 picks a free port. Returns the port, or 0 on failure.
    [[nodiscard]] quint16 listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }

    // Replaces the whole state with a seed ("demo", "empty", "estate:N[:R]"); forgets tokens,
    // faults, reload failures, rate-limit overrides and counters. Returns an error message for an unknown seed.
    [[nodiscard]] QString reset(const QString &seed);

    // Answers one request (what the transport calls); public so tests can drive it directly.
    [[nodiscard]] Delivery handle(const HttpRequest &request);

    [[nodiscard]] const SandboxOptions &options() const { return m_options; }
    [[nodiscard]] qint64 lastSeedMs() const { return m_lastSeedMs; }

private:
    [[nodiscard]] std::optional<HostContext> resolveHost(const QString &host);
    [[nodiscard]] std::chrono::milliseconds latency();

    SandboxOptions m_options;
    std::unique_ptr<SandboxClock> m_clock;
    std::unique_ptr<SandboxState> m_state;
    std::unique_ptr<TokenAuthority> m_authority;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<ReloadFailures> m_reloadFailures;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpAdapter> m_http;
    std::mt19937_64 m_jitter;
    quint16 m_port = 0;
    qint64 m_lastSeedMs = 0;
};

} // namespace Sandbox
