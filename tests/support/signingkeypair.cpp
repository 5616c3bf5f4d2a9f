#include "support/signingkeypair.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {
namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signingInput(const QJsonObject &header, const QJsonObject &claims)
{
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
}

template<typename Write>
QByteArray toPem(Write write)
{
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (bio && write(bio) == 1) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, static_cast<qsizetype>(size));
    }
    BIO_free(bio);
    return pem;
}

const EVP_MD *digestFor(const QString &alg)
{
    if (alg.endsWith("256"_L1))
        return EVP_sha256();
    if (alg.endsWith("384"_L1))
        return EVP_sha384();
    return EVP_sha512();
}

} // namespace

SigningKeyPair SigningKeyPair::generate(Kind kind)
{
    SigningKeyPair pair;
    EVP_PKEY *key = nullptr;
    switch (kind) {
    case Kind::Rsa2048:
        key = EVP_RSA_gen(2048);
        break;
    case Kind::EcP256:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); // EVP_EC_gen casts away const
        break;
    case Kind::EcP384:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        break;
    }
    if (key)
        pair.m_key = std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
    return pair;
}

QByteArray SigningKeyPair::publicKeyPem() const
{
    return toPem([this](BIO *bio) { return PEM_write_bio_PUBKEY(bio, m_key.get()); });
}

QByteArray SigningKeyPair::rsaPublicKeyPem() const
{
    return toPem([this](BIO *bio) {
        OSSL_ENCODER_CTX *encoder
            = OSSL_ENCODER_CTX_new_for_pkey(m_key.get(), EVP_PKEY_PUBLIC_KEY, "PEM", "type-specific", nullptr);
        const int ok = encoder && OSSL_ENCODER_to_bio(encoder, bio) == 1 ? 1 : 0;
        OSSL_ENCODER_CTX_free(encoder);
        return ok;
    });
}

QByteArray SigningKeyPair::certificatePem() const
{
    X509 *certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), 0);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 365L * 24 * 3600);
    X509_set_pubkey(certificate, m_key.get());
    X509_NAME *name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("idp.test"), -1, -1,
                               0);
    X509_set_issuer_name(certificate, name);
    QByteArray pem;
    if (X509_sign(certificate, m_key.get(), EVP_sha256()) > 0)
        pem = toPem([certificate](BIO *bio) { return PEM_write_bio_X509(bio, certificate); });
    X509_free(certificate);
    return pem;
}

QByteArray SigningKeyPair::privateKeyPem() const
{
    return toPem(
        [this](BIO *bio) { return PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
}

QByteArray SigningKeyPair::oneLine(const QByteArray &pem)
{
    QByteArray line = pem;
    line.replace('\n', QByteArray()).replace('\r', QByteArray());
    return line;
}

QByteArray SigningKeyPair::sign(const QJsonObject &header, const QJsonObject &claims) const
{
    const QString alg = header.value(u"alg"_s).toString();
    const QByteArray input = signingInput(header, claims);
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    EVP_PKEY_CTX *keyContext = nullptr;
    QByteArray signature;
    size_t length = 0;
    bool ok = EVP_DigestSignInit(context, &keyContext, digestFor(alg), nullptr, m_key.get()) == 1;
    if (ok && alg.startsWith("PS"_L1)) {
        ok = EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    ok = ok && EVP_DigestSign(context, nullptr, &length, data, static_cast<size_t>(input.size())) == 1;
    if (ok) {
        signature.resize(static_cast<qsizetype>(length));
        ok = EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                            static_cast<size_t>(input.size()))
            == 1;
        signature.resize(static_cast<qsizetype>(length));
    }
    EVP_MD_CTX_free(context);
    if (!ok)
        return {};
    if (alg.startsWith("ES"_L1)) {
        // DER -> R || S, each padded to the curve's size (RFC 7518 §3.4).
        const int size = alg == "ES256"_L1 ? 32 : alg == "ES384"_L1 ? 48 : 66;
        const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
        ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &der, signature.size());
        if (!sig)
            return {};
        QByteArray raw(2 * size, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), size);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + size, size);
        ECDSA_SIG_free(sig);
        signature = raw;
    }
    return input + '.' + base64Url(signature);
}

QByteArray SigningKeyPair::signHmac(const QJsonObject &header, const QJsonObject &claims, const QByteArray &secret)
{
    const QByteArray input = signingInput(header, claims);
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

} // namespace TestSupport
