#include "sandbox/jwtsessionapi.h"

#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxservices.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/signedjwt.h"
#include "sandbox/tokenauthority.h"
#include "sandbox/verificationkey.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr double kMaxLifetimeSeconds = 3600; // exp - nbf (FACTS §2.4)
const QString kAudience = u"qlik.api/login/jwt-session"_s;

ApiError rejected(const QString &detail)
{
    return ApiError(401, u"HTTP-401"_s, u"Unauthorized"_s, detail);
}

// The claims FACTS §2.4 requires, checked in order; the first problem is the answer.
std::optional<ApiError> checkClaims(const QJsonObject &claims, const IdentityProvider &idp, double now)
{
    const auto text = [&claims](const QString &name) { return claims.value(name).toString(); };
    const QJsonValue audience = claims.value(u"aud"_s);
    bool audienceOk = audience.toString() == kAudience;
    for (const QJsonValue &entry : audience.toArray())
        audienceOk = audienceOk || entry.toString() == kAudience;
    if (!audienceOk)
        return rejected(u"The JWT's 'aud' must be \"%1\"."_s.arg(kAudience));
    for (const QString &name : {u"sub"_s, u"name"_s, u"email"_s, u"jti"_s}) {
        if (!claims.value(name).isString() || text(name).isEmpty())
            return rejected(u"The JWT needs a non-empty '%1' claim."_s.arg(name));
    }
    if (text(u"subType"_s) != "user"_L1)
        return rejected(u"The JWT's 'subType' must be \"user\"."_s);
    if (!claims.value(u"email_verified"_s).isBool())
        return rejected(u"The JWT needs an 'email_verified' boolean claim."_s);
    for (const QString &name : {u"iat"_s, u"nbf"_s, u"exp"_s}) {
        if (!claims.value(name).isDouble())
            return rejected(u"The JWT needs a numeric '%1' claim (seconds since the epoch)."_s.arg(name));
    }
    const double tolerance = idp.clockToleranceSec;
    const double iat = claims.value(u"iat"_s).toDouble();
    const double nbf = claims.value(u"nbf"_s).toDouble();
    const double exp = claims.value(u"exp"_s).toDouble();
    if (exp <= nbf)
        return rejected(u"The JWT's 'exp' is not after its 'nbf'."_s);
    if (exp - nbf > kMaxLifetimeSeconds)
        return rejected(u"The JWT is valid for %1 s (exp - nbf); at most 3600 s are accepted."_s.arg(exp - nbf));
    if (nbf > now + tolerance)
        return rejected(u"The JWT is not valid yet ('nbf' is %1 s ahead)."_s.arg(std::ceil(nbf - now)));
    if (iat > now + tolerance)
        return rejected(u"The JWT was issued in the future ('iat' is %1 s ahead)."_s.arg(std::ceil(iat - now)));
    if (exp <= now - tolerance)
        return rejected(u"The JWT has expired."_s);
    const QJsonValue groups = claims.value(u"groups"_s);
    if (!groups.isUndefined()) {
        bool ok = groups.isArray();
        for (const QJsonValue &group : groups.toArray())
            ok = ok && group.isString() && !group.toString().isEmpty();
        if (!ok)
            return rejected(u"The JWT's 'groups' must be an array of group names."_s);
    }
    return std::nullopt;
}

// Candidate IdPs: active jwtAuth IdPs with this key id; the issuer then picks one.
const IdentityProvider *findProvider(const Tenant &tenant, const QString &kid, const QString &issuer, QString *problem)
{
    bool kidKnown = false;
    for (const IdentityProvider &idp : tenant.identityProviders) {
        if (idp.protocol != "jwtAuth"_L1 || !idp.active)
            continue;
        const bool hasKid = std::any_of(idp.staticKeys.cbegin(), idp.staticKeys.cend(),
                                        [&kid](const JwtStaticKey &key) { return key.kid == kid; });
        if (!hasKid)
            continue;
        kidKnown = true;
        if (idp.issuer == issuer)
            return &idp;
    }
    *problem = kidKnown ? u"The JWT's issuer '%1' does not match the identity provider of key '%2'."_s.arg(issuer, kid)
                        : u"No active JWT identity provider on this tenant has the key id '%1'."_s.arg(kid);
    return nullptr;
}

// Gives the user a seat when the tenant's license settings auto-assign (FACTS §6).
void autoAssignLicense(RequestContext &ctx, const Tenant &tenant, const User &user)
{
    Subscription *subscription = ctx.state().subscription(tenant.subscriptionId);
    if (!subscription || subscription->assignment(user.subject))
        return;
    const auto fits = [subscription](const QString &type) {
        const Allotment *allotment = subscription->allotment(type);
        return allotment
            && (allotment->overage < 0 || subscription->unitsUsed(type) < allotment->units + allotment->overage);
    };
    QString type;
    if (tenant.licenseSettings.autoAssignProfessional && fits(u"professional"_s))
        type = u"professional"_s;
    else if (tenant.licenseSettings.autoAssignAnalyzer && fits(u"analyzer"_s))
        type = u"analyzer"_s;
    if (!type.isEmpty())
        subscription->assignments.push_back({user.subject, type, ctx.clock().now(), false});
}

// Joins the groups the JWT names; unknown ones are created when autoCreateGroups is on (FACTS §2.4,
// §5.2). With syncIdpGroups, IdP groups the JWT no longer names are left.
void applyGroups(RequestContext &ctx, Tenant &tenant, User &user, const QJsonArray &names)
{
    QStringList claimed;
    for (const QJsonValue &value : names) {
        const QString name = value.toString();
        Group *group = tenant.groupByName(name);
        if (!group && tenant.groupSettings.autoCreateGroups) {
            Group created;
            created.id = ctx.state().ids().objectId();
            created.name = name;
            created.providerType = u"idp"_s;
            created.createdAt = ctx.clock().now();
            created.lastUpdatedAt = created.createdAt;
            group = &tenant.groups.insert(created);
            ctx.audit(u"com.qlik.v1.group.created"_s, u"com.qlik/groups"_s,
                      {{u"id"_s, group->id}, {u"name"_s, group->name}, {u"tenantId"_s, tenant.id}},
                      {group->id, {}, {}});
        }
        if (!group)
            continue;
        claimed.append(group->id);
        if (!user.groupIds.contains(group->id))
            user.groupIds.append(group->id);
    }
    if (tenant.groupSettings.syncIdpGroups) {
        user.groupIds.removeIf([&](const QString &id) {
            const Group *group = tenant.groups.find(id);
            return group && group->providerType == "idp"_L1 && !claimed.contains(id);
        });
    }
}

QByteArray signature(const QByteArray &value)
{
    return QCryptographicHash::hash(QByteArray(value + "tenantry-sandbox-cookie"), QCryptographicHash::Sha1)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Cookie values are not state: they come from the system generator, never the seeded one.
QByteArray csrfToken()
{
    std::array<quint32, 6> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void setCookies(HttpResponse &response, const QByteArray &session, const QByteArray &csrf, const QDateTime &expires)
{
    // Real Qlik's attributes; over the sandbox's plain http a cookie jar keeps but never resends a
    // Secure cookie, so clients send `Cookie: eas.sid=...` themselves (README).
    const QByteArray attributes
        = "; path=/; expires=" + QLocale::c().toString(expires.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1()
        + "; samesite=none; secure";
    response.headers.append({"Set-Cookie", "eas.sid=" + session + attributes + "; httponly"});
    response.headers.append({"Set-Cookie", "eas.sid.sig=" + signature(session) + attributes + "; httponly"});
    response.headers.append({"Set-Cookie", "_csrfToken=" + csrf + attributes});
    response.headers.append({"Set-Cookie", "_csrfToken.sig=" + signature(csrf) + attributes});
}

HttpResponse login(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QByteArray authorization = ctx.request().header("authorization");
    if (!authorization.toLower().startsWith("bearer ") || authorization.mid(7).trimmed().isEmpty())
        return ctx.error(rejected(u"Send the signed JWT as 'Authorization: Bearer <JWT>'."_s));
    QString problem;
    const std::optional<SignedJwt> jwt = SignedJwt::parse(authorization.mid(7).trimmed(), &problem);
    if (!jwt)
        return ctx.error(rejected(problem));
    const QString alg = jwt->algorithm();
    if (alg.isEmpty() || alg.compare("none"_L1, Qt::CaseInsensitive) == 0)
        return ctx.error(rejected(u"The JWT must be signed; its header names no algorithm."_s));
    if (alg.startsWith("HS"_L1))
        return ctx.error(rejected(u"HMAC algorithms (%1) are not accepted; sign with a private key."_s.arg(alg)));
    if (!VerificationKey::isSupportedAlgorithm(alg))
        return ctx.error(rejected(u"The signing algorithm '%1' is not supported."_s.arg(alg)));
    const QString kid = jwt->keyId();
    if (kid.isEmpty())
        return ctx.error(rejected(u"The JWT header needs a 'kid' naming the IdP's static key."_s));
    const QJsonObject &claims = jwt->claims();
    const IdentityProvider *idp = findProvider(tenant, kid, claims.value(u"iss"_s).toString(), &problem);
    if (!idp)
        return ctx.error(rejected(problem));
    const auto key = std::find_if(idp->staticKeys.cbegin(), idp->staticKeys.cend(),
                                  [&kid](const JwtStaticKey &k) { return k.kid == kid; });
    const VerificationKey verifier = VerificationKey::fromPem(key->pem.toLatin1(), &problem);
    if (!verifier.isValid() || !verifier.verify(alg, jwt->signingInput(), jwt->signature(), &problem))
        return ctx.error(rejected(problem));

    const QDateTime now = ctx.clock().now();
    const double nowSeconds = static_cast<double>(now.toMSecsSinceEpoch()) / 1000.0;
    if (auto error = checkClaims(claims, *idp, nowSeconds))
        return ctx.error(*error);
    tenant.consumedJwtIds.removeIf([&now](const auto &it) { return it.value() < now; });
    const QString jti = claims.value(u"jti"_s).toString();
    if (tenant.consumedJwtIds.contains(jti))
        return ctx.error(rejected(u"The JWT id (jti) has been used already; every JWT is exchanged once."_s));

    const QString subject = claims.value(u"sub"_s).toString();
    User *user = tenant.userBySubject(subject);
    if (!user && !idp->createNewUsersOnLogin) {
        return ctx.error(
            rejected(u"No user has this subject, and the identity provider does not create users on login."_s));
    }
    if (user && (user->status == "disabled"_L1 || user->status == "deleted"_L1))
        return ctx.error(rejected(u"The user is %1."_s.arg(user->status)));
    // From here on the login succeeds: the JWT is spent.
    const qint64 expiresMs = static_cast<qint64>(claims.value(u"exp"_s).toDouble() * 1000.0);
    tenant.consumedJwtIds.insert(jti,
                                 QDateTime::fromMSecsSinceEpoch(expiresMs, Qt::UTC).addSecs(idp->clockToleranceSec));
    bool created = false;
    if (!user) {
        User fresh;
        fresh.id = ctx.state().ids().objectId();
        fresh.subject = subject;
        fresh.createdAt = now;
        user = &tenant.users.insert(fresh);
        created = true;
    }
    user->name = claims.value(u"name"_s).toString();
    user->email = claims.value(u"email"_s).toString();
    user->status = u"active"_s;
    user->lastUpdatedAt = now;
    // Audit events of this login name the user as the actor.
    ctx.setCaller(Caller{nullptr, user});
    if (created) {
        ctx.audit(u"com.qlik.v1.user.created"_s, u"com.qlik/users"_s,
                  {{u"id"_s, user->id}, {u"subject"_s, user->subject}, {u"tenantId"_s, tenant.id}}, {user->id, {}, {}});
    }
    applyGroups(ctx, tenant, *user, claims.value(u"groups"_s).toArray());
    autoAssignLicense(ctx, tenant, *user);

    TokenAuthority &authority = ctx.services().authority;
    const QByteArray session = authority.startSession(tenant, *user).toLatin1();
    ctx.audit(u"com.qlik.user-session.begin"_s, u"com.qlik/edge-auth"_s,
              {{u"userId"_s, user->id}, {u"subject"_s, user->subject}, {u"identityProviderId"_s, idp->id}},
              {user->id, {}, {}});
    HttpResponse response = HttpResponse::json(200, QJsonObject{});
    setCookies(response, session, csrfToken(), now.addSecs(authority.tokenTtl()));
    return response;
}

} // namespace

void JwtSessionApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "POST", u"/login/jwt-session"_s, login).publicAccess();
}

} // namespace Sandbox
