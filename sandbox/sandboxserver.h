#pragma once

#include "sandbox/httpexchange.h"

#include <memory>
#include <QObject>

namespace Sandbox {

class HttpAdapter;

// The local Qlik Cloud: one loopback port, virtual hosts by the Host header (DESIGN.md §5).
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only; port 0 picks a free port. Returns the port, or 0 on failure.
    [[nodiscard]] quint16 listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }

    // Answers one request; public so the control surface and tests share one code path.
    [[nodiscard]] HttpResponse handle(const HttpRequest &request);

private:
    std::unique_ptr<HttpAdapter> m_http;
    quint16 m_port = 0;
};

} // namespace Sandbox
