#include "sandbox/oauthapi.h"

#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/rolecatalog.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/tokenauthority.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

// FACTS §2.1: "Invalid client_id" / OAUTH-14 is what Qlik answers for a client it will not serve.
ApiError invalidClient()
{
    return ApiError(400, u"OAUTH-14"_s, u"Invalid client_id"_s, u"OAuth client is not authorized"_s);
}

struct TokenRequest
{
    QString grantType;
    QString clientId;
    QString clientSecret;
    QString scope;
};

// JSON or form body (both are in the spec); the Content-Type decides, JSON otherwise.
std::optional<HttpResponse> readTokenRequest(const RequestContext &ctx, TokenRequest &out)
{
    const QByteArray contentType = ctx.request().header("content-type").toLower();
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QString text = QString::fromUtf8(ctx.request().body);
        text.replace(u'+', u' ');
        const QUrlQuery form(text);
        out.grantType = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
        out.clientId = form.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
        out.clientSecret = form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded);
        out.scope = form.queryItemValue(u"scope"_s, QUrl::FullyDecoded);
    } else {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return failure;
        for (const QString &field : {u"grant_type"_s, u"client_id"_s, u"client_secret"_s, u"scope"_s}) {
            if (body.contains(field) && !body.value(field).isString()) {
                return ctx.error(
                    ApiError::badRequest(u"'%1' must be a string."_s.arg(field)).withPointer(u'/' + field));
            }
        }
        out.grantType = body.value(u"grant_type"_s).toString();
        out.clientId = body.value(u"client_id"_s).toString();
        out.clientSecret = body.value(u"client_secret"_s).toString();
        out.scope = body.value(u"scope"_s).toString();
    }
    // Basic authentication carries the client credentials in the header instead (RFC 6749 §2.3.1).
    const QByteArray authorization = ctx.request().header("authorization");
    if (out.clientId.isEmpty() && authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            out.clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
            out.clientSecret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)));
        }
    }
    return std::nullopt;
}

// Whether this client may get a token on this host (FACTS §2.2).
bool servesHost(const OAuthClient &client, const RequestContext &ctx)
{
    switch (ctx.hostKind()) {
    case HostKind::Tenant:
        switch (client.kind) {
        case ClientKind::Region:
            return client.region == ctx.tenant()->region && client.subscriptionId == ctx.tenant()->subscriptionId;
        case ClientKind::Tenant:
            return client.tenantId == ctx.tenant()->id;
        case ClientKind::Org:
            return false;
        }
        return false;
    case HostKind::Register:
        return client.kind == ClientKind::Region && client.region == ctx.region();
    case HostKind::Console:
        return client.kind == ClientKind::Org;
    }
    return false;
}

HttpResponse token(RequestContext &ctx)
{
    TokenRequest request;
    if (auto failure = readTokenRequest(ctx, request))
        return *failure;
    if (request.grantType.isEmpty())
        return ctx.error(ApiError::badRequest(u"'grant_type' is required."_s).withPointer(u"/grant_type"_s));
    if (request.grantType != "client_credentials"_L1) {
        // The sandbox has no users who could log in; only machine-to-machine clients get tokens.
        return ctx.error(
            ApiError(400, u"HTTP-400"_s, u"Unsupported grant type"_s,
                     u"grant_type '%1' is not supported here; use client_credentials."_s.arg(request.grantType))
                .withPointer(u"/grant_type"_s));
    }
    if (request.clientId.isEmpty() || request.clientSecret.isEmpty()) {
        const QString field = request.clientId.isEmpty() ? u"client_id"_s : u"client_secret"_s;
        return ctx.error(ApiError::badRequest(u"'%1' is required."_s.arg(field)).withPointer(u'/' + field));
    }

    SandboxState &state = ctx.state();
    const OAuthClient *client = state.clients().find(request.clientId);
    if (!client || client->deleted || !servesHost(*client, ctx))
        return ctx.error(invalidClient());
    if (client->secret != request.clientSecret) {
        return ctx.error(
            ApiError(401, u"HTTP-401"_s, u"Invalid client credentials"_s, u"The client secret is wrong."_s));
    }

    TokenAuthority &authority = ctx.services().authority;
    QString userId;
    if (ctx.hostKind() == HostKind::Tenant) {
        User &bot = OAuthApi::ensureBotUser(state, ctx.clock(), *ctx.tenant(), *client);
        if (bot.status == "disabled"_L1) {
            return ctx.error(ApiError(403, u"HTTP-403"_s, u"Forbidden"_s, u"The user of this client is disabled."_s));
        }
        userId = bot.id;
    }
    QDateTime expiresAt;
    const QString accessToken = authority.issue(TokenAuthority::realmOf(ctx), *client, userId, &expiresAt);
    QJsonObject body{{u"access_token"_s, accessToken},
                     {u"expires_in"_s, authority.tokenTtl()},
                     {u"expires_at"_s, SandboxClock::iso(expiresAt)}};
    // FACTS §2.1 / §18.3: "bearer" on tenant and register hosts, "Bearer" with a scope on the console.
    if (ctx.hostKind() == HostKind::Console) {
        body.insert(u"token_type"_s, u"Bearer"_s);
        body.insert(u"scope"_s, u"cloud-console.tenants:read"_s);
    } else {
        body.insert(u"token_type"_s, u"bearer"_s);
    }
    HttpResponse response = HttpResponse::json(200, body);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

} // namespace

void OAuthApi::addRoutes(Router &router)
{
    router.add(AnyHost, "POST", u"/oauth/token"_s, token).publicAccess();
}

User &OAuthApi::ensureBotUser(SandboxState &state, const SandboxClock &clock, Tenant &tenant, const OAuthClient &client)
{
    const QString subject = u"qlikbot\\"_s + client.id;
    if (User *existing = tenant.userBySubject(subject))
        return *existing;
    User bot;
    bot.id = state.ids().objectId();
    bot.subject = subject;
    bot.name = client.name.isEmpty() ? client.id : client.name;
    bot.clientId = client.id;
    bot.status = u"active"_s;
    bot.roleIds = {RoleCatalog::defaultRoleId(tenant, u"TenantAdmin"_s)};
    bot.createdAt = clock.now();
    bot.lastUpdatedAt = bot.createdAt;
    User &stored = tenant.users.insert(bot);

    AuditEvent event;
    event.id = state.ids().objectId();
    event.eventId = state.ids().uuid();
    event.eventType = u"com.qlik.v1.user.created"_s;
    event.source = u"com.qlik/users"_s;
    event.eventTime = bot.createdAt;
    event.userId = stored.id;
    event.actorSub = stored.subject;
    event.actorSubType = u"user"_s;
    event.data = {{u"id"_s, stored.id}, {u"subject"_s, stored.subject}, {u"tenantId"_s, tenant.id}};
    event.topLevelResourceId = stored.id;
    tenant.auditEvents.push_back(event);
    return stored;
}

} // namespace Sandbox
