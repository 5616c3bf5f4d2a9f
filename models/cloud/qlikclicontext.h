#pragma once

#include <QString>
#include <QStringList>

namespace Cloud {

// One context of qlik-cli's contexts file, as QlikCliContextsFile read it. Two fields hold secrets
// (oauthClientSecret, apiKey): they are never logged, shown or written anywhere but the keychain.
struct QlikCliContext
{
    QString name; // the context's key under `contexts`
    int line = 0; // 1-based position of that key in the file, for messages
    int column = 0;
    QString server; // `server`: the tenant URL, e.g. https://acme.eu.qlikcloud.com
    QString serverType; // `server-type`: cloud, Windows or engine; empty when absent
    QString comment; // `comment`
    QString oauthClientId; // `oauth-client-id`
    QString oauthClientSecret; // `oauth-client-secret` (secret)
    QString apiKey; // `api-key`, or the bearer token of an `Authorization` header (secret)
    QString apiKeyField; // where the API key was: "api-key" or "headers"
    QStringList otherHeaders; // names of the other `headers`, which Tenantry does not send
    bool current = false; // named by `current-context`

    [[nodiscard]] bool holdsSecret() const { return !oauthClientSecret.isEmpty() || !apiKey.isEmpty(); }
};

} // namespace Cloud
