#include "cloud/connecttomap.h"

#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool ConnectToMap::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool ConnectToMap::addRule(const QString &pattern, const QUrl &target, QString *error)
{
    if (!target.isValid() || target.host().isEmpty())
        return setError(error, u"connect-to target '%1' is not a URL with a host"_s.arg(target.toDisplayString()));
    const QString scheme = target.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return setError(
            error, u"connect-to target '%1' must use http or https, not '%2'"_s.arg(target.toDisplayString(), scheme));
    if (scheme == u"http"_s && !isLoopbackHost(target.host()))
        return setError(error,
                        u"connect-to target '%1' uses plain http to a non-loopback address; only loopback "
                        "addresses may be reached without TLS"_s.arg(target.toDisplayString()));
    if (!target.path().isEmpty() && target.path() != u"/"_s)
        return setError(error, u"connect-to target '%1' must not have a path"_s.arg(target.toDisplayString()));
    if (target.hasQuery() || target.hasFragment() || !target.userInfo().isEmpty())
        return setError(error,
                        u"connect-to target '%1' must be scheme, host and port only"_s.arg(
                            target.adjusted(QUrl::RemoveUserInfo).toDisplayString()));

    Rule rule;
    rule.target = target.adjusted(QUrl::RemovePath);
    const QString lowered = pattern.trimmed().toLower();
    if (lowered.startsWith(u"*."_s)) {
        rule.suffix = lowered.mid(1);
        if (rule.suffix.size() < 2)
            return setError(error, u"connect-to pattern '%1' matches every host"_s.arg(pattern));
    } else if (!lowered.isEmpty() && !lowered.contains(u'*')) {
        rule.exactHost = lowered;
    } else {
        return setError(error,
                        u"connect-to pattern '%1' must be a hostname or '*.' followed by a domain"_s.arg(pattern));
    }
    m_rules.append(rule);
    return true;
}

ConnectToMap ConnectToMap::sandbox(quint16 port)
{
    QUrl target;
    target.setScheme(u"http"_s);
    target.setHost(u"127.0.0.1"_s);
    target.setPort(port);
    QString error;
    ConnectToMap map = sandbox(target, &error);
    Q_ASSERT(error.isEmpty());
    return map;
}

ConnectToMap ConnectToMap::sandbox(const QUrl &sandboxUrl, QString *error)
{
    ConnectToMap map;
    if (!map.addRule(u"*.qlikcloud.com"_s, sandboxUrl, error) || !map.addRule(u"qlikcloud.com"_s, sandboxUrl, error))
        return {};
    map.setExclusive(true);
    return map;
}

const ConnectToMap::Rule *ConnectToMap::match(const QString &host) const
{
    for (const Rule &rule : m_rules) {
        if (!rule.exactHost.isEmpty() ? host == rule.exactHost : host.endsWith(rule.suffix))
            return &rule;
    }
    return nullptr;
}

ConnectToMap::Route ConnectToMap::route(const QUrl &logicalUrl) const
{
    Route route;
    if (!logicalUrl.isValid() || logicalUrl.host().isEmpty()) {
        route.error = u"'%1' is not an absolute URL with a host"_s.arg(logicalUrl.toDisplayString());
        return route;
    }
    const QString scheme = logicalUrl.scheme().toLower();
    const QString host = logicalUrl.host().toLower();
    if (scheme != u"https"_s && scheme != u"http"_s) {
        route.error = u"'%1' uses the unsupported scheme '%2'"_s.arg(logicalUrl.toDisplayString(), scheme);
        return route;
    }

    if (const Rule *rule = match(host)) {
        route.physicalUrl = logicalUrl;
        route.physicalUrl.setScheme(rule->target.scheme());
        route.physicalUrl.setHost(rule->target.host());
        route.physicalUrl.setPort(rule->target.port());
        const int logicalPort = logicalUrl.port();
        const bool defaultPort = logicalPort == -1 || (scheme == u"https"_s && logicalPort == 443)
            || (scheme == u"http"_s && logicalPort == 80);
        route.hostHeader = defaultPort ? host.toLatin1() : (host + u':' + QString::number(logicalPort)).toLatin1();
        return route;
    }
    if (m_exclusive) {
        route.error = u"host '%1' is not served by the sandbox (only *.qlikcloud.com is mapped); refusing to "
                      "leave the sandbox"_s.arg(host);
        return route;
    }
    if (scheme == u"http"_s && !isLoopbackHost(host)) {
        route.error = u"refusing plain http to '%1': only loopback addresses may be reached without TLS"_s.arg(host);
        return route;
    }
    route.physicalUrl = logicalUrl;
    return route;
}

} // namespace Cloud
