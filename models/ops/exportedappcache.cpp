#include "ops/exportedappcache.h"

#include "ops/cloudstep.h"
#include "ops/localappfile.h"

#include "cloud/apicall.h"
#include "cloud/apipage.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/app.h"
#include "cloud/resources/item.h"
#include "cloud/resources/parsed.h"
#include "cloud/resources/space.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThreadPool>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

constexpr qint64 kKeepSeconds = 1800; // 30 minutes

bool looksLikeAppId(const QString &text)
{
    static const QRegularExpression uuid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return uuid.match(text).hasMatch();
}

StepError failure(const Cloud::ApiError &error, const QString &what)
{
    StepError step = CloudStep::errorFor(error);
    step.message = what + u": "_s + step.message;
    return step;
}

} // namespace

struct ExportedAppCache::Entry
{
    struct Waiter
    {
        QPointer<const QObject> context;
        std::function<void(const Entry &)> done;
    };
    bool settled = false;
    SourceApp app;
    QByteArray qvf;
    StepError error;
    bool failed = false;
    QDateTime at;
    QList<Waiter> waiters;
};

QDateTime ExportedAppCache::SourceApp::changed() const
{
    if (!lastReloadTime.isValid())
        return modifiedDate;
    if (!modifiedDate.isValid())
        return lastReloadTime;
    return std::max(modifiedDate, lastReloadTime);
}

ExportedAppCache::ExportedAppCache(QObject *parent)
    : QObject(parent)
{ }

ExportedAppCache::~ExportedAppCache() = default;

ExportedAppCache *ExportedAppCache::shared()
{
    // Parented to the application, so it goes with the event loop it answers from.
    static QPointer<ExportedAppCache> cache;
    if (!cache)
        cache = new ExportedAppCache(QCoreApplication::instance());
    return cache;
}

QString ExportedAppCache::keyOf(const Source &source, const QString &what)
{
    return what + u'\n' + source.jobId + u'\n' + source.host.toLower() + u'\n' + source.app;
}

std::shared_ptr<ExportedAppCache::Entry> ExportedAppCache::entry(const QString &key, bool *isNew)
{
    dropExpired();
    std::shared_ptr<Entry> &slot = m_entries[key];
    *isNew = !slot;
    if (!slot)
        slot = std::make_shared<Entry>();
    return slot;
}

std::shared_ptr<ExportedAppCache::Entry> ExportedAppCache::await(const QString &key, const QObject *context,
                                                                 std::function<void(const Entry &)> answer, bool *isNew)
{
    const std::shared_ptr<Entry> found = entry(key, isNew);
    if (found->settled) {
        // Never answer from within the call.
        QMetaObject::invokeMethod(
            this,
            [found, context = QPointer<const QObject>(context), answer = std::move(answer)] {
                if (context)
                    answer(*found);
            },
            Qt::QueuedConnection);
        return found;
    }
    found->waiters.append({context, std::move(answer)});
    return found;
}

void ExportedAppCache::dropExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_entries.removeIf(
        [&now](const auto &item) { return item.value()->settled && item.value()->at.secsTo(now) > kKeepSeconds; });
}

void ExportedAppCache::settle(const QString &key, const std::shared_ptr<Entry> &entry)
{
    entry->settled = true;
    entry->at = QDateTime::currentDateTimeUtc();
    const QList<Entry::Waiter> waiters = std::exchange(entry->waiters, {});
    // A failure is answered to those who waited, then forgotten: the next ask tries again.
    if (entry->failed && m_entries.value(key) == entry)
        m_entries.remove(key);
    for (const Entry::Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(*entry);
    }
}

void ExportedAppCache::failEntry(const QString &key, const StepError &error)
{
    const std::shared_ptr<Entry> found = m_entries.value(key);
    if (!found)
        return;
    found->failed = true;
    found->error = error;
    settle(key, found);
}

Cloud::ApiCall ExportedAppCache::sourceCall(const Source &source, const QByteArray &method, const QString &path) const
{
    Cloud::ApiCall call;
    call.method = method;
    call.host = source.host;
    call.path = path;
    call.profileName = source.profile;
    call.regionHint = source.region;
    return call;
}

void ExportedAppCache::sourceApp(Cloud::CloudClient *cloud, const Source &source, const QObject *context,
                                 SourceDone done)
{
    const QString key = keyOf(source, u"app"_s);
    bool isNew = false;
    static_cast<void>(await(
        key, context,
        [done = std::move(done)](const Entry &entry) { done(entry.app, entry.failed ? entry.error : StepError{}); },
        &isNew));
    if (isNew)
        resolve(cloud, source, key);
}

void ExportedAppCache::resolve(Cloud::CloudClient *cloud, const Source &source, const QString &key)
{
    if (looksLikeAppId(source.app)) {
        readApp(cloud, source, key, source.app);
        return;
    }
    // FACTS §11.1: `name` is a search; the exact, case-insensitive name is chosen below. Published
    // copies (with an originAppId) are not sources.
    Cloud::ApiCall call = sourceCall(source, "GET", u"/api/v1/items"_s);
    call.query = QUrlQuery{
        {u"resourceType"_s, u"app"_s}, {u"name"_s, source.app}, {u"limit"_s, u"100"_s}, {u"noActions"_s, u"true"_s}};
    Cloud::Pager *pager = cloud->list(call);
    auto ids = std::make_shared<QStringList>();
    auto malformed = std::make_shared<QString>();
    connect(pager, &Cloud::Pager::pageReceived, this, [ids, malformed, source](const Cloud::ApiPage &page) {
        for (const QJsonValue value : page.items) {
            Cloud::JsonReader reader(value.toObject());
            const Cloud::Item item = Cloud::Item::read(reader);
            if (!reader.ok()) {
                *malformed = reader.error();
                continue;
            }
            if (item.app && item.app->originAppId.isEmpty()
                && item.app->name.compare(source.app, Qt::CaseInsensitive) == 0)
                ids->append(item.resourceId.isEmpty() ? item.app->id : item.resourceId);
        }
    });
    connect(pager, &Cloud::Pager::finished, this, [this, cloud, source, key, ids](const Cloud::ApiError &error) {
        if (!error.isNull()) {
            failEntry(key, failure(error, u"looking up app '%1' on %2"_s.arg(source.app, source.host)));
            return;
        }
        ids->removeDuplicates();
        if (ids->isEmpty()) {
            failEntry(key,
                      StepError::failed(u"there is no app named '%1' on %2 (outside managed spaces) that this "
                                        u"client can read"_s.arg(source.app, source.host)));
            return;
        }
        if (ids->size() > 1) {
            failEntry(key,
                      StepError::failed(
                          u"%1 apps on %2 are named '%3' (%4); name the one to publish by its id"_s.arg(ids->size())
                              .arg(source.host, source.app, ids->join(u", "_s))));
            return;
        }
        readApp(cloud, source, key, ids->first());
    });
}

void ExportedAppCache::readApp(Cloud::CloudClient *cloud, const Source &source, const QString &key,
                               const QString &appId)
{
    cloud->send(
        sourceCall(source, "GET", u"/api/v1/apps/"_s + appId), this,
        [this, cloud, source, key, appId](const Cloud::ApiResult &result) {
            if (!result.ok()) {
                failEntry(key, failure(result.error(), u"reading source app %1 on %2"_s.arg(appId, source.host)));
                return;
            }
            const Cloud::Parsed<Cloud::App> app = Cloud::parseResource<Cloud::App>(result.response().body);
            if (!app.ok()) {
                failEntry(key,
                          StepError::failed(u"GET /api/v1/apps/%1 on %2 answered a malformed app: %3"_s.arg(
                              appId, source.host, app.error)));
                return;
            }
            SourceApp read;
            read.id = app.value->id.isEmpty() ? appId : app.value->id;
            read.name = app.value->name;
            read.description = app.value->description;
            read.spaceId = app.value->spaceId;
            read.modifiedDate = app.value->modifiedDate;
            read.lastReloadTime = app.value->lastReloadTime;
            const std::shared_ptr<Entry> found = m_entries.value(key);
            if (!found)
                return;
            found->app = read;
            if (read.spaceId.isEmpty()) {
                settle(key, found);
                return;
            }
            cloud->send(sourceCall(source, "GET", u"/api/v1/spaces/"_s + read.spaceId), this,
                        [this, source, key, read](const Cloud::ApiResult &spaceResult) {
                            if (!spaceResult.ok()) {
                                failEntry(
                                    key,
                                    failure(spaceResult.error(), u"reading the space of source app %1"_s.arg(read.id)));
                                return;
                            }
                            const Cloud::Parsed<Cloud::Space> space
                                = Cloud::parseResource<Cloud::Space>(spaceResult.response().body);
                            const std::shared_ptr<Entry> found = m_entries.value(key);
                            if (!found)
                                return;
                            if (!space.ok()) {
                                failEntry(key,
                                          StepError::failed(u"the space %1 of source app %2 is malformed: %3"_s.arg(
                                              read.spaceId, read.id, space.error)));
                                return;
                            }
                            found->app.spaceType = space.value->type;
                            settle(key, found);
                        });
        });
}

void ExportedAppCache::exportedApp(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app,
                                   const QObject *context, ExportDone done)
{
    Source exact = source;
    exact.app = app.id;
    const QString key = keyOf(exact, u"qvf"_s);
    bool isNew = false;
    const std::shared_ptr<Entry> found = await(
        key, context,
        [done = std::move(done)](const Entry &entry) { done(entry.qvf, entry.failed ? entry.error : StepError{}); },
        &isNew);
    if (isNew) {
        found->app = app;
        startExport(cloud, exact, app, key, false);
    }
}

void ExportedAppCache::startExport(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app,
                                   const QString &key, bool joined)
{
    Cloud::ApiCall call = sourceCall(source, "POST", u"/api/v1/apps/%1/export"_s.arg(app.id));
    // A repeated export only makes another temporary file that expires (FACTS §10.3): safe to resend.
    call.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
    ++m_exports;
    cloud->send(call, this, [this, cloud, source, app, key, joined](const Cloud::ApiResult &result) {
        if (!result.ok()) {
            // FACTS §10.2: even a TenantAdmin exports only from a shared space it is a member of.
            if (result.error().httpStatus() == 403 && !joined && app.spaceType == u"shared"_s) {
                joinSpace(cloud, source, app, key);
                return;
            }
            failEntry(key,
                      failure(result.error(), u"exporting app '%1' (%2) from %3"_s.arg(app.name, app.id, source.host)));
            return;
        }
        QString location = result.response().location().path();
        if (location.isEmpty()) {
            failEntry(key,
                      StepError::failed(u"the export of app %1 on %2 answered no Location"_s.arg(app.id, source.host)));
            return;
        }
        // FACTS §10.2: Location comes with or without the /api prefix.
        if (!location.startsWith(u"/api/"_s))
            location.prepend(u"/api"_s);
        download(cloud, source, key, location);
    });
}

void ExportedAppCache::joinSpace(Cloud::CloudClient *cloud, const Source &source, const SourceApp &app,
                                 const QString &key)
{
    cloud->send(
        sourceCall(source, "GET", u"/api/v1/users/me"_s), this,
        [this, cloud, source, app, key](const Cloud::ApiResult &me) {
            const QString botId = me.json().object().value(u"id"_s).toString();
            if (!me.ok() || botId.isEmpty()) {
                failEntry(key,
                          me.ok() ? StepError::failed(u"GET /api/v1/users/me on %1 answered no id"_s.arg(source.host))
                                  : failure(me.error(), u"finding this client's user on %1"_s.arg(source.host)));
                return;
            }
            const QJsonObject body{
                {u"type"_s, u"user"_s}, {u"assigneeId"_s, botId}, {u"roles"_s, QJsonArray{u"consumer"_s}}};
            Cloud::ApiCall call = sourceCall(source, "POST", u"/api/v1/spaces/%1/assignments"_s.arg(app.spaceId));
            call.setJson(QJsonDocument(body));
            cloud->send(call, this, [this, cloud, source, app, key](const Cloud::ApiResult &joined) {
                // 409 AssignmentConflict: a member already (FACTS §7); the export's 403 had another cause.
                if (!joined.ok() && joined.error().httpStatus() != 409) {
                    failEntry(key,
                              failure(joined.error(),
                                      u"joining the source space %1 to export app %2"_s.arg(app.spaceId, app.id)));
                    return;
                }
                startExport(cloud, source, app, key, true);
            });
        });
}

void ExportedAppCache::download(Cloud::CloudClient *cloud, const Source &source, const QString &key,
                                const QString &location)
{
    Cloud::ApiCall call = sourceCall(source, "GET", location);
    call.transferTimeout = std::chrono::minutes(10);
    cloud->send(call, this, [this, source, key, location](const Cloud::ApiResult &result) {
        if (!result.ok()) {
            failEntry(key,
                      failure(result.error(), u"downloading the exported app from %1%2"_s.arg(source.host, location)));
            return;
        }
        const std::shared_ptr<Entry> found = m_entries.value(key);
        if (!found)
            return;
        found->qvf = result.response().body;
        settle(key, found);
    });
}

void ExportedAppCache::localFile(const QString &jobId, const QString &path, const QObject *context, ExportDone done)
{
    Source file;
    file.jobId = jobId;
    file.app = path;
    const QString key = keyOf(file, u"file"_s);
    bool isNew = false;
    static_cast<void>(await(
        key, context,
        [done = std::move(done)](const Entry &entry) { done(entry.qvf, entry.failed ? entry.error : StepError{}); },
        &isNew));
    if (isNew)
        QMetaObject::invokeMethod(
            this, [this, path, key] { readFile(path, key); }, Qt::QueuedConnection);
}

void ExportedAppCache::readFile(const QString &path, const QString &key)
{
    // On a pool thread: an app file can be hundreds of megabytes, and reading it on the event loop
    // would freeze the window. Checked again: the file may have gone or changed since the rollout
    // was planned.
    QPointer<ExportedAppCache> self(this);
    QThreadPool::globalInstance()->start([self, path, key] {
        const LocalAppFile inspected = LocalAppFile::inspect(path);
        QByteArray bytes;
        QString problem = inspected.problem;
        if (inspected.ok()) {
            QFile file(inspected.path);
            if (file.open(QIODevice::ReadOnly))
                bytes = file.readAll();
            if (bytes.isEmpty() || bytes.size() != inspected.size) {
                problem = u"app file %1 could not be read whole (%2 of %3 bytes): %4"_s.arg(inspected.path)
                              .arg(bytes.size())
                              .arg(inspected.size)
                              .arg(file.errorString());
                bytes.clear();
            }
        }
        // Back through the application object, which outlives the cache's thread-bound checks.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, key, bytes = std::move(bytes), problem = std::move(problem)] {
                if (self)
                    self->fileRead(key, bytes, problem);
            },
            Qt::QueuedConnection);
    });
}

void ExportedAppCache::fileRead(const QString &key, const QByteArray &bytes, const QString &problem)
{
    if (!problem.isEmpty()) {
        failEntry(key, StepError::failed(problem));
        return;
    }
    const std::shared_ptr<Entry> found = m_entries.value(key);
    if (!found)
        return;
    found->qvf = bytes;
    settle(key, found);
}

} // namespace Ops
