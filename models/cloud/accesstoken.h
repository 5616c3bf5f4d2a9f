#pragma once

#include <chrono>
#include <QByteArray>
#include <QDateTime>
#include <QString>

class QJsonDocument;

namespace Cloud {

// An OAuth access token for one host and client (FACTS §2.1). `value` is a credential: never log
// it, never put it in an error message.
struct AccessToken
{
    using Clock = std::chrono::steady_clock;

    QByteArray value;
    QString scope;
    Clock::time_point expiresAt{};
    Clock::time_point refreshAt{}; // shortly before expiry: from here on a new token is fetched

    [[nodiscard]] bool isUsable(Clock::time_point now) const { return !value.isEmpty() && now < refreshAt; }

    // Reads a token endpoint answer. `requestedAt` is when the token request was sent (a relative
    // `expires_in` counts from then, which errs on the early side); `nowUtc` is the wall clock for
    // an absolute `expires_at`. `token_type` must be bearer, in any case (console says "Bearer").
    // On error returns an empty token and sets `error` (the message never contains the token).
    [[nodiscard]] static AccessToken fromTokenResponse(const QJsonDocument &document, Clock::time_point requestedAt,
                                                       const QDateTime &nowUtc, QString *error);

    // How early a token with this lifetime is refreshed: a tenth of it, at most five minutes.
    [[nodiscard]] static std::chrono::milliseconds refreshMargin(std::chrono::milliseconds lifetime);
};

} // namespace Cloud
