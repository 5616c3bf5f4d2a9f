// Ops::JwtSigningKey: RSA key pairs and RS256 JWTs through OpenSSL (FACTS §2.4, §4.1). The
// signature is checked here with OpenSSL's verifier and the public PEM alone, as Qlik would.
#include "ops/jwtsigningkey.h"

#include <QJsonDocument>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::Literals::StringLiterals;

namespace {

bool verifyRs256(const QByteArray &publicPem, const QByteArray &jwt)
{
    const qsizetype dot = jwt.lastIndexOf('.');
    const QByteArray input = jwt.left(dot);
    const QByteArray signature = QByteArray::fromBase64(jwt.mid(dot + 1), QByteArray::Base64UrlEncoding);
    BIO *bio = BIO_new_mem_buf(publicPem.constData(), static_cast<int>(publicPem.size()));
    EVP_PKEY *key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        return false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()),
                            static_cast<size_t>(input.size()))
            == 1;
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(key);
    return ok;
}

QJsonObject part(const QByteArray &jwt, int index)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.split('.').at(index), QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class TestJwtSigningKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsRs256ThatThePublicKeyVerifies();
    void privatePemRoundTrips();
    void badPemIsRefusedWithoutQuotingIt();
};

void TestJwtSigningKey::signsRs256ThatThePublicKeyVerifies()
{
    QString error;
    const Ops::JwtSigningKey key = Ops::JwtSigningKey::generate(&error);
    QVERIFY2(!key.isNull(), qPrintable(error));
    QVERIFY(key.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(key.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));

    const QByteArray jwt = key.signJwt(QJsonObject{{u"kid"_s, u"k1"_s}}, QJsonObject{{u"sub"_s, u"someone"_s}}, &error);
    QVERIFY2(!jwt.isEmpty(), qPrintable(error));
    QCOMPARE(jwt.count('.'), 2);
    QCOMPARE(part(jwt, 0), (QJsonObject{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, u"k1"_s}}));
    QCOMPARE(part(jwt, 1), (QJsonObject{{u"sub"_s, u"someone"_s}}));
    QVERIFY(!jwt.contains('='));
    QVERIFY(verifyRs256(key.publicKeyPem(), jwt));
    // Another key's public half does not verify it.
    QVERIFY(!verifyRs256(Ops::JwtSigningKey::generate().publicKeyPem(), jwt));
}

void TestJwtSigningKey::privatePemRoundTrips()
{
    const Ops::JwtSigningKey key = Ops::JwtSigningKey::generate();
    QString error;
    const Ops::JwtSigningKey read = Ops::JwtSigningKey::fromPrivateKeyPem(key.privateKeyPem(), &error);
    QVERIFY2(!read.isNull(), qPrintable(error));
    QCOMPARE(read.publicKeyPem(), key.publicKeyPem());
    QVERIFY(verifyRs256(key.publicKeyPem(), read.signJwt({}, QJsonObject{{u"a"_s, 1}})));
}

void TestJwtSigningKey::badPemIsRefusedWithoutQuotingIt()
{
    QString error;
    const QByteArray bad = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXZhbHVl\n-----END PRIVATE KEY-----\n";
    QVERIFY(Ops::JwtSigningKey::fromPrivateKeyPem(bad, &error).isNull());
    QVERIFY(error.contains(u"not a PEM private key"_s));
    QVERIFY(!error.contains(u"c2VjcmV0LXZhbHVl"_s));
    QVERIFY(Ops::JwtSigningKey().signJwt({}, {}, &error).isEmpty());
}

QTEST_GUILESS_MAIN(TestJwtSigningKey)
#include "tst_jwtsigningkey.moc"
