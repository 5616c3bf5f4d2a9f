#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <chrono>

class QJsonArray;
class QJsonObject;

namespace Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as the sandbox sees it, independent of the HTTP server library in use.
struct HttpRequest
{
    QByteArray method; // upper case: "GET", "POST", ...
    QString host; // Host header without any ":port" suffix, lower case
    QByteArray hostHeader; // Host header as received (links are built on it)
    QString path; // decoded path, e.g. "/api/v1/spaces"
    QUrlQuery query;
    HeaderList headers; // as received
    QByteArray body;

    // Case-insensitive header lookup; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;

    [[nodiscard]] static HttpResponse json(int status, const QJsonObject &body);
    [[nodiscard]] static HttpResponse json(int status, const QJsonArray &body);
    // No body at all (204, or a status whose body the spec leaves empty).
    [[nodiscard]] static HttpResponse empty(int status);
    // A redirect with a path-only Location (FACTS §17) and the small HTML body Go servers write.
    [[nodiscard]] static HttpResponse redirect(int status, const QString &location);
};

// What the transport does with an answer: send it, reset the connection (nothing committed), or
// drop the connection without answering (the change is committed: a "lost response").
struct Delivery
{
    enum class Kind { Answer, Reset, Drop };

    Kind kind = Kind::Answer;
    HttpResponse response;
    std::chrono::milliseconds delay{0};
};

} // namespace Sandbox
