#include "sandbox/requestcontext.h"

#include "sandbox/automationengine.h"
#include "sandbox/entities.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

RequestContext::RequestContext(const HttpRequest &request, const Route &route, QHash<QString, QString> params,
                               HostContext host, SandboxServices services)
    : m_request(request)
    , m_route(route)
    , m_params(std::move(params))
    , m_host(std::move(host))
    , m_services(services)
{ }

QString RequestContext::query(const QString &key) const
{
    return m_request.query.queryItemValue(key, QUrl::FullyDecoded);
}

bool RequestContext::hasQuery(const QString &key) const
{
    return m_request.query.hasQueryItem(key);
}

QString RequestContext::callerUserId() const
{
    return m_caller.user ? m_caller.user->id : QString();
}

QString RequestContext::absoluteUrl(const QString &path, const QUrlQuery &query) const
{
    QString url = u"https://"_s + QString::fromLatin1(m_request.hostHeader) + path;
    if (!query.isEmpty())
        url += u'?' + query.toString(QUrl::FullyEncoded);
    return url;
}

QString RequestContext::selfUrl() const
{
    return absoluteUrl(m_request.path, m_request.query);
}

std::optional<HttpResponse> RequestContext::readJson(QJsonValue &out) const
{
    if (m_request.body.trimmed().isEmpty())
        return error(ApiError::badRequest(u"The request body is missing; a JSON body is required."_s));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return error(
            ApiError::badRequest(u"The request body is not valid JSON: %1 at offset %2."_s.arg(parseError.errorString())
                                     .arg(parseError.offset)));
    }
    out = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    return std::nullopt;
}

std::optional<HttpResponse> RequestContext::readJsonObject(QJsonObject &out) const
{
    QJsonValue value;
    if (auto failure = readJson(value))
        return failure;
    if (!value.isObject())
        return error(ApiError::badRequest(u"The request body must be a JSON object."_s).withPointer(u""_s));
    out = value.toObject();
    return std::nullopt;
}

std::optional<HttpResponse> RequestContext::readJsonArray(QJsonArray &out) const
{
    QJsonValue value;
    if (auto failure = readJson(value))
        return failure;
    if (!value.isArray())
        return error(ApiError::badRequest(u"The request body must be a JSON array."_s));
    out = value.toArray();
    return std::nullopt;
}

HttpResponse RequestContext::error(const ApiError &error) const
{
    return error.response(m_route.errorStyle);
}

void RequestContext::audit(const QString &eventType, const QString &source, const QJsonObject &data,
                           const AuditTarget &target) const
{
    if (m_host.tenant)
        auditOn(*m_host.tenant, eventType, source, data, target);
}

void RequestContext::auditOn(Tenant &tenant, const QString &eventType, const QString &source, const QJsonObject &data,
                             const AuditTarget &target) const
{
    AuditEvent event;
    event.id = m_services.state.ids().objectId();
    event.eventId = m_services.state.ids().uuid();
    event.eventType = eventType;
    event.source = source;
    event.eventTime = m_services.clock.now();
    event.data = data;
    event.topLevelResourceId = target.topLevelResourceId;
    event.ownerId = target.ownerId;
    event.spaceId = target.spaceId;
    if (m_caller.user && m_host.tenant == &tenant) {
        event.userId = m_caller.user->id;
        event.actorSub = m_caller.user->subject;
        event.actorSubType = u"user"_s;
    } else if (m_caller.client) {
        // A client acting from the register host: its bot user on that tenant, when it has one.
        if (const User *bot = tenant.userBySubject(u"qlikbot\\"_s + m_caller.client->id))
            event.userId = bot->id;
        event.actorSub = m_caller.client->id;
        event.actorSubType = u"client"_s;
    }
    tenant.auditEvents.push_back(std::move(event));
    // Webhook automations listen to the tenant's events (FACTS §12, §13.1).
    AutomationEngine::onEvent(*this, tenant, tenant.auditEvents.back());
}

} // namespace Sandbox
