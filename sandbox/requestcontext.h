#pragma once

#include "sandbox/apierror.h"
#include "sandbox/httpexchange.h"
#include "sandbox/router.h"
#include "sandbox/sandboxservices.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

class QJsonArray;
class QJsonValue;

namespace Sandbox {

class SandboxClock;
class SandboxState;
struct OAuthClient;
struct Tenant;
struct User;

// The virtual host a request addressed.
struct HostContext
{
    HostKind kind = HostKind::Tenant;
    Tenant *tenant = nullptr; // tenant hosts
    QString region; // tenant and register hosts
};

// Who is calling: the OAuth client behind the token and, on tenant hosts, the tenant user it acts
// as (the client's bot user, or a session user after /login/jwt-session).
struct Caller
{
    OAuthClient *client = nullptr;
    User *user = nullptr;
};

// Where an audit event points (FACTS §13 extensions).
struct AuditTarget
{
    QString topLevelResourceId;
    QString ownerId;
    QString spaceId;
};

// Everything a route handler gets: the request, path parameters, query, the virtual host, the
// authenticated caller, and the sandbox's services. One per request, on the server's thread.
class RequestContext
{
public:
    RequestContext(const HttpRequest &request, const Route &route, QHash<QString, QString> params, HostContext host,
                   SandboxServices services);

    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    [[nodiscard]] const Route &route() const { return m_route; }

    // Path parameter by its template name: param(u"spaceId"_s).
    [[nodiscard]] QString param(const QString &name) const { return m_params.value(name); }
    // Query value, fully decoded; empty when absent.
    [[nodiscard]] QString query(const QString &key) const;
    [[nodiscard]] bool hasQuery(const QString &key) const;

    [[nodiscard]] HostKind hostKind() const { return m_host.kind; }
    [[nodiscard]] Tenant *tenant() const { return m_host.tenant; }
    [[nodiscard]] const QString &region() const { return m_host.region; }

    [[nodiscard]] const Caller &caller() const { return m_caller; }
    void setCaller(Caller caller) { m_caller = caller; }
    // The calling user's id on this tenant, empty when none (register/console hosts).
    [[nodiscard]] QString callerUserId() const;

    [[nodiscard]] SandboxState &state() const { return m_services.state; }
    [[nodiscard]] SandboxClock &clock() const { return m_services.clock; }
    [[nodiscard]] const SandboxServices &services() const { return m_services; }

    // https://<Host as received><path>[?query]: Qlik's links are absolute on the request's host.
    [[nodiscard]] QString absoluteUrl(const QString &path, const QUrlQuery &query = {}) const;
    // This request's own URL, absolute (links.self.href).
    [[nodiscard]] QString selfUrl() const;

    // The body as JSON, whatever the Content-Type claims (FACTS §17: Qlik accepts JSON bodies sent
    // with odd content types). Returns the 400 to send when the body is missing or not JSON.
    [[nodiscard]] std::optional<HttpResponse> readJson(QJsonValue &out) const;
    [[nodiscard]] std::optional<HttpResponse> readJsonObject(QJsonObject &out) const;
    [[nodiscard]] std::optional<HttpResponse> readJsonArray(QJsonArray &out) const;

    // An error body in this route's family style.
    [[nodiscard]] HttpResponse error(const ApiError &error) const;

    // Records an audit event on this request's tenant, acted by the caller.
    void audit(const QString &eventType, const QString &source, const QJsonObject &data,
               const AuditTarget &target = {}) const;
    // Same on another tenant (register-host actions on a tenant).
    void auditOn(Tenant &tenant, const QString &eventType, const QString &source, const QJsonObject &data,
                 const AuditTarget &target = {}) const;

private:
    const HttpRequest &m_request;
    const Route &m_route;
    QHash<QString, QString> m_params;
    HostContext m_host;
    Caller m_caller;
    SandboxServices m_services;
};

} // namespace Sandbox
