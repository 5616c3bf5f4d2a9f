#include "support/sandboxfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

// Keys in eu-west-1, the datacenter of the demo's eu tenants (FACTS §1.2).
const QString kMultiRegionArn = u"arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f567e1987c7612a4560"_s;
const QString kSingleRegionArn = u"arn:aws:kms:eu-west-1:111222334455:key/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"_s;

} // namespace

// /v1/encryption/keyproviders (spec; issue 6 step 9b) on the demo seed's "stark" (eu).
class TestSandboxKeyProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void registersAKey();
    void rejectsBadRegistrations_data();
    void rejectsBadRegistrations();
    void getsPatchesAndDeletes();
    void testReportsDrCompliance();
    void migratesAndResets();
    void endUsersAreRefused();

private:
    HttpReply registerKey(const QString &arn, const QString &name = u"Customer key"_s);
    QString base() const { return u"/api/v1/encryption/keyproviders"_s; }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxKeyProviders::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxKeyProviders::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"stark"_s);
    m_token = m_sandbox->regionToken(m_host);
}

HttpReply TestSandboxKeyProviders::registerKey(const QString &arn, const QString &name)
{
    return m_sandbox->http().post(
        m_host, base(),
        QJsonObject{
            {u"arn"_s, arn}, {u"name"_s, name}, {u"description"_s, u"BYOK"_s}, {u"keyprovider"_s, u"AWS-KMS"_s}},
        m_token);
}

void TestSandboxKeyProviders::registersAKey()
{
    const HttpReply reply = registerKey(kMultiRegionArn);
    QCOMPARE(reply.status, 201);
    const QJsonObject key = reply.json();
    QCOMPARE(key.value(u"arn"_s).toString(), kMultiRegionArn);
    QCOMPARE(key.value(u"arnFingerPrint"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(kMultiRegionArn.toUtf8(), QCryptographicHash::Md5).toHex()));
    QCOMPARE(key.value(u"keyprovider"_s).toString(), u"AWS-KMS"_s);
    QCOMPARE(key.value(u"current"_s).toBool(), false);
    QCOMPARE(key.value(u"multiRegion"_s).toBool(), true);

    // The spec's list schemas put the providers under "errors".
    const HttpReply list = m_sandbox->http().get(m_host, base(), m_token);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"errors"_s).toArray().size(), 1);
    const HttpReply all = m_sandbox->http().get(m_host, base() + u"/actions/list"_s, m_token);
    QCOMPARE(all.status, 200);
    const QJsonArray providers = all.json().value(u"errors"_s).toArray();
    QCOMPARE(providers.size(), 2);
    QCOMPARE(providers.first()[u"arn"_s].toString(), u"#QLIK_MANAGED_KEY_PROVIDER#"_s);
    QCOMPARE(providers.first()[u"current"_s].toBool(), true);
    const QJsonArray state = m_sandbox->tenantState(u"stark"_s).value(u"encryptionKeyProviders"_s).toArray();
    QCOMPARE(state.size(), 1);
}

void TestSandboxKeyProviders::rejectsBadRegistrations_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    const QJsonObject good{{u"arn"_s, kSingleRegionArn}, {u"name"_s, u"k"_s}};
    const auto with = [&good](const QString &key, const QJsonValue &value) {
        QJsonObject body = good;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    QTest::newRow("no arn") << with(u"arn"_s, QJsonValue::Undefined) << 400;
    QTest::newRow("no name") << with(u"name"_s, QJsonValue::Undefined) << 400;
    QTest::newRow("arn a number") << with(u"arn"_s, 5) << 400;
    QTest::newRow("other provider") << with(u"keyprovider"_s, u"GCP-KMS"_s) << 400;
    QTest::newRow("not an ARN") << with(u"arn"_s, u"my-key"_s) << 417;
    QTest::newRow("an alias ARN") << with(u"arn"_s, u"arn:aws:kms:eu-west-1:111222334455:alias/customer"_s) << 417;
    QTest::newRow("short account") << with(u"arn"_s,
                                           u"arn:aws:kms:eu-west-1:1112:key/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"_s)
                                   << 417;
    QTest::newRow("s3 ARN") << with(u"arn"_s, u"arn:aws:s3:::bucket"_s) << 417;
    QTest::newRow("key in another region")
        << with(u"arn"_s, u"arn:aws:kms:us-east-1:111222334455:key/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"_s) << 406;
}

void TestSandboxKeyProviders::rejectsBadRegistrations()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    const HttpReply reply = m_sandbox->http().post(m_host, base(), body, m_token);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.json()[u"errors"_s].toArray().first()[u"detail"_s].toString().isEmpty());
    QVERIFY(m_sandbox->tenantState(u"stark"_s).value(u"encryptionKeyProviders"_s).toArray().isEmpty());
}

void TestSandboxKeyProviders::getsPatchesAndDeletes()
{
    const QString fingerprint = registerKey(kSingleRegionArn).json()[u"arnFingerPrint"_s].toString();
    QCOMPARE(registerKey(kSingleRegionArn).status, 409);
    const QString path = base() + u'/' + fingerprint;
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json()[u"name"_s].toString(), u"Customer key"_s);
    QCOMPARE(m_sandbox->http().get(m_host, base() + u"/0123456789abcdef0123456789abcdef"_s, m_token).status, 404);
    QCOMPARE(m_sandbox->http().get(m_host, base() + u'/' + QString(65, u'f'), m_token).status, 414);
    const HttpReply patched = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Renamed"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"New text"_s}}},
        m_token);
    QCOMPARE(patched.status, 204);
    const QJsonObject after = m_sandbox->http().get(m_host, path, m_token).json();
    QCOMPARE(after[u"name"_s].toString(), u"Renamed"_s);
    QCOMPARE(after[u"description"_s].toString(), u"New text"_s);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path,
                        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/arn"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             400);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 204);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 404);
}

void TestSandboxKeyProviders::testReportsDrCompliance()
{
    const QString multi = registerKey(kMultiRegionArn, u"multi"_s).json()[u"arnFingerPrint"_s].toString();
    const QString single = registerKey(kSingleRegionArn, u"single"_s).json()[u"arnFingerPrint"_s].toString();
    const HttpReply good
        = m_sandbox->http().post(m_host, base() + u'/' + multi + u"/actions/test"_s, QJsonObject(), m_token);
    QCOMPARE(good.status, 201);
    QCOMPARE(good.json()[u"drCompliant"_s].toBool(), true);
    const QJsonArray replicas = good.json()[u"replicaKeys"_s].toArray();
    QCOMPARE(replicas.size(), 1);
    QCOMPARE(replicas.first()[u"region"_s].toString(), u"eu-west-3"_s); // the spec's example pair
    QVERIFY(replicas.first()[u"arn"_s].toString().startsWith(u"arn:aws:kms:eu-west-3:"_s));
    const HttpReply weak
        = m_sandbox->http().post(m_host, base() + u'/' + single + u"/actions/test"_s, QJsonObject(), m_token);
    QCOMPARE(weak.status, 201);
    QCOMPARE(weak.json()[u"drCompliant"_s].toBool(), false);
    QVERIFY(!weak.json()[u"complianceError"_s][u"message"_s].toString().isEmpty());
    QCOMPARE(m_sandbox->http().post(m_host, base() + u"/nope/actions/test"_s, QJsonObject(), m_token).status, 404);
}

void TestSandboxKeyProviders::migratesAndResets()
{
    QCOMPARE(m_sandbox->http().get(m_host, base() + u"/migration/actions/details"_s, m_token).status, 404);
    // Already on Qlik's key: nothing to reset.
    const HttpReply noop
        = m_sandbox->http().post(m_host, base() + u"/actions/reset-to-default-provider"_s, QJsonObject(), m_token);
    QCOMPARE(noop.status, 200);
    QVERIFY(!noop.json()[u"message"_s].toString().isEmpty());

    const QString fingerprint = registerKey(kMultiRegionArn).json()[u"arnFingerPrint"_s].toString();
    const QString key = base() + u'/' + fingerprint;
    QCOMPARE(m_sandbox->http().post(m_host, key + u"/actions/migrate"_s, QJsonObject(), m_token).status, 412);
    QCOMPARE(m_sandbox->http().post(m_host, key + u"/actions/test"_s, QJsonObject(), m_token).status, 201);
    const HttpReply started = m_sandbox->http().post(m_host, key + u"/actions/migrate"_s, QJsonObject(), m_token);
    QCOMPARE(started.status, 200);
    QCOMPARE(started.json()[u"migratingTo"_s].toString(), kMultiRegionArn);
    QCOMPARE(started.json()[u"migratingFrom"_s].toString(), u"#QLIK_MANAGED_KEY_PROVIDER#"_s);
    QCOMPARE(started.json()[u"migratingToFingerprint"_s].toString(), fingerprint);
    QVERIFY(started.json()[u"state"_s].toString() != u"Completed"_s);
    QCOMPARE(m_sandbox->http().get(m_host, key, m_token).json()[u"current"_s].toBool(), true);

    // One migration at a time; the key in use cannot go.
    QCOMPARE(m_sandbox->http().post(m_host, key + u"/actions/migrate"_s, QJsonObject(), m_token).status, 428);
    QCOMPARE(
        m_sandbox->http().post(m_host, base() + u"/actions/reset-to-default-provider"_s, QJsonObject(), m_token).status,
        406);
    QCOMPARE(m_sandbox->http().del(m_host, key, m_token).status, 424);
    QCOMPARE(
        m_sandbox->http().get(m_host, base() + u"/migration/actions/details"_s, m_token).json()[u"state"_s].toString(),
        u"InProgress"_s);

    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 61}}));
    const QJsonObject done = m_sandbox->http().get(m_host, base() + u"/migration/actions/details"_s, m_token).json();
    QCOMPARE(done[u"state"_s].toString(), u"Completed"_s);
    QCOMPARE(done[u"progress"_s].toDouble(), 100.0);
    QVERIFY(done.contains(u"completedAt"_s));

    const HttpReply reset
        = m_sandbox->http().post(m_host, base() + u"/actions/reset-to-default-provider"_s, QJsonObject(), m_token);
    QCOMPARE(reset.status, 205);
    QCOMPARE(reset.json()[u"migratingTo"_s].toString(), u"#QLIK_MANAGED_KEY_PROVIDER#"_s);
    const QJsonObject demoted = m_sandbox->http().get(m_host, key, m_token).json();
    QCOMPARE(demoted[u"current"_s].toBool(), false);
    QVERIFY(demoted.contains(u"demotedFromCurrentAt"_s));
    // While the reset runs, the key it migrates from is still in use.
    QCOMPARE(m_sandbox->http().del(m_host, key, m_token).status, 424);
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 61}}));
    QCOMPARE(m_sandbox->http().del(m_host, key, m_token).status, 204);
}

void TestSandboxKeyProviders::endUsersAreRefused()
{
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|someone"_s);
    QVERIFY(!cookie.isEmpty());
    const HttpReply reply = m_sandbox->http().send({"GET", m_host, base(), {}, {}, {}, {{"Cookie", cookie}}, true});
    QCOMPARE(reply.status, 403);
}

QTEST_GUILESS_MAIN(TestSandboxKeyProviders)
#include "tst_sandboxkeyproviders.moc"
