#pragma once

#include "cloud/apicall.h"
#include "cloud/tenantownership.h"

#include <functional>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace Cloud {

class CloudClient;

// Finds, per tenant, the bot users (FACTS §2.3), classifies them (BotIdentity::classify) and lists
// everything the selected owners own (FACTS §11.2): catalog items (apps, automations, ...),
// spaces, data connections, automation connections and data files; and the people who hold
// TenantAdmin (TenantOwnership::tenantAdmins). Tenants run in parallel, at most `concurrentTenants`
// at a time; the client's scheduler keeps each host within its limits.
//
//     Cloud::OwnershipAudit audit(client, {.selection = Cloud::OwnershipAudit::Selection::OrphanedBots});
//     connect(&audit, &Cloud::OwnershipAudit::finished, ...);
//     audit.start({u"globex.eu.qlikcloud.com"_s});
class OwnershipAudit final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnershipAudit)

public:
    enum class Selection {
        AllBots, // every bot user, whatever its standing
        OrphanedBots, // bots whose client is known to be gone
        Subject, // the user (person or bot) with this subject
    };

    struct Options
    {
        Selection selection = Selection::AllBots;
        QString subject; // Selection::Subject
        QSet<QString> configuredClientIds; // empty: the client's profiles' client ids
        QSet<QString> deletedClientIds;
        QString profileName; // force this credential profile on every tenant; empty: by tier
        int concurrentTenants = 8;
        // For the audit views, not for plans built from the audit (reassign, delete): the people
        // holding TenantAdmin (one more filtered user list per tenant), and each bot's newest
        // audit event (one request per bot per tenant, FACTS §13).
        bool tenantAdmins = false;
        bool lastActivity = false;
    };

    OwnershipAudit(CloudClient &client, Options options, QObject *parent = nullptr);

    void start(const QStringList &hostnames);
    [[nodiscard]] bool isFinished() const { return m_finished; }
    // In the order of start()'s hostnames.
    [[nodiscard]] const QList<TenantOwnership> &results() const { return m_results; }
    [[nodiscard]] int requestCount() const;

Q_SIGNALS:
    void tenantAudited(int index);
    void finished();

private:
    void startNext();
    void auditTenant(int index);
    void listTenantAdmins(int index);
    void readLastActivity(int index, const QString &botId);
    void listOwned(int index, const QString &ownerId);
    void fetchAll(int index, const ApiCall &firstPage, std::function<void(QJsonArray items, QString error)> done);
    void tenantStepDone(int index);

    CloudClient &m_client;
    Options m_options;
    QList<TenantOwnership> m_results;
    QList<int> m_pendingPerTenant;
    int m_next = 0;
    int m_running = 0;
    bool m_finished = false;
};

} // namespace Cloud
