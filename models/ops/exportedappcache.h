#pragma once

#include "ops/steperror.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Cloud {
class ApiResult;
class CloudClient;
struct ApiCall;
} // namespace Cloud

namespace Ops {

// The source apps of a rollout (issue 7), read and exported once per job however many targets
// publish them: the first publish step that asks starts the work, the others of the same job wait
// for its answer. Answers are kept 30 minutes (temp contents live an hour, FACTS §10.3); failures
// are not kept, so a retry asks again.
class ExportedAppCache : public QObject
{
    Q_OBJECT

public:
    // Where a source app is: its tenant, and the credentials to read it with.
    struct Source
    {
        QString jobId;
        QString host; // the source tenant
        QString profile; // empty: the client chooses by the host
        QString region;
        QString app; // an app id (UUID) or an exact app name
    };

    // The source app as read before exporting it.
    struct SourceApp
    {
        QString id;
        QString name;
        QString description;
        QString spaceId;
        QString spaceType; // shared | managed | data; empty in a personal space
        QDateTime modifiedDate;
        QDateTime lastReloadTime;

        // When the app last changed in a way a publish carries (its attributes or its data): the
        // later of modifiedDate and lastReloadTime. A published copy made after it is up to date.
        [[nodiscard]] QDateTime changed() const;
    };

    using SourceDone = std::function<void(const SourceApp &app, const StepError &error)>;
    using ExportDone = std::function<void(const QByteArray &qvf, const StepError &error)>;

    explicit ExportedAppCache(QObject *parent = nullptr);
    ~ExportedAppCache() override;
    Q_DISABLE_COPY_MOVE(ExportedAppCache)

    // The one the built-in publish steps share.
    [[nodiscard]] static ExportedAppCache *shared();

    // Resolves `source.app` (id, or exact name through the items catalog, FACTS §11.1) and reads
    // the app and its space. `done` runs later, unless `context` is gone by then.
    void sourceApp(Cloud::CloudClient *cloud, const Source &source, const QObject *context, SourceDone done);
    // The app's .qvf bytes: POST export, then GET its Location (FACTS §10.2). When the bot is not a
    // member of the app's shared space (403), it joins it as consumer first (FACTS §16 step 17).
    void exportedApp(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app, const QObject *context,
                     ExportDone done);

    // The bytes of a local app file (see LocalAppFile), read once per job like an export, on a pool
    // thread (a .qvf can be hundreds of megabytes), never within the call. A file that changed or
    // went away since it was inspected fails with a message naming it.
    void localFile(const QString &jobId, const QString &path, const QObject *context, ExportDone done);

    // Exports made since start (for tests and benchmarks: each app once per job).
    [[nodiscard]] int exportCount() const { return m_exports; }

private:
    struct Entry;
    [[nodiscard]] static QString keyOf(const Source &source, const QString &what);
    std::shared_ptr<Entry> entry(const QString &key, bool *isNew);
    // `key`'s entry with `answer` waiting on it, or answered later when the entry is settled already.
    // `isNew` says the entry was just made: the caller starts the work that settles it.
    std::shared_ptr<Entry> await(const QString &key, const QObject *context, std::function<void(const Entry &)> answer,
                                 bool *isNew);
    void settle(const QString &key, const std::shared_ptr<Entry> &entry);
    void resolve(Cloud::CloudClient *cloud, const Source &source, const QString &key);
    void readApp(Cloud::CloudClient *cloud, const Source &source, const QString &key, const QString &appId);
    void startExport(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app, const QString &key,
                     bool joined);
    void joinSpace(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app, const QString &key);
    void download(Cloud::CloudClient *cloud, const Source &source, const QString &key, const QString &location);
    // Reads a local app file on a pool thread; fileRead() takes the bytes or the problem back.
    void readFile(const QString &path, const QString &key);
    void fileRead(const QString &key, const QByteArray &bytes, const QString &problem);
    void failEntry(const QString &key, const StepError &error);
    [[nodiscard]] Cloud::ApiCall sourceCall(const Source &source, const QByteArray &method, const QString &path) const;
    void dropExpired();

    QHash<QString, std::shared_ptr<Entry>> m_entries;
    int m_exports = 0;
};

} // namespace Ops
