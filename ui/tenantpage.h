#pragma once

#include "estatenodekind.h"
#include "estatesession.h"
#include "ui/detailpage.h"

#include <QHash>
#include <QPointer>

class AuditPage;
class PropertiesView;
class QLabel;
class QTabWidget;
class ResourceTablePage;

// The page of a tenant: who it is (hostnames, region, status, tags) and tabs with its spaces,
// users, groups and bot users, each a resource table loaded when its tab is first shown, plus the
// tenant's properties. The lists are the estate tree's own category nodes: what loads here shows
// in the tree and the other way round.
class TenantPage final : public DetailPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantPage)

public:
    explicit TenantPage(QWidget *parent = nullptr);
    ~TenantPage() override;

    void setNode(EstateSession *session, const QModelIndex &node) override;
    [[nodiscard]] bool canExport() const override;
    bool copySelection() override;
    void exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done) override;
    [[nodiscard]] QString exportName() const override;

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    // The table of one of the tenant's lists (Spaces, Users, Groups, BotUsers); nullptr otherwise.
    [[nodiscard]] ResourceTablePage *tablePage(EstateNodeKind category) const;
    // The tenant's audit events (a tab, loaded when first shown).
    [[nodiscard]] AuditPage *auditPage() const { return m_audit; }
    // Shows the tab of `category` (and loads it).
    void showCategory(EstateNodeKind category);

private:
    void updateHeader();
    void activateTab(int index);
    [[nodiscard]] ResourceTablePage *currentTable() const;

    QPointer<EstateSession> m_session;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QTabWidget *m_tabs = nullptr;
    PropertiesView *m_properties = nullptr;
    AuditPage *m_audit = nullptr;
    QHash<EstateNodeKind, ResourceTablePage *> m_tables;
    QList<EstateNodeKind> m_tabKinds; // per tab index; the properties tab is Tenant
};
