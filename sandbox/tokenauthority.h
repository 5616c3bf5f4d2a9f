#pragma once

#include "sandbox/apierror.h"
#include "sandbox/idgenerator.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Sandbox {

class RequestContext;
class SandboxClock;
class SandboxState;
struct OAuthClient;
struct Tenant;
struct User;

// Access tokens and browser sessions (FACTS §2). A token is bound to the realm it was issued for:
// one tenant (whatever hostname of it was used), one register.<region> host, or the console. It
// expires after the token TTL; tokens of a deleted client stop working at once.
class TokenAuthority
{
public:
    struct Grant
    {
        QString realm; // "tenant:<id>", "register:<region>", "console"
        QString clientId;
        QString userId; // tenant realms: the bot (or session) user
        QDateTime expiresAt;
    };

    TokenAuthority(SandboxState &state, SandboxClock &clock);

    void clear();
    void setTokenTtl(int seconds) { m_ttlSeconds = seconds; }
    [[nodiscard]] int tokenTtl() const { return m_ttlSeconds; }

    [[nodiscard]] static QString realmOf(const RequestContext &context);

    // Mints an access token for an already verified client.
    [[nodiscard]] QString issue(const QString &realm, const OAuthClient &client, const QString &userId,
                                QDateTime *expiresAt);
    bool revoke(const QString &token);
    void revokeClient(const QString &clientId);

    // A session cookie value for a tenant user (what /login/jwt-session hands out).
    [[nodiscard]] QString startSession(const Tenant &tenant, const User &user);

    // Checks the request's bearer token (or eas.sid session cookie) against its host and sets the
    // caller; the error is the 401 to send.
    [[nodiscard]] std::optional<ApiError> authenticate(RequestContext &context);

    [[nodiscard]] qsizetype liveTokens() const { return m_tokens.size(); }

private:
    void prune();

    SandboxState &m_state;
    SandboxClock &m_clock;
    IdGenerator m_random; // seeded from the system: tokens are not state
    int m_ttlSeconds = 21600;
    QHash<QString, Grant> m_tokens;
    QHash<QString, Grant> m_sessions;
    qint64 m_issuedSincePrune = 0;
};

} // namespace Sandbox
