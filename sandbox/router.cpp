#include "sandbox/router.h"

#include "sandbox/operationtable.h"

#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

// Number of literal segments that matched, -1 when the path does not fit the template.
int matchScore(const QStringList &templateSegments, QList<QStringView> pathSegments, bool lastTakesRest,
               QHash<QString, QString> *params)
{
    if (lastTakesRest && pathSegments.size() > templateSegments.size() && !templateSegments.isEmpty()) {
        // Fold the surplus segments into the last one: they are views into one path string.
        const qsizetype last = templateSegments.size() - 1;
        const QStringView first = pathSegments.at(last);
        const QStringView tail = pathSegments.constLast();
        pathSegments.resize(last);
        pathSegments.append(QStringView(first.data(), tail.data() + tail.size()));
    }
    if (templateSegments.size() != pathSegments.size())
        return -1;
    int literals = 0;
    for (qsizetype i = 0; i < templateSegments.size(); ++i) {
        const QString &expected = templateSegments.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}')) {
            if (pathSegments.at(i).isEmpty())
                return -1;
            if (params)
                params->insert(expected.mid(1, expected.size() - 2), pathSegments.at(i).toString());
            continue;
        }
        if (expected != pathSegments.at(i))
            return -1;
        ++literals;
    }
    return literals;
}

} // namespace

Router::Router() = default;
Router::~Router() = default;

Route &Router::add(HostKinds hosts, QByteArrayView method, const QString &specPath, RouteHandler handler)
{
    const std::optional<OperationTier> tier = OperationTable::find(method, specPath);
    if (!tier) {
        // A programming error, caught by the first test that starts a server.
        qFatal("Sandbox route %s %s is not an operation of the project's openapi.json",
               method.toByteArray().constData(), qPrintable(specPath));
    }
    auto route = std::make_unique<Route>();
    route->hosts = hosts;
    route->method = method.toByteArray();
    route->operation = QString::fromLatin1(method) + u' ' + specPath;
    route->servedPath = specPath.startsWith(u"/v1/"_s) ? u"/api"_s + specPath : specPath;
    if (tier->tier == "1"_L1)
        route->rateBucket = u"tier1"_s;
    else if (tier->tier == "2"_L1)
        route->rateBucket = u"tier2"_s;
    else
        route->rateBucket = route->operation;
    route->limitPerMinute = tier->limitPerMinute;
    route->handler = std::move(handler);
    route->segments = route->servedPath.split(u'/');
    m_routes.push_back(std::move(route));
    return *m_routes.back();
}

Route &Router::addControl(QByteArrayView method, const QString &path, RouteHandler handler)
{
    auto route = std::make_unique<Route>();
    route->hosts = AnyHost;
    route->method = method.toByteArray();
    route->operation = QString::fromLatin1(method) + u' ' + path;
    route->servedPath = path;
    route->access = RouteAccess::Control;
    route->maxBodyBytes = qsizetype(64) * 1024 * 1024;
    route->handler = std::move(handler);
    route->segments = path.split(u'/');
    m_routes.push_back(std::move(route));
    return *m_routes.back();
}

Router::Match Router::match(HostKind host, QByteArrayView method, const QString &path) const
{
    return matchIn(HostKinds(host), false, method, path);
}

Router::Match Router::matchControl(QByteArrayView method, const QString &path) const
{
    return matchIn(AnyHost, true, method, path);
}

Router::Match Router::matchIn(HostKinds hosts, bool control, QByteArrayView method, const QString &path) const
{
    const QList<QStringView> segments = QStringView(path).split(u'/');
    Match best;
    int bestScore = -1;
    for (const auto &route : m_routes) {
        if ((route->access == RouteAccess::Control) != control || !(route->hosts & hosts))
            continue;
        if (route->method != method) {
            if (matchScore(route->segments, segments, route->lastParamTakesRest, nullptr) >= 0
                && !best.allowedMethods.contains(route->method))
                best.allowedMethods.append(route->method);
            continue;
        }
        QHash<QString, QString> params;
        const int score = matchScore(route->segments, segments, route->lastParamTakesRest, &params);
        if (score > bestScore) {
            bestScore = score;
            best.route = route.get();
            best.params = std::move(params);
        }
    }
    if (best.route)
        best.allowedMethods.clear();
    return best;
}

} // namespace Sandbox
