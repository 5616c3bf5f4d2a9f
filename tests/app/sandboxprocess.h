#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

// The real tenantry-sandbox, started as a process: the first stdout line is
// "listening on http://127.0.0.1:PORT". Its /__sandbox/state is the truth the tests compare with.
class SandboxProcess
{
public:
    explicit SandboxProcess(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"));
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        QElapsedTimer timer;
        timer.start();
        while (m_url.isEmpty() && timer.elapsed() < 120000 && m_process.state() != QProcess::NotRunning) {
            if (!m_process.canReadLine())
                m_process.waitForReadyRead(1000);
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith("listening on ")) {
                    m_url = QUrl(QString::fromUtf8(line.mid(13)));
                    break;
                }
            }
        }
    }

    ~SandboxProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished();
    }

    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    [[nodiscard]] bool isRunning() const { return !m_url.isEmpty() && m_process.state() == QProcess::Running; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString urlText() const { return m_url.toString(); }
    [[nodiscard]] QByteArray errorOutput() { return m_process.readAllStandardError(); }

    // GET /__sandbox/state[?query]; an empty object on failure.
    [[nodiscard]] QJsonObject state(const QUrlQuery &query = {})
    {
        return getJson(QStringLiteral("/__sandbox/state"), query);
    }

    [[nodiscard]] QJsonObject getJson(const QString &path, const QUrlQuery &query = {})
    {
        QUrl url = m_url;
        url.setPath(path);
        url.setQuery(query);
        QNetworkReply *reply = m_network.get(QNetworkRequest(url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(60000)) {
            reply->deleteLater();
            return {};
        }
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return QJsonDocument::fromJson(body).object();
    }

    // PUT /__sandbox/faults with these rules (an empty array clears them); true on 2xx.
    [[nodiscard]] bool setFaults(const QJsonArray &rules)
    {
        QUrl url = m_url;
        url.setPath(QStringLiteral("/__sandbox/faults"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply
            = m_network.put(request, QJsonDocument(QJsonObject{{QStringLiteral("rules"), rules}}).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool done = reply->isFinished() || finished.wait(60000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return done && status >= 200 && status < 300;
    }

private:
    QProcess m_process;
    QUrl m_url;
    QNetworkAccessManager m_network;
};
