#include "sandbox/apierror.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

QString newTraceId()
{
    // Trace ids are not state: they come from the system generator, never from the seeded one, so
    // error answers do not shift the deterministic ids of later entities.
    const quint64 high = QRandomGenerator::global()->generate64();
    const quint64 low = QRandomGenerator::global()->generate64();
    return u"%1%2"_s.arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
}

ApiError::ApiError(int status, QString code, QString title, QString detail)
    : m_status(status)
    , m_code(std::move(code))
    , m_title(std::move(title))
    , m_detail(std::move(detail))
{ }

ApiError &ApiError::withPointer(const QString &jsonPointer)
{
    m_pointer = jsonPointer;
    return *this;
}

ApiError &ApiError::withParameter(const QString &parameter)
{
    m_parameter = parameter;
    return *this;
}

ApiError &ApiError::withMeta(const QJsonObject &meta)
{
    m_meta = meta;
    return *this;
}

ApiError &ApiError::withHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
    return *this;
}

QJsonObject ApiError::item() const
{
    QJsonObject item{{u"code"_s, m_code}, {u"title"_s, m_title}, {u"status"_s, QString::number(m_status)}};
    if (!m_detail.isEmpty())
        item.insert(u"detail"_s, m_detail);
    if (!m_meta.isEmpty())
        item.insert(u"meta"_s, m_meta);
    QJsonObject source;
    if (!m_pointer.isEmpty())
        source.insert(u"pointer"_s, m_pointer);
    if (!m_parameter.isEmpty())
        source.insert(u"parameter"_s, m_parameter);
    if (!source.isEmpty())
        item.insert(u"source"_s, source);
    return item;
}

HttpResponse ApiError::response(ErrorStyle style) const
{
    QJsonObject body;
    switch (style) {
    case ErrorStyle::Standard:
        body = {{u"errors"_s, QJsonArray{item()}}, {u"traceId"_s, newTraceId()}};
        break;
    case ErrorStyle::Spaces:
        body = {{u"errors"_s, QJsonArray{item()}},
                {u"traceId"_s, newTraceId()},
                {u"code"_s, m_code},
                {u"title"_s, m_title}};
        if (!m_detail.isEmpty())
            body.insert(u"detail"_s, m_detail);
        break;
    case ErrorStyle::Licenses:
        body = {{u"error"_s, m_title},
                {u"message"_s, m_detail.isEmpty() ? m_title : m_detail},
                {u"errors"_s, QJsonArray{item()}},
                {u"traceId"_s, newTraceId()}};
        break;
    case ErrorStyle::DataConnections: {
        QJsonObject withDetails = item();
        withDetails.insert(u"details"_s, m_detail.isEmpty() ? m_title : m_detail);
        body = {{u"errors"_s, QJsonArray{withDetails}}, {u"traceId"_s, newTraceId()}};
        break;
    }
    case ErrorStyle::SingleObject:
        body = {{u"title"_s, m_title}, {u"status"_s, m_status}, {u"code"_s, m_code}};
        if (!m_detail.isEmpty())
            body.insert(u"detail"_s, m_detail);
        if (!m_meta.isEmpty())
            body.insert(u"meta"_s, m_meta);
        break;
    }
    HttpResponse response = HttpResponse::json(m_status, body);
    for (const auto &[name, value] : m_headers)
        response.setHeader(name, value);
    return response;
}

ApiError ApiError::badRequest(const QString &detail)
{
    return ApiError(400, u"HTTP-400"_s, u"Bad Request"_s, detail);
}

ApiError ApiError::notFound(const QString &what)
{
    return ApiError(404, u"HTTP-404"_s, u"Not Found"_s, what);
}

ApiError ApiError::forbidden(const QString &detail)
{
    return ApiError(403, u"HTTP-403"_s, u"Forbidden"_s, detail);
}

ApiError ApiError::conflict(const QString &detail)
{
    return ApiError(409, u"HTTP-409"_s, u"Conflict"_s, detail);
}

} // namespace Sandbox
