#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sandbox {

// A JWT in JWS compact form (header.payload.signature), split and decoded but not yet trusted:
// VerificationKey checks the signature, the caller checks the claims (FACTS §2.4).
class SignedJwt
{
public:
    // nullopt with *error when the text is not three base64url parts with JSON objects in the first two.
    [[nodiscard]] static std::optional<SignedJwt> parse(const QByteArray &compact, QString *error);

    [[nodiscard]] const QJsonObject &header() const { return m_header; }
    [[nodiscard]] const QJsonObject &claims() const { return m_claims; }
    [[nodiscard]] QString algorithm() const; // header "alg"
    [[nodiscard]] QString keyId() const; // header "kid"
    // What the signature covers: the first two parts as sent.
    [[nodiscard]] const QByteArray &signingInput() const { return m_signingInput; }
    [[nodiscard]] const QByteArray &signature() const { return m_signature; }

private:
    QJsonObject m_header;
    QJsonObject m_claims;
    QByteArray m_signingInput;
    QByteArray m_signature;
};

} // namespace Sandbox
