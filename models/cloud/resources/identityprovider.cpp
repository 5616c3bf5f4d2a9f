#include "cloud/resources/identityprovider.h"

#include "cloud/resources/jsonreader.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

bool IdentityProvider::isJwt() const
{
    return protocol == "jwtAuth"_L1;
}

IdentityProvider IdentityProvider::read(JsonReader &reader)
{
    IdentityProvider idp;
    idp.id = reader.requiredString(u"id");
    idp.tenantIds = reader.stringList(u"tenantIds");
    idp.protocol = reader.string(u"protocol");
    idp.provider = reader.string(u"provider");
    idp.interactive = reader.boolean(u"interactive");
    idp.active = reader.boolean(u"active");
    idp.description = reader.string(u"description");
    idp.clockToleranceSec = static_cast<int>(reader.integer(u"clockToleranceSec", 5));
    idp.createNewUsersOnLogin = reader.boolean(u"createNewUsersOnLogin", true);
    idp.postLogoutRedirectUri = reader.string(u"postLogoutRedirectUri");
    idp.pendingState = reader.string(u"pendingState");
    idp.created = reader.dateTime(u"created");
    idp.lastUpdated = reader.dateTime(u"lastUpdated");

    JsonReader options = reader.object(u"options");
    idp.issuer = options.string(u"issuer");
    const QList<QString> keyIds
        = options.list<QString>(u"staticKeys", [](JsonReader &key) { return key.string(u"kid"); });
    idp.staticKeyIds = keyIds;
    idp.discoveryUrl = options.string(u"discoveryUrl");
    idp.clientId = options.string(u"clientId");
    idp.realm = options.string(u"realm");
    idp.entityId = options.string(u"entityId");
    return idp;
}

} // namespace Cloud
