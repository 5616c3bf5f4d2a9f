#pragma once

#include "ui/detailpage.h"

#include <QPointer>

class EstateSession;
class QLabel;
class QPushButton;
class QTableWidget;
class TenantLicense;

// The License node of a tenant (FACTS §6): the shared pool of its subscription's entitlement —
// allotments with units, used and free per kind, which every tenant of the subscription draws on —
// then the tenant's auto-assign settings and its assigned seats. A tenant whose new users would
// take seats automatically is flagged at the top.
class LicensePage final : public DetailPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LicensePage)

public:
    explicit LicensePage(QWidget *parent = nullptr);
    ~LicensePage() override;

    void setNode(EstateSession *session, const QModelIndex &node) override;

    [[nodiscard]] TenantLicense *license() const { return m_license; }
    [[nodiscard]] QTableWidget *poolTable() const { return m_pool; }
    [[nodiscard]] QTableWidget *assignmentTable() const { return m_assignments; }
    [[nodiscard]] QLabel *autoAssignFlag() const { return m_flag; }
    [[nodiscard]] QLabel *settingsLabel() const { return m_settings; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }

private:
    void reload();
    void update();

    QPointer<EstateSession> m_session;
    TenantLicense *m_license = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_flag = nullptr;
    QLabel *m_settings = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_reload = nullptr;
    QTableWidget *m_pool = nullptr;
    QTableWidget *m_assignments = nullptr;
};
