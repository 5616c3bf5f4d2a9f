#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Cloud {

// Where a request really connects to. Against the real cloud that is the URL's own host over TLS.
// For the sandbox, `*.qlikcloud.com` is mapped to `http://127.0.0.1:PORT` while the request keeps
// its real `Host` header (curl's --connect-to), so every other code path is the production one.
// Plain http is refused for any address that is not loopback; TLS errors are never ignored
// (nothing in the client calls ignoreSslErrors).
class ConnectToMap
{
public:
    // The route a logical URL takes.
    struct Route
    {
        QUrl physicalUrl; // what the socket connects to (same path and query)
        QByteArray hostHeader; // the Host header to send; empty: let Qt derive it from the URL
        QString error; // non-empty: the request must not be sent, and why

        [[nodiscard]] bool ok() const { return error.isEmpty(); }
    };

    ConnectToMap() = default;

    // Maps hosts matching `pattern` ("*.qlikcloud.com" or an exact hostname) to `target`
    // ("http://127.0.0.1:8080"). Returns false and sets `error` when the target is not
    // acceptable: a scheme other than http/https, a path, or plain http to a non-loopback host.
    bool addRule(const QString &pattern, const QUrl &target, QString *error = nullptr);

    // When exclusive, hosts that match no rule are refused instead of reached directly: a sandbox
    // session must never talk to the real cloud by accident.
    void setExclusive(bool exclusive) { m_exclusive = exclusive; }
    [[nodiscard]] bool isExclusive() const { return m_exclusive; }
    [[nodiscard]] bool isEmpty() const { return m_rules.isEmpty(); }

    // `*.qlikcloud.com` (and qlikcloud.com itself) to http://127.0.0.1:`port`, exclusive.
    [[nodiscard]] static ConnectToMap sandbox(quint16 port);
    // Same from a user-supplied sandbox URL such as "http://127.0.0.1:8080"; empty map and an
    // error message when the URL is not an acceptable target.
    [[nodiscard]] static ConnectToMap sandbox(const QUrl &sandboxUrl, QString *error);

    // Routes a logical URL (e.g. https://acme.eu.qlikcloud.com/api/v1/spaces).
    [[nodiscard]] Route route(const QUrl &logicalUrl) const;

    [[nodiscard]] static bool isLoopbackHost(const QString &host);

private:
    struct Rule
    {
        QString suffix; // ".qlikcloud.com" for "*.qlikcloud.com"; empty for exact rules
        QString exactHost;
        QUrl target;
    };
    [[nodiscard]] const Rule *match(const QString &host) const;

    QList<Rule> m_rules;
    bool m_exclusive = false;
};

} // namespace Cloud
