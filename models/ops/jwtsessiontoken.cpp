#include "ops/jwtsessiontoken.h"

#include "ops/jwtsigningkey.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QJsonObject JwtSessionToken::claims(qint64 nowSeconds) const
{
    QJsonObject claims{{u"iss"_s, issuer},
                       {u"aud"_s, u"qlik.api/login/jwt-session"_s},
                       {u"sub"_s, subject},
                       {u"subType"_s, u"user"_s},
                       {u"name"_s, name},
                       {u"email"_s, email},
                       {u"email_verified"_s, true},
                       {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {u"iat"_s, nowSeconds},
                       {u"nbf"_s, nowSeconds - 5}, // a little leeway for the tenant's clock
                       {u"exp"_s, nowSeconds + LifetimeSeconds}};
    if (!groups.isEmpty())
        claims.insert(u"groups"_s, QJsonArray::fromStringList(groups));
    return claims;
}

QByteArray JwtSessionToken::sign(const JwtSigningKey &key, QString *error) const
{
    return key.signJwt(QJsonObject{{u"kid"_s, kid}}, claims(QDateTime::currentSecsSinceEpoch()), error);
}

} // namespace Ops
