#include "cloud/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace Cloud {

std::chrono::milliseconds RetryPolicy::backoff(int retryIndex, double random01) const
{
    const double base = static_cast<double>(baseDelay.count());
    const double ceiling = static_cast<double>(maxDelay.count());
    const double full = std::min(ceiling, base * std::pow(2.0, std::clamp(retryIndex, 0, 30)));
    const double jittered = full / 2.0 + std::clamp(random01, 0.0, 1.0) * full / 2.0;
    return std::chrono::milliseconds(static_cast<qint64>(std::llround(jittered)));
}

std::chrono::milliseconds RetryPolicy::backoff(int retryIndex) const
{
    return backoff(retryIndex, QRandomGenerator::global()->generateDouble());
}

bool RetryPolicy::isTransientStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

bool RetryPolicy::statusLeavesOutcomeUnknown(int httpStatus)
{
    return httpStatus == 502 || httpStatus == 504;
}

RetryPolicy::Delivery RetryPolicy::classify(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return Delivery::NotDelivered;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout aborts with this error
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::ContentReSendError: // Qt wanted to resend a OneShotBody: the first one went out
        return Delivery::MaybeDelivered;
    case QNetworkReply::NoError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return Delivery::Permanent;
    }
    return Delivery::Permanent;
}

} // namespace Cloud
