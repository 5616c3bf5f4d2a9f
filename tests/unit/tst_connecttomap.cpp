#include "cloud/connecttomap.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::ConnectToMap;

class TestConnectToMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandboxKeepsTheRealHost_data();
    void sandboxKeepsTheRealHost();
    void sandboxRefusesOtherHosts();
    void withoutRulesUrlsGoDirect();
    void plainHttpOnlyToLoopback_data();
    void plainHttpOnlyToLoopback();
    void badTargets_data();
    void badTargets();
    void badPatterns();
    void nonExclusiveFallsThrough();
    void sandboxFromUrl();
};

void TestConnectToMap::sandboxKeepsTheRealHost_data()
{
    QTest::addColumn<QString>("logical");
    QTest::addColumn<QString>("physical");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("tenant") << u"https://acme.eu.qlikcloud.com/api/v1/spaces?limit=10"_s
                            << u"http://127.0.0.1:4711/api/v1/spaces?limit=10"_s << "acme.eu.qlikcloud.com"_ba;
    QTest::newRow("register") << u"https://register.us.qlikcloud.com/api/v1/tenants"_s
                              << u"http://127.0.0.1:4711/api/v1/tenants"_s << "register.us.qlikcloud.com"_ba;
    QTest::newRow("console, encoded query")
        << u"https://console.qlikcloud.com/api/core/tenants?filter=subscriptionId%20eq%20%22x%22"_s
        << u"http://127.0.0.1:4711/api/core/tenants?filter=subscriptionId%20eq%20%22x%22"_s
        << "console.qlikcloud.com"_ba;
    QTest::newRow("org link host") << u"https://api.qlikcloud.com/core/tenants?next=abc"_s
                                   << u"http://127.0.0.1:4711/core/tenants?next=abc"_s << "api.qlikcloud.com"_ba;
    QTest::newRow("upper case host") << u"https://ACME.eu.qlikcloud.com/x"_s << u"http://127.0.0.1:4711/x"_s
                                     << "acme.eu.qlikcloud.com"_ba;
    QTest::newRow("explicit non-default port kept in Host")
        << u"https://acme.eu.qlikcloud.com:8443/x"_s << u"http://127.0.0.1:4711/x"_s << "acme.eu.qlikcloud.com:8443"_ba;
}

void TestConnectToMap::sandboxKeepsTheRealHost()
{
    QFETCH(QString, logical);
    QFETCH(QString, physical);
    QFETCH(QByteArray, host);
    const ConnectToMap map = ConnectToMap::sandbox(4711);
    QVERIFY(map.isExclusive());
    const ConnectToMap::Route route = map.route(QUrl(logical));
    QVERIFY2(route.ok(), qPrintable(route.error));
    QCOMPARE(route.physicalUrl.toString(QUrl::FullyEncoded), physical);
    QCOMPARE(route.hostHeader, host);
}

void TestConnectToMap::sandboxRefusesOtherHosts()
{
    const ConnectToMap map = ConnectToMap::sandbox(4711);
    const ConnectToMap::Route route = map.route(QUrl(u"https://analytics.example.com/api/v1/spaces"_s));
    QVERIFY(!route.ok());
    QVERIFY2(route.error.contains(u"analytics.example.com"_s), qPrintable(route.error));
    QVERIFY2(route.error.contains(u"not served by the sandbox"_s), qPrintable(route.error));
    // A look-alike domain is not a subdomain of qlikcloud.com.
    QVERIFY(!map.route(QUrl(u"https://evilqlikcloud.com/x"_s)).ok());
}

void TestConnectToMap::withoutRulesUrlsGoDirect()
{
    const ConnectToMap map;
    const QUrl url(u"https://acme.eu.qlikcloud.com/api/v1/users/me"_s);
    const ConnectToMap::Route route = map.route(url);
    QVERIFY2(route.ok(), qPrintable(route.error));
    QCOMPARE(route.physicalUrl, url);
    QVERIFY(route.hostHeader.isEmpty());
}

void TestConnectToMap::plainHttpOnlyToLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https anywhere") << u"https://acme.eu.qlikcloud.com/"_s << true;
    QTest::newRow("http to a tenant") << u"http://acme.eu.qlikcloud.com/"_s << false;
    QTest::newRow("http to a LAN address") << u"http://192.168.1.10:8080/"_s << false;
    QTest::newRow("http to 127.0.0.1") << u"http://127.0.0.1:8080/"_s << true;
    QTest::newRow("http to 127.1.2.3") << u"http://127.1.2.3:8080/"_s << true;
    QTest::newRow("http to ::1") << u"http://[::1]:8080/"_s << true;
    QTest::newRow("http to localhost") << u"http://localhost:8080/"_s << true;
    QTest::newRow("ftp") << u"ftp://127.0.0.1/"_s << false;
}

void TestConnectToMap::plainHttpOnlyToLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const ConnectToMap::Route route = ConnectToMap().route(QUrl(url));
    QCOMPARE(route.ok(), allowed);
    if (!allowed)
        QVERIFY(!route.error.isEmpty());
}

void TestConnectToMap::badTargets_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("plain http off loopback") << u"http://10.0.0.5:8080"_s << u"non-loopback"_s;
    QTest::newRow("other scheme") << u"ftp://127.0.0.1:21"_s << u"http or https"_s;
    QTest::newRow("with path") << u"http://127.0.0.1:8080/prefix"_s << u"path"_s;
    QTest::newRow("with query") << u"http://127.0.0.1:8080?x=1"_s << u"scheme, host and port only"_s;
    QTest::newRow("no host") << u"http://"_s << u"not a URL with a host"_s;
}

void TestConnectToMap::badTargets()
{
    QFETCH(QString, target);
    QFETCH(QString, messagePart);
    ConnectToMap map;
    QString error;
    QVERIFY(!map.addRule(u"*.qlikcloud.com"_s, QUrl(target), &error));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QVERIFY(map.isEmpty());

    QString sandboxError;
    const ConnectToMap sandbox = ConnectToMap::sandbox(QUrl(target), &sandboxError);
    QVERIFY(sandbox.isEmpty());
    QVERIFY(!sandboxError.isEmpty());
}

void TestConnectToMap::badPatterns()
{
    ConnectToMap map;
    QString error;
    QVERIFY(!map.addRule(u"*"_s, QUrl(u"http://127.0.0.1:1"_s), &error));
    QVERIFY(!map.addRule(u"*."_s, QUrl(u"http://127.0.0.1:1"_s), &error));
    QVERIFY(!map.addRule(u"a*b.com"_s, QUrl(u"http://127.0.0.1:1"_s), &error));
    QVERIFY(!map.addRule(QString(), QUrl(u"http://127.0.0.1:1"_s), &error));
    QVERIFY(map.isEmpty());
}

void TestConnectToMap::nonExclusiveFallsThrough()
{
    ConnectToMap map;
    QString error;
    QVERIFY2(map.addRule(u"acme.eu.qlikcloud.com"_s, QUrl(u"https://staging-proxy.example.net:9443"_s), &error),
             qPrintable(error));
    const auto mapped = map.route(QUrl(u"https://acme.eu.qlikcloud.com/x"_s));
    QVERIFY(mapped.ok());
    QCOMPARE(mapped.physicalUrl.toString(), u"https://staging-proxy.example.net:9443/x"_s);
    QCOMPARE(mapped.hostHeader, "acme.eu.qlikcloud.com"_ba);
    const auto direct = map.route(QUrl(u"https://other.eu.qlikcloud.com/x"_s));
    QVERIFY(direct.ok());
    QCOMPARE(direct.physicalUrl.host(), u"other.eu.qlikcloud.com"_s);
}

void TestConnectToMap::sandboxFromUrl()
{
    QString error;
    const ConnectToMap map = ConnectToMap::sandbox(QUrl(u"http://127.0.0.1:9000/"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(map.route(QUrl(u"https://qlikcloud.com/x"_s)).physicalUrl.port(), 9000);
    QCOMPARE(map.route(QUrl(u"https://a.eu.qlikcloud.com/x"_s)).physicalUrl.port(), 9000);
}

QTEST_GUILESS_MAIN(TestConnectToMap)
#include "tst_connecttomap.moc"
