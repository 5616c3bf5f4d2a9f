#include "sandbox/identityprovidersapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/verificationkey.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/identity-providers"_s;
constexpr int kMaxDescription = 128;
constexpr int kMaxClockTolerance = 7200;

const QStringList kOidcProviders{u"auth0"_s,    u"okta"_s, u"generic"_s, u"salesforce"_s,
                                 u"keycloak"_s, u"adfs"_s, u"azureAD"_s};
const QStringList kSamlProviders{u"okta"_s, u"generic"_s, u"adfs"_s, u"azureAD"_s};

std::optional<HttpResponse> requireAdmin(const RequestContext &ctx, const QString &what)
{
    if (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user))
        return std::nullopt;
    return ctx.error(ApiError::forbidden(u"%1 needs the TenantAdmin role."_s.arg(what)));
}

IdentityProvider *find(RequestContext &ctx)
{
    return ctx.tenant()->identityProviders.find(ctx.param(u"id"_s));
}

HttpResponse notFound(const RequestContext &ctx)
{
    return ctx.error(ApiError::notFound(u"No identity provider '%1'."_s.arg(ctx.param(u"id"_s))));
}

QJsonObject withoutSecrets(QJsonObject options)
{
    options.remove(u"clientSecret"_s);
    return options;
}

// The active interactive IdP other than `except`, if any (FACTS §4.2: only one per tenant).
const IdentityProvider *activeInteractive(const Tenant &tenant, const QString &except)
{
    for (const IdentityProvider &idp : tenant.identityProviders) {
        if (idp.interactive && idp.active && idp.id != except)
            return &idp;
    }
    return nullptr;
}

ApiError secondInteractive(const IdentityProvider &active)
{
    return ApiError::badRequest(
               u"Only one interactive identity provider can be active on a tenant; '%1' (%2) is active. "
               "Deactivate or delete it first."_s.arg(active.id, active.provider))
        .withPointer(u"/active"_s);
}

// ---------------------------------------------------------------------------------------------
// Option checks (spec CreateOIDCPayload, CreateSAMLPayload, CreateJWTAuthPayload)

void checkStringArrays(BodyFields &fields, const QJsonObject &mapping, const QString &name)
{
    for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it) {
        const QJsonValue value = it.value();
        bool ok = value.isArray();
        for (const QJsonValue &item : value.toArray())
            ok = ok && item.isString();
        if (!ok)
            fields.fail(name + u'/' + it.key(), u"'%1.%2' must be an array of strings."_s.arg(name, it.key()));
    }
}

void checkHttpsUrl(BodyFields &fields, const QString &name, const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty())
        fields.fail(name, u"'%1' must be an https URL."_s.arg(name));
}

std::optional<ApiError> checkOidcOptions(const QJsonObject &options, const QString &pointer, const QString &provider,
                                         bool interactive)
{
    static const QRegularExpression realmPattern(u"^[A-Za-z0-9][A-Za-z0-9.\\-_]+$"_s);
    BodyFields fields(options, pointer);
    const QString realm = fields.string(u"realm"_s);
    if (fields.has(u"realm"_s) && !fields.error() && (realm.size() > 254 || !realmPattern.match(realm).hasMatch()))
        fields.fail(u"realm"_s, u"'realm' must match ^[A-Za-z0-9][A-Za-z0-9.\\-_]+$ (at most 254 characters)."_s);
    const QString discoveryUrl = fields.string(u"discoveryUrl"_s);
    const QJsonObject configuration = fields.object(u"openid_configuration"_s);
    if (!fields.error() && discoveryUrl.isEmpty() && configuration.isEmpty())
        fields.fail(u"discoveryUrl"_s, u"'discoveryUrl' is required unless 'openid_configuration' is given."_s);
    if (!discoveryUrl.isEmpty())
        checkHttpsUrl(fields, u"discoveryUrl"_s, discoveryUrl);
    if (!configuration.isEmpty()) {
        BodyFields config(configuration, pointer + u"/openid_configuration"_s);
        for (const QString &key : {u"issuer"_s, u"authorization_endpoint"_s, u"token_endpoint"_s, u"jwks_uri"_s})
            static_cast<void>(config.string(key, BodyFields::Required));
        if (const auto error = config.error())
            return error;
    }
    const QJsonObject claims = fields.object(u"claimsMapping"_s, BodyFields::Required);
    checkStringArrays(fields, claims, u"claimsMapping"_s);
    if (interactive) {
        static_cast<void>(fields.string(u"clientId"_s, BodyFields::Required));
        static_cast<void>(fields.string(u"clientSecret"_s, BodyFields::Required));
    }
    static_cast<void>(fields.oneOf(u"idTokenSignatureAlg"_s, {u"RS256"_s, u"RS512"_s}));
    if (fields.string(u"scope"_s).size() > 254)
        fields.fail(u"scope"_s, u"'scope' has at most 254 characters."_s);
    if (fields.string(u"audience"_s).size() > 256)
        fields.fail(u"audience"_s, u"'audience' has at most 256 characters."_s);
    for (const QString &flag : {u"useClaimsFromIdToken"_s, u"blockOfflineAccessScope"_s})
        static_cast<void>(fields.boolean(flag));
    if (fields.boolean(u"emailVerifiedAlwaysTrue"_s).has_value() && provider != "adfs"_L1 && provider != "azureAD"_L1)
        fields.fail(u"emailVerifiedAlwaysTrue"_s, u"Only ADFS and AzureAD IdPs can set 'emailVerifiedAlwaysTrue'."_s);
    return fields.error();
}

std::optional<ApiError> checkSamlOptions(const QJsonObject &options, const QString &pointer)
{
    BodyFields fields(options, pointer);
    const QJsonObject metadata = fields.object(u"metadata"_s);
    if (!metadata.isEmpty()) {
        BodyFields meta(metadata, pointer + u"/metadata"_s);
        const QString raw = meta.string(u"raw"_s, BodyFields::Required);
        if (!meta.error() && !QByteArray::fromBase64Encoding(raw.toLatin1(), QByteArray::AbortOnBase64DecodingErrors))
            meta.fail(u"raw"_s, u"'metadata.raw' must be the IdP metadata XML in base64."_s);
        if (const auto error = meta.error())
            return error;
    } else {
        static_cast<void>(fields.string(u"entityId"_s, BodyFields::Required));
        const QString signOnUrl = fields.string(u"signOnUrl"_s, BodyFields::Required);
        if (!signOnUrl.isEmpty())
            checkHttpsUrl(fields, u"signOnUrl"_s, signOnUrl);
        const QJsonArray certificates = fields.array(u"certificates"_s, BodyFields::Required);
        if (!fields.error() && (certificates.isEmpty() || certificates.size() > 5))
            fields.fail(u"certificates"_s, u"'certificates' needs 1 to 5 entries."_s);
        for (qsizetype i = 0; i < certificates.size() && !fields.error(); ++i) {
            BodyFields certificate(certificates.at(i).toObject(), pointer + u"/certificates/%1"_s.arg(i));
            static_cast<void>(certificate.string(u"certificate"_s, BodyFields::Required));
            if (const auto error = certificate.error())
                return error;
        }
    }
    const QJsonObject claims = fields.object(u"claimsMapping"_s, BodyFields::Required);
    for (const QString &claim : {u"sub"_s, u"name"_s, u"email"_s, u"picture"_s, u"groups"_s}) {
        if (!fields.error() && !claims.contains(claim))
            fields.fail(u"claimsMapping/"_s + claim, u"'claimsMapping.%1' is required for SAML."_s.arg(claim));
    }
    checkStringArrays(fields, claims, u"claimsMapping"_s);
    static_cast<void>(fields.oneOf(u"nameIdFormat"_s,
                                   {u"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"_s,
                                    u"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"_s,
                                    u"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"_s}));
    return fields.error();
}

// FACTS §4.1: exactly one static key, and its PEM must be a public key or certificate.
std::optional<ApiError> readJwtOptions(const QJsonObject &options, IdentityProvider &idp)
{
    BodyFields fields(options, u"/options"_s);
    idp.issuer = fields.string(u"issuer"_s, BodyFields::Required);
    const QJsonArray keys = fields.array(u"staticKeys"_s, BodyFields::Required);
    if (const auto error = fields.error())
        return error;
    if (keys.size() != 1) {
        return ApiError::badRequest(
                   u"'options.staticKeys' must hold exactly one key (it holds %1); rotate keys with a new IdP."_s.arg(
                       keys.size()))
            .withPointer(u"/options/staticKeys"_s);
    }
    if (!keys.first().isObject())
        return ApiError::badRequest(u"'options.staticKeys[0]' must be an object {kid, pem}."_s)
            .withPointer(u"/options/staticKeys/0"_s);
    BodyFields key(keys.first().toObject(), u"/options/staticKeys/0"_s);
    JwtStaticKey staticKey;
    staticKey.kid = key.string(u"kid"_s, BodyFields::Required);
    staticKey.pem = key.string(u"pem"_s, BodyFields::Required);
    if (const auto error = key.error())
        return error;
    QString problem;
    if (!VerificationKey::fromPem(staticKey.pem.toLatin1(), &problem).isValid())
        return ApiError::badRequest(u"'options.staticKeys[0].pem': "_s + problem)
            .withPointer(u"/options/staticKeys/0/pem"_s);
    idp.staticKeys = {staticKey};
    if (const auto enabled = fields.boolean(u"jwtLoginEnabled"_s))
        idp.jwtLoginEnabled = *enabled;
    return fields.error();
}

std::optional<ApiError> checkOptions(const IdentityProvider &idp, const QJsonObject &options, const QString &pointer)
{
    if (idp.protocol == "OIDC"_L1)
        return checkOidcOptions(options, pointer, idp.provider, idp.interactive);
    return checkSamlOptions(options, pointer);
}

// ---------------------------------------------------------------------------------------------

HttpResponse list(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx, u"Listing identity providers"_s))
        return *denied;
    std::optional<bool> active;
    if (ctx.hasQuery(u"active"_s)) {
        const QString text = ctx.query(u"active"_s);
        if (text != "true"_L1 && text != "false"_L1)
            return ctx.error(ApiError::badRequest(u"'active' must be true or false."_s).withParameter(u"active"_s));
        active = text == "true"_L1;
    }
    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<const IdentityProvider *> matches;
    QStringList ids;
    for (const IdentityProvider &idp : ctx.tenant()->identityProviders) {
        if (active && idp.active != *active)
            continue;
        matches.append(&idp);
        ids.append(idp.id);
    }
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(IdentityProvidersApi::toJson(*matches.at(i)));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (auto denied = requireAdmin(ctx, u"Creating identity providers"_s))
        return *denied;
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    IdentityProvider idp;
    idp.protocol = fields.oneOf(u"protocol"_s, {u"OIDC"_s, u"SAML"_s, u"jwtAuth"_s}, BodyFields::Required);
    if (const auto error = fields.error())
        return ctx.error(*error);
    const QStringList providers = idp.protocol == "jwtAuth"_L1 ? QStringList{u"external"_s}
        : idp.protocol == "SAML"_L1                            ? kSamlProviders
                                                               : kOidcProviders;
    idp.provider = fields.oneOf(u"provider"_s, providers, BodyFields::Required);
    idp.tenantIds = fields.stringList(u"tenantIds"_s);
    idp.description = fields.string(u"description"_s);
    if (idp.description.size() > kMaxDescription)
        fields.fail(u"description"_s, u"'description' has at most %1 characters."_s.arg(kMaxDescription));
    if (const auto tolerance = fields.integer(u"clockToleranceSec"_s)) {
        if (*tolerance < 0 || *tolerance > kMaxClockTolerance)
            fields.fail(u"clockToleranceSec"_s, u"'clockToleranceSec' must be 0 to %1."_s.arg(kMaxClockTolerance));
        idp.clockToleranceSec = static_cast<int>(*tolerance);
    }
    idp.createNewUsersOnLogin = fields.boolean(u"createNewUsersOnLogin"_s).value_or(true);
    idp.postLogoutRedirectUri = fields.string(u"postLogoutRedirectUri"_s);
    if (idp.postLogoutRedirectUri.size() > 2083)
        fields.fail(u"postLogoutRedirectUri"_s, u"'postLogoutRedirectUri' has at most 2083 characters."_s);
    const std::optional<bool> interactive = fields.boolean(u"interactive"_s);
    const bool skipVerify = fields.boolean(u"skipVerify"_s).value_or(false);
    const std::optional<bool> active = fields.boolean(u"active"_s);
    idp.meta = fields.object(u"meta"_s);
    const QJsonObject options = fields.object(u"options"_s);
    const QJsonObject pendingOptions = fields.object(u"pendingOptions"_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    // POST answers 403 when the payload names tenants and not this one (spec POST /v1/identity-providers).
    if (!idp.tenantIds.isEmpty() && !idp.tenantIds.contains(tenant.id)) {
        return ctx.error(ApiError::forbidden(
            u"'tenantIds' does not contain this tenant (%1); an IdP is created on its own tenant."_s.arg(tenant.id)));
    }
    if (idp.tenantIds.isEmpty())
        idp.tenantIds = {tenant.id};

    if (idp.protocol == "jwtAuth"_L1) {
        if (interactive.value_or(false))
            return ctx.error(
                ApiError::badRequest(u"A jwtAuth IdP is never interactive."_s).withPointer(u"/interactive"_s));
        if (body.contains(u"pendingOptions"_s))
            return ctx.error(
                ApiError::badRequest(u"A jwtAuth IdP is created with 'options'; it has no verification step."_s)
                    .withPointer(u"/pendingOptions"_s));
        if (!body.contains(u"options"_s))
            return ctx.error(ApiError::badRequest(u"'options' is required."_s).withPointer(u"/options"_s));
        if (auto error = readJwtOptions(options, idp))
            return ctx.error(*error);
        idp.interactive = false;
        idp.active = active.value_or(true);
    } else {
        if (!interactive)
            return ctx.error(ApiError::badRequest(u"'interactive' is required."_s).withPointer(u"/interactive"_s));
        idp.interactive = *interactive;
        if (idp.protocol == "SAML"_L1 && !idp.interactive)
            return ctx.error(ApiError::badRequest(u"SAML IdPs are interactive: 'interactive' must be true."_s)
                                 .withPointer(u"/interactive"_s));
        if (idp.interactive && body.contains(u"pendingOptions"_s)) {
            // The test configuration waits for verification and promote-options (FACTS §4.2).
            if (auto error = checkOptions(idp, pendingOptions, u"/pendingOptions"_s))
                return ctx.error(*error);
            idp.pendingOptions = pendingOptions;
            idp.pendingState = u"pending"_s;
            idp.active = false;
        } else if (body.contains(u"options"_s) && (skipVerify || !idp.interactive)) {
            if (auto error = checkOptions(idp, options, u"/options"_s))
                return ctx.error(*error);
            idp.options = options;
            idp.active = active.value_or(true);
        } else {
            return ctx.error(
                ApiError::badRequest(idp.interactive
                                         ? u"An interactive IdP needs 'pendingOptions' (verified later), or 'options' "
                                           "with 'skipVerify': true."_s
                                         : u"'options' is required."_s)
                    .withPointer(idp.interactive ? u"/pendingOptions"_s : u"/options"_s));
        }
        if (idp.interactive && idp.active) {
            if (const IdentityProvider *other = activeInteractive(tenant, {}))
                return ctx.error(secondInteractive(*other));
        }
    }

    idp.id = ctx.state().ids().objectId();
    idp.created = ctx.clock().now();
    idp.lastUpdated = idp.created;
    const IdentityProvider &stored = tenant.identityProviders.insert(idp);
    ctx.audit(u"com.qlik.v1.identity-provider.created"_s, kSource,
              {{u"id"_s, stored.id},
               {u"protocol"_s, stored.protocol},
               {u"provider"_s, stored.provider},
               {u"interactive"_s, stored.interactive},
               {u"active"_s, stored.active}},
              {stored.id, {}, {}});
    HttpResponse response = HttpResponse::json(201, IdentityProvidersApi::toJson(stored));
    response.setHeader("QLIK-IDP-POPTS", IdentityProvidersApi::optionsHash(stored));
    return response;
}

HttpResponse get(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx, u"Reading identity providers"_s))
        return *denied;
    const IdentityProvider *idp = find(ctx);
    if (!idp)
        return notFound(ctx);
    HttpResponse response = HttpResponse::json(200, IdentityProvidersApi::toJson(*idp));
    response.setHeader("QLIK-IDP-POPTS", IdentityProvidersApi::optionsHash(*idp));
    return response;
}

// One PATCH operation on a copy of the IdP; the handler stores the copy only if all succeed.
std::optional<ApiError> applyPatch(const RequestContext &ctx, const PatchOperation &op, IdentityProvider &idp)
{
    const QString valuePointer = u"/%1/value"_s.arg(op.index);
    if (op.op == "promote-options"_L1) {
        if (idp.protocol == "jwtAuth"_L1)
            return JsonPatch::invalid(op, u"A jwtAuth IdP has no test configuration to promote."_s);
        if (idp.pendingOptions.isEmpty())
            return JsonPatch::invalid(op, u"The IdP has no pendingOptions to promote."_s);
        const QByteArray match = ctx.request().header("qlik-idp-popts-match");
        if (match.isEmpty() || match != IdentityProvidersApi::optionsHash(idp)) {
            // The sandbox has no browser: presenting the hash of the tested options stands for a
            // completed verification.
            return ApiError(412, u"HTTP-412"_s, u"Precondition Failed"_s,
                            match.isEmpty()
                                ? u"promote-options needs the QLIK-IDP-POPTS-MATCH header (the QLIK-IDP-POPTS value "
                                  "of the configuration that was tested)."_s
                                : u"QLIK-IDP-POPTS-MATCH does not match the configuration under test; it changed "
                                  "since it was read."_s);
        }
        idp.options = idp.pendingOptions;
        idp.pendingOptions = {};
        idp.pendingState = u"verified"_s;
        return std::nullopt;
    }
    // op == replace
    if (idp.protocol == "jwtAuth"_L1 && op.path != "/description"_L1) {
        return JsonPatch::invalid(
            op, u"A jwtAuth IdP only supports replace on /description; rotate keys by creating a new IdP."_s);
    }
    if (op.path == "/description"_L1) {
        if (!op.value.isString() || op.value.toString().size() > kMaxDescription)
            return ApiError::badRequest(
                       u"'/description' needs a string of at most %1 characters."_s.arg(kMaxDescription))
                .withPointer(valuePointer);
        idp.description = op.value.toString();
    } else if (op.path == "/active"_L1) {
        if (!op.value.isBool())
            return ApiError::badRequest(u"'/active' needs a boolean."_s).withPointer(valuePointer);
        if (op.value.toBool() && idp.interactive && idp.options.isEmpty())
            return JsonPatch::invalid(op, u"The IdP has no verified options yet; promote its pendingOptions first."_s);
        idp.active = op.value.toBool();
    } else if (op.path == "/clockToleranceSec"_L1) {
        const double value = op.value.toDouble(-1);
        if (!op.value.isDouble() || value != std::trunc(value) || value < 0 || value > kMaxClockTolerance)
            return ApiError::badRequest(
                       u"'/clockToleranceSec' needs an integer from 0 to %1."_s.arg(kMaxClockTolerance))
                .withPointer(valuePointer);
        idp.clockToleranceSec = static_cast<int>(value);
    } else if (op.path == "/postLogoutRedirectUri"_L1) {
        if (!op.value.isString())
            return ApiError::badRequest(u"'/postLogoutRedirectUri' needs a string."_s).withPointer(valuePointer);
        idp.postLogoutRedirectUri = op.value.toString();
    } else if (op.path == "/meta"_L1 && idp.protocol == "OIDC"_L1) {
        if (!op.value.isObject())
            return ApiError::badRequest(u"'/meta' needs an object."_s).withPointer(valuePointer);
        idp.meta = op.value.toObject();
    } else if (op.path == "/options"_L1 && idp.protocol == "OIDC"_L1) {
        if (!op.value.isObject())
            return ApiError::badRequest(u"'/options' needs an object."_s).withPointer(valuePointer);
        if (auto error = checkOptions(idp, op.value.toObject(), valuePointer))
            return error;
        idp.options = op.value.toObject();
    } else if (op.path == "/pendingOptions"_L1) {
        if (!idp.interactive)
            return JsonPatch::invalid(op, u"Only interactive IdPs have pendingOptions."_s);
        if (!op.value.isObject())
            return ApiError::badRequest(u"'/pendingOptions' needs an object."_s).withPointer(valuePointer);
        if (auto error = checkOptions(idp, op.value.toObject(), valuePointer))
            return error;
        idp.pendingOptions = op.value.toObject();
        idp.pendingState = u"pending"_s;
    } else if (op.path.startsWith("/options/"_L1) || op.path.startsWith("/pendingOptions/"_L1)) {
        static const QStringList oidcOptions{u"realm"_s, u"discoveryUrl"_s, u"claimsMapping"_s};
        static const QStringList oidcPending{u"realm"_s,
                                             u"discoveryUrl"_s,
                                             u"clientId"_s,
                                             u"clientSecret"_s,
                                             u"emailVerifiedAlwaysTrue"_s,
                                             u"claimsMapping"_s,
                                             u"idTokenSignatureAlg"_s,
                                             u"decryptingKey"_s};
        static const QStringList samlPending{
            u"nameIdFormat"_s, u"allowIdpInitiatedLogin"_s, u"entityId"_s,     u"signOnUrl"_s,
            u"metadata"_s,     u"certificates"_s,           u"claimsMapping"_s};
        const bool pending = op.path.startsWith("/pendingOptions/"_L1);
        const QString key = op.path.section(u'/', 2);
        const QStringList allowed = idp.protocol == "SAML"_L1 ? (pending ? samlPending : QStringList())
                                                              : (pending ? oidcPending : oidcOptions);
        if (!allowed.contains(key))
            return JsonPatch::invalid(op, u"'%1' cannot be patched on a %2 IdP."_s.arg(op.path, idp.protocol));
        if (pending && !idp.interactive)
            return JsonPatch::invalid(op, u"Only interactive IdPs have pendingOptions."_s);
        QJsonObject target = pending ? idp.pendingOptions : idp.options;
        target.insert(key, op.value);
        if (auto error = checkOptions(idp, target, pending ? u"/pendingOptions"_s : u"/options"_s))
            return error;
        if (pending) {
            idp.pendingOptions = target;
            idp.pendingState = u"pending"_s;
        } else {
            idp.options = target;
        }
    } else {
        return JsonPatch::invalid(op, u"'%1' cannot be patched on a %2 IdP."_s.arg(op.path, idp.protocol));
    }
    return std::nullopt;
}

HttpResponse patch(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (auto denied = requireAdmin(ctx, u"Updating identity providers"_s))
        return *denied;
    IdentityProvider *idp = find(ctx);
    if (!idp)
        return notFound(ctx);
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const QStringList ops
        = idp->protocol == "jwtAuth"_L1 ? QStringList{u"replace"_s} : QStringList{u"replace"_s, u"promote-options"_s};
    // promote-options has no path; JsonPatch wants one, so it is checked here for that op alone.
    QJsonArray operations = body.toArray();
    for (qsizetype i = 0; i < operations.size(); ++i) {
        QJsonObject op = operations.at(i).toObject();
        if (op.value(u"op"_s).toString() == "promote-options"_L1 && !op.contains(u"path"_s)) {
            op.insert(u"path"_s, u""_s);
            operations.replace(i, op);
        }
    }
    const JsonPatch::Parsed parsed = JsonPatch::parse(body.isArray() ? QJsonValue(operations) : body, ops);
    if (parsed.error)
        return ctx.error(*parsed.error);
    // Partial failure is total failure (spec): the operations run on a copy.
    IdentityProvider updated = *idp;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        if (auto error = applyPatch(ctx, op, updated))
            return ctx.error(*error);
        changed.append(op.op == "promote-options"_L1 ? u"promote-options"_s : op.path);
    }
    if (updated.interactive && updated.active) {
        if (const IdentityProvider *other = activeInteractive(tenant, updated.id))
            return ctx.error(secondInteractive(*other));
    }
    updated.lastUpdated = ctx.clock().now();
    *idp = updated;
    ctx.audit(u"com.qlik.v1.identity-provider.updated"_s, kSource, {{u"id"_s, idp->id}, {u"updates"_s, changed}},
              {idp->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (auto denied = requireAdmin(ctx, u"Deleting identity providers"_s))
        return *denied;
    const IdentityProvider *idp = find(ctx);
    if (!idp)
        return notFound(ctx);
    if (idp->interactive && idp->active) {
        return ctx.error(ApiError::badRequest(
            u"The active interactive identity provider cannot be deleted; deactivate it first (PATCH /active false)."_s));
    }
    const QString id = idp->id;
    ctx.audit(u"com.qlik.v1.identity-provider.deleted"_s, kSource,
              {{u"id"_s, id}, {u"protocol"_s, idp->protocol}, {u"provider"_s, idp->provider}}, {id, {}, {}});
    tenant.identityProviders.remove(id);
    return HttpResponse::empty(204);
}

HttpResponse status(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx, u"Reading IdP statuses"_s))
        return *denied;
    QJsonArray metadata;
    int activeInteractiveCount = 0;
    for (const IdentityProvider &idp : ctx.tenant()->identityProviders) {
        metadata.append(
            QJsonObject{{u"active"_s, idp.active}, {u"provider"_s, idp.provider}, {u"interactive"_s, idp.interactive}});
        activeInteractiveCount += idp.active && idp.interactive;
    }
    return HttpResponse::json(
        200, QJsonObject{{u"active_interactive_idps_count"_s, activeInteractiveCount}, {u"idps_metadata"_s, metadata}});
}

HttpResponse meMeta(RequestContext &ctx)
{
    // Only the default (Qlik Account) login has these links (spec IDPMeta).
    if (const IdentityProvider *active = activeInteractive(*ctx.tenant(), {})) {
        return ctx.error(ApiError::notFound(
            u"An interactive identity provider (%1) is active; default IdP metadata is not available."_s.arg(
                active->provider)));
    }
    const QString portal = u"https://account.myqlik.qlik.com/account"_s;
    return HttpResponse::json(200, QJsonObject{{u"userPortalLink"_s, portal}, {u"upgradeSubscriptionLink"_s, portal}});
}

// The spec types this document only as an object; the sandbox lists what it accepts, from the
// spec's enums.
HttpResponse wellKnownMetadata(RequestContext &)
{
    const auto strings = [](const QStringList &list) { return QJsonArray::fromStringList(list); };
    const QJsonObject protocols{
        {u"jwtAuth"_s,
         QJsonObject{{u"providers"_s, strings({u"external"_s})},
                     {u"interactive"_s, false},
                     {u"signingAlgorithms"_s,
                      strings({u"RS256"_s, u"RS384"_s, u"RS512"_s, u"PS256"_s, u"PS384"_s, u"PS512"_s, u"ES256"_s,
                               u"ES384"_s, u"ES512"_s})},
                     {u"maxStaticKeys"_s, 1},
                     {u"maxTokenLifetimeSec"_s, 3600}}},
        {u"OIDC"_s,
         QJsonObject{{u"providers"_s, strings(kOidcProviders)},
                     {u"idTokenSignatureAlgs"_s, strings({u"RS256"_s, u"RS512"_s})}}},
        {u"SAML"_s, QJsonObject{{u"providers"_s, strings(kSamlProviders)}}},
    };
    return HttpResponse::json(
        200,
        QJsonObject{{u"protocols"_s, protocols},
                    {u"maxActiveInteractiveIdps"_s, 1},
                    {u"clockToleranceSec"_s, QJsonObject{{u"default"_s, 5}, {u"max"_s, kMaxClockTolerance}}}});
}

} // namespace

void IdentityProvidersApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/identity-providers"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/identity-providers"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/identity-providers/.well-known/metadata.json"_s, wellKnownMetadata);
    router.add(HostKind::Tenant, "GET", u"/v1/identity-providers/me/meta"_s, meMeta);
    router.add(HostKind::Tenant, "GET", u"/v1/identity-providers/status"_s, status);
    router.add(HostKind::Tenant, "GET", u"/v1/identity-providers/{id}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/identity-providers/{id}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/identity-providers/{id}"_s, remove);
}

QByteArray IdentityProvidersApi::optionsHash(const IdentityProvider &idp)
{
    const QJsonObject tested = idp.pendingOptions.isEmpty() ? idp.options : idp.pendingOptions;
    QByteArray input = idp.id.toUtf8() + '\n' + QJsonDocument(tested).toJson(QJsonDocument::Compact);
    for (const JwtStaticKey &key : idp.staticKeys)
        input += '\n' + key.kid.toUtf8() + '\n' + key.pem.toUtf8();
    QByteArray hex = QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex().left(32);
    // UUID layout, version 5 style nibbles, as the spec's format: uuid asks.
    hex[12] = '5';
    hex[16] = "89ab"[hex.at(16) % 4];
    return hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-' + hex.mid(20);
}

QJsonObject IdentityProvidersApi::toJson(const IdentityProvider &idp)
{
    QJsonObject json{{u"id"_s, idp.id},
                     {u"tenantIds"_s, QJsonArray::fromStringList(idp.tenantIds)},
                     {u"protocol"_s, idp.protocol},
                     {u"provider"_s, idp.provider},
                     {u"interactive"_s, idp.interactive},
                     {u"active"_s, idp.active},
                     {u"description"_s, idp.description},
                     {u"created"_s, SandboxClock::iso(idp.created)},
                     {u"lastUpdated"_s, SandboxClock::iso(idp.lastUpdated)},
                     {u"clockToleranceSec"_s, idp.clockToleranceSec},
                     {u"createNewUsersOnLogin"_s, idp.createNewUsersOnLogin}};
    if (!idp.postLogoutRedirectUri.isEmpty())
        json.insert(u"postLogoutRedirectUri"_s, idp.postLogoutRedirectUri);
    if (!idp.meta.isEmpty())
        json.insert(u"meta"_s, idp.meta);
    if (idp.protocol == "jwtAuth"_L1) {
        QJsonArray keys;
        for (const JwtStaticKey &key : idp.staticKeys)
            keys.append(QJsonObject{{u"kid"_s, key.kid}, {u"pem"_s, key.pem}});
        json.insert(u"options"_s, QJsonObject{{u"issuer"_s, idp.issuer}, {u"staticKeys"_s, keys}});
        return json;
    }
    if (!idp.options.isEmpty())
        json.insert(u"options"_s, withoutSecrets(idp.options));
    if (!idp.pendingOptions.isEmpty())
        json.insert(u"pendingOptions"_s, withoutSecrets(idp.pendingOptions));
    if (!idp.pendingState.isEmpty()) {
        json.insert(u"pendingState"_s, idp.pendingState);
        json.insert(u"pendingResult"_s,
                    QJsonObject{{u"status"_s, idp.pendingState == "verified"_L1 ? u"success"_s : u"pending"_s},
                                {u"protocol"_s, idp.protocol}});
    }
    return json;
}

} // namespace Sandbox
