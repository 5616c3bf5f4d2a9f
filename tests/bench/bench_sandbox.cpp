// Measures the sandbox as rollout benchmarks will use it (issue 3):
//  1. seed time and resident memory of estate:20000 (and the process start to its first line);
//  2. requests per second for "token + list spaces" with 64 requests in flight and 50 ms latency,
//     over 64 keep-alive connections, the sandbox running as its own process.
// Prints its figures; run by hand: build/tests/bench/bench_sandbox [--seconds N] [--tenants N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 statusKb(qint64 pid, QByteArrayView field)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// One blocking request on a fresh connection: only for setup and the control surface, never in
// the measured loop.
QByteArray controlRequest(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: console.qlikcloud.com\r\nConnection: close\r\n"
                 + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                 + body);
    QByteArray answer;
    while (socket.waitForReadyRead(120000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer.mid(answer.indexOf("\r\n\r\n") + 4);
}

// A keep-alive connection that repeats "token on tenant i, then list its spaces".
class LoadConnection
{
public:
    LoadConnection(quint16 port, const QStringList &hosts, int first, int stride, QObject *context)
        : m_hosts(hosts)
        , m_next(first)
        , m_stride(stride)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, context, [this] { onReadable(); });
        QObject::connect(&m_socket, &QTcpSocket::connected, context, [this] { sendToken(); });
        m_socket.connectToHost(u"127.0.0.1"_s, port);
    }

    void setMeasuring(bool measuring)
    {
        if (measuring) {
            m_requests = 0;
            m_errors = 0;
            m_latencies.clear();
        }
        m_measuring = measuring;
    }
    void stop() { m_stopped = true; }
    [[nodiscard]] qint64 requests() const { return m_requests; }
    [[nodiscard]] qint64 errors() const { return m_errors; }
    [[nodiscard]] const std::vector<qint64> &latencies() const { return m_latencies; }

private:
    void send(const QByteArray &request)
    {
        m_sent.start();
        m_socket.write(request);
    }

    void sendToken()
    {
        if (m_stopped)
            return;
        m_host = m_hosts.at(m_next % m_hosts.size()).toLatin1();
        m_next += m_stride;
        m_region = m_host.split('.').value(1);
        const QByteArray body = R"({"client_id":"sandbox-region-)" + m_region + R"(","client_secret":"sandbox-region-)"
            + m_region + R"(-secret","grant_type":"client_credentials"})";
        m_wantToken = true;
        send("POST /oauth/token HTTP/1.1\r\nHost: " + m_host + "\r\nContent-Type: application/json\r\nContent-Length: "
             + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    void sendSpaces(const QByteArray &token)
    {
        m_wantToken = false;
        send("GET /api/v1/spaces HTTP/1.1\r\nHost: " + m_host + "\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    }

    void onReadable()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        const QByteArray head = m_buffer.left(headEnd);
        for (const QByteArray &line : head.split('\n')) {
            if (line.size() > 15 && line.first(15).toLower() == "content-length:")
                length = line.mid(15).trimmed().toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const int status = head.mid(9, 3).toInt();
        const QByteArray body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        if (m_measuring) {
            ++m_requests;
            m_errors += status != 200;
            m_latencies.push_back(m_sent.nsecsElapsed() / 1000);
        }
        if (m_wantToken && status == 200)
            sendSpaces(QJsonDocument::fromJson(body).object().value(u"access_token"_s).toString().toLatin1());
        else
            sendToken();
    }

    QTcpSocket m_socket;
    QStringList m_hosts;
    int m_next;
    int m_stride;
    QByteArray m_host;
    QByteArray m_region;
    QByteArray m_buffer;
    QElapsedTimer m_sent;
    bool m_wantToken = true;
    bool m_measuring = false;
    bool m_stopped = false;
    qint64 m_requests = 0;
    qint64 m_errors = 0;
    std::vector<qint64> m_latencies;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(u"seconds"_s, u"Measured seconds of load."_s, u"N"_s, u"10"_s);
    const QCommandLineOption tenantsOption(u"tenants"_s, u"Estate size."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption inFlightOption(u"in-flight"_s, u"Connections (one request each)."_s, u"N"_s, u"64"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency."_s, u"MS"_s, u"50"_s);
    parser.addOptions({secondsOption, tenantsOption, inFlightOption, latencyOption});
    parser.process(app);
    const int seconds = parser.value(secondsOption).toInt();
    const int tenants = parser.value(tenantsOption).toInt();
    const int inFlight = parser.value(inFlightOption).toInt();
    const int latency = parser.value(latencyOption).toInt();

    // 1. Start with the big estate; the first line comes after seeding.
    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer startup;
    startup.start();
    sandbox.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"),
                  {u"--seed"_s, u"estate:%1"_s.arg(tenants), u"--latency-ms"_s, QString::number(latency)});
    if (!sandbox.waitForStarted(10000) || !sandbox.waitForReadyRead(120000)) {
        out() << "cannot start tenantry-sandbox\n";
        return 1;
    }
    const QByteArray line = sandbox.readLine().trimmed();
    const qint64 startupMs = startup.elapsed();
    const quint16 port = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).toUInt());
    const qint64 pid = sandbox.processId();
    const qint64 rssAfterStart = statusKb(pid, "VmRSS:");

    // The seed alone, timed inside the server.
    const QByteArray seed
        = QJsonDocument(QJsonObject{{u"seed"_s, u"estate:%1"_s.arg(tenants)}}).toJson(QJsonDocument::Compact);
    const QJsonObject reset = QJsonDocument::fromJson(controlRequest(port, "POST", "/__sandbox/reset", seed)).object();
    const qint64 rssAfterReset = statusKb(pid, "VmRSS:");
    out() << "estate:" << tenants << "  process start to first line: " << startupMs << " ms\n";
    out() << "estate:" << tenants
          << "  seed (POST /__sandbox/reset, server-side): " << reset.value(u"seedMs"_s).toInteger() << " ms\n";
    out() << "estate:" << tenants << "  resident memory: " << rssAfterStart / 1024 << " MiB after start, "
          << rssAfterReset / 1024 << " MiB after a reset\n";

    // Hostnames to spread the load over (one token per tenant visit).
    const QJsonObject state
        = QJsonDocument::fromJson(controlRequest(port, "GET", "/__sandbox/state?content=false")).object();
    QStringList hosts;
    for (const QJsonValue &tenant : state.value(u"tenants"_s).toArray())
        hosts.append(tenant.toObject().value(u"hostnames"_s).toArray().first().toString());
    if (hosts.isEmpty()) {
        out() << "no tenants in the state dump\n";
        return 1;
    }

    // 2. The load: inFlight connections, one outstanding request each.
    QObject context;
    std::vector<std::unique_ptr<LoadConnection>> connections;
    for (int i = 0; i < inFlight; ++i)
        connections.push_back(std::make_unique<LoadConnection>(port, hosts, i, inFlight, &context));
    QElapsedTimer measured;
    QTimer::singleShot(2000, &context, [&] {
        for (auto &connection : connections)
            connection->setMeasuring(true);
        measured.start();
    });
    QTimer::singleShot(2000 + seconds * 1000, &context, [&] {
        const double elapsed = static_cast<double>(measured.nsecsElapsed()) / 1e9;
        qint64 requests = 0;
        qint64 errors = 0;
        std::vector<qint64> latencies;
        for (auto &connection : connections) {
            connection->setMeasuring(false);
            connection->stop();
            requests += connection->requests();
            errors += connection->errors();
            latencies.insert(latencies.end(), connection->latencies().cbegin(), connection->latencies().cend());
        }
        std::sort(latencies.begin(), latencies.end());
        const auto percentile = [&latencies](double p) {
            return latencies.empty()
                ? 0.0
                : latencies.at(static_cast<size_t>(p * static_cast<double>(latencies.size() - 1))) / 1000.0;
        };
        out() << "load: " << inFlight << " in flight, " << latency << " ms latency, token + GET /api/v1/spaces over "
              << hosts.size() << " tenants, " << seconds << " s\n";
        out() << "load: " << qRound64(static_cast<double>(requests) / elapsed) << " requests/s ("
              << qRound64(static_cast<double>(requests) / elapsed / 2) << " token+list pairs/s), " << errors
              << " non-200 answers\n";
        out() << "load: latency p50 " << percentile(0.5) << " ms, p99 " << percentile(0.99) << " ms\n";
        out() << "load: sandbox resident memory after the load " << statusKb(pid, "VmRSS:") / 1024 << " MiB (peak "
              << statusKb(pid, "VmHWM:") / 1024 << " MiB)\n";
        out().flush();
        sandbox.terminate();
        sandbox.waitForFinished(10000);
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}
