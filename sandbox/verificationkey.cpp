#include "sandbox/verificationkey.h"

#include <QRegularExpression>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

struct PemBlock
{
    QString label;
    QByteArray der;
};

// One PEM block, with or without line breaks (Qlik wants it on one line, FACTS §4.1).
std::optional<PemBlock> readPem(const QByteArray &text, QString *error)
{
    static const QRegularExpression block(u"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const QString pem = QString::fromLatin1(text).trimmed();
    if (pem.isEmpty()) {
        *error = u"The PEM is empty."_s;
        return std::nullopt;
    }
    const QRegularExpressionMatch match = block.match(pem);
    if (!match.hasMatch()) {
        *error = u"The PEM has no -----BEGIN ...----- / -----END ...----- block."_s;
        return std::nullopt;
    }
    if (match.captured(1) != match.captured(3)) {
        *error = u"The PEM begins with '%1' but ends with '%2'."_s.arg(match.captured(1), match.captured(3));
        return std::nullopt;
    }
    if (pem.indexOf("-----BEGIN "_L1, match.capturedEnd()) >= 0) {
        *error = u"The PEM holds more than one block; register exactly one key or certificate."_s;
        return std::nullopt;
    }
    PemBlock result;
    result.label = match.captured(1);
    if (result.label.contains("PRIVATE KEY"_L1)) {
        *error = u"The PEM is a private key; register the public key or a certificate instead."_s;
        return std::nullopt;
    }
    // Line breaks, blanks and escaped "\n" that survived a copy from JSON are not part of base64.
    QString body = match.captured(2);
    body.remove("\\n"_L1);
    body.remove(QRegularExpression(u"\\s"_s));
    const auto decoded = QByteArray::fromBase64Encoding(body.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        *error = u"The body of the PEM block is not valid base64."_s;
        return std::nullopt;
    }
    result.der = decoded.decoded;
    return result;
}

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return u"unknown error"_s;
    std::array<char, 256> text{};
    ERR_error_string_n(code, text.data(), text.size());
    return QString::fromLatin1(text.data());
}

QString groupName(EVP_PKEY *key)
{
    std::array<char, 64> name{};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, name.data(), name.size(), &length) != 1)
        return {};
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(length));
}

EVP_PKEY *decodeKey(const PemBlock &block, QString *error)
{
    const auto *cursor = reinterpret_cast<const unsigned char *>(block.der.constData());
    const auto *const end = cursor + block.der.size();
    EVP_PKEY *key = nullptr;
    if (block.label == "CERTIFICATE"_L1) {
        X509 *certificate = d2i_X509(nullptr, &cursor, block.der.size());
        if (!certificate) {
            *error = u"The certificate cannot be read: %1."_s.arg(openSslError());
            return nullptr;
        }
        key = X509_get_pubkey(certificate);
        X509_free(certificate);
    } else if (block.label == "PUBLIC KEY"_L1) {
        key = d2i_PUBKEY(nullptr, &cursor, block.der.size());
    } else if (block.label == "RSA PUBLIC KEY"_L1) {
        key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, block.der.size());
    } else {
        *error = u"A '%1' PEM is not a public key; use PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE."_s.arg(block.label);
        return nullptr;
    }
    if (!key) {
        *error = u"The %1 cannot be read: %2."_s.arg(block.label.toLower(), openSslError());
        return nullptr;
    }
    if (cursor != end) {
        EVP_PKEY_free(key);
        *error = u"The %1 has trailing bytes after its DER structure."_s.arg(block.label.toLower());
        return nullptr;
    }
    return key;
}

struct Algorithm
{
    enum class Family { Rsa, RsaPss, Ecdsa };
    Family family;
    const EVP_MD *(*digest)();
    int ecCoordinateBytes = 0; // ECDSA: R and S are each this long in a JWS signature
    QLatin1StringView ecGroup;
};

std::optional<Algorithm> algorithm(const QString &alg)
{
    using F = Algorithm::Family;
    if (alg == "RS256"_L1)
        return Algorithm{F::Rsa, EVP_sha256, 0, {}};
    if (alg == "RS384"_L1)
        return Algorithm{F::Rsa, EVP_sha384, 0, {}};
    if (alg == "RS512"_L1)
        return Algorithm{F::Rsa, EVP_sha512, 0, {}};
    if (alg == "PS256"_L1)
        return Algorithm{F::RsaPss, EVP_sha256, 0, {}};
    if (alg == "PS384"_L1)
        return Algorithm{F::RsaPss, EVP_sha384, 0, {}};
    if (alg == "PS512"_L1)
        return Algorithm{F::RsaPss, EVP_sha512, 0, {}};
    if (alg == "ES256"_L1)
        return Algorithm{F::Ecdsa, EVP_sha256, 32, "prime256v1"_L1};
    if (alg == "ES384"_L1)
        return Algorithm{F::Ecdsa, EVP_sha384, 48, "secp384r1"_L1};
    if (alg == "ES512"_L1)
        return Algorithm{F::Ecdsa, EVP_sha512, 66, "secp521r1"_L1};
    return std::nullopt;
}

// JWS carries ECDSA signatures as R || S (RFC 7518 §3.4); OpenSSL wants DER.
QByteArray ecdsaToDer(const QByteArray &signature, int coordinateBytes)
{
    if (signature.size() != 2 * coordinateBytes)
        return {};
    const auto *raw = reinterpret_cast<const unsigned char *>(signature.constData());
    BIGNUM *r = BN_bin2bn(raw, coordinateBytes, nullptr);
    BIGNUM *s = BN_bin2bn(raw + coordinateBytes, coordinateBytes, nullptr);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    if (!r || !s || !sig || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return {};
    }
    QByteArray der;
    const int length = i2d_ECDSA_SIG(sig, nullptr);
    if (length > 0) {
        der.resize(length);
        auto *out = reinterpret_cast<unsigned char *>(der.data());
        i2d_ECDSA_SIG(sig, &out);
    }
    ECDSA_SIG_free(sig);
    return der;
}

} // namespace

VerificationKey::VerificationKey() = default;
VerificationKey::~VerificationKey() = default;
VerificationKey::VerificationKey(const VerificationKey &) = default;
VerificationKey &VerificationKey::operator=(const VerificationKey &) = default;

VerificationKey VerificationKey::fromPem(const QByteArray &pem, QString *error)
{
    VerificationKey result;
    const std::optional<PemBlock> block = readPem(pem, error);
    if (!block)
        return result;
    EVP_PKEY *key = decodeKey(*block, error);
    if (!key)
        return result;
    const int type = EVP_PKEY_get_base_id(key);
    if (type == EVP_PKEY_EC) {
        const QString group = groupName(key);
        if (group != "prime256v1"_L1 && group != "secp384r1"_L1 && group != "secp521r1"_L1) {
            *error = u"The EC key is on curve '%1'; JWT keys use P-256, P-384 or P-521."_s.arg(group);
            EVP_PKEY_free(key);
            return result;
        }
    } else if (type != EVP_PKEY_RSA && type != EVP_PKEY_RSA_PSS) {
        *error = u"The key type is not supported for JWT signatures; use an RSA or EC key."_s;
        EVP_PKEY_free(key);
        return result;
    }
    result.m_key = std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
    return result;
}

QString VerificationKey::description() const
{
    if (!m_key)
        return {};
    EVP_PKEY *key = m_key.get();
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC)
        return u"EC "_s + groupName(key);
    return u"RSA %1"_s.arg(EVP_PKEY_get_bits(key));
}

bool VerificationKey::isSupportedAlgorithm(const QString &alg)
{
    return algorithm(alg).has_value();
}

bool VerificationKey::verify(const QString &alg, QByteArrayView signingInput, const QByteArray &signature,
                             QString *error) const
{
    if (!m_key) {
        *error = u"no key"_s;
        return false;
    }
    const std::optional<Algorithm> algo = algorithm(alg);
    if (!algo) {
        *error = alg.startsWith("HS"_L1) ? u"HMAC algorithms (%1) are not accepted; sign with a private key."_s.arg(alg)
                                         : u"The signing algorithm '%1' is not supported."_s.arg(alg);
        return false;
    }
    EVP_PKEY *key = m_key.get();
    const int type = EVP_PKEY_get_base_id(key);
    QByteArray sig = signature;
    switch (algo->family) {
    case Algorithm::Family::Rsa:
    case Algorithm::Family::RsaPss:
        if (type != EVP_PKEY_RSA && type != EVP_PKEY_RSA_PSS) {
            *error = u"The token is signed with %1 but the registered key is %2."_s.arg(alg, description());
            return false;
        }
        break;
    case Algorithm::Family::Ecdsa:
        if (type != EVP_PKEY_EC || groupName(key) != algo->ecGroup) {
            *error = u"The token is signed with %1 but the registered key is %2."_s.arg(alg, description());
            return false;
        }
        sig = ecdsaToDer(signature, algo->ecCoordinateBytes);
        if (sig.isEmpty()) {
            *error = u"The %1 signature has the wrong length."_s.arg(alg);
            return false;
        }
        break;
    }

    EVP_MD_CTX *context = EVP_MD_CTX_new();
    EVP_PKEY_CTX *keyContext = nullptr;
    bool ok = context && EVP_DigestVerifyInit(context, &keyContext, algo->digest(), nullptr, key) == 1;
    if (ok && algo->family == Algorithm::Family::RsaPss) {
        ok = EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
    if (ok) {
        ok = EVP_DigestVerify(
                 context, reinterpret_cast<const unsigned char *>(sig.constData()), static_cast<size_t>(sig.size()),
                 reinterpret_cast<const unsigned char *>(signingInput.data()), static_cast<size_t>(signingInput.size()))
            == 1;
    }
    EVP_MD_CTX_free(context);
    ERR_clear_error();
    if (!ok)
        *error = u"The token's signature does not verify with the registered key."_s;
    return ok;
}

} // namespace Sandbox
