#pragma once

#include "ui/detailpage.h"

#include <QPointer>

class AuditEventModel;
class EstateSession;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableView;
class QToolButton;

// A tenant's audit events (FACTS §13): filters for event type, user (bot users named as such) and
// time range, applied by the server; the API's pages one at a time with Load More; export of what
// is loaded to CSV or JSON (TableExport, written off the UI thread).
class AuditPage final : public DetailPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(QWidget *parent = nullptr);
    ~AuditPage() override;

    // `node`: the tenant (or anything below it).
    void setNode(EstateSession *session, const QModelIndex &node) override;
    [[nodiscard]] bool canExport() const override { return true; }
    void exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done) override;
    [[nodiscard]] QString exportName() const override;

    [[nodiscard]] AuditEventModel *eventModel() const { return m_model; }
    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] QComboBox *eventTypeBox() const { return m_eventType; }
    [[nodiscard]] QComboBox *userBox() const { return m_user; }
    [[nodiscard]] QCheckBox *fromCheck() const { return m_fromCheck; }
    [[nodiscard]] QCheckBox *toCheck() const { return m_toCheck; }
    [[nodiscard]] QDateTimeEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateTimeEdit *toEdit() const { return m_to; }
    [[nodiscard]] QPushButton *searchButton() const { return m_search; }
    [[nodiscard]] QPushButton *loadMoreButton() const { return m_loadMore; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

    // Runs the search with the filters as set.
    void search();

private:
    void updateStatus();
    void updateUsers();
    void updateEventTypes();
    void chooseExportFile(ExportFormat format);

    QPointer<EstateSession> m_session;
    AuditEventModel *m_model = nullptr;
    QComboBox *m_eventType = nullptr;
    QComboBox *m_user = nullptr;
    QCheckBox *m_fromCheck = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_search = nullptr;
    QPushButton *m_loadMore = nullptr;
    QToolButton *m_csv = nullptr;
    QToolButton *m_json = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
};
