#include "sandbox/sandboxserver.h"

#include "sandbox/httpadapter.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<HttpAdapter>([this](const HttpRequest &request) { return handle(request); }))
{ }

SandboxServer::~SandboxServer() = default;

quint16 SandboxServer::listen(quint16 port)
{
    m_port = m_http->listen(QHostAddress::LocalHost, port);
    return m_port;
}

HttpResponse SandboxServer::handle(const HttpRequest &request)
{
    // No tenant, register or console host is known yet: every host is unknown (FACTS §14.2 body).
    const QJsonObject error{{u"code"_s, u"HTTP-404"_s},
                            {u"title"_s, u"Not found"_s},
                            {u"detail"_s, u"No tenant answers for host '%1'."_s.arg(request.host)},
                            {u"status"_s, u"404"_s}};
    HttpResponse response;
    response.status = 404;
    response.setHeader("Content-Type", "application/json");
    response.body = QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{error}},
                                              {u"traceId"_s, QUuid::createUuid().toString(QUuid::Id128)}})
                        .toJson(QJsonDocument::Compact);
    return response;
}

} // namespace Sandbox
