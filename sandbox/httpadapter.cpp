#include "sandbox/httpadapter.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Sandbox {
namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    case QHttpServerRequest::Method::Unknown:
    case QHttpServerRequest::Method::AnyKnown:
        break;
    }
    return "UNKNOWN";
}

HttpRequest toRequest(const QHttpServerRequest &request)
{
    HttpRequest out;
    out.method = methodName(request.method());
    out.headers = request.headers();
    out.hostHeader = request.value("host");
    QString host = QString::fromLatin1(out.hostHeader).toLower();
    if (const qsizetype colon = host.lastIndexOf(u':'); colon > 0 && !host.endsWith(u']'))
        host.truncate(colon);
    out.host = host;
    out.path = request.url().path(QUrl::FullyDecoded);
    out.query = request.query();
    out.body = request.body();
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 207:
        return "Multi-Status";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        break;
    }
    return "Status";
}

// RFC 9110: these answers carry neither a body nor a Content-Length.
bool hasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

HttpAdapter::HttpAdapter(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

HttpAdapter::~HttpAdapter() = default;

bool HttpAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Pending pending;
    pending.delivery = m_handler(toRequest(request));
    pending.closeAfter = request.value("connection").toLower().contains("close");
    pending.head = request.method() == QHttpServerRequest::Method::Head;
    schedule(socket, std::move(pending));
    return true;
}

void HttpAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; this is only reached if that ever changes.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

void HttpAdapter::schedule(QTcpSocket *socket, Pending pending)
{
    if (!m_connections.contains(socket)) {
        // The pointer is only used as a key here: the socket is already gone when this runs.
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    pending.sequence = ++m_nextSequence;
    const quint64 sequence = pending.sequence;
    const std::chrono::milliseconds delay = pending.delivery.delay;
    m_connections[socket].push_back(std::move(pending));
    // Precise: a coarse timer may fire 5 % late, which would show up as latency nobody asked for.
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, guard = QPointer<QTcpSocket>(socket), sequence] {
        if (guard)
            markDue(guard, sequence);
    });
}

void HttpAdapter::markDue(QTcpSocket *socket, quint64 sequence)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    for (Pending &pending : *it) {
        if (pending.sequence == sequence) {
            pending.due = true;
            break;
        }
    }
    flush(socket);
}

void HttpAdapter::flush(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    while (it != m_connections.end() && !it->empty() && it->front().due) {
        const Pending pending = std::move(it->front());
        it->pop_front();
        switch (pending.delivery.kind) {
        case Delivery::Kind::Answer:
            write(socket, pending);
            if (!pending.closeAfter)
                break;
            it->clear();
            return;
        case Delivery::Kind::Reset:
            it->clear();
            reset(socket);
            return;
        case Delivery::Kind::Drop:
            it->clear();
            socket->disconnectFromHost();
            return;
        }
        it = m_connections.find(socket);
    }
}

void HttpAdapter::write(QTcpSocket *socket, const Pending &pending)
{
    const HttpResponse &response = pending.delivery.response;
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    const bool bodyless = hasNoBody(response.status);
    if (!bodyless)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (pending.closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!bodyless && !pending.head)
        out += response.body;
    socket->write(out);
    if (pending.closeAfter)
        socket->disconnectFromHost();
}

void HttpAdapter::reset(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // A zero linger time makes close() send RST instead of FIN: the client sees a real reset.
    const linger abortive{1, 0};
    ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
#endif
    socket->abort();
}

} // namespace Sandbox
