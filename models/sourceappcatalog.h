#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Cloud {
class CloudClient;
class Pager;
} // namespace Cloud

// The apps a rollout may publish from a source tenant (issue 7): the apps of its shared spaces,
// read from the spaces list and the items catalog (FACTS §11.1; an app of a managed space is a
// published copy and cannot be exported, FACTS §10.2). Loads on the event loop: the spaces, then the
// apps of every shared space in parallel; `finished` once, with the apps or what went wrong.
class SourceAppCatalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceAppCatalog)

public:
    struct App
    {
        QString id;
        QString name;
        QString spaceId;
        QString spaceName;
        QDateTime updated; // the app's last change as the catalog reports it
    };

    explicit SourceAppCatalog(QObject *parent = nullptr);
    ~SourceAppCatalog() override;

    void setCloudClient(Cloud::CloudClient *client);
    // Loads the apps of `hostname` (its region when the hostname does not tell), replacing what was
    // loaded and cancelling a load in progress.
    void load(const QString &hostname, const QString &regionId = {});
    void cancel();

    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    [[nodiscard]] QString hostname() const { return m_hostname; }
    // Sorted by space, then name.
    [[nodiscard]] const QList<App> &apps() const { return m_apps; }
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    // The load of `hostname` ended: apps() holds its apps, errorString() says what failed.
    void finished(const QString &hostname);

private:
    void listApps(const QString &spaceId, const QString &spaceName);
    void pagerFinished(quint64 generation, const QString &error);

    QPointer<Cloud::CloudClient> m_client;
    QString m_hostname;
    QString m_regionId;
    quint64 m_generation = 0;
    int m_pending = 0;
    QList<QPointer<Cloud::Pager>> m_pagers;
    QList<App> m_apps;
    QString m_error;
};
