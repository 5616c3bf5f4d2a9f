#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace Cloud {

// Several QNetworkAccessManagers. Qt 6.4 opens at most six HTTP/1.1 connections per
// scheme+host+port and manager, and queues the rest inside the manager.
//  - Against the real cloud every tenant host has its own six: a host always uses the same
//    manager (by hash), so its connections are reused.
//  - Behind the connect-to map every tenant shares one address (the sandbox's 127.0.0.1:PORT), so
//    one manager would cap the whole estate at six requests on the wire. Each request then takes
//    the least busy manager: any manager's connections serve any tenant there, and N managers give
//    6 × N connections, as many as the scheduler lets out.
class NetworkPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    explicit NetworkPool(int size, QObject *parent = nullptr);
    ~NetworkPool() override;

    // Picks a manager for one request and counts it busy until release(). `sharedEndpoint`: the
    // request goes through the connect-to map to an address all hosts share.
    [[nodiscard]] int acquire(const QString &logicalHost, bool sharedEndpoint);
    void release(int index);
    [[nodiscard]] QNetworkAccessManager *manager(int index) const { return m_managers.at(index); }

    [[nodiscard]] int size() const { return static_cast<int>(m_managers.size()); }
    [[nodiscard]] int busy(int index) const { return m_busy.at(index); }
    [[nodiscard]] static int indexFor(const QString &logicalHost, int poolSize);

    // The sandbox is on loopback: no system proxy may sit in between.
    void setDirectConnections(bool direct);

private:
    QList<QNetworkAccessManager *> m_managers;
    QList<int> m_busy;
    int m_nextProbe = 0;
};

} // namespace Cloud
