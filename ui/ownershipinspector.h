#pragma once

#include "estatesession.h"
#include "jobboard.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace Cloud {
class OwnershipAudit;
}
namespace Ops {
class Job;
}
class OwnershipTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QToolButton;

// Inspect Ownership… (issue 8): what all orphaned bots, every bot, or one user (by subject) own on
// the chosen tenants. The audit (Cloud::OwnershipAudit) runs on the event loop — the window never
// waits — and fills a sortable, filterable table with CSV/JSON export and a per-tenant summary.
// "Reassign to…" builds the same plan as `tenantryctl ownership reassign` (Ops::ReassignPlanBuilder)
// and hands it to the JobBoard as a dry run: the activity panel shows it, and applies it from there.
// "Delete…" does the same with the delete plan (Ops::DeletePlanBuilder); it is never the default
// button, and applying it in the activity panel takes a typed confirmation.
// Open it with open() or show(), never exec().
class OwnershipInspector final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnershipInspector)

public:
    enum class Selection { OrphanedBots, AllBots, Subject }; // the order of the owners combo
    enum class ExportFormat { Csv, Json };

    // `session` and `board` are not owned and must outlive the inspector. `tenants`: hostnames.
    OwnershipInspector(EstateSession *session, JobBoard *board, const QStringList &tenants, QWidget *parent = nullptr);
    ~OwnershipInspector() override;

    [[nodiscard]] QStringList tenants() const { return m_tenants; }
    // Chooses whose content to list (the subject edit is for Selection::Subject) and audits again.
    void setSelection(Selection selection, const QString &subject = {});
    // Starts an audit with the window's choices; an audit still running is dropped.
    void audit();
    [[nodiscard]] bool isAuditing() const { return m_auditing; }
    // Writes the shown rows (filtered, in view order) off the UI thread; `done` gets "" or the error.
    void exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done);
    // Builds the reassign plan and starts its dry run on the JobBoard: each tenant's items go to its
    // row's new owner in the per-tenant table, or to the subject in the reassign edit when the row
    // has none (a tenant with neither is left out). The new job's id, or empty with the reason in
    // the status line.
    QString reassign();
    // Builds the plan deleting every listed item and starts its dry run on the JobBoard; the new
    // job's id, or empty with the reason in the status line.
    QString deleteOwned();

    [[nodiscard]] QComboBox *selectionCombo() const { return m_selection; }
    [[nodiscard]] QLineEdit *subjectEdit() const { return m_subject; }
    [[nodiscard]] QLineEdit *partnerDomainsEdit() const { return m_partnerDomains; }
    [[nodiscard]] QPushButton *auditButton() const { return m_auditButton; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] OwnershipTableModel *tableModel() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QLineEdit *reassignEdit() const { return m_reassignTo; }
    [[nodiscard]] QPushButton *reassignButton() const { return m_reassignButton; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_deleteButton; }
    // One row per audited tenant: tenant, its active bot, the new owner there (editable).
    enum class OwnerColumn { Tenant, ActiveBot, NewOwner };
    [[nodiscard]] QTableWidget *perTenantOwners() const { return m_perTenant; }
    // Sets each tenant's new owner to its active bot (tenants without one keep theirs).
    void useActiveBots();
    // Shown rows in view order, as text.
    [[nodiscard]] QList<QStringList> shownRows() const;

Q_SIGNALS:
    void audited();
    // The reassign's dry run started as job `jobId` of the JobBoard.
    void reassignStarted(const QString &jobId);
    // The delete's dry run started as job `jobId` of the JobBoard.
    void deleteStarted(const QString &jobId);

private:
    void runAudit(const QSet<QString> &deletedClientIds);
    void showResults();
    // The summary per tenant and the TenantAdmin findings under it.
    void showFindings();
    // The partner domains typed, cleaned (TenantOwnership::normalizedDomain); `bad` gets the
    // entries that are no email domain.
    [[nodiscard]] QStringList partnerDomains(QStringList *bad) const;
    void updateActions();
    void chooseExportFile(ExportFormat format);
    void fillPerTenantOwners();
    // Reads a plan built here and starts its dry run on the JobBoard; null with the reason shown.
    const Ops::Job *startDryRun(const QJsonObject &plan);
    [[nodiscard]] QString newOwnerOf(const QString &hostname) const;

    QPointer<EstateSession> m_session;
    QPointer<JobBoard> m_board;
    QStringList m_tenants;
    Cloud::OwnershipAudit *m_audit = nullptr;
    int m_generation = 0; // drops the answers of an audit the user started over
    int m_auditedTenants = 0;
    bool m_auditing = false; // from audit() until the results (or the reason there are none) show
    QLabel *m_scope = nullptr;
    QComboBox *m_selection = nullptr;
    QLineEdit *m_subject = nullptr;
    QLineEdit *m_partnerDomains = nullptr;
    QPushButton *m_auditButton = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_csvButton = nullptr;
    QToolButton *m_jsonButton = nullptr;
    QTableView *m_table = nullptr;
    OwnershipTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_reassignTo = nullptr;
    QPushButton *m_reassignButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QTableWidget *m_perTenant = nullptr;
    QPushButton *m_activeBotsButton = nullptr;
};
