#include "ops/jwtsigningkey.h"

#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

constexpr int kRsaBits = 2048;

QString openSslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return what;
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return what + u": "_s + QString::fromLatin1(text);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

std::shared_ptr<evp_pkey_st> own(EVP_PKEY *key)
{
    return {key, EVP_PKEY_free};
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

JwtSigningKey JwtSigningKey::generate(QString *error)
{
    JwtSigningKey key;
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr),
                                                                        EVP_PKEY_CTX_free);
    EVP_PKEY *generated = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_keygen_bits(context.get(), kRsaBits) <= 0
        || EVP_PKEY_keygen(context.get(), &generated) <= 0) {
        setError(error, openSslError(u"generating an RSA key pair failed"_s));
        return key;
    }
    key.m_key = own(generated);
    return key;
}

JwtSigningKey JwtSigningKey::fromPrivateKeyPem(const QByteArray &pem, QString *error)
{
    JwtSigningKey key;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())),
                                                  BIO_free);
    EVP_PKEY *read = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!read) {
        // Never quote the PEM: it is a secret.
        setError(error, openSslError(u"the stored JWT signing key is not a PEM private key"_s));
        return key;
    }
    if (EVP_PKEY_base_id(read) != EVP_PKEY_RSA) {
        EVP_PKEY_free(read);
        setError(error, u"the stored JWT signing key is not an RSA key (RS256 needs one)"_s);
        return key;
    }
    key.m_key = own(read);
    return key;
}

QByteArray JwtSigningKey::privateKeyPem() const
{
    if (!m_key)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioBytes(bio.get());
}

QByteArray JwtSigningKey::publicKeyPem() const
{
    if (!m_key)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    return bioBytes(bio.get());
}

QByteArray JwtSigningKey::signJwt(QJsonObject header, const QJsonObject &claims, QString *error) const
{
    if (!m_key) {
        setError(error, u"no signing key"_s);
        return {};
    }
    header.insert(u"alg"_s, u"RS256"_s);
    header.insert(u"typ"_s, u"JWT"_s);
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t length = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                          static_cast<size_t>(input.size()))
            != 1) {
        setError(error, openSslError(u"signing the JWT failed"_s));
        return {};
    }
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(input.constData()), static_cast<size_t>(input.size()))
        != 1) {
        setError(error, openSslError(u"signing the JWT failed"_s));
        return {};
    }
    signature.resize(static_cast<qsizetype>(length));
    return input + '.' + base64Url(signature);
}

} // namespace Ops
