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
    m_busy.fill(0, count);
}

NetworkPool::~NetworkPool() = default;

int NetworkPool::indexFor(const QString &logicalHost, int poolSize)
{
    // A fixed seed: the same host lands on the same manager in every run.
    return static_cast<int>(qHash(logicalHost.toLower(), size_t(0)) % size_t(std::max(1, poolSize)));
}

int NetworkPool::acquire(const QString &logicalHost, bool sharedEndpoint)
{
    int index = 0;
    if (sharedEndpoint) {
        // Least busy; ties rotate so idle managers all get warm connections.
        index = m_nextProbe;
        for (int i = 0; i < size(); ++i) {
            const int candidate = (m_nextProbe + i) % size();
            if (m_busy.at(candidate) < m_busy.at(index))
                index = candidate;
        }
        m_nextProbe = (index + 1) % size();
    } else {
        index = indexFor(logicalHost, size());
    }
    ++m_busy[index];
    return index;
}

void NetworkPool::release(int index)
{
    if (index >= 0 && index < size() && m_busy.at(index) > 0)
        --m_busy[index];
}

void NetworkPool::setDirectConnections(bool direct)
{
    for (QNetworkAccessManager *manager : std::as_const(m_managers))
        manager->setProxy(direct ? QNetworkProxy(QNetworkProxy::NoProxy) : QNetworkProxy(QNetworkProxy::DefaultProxy));
}

} // namespace Cloud
