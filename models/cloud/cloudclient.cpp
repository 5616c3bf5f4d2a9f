#include "cloud/cloudclient.h"

#include "cloud/apirequest.h"
#include "cloud/cloudlogging.h"
#include "cloud/networkpool.h"
#include "cloud/pager.h"
#include "cloud/tokenprovider.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

CloudClient::CloudClient(QObject *parent)
    : CloudClient(Options{}, parent)
{ }

CloudClient::CloudClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<Cloud::ApiResult>();
    qRegisterMetaType<Cloud::ApiError>();
    qRegisterMetaType<Cloud::ApiPage>();
    if (m_options.userAgent.isEmpty())
        m_options.userAgent = QByteArrayLiteral("Tenantry/" TENANTRY_VERSION);
    m_pool = new NetworkPool(m_options.networkManagers, this);
    m_scheduler = new RequestScheduler(this);
    m_scheduler->setLimits(m_options.limits);
    m_tokens = new TokenProvider([this](const ApiCall &call) { return send(call); }, this);
}

CloudClient::~CloudClient()
{
    // Requests and pagers reach into the scheduler and the pool: they go first, silently.
    const QSet<Pager *> pagers = std::exchange(m_pagers, {});
    qDeleteAll(pagers);
    const QSet<ApiRequest *> requests = m_requests;
    qDeleteAll(requests);
}

void CloudClient::setConnectTo(const ConnectToMap &map)
{
    m_connectTo = map;
    // Everything mapped goes to loopback: no system proxy in between.
    m_pool->setDirectConnections(map.isExclusive());
    m_tokens->clear();
}

void CloudClient::setProfiles(const QList<CredentialProfile> &profiles)
{
    m_router.setProfiles(profiles);
    m_tokens->clear();
}

void CloudClient::setSecretSource(ClientSecretSource *source)
{
    m_tokens->setSecretSource(source);
    m_tokens->clear();
}

void CloudClient::setHostRegion(const QString &hostname, const QString &regionId)
{
    m_router.setHostRegion(hostname, regionId);
}

ApiRequest *CloudClient::send(const ApiCall &call)
{
    auto *request = new ApiRequest(this, call);
    m_requests.insert(request);
    // Start on the next turn of the event loop, so the caller connects to `finished` first.
    QMetaObject::invokeMethod(request, &ApiRequest::start, Qt::QueuedConnection);
    return request;
}

ApiRequest *CloudClient::send(const ApiCall &call, const QObject *context, std::function<void(const ApiResult &)> done)
{
    ApiRequest *request = send(call);
    connect(request, &ApiRequest::finished, context, std::move(done));
    return request;
}

Pager *CloudClient::list(const ApiCall &firstPage, const QString &itemsKey)
{
    auto *pager = new Pager(this, firstPage, itemsKey);
    m_pagers.insert(pager);
    QMetaObject::invokeMethod(pager, &Pager::start, Qt::QueuedConnection);
    return pager;
}

void CloudClient::cancelAll()
{
    const QSet<Pager *> pagers = m_pagers;
    for (Pager *pager : pagers)
        pager->cancel();
    const QSet<ApiRequest *> requests = m_requests;
    for (ApiRequest *request : requests)
        request->cancel();
}

void CloudClient::forget(ApiRequest *request)
{
    m_requests.remove(request);
}

void CloudClient::forget(Pager *pager)
{
    m_pagers.remove(pager);
}

void CloudClient::setReachability(const QString &host, Reachability reachability, const QString &detail)
{
    // Only changes are signalled: every answered request reports Connected.
    auto it = m_reachability.find(host);
    if (it != m_reachability.end() && *it == reachability && reachability == Reachability::Connected)
        return;
    if (it == m_reachability.end())
        it = m_reachability.insert(host, reachability);
    else
        *it = reachability;
    Q_EMIT reachabilityChanged(host, reachability, detail);
}

} // namespace Cloud
