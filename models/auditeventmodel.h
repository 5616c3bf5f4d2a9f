#pragma once

#include "cloud/resources/auditevent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

namespace Cloud {
class ApiRequest;
class CloudClient;
class Pager;
} // namespace Cloud

// A tenant's audit events (`GET /v1/audits`, FACTS §13), newest first, filtered by event type,
// user and time range on the server, and paged as the API pages: the first page on reload(), the
// next one (links.next.href, verbatim) on loadMore(). Users are named from the tenant's user list
// (loaded once per tenant), bot users (subject qlikbot\<clientId>, FACTS §2.3) marked as such.
class AuditEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditEventModel)

public:
    enum class Column { Time, EventType, User, Source, Resource, Count };
    enum class Role {
        EventId = Qt::UserRole + 1,
        UserId,
        IsBot, // the event's user is a bot user
        Json, // QJsonObject: the event as the server sent it
    };

    struct Filter
    {
        QString eventType; // exact, case sensitive (FACTS §13)
        QString userId;
        QDateTime from; // invalid: open
        QDateTime to;

        friend bool operator==(const Filter &, const Filter &) = default;
    };

    explicit AuditEventModel(Cloud::CloudClient *client, QObject *parent = nullptr);
    ~AuditEventModel() override;

    // The tenant to read (its hostname); clears the rows and forgets the user names.
    void setTenant(const QString &hostname);
    [[nodiscard]] QString tenant() const { return m_host; }
    void setFilter(const Filter &filter) { m_filter = filter; }
    [[nodiscard]] const Filter &filter() const { return m_filter; }
    // Events per page, 1..100 (FACTS §13); default 50.
    void setPageSize(int size);

    // Clears the rows and loads the first page with the current filter.
    void reload();
    // Appends the next page; false when there is none or a page is loading.
    bool loadMore();
    [[nodiscard]] bool canLoadMore() const { return !m_next.isEmpty() && !isLoading(); }
    [[nodiscard]] bool isLoading() const { return !m_request.isNull(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int pagesLoaded() const { return m_pages; }

    // The tenant's users by id (name, and whether a bot), as far as loaded.
    [[nodiscard]] QString userName(const QString &userId) const;
    [[nodiscard]] bool isBot(const QString &userId) const { return m_bots.contains(userId); }
    [[nodiscard]] QList<QPair<QString, QString>> users() const; // (id, shown name), by name
    [[nodiscard]] bool usersLoaded() const { return m_usersLoaded; }
    // The event types the tenant knows (`GET /v1/audits/types`), sorted; empty until they arrive.
    [[nodiscard]] QStringList eventTypes() const { return m_eventTypes; }

    [[nodiscard]] const QList<Cloud::AuditEvent> &events() const { return m_events; }
    [[nodiscard]] QStringList headers() const;
    [[nodiscard]] QStringList rowText(int row) const;
    [[nodiscard]] QJsonArray json() const;

    // The query of a first page for `filter` (for tests and logs).
    [[nodiscard]] static QUrlQuery queryFor(const Filter &filter, int pageSize);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived (rows were appended) or the user names became known.
    void pageLoaded();
    void loadFailed(const QString &message);
    void usersChanged();
    void eventTypesChanged();

private:
    void fetch(const QUrl &next);
    void loadUsers();
    void loadEventTypes();
    [[nodiscard]] QString userText(const QString &userId) const;

    QPointer<Cloud::CloudClient> m_client;
    QString m_host;
    Filter m_filter;
    int m_pageSize = 50;
    QList<Cloud::AuditEvent> m_events;
    QList<QJsonObject> m_raw;
    QUrl m_next;
    int m_pages = 0;
    QString m_error;
    QPointer<Cloud::ApiRequest> m_request;
    QPointer<Cloud::Pager> m_userPager;
    QHash<QString, QString> m_userNames;
    QSet<QString> m_bots;
    bool m_usersLoaded = false;
    QStringList m_eventTypes;
    QPointer<Cloud::ApiRequest> m_typesRequest;
    bool m_typesLoaded = false;
    quint64 m_generation = 0; // answers of an earlier tenant or filter are dropped
    quint64 m_tenantGeneration = 0; // answers about an earlier tenant are dropped
};
