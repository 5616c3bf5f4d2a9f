#include "ui/connectionindicator.h"

#include "cloud/requestscheduler.h"

#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;
using Reachability = Cloud::CloudClient::Reachability;

namespace {

// A budget that is full with no known end still shows for this long.
constexpr std::chrono::milliseconds unknownWait{5000};

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"connectionIndicator"_s);
    m_clock.start();
    m_connection = new QLabel(this);
    m_connection->setObjectName(u"connectionState"_s);
    m_wait = new QLabel(this);
    m_wait->setObjectName(u"rateLimitWait"_s);
    m_wait->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_wait);
    layout->addWidget(m_connection);
    m_tick.setInterval(std::chrono::milliseconds(250));
    connect(&m_tick, &QTimer::timeout, this, &ConnectionIndicator::updateWait);
    updateConnection();
}

ConnectionIndicator::~ConnectionIndicator() = default;

void ConnectionIndicator::setClient(Cloud::CloudClient *client)
{
    if (m_client == client)
        return;
    if (m_client) {
        m_client->disconnect(this);
        m_client->scheduler()->disconnect(this);
    }
    m_client = client;
    m_hosts.clear();
    m_waits.clear();
    if (client) {
        connect(client, &Cloud::CloudClient::reachabilityChanged, this, &ConnectionIndicator::onReachability);
        connect(client->scheduler(), &Cloud::RequestScheduler::budgetParked, this, &ConnectionIndicator::onWait);
        connect(client->scheduler(), &Cloud::RequestScheduler::budgetExhausted, this, &ConnectionIndicator::onWait);
    }
    updateConnection();
    updateWait();
}

QString ConnectionIndicator::bucketText(const QString &bucket)
{
    if (bucket.startsWith("tier"_L1))
        return u"tier "_s + bucket.mid(4);
    if (bucket.startsWith("special:"_L1))
        return bucket.mid(8);
    return bucket;
}

void ConnectionIndicator::onReachability(const QString &host, Reachability reachability, const QString &detail)
{
    HostState &state = m_hosts[host];
    state.reachability = reachability;
    state.detail = detail;
    state.changed = m_clock.elapsed();
    updateConnection();
}

void ConnectionIndicator::onWait(const QString &host, const QString &bucket, std::chrono::milliseconds delay)
{
    const Clock::time_point until = Clock::now() + (delay.count() < 0 ? unknownWait : delay);
    Wait &wait = m_waits[host + u'|' + bucket];
    wait.host = host;
    wait.bucket = bucket;
    wait.until = std::max(wait.until, until);
    updateWait();
}

QString ConnectionIndicator::connectionText() const
{
    return m_connection->text();
}

QString ConnectionIndicator::waitText() const
{
    return m_wait->isHidden() ? QString() : m_wait->text();
}

void ConnectionIndicator::updateConnection()
{
    if (!m_client) {
        m_connection->clear();
        m_connection->setToolTip({});
        return;
    }
    // The most recent problem wins; without one, any answer means connected.
    const HostState *problem = nullptr;
    QString problemHost;
    int connected = 0;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
        if (it->reachability == Reachability::Connected) {
            ++connected;
            continue;
        }
        if (it->reachability == Reachability::Unknown)
            continue;
        if (!problem || it->changed > problem->changed) {
            problem = &*it;
            problemHost = it.key();
        }
    }
    QString text;
    QString tip;
    if (problem && problem->reachability == Reachability::Reconnecting) {
        text = tr("Reconnecting to %1…").arg(problemHost);
        tip = problem->detail;
    } else if (problem) {
        text = tr("Cannot reach %1").arg(problemHost);
        tip = problem->detail;
    } else if (connected > 0) {
        text = tr("Connected");
        tip = tr("%n host(s) answering", nullptr, connected);
    } else {
        text = tr("Connecting…");
    }
    m_connection->setText(text);
    m_connection->setToolTip(tip);
}

void ConnectionIndicator::updateWait()
{
    const Clock::time_point now = Clock::now();
    for (auto it = m_waits.begin(); it != m_waits.end();) {
        if (it->until <= now)
            it = m_waits.erase(it);
        else
            ++it;
    }
    if (m_waits.isEmpty()) {
        m_tick.stop();
        m_wait->hide();
        m_wait->clear();
        return;
    }
    // The longest wait is the one that holds work back.
    const auto longest = std::max_element(m_waits.cbegin(), m_waits.cend(),
                                          [](const Wait &a, const Wait &b) { return a.until < b.until; });
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(longest->until - now);
    const int seconds = std::max(1, static_cast<int>(std::ceil(static_cast<double>(left.count()) / 1000.0)));
    QString text = tr("Waiting %1 s for rate limit (%2, tenant %3)")
                       .arg(seconds)
                       .arg(bucketText(longest->bucket), longest->host);
    if (m_waits.size() > 1)
        text += tr(" and %n more", nullptr, static_cast<int>(m_waits.size() - 1));
    m_wait->setText(text);
    m_wait->show();
    if (!m_tick.isActive())
        m_tick.start();
}
