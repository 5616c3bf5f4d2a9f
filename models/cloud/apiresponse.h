#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

namespace Cloud {

// An HTTP answer as the caller sees it: status, headers, body and, for JSON answers, the parsed
// document (already checked to be well-formed).
struct ApiResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonDocument json; // null when the answer has no JSON body
    QUrl url; // the logical URL that answered (after redirects)

    // Case-insensitive; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    // "Location" resolved against `url` (Qlik sends path-only locations, FACTS §17).
    [[nodiscard]] QUrl location() const;
};

} // namespace Cloud
