#include "cloud/cloudhost.h"
#include "cloud/region.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::CloudHost;
using Cloud::Region;

class TestCloudHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regionTable_data();
    void regionTable();
    void regionLookupsAreCaseInsensitive();
    void unknownRegions();
    void orgApiCodesWithoutHostnameId();
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void builders();
};

void TestCloudHost::regionTable_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("awsCode");
    QTest::addColumn<QString>("countryCode");
    QTest::addColumn<bool>("verified");
    QTest::newRow("us") << u"us"_s << u"us-east-1"_s << u"US"_s << true;
    QTest::newRow("eu") << u"eu"_s << u"eu-west-1"_s << u"IE"_s << true;
    QTest::newRow("de") << u"de"_s << u"eu-central-1"_s << u"DE"_s << true;
    QTest::newRow("uk") << u"uk"_s << u"eu-west-2"_s << u"GB"_s << true;
    // The ap/sg caveat: Qlik's spec swaps the labels; the mapping table (and AWS) say this.
    QTest::newRow("sg is ap-southeast-1") << u"sg"_s << u"ap-southeast-1"_s << u"SG"_s << true;
    QTest::newRow("ap is ap-southeast-2") << u"ap"_s << u"ap-southeast-2"_s << u"AU"_s << true;
    QTest::newRow("jp") << u"jp"_s << u"ap-northeast-1"_s << u"JP"_s << true;
    QTest::newRow("in") << u"in"_s << u"ap-south-1"_s << u"IN"_s << true;
    QTest::newRow("fr") << u"fr"_s << u"eu-west-3"_s << u"FR"_s << true;
    QTest::newRow("il") << u"il"_s << u"il-central-1"_s << u"IL"_s << true;
    QTest::newRow("ae") << u"ae"_s << u"me-central-1"_s << u"AE"_s << true;
    QTest::newRow("br unverified") << u"br"_s << u"sa-east-1"_s << u"BR"_s << false;
    QTest::newRow("ca unverified") << u"ca"_s << u"ca-central-1"_s << u"CA"_s << false;
    QTest::newRow("se unverified") << u"se"_s << u"eu-north-1"_s << u"SE"_s << false;
}

void TestCloudHost::regionTable()
{
    QFETCH(QString, id);
    QFETCH(QString, awsCode);
    QFETCH(QString, countryCode);
    QFETCH(bool, verified);

    const auto byId = Region::fromId(id);
    QVERIFY(byId.has_value());
    QCOMPARE(byId->awsCode, awsCode);
    QCOMPARE(byId->countryCode, countryCode);
    QCOMPARE(byId->idVerified, verified);
    QVERIFY(!byId->location.isEmpty());

    const auto byCode = Region::fromAwsCode(awsCode);
    QVERIFY(byCode.has_value());
    QCOMPARE(byCode->id, id);
}

void TestCloudHost::regionLookupsAreCaseInsensitive()
{
    QCOMPARE(Region::fromId(u"EU"_s)->id, u"eu"_s);
    QCOMPARE(Region::fromAwsCode(u"AP-SOUTHEAST-2"_s)->id, u"ap"_s);
    QCOMPARE(Region::all().size(), 14);
}

void TestCloudHost::unknownRegions()
{
    QVERIFY(!Region::fromId(u"xx"_s).has_value());
    QVERIFY(!Region::fromId(QString()).has_value());
    QVERIFY(Region::knownIds().startsWith(u"us, eu, de"_s));
}

void TestCloudHost::orgApiCodesWithoutHostnameId()
{
    // The organization API can report these codes, but no hostname id is known for them (FACTS §1.2).
    for (const QString &code : {u"us-east-2"_s, u"us-west-1"_s, u"us-west-2"_s})
        QVERIFY2(!Region::fromAwsCode(code).has_value(), qPrintable(code));
}

void TestCloudHost::parses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<CloudHost::Kind>("kind");
    QTest::addColumn<QString>("region");

    QTest::newRow("tenant") << u"acme.eu.qlikcloud.com"_s << u"acme.eu.qlikcloud.com"_s << CloudHost::Kind::Tenant
                            << u"eu"_s;
    QTest::newRow("generated name") << u"ire7t7hg58avbmx.us.qlikcloud.com"_s << u"ire7t7hg58avbmx.us.qlikcloud.com"_s
                                    << CloudHost::Kind::Tenant << u"us"_s;
    QTest::newRow("case and trailing dot")
        << u" Acme.AP.QlikCloud.com. "_s << u"acme.ap.qlikcloud.com"_s << CloudHost::Kind::Tenant << u"ap"_s;
    QTest::newRow("alias in a region") << u"example-tenant.us.qlikcloud.com"_s << u"example-tenant.us.qlikcloud.com"_s
                                       << CloudHost::Kind::Tenant << u"us"_s;
    QTest::newRow("custom alias: region unknown")
        << u"analytics.example.com"_s << u"analytics.example.com"_s << CloudHost::Kind::Tenant << QString();
    QTest::newRow("unknown region label: region unknown")
        << u"acme.zz.qlikcloud.com"_s << u"acme.zz.qlikcloud.com"_s << CloudHost::Kind::Tenant << QString();
    QTest::newRow("deeper name: region unknown")
        << u"a.b.eu.qlikcloud.com"_s << u"a.b.eu.qlikcloud.com"_s << CloudHost::Kind::Tenant << QString();
    QTest::newRow("register") << u"register.eu.qlikcloud.com"_s << u"register.eu.qlikcloud.com"_s
                              << CloudHost::Kind::Register << u"eu"_s;
    QTest::newRow("register sg") << u"register.sg.qlikcloud.com"_s << u"register.sg.qlikcloud.com"_s
                                 << CloudHost::Kind::Register << u"sg"_s;
    QTest::newRow("console") << u"console.qlikcloud.com"_s << u"console.qlikcloud.com"_s
                             << CloudHost::Kind::Organization << QString();
    QTest::newRow("org api link host") << u"api.qlikcloud.com"_s << u"api.qlikcloud.com"_s
                                       << CloudHost::Kind::Organization << QString();
}

void TestCloudHost::parses()
{
    QFETCH(QString, input);
    QFETCH(QString, hostname);
    QFETCH(CloudHost::Kind, kind);
    QFETCH(QString, region);

    QString error;
    const CloudHost host = CloudHost::parse(input, &error);
    QVERIFY2(host.isValid(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(host.hostname(), hostname);
    QCOMPARE(host.kind(), kind);
    QCOMPARE(host.regionId(), region);
}

void TestCloudHost::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("url") << u"https://acme.eu.qlikcloud.com"_s << u"without scheme"_s;
    QTest::newRow("port") << u"acme.eu.qlikcloud.com:443"_s << u"without scheme, port"_s;
    QTest::newRow("path") << u"acme.eu.qlikcloud.com/api"_s << u"bare hostname"_s;
    QTest::newRow("ip") << u"127.0.0.1"_s << u"IP address"_s;
    QTest::newRow("single label") << u"localhost"_s << u"fully qualified"_s;
    QTest::newRow("bad label") << u"ac_me.eu.qlikcloud.com"_s << u"invalid label 'ac_me'"_s;
    QTest::newRow("empty label") << u"acme..qlikcloud.com"_s << u"invalid label"_s;
    QTest::newRow("register of unknown region") << u"register.zz.qlikcloud.com"_s << u"unknown region 'zz'"_s;
    QTest::newRow("bare domain") << u"qlikcloud.com"_s << u"not a tenant"_s;
}

void TestCloudHost::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    QString error;
    const CloudHost host = CloudHost::parse(input, &error);
    QVERIFY(!host.isValid());
    QVERIFY2(error.contains(messagePart), qPrintable(error));
}

void TestCloudHost::builders()
{
    QCOMPARE(CloudHost::tenant(u"acme"_s, u"de"_s).hostname(), u"acme.de.qlikcloud.com"_s);
    QCOMPARE(CloudHost::tenant(u"acme"_s, u"de"_s).tenantLabel(), u"acme"_s);
    QCOMPARE(CloudHost::registerHost(u"uk"_s).hostname(), u"register.uk.qlikcloud.com"_s);
    QCOMPARE(CloudHost::registerHost(u"uk"_s).kind(), CloudHost::Kind::Register);
    QCOMPARE(CloudHost::console().hostname(), u"console.qlikcloud.com"_s);
    QVERIFY(!CloudHost::registerHost(u"nowhere"_s).isValid());
    QVERIFY(CloudHost::console().tenantLabel().isEmpty());
}

QTEST_GUILESS_MAIN(TestCloudHost)
#include "tst_cloudhost.moc"
