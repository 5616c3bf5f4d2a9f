#pragma once

#include "cloud/clientsecretsource.h"
#include "cloud/connecttomap.h"
#include "cloud/credentialprofile.h"

#include <memory>
#include <QObject>
#include <QString>

namespace Cloud {

class ApiError;
class CloudClient;

// "Test connection" for one credential profile, saved or not: asks the profile's host for a token
// and, where there is an identity to ask about, who the client is. A tenant client gets a token on
// its tenant and reads `GET /api/v1/users/me` (301 followed) — the bot user it maps to (FACTS §2.3);
// a region client gets a token on register.<region> (a bot user exists only per tenant); an
// organization client gets a token on the console and lists one tenant of its first subscription
// (FACTS §3.4). Runs on its own client, so nothing of the estate's cache is used or changed.
class CredentialCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialCheck)

public:
    struct Outcome
    {
        bool ok = false;
        QString host; // the host that was asked
        QString summary; // one line for people: who the client is, or what went wrong
        QString botSubject; // tenant clients: the bot user's subject, "qlikbot\<clientId>"
        QString botName; // tenant clients: the bot user's name (the OAuth client's name)
        QString errorCode; // Qlik's error code when Qlik refused ("OAUTH-14", "TENANT_DISABLED")
        int httpStatus = 0;
    };

    // `secrets` (not owned) supplies the profile's stored secret when no secret is given to start().
    CredentialCheck(ClientSecretSource *secrets, const ConnectToMap &connectTo, QObject *parent = nullptr);
    ~CredentialCheck() override;

    // Checks `profile`. A non-empty `secret` is used instead of the stored one (a secret typed but
    // not saved yet); it is kept only for this check. finished() follows exactly once, later.
    // Starting again abandons the check in progress (its finished() never comes).
    void start(const CredentialProfile &profile, const QString &secret = {});
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const Cloud::CredentialCheck::Outcome &outcome);

private:
    void checkTenant(const CredentialProfile &profile);
    void checkRegion(const CredentialProfile &profile);
    void checkOrganization(const CredentialProfile &profile);
    void finish(quint64 generation, const Outcome &outcome);
    [[nodiscard]] static Outcome failure(const QString &host, const ApiError &error);

    ClientSecretSource *m_secrets;
    ConnectToMap m_connectTo;
    std::unique_ptr<CloudClient> m_client;
    bool m_running = false;
    quint64 m_generation = 0; // outcomes of abandoned checks are dropped
};

} // namespace Cloud

Q_DECLARE_METATYPE(Cloud::CredentialCheck::Outcome)
