#pragma once

#include "ui/detailpage.h"

#include <QPointer>

class EstateModel;
class PropertiesView;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class ResourceTableModel;

// A table of a node's children — the spaces of a tenant, the apps of a space, users with their
// roles, bot users, the tenants of a region — with sort (header), filter (as you type), multi-select,
// Ctrl+C as TSV, export to CSV and JSON, and the selected row's properties beside it. Rows appear
// as the tree's pages arrive; a failed load shows its error above the table with a Retry button.
class ResourceTablePage final : public DetailPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTablePage)

public:
    explicit ResourceTablePage(QWidget *parent = nullptr);
    ~ResourceTablePage() override;

    void setNode(EstateSession *session, const QModelIndex &node) override;
    [[nodiscard]] bool canExport() const override { return true; }
    bool copySelection() override;
    void exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done) override;
    [[nodiscard]] QString exportName() const override;

    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] ResourceTableModel *tableModel() const { return m_model; }
    [[nodiscard]] PropertiesView *propertiesView() const { return m_properties; }
    // Table rows in view order (filtered, sorted) as text.
    [[nodiscard]] QList<QStringList> shownRows() const;
    // Selected rows in view order as text.
    [[nodiscard]] QList<QStringList> selectedRows() const;

private:
    void updateBanner();
    void updateCount();
    void showCurrentProperties();
    void chooseExportFile(ExportFormat format);
    [[nodiscard]] QList<int> shownSourceRows() const;

    QPointer<EstateModel> m_estate;
    ResourceTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_csvButton = nullptr;
    QToolButton *m_jsonButton = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_retry = nullptr;
    QTableView *m_table = nullptr;
    PropertiesView *m_properties = nullptr;
    bool m_columnsSized = false;
};
