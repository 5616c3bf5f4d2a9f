#pragma once

#include <QDateTime>
#include <QStringList>

namespace Cloud {

class JsonReader;

// An identity provider of one tenant (`/v1/identity-providers`, FACTS §4). Only what an admin
// tool needs to recognise and audit it: an OIDC provider's client secret is never read.
struct IdentityProvider
{
    QString id;
    QStringList tenantIds;
    QString protocol; // OIDC | SAML | jwtAuth | qsefw-local-bearer-token
    QString provider; // auth0 | okta | qlik | generic | salesforce | keycloak | adfs | external | azureAD
    bool interactive = false;
    bool active = false;
    QString description;
    int clockToleranceSec = 5;
    bool createNewUsersOnLogin = true;
    QString postLogoutRedirectUri;
    QString pendingState; // verified | pending | error
    QDateTime created;
    QDateTime lastUpdated;

    // options, by protocol
    QString issuer; // jwtAuth (and OIDC)
    QStringList staticKeyIds; // jwtAuth: options.staticKeys[].kid (one key per IdP)
    QString discoveryUrl; // OIDC
    QString clientId; // OIDC: the IdP application's client id (not a Qlik OAuth client)
    QString realm; // OIDC
    QString entityId; // SAML

    [[nodiscard]] bool isJwt() const;

    [[nodiscard]] static IdentityProvider read(JsonReader &reader);
};

} // namespace Cloud
