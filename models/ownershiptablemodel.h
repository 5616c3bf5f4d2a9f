#pragma once

#include "cloud/tenantownership.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>
#include <QStringList>

// What an ownership audit found, as a table (issue 8): one row per owned resource with its tenant,
// its owner (bots named as such, with their standing), type, name, id and space. Sorting and
// filtering belong to a proxy; the rows keep the audit's order.
class OwnershipTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnershipTableModel)

public:
    enum class Column { Tenant, Owner, Standing, Type, Name, Id, Space, Created, Count };
    enum class Role {
        SortKey = Qt::UserRole + 1, // created as QDateTime, the rest as text
        Json, // the resource with its tenant, owner subject and standing (the JSON export's entry)
    };

    explicit OwnershipTableModel(QObject *parent = nullptr);
    ~OwnershipTableModel() override;

    // Replaces the rows with the audit's results.
    void setResults(const QList<Cloud::TenantOwnership> &results);
    // One line per person holding TenantAdmin outside `partnerDomains` (all people when empty):
    // "HOST: TenantAdmin held by NAME <EMAIL>".
    [[nodiscard]] QStringList tenantAdminFindings(const QStringList &partnerDomains) const;
    [[nodiscard]] const QList<Cloud::TenantOwnership> &results() const { return m_results; }
    void clear();

    [[nodiscard]] QStringList headers() const;
    [[nodiscard]] QStringList rowText(int row) const;
    [[nodiscard]] QJsonObject json(int row) const;
    // One line per tenant: how many items each owner holds, e.g.
    // "globex.eu.qlikcloud.com: sandbox-old-bot (bot, orphaned) 12" — or what could not be read.
    [[nodiscard]] QStringList summary() const;
    // One line per tenant with bots: each bot, its standing and its newest audit event (when the
    // audit read it), e.g. "globex.eu.qlikcloud.com bots: Old EU client [orphaned] last active …".
    [[nodiscard]] QStringList botLines() const;
    // How an owner reads in the table: "name (qlikbot\<clientId>)" for a bot, "name <subject>" otherwise.
    [[nodiscard]] static QString ownerText(const Cloud::TenantOwnership &tenant, const QString &userId);
    // "active", "orphaned", "unknown" for bots; "user" for people.
    [[nodiscard]] static QString standingText(const Cloud::TenantOwnership &tenant, const QString &userId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int tenant = 0;
        int resource = 0;
    };

    QList<Cloud::TenantOwnership> m_results;
    QList<Row> m_rows;
};
