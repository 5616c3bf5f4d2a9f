#include "contentsteps.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {

ContentSteps::ContentSteps(SandboxFixture &sandbox, const QString &tenantKey)
    : m_sandbox(sandbox)
    , m_key(tenantKey)
    , m_host(sandbox.hostOf(tenantKey))
{
    if (!m_host.isEmpty())
        m_token = sandbox.regionToken(m_host);
}

QString ContentSteps::botId(Where where)
{
    if (m_botId.isEmpty()) {
        const HttpReply reply = http().get(m_host, u"/api/v1/users/me"_s, m_token, where);
        m_botId = QString::fromLatin1(reply.header("location").split('/').last());
    }
    return m_botId;
}

HttpReply ContentSteps::createSpace(const QString &name, const QString &type, Where where)
{
    return http().post(m_host, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, name}, {u"type"_s, type}}, m_token, where);
}

QString ContentSteps::newSpace(const QString &name, const QString &type, Where where)
{
    const HttpReply reply = createSpace(name, type, where);
    return reply.status == 201 ? reply.json().value(u"id"_s).toString() : QString();
}

HttpReply ContentSteps::assign(const QString &spaceId, const QString &assigneeId, const QString &role, Where where)
{
    return http().post(
        m_host, u"/api/v1/spaces/%1/assignments"_s.arg(spaceId),
        QJsonObject{{u"type"_s, u"user"_s}, {u"assigneeId"_s, assigneeId}, {u"roles"_s, QJsonArray{role}}}, m_token,
        where);
}

HttpReply ContentSteps::importApp(const QString &spaceId, const QString &name, const QByteArray &bytes, Where where)
{
    QUrlQuery query;
    if (!spaceId.isEmpty())
        query.addQueryItem(u"spaceId"_s, spaceId);
    if (!name.isEmpty())
        query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(name)));
    QString path = u"/api/v1/apps/import"_s;
    if (!query.isEmpty())
        path += u'?' + query.toString(QUrl::FullyEncoded);
    return http().send({"POST", m_host, path, bytes, "application/octet-stream", m_token, {}, true}, where);
}

HttpReply ContentSteps::publish(const QString &appId, const QString &spaceId, Where where)
{
    return http().post(m_host, u"/api/v1/apps/%1/publish"_s.arg(appId), QJsonObject{{u"spaceId"_s, spaceId}}, m_token,
                       where);
}

HttpReply ContentSteps::republish(const QString &appId, const QString &targetId, bool checkOriginAppId, Where where)
{
    return http().put(m_host, u"/api/v1/apps/%1/publish"_s.arg(appId),
                      QJsonObject{{u"targetId"_s, targetId}, {u"checkOriginAppId"_s, checkOriginAppId}}, m_token,
                      where);
}

QJsonObject ContentSteps::tenantState()
{
    return m_sandbox.tenantState(m_key);
}

QJsonObject ContentSteps::appState(const QString &appId)
{
    for (const QJsonValue &app : tenantState().value(u"apps"_s).toArray()) {
        if (app.toObject().value(u"id"_s).toString() == appId)
            return app.toObject();
    }
    return {};
}

QString ContentSteps::spaceIdNamed(const QString &name)
{
    for (const QJsonValue &space : tenantState().value(u"spaces"_s).toArray()) {
        if (space.toObject().value(u"name"_s).toString() == name)
            return space.toObject().value(u"id"_s).toString();
    }
    return {};
}

QString ContentSteps::userIdNamed(const QString &name)
{
    for (const QJsonValue &user : tenantState().value(u"users"_s).toArray()) {
        if (user.toObject().value(u"name"_s).toString() == name)
            return user.toObject().value(u"id"_s).toString();
    }
    return {};
}

QString ContentSteps::appIdNamed(const QString &name)
{
    for (const QJsonValue &app : tenantState().value(u"apps"_s).toArray()) {
        if (app.toObject().value(u"name"_s).toString() == name)
            return app.toObject().value(u"id"_s).toString();
    }
    return {};
}

bool ContentSteps::settings(const QJsonObject &changes, Where where)
{
    return http().control("PUT", u"/__sandbox/settings"_s, changes, nullptr, where);
}

bool ContentSteps::restoreDefaultSettings(Where where)
{
    return settings(QJsonObject{{u"timeScale"_s, 1},
                                {u"publishVisibilitySeconds"_s, 2},
                                {u"spaceReadySeconds"_s, 0},
                                {u"reloadQueuedSeconds"_s, 1},
                                {u"reloadRunSeconds"_s, 5},
                                {u"automationRunSeconds"_s, 3},
                                {u"maxUploadBytes"_s, 512.0 * 1024 * 1024}},
                    where);
}

bool ContentSteps::advanceClock(double seconds, Where where)
{
    return http().control("POST", u"/__sandbox/clock/advance"_s, QJsonObject{{u"seconds"_s, seconds}}, nullptr, where);
}

QString ContentSteps::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString ContentSteps::appIdOf(const HttpReply &reply)
{
    return reply.json().value(u"attributes"_s).toObject().value(u"id"_s).toString();
}

} // namespace TestSupport
