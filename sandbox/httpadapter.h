#pragma once

#include "sandbox/httpexchange.h"

#include <functional>
#include <QAbstractHttpServer>

namespace Sandbox {

// The only place that knows the QHttpServer API of Qt 6.4 (a technology preview whose API changed
// in 6.5 and 6.8, see TOOLCHAIN.md). Every request goes to one handler of ours, so status codes
// are exactly ours (QHttpServer's router would answer 404 for a wrong method).
class HttpAdapter final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpAdapter)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpAdapter(Handler handler, QObject *parent = nullptr);
    ~HttpAdapter() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Sandbox
