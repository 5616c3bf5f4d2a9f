// The main window's status bar against the real sandbox (in this process): the connection state
// (connected, reconnecting after a reset, unreachable once the retries are used up) and the
// rate-limit waits the client sits out when the sandbox answers 429 with Retry-After.
#include "cloud/apicall.h"
#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "support/sandboxfixture.h"
#include "ui/connectionindicator.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::SandboxFixture;

class TestStatusBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void bucketText_data();
    void bucketText();
    void showsConnected();
    void showsRateLimitWaits();
    void showsReconnectingAndUnreachable();

private:
    bool setFaults(const QJsonArray &rules) { return m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, rules); }
    // Sends a GET of the spaces of `host` through the session's client; the request finishes later.
    QSignalSpy *listSpaces(const QString &host);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    std::vector<std::unique_ptr<QSignalSpy>> m_spies;
    QString m_host;
};

void TestStatusBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestStatusBar::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(setFaults({}));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    QVERIFY2(m_estate->open(), qPrintable(m_estate->error()));
    m_session = m_estate->session();
    m_window = m_estate->window();
    m_host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!m_host.isEmpty());
}

void TestStatusBar::cleanup()
{
    QVERIFY(setFaults({}));
    m_spies.clear();
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QSignalSpy *TestStatusBar::listSpaces(const QString &host)
{
    Cloud::ApiRequest *request = m_session->client()->send(Cloud::ApiCall::get(host, u"/api/v1/spaces"_s));
    m_spies.push_back(std::make_unique<QSignalSpy>(request, &Cloud::ApiRequest::finished));
    return m_spies.back().get();
}

void TestStatusBar::bucketText_data()
{
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<QString>("text");
    QTest::newRow("tier") << u"tier2"_s << u"tier 2"_s;
    QTest::newRow("special") << u"special:POST /v1/reloads"_s << u"POST /v1/reloads"_s;
    QTest::newRow("other") << u"console"_s << u"console"_s;
}

void TestStatusBar::bucketText()
{
    QFETCH(QString, bucket);
    QFETCH(QString, text);
    QCOMPARE(ConnectionIndicator::bucketText(bucket), text);
}

void TestStatusBar::showsConnected()
{
    ConnectionIndicator *indicator = m_window->connectionIndicator();
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->connectionText(), u"Connected"_s);
    QCOMPARE(indicator->waitText(), QString());
    m_window->setSession(nullptr);
    QCOMPARE(indicator->connectionText(), QString());
}

void TestStatusBar::showsRateLimitWaits()
{
    // Every spaces listing answers 429 with Retry-After: 1 (the sandbox's injected 429).
    QVERIFY(setFaults({QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s},
                                   {u"method"_s, u"GET"_s},
                                   {u"kind"_s, u"status"_s},
                                   {u"status"_s, 429},
                                   {u"rate"_s, 1}}}));
    ConnectionIndicator *indicator = m_window->connectionIndicator();
    QSignalSpy *finished = listSpaces(m_host);
    QTRY_VERIFY_WITH_TIMEOUT(!indicator->waitText().isEmpty(), 10000);
    const QString text = indicator->waitText();
    QVERIFY2(text.startsWith("Waiting 1 s for rate limit (tier "_L1), qPrintable(text));
    QVERIFY2(text.endsWith(u", tenant "_s + m_host + u')'), qPrintable(text));
    QVERIFY(indicator->waitLabel()->isVisible());
    QCOMPARE(indicator->connectionText(), u"Connected"_s); // a 429 is an answer

    // Once the sandbox lets it through, the request completes and the wait goes away.
    QVERIFY(setFaults({}));
    QVERIFY(finished->wait(10000));
    const auto result = finished->first().first().value<Cloud::ApiResult>();
    QVERIFY(result.ok());
    QTRY_COMPARE_WITH_TIMEOUT(indicator->waitText(), QString(), 5000);
    QVERIFY(indicator->waitLabel()->isHidden());
}

void TestStatusBar::showsReconnectingAndUnreachable()
{
    // Every connection to the spaces listing is reset: the client retries, then gives up.
    QVERIFY(setFaults({QJsonObject{
        {u"path"_s, u"^/api/v1/spaces$"_s}, {u"method"_s, u"GET"_s}, {u"kind"_s, u"reset"_s}, {u"rate"_s, 1}}}));
    ConnectionIndicator *indicator = m_window->connectionIndicator();
    QSignalSpy *finished = listSpaces(m_host);
    QTRY_COMPARE_WITH_TIMEOUT(indicator->connectionText(), u"Reconnecting to %1…"_s.arg(m_host), 10000);
    QVERIFY(!indicator->connectionLabel()->toolTip().isEmpty()); // the transport error
    QVERIFY(finished->wait(30000));
    QVERIFY(!finished->first().first().value<Cloud::ApiResult>().ok());
    QCOMPARE(indicator->connectionText(), u"Cannot reach %1"_s.arg(m_host));

    // The host answers again: connected.
    QVERIFY(setFaults({}));
    QSignalSpy *again = listSpaces(m_host);
    QVERIFY(again->wait(10000));
    QCOMPARE(indicator->connectionText(), u"Connected"_s);
}

QTEST_MAIN(TestStatusBar)
#include "tst_statusbar.moc"
