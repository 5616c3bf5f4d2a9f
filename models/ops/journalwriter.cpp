#include "ops/journalwriter.h"

#include "ops/secretscreen.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLockFile>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

JournalWriter::JournalWriter(const QString &path)
    : m_path(path)
{
    m_file.setFileName(path);
    // One thread: the records reach the file in the order they were appended.
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(u"journal writer"_s);
}

JournalWriter::~JournalWriter()
{
    // A join, not an event loop: at most the writes already queued, and the lock (a member, released
    // after this) must not go before them.
    m_writer.waitForDone();
}

QString JournalWriter::lockPathFor(const QString &journalPath)
{
    QString lockPath = journalPath;
    if (lockPath.endsWith(u".jsonl"_s))
        lockPath.chop(6);
    return lockPath + u".lock"_s;
}

bool JournalWriter::lock(QString *error)
{
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_file.fileName()));
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock->getLockInfo(&pid, &host, &application))
        *error = u"job journal %1 is in use by %2 (process %3)"_s.arg(m_file.fileName(), application).arg(pid);
    else
        *error = u"cannot lock job journal %1"_s.arg(m_file.fileName());
    m_lock.reset();
    return false;
}

bool JournalWriter::openNew(const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create the journal folder %1"_s.arg(directory);
        return false;
    }
    if (!lock(error))
        return false;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        *error = u"cannot create job journal %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

std::unique_ptr<JournalWriter> JournalWriter::create(const QString &directory, const QString &jobId, QString *error)
{
    std::unique_ptr<JournalWriter> writer(new JournalWriter(QDir(directory).filePath(jobId + u".jsonl"_s)));
    if (!writer->openNew(directory, error))
        return nullptr;
    return writer;
}

std::unique_ptr<JournalWriter> JournalWriter::createLater(const QString &directory, const QString &jobId)
{
    std::unique_ptr<JournalWriter> writer(new JournalWriter(QDir(directory).filePath(jobId + u".jsonl"_s)));
    // Taking the lock syncs it to disk (QLockFile), which a busy disk can take long over.
    writer->m_writer.start([self = writer.get(), directory] {
        QString error;
        if (self->openNew(directory, &error))
            return;
        self->m_stopped = true;
        QMetaObject::invokeMethod(
            self, [self, error] { self->settle(error); }, Qt::QueuedConnection);
    });
    return writer;
}

std::unique_ptr<JournalWriter> JournalWriter::reopen(const QString &path, qint64 validSize, qint64 lastSeq,
                                                     QString *error)
{
    std::unique_ptr<JournalWriter> writer(new JournalWriter(path));
    if (!writer->lock(error))
        return nullptr;
    if (!writer->m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        *error = u"cannot open job journal %1: %2"_s.arg(path, writer->m_file.errorString());
        return nullptr;
    }
    // Drop a half-written last line; make sure the last complete record ends its line.
    bool endsWithNewline = true;
    if (validSize > 0 && writer->m_file.seek(validSize - 1)) {
        char last = 0;
        endsWithNewline = writer->m_file.getChar(&last) && last == '\n';
    }
    if (!writer->m_file.resize(validSize) || !writer->m_file.seek(validSize)
        || (!endsWithNewline && writer->m_file.write("\n", 1) != 1)) {
        *error = u"cannot repair job journal %1: %2"_s.arg(path, writer->m_file.errorString());
        return nullptr;
    }
    writer->m_seq = lastSeq;
    return writer;
}

bool JournalWriter::append(const QJsonObject &record, const QObject *context, Written written)
{
    QJsonObject rest = record;
    const QJsonValue plan = rest.take(u"plan"_s);
    if (plan.isObject()) {
        const QJsonObject planObject = plan.toObject();
        return appendWithPlan(rest, planObject, QJsonDocument(planObject).toJson(QJsonDocument::Compact), context,
                              std::move(written));
    }
    if (m_failed)
        return false;
    enqueue(record, {}, {}, context, std::move(written));
    return true;
}

bool JournalWriter::appendWithPlan(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan,
                                   const QObject *context, Written written)
{
    if (m_failed)
        return false;
    QJsonObject rest = record;
    rest.remove(u"plan"_s);
    enqueue(rest, plan, compactPlan, context, std::move(written));
    return true;
}

void JournalWriter::enqueue(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan,
                            const QObject *context, Written written)
{
    // Made here, on the object's thread: `context` is only ever looked at here.
    const bool guarded = context != nullptr;
    const QPointer<const QObject> guard(context);
    Written settled;
    if (written) {
        settled = [guarded, guard, written = std::move(written)](bool ok) {
            if (!guarded || guard)
                written(ok);
        };
    }
    m_writer.start([this, record, plan, compactPlan, settled = std::move(settled)] {
        // The plan of a job-start record is written as is: Job::start() refuses plans the secret
        // screen objects to, and redacting it could change what a resumed job runs. Any other
        // "plan" field is not a plan object and is screened with the rest.
        QJsonObject line = SecretScreen::redact(record).toObject();
        bool ok = false;
        QString error;
        if (!m_stopped) {
            ok = write(line, compactPlan, &error);
            m_stopped = !ok;
        }
        if (ok) {
            if (!compactPlan.isEmpty())
                line.insert(u"plan"_s, plan);
            Q_EMIT appended(line);
        }
        QMetaObject::invokeMethod(
            this,
            [this, ok, error = std::move(error), settled] {
                if (!ok)
                    settle(error);
                if (settled)
                    settled(ok);
            },
            Qt::QueuedConnection);
    });
}

void JournalWriter::settle(const QString &error)
{
    if (m_failed)
        return; // the records queued after the first that failed
    m_failed = true;
    m_error = error;
    Q_EMIT failed();
}

bool JournalWriter::write(QJsonObject &line, const QByteArray &compactPlan, QString *error)
{
    line.insert(u"seq"_s, ++m_seq);
    line.insert(u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    if (!compactPlan.isEmpty()) {
        // The plan's bytes go in as they are, as the last member: `line` is never empty ("seq").
        bytes.chop(1); // '}'
        bytes.reserve(bytes.size() + compactPlan.size() + 10);
        bytes.append(",\"plan\":").append(compactPlan).append('}');
    }
    bytes.append('\n');
    // One write per record on an unbuffered file: the record reaches the OS whole or not at all
    // (short of a full disk), and survives the process being killed right after.
    if (m_file.write(bytes) != bytes.size()) {
        *error = u"cannot write job journal %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

} // namespace Ops
