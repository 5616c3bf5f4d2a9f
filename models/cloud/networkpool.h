#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace Cloud {

// Several QNetworkAccessManagers, each host always on the same one. Qt 6.4 opens at most six
// HTTP/1.1 connections per scheme+host+port and manager; against the sandbox every tenant shares
// 127.0.0.1:PORT, so one manager would cap the whole estate at six requests in flight. Spreading
// tenants over a pool gives the sandbox the concurrency the real cloud has (six per tenant host),
// and keeps each host's connections reusable.
class NetworkPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    explicit NetworkPool(int size, QObject *parent = nullptr);
    ~NetworkPool() override;

    [[nodiscard]] QNetworkAccessManager *managerFor(const QString &logicalHost) const;
    [[nodiscard]] int size() const { return static_cast<int>(m_managers.size()); }
    [[nodiscard]] static int indexFor(const QString &logicalHost, int poolSize);

    // The sandbox is on loopback: no system proxy may sit in between.
    void setDirectConnections(bool direct);

private:
    QList<QNetworkAccessManager *> m_managers;
};

} // namespace Cloud
