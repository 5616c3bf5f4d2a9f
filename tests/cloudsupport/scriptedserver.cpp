#include "scriptedserver.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

ScriptedServer::Reply ScriptedServer::Reply::json(int status, const QByteArray &body)
{
    return {status, {{"Content-Type", "application/json"}}, body, 0, Action::Answer};
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onConnection);
    m_handler
        = [](const Request &) { return Reply::json(404, R"({"errors":[{"code":"HTTP-404","title":"Not found"}]})"); };
}

ScriptedServer::~ScriptedServer() = default;

quint16 ScriptedServer::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return m_server.serverPort();
}

int ScriptedServer::count(const QByteArray &method, const QByteArray &path) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const Request &request) {
        return request.method == method && request.path() == path;
    }));
}

void ScriptedServer::clear()
{
    m_requests.clear();
    m_peakConcurrent = m_concurrent;
}

void ScriptedServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() < 2) {
            socket->abort();
            return;
        }
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);

        m_requests.append(request);
        ++m_concurrent;
        m_peakConcurrent = std::max(m_peakConcurrent, m_concurrent);
        const Reply reply = m_handler(request);
        QPointer<QTcpSocket> guard(socket);
        const auto answer = [this, guard, reply] {
            --m_concurrent;
            if (!guard)
                return;
            switch (reply.action) {
            case Reply::Action::DropConnection:
                guard->abort();
                return;
            case Reply::Action::NeverAnswer:
                return;
            case Reply::Action::Answer:
                break;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
            bool hasLength = false;
            for (const auto &[name, value] : reply.headers) {
                out += name + ": " + value + "\r\n";
                hasLength = hasLength || name.compare("content-length", Qt::CaseInsensitive) == 0;
            }
            if (!hasLength)
                out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
            out += "\r\n" + reply.body;
            guard->write(out);
        };
        if (reply.action == Reply::Action::NeverAnswer) {
            --m_concurrent;
            continue;
        }
        if (reply.delayMs > 0)
            QTimer::singleShot(reply.delayMs, this, answer);
        else
            answer();
    }
}
