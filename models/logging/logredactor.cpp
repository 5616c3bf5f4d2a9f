#include "logging/logredactor.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Logging {

namespace {

constexpr auto caseless = QRegularExpression::CaseInsensitiveOption;

// Replaces capture group `group` of every match with `replacement`, keeping the rest of the match.
QString replaceGroup(const QString &text, const QRegularExpression &pattern, int group, QLatin1StringView replacement)
{
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength(group) == 0)
            continue;
        result += QStringView(text).mid(copied, match.capturedStart(group) - copied);
        result += replacement;
        copied = match.capturedEnd(group);
    }
    if (copied == 0)
        return text;
    result += QStringView(text).mid(copied);
    return result;
}

} // namespace

QString LogRedactor::redact(const QString &message)
{
    // Built once; matching with a const QRegularExpression is thread-safe, and the message handler runs
    // on whichever thread logs.
    static const QRegularExpression pemPrivateKey(
        u"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"_s,
        QRegularExpression::DotMatchesEverythingOption);
    // The value of an Authorization header in "Name: value", JSON or QDebug's ("Name", "value") form.
    static const QRegularExpression authorizationHeader(
        uR"((?:proxy-)?authorization["']?\s*[:=,]\s*["']?([^"'\r\n]+))"_s, caseless);
    static const QRegularExpression schemeCredentials(uR"(\b(?:bearer|basic)\s+([A-Za-z0-9\-._~+/]{8,}=*))"_s,
                                                      caseless);
    static const QRegularExpression jwt(uR"(\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"_s);
    // key: value, key=value, "key": "value", ("key", "value") for any key that ends in a secret's name (access_token,
    // clientSecret, db_password, x-api-key, …); the value quoted (escapes allowed) or up to a delimiter.
    static const QRegularExpression secretField(
        uR"((?<![A-Za-z0-9_.-])["']?[A-Za-z0-9_.-]*?)"
        uR"((?:token|secret|password|passphrase|private[_-]?key|api[_-]?key|assertion)["']?)"
        uR"(\s*(?:[:=]|,(?=\s*["']))\s*)"
        uR"(("(?:[^"\\]|\\.)*"|'[^']*'|[^\s&,;}\]"']+))"_s,
        caseless);
    static const QRegularExpression urlPassword(uR"(://[^/\s:@]+:([^/\s@]+)@)"_s);

    QString text = message;
    text.replace(pemPrivateKey, u"<redacted private key>"_s);
    text = replaceGroup(text, authorizationHeader, 1, marker);
    text = replaceGroup(text, schemeCredentials, 1, marker);
    text.replace(jwt, QString(marker));
    text = replaceGroup(text, urlPassword, 1, marker);

    // Quoted values keep their quotes so the line still reads as JSON.
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = secretField.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QStringView value = match.capturedView(1);
        if (value == marker || value == u"\"<redacted>\"" || value == u"'<redacted>'")
            continue;
        result += QStringView(text).mid(copied, match.capturedStart(1) - copied);
        const bool quoted = value.startsWith(u'"') || value.startsWith(u'\'');
        if (quoted)
            result += value.front() + marker + value.front();
        else
            result += marker;
        copied = match.capturedEnd(1);
    }
    if (copied == 0)
        return text;
    result += QStringView(text).mid(copied);
    return result;
}

} // namespace Logging
