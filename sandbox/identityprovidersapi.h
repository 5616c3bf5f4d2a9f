#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Sandbox {

class Router;
struct IdentityProvider;

// /v1/identity-providers (FACTS §4): JWT IdPs (one static key, PEM checked with OpenSSL), OIDC and
// SAML IdPs through pendingOptions + promote-options or options + skipVerify, only one active
// interactive IdP per tenant, PATCH 204 all or nothing, status, me/meta and the metadata document.
class IdentityProvidersApi
{
public:
    static void addRoutes(Router &router);

    // The IdP body of the spec (client secrets are never shown).
    [[nodiscard]] static QJsonObject toJson(const IdentityProvider &idp);
    // QLIK-IDP-POPTS: a UUID-shaped hash of the configuration under test (pendingOptions, or the
    // live options when nothing is pending).
    [[nodiscard]] static QByteArray optionsHash(const IdentityProvider &idp);
};

} // namespace Sandbox
