#pragma once

#include <chrono>
#include <QNetworkReply>

namespace Cloud {

// When a failed request is tried again, and after how long. Only what is safe to resend is resent:
// idempotent requests after transient failures; any request that provably never reached the server
// (connection refused, host not found); any request after a 429 (the server did not process it).
struct RetryPolicy
{
    // How a transport error (no HTTP answer) relates to the server having seen the request.
    enum class Delivery {
        NotDelivered, // refused before any byte was sent: resending cannot duplicate anything
        MaybeDelivered, // the connection dropped or timed out after sending: the outcome is unknown
        Permanent, // retrying will not help (TLS failure, bad URL, protocol errors)
    };

    int maxAttempts = 4; // transient failures: first try + 3 retries
    int maxRateLimitRetries = 10; // 429s in a row for one request
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30000};
    std::chrono::milliseconds defaultRetryAfter{1000}; // FACTS §14.3: 1 s when a 429 has no Retry-After

    // Exponential backoff with jitter: retry n (0-based) waits a random time in [d/2, d], where
    // d = min(maxDelay, baseDelay × 2^n). `random01` is a uniform number in [0, 1).
    [[nodiscard]] std::chrono::milliseconds backoff(int retryIndex, double random01) const;
    // Same, with a random number from the global generator.
    [[nodiscard]] std::chrono::milliseconds backoff(int retryIndex) const;

    // 408, 500, 502, 503, 504: worth repeating when the request is idempotent.
    [[nodiscard]] static bool isTransientStatus(int httpStatus);
    // 502, 504: a gateway gave up waiting, so a non-idempotent request may have been applied.
    [[nodiscard]] static bool statusLeavesOutcomeUnknown(int httpStatus);
    [[nodiscard]] static Delivery classify(QNetworkReply::NetworkError error);
};

} // namespace Cloud
