#pragma once

#include "cloud/tenantlifecycle.h"

#include <QModelIndexList>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

#include <functional>
#include <memory>

class EstateSession;
class QMenu;
class QWidget;

// The estate's tenant lifecycle from the GUI (FACTS §3.2, §3.3): add a tenant to the inventory by
// hostname, edit its alias hostname, deactivate it (purge delay, typed confirmation of its
// hostname, sent as qlik-confirm-hostname) and reactivate it until its purge date. Tenants tagged
// production need the typed confirmation for the alias change too. With the BulkOnly confirmation
// policy (Preferences) a change to one tenant is confirmed by the button alone. Every dialog is opened
// window-modal without a nested event loop; calls go through the session's client.
class TenantActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantActions)

public:
    // Dialogs are shown over `window`.
    explicit TenantActions(QWidget *window);
    ~TenantActions() override;

    void setSession(EstateSession *session);

    // Adds what fits `tenants` (indexes of the session's model) to `menu`.
    void addActions(QMenu *menu, const QModelIndexList &tenants);

    // Each opens its dialog; the outcome comes as finished().
    void addTenantByHostname();
    void editAlias(const QModelIndex &tenant);
    void deactivate(const QModelIndex &tenant);
    void reactivate(const QModelIndex &tenant);
    // The same over several tenants at once: one confirmation (typing "deactivate N tenants"), the
    // calls in parallel, one report naming each failure. Inactive (or active) ones are skipped.
    void deactivateAll(const QModelIndexList &tenants);
    void reactivateAll(const QModelIndexList &tenants);

Q_SIGNALS:
    // For the status bar: what was done or why not. `ok` is false on errors.
    void finished(bool ok, const QString &message);

private:
    [[nodiscard]] bool isProduction(const QModelIndex &tenant) const;
    void report(bool ok, const QString &message);
    void sendAlias(const QPersistentModelIndex &tenant, const QString &alias);
    // Runs `call` for every tenant at once and reports once all have answered.
    using LifecycleCall = std::function<void(const QPersistentModelIndex &tenant, Cloud::TenantLifecycle::Done done)>;
    void runForEach(const QList<QPersistentModelIndex> &tenants, const QString &pastTense, const LifecycleCall &call);

    QWidget *m_window;
    QPointer<EstateSession> m_session;
    std::unique_ptr<Cloud::TenantLifecycle> m_lifecycle;
};
