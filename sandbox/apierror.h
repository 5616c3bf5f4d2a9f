#pragma once

#include "sandbox/httpexchange.h"

#include <QJsonObject>
#include <QString>

namespace Sandbox {

// How a Qlik service shapes its error bodies (FACTS §14.2). Every route names its family's style
// so that errors the core produces for it (401, 429, 413, ...) look like that service's own.
enum class ErrorStyle {
    Standard, // {"errors":[{code,title,detail,status:"<string>",...}],"traceId"}
    Spaces, // Standard plus the deprecated top-level code/title/detail (spaces)
    Licenses, // {"error","message","errors":[...],"traceId"} (licenses)
    SingleObject, // {"title","status":<number>,"code","detail"} (extensions, themes)
    DataConnections, // Standard whose items also carry `details`, which the spec requires (data connections)
};

// One Qlik error. `status` goes into the body as a string ("401"), as Qlik sends it.
class ApiError
{
public:
    ApiError(int status, QString code, QString title, QString detail = {});

    ApiError &withPointer(const QString &jsonPointer); // source.pointer, e.g. "/name"
    ApiError &withParameter(const QString &parameter); // source.parameter, e.g. "limit"
    ApiError &withMeta(const QJsonObject &meta);
    ApiError &withHeader(const QByteArray &name, const QByteArray &value);

    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] const QString &code() const { return m_code; }
    [[nodiscard]] const QString &title() const { return m_title; }
    [[nodiscard]] const QString &detail() const { return m_detail; }

    [[nodiscard]] QJsonObject item() const; // one entry of errors[]
    [[nodiscard]] HttpResponse response(ErrorStyle style) const;

    // The common cases, with Qlik's generic HTTP-<status> codes where FACTS names no other.
    [[nodiscard]] static ApiError badRequest(const QString &detail);
    [[nodiscard]] static ApiError notFound(const QString &what);
    [[nodiscard]] static ApiError forbidden(const QString &detail);
    [[nodiscard]] static ApiError conflict(const QString &detail);

private:
    int m_status;
    QString m_code;
    QString m_title;
    QString m_detail;
    QString m_pointer;
    QString m_parameter;
    QJsonObject m_meta;
    HeaderList m_headers;
};

// A fresh trace id (32 hex digits) for error bodies.
[[nodiscard]] QString newTraceId();

} // namespace Sandbox
