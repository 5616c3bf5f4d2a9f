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
    m_estate = qobject_cast<EstateModel *>(model);
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
    const int tenants = m_estate->rowCount(region);
    for (int row = 0; row < tenants; ++row) {
        if (tenantMatches(m_estate->index(row, 0, region)))
            return true;
    }
    return false;
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
