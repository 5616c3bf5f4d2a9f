#pragma once

#include "cloud/inventorytenant.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Cloud {

// The local list of tenants Tenantry knows besides the organization API: tenants the user added
// by hostname and tenants Tenantry created. The GUI's estate and tenantryctl share it.
//
// Stored as JSON lines (one JSON object per line) so that recording a tenant appends one line
// instead of rewriting a file of thousands: each line holds a whole entry, or {"removed": host}.
// Loading replays the lines and rewrites the file compactly when most lines are outdated.
class TenantInventory : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantInventory)

public:
    // The inventory in StoragePaths::tenantInventoryFile(), loaded at once.
    explicit TenantInventory(QObject *parent = nullptr);
    explicit TenantInventory(const QString &filePath, QObject *parent = nullptr);
    ~TenantInventory() override;

    [[nodiscard]] QString filePath() const { return m_filePath; }

    // Reads the file again (a missing file is an empty inventory). Lines that cannot be read are
    // skipped and described by problems(); the entries that can be read are kept.
    void reload();
    [[nodiscard]] QStringList problems() const { return m_problems; }

    [[nodiscard]] QList<InventoryTenant> tenants() const; // sorted by hostname
    [[nodiscard]] std::optional<InventoryTenant> tenant(const QString &hostname) const;
    [[nodiscard]] qsizetype size() const { return m_tenants.size(); }

    // Each returns an empty string on success, otherwise what is wrong. `add` fills in
    // `addedAt` when it is not set and refuses a hostname that is already there.
    [[nodiscard]] QString add(InventoryTenant tenant);
    [[nodiscard]] QString update(const InventoryTenant &tenant); // matched by hostname
    [[nodiscard]] QString remove(const QString &hostname);

Q_SIGNALS:
    void tenantAdded(const QString &hostname);
    void tenantUpdated(const QString &hostname);
    void tenantRemoved(const QString &hostname);
    void reloaded();

private:
    [[nodiscard]] QString append(const QJsonObject &line);
    void compact(qsizetype lineCount);

    QString m_filePath;
    QHash<QString, InventoryTenant> m_tenants;
    QStringList m_problems;
};

} // namespace Cloud
