#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Ops {

// Creates of tenants whose alias is not set yet, kept beside the job journals so that they outlive
// the process. POST /v1/tenants takes no name or marker of ours (FACTS §3.1): between the create
// and the alias (PATCH /hostnames/1) a tenant cannot be found by anything the plan says. A crash,
// a kill, a lost answer or a refused alias there would make the next apply — a resume, a retry or a
// brand-new job — create a second tenant. The "tenant" step records its intent here before the
// POST and clears it once the alias is set; while an entry is open, a probe looks for the one
// alias-less tenant of the subscription created around `since` and adopts it.
//
// The file is small JSON, rewritten whole under a lock file (tenantryctl and the GUI share it).
class TenantCreationLedger
{
public:
    struct Entry
    {
        QString subscriptionId;
        QString alias; // the hostname the step will give the tenant
        QString jobId;
        QDateTime since; // UTC, taken just before the POST
    };

    // `directory` is the engine's journal directory; empty: no ledger (every call succeeds, finds nothing).
    explicit TenantCreationLedger(QString directory);

    [[nodiscard]] bool isEnabled() const { return !m_directory.isEmpty(); }
    [[nodiscard]] QString path() const;

    // The open entry for this subscription and alias, if any. A file that cannot be read is an error:
    // the caller must not create (it cannot tell whether an earlier create is pending).
    [[nodiscard]] std::optional<Entry> find(const QString &subscriptionId, const QString &alias, QString *error) const;
    // Adds the entry, replacing one of the same subscription and alias. Durable when it returns true.
    [[nodiscard]] bool open(const Entry &entry, QString *error);
    // Removes the entry of this subscription and alias (no entry: nothing to do).
    [[nodiscard]] bool close(const QString &subscriptionId, const QString &alias, QString *error);

private:
    [[nodiscard]] bool read(QList<Entry> *entries, QString *error) const;
    [[nodiscard]] bool write(const QList<Entry> &entries, QString *error);

    QString m_directory;
};

} // namespace Ops
