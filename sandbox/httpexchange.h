#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as the sandbox sees it, independent of the HTTP server library in use.
struct HttpRequest
{
    QByteArray method; // upper case: "GET", "POST", ...
    QString host; // Host header without any ":port" suffix, lower case
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
};

} // namespace Sandbox
