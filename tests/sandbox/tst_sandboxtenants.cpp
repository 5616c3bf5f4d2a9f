#include "support/sandboxfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

const QString kRegisterEu = u"register.eu.qlikcloud.com"_s;
const QString kConsole = u"console.qlikcloud.com"_s;

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

// Tenants on the register host and their own host (FACTS §3.1-3.3), and the organization API on
// the console (FACTS §3.4).
class TestSandboxTenants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsATenantFromTheSourceLicenseKey();
    void createRefusesBadLicenses_data();
    void createRefusesBadLicenses();
    void createHonoursTheQuota();
    void createChecksTheDatacenter_data();
    void createChecksTheDatacenter();
    void tenantHostGetAndMe();
    void patchSetsNameAliasAndFlags();
    void patchRejectsBadValues_data();
    void patchRejectsBadValues();
    void deactivateNeedsTheConfirmHostname();
    void deactivateAndReactivate();
    void deactivationChecksPurgeDays_data();
    void deactivationChecksPurgeDays();
    void deactivatedTenantIsPurgedAfterItsDate();
    void regionClientOnlyReachesItsTenants();
    void orgListNeedsASubscriptionFilter();
    void orgListFiltersSortsAndPages();
    void orgGetAndCount();
    void orgFilterAction();

private:
    QString licenseKey();
    QString subscriptionId();
    HttpReply deactivate(const QString &tenantId, const QString &confirm, const QJsonObject &body = {});

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_registerToken;
    QString m_consoleToken;
};

void TestSandboxTenants::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxTenants::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_registerToken = m_sandbox->http().token(kRegisterEu, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
    m_consoleToken = m_sandbox->http().token(kConsole, u"sandbox-org"_s, u"sandbox-org-secret"_s);
    QVERIFY(!m_registerToken.isEmpty() && !m_consoleToken.isEmpty());
}

QString TestSandboxTenants::licenseKey()
{
    const QString source = m_sandbox->hostOf(u"acme-source"_s);
    return m_sandbox->http()
        .get(source, u"/api/v1/licenses/overview"_s, m_sandbox->regionToken(source))
        .json()
        .value(u"licenseKey"_s)
        .toString();
}

QString TestSandboxTenants::subscriptionId()
{
    return m_sandbox->http().state().value(u"subscriptions"_s).toArray().first().toObject().value(u"id"_s).toString();
}

HttpReply TestSandboxTenants::deactivate(const QString &tenantId, const QString &confirm, const QJsonObject &body)
{
    HttpCall call{"POST", kRegisterEu, u"/api/v1/tenants/%1/actions/deactivate"_s.arg(tenantId),
                  {},     {},          m_registerToken,
                  {},     true};
    if (!confirm.isEmpty())
        call.headers.append({"qlik-confirm-hostname", confirm.toLatin1()});
    if (!body.isEmpty()) {
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        call.contentType = "application/json";
    }
    return m_sandbox->http().send(call);
}

void TestSandboxTenants::createsATenantFromTheSourceLicenseKey()
{
    const QString key = licenseKey();
    QVERIFY(!key.isEmpty());
    const HttpReply reply = m_sandbox->http().post(kRegisterEu, u"/api/v1/tenants"_s,
                                                   QJsonObject{{u"licenseKey"_s, key}}, m_registerToken);
    QCOMPARE(reply.status, 201);
    const QJsonObject tenant = reply.json();
    QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]{32}$"_s).match(tenant.value(u"id"_s).toString()).hasMatch());
    const QString name = tenant.value(u"name"_s).toString();
    QVERIFY(QRegularExpression(u"^[a-z0-9]{15}$"_s).match(name).hasMatch());
    QCOMPARE(tenant.value(u"hostnames"_s).toArray(), QJsonArray{QString(name + u".eu.qlikcloud.com"_s)});
    QCOMPARE(tenant.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(tenant.value(u"datacenter"_s).toString(), u"eu-west-1"_s);
    QCOMPARE(tenant.value(u"links"_s).toObject().value(u"self"_s).toObject().value(u"href"_s).toString(),
             u"https://register.eu.qlikcloud.com/api/v1/tenants/"_s + tenant.value(u"id"_s).toString());

    // FACTS §3.1 step 5/6: the same region client gets a token there, which creates its bot.
    const QString host = name + u".eu.qlikcloud.com"_s;
    const QString token = m_sandbox->regionToken(host);
    const HttpReply me = m_sandbox->http().get(host, u"/api/v1/users/me"_s, token);
    QCOMPARE(me.status, 301);
    const HttpReply user = m_sandbox->http().get(host, QString::fromLatin1(me.header("location")), token);
    QCOMPARE(user.json().value(u"tenantId"_s).toString(), tenant.value(u"id"_s).toString());
    // Not idempotent: a second create is a second tenant.
    QCOMPARE(m_sandbox->http()
                 .post(kRegisterEu, u"/api/v1/tenants"_s, QJsonObject{{u"licenseKey"_s, key}}, m_registerToken)
                 .status,
             201);
    QCOMPARE(m_sandbox->http().state().value(u"tenants"_s).toArray().size(), 15);
}

void TestSandboxTenants::createRefusesBadLicenses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("no key") << QByteArray("{}") << 400 << u"TENANTS-21"_s;
    QTest::newRow("empty key") << QByteArray(R"({"licenseKey":""})") << 400 << u"TENANTS-21"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"licenseKey":"eyJ.fake.key"})") << 403 << u"TENANTS-23"_s;
    QTest::newRow("key not a string") << QByteArray(R"({"licenseKey":7})") << 400 << u"HTTP-400"_s;
}

void TestSandboxTenants::createRefusesBadLicenses()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpReply reply = m_sandbox->http().send(
        {"POST", kRegisterEu, u"/api/v1/tenants"_s, body, "application/json", m_registerToken, {}, true});
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
}

void TestSandboxTenants::createHonoursTheQuota()
{
    // demo: quota 100, 13 tenants.
    const QString key = licenseKey();
    int created = 0;
    HttpReply reply;
    do {
        reply = m_sandbox->http().post(kRegisterEu, u"/api/v1/tenants"_s, QJsonObject{{u"licenseKey"_s, key}},
                                       m_registerToken);
        created += reply.status == 201;
    } while (reply.status == 201 && created < 120);
    QCOMPARE(created, 87);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.errorCode(), u"TENANTS-22"_s);
}

void TestSandboxTenants::createChecksTheDatacenter_data()
{
    QTest::addColumn<QString>("registerHost");
    QTest::addColumn<QString>("datacenter");
    QTest::addColumn<int>("status");
    QTest::newRow("eu-west-1 on eu") << kRegisterEu << u"eu-west-1"_s << 201;
    QTest::newRow("us-east-1 on eu") << kRegisterEu << u"us-east-1"_s << 400;
    QTest::newRow("unknown") << kRegisterEu << u"mars-north-1"_s << 400;
    QTest::newRow("ap-southeast-2 on ap") << u"register.ap.qlikcloud.com"_s << u"ap-southeast-2"_s << 201;
}

void TestSandboxTenants::createChecksTheDatacenter()
{
    QFETCH(QString, registerHost);
    QFETCH(QString, datacenter);
    QFETCH(int, status);
    const QString region = registerHost.split(u'.').at(1);
    const QString token = m_sandbox->http().token(registerHost, u"sandbox-region-"_s + region,
                                                  u"sandbox-region-"_s + region + u"-secret"_s);
    const HttpReply reply
        = m_sandbox->http().post(registerHost, u"/api/v1/tenants"_s,
                                 QJsonObject{{u"licenseKey"_s, licenseKey()}, {u"datacenter"_s, datacenter}}, token);
    QCOMPARE(reply.status, status);
}

void TestSandboxTenants::tenantHostGetAndMe()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const QString token = m_sandbox->regionToken(host);
    const HttpReply me = m_sandbox->http().get(host, u"/api/v1/tenants/me"_s, token);
    QCOMPARE(me.status, 302);
    const QString id = m_sandbox->tenantState(u"northwind"_s).value(u"id"_s).toString();
    QCOMPARE(me.header("location"), (u"/api/v1/tenants/"_s + id).toLatin1());
    const HttpReply tenant = m_sandbox->http().get(host, QString::fromLatin1(me.header("location")), token);
    QCOMPARE(tenant.status, 200);
    QCOMPARE(tenant.json().value(u"hostnames"_s).toArray().size(), 2);
    QCOMPARE(tenant.json().value(u"links"_s).toObject().value(u"self"_s).toObject().value(u"href"_s).toString(),
             u"https://"_s + host + u"/api/v1/tenants/"_s + id);
    // Another tenant's id is not found here.
    const QString other = m_sandbox->tenantState(u"contoso"_s).value(u"id"_s).toString();
    QCOMPARE(m_sandbox->http().get(host, u"/api/v1/tenants/"_s + other, token).status, 404);
}

void TestSandboxTenants::patchSetsNameAliasAndFlags()
{
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const QString token = m_sandbox->regionToken(host);
    const QString id = m_sandbox->tenantState(u"northwind"_s).value(u"id"_s).toString();
    const HttpReply reply = m_sandbox->http().patch(
        host, u"/api/v1/tenants/"_s + id,
        QJsonArray{
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Northwind Traders"_s}},
            QJsonObject{{u"op"_s, u"replace"_s},
                        {u"path"_s, u"/hostnames/1"_s},
                        {u"value"_s, u"northwind-traders.eu.qlikcloud.com"_s}},
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/enableAnalyticCreation"_s}, {u"value"_s, false}}},
        token);
    QCOMPARE(reply.status, 204);
    const QJsonObject tenant = m_sandbox->http().get(host, u"/api/v1/tenants/"_s + id, token).json();
    QCOMPARE(tenant.value(u"name"_s).toString(), u"Northwind Traders"_s);
    QCOMPARE(tenant.value(u"hostnames"_s).toArray().at(1).toString(), u"northwind-traders.eu.qlikcloud.com"_s);
    QCOMPARE(tenant.value(u"enableAnalyticCreation"_s).toBool(), false);
    // The new alias serves the tenant, the old one no longer does.
    QCOMPARE(m_sandbox->http().get(u"northwind-traders.eu.qlikcloud.com"_s, u"/api/v1/tenants/me"_s, token).status,
             302);
    QCOMPARE(m_sandbox->http().get(u"northwind.eu.qlikcloud.com"_s, u"/api/v1/tenants/me"_s, token).status, 404);
}

void TestSandboxTenants::patchRejectsBadValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("alias in another region") << u"/hostnames/1"_s << QJsonValue(u"x.us.qlikcloud.com"_s);
    QTest::newRow("alias taken") << u"/hostnames/1"_s << QJsonValue(u"acme-source.eu.qlikcloud.com"_s);
    QTest::newRow("alias bad label") << u"/hostnames/1"_s << QJsonValue(u"-bad-.eu.qlikcloud.com"_s);
    QTest::newRow("hostname 0") << u"/hostnames/0"_s << QJsonValue(u"x.eu.qlikcloud.com"_s);
    QTest::newRow("flag not a boolean") << u"/enableAnalyticCreation"_s << QJsonValue(u"yes"_s);
    QTest::newRow("empty name") << u"/name"_s << QJsonValue(u""_s);
    QTest::newRow("status") << u"/status"_s << QJsonValue(u"disabled"_s);
}

void TestSandboxTenants::patchRejectsBadValues()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    const QString id = m_sandbox->tenantState(u"northwind"_s).value(u"id"_s).toString();
    const HttpReply reply = m_sandbox->http().patch(
        host, u"/api/v1/tenants/"_s + id,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, path}, {u"value"_s, value}}},
        m_sandbox->regionToken(host));
    QCOMPARE(reply.status, 400);
}

void TestSandboxTenants::deactivateNeedsTheConfirmHostname()
{
    const QJsonObject northwind = m_sandbox->tenantState(u"northwind"_s);
    const QString id = northwind.value(u"id"_s).toString();
    QCOMPARE(deactivate(id, {}).status, 412);
    QCOMPARE(deactivate(id, u"acme-source.eu.qlikcloud.com"_s).status, 412);
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"active"_s);
    // Any of the tenant's hostnames confirms, the alias included.
    QCOMPARE(deactivate(id, u"northwind.eu.qlikcloud.com"_s).status, 200);
}

void TestSandboxTenants::deactivateAndReactivate()
{
    const QJsonObject northwind = m_sandbox->tenantState(u"northwind"_s);
    const QString id = northwind.value(u"id"_s).toString();
    const QString host = northwind.value(u"hostnames"_s).toArray().first().toString();
    const QString token = m_sandbox->regionToken(host);
    const HttpReply reply = deactivate(id, host, {{u"purgeAfterDays"_s, 15}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"disabled"_s);
    const QDateTime purge
        = QDateTime::fromString(reply.json().value(u"estimatedPurgeDate"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(purge) - 15) <= 1);

    const HttpReply disabled = m_sandbox->http().get(host, u"/api/v1/users"_s, token);
    QCOMPARE(disabled.status, 401);
    QCOMPARE(disabled.errorCode(), u"TENANT_DISABLED"_s);

    HttpCall call{"POST", kRegisterEu, u"/api/v1/tenants/%1/actions/reactivate"_s.arg(id), {}, {}, m_registerToken,
                  {},     true};
    QCOMPARE(m_sandbox->http().send(call).status, 412);
    call.headers.append({"qlik-confirm-hostname", host.toLatin1()});
    const HttpReply reactivated = m_sandbox->http().send(call);
    QCOMPARE(reactivated.status, 200);
    QCOMPARE(reactivated.json().value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(m_sandbox->http().get(host, u"/api/v1/users"_s, token).status, 200);
    // Two audit events, readable after reactivation (FACTS §3.3).
    QVERIFY(m_sandbox->tenantState(u"northwind"_s).value(u"auditCount"_s).toInt() >= 2);
}

void TestSandboxTenants::deactivationChecksPurgeDays_data()
{
    QTest::addColumn<QJsonValue>("days");
    QTest::newRow("9") << QJsonValue(9);
    QTest::newRow("91") << QJsonValue(91);
    QTest::newRow("fraction") << QJsonValue(10.5);
    QTest::newRow("string") << QJsonValue(u"30"_s);
}

void TestSandboxTenants::deactivationChecksPurgeDays()
{
    QFETCH(QJsonValue, days);
    const QJsonObject northwind = m_sandbox->tenantState(u"northwind"_s);
    const HttpReply reply
        = deactivate(northwind.value(u"id"_s).toString(), northwind.value(u"hostnames"_s).toArray().first().toString(),
                     {{u"purgeAfterDays"_s, days}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"active"_s);
}

void TestSandboxTenants::deactivatedTenantIsPurgedAfterItsDate()
{
    const QJsonObject northwind = m_sandbox->tenantState(u"northwind"_s);
    const QString host = northwind.value(u"hostnames"_s).toArray().first().toString();
    QCOMPARE(deactivate(northwind.value(u"id"_s).toString(), host, {{u"purgeAfterDays"_s, 10}}).status, 200);
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, 11 * 86400}}));
    QCOMPARE(m_sandbox->http().get(host, u"/api/v1/users"_s).status, 404);
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"deleted"_s);
}

void TestSandboxTenants::regionClientOnlyReachesItsTenants()
{
    // contoso is in us: not visible to the eu register host.
    const QJsonObject contoso = m_sandbox->tenantState(u"contoso"_s);
    QCOMPARE(deactivate(contoso.value(u"id"_s).toString(), contoso.value(u"hostnames"_s).toArray().first().toString())
                 .status,
             404);
}

void TestSandboxTenants::orgListNeedsASubscriptionFilter()
{
    HttpReply reply = m_sandbox->http().get(kConsole, u"/api/core/tenants"_s, m_consoleToken);
    QCOMPARE(reply.status, 400);
    reply = m_sandbox->http().get(kConsole, u"/api/core/tenants?filter="_s + encoded(u"status eq \"active\""_s),
                                  m_consoleToken);
    QCOMPARE(reply.status, 400);
    reply = m_sandbox->http().get(kConsole, u"/api/core/tenants?filter="_s + encoded(u"subscriptionId co \"1\""_s),
                                  m_consoleToken);
    QCOMPARE(reply.status, 400);
    // A tenant token is no org token.
    const QString source = m_sandbox->hostOf(u"acme-source"_s);
    QCOMPARE(m_sandbox->http().get(kConsole, u"/api/core/tenants"_s, m_sandbox->regionToken(source)).status, 401);
}

void TestSandboxTenants::orgListFiltersSortsAndPages()
{
    const QString subscription = encoded(u"subscriptionId eq \"%1\""_s.arg(subscriptionId()));
    HttpReply reply = m_sandbox->http().get(kConsole, u"/api/core/tenants?totalResults=true&filter="_s + subscription,
                                            m_consoleToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"totalResults"_s).toInt(), 13);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 13);
    const QJsonObject first = reply.json().value(u"data"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"regionCode"_s).toString(), u"eu-west-1"_s);
    QCOMPARE(first.value(u"countryCode"_s).toString(), u"IE"_s);

    reply = m_sandbox->http().get(
        kConsole,
        u"/api/core/tenants?filter="_s
            + encoded(u"subscriptionId eq \"%1\" and regionCode eq \"us-east-1\""_s.arg(subscriptionId())),
        m_consoleToken);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 5);
    reply = m_sandbox->http().get(
        kConsole,
        u"/api/core/tenants?filter="_s
            + encoded(u"subscriptionId eq \"%1\" and status eq \"disabled\""_s.arg(subscriptionId())),
        m_consoleToken);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 1);
    QVERIFY(reply.json().value(u"data"_s).toArray().first().toObject().contains(u"deletionStartsAt"_s));

    // Sort by region code descending then name; page with id cursors (FACTS §3.4).
    reply = m_sandbox->http().get(kConsole, u"/api/core/tenants?limit=4&sort=-regionCode,name&filter="_s + subscription,
                                  m_consoleToken);
    QCOMPARE(reply.json().value(u"data"_s).toArray().first().toObject().value(u"regionCode"_s).toString(),
             u"us-east-1"_s);
    QStringList ids;
    for (int pages = 0; pages < 10; ++pages) {
        for (const QJsonValue &tenant : reply.json().value(u"data"_s).toArray())
            ids.append(tenant.toObject().value(u"id"_s).toString());
        const QString next
            = reply.json().value(u"links"_s).toObject().value(u"next"_s).toObject().value(u"href"_s).toString();
        if (next.isEmpty())
            break;
        QVERIFY2(next.startsWith(u"https://console.qlikcloud.com/api/core/tenants?"_s), qPrintable(next));
        reply = m_sandbox->http().getUrl(next, m_consoleToken);
        QCOMPARE(reply.status, 200);
        // The cursor is the id of the page's first tenant.
        const QString firstId = reply.json().value(u"data"_s).toArray().first().toObject().value(u"id"_s).toString();
        QVERIFY(next.endsWith(u"next="_s + firstId) || next.contains(u"next="_s + firstId + u'&'));
    }
    QCOMPARE(ids.size(), 13);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 13);
    QCOMPARE(m_sandbox->http()
                 .get(kConsole, u"/api/core/tenants?sort=colour&filter="_s + subscription, m_consoleToken)
                 .status,
             400);
    QCOMPARE(
        m_sandbox->http().get(kConsole, u"/api/core/tenants?limit=101&filter="_s + subscription, m_consoleToken).status,
        400);
    reply = m_sandbox->http().get(kConsole, u"/api/core/tenants?limit=0&totalResults=true&filter="_s + subscription,
                                  m_consoleToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 0);
    QCOMPARE(reply.json().value(u"totalResults"_s).toInt(), 13);
}

void TestSandboxTenants::orgGetAndCount()
{
    const QString id = m_sandbox->tenantState(u"wonka"_s).value(u"id"_s).toString();
    HttpReply reply = m_sandbox->http().get(kConsole, u"/api/core/tenants/"_s + id, m_consoleToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"regionCode"_s).toString(), u"ap-southeast-2"_s);
    QCOMPARE(reply.json().value(u"countryCode"_s).toString(), u"AU"_s);
    QCOMPARE(reply.json().value(u"subscriptionId"_s).toString(), subscriptionId());
    QCOMPARE(m_sandbox->http().get(kConsole, u"/api/core/tenants/not-an-id"_s, m_consoleToken).status, 400);
    QCOMPARE(m_sandbox->http().get(kConsole, u"/api/core/tenants/"_s + QString(32, u'x'), m_consoleToken).status, 404);
    reply = m_sandbox->http().get(kConsole,
                                  u"/api/core/tenants/actions/count?filter="_s
                                      + encoded(u"subscriptionId eq \"%1\""_s.arg(subscriptionId())),
                                  m_consoleToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"total"_s).toInt(), 13);
    QCOMPARE(m_sandbox->http().get(kConsole, u"/api/core/tenants/actions/count"_s, m_consoleToken).status, 400);
}

void TestSandboxTenants::orgFilterAction()
{
    const HttpReply reply = m_sandbox->http().post(
        kConsole, u"/api/core/tenants/actions/filter?limit=2"_s,
        QJsonObject{
            {u"filter"_s, u"subscriptionId eq \"%1\" and regionCode eq \"ap-southeast-2\""_s.arg(subscriptionId())}},
        m_consoleToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 2);
    QVERIFY(reply.json().value(u"links"_s).toObject().contains(u"next"_s));
    QCOMPARE(
        m_sandbox->http().post(kConsole, u"/api/core/tenants/actions/filter"_s, QJsonObject{}, m_consoleToken).status,
        400);
}

QTEST_GUILESS_MAIN(TestSandboxTenants)
#include "tst_sandboxtenants.moc"
