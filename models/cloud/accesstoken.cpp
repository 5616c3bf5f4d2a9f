#include "cloud/accesstoken.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

// A token answer without any expiry is used for a short time only; a 401 would end it earlier.
constexpr std::chrono::minutes kUnknownLifetime{5};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::chrono::milliseconds AccessToken::refreshMargin(std::chrono::milliseconds lifetime)
{
    return std::min<std::chrono::milliseconds>(lifetime / 10, std::chrono::minutes(5));
}

AccessToken AccessToken::fromTokenResponse(const QJsonDocument &document, Clock::time_point requestedAt,
                                           const QDateTime &nowUtc, QString *error)
{
    if (!document.isObject()) {
        fail(error, u"the token response is not a JSON object"_s);
        return {};
    }
    const QJsonObject object = document.object();
    const QJsonValue accessToken = object.value(u"access_token"_s);
    if (!accessToken.isString() || accessToken.toString().isEmpty()) {
        fail(error, u"the token response has no 'access_token' string"_s);
        return {};
    }
    const QJsonValue tokenType = object.value(u"token_type"_s);
    if (!tokenType.isString()) {
        fail(error, u"the token response has no 'token_type' string"_s);
        return {};
    }
    if (tokenType.toString().compare(u"bearer"_s, Qt::CaseInsensitive) != 0) {
        fail(error,
             u"the token response has token_type '%1'; only bearer tokens are supported"_s.arg(
                 tokenType.toString().left(40)));
        return {};
    }

    std::chrono::milliseconds lifetime{0};
    const QJsonValue expiresIn = object.value(u"expires_in"_s);
    const QJsonValue expiresAt = object.value(u"expires_at"_s);
    if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        if (!expiresIn.isDouble() || expiresIn.toDouble() <= 0) {
            fail(error, u"the token response's 'expires_in' is not a positive number"_s);
            return {};
        }
        lifetime = std::chrono::milliseconds(static_cast<qint64>(expiresIn.toDouble() * 1000.0));
    } else if (!expiresAt.isUndefined() && !expiresAt.isNull()) {
        const QDateTime at
            = expiresAt.isString() ? QDateTime::fromString(expiresAt.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!at.isValid()) {
            fail(error, u"the token response's 'expires_at' is not an ISO date-time"_s);
            return {};
        }
        lifetime = std::chrono::milliseconds(nowUtc.msecsTo(at));
    }
    // No expiry, or one already past by our clock (skew): use the token briefly and rely on 401s.
    if (lifetime <= std::chrono::milliseconds(0))
        lifetime = kUnknownLifetime;

    AccessToken token;
    token.value = accessToken.toString().toUtf8();
    token.scope = object.value(u"scope"_s).toString();
    token.expiresAt = requestedAt + lifetime;
    token.refreshAt = token.expiresAt - refreshMargin(lifetime);
    return token;
}

} // namespace Cloud
