#include "sandbox/signedjwt.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

std::optional<QByteArray> base64Url(const QByteArray &part)
{
    // base64url without padding (RFC 7515 §2); '+', '/' and '=' are not part of it.
    for (const char c : part) {
        const bool ok
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded
        = QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QJsonObject> jsonObject(const QByteArray &part, const QString &what, QString *error)
{
    const std::optional<QByteArray> bytes = base64Url(part);
    if (!bytes) {
        *error = u"The JWT %1 is not base64url."_s.arg(what);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"The JWT %1 is not a JSON object."_s.arg(what);
        return std::nullopt;
    }
    return document.object();
}

} // namespace

std::optional<SignedJwt> SignedJwt::parse(const QByteArray &compact, QString *error)
{
    const QList<QByteArray> parts = compact.trimmed().split('.');
    if (parts.size() != 3) {
        *error = parts.size() == 5 ? u"Encrypted JWTs (JWE) are not accepted; send a signed JWT."_s
                                   : u"The bearer value is not a JWT (header.payload.signature)."_s;
        return std::nullopt;
    }
    SignedJwt jwt;
    const std::optional<QJsonObject> header = jsonObject(parts.at(0), u"header"_s, error);
    if (!header)
        return std::nullopt;
    const std::optional<QJsonObject> claims = jsonObject(parts.at(1), u"payload"_s, error);
    if (!claims)
        return std::nullopt;
    const std::optional<QByteArray> signature = base64Url(parts.at(2));
    if (!signature || signature->isEmpty()) {
        *error = u"The JWT has no signature; unsigned tokens are not accepted."_s;
        return std::nullopt;
    }
    jwt.m_header = *header;
    jwt.m_claims = *claims;
    jwt.m_signingInput = parts.at(0) + '.' + parts.at(1);
    jwt.m_signature = *signature;
    return jwt;
}

QString SignedJwt::algorithm() const
{
    return m_header.value(u"alg"_s).toString();
}

QString SignedJwt::keyId() const
{
    return m_header.value(u"kid"_s).toString();
}

} // namespace Sandbox
