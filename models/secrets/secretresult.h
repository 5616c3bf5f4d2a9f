#pragma once

#include <QString>

namespace Secrets {

// How a keychain operation ended. `Unavailable` covers every way the OS keychain can refuse
// (no Secret Service, locked collection, access denied): the UI shows a banner, the CLI a message.
enum class SecretStatus {
    Ok,
    NotFound,
    Unavailable,
    Invalid, // the request itself was wrong (empty key or secret); nothing was attempted
};

struct SecretResult
{
    SecretStatus status = SecretStatus::Ok;
    QString secret; // read results only
    QString error; // for people; never contains the secret

    [[nodiscard]] bool ok() const { return status == SecretStatus::Ok; }
};

} // namespace Secrets
