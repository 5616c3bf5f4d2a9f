#pragma once

#include "support/sandboxfixture.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <source_location>

namespace TestSupport {

// The HTTP steps the content-family tests share, on one tenant of the demo seed, as the bot of
// that tenant's region client. Every call goes through SandboxHttp, so every answer is validated
// against the spec at the caller's line.
class ContentSteps
{
public:
    using Where = std::source_location;

    // Resets nothing: call after SandboxHttp::reset(). `tenantKey` as in SandboxFixture::hostOf.
    ContentSteps(SandboxFixture &sandbox, const QString &tenantKey);

    [[nodiscard]] bool isReady() const { return !m_host.isEmpty() && !m_token.isEmpty(); }
    [[nodiscard]] const QString &host() const { return m_host; }
    [[nodiscard]] const QString &token() const { return m_token; }
    [[nodiscard]] SandboxHttp &http() { return m_sandbox.http(); }
    // The bot user behind the token (from the 301 of /users/me).
    [[nodiscard]] QString botId(Where where = Where::current());

    HttpReply createSpace(const QString &name, const QString &type, Where where = Where::current());
    // Creates a space and returns its id (empty when the answer was not 201).
    QString newSpace(const QString &name, const QString &type, Where where = Where::current());
    HttpReply assign(const QString &spaceId, const QString &assigneeId, const QString &role,
                     Where where = Where::current());
    HttpReply importApp(const QString &spaceId, const QString &name, const QByteArray &bytes,
                        Where where = Where::current());
    HttpReply publish(const QString &appId, const QString &spaceId, Where where = Where::current());
    HttpReply republish(const QString &appId, const QString &targetId, bool checkOriginAppId,
                        Where where = Where::current());

    // From the state dump of this tenant.
    [[nodiscard]] QJsonObject tenantState();
    [[nodiscard]] QJsonObject appState(const QString &appId);
    [[nodiscard]] QString spaceIdNamed(const QString &name);
    [[nodiscard]] QString userIdNamed(const QString &name);
    [[nodiscard]] QString appIdNamed(const QString &name); // the first app with that name

    bool settings(const QJsonObject &changes, Where where = Where::current());
    bool restoreDefaultSettings(Where where = Where::current());
    bool advanceClock(double seconds, Where where = Where::current());

    [[nodiscard]] static QString sha256(const QByteArray &bytes);
    [[nodiscard]] static QString appIdOf(const HttpReply &reply); // attributes.id

private:
    SandboxFixture &m_sandbox;
    QString m_key;
    QString m_host;
    QString m_token;
    QString m_botId;
};

} // namespace TestSupport
