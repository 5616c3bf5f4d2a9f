#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

#include <memory>
#include <source_location>

class QNetworkAccessManager;

namespace TestSupport {

class SpecValidator;

// One answer, as a test sees it.
struct HttpReply
{
    int status = 0; // 0: no HTTP answer (connection reset, timeout, ...)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QString validationError; // empty when the body conforms to the spec (or was not checked)

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    // The first error's code/title/status ("" when none): the common assertions on Qlik errors.
    [[nodiscard]] QString errorCode() const;
};

// A request to a virtual host of the sandbox.
struct HttpCall
{
    QByteArray method = "GET";
    QString host; // the Host header: acme.eu.qlikcloud.com, register.eu.qlikcloud.com, ...
    QString path; // path and query as sent, e.g. "/api/v1/users?limit=5"
    QByteArray body;
    QByteArray contentType; // empty: none (JSON helpers set application/json)
    QString token; // sent as "Authorization: Bearer <token>" when not empty
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers
    bool validate = true; // check the answer against the spec
};

// A small synchronous-for-tests HTTP client for the sandbox: each call sends one request over real
// loopback HTTP (QNetworkAccessManager, the connection to 127.0.0.1:port with the virtual host in
// the Host header), waits for the answer with QSignalSpy, and validates the body against the spec.
// A body that does not conform makes the calling test fail (QTest::qFail at the call's line), so
// no test can pass on an answer Qlik would not send. Redirects are not followed.
//
//     SandboxHttp http(port, &validator);
//     const QString token = http.token(host, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
//     const HttpReply reply = http.get(host, u"/api/v1/spaces"_s, token);
//     QCOMPARE(reply.status, 200);
class SandboxHttp
{
public:
    SandboxHttp(quint16 port, const SpecValidator *validator);
    ~SandboxHttp();
    SandboxHttp(const SandboxHttp &) = delete;
    SandboxHttp &operator=(const SandboxHttp &) = delete;

    [[nodiscard]] quint16 port() const { return m_port; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    HttpReply send(const HttpCall &call, std::source_location where = std::source_location::current());

    HttpReply get(const QString &host, const QString &path, const QString &token = {},
                  std::source_location where = std::source_location::current());
    // Follows an absolute link such as links.next.href: its host becomes the Host header.
    HttpReply getUrl(const QString &url, const QString &token = {},
                     std::source_location where = std::source_location::current());
    HttpReply post(const QString &host, const QString &path, const QJsonValue &body, const QString &token = {},
                   std::source_location where = std::source_location::current());
    HttpReply put(const QString &host, const QString &path, const QJsonValue &body, const QString &token = {},
                  std::source_location where = std::source_location::current());
    HttpReply patch(const QString &host, const QString &path, const QJsonValue &body, const QString &token = {},
                    std::source_location where = std::source_location::current());
    HttpReply del(const QString &host, const QString &path, const QString &token = {},
                  std::source_location where = std::source_location::current());

    // POST /oauth/token with client credentials; fails the test when no token comes back.
    QString token(const QString &host, const QString &clientId, const QString &secret,
                  std::source_location where = std::source_location::current());

    // Control surface (/__sandbox/), on any host; fail the test when the sandbox refuses.
    QJsonObject state(const QString &tenant = {}, std::source_location where = std::source_location::current());
    bool reset(const QString &seed, std::source_location where = std::source_location::current());
    bool control(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                 QJsonObject *answer = nullptr, std::source_location where = std::source_location::current());
    // Replaces the fault rules with one: every `method` request whose path matches `pathPattern`
    // takes effect and its answer is lost (the step tests' "lost create answer" case).
    bool loseEveryAnswer(const QString &pathPattern, const QByteArray &method = "POST", int seed = 1,
                         std::source_location where = std::source_location::current());

private:
    quint16 m_port;
    const SpecValidator *m_validator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    int m_timeoutMs = 30000;
};

} // namespace TestSupport
