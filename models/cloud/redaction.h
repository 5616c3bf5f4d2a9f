#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QUrl;

namespace Cloud {

// What may be shown of a request in logs and error messages: credentials never are.
namespace Redaction {

inline constexpr QLatin1StringView kRedacted{"<redacted>"};

// True for headers that carry credentials (Authorization, Cookie, Set-Cookie, Proxy-Authorization).
[[nodiscard]] bool isSensitiveHeader(QByteArrayView name);

// "Name: value" lines, credentials replaced by <redacted>.
[[nodiscard]] QString headersForLog(const QList<QPair<QByteArray, QByteArray>> &headers);

// The URL without user info, and with the values of query items that look like credentials
// (client_secret, access_token, token, password, ...) replaced by <redacted>.
[[nodiscard]] QString urlForLog(const QUrl &url);

} // namespace Redaction
} // namespace Cloud
