#include "cloud/apirequest.h"

#include "cloud/apioperationcatalog.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudlogging.h"
#include "cloud/networkpool.h"
#include "cloud/oneshotbody.h"
#include "cloud/redaction.h"
#include "cloud/tokenprovider.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

constexpr int kMaxRedirects = 5;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &url) {
        return url.port(url.scheme().compare(u"http"_s, Qt::CaseInsensitive) == 0 ? 80 : 443);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

bool claimsJson(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.toLower();
    if (type.contains("json"))
        return true;
    if (!type.isEmpty())
        return false;
    const QByteArray trimmed = body.trimmed();
    return trimmed.startsWith('{') || trimmed.startsWith('[');
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

ApiRequest::ApiRequest(CloudClient *client, ApiCall call)
    : QObject(client)
    , m_client(client)
    , m_call(std::move(call))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_call.auth == ApiCall::Auth::Bearer && !m_crossOrigin)
            awaitToken();
        else
            enqueue(true);
    });
}

ApiRequest::~ApiRequest()
{
    // Only reached without `finished` when the client goes away: leave nothing behind in it.
    if (m_state == State::Queued && m_ticket != 0)
        m_client->scheduler()->cancel(m_ticket);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_client->networkPool()->release(m_manager);
        m_client->scheduler()->finish(m_ticket);
    }
    m_client->forget(this);
}

ApiError ApiRequest::requestError(ApiError::Kind kind, const QString &detail) const
{
    ApiError error(kind, detail);
    error.setRequest(m_method.isEmpty() ? m_call.method.toUpper() : m_method,
                     m_url.isEmpty() ? m_call.logicalUrl() : m_url);
    return error;
}

void ApiRequest::start()
{
    if (m_state != State::Created)
        return;
    m_elapsed.start();
    m_method = m_call.method.toUpper();
    m_body = m_call.body;
    m_url = m_call.logicalUrl();

    QString problem;
    m_host = CloudHost::parse(m_url.host(), &problem);
    if (!m_host.isValid()) {
        finish({}, requestError(ApiError::Kind::InvalidRequest, problem));
        return;
    }
    if (const ConnectToMap::Route route = m_client->connectTo().route(m_url); !route.ok()) {
        finish({}, requestError(ApiError::Kind::InvalidRequest, route.error));
        return;
    }

    if (m_call.auth == ApiCall::Auth::None) {
        m_identity = m_call.profileName.isEmpty() ? u"anonymous"_s : m_call.profileName;
        enqueue(false);
        return;
    }
    const CredentialRouter::Choice choice
        = m_client->credentials().choose(m_host, m_call.regionHint, m_call.profileName);
    if (!choice.ok()) {
        ApiError error = choice.error;
        error.setRequest(m_method, m_url);
        finish({}, error);
        return;
    }
    m_profile = choice.profile;
    m_identity = m_profile.clientId;
    qCDebug(lcCloudCredentials).noquote()
        << m_host.hostname() << "uses profile" << m_profile.name << "(" << credentialTierName(m_profile.tier)
        << "client" << m_profile.clientId << ")";
    awaitToken();
}

void ApiRequest::awaitToken()
{
    m_state = State::AwaitingToken;
    m_client->tokens()->fetch(m_profile, m_host.hostname(), this,
                              [this](const AccessToken &token, const ApiError &error) { onToken(token, error); });
}

void ApiRequest::onToken(const AccessToken &token, const ApiError &error)
{
    if (m_state != State::AwaitingToken)
        return;
    if (!error.isNull()) {
        ApiError failure = error;
        if (failure.url().isEmpty())
            failure.setRequest(m_method, m_url);
        finish({}, failure);
        return;
    }
    m_token = token;
    enqueue(m_attempts > 0);
}

RequestScheduler::Budget ApiRequest::budget() const
{
    RequestScheduler::Budget budget;
    budget.host = m_url.host().toLower();
    budget.identity = m_identity;
    if (const auto operation = ApiOperationCatalog::instance().match(QString::fromLatin1(m_method), m_url.path())) {
        budget.bucket = operation->budgetKey();
        budget.limitPerMinute = operation->limitPerMinute;
    } else {
        // Not in Qlik's contract: assume the tier most operations of that kind have (FACTS §14.3).
        const bool read = m_method == "GET" || m_method == "HEAD";
        budget.bucket = read ? u"tier1"_s : u"tier2"_s;
        budget.limitPerMinute = read ? 1000 : 100;
    }
    return budget;
}

void ApiRequest::enqueue(bool urgent)
{
    m_state = State::Queued;
    m_ticket = m_client->scheduler()->enqueue(
        budget(), [this] { run(); }, urgent);
}

void ApiRequest::run()
{
    m_state = State::Running;
    const bool authorize = m_call.auth == ApiCall::Auth::Bearer && !m_crossOrigin;
    if (authorize && !m_client->tokens()->isCurrent(m_host.hostname(), m_profile.clientId, m_token.value)) {
        // The token expired or was refused while this request waited: get the current one first.
        m_client->scheduler()->finish(std::exchange(m_ticket, 0));
        awaitToken();
        return;
    }
    const ConnectToMap::Route route = m_client->connectTo().route(m_url);
    if (!route.ok()) {
        m_client->scheduler()->finish(std::exchange(m_ticket, 0));
        finish({}, requestError(ApiError::Kind::InvalidRequest, route.error));
        return;
    }

    QNetworkRequest request(route.physicalUrl);
    if (!route.hostHeader.isEmpty())
        request.setRawHeader("Host", route.hostHeader); // Qt keeps a Host header it is given
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Against the sandbox every tenant shares one address: a cookie jar would mix tenants up.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(static_cast<int>(m_call.transferTimeout.count())); // the chrono overload is Qt 6.7+
    request.setRawHeader("User-Agent", m_client->options().userAgent);
    if (!hasHeader(m_call.headers, "accept"))
        request.setRawHeader("Accept", "application/json");
    if (!m_body.isEmpty() || !m_call.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_call.contentType);
    request.setRawHeader("X-Request-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    for (const auto &[name, value] : m_call.headers)
        request.setRawHeader(name, value);
    if (authorize)
        request.setRawHeader("Authorization", "Bearer " + m_token.value);

    ++m_attempts;
    m_attemptElapsed.start();
    if (lcCloudHttp().isDebugEnabled()) {
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const QByteArray &name : request.rawHeaderList())
            headers.append({name, request.rawHeader(name)});
        qCDebug(lcCloudHttp).noquote() << m_method << Redaction::urlForLog(m_url) << "via"
                                       << Redaction::urlForLog(route.physicalUrl) << "attempt" << m_attempts << "["
                                       << Redaction::headersForLog(headers) << "]";
    }

    m_manager = m_client->networkPool()->acquire(m_url.host(), !route.hostHeader.isEmpty());
    QNetworkAccessManager *manager = m_client->networkPool()->manager(m_manager);
    if (!m_call.isIdempotent()) {
        // Qt would resend it by itself if the connection dropped after sending (see OneShotBody).
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true); // else Qt copies it, rewindable
        // HTTP/2 has its own resend path that does not rewind the body: keep these on HTTP/1.1.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto *body = new OneShotBody(m_body);
        m_reply = manager->sendCustomRequest(request, m_method, body);
        body->setParent(m_reply);
    } else if (m_method == "GET") {
        m_reply = manager->get(request);
    } else if (m_method == "HEAD") {
        m_reply = manager->head(request);
    } else if (m_method == "PUT") {
        m_reply = manager->put(request, m_body);
    } else if (m_method == "DELETE" && m_body.isEmpty()) {
        m_reply = manager->deleteResource(request);
    } else {
        m_reply = manager->sendCustomRequest(request, m_method, m_body);
    }

    connect(m_reply, &QNetworkReply::finished, this, &ApiRequest::onReplyFinished);
    // TLS errors are reported, never ignored: the reply then fails with SslHandshakeFailedError.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCWarning(lcCloudHttp).noquote() << "TLS error for" << m_url.host() << ":" << error.errorString();
    });
}

void ApiRequest::onReplyFinished()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->deleteLater();
    m_client->networkPool()->release(std::exchange(m_manager, -1));
    m_client->scheduler()->finish(std::exchange(m_ticket, 0));

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Qt maps HTTP statuses to error enums (429 is UnknownContentError): the status decides.
    if (!statusAttribute.isValid() || statusAttribute.toInt() == 0) {
        handleTransportError(reply->error(), reply->errorString());
        return;
    }
    ApiResponse response;
    response.status = statusAttribute.toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    response.url = m_url;
    handleHttp(std::move(response));
}

void ApiRequest::handleHttp(ApiResponse response)
{
    const int status = response.status;
    qCInfo(lcCloudHttp).noquote() << m_method << Redaction::urlForLog(m_url) << "->" << status << "in"
                                  << m_attemptElapsed.elapsed() << "ms (attempt" << m_attempts << ')';
    m_client->setReachability(m_host.hostname(), CloudClient::Reachability::Connected);

    if (isRedirect(status) && !response.header("location").isEmpty()) {
        followRedirect(response);
        return;
    }

    if (status == 401 && m_call.auth == ApiCall::Auth::Bearer && !m_crossOrigin && !m_reauthenticated) {
        const ApiError error = ApiError::fromHttpResponse(status, response.headers, response.body);
        // A deactivated tenant answers 401 TENANT_DISABLED (FACTS §3.3): a new token changes nothing.
        if (error.code() != u"TENANT_DISABLED"_s) {
            m_reauthenticated = true;
            m_client->tokens()->invalidate(m_host.hostname(), m_profile.clientId, m_token.value);
            awaitToken();
            return;
        }
    }

    if (status == 429) {
        // Not processed by the server, so safe to resend whatever the method (FACTS §14.3).
        const RetryPolicy &policy = m_client->options().retry;
        const int seconds = parseRetryAfter(response.header("retry-after"));
        const std::chrono::milliseconds delay
            = seconds >= 0 ? std::chrono::milliseconds(seconds * 1000LL) : policy.defaultRetryAfter;
        m_client->scheduler()->park(budget(), delay);
        if (++m_rateLimitRetries <= policy.maxRateLimitRetries) {
            enqueue(true);
            return;
        }
        ApiError error = ApiError::fromHttpResponse(status, response.headers, response.body);
        error.setRequest(m_method, m_url);
        finish(response, error);
        return;
    }

    if (status >= 400) {
        ApiError error = ApiError::fromHttpResponse(status, response.headers, response.body);
        error.setRequest(m_method, m_url);
        if (RetryPolicy::isTransientStatus(status)) {
            const RetryPolicy &policy = m_client->options().retry;
            if (m_call.isIdempotent() && m_transientRetries + 1 < policy.maxAttempts) {
                std::chrono::milliseconds delay = policy.backoff(m_transientRetries);
                if (error.retryAfterSeconds() >= 0)
                    delay = std::max(delay, std::chrono::milliseconds(error.retryAfterSeconds() * 1000LL));
                retryLater(delay);
                return;
            }
            if (!m_call.isIdempotent() && RetryPolicy::statusLeavesOutcomeUnknown(status))
                error.setOutcomeUnknown(true);
        }
        finish(response, error);
        return;
    }

    if (!response.body.isEmpty() && claimsJson(response.header("content-type"), response.body)) {
        QJsonParseError parseError{};
        response.json = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            ApiError error
                = requestError(ApiError::Kind::MalformedResponse,
                               u"the HTTP %1 response is not valid JSON (%2 at byte %3 of %4)"_s.arg(
                                   QString::number(status), parseError.errorString(),
                                   QString::number(parseError.offset), QString::number(response.body.size())));
            error.setHttpStatus(status);
            error.setTraceId(QString::fromLatin1(response.header("x-b3-traceid")));
            // The change may have happened, but its result cannot be read: the caller must look it up.
            error.setOutcomeUnknown(!m_call.isIdempotent());
            response.json = QJsonDocument();
            finish(response, error);
            return;
        }
    }
    finish(response, {});
}

void ApiRequest::followRedirect(const ApiResponse &response)
{
    const QUrl target = response.location();
    if (++m_redirects > kMaxRedirects) {
        finish(response,
               requestError(ApiError::Kind::MalformedResponse, u"more than %1 redirects"_s.arg(kMaxRedirects))
                   .setHttpStatus(response.status));
        return;
    }
    QString problem;
    const CloudHost targetHost = CloudHost::parse(target.host(), &problem);
    if (!target.isValid() || !targetHost.isValid()) {
        finish(response,
               requestError(ApiError::Kind::MalformedResponse, u"redirect to an unusable location: %1"_s.arg(problem))
                   .setHttpStatus(response.status));
        return;
    }
    if (!sameOrigin(target, m_url)) {
        // Never send Authorization to another origin (FACTS §14.4; ownCloud, Nextcloud do the same).
        qCInfo(lcCloudHttp).noquote() << "cross-origin redirect from" << m_url.host() << "to" << target.host()
                                      << ": continuing without Authorization";
        m_crossOrigin = true;
        m_host = targetHost;
    }
    if (response.status == 303 || ((response.status == 301 || response.status == 302) && m_method == "POST")) {
        m_method = "GET";
        m_body.clear();
    }
    qCDebug(lcCloudHttp).noquote() << "following" << response.status << "to" << Redaction::urlForLog(target);
    m_url = target;
    enqueue(true);
}

void ApiRequest::handleTransportError(int networkError, const QString &errorText)
{
    const auto code = static_cast<QNetworkReply::NetworkError>(networkError);
    // A transfer timeout aborts the reply like cancel() would; only cancel() sets m_cancelled.
    const bool timedOut = code == QNetworkReply::TimeoutError || code == QNetworkReply::OperationCanceledError;
    qCInfo(lcCloudHttp).noquote() << m_method << Redaction::urlForLog(m_url) << "->"
                                  << (timedOut ? u"timeout"_s : errorText) << "after" << m_attemptElapsed.elapsed()
                                  << "ms (attempt" << m_attempts << ')';
    ApiError error = requestError(timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network,
                                  timedOut ? u"no data for %1 ms"_s.arg(m_call.transferTimeout.count()) : errorText);

    const RetryPolicy &policy = m_client->options().retry;
    const bool attemptsLeft = m_transientRetries + 1 < policy.maxAttempts;
    const QString host = m_host.hostname();
    switch (RetryPolicy::classify(code)) {
    case RetryPolicy::Delivery::NotDelivered:
        if (attemptsLeft) {
            m_client->setReachability(host, CloudClient::Reachability::Reconnecting, error.message());
            retryLater(policy.backoff(m_transientRetries));
            return;
        }
        break;
    case RetryPolicy::Delivery::MaybeDelivered:
        if (m_call.isIdempotent()) {
            if (attemptsLeft) {
                m_client->setReachability(host, CloudClient::Reachability::Reconnecting, error.message());
                retryLater(policy.backoff(m_transientRetries));
                return;
            }
        } else {
            error.setOutcomeUnknown(true);
        }
        break;
    case RetryPolicy::Delivery::Permanent:
        break;
    }
    m_client->setReachability(host, CloudClient::Reachability::Unreachable, error.message());
    finish({}, error);
}

void ApiRequest::retryLater(std::chrono::milliseconds delay)
{
    ++m_transientRetries;
    m_state = State::RetryWait;
    qCInfo(lcCloudHttp).noquote() << "retrying" << m_method << Redaction::urlForLog(m_url) << "in" << delay.count()
                                  << "ms (retry" << m_transientRetries << ')';
    m_retryTimer.start(delay);
}

void ApiRequest::cancel()
{
    if (m_state == State::Finished || m_cancelled)
        return;
    m_cancelled = true; // before aborting, so the abort is never taken for a timeout
    bool onTheWire = false;
    switch (m_state) {
    case State::Created:
    case State::AwaitingToken:
        break;
    case State::Queued:
        m_client->scheduler()->cancel(std::exchange(m_ticket, 0));
        break;
    case State::RetryWait:
        m_retryTimer.stop();
        break;
    case State::Running:
        if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        m_client->networkPool()->release(std::exchange(m_manager, -1));
        m_client->scheduler()->finish(std::exchange(m_ticket, 0));
        onTheWire = true;
        break;
    case State::Finished:
        return;
    }
    ApiError error = requestError(ApiError::Kind::Cancelled, u"cancelled by the caller"_s);
    error.setOutcomeUnknown(onTheWire && !m_call.isIdempotent());
    finish({}, error, true);
}

void ApiRequest::finish(const ApiResponse &response, ApiError error, bool deferSignal)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_retryTimer.stop();
    m_result = ApiResult(response, std::move(error));
    m_result.setAttempts(m_attempts);
    if (!m_result.ok() && m_result.error().kind() != ApiError::Kind::Cancelled)
        qCInfo(lcCloudHttp).noquote() << "failed after" << m_elapsed.elapsed() << "ms:" << m_result.error().message();

    const auto emitFinished = [this] {
        Q_EMIT finished(m_result);
        deleteLater();
    };
    if (deferSignal)
        QMetaObject::invokeMethod(this, emitFinished, Qt::QueuedConnection);
    else
        emitFinished();
}

} // namespace Cloud
