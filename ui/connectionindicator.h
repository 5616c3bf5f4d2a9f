#pragma once

#include "cloud/cloudclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;

// The status bar's view of the cloud client: whether hosts answer (connected, reconnecting after a
// failed connection, or unreachable once the retries are used up, naming the host and the error),
// and the rate-limit waits the client is sitting out ("Waiting 2 s for rate limit (tier 2, tenant
// acme.eu.qlikcloud.com)") — a Retry-After that parked a budget, or a budget whose window is full
// (FACTS §14.3). Waits count down once a second and disappear when they are over.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);
    ~ConnectionIndicator() override;

    // The client to watch (not owned); null: nothing to show.
    void setClient(Cloud::CloudClient *client);

    [[nodiscard]] QString connectionText() const;
    [[nodiscard]] QString waitText() const;
    [[nodiscard]] QLabel *connectionLabel() const { return m_connection; }
    [[nodiscard]] QLabel *waitLabel() const { return m_wait; }

    // "tier1" -> "tier 2", "special:POST /v1/reloads" -> "POST /v1/reloads" (for people).
    [[nodiscard]] static QString bucketText(const QString &bucket);

private:
    using Clock = std::chrono::steady_clock;
    struct HostState
    {
        Cloud::CloudClient::Reachability reachability = Cloud::CloudClient::Reachability::Unknown;
        QString detail;
        qint64 changed = 0; // m_clock's msecs: the most recent problem is the one shown
    };
    struct Wait
    {
        QString host;
        QString bucket;
        Clock::time_point until;
    };

    void onReachability(const QString &host, Cloud::CloudClient::Reachability reachability, const QString &detail);
    void onWait(const QString &host, const QString &bucket, std::chrono::milliseconds delay);
    void updateConnection();
    void updateWait();

    QPointer<Cloud::CloudClient> m_client;
    QHash<QString, HostState> m_hosts;
    QHash<QString, Wait> m_waits; // host|bucket
    QElapsedTimer m_clock;
    QTimer m_tick;
    QLabel *m_connection = nullptr;
    QLabel *m_wait = nullptr;
};
