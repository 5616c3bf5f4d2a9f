#pragma once

#include <chrono>
#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Cloud {

// Everything that describes one REST call, before it is sent: the logical target (a Qlik host and
// path, or an absolute URL such as a paging link), the body, and how the client may treat it.
struct ApiCall
{
    enum class Idempotency {
        ByMethod, // GET, HEAD, PUT, DELETE, OPTIONS are; POST and PATCH are not
        Idempotent, // safe to resend (e.g. POST .../actions/filter, token requests)
        NotIdempotent, // never resent after it may have reached the server
    };
    enum class Auth {
        Bearer, // a token of the client chosen for the host (CredentialRouter)
        None, // no Authorization (the token endpoint itself)
    };

    QByteArray method = "GET";
    QString host; // logical host, e.g. "acme.eu.qlikcloud.com"
    QString path; // "/api/v1/spaces"
    QUrlQuery query;
    QUrl url; // instead of host/path/query: an absolute URL used verbatim (links.next.href)

    QByteArray body;
    QByteArray contentType; // set with the body; "application/json" for JSON bodies
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. qlik-confirm-hostname

    Idempotency idempotency = Idempotency::ByMethod;
    Auth auth = Auth::Bearer;
    QString profileName; // use this credential profile (must fit the host); empty: choose by tier
    QString regionHint; // the tenant's region when the hostname does not tell (alias hosts)
    std::chrono::milliseconds transferTimeout{std::chrono::seconds(60)};

    [[nodiscard]] static ApiCall get(const QString &host, const QString &path, const QUrlQuery &query = {});
    [[nodiscard]] static ApiCall del(const QString &host, const QString &path);
    [[nodiscard]] static ApiCall post(const QString &host, const QString &path, const QJsonDocument &json);
    [[nodiscard]] static ApiCall put(const QString &host, const QString &path, const QJsonDocument &json);
    [[nodiscard]] static ApiCall patch(const QString &host, const QString &path, const QJsonDocument &json);
    [[nodiscard]] static ApiCall fromUrl(const QByteArray &method, const QUrl &absoluteUrl);

    ApiCall &setJson(const QJsonDocument &json);
    ApiCall &setBytes(const QByteArray &bytes, const QByteArray &type);
    ApiCall &addHeader(const QByteArray &name, const QByteArray &value);

    // https://<host><path>?<query>, or `url` when set.
    [[nodiscard]] QUrl logicalUrl() const;
    [[nodiscard]] bool isIdempotent() const;
};

} // namespace Cloud
