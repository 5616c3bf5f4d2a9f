#include "support/sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

// A raw HTTP/1.1 exchange on one socket, where the tests need to see the connection itself.
struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// Reads complete answers (Content-Length framed) from the socket until `count` arrived or the
// connection ends; an answer cut short is not returned.
QList<RawAnswer> readAnswers(QTcpSocket &socket, int count, int timeoutMs = 10000)
{
    QList<RawAnswer> answers;
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (answers.size() < count && timer.elapsed() < timeoutMs) {
        buffer += socket.readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = buffer.left(headEnd);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() >= headEnd + 4 + length) {
                RawAnswer answer;
                answer.head = head;
                answer.status = head.mid(9, 3).toInt();
                answer.body = buffer.mid(headEnd + 4, length);
                buffer.remove(0, headEnd + 4 + length);
                answers.append(answer);
                continue;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QSignalSpy readable(&socket, &QTcpSocket::readyRead);
        if (socket.bytesAvailable() == 0)
            readable.wait(200);
    }
    return answers;
}

QByteArray rawRequest(const QByteArray &method, const QString &host, const QString &path, const QString &token = {},
                      const QByteArray &body = {}, const QByteArray &extra = {})
{
    QByteArray request = method + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: " + host.toLatin1() + "\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += extra + "\r\n" + body;
    return request;
}

} // namespace

// Deferred answers, latency and jitter, keep-alive, many connections, and the transport faults
// (reset, lost response, delay, status) seen from real sockets.
class TestSandboxTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void latencyDelaysAnswers();
    void slowAnswersDoNotBlockOthers();
    void keepAliveServesManyRequestsOnOneConnection();
    void pipelinedAnswersKeepTheirOrder();
    void manyConnectionsAtOnce();
    void clientThatLeavesEarlyDoesNotHurt();
    void connectionCloseIsHonoured();
    void headHasNoBody();
    void resetFaultCommitsNothing();
    void lostResponseCommitsThenDrops();
    void delayFault();
    void statusFaultAnswersWithAQlikBody();
    void faultsAreReproducible();
    void controlSurfaceIsNeverDelayedOrFaulted();

private:
    bool setSettings(const QJsonObject &settings);
    bool setFaults(const QJsonValue &rules);
    int spaceCount();

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxTransport::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxTransport::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(setSettings({{u"latencyMs"_s, 0}, {u"jitterMs"_s, 0}}));
    m_host = m_sandbox->hostOf(u"acme-source"_s);
    m_token = m_sandbox->regionToken(m_host);
    QVERIFY(!m_token.isEmpty());
}

bool TestSandboxTransport::setSettings(const QJsonObject &settings)
{
    return m_sandbox->http().control("PUT", u"/__sandbox/settings"_s, settings);
}

bool TestSandboxTransport::setFaults(const QJsonValue &rules)
{
    return m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, rules);
}

int TestSandboxTransport::spaceCount()
{
    return m_sandbox->tenantState(u"acme-source"_s).value(u"spaces"_s).toArray().size();
}

void TestSandboxTransport::latencyDelaysAnswers()
{
    QVERIFY(setSettings({{u"latencyMs"_s, 250}, {u"jitterMs"_s, 50}}));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 250, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
}

void TestSandboxTransport::slowAnswersDoNotBlockOthers()
{
    // 24 requests in flight over 4 managers (6 connections each); with 400 ms latency a blocking
    // server would need 24 × 400 ms, a deferring one about 400 ms.
    QVERIFY(setSettings({{u"latencyMs"_s, 400}}));
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < 4; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QList<QNetworkReply *> replies;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 24; ++i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/api/v1/spaces"_s.arg(m_sandbox->port())));
        request.setRawHeader("Host", m_host.toLatin1());
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        replies.append(managers[i % 4]->get(request));
    }
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished())
            QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 1600, qPrintable(u"24 requests took %1 ms"_s.arg(elapsed)));
}

void TestSandboxTransport::keepAliveServesManyRequestsOnOneConnection()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    for (int i = 0; i < 5; ++i) {
        socket.write(rawRequest("GET", m_host, u"/api/v1/spaces/types"_s, m_token));
        const QList<RawAnswer> answers = readAnswers(socket, 1);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().status, 200);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
}

void TestSandboxTransport::pipelinedAnswersKeepTheirOrder()
{
    // The first request is delayed by a fault; its answer must still come first.
    QVERIFY(setFaults(QJsonArray{QJsonObject{
        {u"path"_s, u"^/api/v1/spaces$"_s}, {u"kind"_s, u"delay"_s}, {u"delayMs"_s, 300}, {u"rate"_s, 1}}}));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawRequest("GET", m_host, u"/api/v1/spaces"_s, m_token)
                 + rawRequest("GET", m_host, u"/api/v1/spaces/types"_s, m_token));
    const QList<RawAnswer> answers = readAnswers(socket, 2);
    QCOMPARE(answers.size(), 2);
    QVERIFY(answers.at(0).body.contains("\"meta\""));
    QVERIFY(answers.at(1).body.contains("\"managed\""));
}

void TestSandboxTransport::manyConnectionsAtOnce()
{
    QVERIFY(setSettings({{u"latencyMs"_s, 100}}));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 150; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_sandbox->port());
        sockets.push_back(std::move(socket));
    }
    for (auto &socket : sockets) {
        QVERIFY(socket->waitForConnected(5000));
        socket->write(rawRequest("GET", m_host, u"/api/v1/spaces/types"_s, m_token));
    }
    int answered = 0;
    for (auto &socket : sockets) {
        const QList<RawAnswer> answers = readAnswers(*socket, 1);
        answered += answers.size() == 1 && answers.first().status == 200;
    }
    QCOMPARE(answered, 150);
}

void TestSandboxTransport::clientThatLeavesEarlyDoesNotHurt()
{
    QVERIFY(setSettings({{u"latencyMs"_s, 200}}));
    for (int i = 0; i < 20; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(rawRequest("GET", m_host, u"/api/v1/spaces"_s, m_token));
        QVERIFY(socket.waitForBytesWritten(5000));
        socket.abort();
    }
    // The answers come due after their sockets are gone; the server keeps serving.
    QTest::qWait(400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
}

void TestSandboxTransport::connectionCloseIsHonoured()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawRequest("GET", m_host, u"/api/v1/spaces/types"_s, m_token, {}, "Connection: close\r\n"));
    const QList<RawAnswer> answers = readAnswers(socket, 1);
    QCOMPARE(answers.size(), 1);
    QVERIFY(answers.first().head.toLower().contains("connection: close"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestSandboxTransport::headHasNoBody()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    // HEAD is not an operation of the spec: 405, and still no body on the wire.
    socket.write(rawRequest("HEAD", m_host, u"/api/v1/spaces"_s, m_token)
                 + rawRequest("GET", m_host, u"/api/v1/spaces/types"_s, m_token));
    QByteArray received;
    QSignalSpy readable(&socket, &QTcpSocket::readyRead);
    for (int i = 0; i < 50 && !(received.count("HTTP/1.1 ") == 2 && received.endsWith("]}")); ++i) {
        if (socket.bytesAvailable() == 0)
            readable.wait(100);
        received += socket.readAll();
    }
    QVERIFY(received.startsWith("HTTP/1.1 405 "));
    const qsizetype second = received.indexOf("HTTP/1.1 200 ");
    QVERIFY(second > 0);
    QVERIFY(received.left(second).endsWith("\r\n\r\n"));
}

void TestSandboxTransport::resetFaultCommitsNothing()
{
    QVERIFY(setFaults(QJsonArray{
        QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s}, {u"method"_s, u"POST"_s}, {u"kind"_s, u"reset"_s}}}));
    const int before = spaceCount();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawRequest("POST", m_host, u"/api/v1/spaces"_s, m_token, R"({"name":"Reset","type":"shared"})"));
    QSignalSpy error(&socket, &QTcpSocket::errorOccurred);
    QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(socket.readAll().isEmpty());
    QCOMPARE(error.constFirst().constFirst().value<QAbstractSocket::SocketError>(),
             QAbstractSocket::RemoteHostClosedError);
    QCOMPARE(spaceCount(), before);
    // The GET on the same path is not affected (method filter).
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces"_s, m_token).status, 200);
}

void TestSandboxTransport::lostResponseCommitsThenDrops()
{
    QVERIFY(setFaults(QJsonArray{
        QJsonObject{{u"path"_s, u"^/api/v1/spaces$"_s}, {u"method"_s, u"POST"_s}, {u"kind"_s, u"lost-response"_s}}}));
    const int before = spaceCount();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawRequest("POST", m_host, u"/api/v1/spaces"_s, m_token, R"({"name":"Lost","type":"shared"})"));
    QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(socket.readAll().isEmpty());
    QCOMPARE(spaceCount(), before + 1);
    QVERIFY(setFaults(QJsonArray{}));
    // A retry without reconciliation duplicates nothing here: the name is taken.
    QCOMPARE(
        m_sandbox->http()
            .post(m_host, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Lost"_s}, {u"type"_s, u"shared"_s}}, m_token)
            .status,
        409);
}

void TestSandboxTransport::delayFault()
{
    QVERIFY(setFaults(
        QJsonArray{QJsonObject{{u"path"_s, u"/spaces/types"_s}, {u"kind"_s, u"delay"_s}, {u"delayMs"_s, 300}}}));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/spaces/types"_s, m_token).status, 200);
    QVERIFY(timer.elapsed() >= 300);
}

void TestSandboxTransport::statusFaultAnswersWithAQlikBody()
{
    QVERIFY(setFaults(
        QJsonArray{QJsonObject{{u"path"_s, u"^/api/v1/users"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 503}}}));
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/users"_s, m_token);
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.json().value(u"errors"_s).toArray().first().toObject().value(u"status"_s).toString(), u"503"_s);
    QCOMPARE(reply.errorCode(), u"HTTP-503"_s);
    // The state dump counts the request all the same.
    QVERIFY(m_sandbox->http().state().value(u"requests"_s).toObject().value(u"GET /v1/users"_s).toInt() >= 1);
}

void TestSandboxTransport::faultsAreReproducible()
{
    const QJsonObject rules{
        {u"seed"_s, 42},
        {u"rules"_s,
         QJsonArray{QJsonObject{
             {u"path"_s, u"/spaces/types$"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 500}, {u"rate"_s, 0.5}}}}};
    const auto run = [&] {
        QList<int> statuses;
        for (int i = 0; i < 24; ++i)
            statuses.append(m_sandbox->http().get(m_host, u"/api/v1/spaces/types"_s, m_token).status);
        return statuses;
    };
    QVERIFY(setFaults(rules));
    const QList<int> first = run();
    QVERIFY(setFaults(rules));
    const QList<int> second = run();
    QCOMPARE(first, second);
    QVERIFY(first.contains(500));
    QVERIFY(first.contains(200));
    // Rate 0 never fires.
    QVERIFY(setFaults(QJsonArray{QJsonObject{{u"path"_s, u".*"_s}, {u"kind"_s, u"status"_s}, {u"rate"_s, 0}}}));
    QCOMPARE(run(), QList<int>(24, 200));
}

void TestSandboxTransport::controlSurfaceIsNeverDelayedOrFaulted()
{
    QVERIFY(setSettings({{u"latencyMs"_s, 1500}}));
    QVERIFY(setFaults(QJsonArray{QJsonObject{{u"path"_s, u".*"_s}, {u"kind"_s, u"reset"_s}}}));
    QElapsedTimer timer;
    timer.start();
    QJsonObject faults;
    QVERIFY(m_sandbox->http().control("GET", u"/__sandbox/faults"_s, {}, &faults));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(faults.value(u"rules"_s).toArray().size(), 1);
    QVERIFY(setFaults(QJsonArray{}));
}

QTEST_GUILESS_MAIN(TestSandboxTransport)
#include "tst_sandboxtransport.moc"
