#include "estatefilterproxy.h"

#include "estatemodel.h"

EstateFilterProxy::EstateFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Rows are re-checked when the source says they changed (a region's count after a page of
    // tenants, a tenant's tags), so matches that arrive while loading appear.
    setDynamicSortFilter(true);
}

EstateFilterProxy::~EstateFilterProxy() = default;

void EstateFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        sourceModel()->disconnect(this);
    m_estate = qobject_cast<EstateModel *>(model);
    m_regionHasMatch.clear();
    // Connected before the base class connects its own slots, so the cache is gone before it
    // re-filters anything.
    if (model) {
        const auto forget = [this] { m_regionHasMatch.clear(); };
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::rowsMoved, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void EstateFilterProxy::setFilterText(const QString &text)
{
    const QString normalized = text.trimmed().toLower();
    if (normalized == m_text)
        return;
    m_text = normalized;
    filterChanged();
}

void EstateFilterProxy::setTagFilter(const QString &tag)
{
    const QString normalized = tag.trimmed().toLower();
    if (normalized == m_tag)
        return;
    m_tag = normalized;
    filterChanged();
}

void EstateFilterProxy::filterChanged()
{
    m_regionHasMatch.clear();
    invalidateFilter();
}

bool EstateFilterProxy::tenantMatches(const QModelIndex &tenant) const
{
    if (!m_tag.isEmpty() && !m_estate->tenantTags(tenant).contains(m_tag))
        return false;
    return m_text.isEmpty() || m_estate->matchesText(tenant, m_text);
}

bool EstateFilterProxy::regionHasMatch(const QModelIndex &region) const
{
    const auto known = m_regionHasMatch.constFind(region.internalPointer());
    if (known != m_regionHasMatch.cend())
        return *known;
    bool match = false;
    const int tenants = m_estate->rowCount(region);
    for (int row = 0; row < tenants && !match; ++row)
        match = tenantMatches(m_estate->index(row, 0, region));
    m_regionHasMatch.insert(region.internalPointer(), match);
    return match;
}

bool EstateFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_estate || !isFiltering())
        return true;
    const QModelIndex index = m_estate->index(sourceRow, 0, sourceParent);
    switch (m_estate->kind(index)) {
    case EstateNodeKind::Organization:
        return true;
    case EstateNodeKind::Region:
        return regionHasMatch(index);
    case EstateNodeKind::Tenant:
        return tenantMatches(index);
    default:
        // Below a tenant that is shown, everything is.
        return true;
    }
}

int EstateFilterProxy::matchingTenantCount() const
{
    if (!m_estate)
        return 0;
    if (!isFiltering())
        return m_estate->tenantCount();
    int count = 0;
    m_estate->forEachTenant([this, &count](const QModelIndex &tenant) { count += tenantMatches(tenant) ? 1 : 0; });
    return count;
}
