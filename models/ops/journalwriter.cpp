#include "ops/journalwriter.h"

#include "ops/secretscreen.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLockFile>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

JournalWriter::JournalWriter() = default;

JournalWriter::~JournalWriter() = default;

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

std::unique_ptr<JournalWriter> JournalWriter::create(const QString &directory, const QString &jobId, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create the journal folder %1"_s.arg(directory);
        return nullptr;
    }
    std::unique_ptr<JournalWriter> writer(new JournalWriter);
    writer->m_file.setFileName(QDir(directory).filePath(jobId + u".jsonl"_s));
    if (!writer->lock(error))
        return nullptr;
    if (!writer->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        *error = u"cannot create job journal %1: %2"_s.arg(writer->m_file.fileName(), writer->m_file.errorString());
        return nullptr;
    }
    return writer;
}

std::unique_ptr<JournalWriter> JournalWriter::reopen(const QString &path, qint64 validSize, qint64 lastSeq,
                                                     QString *error)
{
    std::unique_ptr<JournalWriter> writer(new JournalWriter);
    writer->m_file.setFileName(path);
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

bool JournalWriter::append(const QJsonObject &record)
{
    // The plan of a job-start record is written as is: Job::start() refuses plans the secret screen
    // objects to, and redacting it could change what a resumed job runs.
    QJsonObject rest = record;
    const QJsonValue plan = rest.take(u"plan"_s);
    if (plan.isObject()) {
        const QJsonObject planObject = plan.toObject();
        return appendWithPlan(rest, planObject, QJsonDocument(planObject).toJson(QJsonDocument::Compact));
    }
    QJsonObject line = SecretScreen::redact(rest).toObject();
    if (!plan.isUndefined())
        line.insert(u"plan"_s, plan);
    if (!write(line, {}))
        return false;
    Q_EMIT appended(line);
    return true;
}

bool JournalWriter::appendWithPlan(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan)
{
    QJsonObject line = SecretScreen::redact(record).toObject();
    line.remove(u"plan"_s);
    if (!write(line, compactPlan))
        return false;
    line.insert(u"plan"_s, plan);
    Q_EMIT appended(line);
    return true;
}

bool JournalWriter::write(QJsonObject &line, const QByteArray &compactPlan)
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
        m_error = u"cannot write job journal %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

} // namespace Ops
