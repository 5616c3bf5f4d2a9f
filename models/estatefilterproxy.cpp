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
    m_regionMatches.clear();
    // Connected before the base class connects its own slots, so the cache is gone before it
    // re-filters anything.
    if (model) {
        const auto forget = [this] { m_regionMatches.clear(); };
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
    if (normalized != m_text)
        setFilter(normalized, m_tag);
}

void EstateFilterProxy::setTagFilter(const QString &tag)
{
    const QString normalized = tag.trimmed().toLower();
    if (normalized != m_tag)
        setFilter(m_text, normalized);
}

QHash<int, EstateFilterProxy::RegionMatches> EstateFilterProxy::allRegionMatches() const
{
    const QModelIndex organization = m_estate->organizationIndex();
    const int regions = m_estate->rowCount(organization);
    for (int row = 0; row < regions; ++row)
        static_cast<void>(regionMatches(m_estate->index(row, 0, organization)));
    return m_regionMatches;
}

void EstateFilterProxy::setFilter(const QString &text, const QString &tag)
{
    if (!m_estate) {
        m_text = text;
        m_tag = tag;
        invalidateFilter();
        return;
    }
    // Typing on: only tenants that matched the shorter text can match the longer one.
    const bool narrowed = tag == m_tag && !m_text.isEmpty() && text.contains(m_text);
    const QHash<int, RegionMatches> before = allRegionMatches();
    m_text = text;
    m_tag = tag;
    if (!narrowed) {
        m_regionMatches.clear();
    } else {
        const QModelIndex organization = m_estate->organizationIndex();
        for (auto it = m_regionMatches.begin(); it != m_regionMatches.end(); ++it) {
            const QModelIndex region = m_estate->index(it.key(), 0, organization);
            RegionMatches &matches = it.value();
            for (qsizetype row = 0; row < matches.rows.size(); ++row) {
                if (matches.rows.testBit(row) && !tenantMatches(m_estate->index(int(row), 0, region))) {
                    matches.rows.clearBit(row);
                    --matches.count;
                }
            }
        }
    }
    const QHash<int, RegionMatches> after = allRegionMatches();
    qsizetype changed = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        changed += (it->rows ^ before.value(it.key()).rows).count(true);
    // QSortFilterProxyModel removes and inserts rows one run at a time, rebuilding its whole row
    // map after each run: tens of milliseconds when a keystroke hides or shows thousands of
    // scattered tenants. Past a few hundred, one layout change (which keeps expanded nodes, the
    // selection and the current item where they are still shown) costs a fraction of that.
    if (changed > kRowsChangedForLayout)
        invalidate();
    else
        invalidateFilter();
}

bool EstateFilterProxy::tenantMatches(const QModelIndex &tenant) const
{
    if (!m_tag.isEmpty() && !m_estate->tenantTags(tenant).contains(m_tag))
        return false;
    return m_text.isEmpty() || m_estate->matchesText(tenant, m_text);
}

const EstateFilterProxy::RegionMatches &EstateFilterProxy::regionMatches(const QModelIndex &region) const
{
    auto known = m_regionMatches.find(region.row());
    if (known != m_regionMatches.end())
        return *known;
    RegionMatches matches;
    const int tenants = m_estate->rowCount(region);
    matches.rows.resize(tenants);
    for (int row = 0; row < tenants; ++row) {
        if (tenantMatches(m_estate->index(row, 0, region))) {
            matches.rows.setBit(row);
            ++matches.count;
        }
    }
    return *m_regionMatches.insert(region.row(), std::move(matches));
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
        return regionMatches(index).count > 0;
    case EstateNodeKind::Tenant: {
        const RegionMatches &matches = regionMatches(sourceParent);
        return sourceRow < matches.rows.size() ? matches.rows.testBit(sourceRow) : tenantMatches(index);
    }
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
    const QModelIndex organization = m_estate->organizationIndex();
    const int regions = m_estate->rowCount(organization);
    int count = 0;
    for (int row = 0; row < regions; ++row)
        count += regionMatches(m_estate->index(row, 0, organization)).count;
    return count;
}
