#include "cloud/redaction.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Cloud::Redaction {
namespace {

bool isSensitiveQueryItem(const QString &key)
{
    const QString lower = key.toLower();
    return lower.contains(u"secret"_s) || lower.contains(u"token"_s) || lower.contains(u"password"_s)
        || lower == u"code"_s || lower == u"assertion"_s || lower == u"code_verifier"_s;
}

} // namespace

bool isSensitiveHeader(QByteArrayView name)
{
    static constexpr const char *kSensitive[] = {"authorization", "proxy-authorization", "cookie", "set-cookie"};
    for (const char *sensitive : kSensitive) {
        if (name.compare(QByteArrayView(sensitive), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString headersForLog(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList lines;
    lines.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        lines.append(QString::fromLatin1(name) + u": "_s
                     + (isSensitiveHeader(name) ? QString(kRedacted) : QString::fromLatin1(value)));
    }
    return lines.join(u"; "_s);
}

QString urlForLog(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo);
    if (shown.hasQuery()) {
        QUrlQuery query(shown);
        const auto items = query.queryItems();
        QUrlQuery redacted;
        for (const auto &[key, value] : items)
            redacted.addQueryItem(key, isSensitiveQueryItem(key) ? QString(kRedacted) : value);
        shown.setQuery(redacted);
    }
    return shown.toString(QUrl::FullyEncoded);
}

} // namespace Cloud::Redaction
