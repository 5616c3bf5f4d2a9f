#include "cloud/apicall.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

ApiCall withJson(QByteArray method, const QString &host, const QString &path, const QJsonDocument &json)
{
    ApiCall call;
    call.method = std::move(method);
    call.host = host;
    call.path = path;
    call.setJson(json);
    return call;
}

} // namespace

ApiCall ApiCall::get(const QString &host, const QString &path, const QUrlQuery &query)
{
    ApiCall call;
    call.host = host;
    call.path = path;
    call.query = query;
    return call;
}

ApiCall ApiCall::del(const QString &host, const QString &path)
{
    ApiCall call;
    call.method = "DELETE";
    call.host = host;
    call.path = path;
    return call;
}

ApiCall ApiCall::post(const QString &host, const QString &path, const QJsonDocument &json)
{
    return withJson("POST", host, path, json);
}

ApiCall ApiCall::put(const QString &host, const QString &path, const QJsonDocument &json)
{
    return withJson("PUT", host, path, json);
}

ApiCall ApiCall::patch(const QString &host, const QString &path, const QJsonDocument &json)
{
    return withJson("PATCH", host, path, json);
}

ApiCall ApiCall::fromUrl(const QByteArray &method, const QUrl &absoluteUrl)
{
    ApiCall call;
    call.method = method;
    call.url = absoluteUrl;
    call.host = absoluteUrl.host().toLower();
    return call;
}

ApiCall &ApiCall::setJson(const QJsonDocument &json)
{
    body = json.isNull() ? QByteArray() : json.toJson(QJsonDocument::Compact);
    contentType = "application/json";
    return *this;
}

ApiCall &ApiCall::setBytes(const QByteArray &bytes, const QByteArray &type)
{
    body = bytes;
    contentType = type;
    return *this;
}

ApiCall &ApiCall::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QUrl ApiCall::logicalUrl() const
{
    if (!url.isEmpty())
        return url;
    QUrl result;
    result.setScheme(u"https"_s);
    result.setHost(host);
    result.setPath(path);
    if (!query.isEmpty()) {
        // Qlik's services decode '+' in a query as a space (form encoding); a literal plus must
        // travel as %2B (e.g. a timestamp "+00:00" in a filter).
        QString encoded = query.query(QUrl::FullyEncoded);
        encoded.replace(u'+', u"%2B"_s);
        result.setQuery(encoded, QUrl::StrictMode);
    }
    return result;
}

bool ApiCall::isIdempotent() const
{
    switch (idempotency) {
    case Idempotency::Idempotent:
        return true;
    case Idempotency::NotIdempotent:
        return false;
    case Idempotency::ByMethod:
        break;
    }
    const QByteArray upper = method.toUpper();
    return upper == "GET" || upper == "HEAD" || upper == "PUT" || upper == "DELETE" || upper == "OPTIONS";
}

} // namespace Cloud
