#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Cloud {

// Why a request failed, with what Qlik said about it (FACTS §14.2). Carries the method and URL of
// the request (credentials stripped) but never a token, a secret or a request body.
class ApiError
{
public:
    enum class Kind {
        None, // no error
        Network, // connection refused, reset, DNS, TLS ...
        Timeout, // no bytes moved for the transfer timeout
        Cancelled, // the caller cancelled
        Http, // the server answered with a 4xx/5xx status
        MalformedResponse, // a body that is not the JSON it claims to be, or lacks what the protocol needs
        RateLimited, // 429 persisted beyond the retries allowed
        Authentication, // the OAuth token could not be obtained (bad client, secret, region)
        RegionMismatch, // a region client used for a host of another region
        NoCredentials, // no configured OAuth client can serve the host
        SecretUnavailable, // the keychain (or environment) could not supply the client secret
        InvalidRequest, // refused before sending: bad host, plain http off loopback, ...
    };

    ApiError() = default;
    ApiError(Kind kind, const QString &detail);

    // Builds the error for an HTTP answer with status >= 400 from its body, in any of Qlik's error
    // shapes (`errors[]` with string or numeric `status`/`code`, the deprecated top-level
    // code/title/detail of spaces, licenses' `{error, message, errors[]}`, the single object of
    // extensions and themes, OAuth's `error`/`error_description`), and takes the trace id from the
    // body or the `X-B3-Traceid` header. A 429 becomes Kind::RateLimited.
    [[nodiscard]] static ApiError fromHttpResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers,
                                                   const QByteArray &body);

    [[nodiscard]] bool isNull() const { return m_kind == Kind::None; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; } // 0 when there was no HTTP answer
    [[nodiscard]] const QString &code() const { return m_code; } // Qlik's error code, e.g. "TENANT_DISABLED"
    [[nodiscard]] const QString &title() const { return m_title; }
    [[nodiscard]] const QString &detail() const { return m_detail; }
    [[nodiscard]] const QString &traceId() const { return m_traceId; }
    [[nodiscard]] const QByteArray &method() const { return m_method; }
    [[nodiscard]] const QUrl &url() const { return m_url; }
    [[nodiscard]] int errorCount() const { return m_errorCount; } // entries in the body's errors[]

    // True when a request that is not safe to repeat may or may not have taken effect (its
    // response was lost, it timed out, or it was cancelled while in flight): the caller must
    // reconcile (look the resource up) before trying again. Distinct from "failed".
    [[nodiscard]] bool isOutcomeUnknown() const { return m_outcomeUnknown; }
    // Seconds the server asked to wait (Retry-After), -1 when it did not say.
    [[nodiscard]] int retryAfterSeconds() const { return m_retryAfterSeconds; }

    ApiError &setRequest(const QByteArray &method, const QUrl &url);
    ApiError &setHttpStatus(int status);
    ApiError &setCode(const QString &code);
    ApiError &setTitle(const QString &title);
    ApiError &setDetail(const QString &detail);
    ApiError &setTraceId(const QString &traceId);
    ApiError &setOutcomeUnknown(bool unknown);
    ApiError &setRetryAfterSeconds(int seconds);
    ApiError &setKind(Kind kind);

    // One readable line: "GET https://acme.eu.qlikcloud.com/api/v1/spaces failed: HTTP 404 Not found
    // (SPACES-1): No space with id 'x' [trace 1f2e...]".
    [[nodiscard]] QString message() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_code;
    QString m_title;
    QString m_detail;
    QString m_traceId;
    QByteArray m_method;
    QUrl m_url;
    int m_errorCount = 0;
    bool m_outcomeUnknown = false;
    int m_retryAfterSeconds = -1;
};

[[nodiscard]] QString apiErrorKindName(ApiError::Kind kind); // "network", "timeout", "region mismatch", ...

// Seconds from a Retry-After header value (delta-seconds or an HTTP date); -1 if absent or unreadable.
[[nodiscard]] int parseRetryAfter(const QByteArray &value);

} // namespace Cloud

Q_DECLARE_METATYPE(Cloud::ApiError)
