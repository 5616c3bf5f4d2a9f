#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

class EstateModel;

// The estate tree's type-ahead filter: keeps the tenants whose name, hostnames (alias included),
// id, label or tags contain the text, and optionally only those carrying one tag; regions stay
// while they hold a match, the organization always. Nodes below a kept tenant all stay.
// The setters return early when nothing changed (STYLE.md §10): typing the same text costs nothing.
class EstateFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EstateFilterProxy)

public:
    explicit EstateFilterProxy(QObject *parent = nullptr);
    ~EstateFilterProxy() override;

    void setSourceModel(QAbstractItemModel *model) override;
    [[nodiscard]] EstateModel *estateModel() const { return m_estate; }

    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    // Only tenants carrying this tag ("" for any).
    void setTagFilter(const QString &tag);
    [[nodiscard]] QString tagFilter() const { return m_tag; }
    [[nodiscard]] bool isFiltering() const { return !m_text.isEmpty() || !m_tag.isEmpty(); }
    // Tenants shown with the current filter.
    [[nodiscard]] int matchingTenantCount() const;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    [[nodiscard]] bool tenantMatches(const QModelIndex &tenant) const;
    [[nodiscard]] bool regionHasMatch(const QModelIndex &region) const;
    void filterChanged();

    EstateModel *m_estate = nullptr;
    // Whether a region holds a match, per region node, until the filter or the source changes:
    // QSortFilterProxyModel asks about a region as often as its rows change.
    mutable QHash<const void *, bool> m_regionHasMatch;
    QString m_text; // trimmed, lower case
    QString m_tag;
};
