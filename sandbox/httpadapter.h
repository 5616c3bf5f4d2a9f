#pragma once

#include "sandbox/httpexchange.h"

#include <deque>
#include <functional>
#include <QAbstractHttpServer>
#include <QHash>

class QTcpSocket;

namespace Sandbox {

// The only place that knows the QHttpServer API of Qt 6.4 (a technology preview whose API changed
// in 6.5 and 6.8, see TOOLCHAIN.md). Every request goes to one handler of ours, so status codes
// are exactly ours (QHttpServer's router would answer 404 for a wrong method).
//
// Answers are never written from inside the handler: each one is sent later from a timer (its
// Delivery::delay, possibly 0), so a slow answer never blocks the event loop and concurrent clients
// see concurrency. Answers on one connection leave in request order even when their delays differ
// (a pipelining client must not see them swapped). The socket may disappear before its answer is
// due; the adapter only ever holds it through a QPointer.
class HttpAdapter final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpAdapter)

public:
    using Handler = std::function<Delivery(const HttpRequest &)>;

    explicit HttpAdapter(Handler handler, QObject *parent = nullptr);
    ~HttpAdapter() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Pending
    {
        quint64 sequence = 0;
        bool due = false;
        bool closeAfter = false; // the client asked for "Connection: close"
        bool head = false; // HEAD: headers only
        Delivery delivery;
    };

    void schedule(QTcpSocket *socket, Pending pending);
    void markDue(QTcpSocket *socket, quint64 sequence);
    void flush(QTcpSocket *socket);
    static void write(QTcpSocket *socket, const Pending &pending);
    static void reset(QTcpSocket *socket);

    Handler m_handler;
    QHash<QTcpSocket *, std::deque<Pending>> m_connections;
    quint64 m_nextSequence = 0;
};

} // namespace Sandbox
