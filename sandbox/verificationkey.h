#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; the header stays out of ours

namespace Sandbox {

// A public key that verifies JWT signatures (FACTS §2.4, §4.1), read with OpenSSL from the PEM an
// identity provider registers: a public key ("PUBLIC KEY" or "RSA PUBLIC KEY") or a certificate.
// Qlik takes the PEM on one line, so line breaks are optional; a private key is refused.
class VerificationKey
{
public:
    VerificationKey();
    ~VerificationKey();
    VerificationKey(const VerificationKey &);
    VerificationKey &operator=(const VerificationKey &);

    // An invalid key when the PEM is not a usable public key or certificate; *error says why.
    [[nodiscard]] static VerificationKey fromPem(const QByteArray &pem, QString *error);

    [[nodiscard]] bool isValid() const { return m_key != nullptr; }
    // "RSA 2048", "EC P-256": what the key is, for messages.
    [[nodiscard]] QString description() const;

    // Whether `signature` signs `signingInput` under the JWS algorithm `alg` (RS256/384/512,
    // PS256/384/512, ES256/384/512). False with *error for other algorithms (HS* included: a
    // shared secret is never a key here), for a key of the wrong type, and for a bad signature.
    [[nodiscard]] bool verify(const QString &alg, QByteArrayView signingInput, const QByteArray &signature,
                              QString *error) const;

    // The JWS algorithms verify() knows.
    [[nodiscard]] static bool isSupportedAlgorithm(const QString &alg);

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace Sandbox
