#include "support/sandboxhttp.h"

#include "support/specvalidator.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {
namespace {

QByteArray jsonBody(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

void fail(const QString &message, const std::source_location &where)
{
    QTest::qFail(qPrintable(message), where.file_name(), static_cast<int>(where.line()));
}

} // namespace

QByteArray HttpReply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpReply::errorCode() const
{
    const QJsonObject object = json();
    const QJsonArray errors = object.value(u"errors"_s).toArray();
    if (!errors.isEmpty())
        return errors.first().toObject().value(u"code"_s).toString();
    return object.value(u"code"_s).toString();
}

SandboxHttp::SandboxHttp(quint16 port, const SpecValidator *validator)
    : m_port(port)
    , m_validator(validator)
    , m_network(std::make_unique<QNetworkAccessManager>())
{ }

SandboxHttp::~SandboxHttp() = default;

HttpReply SandboxHttp::send(const HttpCall &call, std::source_location where)
{
    QUrl url(u"http://127.0.0.1:%1"_s.arg(m_port) + call.path, QUrl::TolerantMode);
    QNetworkRequest request(url);
    // Qt adds a Host header only when the request has none (TOOLCHAIN.md): this one names the
    // virtual host while the connection goes to the sandbox's loopback port.
    request.setRawHeader("Host", call.host.toLatin1());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!call.contentType.isEmpty())
        request.setRawHeader("Content-Type", call.contentType);
    if (!call.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.token.toLatin1());
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_network->sendCustomRequest(request, call.method, call.body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpReply result;
    if (!reply->isFinished() && !finished.wait(m_timeoutMs)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
        result.errorString = u"no answer within %1 ms"_s.arg(m_timeoutMs);
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    result.errorString = reply->errorString();
    reply->deleteLater();

    if (call.validate && m_validator && result.status > 0) {
        result.validationError = m_validator->validate(call.host, call.method, url.path(QUrl::FullyDecoded),
                                                       result.status, result.header("content-type"), result.body);
        if (!result.validationError.isEmpty())
            fail(u"response does not match the spec: "_s + result.validationError, where);
    }
    return result;
}

HttpReply SandboxHttp::get(const QString &host, const QString &path, const QString &token, std::source_location where)
{
    return send({"GET", host, path, {}, {}, token, {}, true}, where);
}

HttpReply SandboxHttp::getUrl(const QString &url, const QString &token, std::source_location where)
{
    const QUrl parsed(url);
    QString path = parsed.path(QUrl::FullyEncoded);
    if (parsed.hasQuery())
        path += u'?' + parsed.query(QUrl::FullyEncoded);
    QString host = parsed.host();
    if (parsed.port() > 0)
        host += u':' + QString::number(parsed.port());
    return send({"GET", host, path, {}, {}, token, {}, true}, where);
}

HttpReply SandboxHttp::post(const QString &host, const QString &path, const QJsonValue &body, const QString &token,
                            std::source_location where)
{
    return send({"POST", host, path, jsonBody(body), "application/json", token, {}, true}, where);
}

HttpReply SandboxHttp::put(const QString &host, const QString &path, const QJsonValue &body, const QString &token,
                           std::source_location where)
{
    return send({"PUT", host, path, jsonBody(body), "application/json", token, {}, true}, where);
}

HttpReply SandboxHttp::patch(const QString &host, const QString &path, const QJsonValue &body, const QString &token,
                             std::source_location where)
{
    return send({"PATCH", host, path, jsonBody(body), "application/json", token, {}, true}, where);
}

HttpReply SandboxHttp::del(const QString &host, const QString &path, const QString &token, std::source_location where)
{
    return send({"DELETE", host, path, {}, {}, token, {}, true}, where);
}

QString SandboxHttp::token(const QString &host, const QString &clientId, const QString &secret,
                           std::source_location where)
{
    const HttpReply reply = post(host, u"/oauth/token"_s,
                                 QJsonObject{{u"client_id"_s, clientId},
                                             {u"client_secret"_s, secret},
                                             {u"grant_type"_s, u"client_credentials"_s}},
                                 {}, where);
    const QString token = reply.json().value(u"access_token"_s).toString();
    if (reply.status != 200 || token.isEmpty()) {
        // Never print the answer body here: it would hold the token on success paths.
        fail(u"no token for %1 on %2: HTTP %3 %4"_s.arg(clientId, host).arg(reply.status).arg(reply.errorCode()),
             where);
    }
    return token;
}

bool SandboxHttp::control(const QByteArray &method, const QString &path, const QJsonValue &body, QJsonObject *answer,
                          std::source_location where)
{
    HttpCall call{method, u"control.sandbox"_s, path, jsonBody(body), {}, {}, {}, false};
    if (!call.body.isEmpty())
        call.contentType = "application/json";
    const HttpReply reply = send(call, where);
    if (answer)
        *answer = reply.json();
    if (reply.status < 200 || reply.status >= 300) {
        fail(u"control %1 %2 failed: HTTP %3 %4"_s.arg(QString::fromLatin1(method), path)
                 .arg(reply.status)
                 .arg(QString::fromUtf8(reply.body.left(300))),
             where);
        return false;
    }
    return true;
}

bool SandboxHttp::loseEveryAnswer(const QString &pathPattern, const QByteArray &method, int seed,
                                  std::source_location where)
{
    const QJsonObject rule{{u"path"_s, pathPattern},
                           {u"method"_s, QString::fromLatin1(method)},
                           {u"rate"_s, 1.0},
                           {u"kind"_s, u"lost-response"_s}};
    return control("PUT", u"/__sandbox/faults"_s, QJsonObject{{u"rules"_s, QJsonArray{rule}}, {u"seed"_s, seed}},
                   nullptr, where);
}

QJsonObject SandboxHttp::state(const QString &tenant, std::source_location where)
{
    QJsonObject answer;
    QString path = u"/__sandbox/state"_s;
    if (!tenant.isEmpty())
        path += u"?tenant="_s + QString::fromLatin1(QUrl::toPercentEncoding(tenant));
    control("GET", path, {}, &answer, where);
    return answer;
}

bool SandboxHttp::reset(const QString &seed, std::source_location where)
{
    return control("POST", u"/__sandbox/reset"_s, QJsonObject{{u"seed"_s, seed}}, nullptr, where);
}

} // namespace TestSupport
