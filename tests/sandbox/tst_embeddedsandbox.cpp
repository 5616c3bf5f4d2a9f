#include "sandbox/embeddedsandbox.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sandbox::EmbeddedSandbox;

// The sandbox as the GUI embeds it: on its own thread, port by signal, clean stop.
class TestEmbeddedSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsServesAndStops();
    void reportsAPortInUse();
    void refusesASecondStart();
    void destructorStopsARunningSandbox();
    void twoSandboxesSideBySide();

private:
    static int get(quint16 port, const QByteArray &host, const QString &path);
};

int TestEmbeddedSandbox::get(quint16 port, const QByteArray &host, const QString &path)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
    request.setRawHeader("Host", host);
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestEmbeddedSandbox::startsServesAndStops()
{
    EmbeddedSandbox sandbox;
    QSignalSpy started(&sandbox, &EmbeddedSandbox::started);
    QSignalSpy stopped(&sandbox, &EmbeddedSandbox::stopped);
    sandbox.start({.seed = u"empty"_s});
    QVERIFY(sandbox.isRunning());
    QVERIFY(started.wait(10000));
    const quint16 port = started.constFirst().constFirst().value<quint16>();
    QVERIFY(port > 0);
    QCOMPARE(sandbox.port(), port);
    QCOMPARE(get(port, "console.qlikcloud.com", u"/__sandbox/settings"_s), 200);
    sandbox.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(!sandbox.isRunning());
    QCOMPARE(sandbox.port(), quint16(0));
    QCOMPARE(get(port, "console.qlikcloud.com", u"/__sandbox/settings"_s), 0);
}

void TestEmbeddedSandbox::reportsAPortInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost));
    EmbeddedSandbox sandbox;
    QSignalSpy failed(&sandbox, &EmbeddedSandbox::failed);
    QSignalSpy stopped(&sandbox, &EmbeddedSandbox::stopped);
    sandbox.start({.port = occupant.serverPort(), .seed = u"empty"_s});
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(QString::number(occupant.serverPort())));
    QVERIFY(stopped.wait(10000));
}

void TestEmbeddedSandbox::refusesASecondStart()
{
    EmbeddedSandbox sandbox;
    QSignalSpy started(&sandbox, &EmbeddedSandbox::started);
    QSignalSpy failed(&sandbox, &EmbeddedSandbox::failed);
    sandbox.start({.seed = u"empty"_s});
    sandbox.start({.seed = u"empty"_s});
    QCOMPARE(failed.size(), 1);
    QVERIFY(started.wait(10000));
    QCOMPARE(started.size(), 1);
}

void TestEmbeddedSandbox::destructorStopsARunningSandbox()
{
    quint16 port = 0;
    {
        EmbeddedSandbox sandbox;
        QSignalSpy started(&sandbox, &EmbeddedSandbox::started);
        sandbox.start({.seed = u"demo"_s, .latencyMs = 200});
        QVERIFY(started.wait(10000));
        port = sandbox.port();
    }
    QCOMPARE(get(port, "console.qlikcloud.com", u"/__sandbox/settings"_s), 0);
}

void TestEmbeddedSandbox::twoSandboxesSideBySide()
{
    EmbeddedSandbox first;
    EmbeddedSandbox second;
    QSignalSpy firstStarted(&first, &EmbeddedSandbox::started);
    QSignalSpy secondStarted(&second, &EmbeddedSandbox::started);
    first.start({.seed = u"empty"_s});
    second.start({.seed = u"demo"_s});
    QVERIFY(firstStarted.wait(10000));
    QVERIFY(secondStarted.count() > 0 || secondStarted.wait(10000));
    QVERIFY(first.port() != second.port());
    // Nothing is shared: the demo's hosts exist in the second one only.
    QCOMPARE(get(second.port(), "acme-source.eu.qlikcloud.com", u"/api/v1/spaces"_s), 401);
    QCOMPARE(get(first.port(), "acme-source.eu.qlikcloud.com", u"/api/v1/spaces"_s), 404);
}

QTEST_GUILESS_MAIN(TestEmbeddedSandbox)
#include "tst_embeddedsandbox.moc"
