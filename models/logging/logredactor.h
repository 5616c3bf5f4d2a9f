#pragma once

#include <QString>

namespace Logging {

// Removes secrets from a log message before it reaches any sink: Authorization header values, bearer
// and basic credentials, OAuth and key fields (access_token, client_secret, password, …) in JSON,
// form, query or "key: value" text, JWT-shaped strings, PEM private keys and passwords in URLs.
// Conservative on purpose: a harmless word after "secret:" is redacted too.
class LogRedactor final
{
public:
    [[nodiscard]] static QString redact(const QString &message);

    // What replaces each secret, so tests and readers can recognise it.
    static constexpr QLatin1StringView marker{"<redacted>"};

private:
    LogRedactor() = default;
};

} // namespace Logging
