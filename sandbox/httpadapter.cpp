#include "sandbox/httpadapter.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace Sandbox {
namespace {

HttpRequest toRequest(const QHttpServerRequest &request)
{
    HttpRequest out;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        out.method = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        out.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        out.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Post:
        out.method = "POST";
        break;
    case QHttpServerRequest::Method::Head:
        out.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Options:
        out.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        out.method = "PATCH";
        break;
    case QHttpServerRequest::Method::Connect:
        out.method = "CONNECT";
        break;
    case QHttpServerRequest::Method::Trace:
        out.method = "TRACE";
        break;
    case QHttpServerRequest::Method::Unknown:
    case QHttpServerRequest::Method::AnyKnown:
        out.method = "UNKNOWN";
        break;
    }
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    out.headers = headers;
    QString host = QString::fromLatin1(request.value("host")).toLower();
    if (const qsizetype colon = host.lastIndexOf(u':'); colon > 0 && !host.endsWith(u']'))
        host.truncate(colon);
    out.host = host;
    out.path = request.url().path();
    out.query = request.query();
    out.body = request.body();
    return out;
}

} // namespace

HttpAdapter::HttpAdapter(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

HttpAdapter::~HttpAdapter() = default;

bool HttpAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpResponse response = m_handler(toRequest(request));
    QHttpServerResponder responder = makeResponder(request, socket);
    // HeaderList is an initializer_list in 6.4, so headers are written one by one.
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
    return true;
}

void HttpAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; this is only reached if that ever changes.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Sandbox
