#pragma once

#include "cloud/apicall.h"
#include "cloud/connecttomap.h"
#include "cloud/credentialprofile.h"
#include "cloud/credentialrouter.h"
#include "cloud/requestscheduler.h"
#include "cloud/retrypolicy.h"

#include <functional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace Cloud {

class ApiRequest;
class ApiResult;
class ClientSecretSource;
class NetworkPool;
class Pager;
class TokenProvider;

// The Qlik Cloud REST client everything above uses (GUI models, tenantryctl, the ops engine). It
// owns the transport (a pool of network managers behind the connect-to map), the scheduler (per
// host concurrency, per tenant/user/tier rate budgets), the token provider and the choice of OAuth
// client per host. Results are raw (status, headers, JSON): typed resources are parsed above it.
//
//     Cloud::CloudClient client;
//     client.setProfiles(profiles);                 // from the ProfileStore
//     client.setSecretSource(&secretStore);         // keychain / environment
//     client.setConnectTo(Cloud::ConnectToMap::sandbox(port));   // sandbox only
//     auto *request = client.send(Cloud::ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s));
//     connect(request, &Cloud::ApiRequest::finished, this, [](const Cloud::ApiResult &result) { ... });
class CloudClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudClient)

public:
    struct Options
    {
        int networkManagers = 16; // pool size; ≥ 11 keeps 64 requests on the wire against one sandbox port
        RequestScheduler::Limits limits;
        RetryPolicy retry;
        QByteArray userAgent; // empty: "Tenantry/<version>"
    };

    // What the last exchanges with a host said about the connection (the status bar shows it).
    enum class Reachability {
        Unknown, // nothing asked yet
        Connected, // the host answered (whatever the status)
        Reconnecting, // the connection failed and a retry is waiting
        Unreachable, // the connection failed and the retries are used up
    };
    Q_ENUM(Reachability)

    explicit CloudClient(QObject *parent = nullptr);
    explicit CloudClient(const Options &options, QObject *parent = nullptr);
    ~CloudClient() override; // drops unfinished requests and pagers without signals

    // Sandbox only: map *.qlikcloud.com to a loopback port (see ConnectToMap).
    void setConnectTo(const ConnectToMap &map);
    [[nodiscard]] const ConnectToMap &connectTo() const { return m_connectTo; }

    // Credentials: profiles (no secrets) and where secrets come from. Changing either forgets
    // cached tokens and secrets.
    void setProfiles(const QList<CredentialProfile> &profiles);
    [[nodiscard]] const QList<CredentialProfile> &profiles() const { return m_router.profiles(); }
    void setSecretSource(ClientSecretSource *source);
    // The region of a tenant alias hostname, as the organization API or the inventory knows it.
    void setHostRegion(const QString &hostname, const QString &regionId);

    // Starts a call. Never null; `finished` always comes later (never inside send), exactly once.
    // The request is owned by the client and deletes itself after `finished`.
    [[nodiscard]] ApiRequest *send(const ApiCall &call);
    // Same, with `done` connected to `finished` (not called if `context` is destroyed first).
    ApiRequest *send(const ApiCall &call, const QObject *context, std::function<void(const ApiResult &)> done);

    // Lists a collection page by page, following links.next.href verbatim (FACTS §14.1). The pager
    // is owned by the client and deletes itself after `finished`.
    [[nodiscard]] Pager *list(const ApiCall &firstPage, const QString &itemsKey = QStringLiteral("data"));

    // Cancels every unfinished request and pager (each still emits `finished`, as cancelled).
    void cancelAll();

    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] TokenProvider *tokens() const { return m_tokens; }
    [[nodiscard]] RequestScheduler *scheduler() const { return m_scheduler; }
    [[nodiscard]] NetworkPool *networkPool() const { return m_pool; }
    [[nodiscard]] const CredentialRouter &credentials() const { return m_router; }
    [[nodiscard]] int activeRequestCount() const { return static_cast<int>(m_requests.size()); }
    [[nodiscard]] Reachability reachability(const QString &host) const
    {
        return m_reachability.value(host, Reachability::Unknown);
    }

Q_SIGNALS:
    // A host's reachability changed; `detail` says why when it is not Connected (the transport error).
    void reachabilityChanged(const QString &host, Cloud::CloudClient::Reachability reachability, const QString &detail);

private:
    friend class ApiRequest;
    friend class Pager;
    void forget(ApiRequest *request);
    void forget(Pager *pager);
    void setReachability(const QString &host, Reachability reachability, const QString &detail = {});

    Options m_options;
    ConnectToMap m_connectTo;
    CredentialRouter m_router;
    NetworkPool *m_pool = nullptr;
    RequestScheduler *m_scheduler = nullptr;
    TokenProvider *m_tokens = nullptr;
    QSet<ApiRequest *> m_requests;
    QSet<Pager *> m_pagers;
    QHash<QString, Reachability> m_reachability;
};

} // namespace Cloud
