#pragma once

#include <functional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

// Test-only HTTP/1.1 peer on loopback whose answers a test scripts per request: any status,
// headers and body (malformed ones included), a delay, a dropped connection after reading the
// request ("lost response"), or no answer at all. Keep-alive, so the client's connection reuse is
// real. It records what it received and how many requests it held at once.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;

        [[nodiscard]] QByteArray host() const { return headers.value("host"); }
        [[nodiscard]] QByteArray path() const { return target.split('?').first(); }
    };

    struct Reply
    {
        enum class Action { Answer, DropConnection, NeverAnswer };
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        Action action = Action::Answer;

        [[nodiscard]] static Reply json(int status, const QByteArray &body);
        [[nodiscard]] static Reply drop() { return {0, {}, {}, 0, Action::DropConnection}; }
        [[nodiscard]] static Reply hang() { return {0, {}, {}, 0, Action::NeverAnswer}; }
    };

    using Handler = std::function<Reply(const Request &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    [[nodiscard]] quint16 listen(); // 127.0.0.1, a free port; 0 on failure
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] int count(const QByteArray &method, const QByteArray &path) const;
    [[nodiscard]] int peakConcurrent() const { return m_peakConcurrent; }
    void clear();

private:
    void onConnection();
    void readFrom(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_concurrent = 0;
    int m_peakConcurrent = 0;
};
