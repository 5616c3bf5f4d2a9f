#include "ownershiptablemodel.h"

#include <QMap>

using namespace Qt::Literals::StringLiterals;

OwnershipTableModel::OwnershipTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

OwnershipTableModel::~OwnershipTableModel() = default;

void OwnershipTableModel::setResults(const QList<Cloud::TenantOwnership> &results)
{
    beginResetModel();
    m_results = results;
    m_rows.clear();
    for (qsizetype t = 0; t < m_results.size(); ++t) {
        for (qsizetype r = 0; r < m_results.at(t).resources.size(); ++r)
            m_rows.append({int(t), int(r)});
    }
    endResetModel();
}

void OwnershipTableModel::clear()
{
    setResults({});
}

QStringList OwnershipTableModel::headers() const
{
    QStringList headers;
    for (int c = 0; c < int(Column::Count); ++c)
        headers.append(headerData(c, Qt::Horizontal).toString());
    return headers;
}

QString OwnershipTableModel::ownerText(const Cloud::TenantOwnership &tenant, const QString &userId)
{
    if (const Cloud::BotIdentity *bot = tenant.bot(userId))
        return u"%1 (%2)"_s.arg(bot->user.name.isEmpty() ? u"bot"_s : bot->user.name, bot->user.subject);
    if (const Cloud::User *owner = tenant.owner(userId))
        return owner->subject.isEmpty() ? owner->name : u"%1 <%2>"_s.arg(owner->name, owner->subject);
    return userId;
}

QString OwnershipTableModel::standingText(const Cloud::TenantOwnership &tenant, const QString &userId)
{
    const Cloud::BotIdentity *bot = tenant.bot(userId);
    return bot ? Cloud::BotIdentity::standingName(bot->standing) : u"user"_s;
}

QStringList OwnershipTableModel::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < int(Column::Count); ++c)
        cells.append(data(index(row, c)).toString());
    return cells;
}

QJsonObject OwnershipTableModel::json(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Cloud::TenantOwnership &tenant = m_results.at(m_rows.at(row).tenant);
    const Cloud::OwnedResource &resource = tenant.resources.at(m_rows.at(row).resource);
    QJsonObject json = resource.toJson();
    json.insert(u"tenant"_s, tenant.hostname);
    const Cloud::User *owner = tenant.owner(resource.ownerId);
    const Cloud::BotIdentity *bot = tenant.bot(resource.ownerId);
    json.insert(u"ownerSubject"_s, bot ? bot->user.subject : (owner ? owner->subject : QString()));
    json.insert(u"ownerStanding"_s, standingText(tenant, resource.ownerId));
    return json;
}

QStringList OwnershipTableModel::summary() const
{
    QStringList lines;
    for (const Cloud::TenantOwnership &tenant : m_results) {
        QMap<QString, int> counts; // owner id → items
        for (const Cloud::OwnedResource &resource : tenant.resources)
            ++counts[resource.ownerId];
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const QString standing = standingText(tenant, it.key());
            parts.append(u"%1 [%2] %3"_s.arg(ownerText(tenant, it.key()), standing).arg(it.value()));
        }
        QString line = tenant.hostname + u": "_s;
        line += parts.isEmpty() ? u"nothing owned by the selection"_s : parts.join(u", "_s);
        if (!tenant.error.isEmpty())
            line += u" — incomplete: "_s + tenant.error;
        lines.append(line);
    }
    return lines;
}

QStringList OwnershipTableModel::botLines() const
{
    QStringList lines;
    for (const Cloud::TenantOwnership &tenant : m_results) {
        QStringList bots;
        for (const Cloud::BotIdentity &bot : tenant.bots) {
            const QString activity = bot.lastActivity.isValid()
                ? tr("last active %1").arg(bot.lastActivity.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
                : tr("no audit event");
            bots.append(u"%1 [%2] %3"_s.arg(bot.user.name.isEmpty() ? bot.user.subject : bot.user.name,
                                            Cloud::BotIdentity::standingName(bot.standing), activity));
        }
        if (!bots.isEmpty())
            lines.append(tr("%1 bots: %2").arg(tenant.hostname, bots.join(u", "_s)));
    }
    return lines;
}

QStringList OwnershipTableModel::tenantAdminFindings(const QStringList &partnerDomains) const
{
    QStringList lines;
    for (const Cloud::TenantOwnership &tenant : m_results) {
        for (const Cloud::User &admin : tenant.customerAdmins(partnerDomains))
            lines.append(tr("%1: TenantAdmin held by %2 <%3>").arg(tenant.hostname, admin.name, admin.email));
    }
    return lines;
}

int OwnershipTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OwnershipTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant OwnershipTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cloud::TenantOwnership &tenant = m_results.at(m_rows.at(index.row()).tenant);
    const Cloud::OwnedResource &resource = tenant.resources.at(m_rows.at(index.row()).resource);
    if (role == int(Role::Json))
        return json(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != int(Role::SortKey))
        return {};
    switch (Column(index.column())) {
    case Column::Tenant:
        return tenant.hostname;
    case Column::Owner:
        return ownerText(tenant, resource.ownerId);
    case Column::Standing:
        return standingText(tenant, resource.ownerId);
    case Column::Type:
        return resource.type;
    case Column::Name:
        return resource.name;
    case Column::Id:
        return resource.id;
    case Column::Space:
        return resource.spaceId.isEmpty() ? u"personal"_s : resource.spaceId;
    case Column::Created:
        if (role == int(Role::SortKey))
            return resource.createdAt;
        return resource.createdAt.isValid() ? resource.createdAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
    case Column::Count:
        break;
    }
    return {};
}

QVariant OwnershipTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Tenant:
        return tr("Tenant");
    case Column::Owner:
        return tr("Owner");
    case Column::Standing:
        return tr("Standing");
    case Column::Type:
        return tr("Type");
    case Column::Name:
        return tr("Name");
    case Column::Id:
        return tr("Id");
    case Column::Space:
        return tr("Space");
    case Column::Created:
        return tr("Created");
    case Column::Count:
        break;
    }
    return {};
}
