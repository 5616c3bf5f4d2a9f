#pragma once

#include "resourcetablespec.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QPointer>

#include <vector>

// A detail table: the children of one node of a tree model (the estate), one row each, with the
// columns of a ResourceTableSpec. It follows the node as pages stream in (one insert per source
// insert), as rows change and when the node goes away, and never asks the network itself: the tree
// loads, the table shows. Cell values are read once per row change and kept, so data() is cheap.
class ResourceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTableModel)

public:
    enum class Role {
        SortKey = Qt::UserRole + 1, // the typed value (QDateTime, qint64, ...): sort by this
        Json, // the row's resource, as EstateModel::Role::Json gives it
    };
    Q_ENUM(Role)

    explicit ResourceTableModel(QObject *parent = nullptr);
    ~ResourceTableModel() override;

    // Shows the children of `parent` in `source`. `parent` must be a valid index of `source`.
    void setSource(QAbstractItemModel *source, const QModelIndex &parent, const ResourceTableSpec &spec);
    [[nodiscard]] const ResourceTableSpec &spec() const { return m_spec; }
    [[nodiscard]] QModelIndex sourceParent() const { return m_parent; }
    [[nodiscard]] QModelIndex sourceIndex(int row) const;
    [[nodiscard]] QJsonObject json(int row) const;
    [[nodiscard]] QStringList headers() const;
    // A row as text, as the table shows it (dates as yyyy-MM-dd HH:mm UTC, lists joined by ", ").
    [[nodiscard]] QStringList rowText(int row) const;
    // How a cell value reads as text.
    [[nodiscard]] static QString displayText(const QVariant &value);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The node itself changed (its load state, its error): pages show it above the table.
    void sourceNodeChanged();
    // The node was removed from the source (a refresh above it): the table is empty for good.
    void sourceNodeRemoved();

private:
    void detach();
    void rebuild();
    [[nodiscard]] QVariantList cellsOf(int sourceRow) const;
    [[nodiscard]] bool removesParent(const QModelIndex &parent, int first, int last) const;

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    QPointer<QAbstractItemModel> m_source;
    QPersistentModelIndex m_parent;
    ResourceTableSpec m_spec;
    std::vector<QVariantList> m_rows;
    bool m_removingRows = false;
    bool m_parentRemoved = false;
};
