#include "auditeventmodel.h"

#include "cloud/apicall.h"
#include "cloud/apipage.h"
#include "cloud/apirequest.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/resourcepage.h"
#include "cloud/resources/user.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int columns = static_cast<int>(AuditEventModel::Column::Count);
// FACTS §13: events are kept 90 days; an interval open at its start starts there.
constexpr int retentionDays = 90;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AuditEventModel::AuditEventModel(Cloud::CloudClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{ }

AuditEventModel::~AuditEventModel()
{
    if (m_request)
        m_request->cancel();
    if (m_userPager)
        m_userPager->cancel();
}

void AuditEventModel::setTenant(const QString &hostname)
{
    if (m_request)
        m_request->cancel();
    if (m_userPager)
        m_userPager->cancel();
    if (m_typesRequest)
        m_typesRequest->cancel();
    ++m_generation;
    ++m_tenantGeneration;
    m_eventTypes.clear();
    m_typesLoaded = false;
    beginResetModel();
    m_host = hostname;
    m_events.clear();
    m_raw.clear();
    m_next.clear();
    m_pages = 0;
    m_error.clear();
    m_userNames.clear();
    m_bots.clear();
    m_usersLoaded = false;
    endResetModel();
}

void AuditEventModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 100);
}

QUrlQuery AuditEventModel::queryFor(const Filter &filter, int pageSize)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(pageSize));
    query.addQueryItem(u"sort"_s, u"-eventTime"_s);
    if (!filter.eventType.isEmpty())
        query.addQueryItem(u"eventType"_s, filter.eventType);
    if (!filter.userId.isEmpty())
        query.addQueryItem(u"userId"_s, filter.userId);
    if (filter.from.isValid() || filter.to.isValid()) {
        // The spec's interval has both ends (FACTS §13): open ends become the retention limit and
        // a day past now.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime to = filter.to.isValid() ? filter.to : std::max(now.addDays(1), filter.from.addDays(1));
        const QDateTime from = filter.from.isValid() ? filter.from : to.addDays(-retentionDays);
        query.addQueryItem(u"eventTime"_s, isoTime(from) + u'/' + isoTime(to));
    }
    return query;
}

void AuditEventModel::reload()
{
    if (m_request)
        m_request->cancel();
    ++m_generation;
    beginResetModel();
    m_events.clear();
    m_raw.clear();
    m_next.clear();
    m_pages = 0;
    m_error.clear();
    endResetModel();
    if (!m_usersLoaded && !m_userPager)
        loadUsers();
    if (!m_typesLoaded && !m_typesRequest)
        loadEventTypes();
    fetch({});
}

void AuditEventModel::loadEventTypes()
{
    if (!m_client || m_host.isEmpty())
        return;
    const quint64 tenantGeneration = m_tenantGeneration;
    m_typesRequest = m_client->send(Cloud::ApiCall::get(m_host, u"/api/v1/audits/types"_s), this,
                                    [this, tenantGeneration](const Cloud::ApiResult &result) {
                                        if (tenantGeneration != m_tenantGeneration)
                                            return;
                                        m_typesRequest.clear();
                                        if (!result.ok())
                                            return; // the types seen in events, and typing, still work
                                        QStringList types;
                                        for (const auto &value : result.json().object().value(u"data"_s).toArray()) {
                                            if (value.isString() && !value.toString().isEmpty())
                                                types.append(value.toString());
                                        }
                                        types.sort();
                                        types.removeDuplicates();
                                        m_eventTypes = types;
                                        m_typesLoaded = true;
                                        Q_EMIT eventTypesChanged();
                                    });
}

bool AuditEventModel::loadMore()
{
    if (!canLoadMore())
        return false;
    fetch(m_next);
    return true;
}

void AuditEventModel::fetch(const QUrl &next)
{
    if (!m_client || m_host.isEmpty()) {
        m_error = tr("Not connected");
        Q_EMIT loadFailed(m_error);
        return;
    }
    const Cloud::ApiCall call = next.isEmpty()
        ? Cloud::ApiCall::get(m_host, u"/api/v1/audits"_s, queryFor(m_filter, m_pageSize))
        : Cloud::ApiCall::fromUrl("GET", next); // FACTS §14.1: links.next.href verbatim
    const quint64 generation = m_generation;
    m_request = m_client->send(call, this, [this, generation](const Cloud::ApiResult &result) {
        if (generation != m_generation)
            return;
        m_request.clear();
        Q_EMIT loadingChanged(false);
        if (!result.ok()) {
            m_error = tr("The audit events of %1 could not be loaded: %2").arg(m_host, result.error().message());
            Q_EMIT loadFailed(m_error);
            return;
        }
        QList<QJsonObject> raw;
        for (const auto &item : result.json().object().value(u"data"_s).toArray())
            raw.append(item.toObject());
        const auto page = Cloud::ResourcePage<Cloud::AuditEvent>::parse(result.response().body);
        if (!page.ok()) {
            m_error = tr("The audit events of %1 are not what the API describes: %2").arg(m_host, page.error);
            m_next.clear();
            Q_EMIT loadFailed(m_error);
            return;
        }
        m_error.clear();
        m_next = page.value->next;
        ++m_pages;
        const QList<Cloud::AuditEvent> &items = page.value->items;
        if (!items.isEmpty()) {
            const int first = static_cast<int>(m_events.size());
            beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
            m_events.append(items);
            m_raw.append(raw);
            endInsertRows();
        }
        Q_EMIT pageLoaded();
    });
    Q_EMIT loadingChanged(true);
}

void AuditEventModel::loadUsers()
{
    if (!m_client || m_host.isEmpty())
        return;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"100"_s);
    m_userPager = m_client->list(Cloud::ApiCall::get(m_host, u"/api/v1/users"_s, query));
    const quint64 generation = m_generation;
    connect(m_userPager, &Cloud::Pager::pageReceived, this, [this, generation](const Cloud::ApiPage &page) {
        if (generation != m_generation)
            return;
        const auto users = Cloud::ResourcePage<Cloud::User>::readItems(page.items, &Cloud::User::read);
        if (!users.ok())
            return; // names stay ids; the events are what matters here
        for (const Cloud::User &user : *users.value) {
            m_userNames.insert(user.id, user.name.isEmpty() ? user.subject : user.name);
            if (user.isBot())
                m_bots.insert(user.id);
        }
    });
    connect(m_userPager, &Cloud::Pager::finished, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_usersLoaded = true;
        if (!m_events.isEmpty())
            Q_EMIT dataChanged(index(0, int(Column::User)), index(rowCount() - 1, int(Column::User)));
        Q_EMIT usersChanged();
    });
}

QString AuditEventModel::userName(const QString &userId) const
{
    return m_userNames.value(userId);
}

QString AuditEventModel::userText(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    const QString name = m_userNames.value(userId, userId);
    return m_bots.contains(userId) ? tr("%1 (bot user)").arg(name) : name;
}

QList<QPair<QString, QString>> AuditEventModel::users() const
{
    QList<QPair<QString, QString>> list;
    for (auto it = m_userNames.cbegin(); it != m_userNames.cend(); ++it)
        list.append({it.key(), userText(it.key())});
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return a.second.compare(b.second, Qt::CaseInsensitive) < 0; });
    return list;
}

QStringList AuditEventModel::headers() const
{
    QStringList list;
    for (int c = 0; c < columns; ++c)
        list.append(headerData(c, Qt::Horizontal).toString());
    return list;
}

QStringList AuditEventModel::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < columns; ++c)
        cells.append(data(index(row, c)).toString());
    return cells;
}

QJsonArray AuditEventModel::json() const
{
    QJsonArray array;
    for (const QJsonObject &object : m_raw)
        array.append(object);
    return array;
}

int AuditEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AuditEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns;
}

QVariant AuditEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cloud::AuditEvent &event = m_events.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (static_cast<Column>(index.column())) {
        case Column::Time:
            return event.eventTime.toUTC().toString(Qt::ISODate);
        case Column::EventType:
            return event.eventType;
        case Column::User:
            return userText(event.userId);
        case Column::Source:
            return event.source;
        case Column::Resource:
            return event.topLevelResourceId.isEmpty() ? event.data.value(u"id"_s).toString() : event.topLevelResourceId;
        case Column::Count:
            break;
        }
        return {};
    }
    switch (static_cast<Role>(role)) {
    case Role::EventId:
        return event.id;
    case Role::UserId:
        return event.userId;
    case Role::IsBot:
        return m_bots.contains(event.userId);
    case Role::Json:
        return QVariant::fromValue(m_raw.at(index.row()));
    }
    return {};
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Column::Time:
        return tr("Time (UTC)");
    case Column::EventType:
        return tr("Event type");
    case Column::User:
        return tr("User");
    case Column::Source:
        return tr("Source");
    case Column::Resource:
        return tr("Resource");
    case Column::Count:
        break;
    }
    return {};
}
