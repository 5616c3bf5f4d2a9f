#include "sandbox/tokenauthority.h"

#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

ApiError unauthorized(const QString &detail)
{
    return ApiError(401, u"HTTP-401"_s, u"Unauthorized"_s, detail);
}

QString cookieValue(const QByteArray &cookieHeader, QByteArrayView name)
{
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype equals = trimmed.indexOf('=');
        if (equals > 0 && QByteArrayView(trimmed).first(equals) == name)
            return QString::fromLatin1(trimmed.mid(equals + 1));
    }
    return {};
}

} // namespace

TokenAuthority::TokenAuthority(SandboxState &state, SandboxClock &clock)
    : m_state(state)
    , m_clock(clock)
    , m_random(QRandomGenerator::global()->generate64())
{ }

void TokenAuthority::clear()
{
    m_tokens.clear();
    m_sessions.clear();
}

QString TokenAuthority::realmOf(const RequestContext &context)
{
    switch (context.hostKind()) {
    case HostKind::Tenant:
        return u"tenant:"_s + (context.tenant() ? context.tenant()->id : QString());
    case HostKind::Register:
        return u"register:"_s + context.region();
    case HostKind::Console:
        return u"console"_s;
    }
    return {};
}

QString TokenAuthority::issue(const QString &realm, const OAuthClient &client, const QString &userId,
                              QDateTime *expiresAt)
{
    if (++m_issuedSincePrune >= 4096)
        prune();
    const QString token = u"sbx."_s + m_random.alphanumeric(48);
    Grant grant{realm, client.id, userId, m_clock.now().addSecs(m_ttlSeconds)};
    if (expiresAt)
        *expiresAt = grant.expiresAt;
    m_tokens.insert(token, grant);
    return token;
}

bool TokenAuthority::revoke(const QString &token)
{
    return m_tokens.remove(token) > 0;
}

void TokenAuthority::revokeClient(const QString &clientId)
{
    m_tokens.removeIf([&clientId](const auto &it) { return it.value().clientId == clientId; });
}

QString TokenAuthority::startSession(const Tenant &tenant, const User &user)
{
    const QString value = m_random.alphanumeric(32);
    m_sessions.insert(value, Grant{u"tenant:"_s + tenant.id, QString(), user.id, m_clock.now().addSecs(m_ttlSeconds)});
    return value;
}

void TokenAuthority::prune()
{
    m_issuedSincePrune = 0;
    const QDateTime now = m_clock.now();
    m_tokens.removeIf([&now](const auto &it) { return it.value().expiresAt <= now; });
    m_sessions.removeIf([&now](const auto &it) { return it.value().expiresAt <= now; });
}

std::optional<ApiError> TokenAuthority::authenticate(RequestContext &context)
{
    const QByteArray authorization = context.request().header("authorization");
    const Grant *grant = nullptr;
    if (!authorization.isEmpty()) {
        if (!authorization.toLower().startsWith("bearer "))
            return unauthorized(u"The Authorization header must carry a bearer token."_s);
        const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
        const auto it = m_tokens.constFind(token);
        if (it == m_tokens.constEnd())
            return unauthorized(u"The access token is not valid."_s);
        grant = &*it;
    } else if (const QString session = cookieValue(context.request().header("cookie"), "eas.sid");
               !session.isEmpty() && context.hostKind() == HostKind::Tenant) {
        const auto it = m_sessions.constFind(session);
        if (it == m_sessions.constEnd())
            return unauthorized(u"The session is not valid."_s);
        grant = &*it;
    } else {
        return unauthorized(u"Authentication is required: send an Authorization: Bearer token."_s);
    }

    if (grant->expiresAt <= m_clock.now())
        return unauthorized(u"The access token has expired."_s);
    if (grant->realm != realmOf(context))
        return unauthorized(u"The access token was issued for another host."_s);

    Caller caller;
    if (!grant->clientId.isEmpty()) {
        caller.client = m_state.clients().find(grant->clientId);
        if (!caller.client || caller.client->deleted)
            return unauthorized(u"The OAuth client of this token no longer exists."_s);
    }
    if (!grant->userId.isEmpty()) {
        caller.user = context.tenant() ? context.tenant()->users.find(grant->userId) : nullptr;
        if (!caller.user)
            return unauthorized(u"The user of this token no longer exists."_s);
        if (caller.user->status == "disabled"_L1)
            return unauthorized(u"The user of this token is disabled."_s);
    }
    context.setCaller(caller);
    return std::nullopt;
}

} // namespace Sandbox
