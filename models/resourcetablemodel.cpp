#include "resourcetablemodel.h"

#include "estatemodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

ResourceTableModel::ResourceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ResourceTableModel::~ResourceTableModel() = default;

void ResourceTableModel::detach()
{
    if (m_source)
        m_source->disconnect(this);
    m_source = nullptr;
    m_parent = QPersistentModelIndex();
}

void ResourceTableModel::setSource(QAbstractItemModel *source, const QModelIndex &parent, const ResourceTableSpec &spec)
{
    beginResetModel();
    detach();
    m_source = source;
    m_parent = parent;
    m_spec = spec;
    m_parentRemoved = false;
    m_rows.clear();
    if (source) {
        connect(source, &QAbstractItemModel::rowsInserted, this, &ResourceTableModel::onRowsInserted);
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, &ResourceTableModel::onRowsAboutToBeRemoved);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &ResourceTableModel::onRowsRemoved);
        connect(source, &QAbstractItemModel::dataChanged, this, &ResourceTableModel::onDataChanged);
        // Moves and resets are rare (a tenant changing region, a reload): start over.
        connect(source, &QAbstractItemModel::rowsMoved, this, &ResourceTableModel::rebuild);
        connect(source, &QAbstractItemModel::layoutChanged, this, &ResourceTableModel::rebuild);
        connect(source, &QAbstractItemModel::modelReset, this, [this] {
            beginResetModel();
            m_rows.clear();
            endResetModel();
            if (!m_parent.isValid()) {
                m_parentRemoved = true;
                Q_EMIT sourceNodeRemoved();
            }
        });
        const int count = parent.isValid() ? source->rowCount(parent) : 0;
        m_rows.reserve(static_cast<size_t>(count));
        for (int row = 0; row < count; ++row)
            m_rows.push_back(cellsOf(row));
    }
    endResetModel();
}

void ResourceTableModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_source && m_parent.isValid()) {
        const int count = m_source->rowCount(m_parent);
        for (int row = 0; row < count; ++row)
            m_rows.push_back(cellsOf(row));
    }
    endResetModel();
}

QVariantList ResourceTableModel::cellsOf(int sourceRow) const
{
    QVariantList cells;
    const QModelIndex index = m_source->index(sourceRow, 0, m_parent);
    cells.reserve(m_spec.columns.size());
    for (const ResourceColumn &column : m_spec.columns)
        cells.append(column.value(index));
    return cells;
}

QModelIndex ResourceTableModel::sourceIndex(int row) const
{
    if (!m_source || !m_parent.isValid() || row < 0 || row >= rowCount())
        return {};
    return m_source->index(row, 0, m_parent);
}

QJsonObject ResourceTableModel::json(int row) const
{
    return sourceIndex(row).data(static_cast<int>(EstateModel::Role::Json)).toJsonObject();
}

QStringList ResourceTableModel::headers() const
{
    QStringList titles;
    for (const ResourceColumn &column : m_spec.columns)
        titles.append(column.title);
    return titles;
}

QString ResourceTableModel::displayText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QDateTime: {
        const QDateTime time = value.toDateTime();
        return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
    }
    case QMetaType::QStringList:
        return value.toStringList().join(u", "_s);
    case QMetaType::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    default:
        return value.toString();
    }
}

QStringList ResourceTableModel::rowText(int row) const
{
    QStringList text;
    if (row < 0 || row >= rowCount())
        return text;
    for (const QVariant &cell : m_rows[static_cast<size_t>(row)])
        text.append(displayText(cell));
    return text;
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_spec.columns.size());
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &cell = m_rows[static_cast<size_t>(index.row())].at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return displayText(cell);
    case Qt::TextAlignmentRole:
        return cell.typeId() == QMetaType::LongLong || cell.typeId() == QMetaType::Int
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    default:
        break;
    }
    if (role == static_cast<int>(Role::SortKey)) {
        // QStringList does not compare; its text does.
        return cell.typeId() == QMetaType::QStringList ? QVariant(displayText(cell)) : cell;
    }
    if (role == static_cast<int>(Role::Json))
        return json(index.row());
    return {};
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_spec.columns.at(section).title;
}

bool ResourceTableModel::removesParent(const QModelIndex &parent, int first, int last) const
{
    for (QModelIndex node = m_parent; node.isValid(); node = node.parent()) {
        if (node.parent() == parent && node.row() >= first && node.row() <= last)
            return true;
    }
    return false;
}

void ResourceTableModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!m_parent.isValid() || parent != m_parent)
        return;
    beginInsertRows({}, first, last);
    std::vector<QVariantList> cells;
    cells.reserve(static_cast<size_t>(last - first + 1));
    for (int row = first; row <= last; ++row)
        cells.push_back(cellsOf(row));
    m_rows.insert(m_rows.begin() + first, std::make_move_iterator(cells.begin()), std::make_move_iterator(cells.end()));
    endInsertRows();
}

void ResourceTableModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (!m_parent.isValid())
        return;
    if (parent == m_parent) {
        beginRemoveRows({}, first, last);
        m_removingRows = true;
    } else if (removesParent(parent, first, last)) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        m_parentRemoved = true;
    }
}

void ResourceTableModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    Q_UNUSED(parent)
    if (m_removingRows) {
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_removingRows = false;
        endRemoveRows();
    }
    if (m_parentRemoved && !m_parent.isValid()) {
        detach();
        Q_EMIT sourceNodeRemoved();
    }
}

void ResourceTableModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!m_parent.isValid())
        return;
    if (topLeft.parent() == m_parent) {
        for (int row = topLeft.row(); row <= bottomRight.row() && row < rowCount(); ++row)
            m_rows[static_cast<size_t>(row)] = cellsOf(row);
        Q_EMIT dataChanged(index(topLeft.row(), 0), index(bottomRight.row(), columnCount() - 1));
        return;
    }
    if (topLeft.parent() == m_parent.parent() && topLeft.row() <= m_parent.row() && m_parent.row() <= bottomRight.row())
        Q_EMIT sourceNodeChanged();
}
