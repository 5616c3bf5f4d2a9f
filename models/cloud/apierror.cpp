#include "cloud/apierror.h"

#include "cloud/redaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

constexpr qint64 kOneDaySeconds = 24LL * 3600; // longest wait a server may ask for

// Qlik sends codes as strings ("TENANT_DISABLED") but some services use numbers (users' ErrorItem).
QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return {};
}

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Text is shown to people and may end up in logs: keep it one line and bounded.
QString oneLine(const QString &text, qsizetype limit = 500)
{
    QString simplified = text.simplified();
    if (simplified.size() > limit)
        simplified = simplified.left(limit) + u'…';
    return simplified;
}

struct ErrorFields
{
    QString code;
    QString title;
    QString detail;
};

ErrorFields fieldsOf(const QJsonObject &object)
{
    ErrorFields fields;
    fields.code = scalarText(object.value(u"code"_s));
    fields.title = scalarText(object.value(u"title"_s));
    fields.detail = scalarText(object.value(u"detail"_s));
    if (fields.detail.isEmpty())
        fields.detail = scalarText(object.value(u"details"_s)); // PublicApiError spells it "details"
    const QJsonObject meta = object.value(u"meta"_s).toObject();
    if (fields.code.isEmpty())
        fields.code = scalarText(meta.value(u"code"_s));
    if (fields.title.isEmpty())
        fields.title = scalarText(meta.value(u"title"_s));
    return fields;
}

} // namespace

ApiError::ApiError(Kind kind, const QString &detail)
    : m_kind(kind)
    , m_detail(detail)
{ }

ApiError ApiError::fromHttpResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body)
{
    ApiError error(httpStatus == 429 ? Kind::RateLimited : Kind::Http, QString());
    error.m_httpStatus = httpStatus;
    error.m_retryAfterSeconds = parseRetryAfter(headerValue(headers, "retry-after"));
    error.m_traceId = QString::fromLatin1(headerValue(headers, "x-b3-traceid")).trimmed();

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // Proxies and load balancers answer with HTML or plain text; say so rather than quote it.
        if (!body.trimmed().isEmpty())
            error.m_detail = u"the response body is not a Qlik error object (%1 bytes of %2)"_s.arg(
                QString::number(body.size()),
                QString::fromLatin1(headerValue(headers, "content-type")).section(u';', 0, 0).trimmed());
        return error;
    }

    const QJsonObject root = document.object();
    if (const QString traceId = scalarText(root.value(u"traceId"_s)); !traceId.isEmpty())
        error.m_traceId = traceId;

    ErrorFields fields;
    const QJsonArray errors = root.value(u"errors"_s).toArray();
    error.m_errorCount = static_cast<int>(errors.size());
    if (!errors.isEmpty() && errors.first().isObject())
        fields = fieldsOf(errors.first().toObject());

    // Spaces add a deprecated top-level code/title/detail; extensions and themes answer with a single
    // object {title, status, meta, source}. Either fills what errors[] did not.
    const ErrorFields top = fieldsOf(root);
    if (fields.code.isEmpty())
        fields.code = top.code;
    if (fields.title.isEmpty())
        fields.title = top.title;
    if (fields.detail.isEmpty())
        fields.detail = top.detail;

    // Licenses: {error: "util.Error", message: "...", errors[]}; OAuth (RFC 6749): {error, error_description}.
    const QString message = scalarText(root.value(u"message"_s));
    const QString oauthDescription = scalarText(root.value(u"error_description"_s));
    const QString errorName = scalarText(root.value(u"error"_s));
    if (fields.detail.isEmpty())
        fields.detail = !message.isEmpty() ? message : oauthDescription;
    if (fields.code.isEmpty())
        fields.code = errorName;

    error.m_code = oneLine(fields.code, 100);
    error.m_title = oneLine(fields.title);
    error.m_detail = oneLine(fields.detail);
    return error;
}

ApiError &ApiError::setRequest(const QByteArray &method, const QUrl &url)
{
    m_method = method;
    // Strip anything credential-like already here, so no later use of url() can leak it.
    m_url = QUrl(Redaction::urlForLog(url));
    return *this;
}

ApiError &ApiError::setHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

ApiError &ApiError::setCode(const QString &code)
{
    m_code = code;
    return *this;
}

ApiError &ApiError::setTitle(const QString &title)
{
    m_title = title;
    return *this;
}

ApiError &ApiError::setDetail(const QString &detail)
{
    m_detail = detail;
    return *this;
}

ApiError &ApiError::setTraceId(const QString &traceId)
{
    m_traceId = traceId;
    return *this;
}

ApiError &ApiError::setOutcomeUnknown(bool unknown)
{
    m_outcomeUnknown = unknown;
    return *this;
}

ApiError &ApiError::setRetryAfterSeconds(int seconds)
{
    m_retryAfterSeconds = seconds;
    return *this;
}

ApiError &ApiError::setKind(Kind kind)
{
    m_kind = kind;
    return *this;
}

QString ApiError::message() const
{
    if (isNull())
        return {};
    QString text;
    if (!m_method.isEmpty() && !m_url.isEmpty())
        text = QString::fromLatin1(m_method) + u' ' + m_url.toDisplayString() + u": "_s;

    switch (m_kind) {
    case Kind::Http:
    case Kind::RateLimited:
        if (m_httpStatus > 0)
            text += u"HTTP "_s + QString::number(m_httpStatus);
        else
            text += apiErrorKindName(m_kind);
        break;
    case Kind::None:
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Cancelled:
    case Kind::MalformedResponse:
    case Kind::Authentication:
    case Kind::RegionMismatch:
    case Kind::NoCredentials:
    case Kind::SecretUnavailable:
    case Kind::InvalidRequest:
        text += apiErrorKindName(m_kind);
        if (m_httpStatus > 0)
            text += u" (HTTP "_s + QString::number(m_httpStatus) + u')';
        break;
    }
    if (!m_title.isEmpty())
        text += u' ' + m_title;
    if (!m_code.isEmpty())
        text += u" ("_s + m_code + u')';
    if (!m_detail.isEmpty() && m_detail != m_title)
        text += u": "_s + m_detail;
    if (m_errorCount > 1)
        text += u" (+%1 more)"_s.arg(m_errorCount - 1);
    if (m_retryAfterSeconds >= 0 && m_kind == Kind::RateLimited)
        text += u"; retry after %1 s"_s.arg(m_retryAfterSeconds);
    if (m_outcomeUnknown)
        text += u"; the request may or may not have taken effect: check before retrying"_s;
    if (!m_traceId.isEmpty())
        text += u" [trace "_s + m_traceId + u']';
    return text;
}

QString apiErrorKindName(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return u"no error"_s;
    case ApiError::Kind::Network:
        return u"network error"_s;
    case ApiError::Kind::Timeout:
        return u"timed out"_s;
    case ApiError::Kind::Cancelled:
        return u"cancelled"_s;
    case ApiError::Kind::Http:
        return u"HTTP error"_s;
    case ApiError::Kind::MalformedResponse:
        return u"malformed response"_s;
    case ApiError::Kind::RateLimited:
        return u"rate limited"_s;
    case ApiError::Kind::Authentication:
        return u"authentication failed"_s;
    case ApiError::Kind::RegionMismatch:
        return u"region mismatch"_s;
    case ApiError::Kind::NoCredentials:
        return u"no credentials"_s;
    case ApiError::Kind::SecretUnavailable:
        return u"client secret unavailable"_s;
    case ApiError::Kind::InvalidRequest:
        return u"invalid request"_s;
    }
    return {};
}

int parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : static_cast<int>(std::min<qlonglong>(seconds, kOneDaySeconds));
    // RFC 9110 also allows an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT").
    if (!trimmed.endsWith(" GMT"))
        return -1;
    const QDateTime parsed
        = QLocale::c().toDateTime(QString::fromLatin1(trimmed.chopped(4)).trimmed(), u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!parsed.isValid())
        return -1;
    const QDateTime date(parsed.date(), parsed.time(), Qt::UTC);
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(date);
    return static_cast<int>(std::clamp<qint64>(delta, 0, kOneDaySeconds));
}

} // namespace Cloud
