#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Ops {

class JwtSigningKey;

// A token for POST /login/jwt-session (FACTS §2.4): every claim Qlik requires, signed RS256 with
// the key id of the identity provider's static key. Short-lived: Tenantry signs one per login.
struct JwtSessionToken
{
    static constexpr qint64 LifetimeSeconds = 300; // exp - nbf must stay within an hour

    QString issuer;
    QString kid;
    QString subject;
    QString name;
    QString email;
    QStringList groups; // optional: group names the user joins (or creates, with autoCreateGroups)

    [[nodiscard]] QJsonObject claims(qint64 nowSeconds) const;
    // The compact JWS; empty (with `error`) when signing fails.
    [[nodiscard]] QByteArray sign(const JwtSigningKey &key, QString *error) const;
};

} // namespace Ops
