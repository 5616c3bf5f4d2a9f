#pragma once

#include <QString>

#include <functional>

class QObject;

namespace Cloud {

// The outcome of looking up an OAuth client secret. `error` is a message for people (never
// containing the secret); `keychainUnavailable` tells the UI to show its keychain banner.
struct SecretLookup
{
    QString secret;
    QString error;
    bool keychainUnavailable = false;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Where the client reads OAuth client secrets from: the OS keychain, or environment variables in CI
// (models/secrets implements both). Lookups are asynchronous because keychain access may block.
class ClientSecretSource
{
public:
    virtual ~ClientSecretSource() = default;

    // Looks up the secret of the named credential profile. `done` is called exactly once, later
    // (never from within this call), on `context`'s thread, and not at all if `context` is destroyed.
    virtual void fetchClientSecret(const QString &profileName, QObject *context,
                                   std::function<void(const SecretLookup &)> done)
        = 0;
};

} // namespace Cloud
