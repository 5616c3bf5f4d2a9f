#pragma once

#include <QBitArray>
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
    // Which tenants of one region match, by source row, and how many.
    struct RegionMatches
    {
        QBitArray rows;
        int count = 0;
    };

    [[nodiscard]] bool tenantMatches(const QModelIndex &tenant) const;
    // Above this many tenants hidden or shown by one change of the filter, the proxy announces a
    // layout change instead of removing and inserting rows run by run.
    static constexpr qsizetype kRowsChangedForLayout = 256;

    // `region` is a region of the source; its matches are computed when not known.
    [[nodiscard]] const RegionMatches &regionMatches(const QModelIndex &region) const;
    // The matches of every region (computed where not known yet).
    [[nodiscard]] QHash<int, RegionMatches> allRegionMatches() const;
    void setFilter(const QString &text, const QString &tag);

    EstateModel *m_estate = nullptr;
    // The matches of each region, per region node, until the filter or the source changes: one
    // walk over a region's tenants answers the region's row, each tenant's row and the count in
    // the status bar, so a keystroke over 20,000 tenants tests each of them once.
    // Keyed by the region's row: any change of the source's rows drops them all.
    mutable QHash<int, RegionMatches> m_regionMatches;
    QString m_text; // trimmed, lower case
    QString m_tag;
};
