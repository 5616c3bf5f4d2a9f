#include "benchsandbox.h"

#include "cloud/apicall.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

BenchSandbox::BenchSandbox(const QString &program, const QStringList &arguments)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    runUntil([this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; });
    m_firstLine = m_process.readLine().trimmed();
    const QByteArray prefix = "listening on http://127.0.0.1:";
    if (m_firstLine.startsWith(prefix))
        m_port = m_firstLine.mid(prefix.size()).toUShort();
}

BenchSandbox::~BenchSandbox()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    runUntil([this] { return m_process.state() == QProcess::NotRunning; });
}

Cloud::ApiResult BenchSandbox::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    Cloud::ApiCall call;
    call.method = method;
    call.host = u"console.qlikcloud.com"_s;
    call.path = path;
    call.auth = Cloud::ApiCall::Auth::None;
    if (method != "GET")
        call.setJson(QJsonDocument(body));
    if (path == u"/__sandbox/state"_s)
        call.query.addQueryItem(u"content"_s, u"false"_s);
    return exchange(call);
}

QJsonObject BenchSandbox::stateWithContent()
{
    Cloud::ApiCall call;
    call.method = "GET";
    call.host = u"console.qlikcloud.com"_s;
    call.path = u"/__sandbox/state"_s;
    call.auth = Cloud::ApiCall::Auth::None;
    return exchange(call).json().object();
}

Cloud::ApiResult BenchSandbox::exchange(const Cloud::ApiCall &call)
{
    Cloud::CloudClient client;
    client.setConnectTo(Cloud::ConnectToMap::sandbox(m_port));
    Cloud::ApiResult result;
    bool done = false;
    client.send(call, &client, [&](const Cloud::ApiResult &answer) {
        result = answer;
        done = true;
    });
    runUntil([&] { return done; });
    return result;
}

qint64 BenchSandbox::requestTotal()
{
    qint64 total = 0;
    const QJsonObject requests = control("GET", u"/__sandbox/state"_s).json()[u"requests"_s].toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it)
        total += it.value().toInteger();
    return total;
}

void BenchSandbox::runUntil(const std::function<bool()> &done)
{
    if (done())
        return;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    loop.exec();
}

double BenchSandbox::peakRssMiB(const QString &pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

QTextStream &BenchSandbox::out()
{
    static QTextStream stream(stdout);
    return stream;
}
