#include "cloud/networkpool.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <algorithm>

namespace Cloud {

NetworkPool::NetworkPool(int size, QObject *parent)
    : QObject(parent)
{
    const int count = std::max(1, size);
    m_managers.reserve(count);
    for (int i = 0; i < count; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        // Redirects are followed by ApiRequest itself, through the connect-to map and with the
        // same-origin rule for Authorization (FACTS §14.4).
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        manager->setAutoDeleteReplies(false);
        m_managers.append(manager);
    }
}

NetworkPool::~NetworkPool() = default;

int NetworkPool::indexFor(const QString &logicalHost, int poolSize)
{
    // A fixed seed: the same host lands on the same manager in every run (and every process).
    return static_cast<int>(qHash(logicalHost.toLower(), size_t(0)) % size_t(std::max(1, poolSize)));
}

QNetworkAccessManager *NetworkPool::managerFor(const QString &logicalHost) const
{
    return m_managers.at(indexFor(logicalHost, size()));
}

void NetworkPool::setDirectConnections(bool direct)
{
    for (QNetworkAccessManager *manager : std::as_const(m_managers))
        manager->setProxy(direct ? QNetworkProxy(QNetworkProxy::NoProxy) : QNetworkProxy(QNetworkProxy::DefaultProxy));
}

} // namespace Cloud
