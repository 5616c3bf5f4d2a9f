#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace Ops {

// An RSA key pair for a JWT identity provider (FACTS §2.4, §4.1), through OpenSSL: generated here,
// its private half kept only in the keychain (Secrets::SecretStore), its public half registered
// with the tenant. Signs RS256 tokens; HS* is refused by Qlik and never offered.
class JwtSigningKey
{
public:
    JwtSigningKey() = default;

    // A new 2048-bit RSA key; null (with `error`) when OpenSSL fails.
    [[nodiscard]] static JwtSigningKey generate(QString *error = nullptr);
    // From a PKCS#8 or PKCS#1 private key PEM; null (with `error`) when it is not one.
    [[nodiscard]] static JwtSigningKey fromPrivateKeyPem(const QByteArray &pem, QString *error = nullptr);

    [[nodiscard]] bool isNull() const { return !m_key; }
    [[nodiscard]] QByteArray privateKeyPem() const; // PKCS#8; a secret: keychain only
    [[nodiscard]] QByteArray publicKeyPem() const; // SubjectPublicKeyInfo, "-----BEGIN PUBLIC KEY-----"

    // A compact JWS: base64url(header).base64url(claims).base64url(RS256 signature). `header` gets
    // "alg": "RS256" and "typ": "JWT" added. Empty (with `error`) when signing fails.
    [[nodiscard]] QByteArray signJwt(QJsonObject header, const QJsonObject &claims, QString *error = nullptr) const;

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace Ops
