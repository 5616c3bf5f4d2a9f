#pragma once

#include "sandbox/apierror.h"
#include "sandbox/httpexchange.h"

#include <QFlags>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Sandbox {

class RequestContext;

// Which virtual hosts serve a route (FACTS §1.1).
enum class HostKind : quint8 {
    Tenant = 0x1, // <name>.<region>.qlikcloud.com and alias hostnames
    Register = 0x2, // register.<region>.qlikcloud.com
    Console = 0x4, // console.qlikcloud.com
};
Q_DECLARE_FLAGS(HostKinds, HostKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(HostKinds)
inline constexpr HostKinds AnyHost = HostKinds(HostKind::Tenant) | HostKind::Register | HostKind::Console;

enum class RouteAccess {
    Bearer, // needs a valid access token (or session cookie) for this host: the default
    Public, // no token (e.g. /oauth/token): still counted, rate limited, faulted, delayed
    Control, // /__sandbox/: none of the above
};

using RouteHandler = std::function<HttpResponse(RequestContext &)>;

// One operation the sandbox serves. Built with Router::add(); the setters chain.
struct Route
{
    HostKinds hosts;
    QByteArray method;
    QString operation; // "GET /v1/spaces/{spaceId}": the counter key in the state dump
    QString servedPath; // "/api/v1/spaces/{spaceId}"
    QString rateBucket; // "tier1", "tier2" or, for special tiers, the operation itself
    int limitPerMinute = 0; // from the spec's x-qlik-tier
    RouteAccess access = RouteAccess::Bearer;
    qsizetype maxBodyBytes = qsizetype(500) * 1024; // Qlik answers 413 above 500 kB (FACTS §14.7)
    ErrorStyle errorStyle = ErrorStyle::Standard;
    bool lastParamTakesRest = false; // the last placeholder matches "a/b/c" (a file path in an archive)
    RouteHandler handler;
    QStringList segments; // servedPath split on '/'

    Route &publicAccess()
    {
        access = RouteAccess::Public;
        return *this;
    }
    Route &maxBody(qsizetype bytes)
    {
        maxBodyBytes = bytes;
        return *this;
    }
    Route &errors(ErrorStyle style)
    {
        errorStyle = style;
        return *this;
    }
    Route &lastParamTakesRestOfPath()
    {
        lastParamTakesRest = true;
        return *this;
    }
};

// The sandbox's one dispatcher: routes by host kind, method and path template. Literal segments
// beat placeholders ("/v1/users/me" is not "/v1/users/{userId}"). A path that exists with other
// methods answers 405 (see README: Qlik's answer there is not documented).
class Router
{
    Q_DISABLE_COPY_MOVE(Router)

public:
    Router();
    ~Router();

    // Adds a Qlik operation. specPath is the spec's form ("/v1/spaces/{spaceId}", "/oauth/token",
    // "/api/core/tenants"); "/v1/..." paths are served under "/api". The operation must exist in
    // the operation table generated from the spec: the sandbox never invents endpoints.
    Route &add(HostKinds hosts, QByteArrayView method, const QString &specPath, RouteHandler handler);
    // Adds a control-surface route ("/__sandbox/..."), served on every host.
    Route &addControl(QByteArrayView method, const QString &path, RouteHandler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowedMethods; // when the path exists with other methods only
    };
    [[nodiscard]] Match match(HostKind host, QByteArrayView method, const QString &path) const;
    [[nodiscard]] Match matchControl(QByteArrayView method, const QString &path) const;

    [[nodiscard]] const std::vector<std::unique_ptr<Route>> &routes() const { return m_routes; }

private:
    [[nodiscard]] Match matchIn(HostKinds hosts, bool control, QByteArrayView method, const QString &path) const;

    std::vector<std::unique_ptr<Route>> m_routes;
};

} // namespace Sandbox
