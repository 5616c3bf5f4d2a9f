#include "ops/jobhistory.h"

#include "ops/journalreader.h"
#include "ops/journalwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

bool JobHistory::Entry::isResumable() const
{
    return readable && !dryRun && (status == JobStatus::Interrupted || status == JobStatus::Cancelled);
}

JobHistory::JobHistory(const QString &directory)
    : m_directory(directory)
{ }

QString JobHistory::defaultDirectory()
{
    // Fixed under "Tenantry", not each program's AppDataLocation, so that the GUI's activity panel
    // lists (and resumes) the jobs tenantryctl ran, and the other way round (as Cloud::StoragePaths).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Tenantry/journals"_s;
}

QString JobHistory::journalPath(const QString &jobId) const
{
    return QDir(m_directory).filePath(jobId + u".jsonl"_s);
}

bool JobHistory::isHeld(const QString &journalPath)
{
    QLockFile lock(JournalWriter::lockPathFor(journalPath));
    lock.setStaleLockTime(0);
    if (lock.tryLock(0)) {
        lock.unlock();
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

JobHistory::Entry JobHistory::readEntry(const QString &journalPath)
{
    Entry entry;
    entry.journalPath = journalPath;
    entry.jobId = QFileInfo(journalPath).completeBaseName();
    const JournalContents ends = JournalReader::readEnds(journalPath);
    if (!ends.ok() || ends.records.isEmpty()) {
        entry.readable = false;
        entry.note = ends.error;
        return entry;
    }
    const QJsonObject start = ends.records.first();
    if (start.value(u"rec"_s).toString() != u"job-start"_s) {
        entry.readable = false;
        entry.note = u"not a Tenantry job journal"_s;
        return entry;
    }
    entry.jobId = start.value(u"jobId"_s).toString(entry.jobId);
    entry.dryRun = start.value(u"mode"_s).toString() == u"dry-run"_s;
    const QJsonObject plan = start.value(u"plan"_s).toObject();
    entry.planName = plan.value(u"name"_s).toString();
    entry.planPath = start.value(u"planPath"_s).toString();
    entry.targets = static_cast<int>(plan.value(u"targets"_s).toArray().size());
    entry.started = QDateTime::fromString(start.value(u"time"_s).toString(), Qt::ISODateWithMs);
    const QJsonObject last = ends.records.last();
    entry.lastActivity = QDateTime::fromString(last.value(u"time"_s).toString(), Qt::ISODateWithMs);
    entry.note = ends.note;
    entry.status = JobStatus::Interrupted;
    if (last.value(u"rec"_s).toString() == u"job-end"_s) {
        if (!parseJobStatus(last.value(u"status"_s).toString(), &entry.status))
            entry.status = JobStatus::Failed;
        entry.counts = last.value(u"counts"_s).toObject();
    }
    if (isHeld(journalPath))
        entry.status = JobStatus::Running;
    return entry;
}

QList<JobHistory::Entry> JobHistory::entries() const
{
    QList<Entry> entries;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({u"*.jsonl"_s}, QDir::Files);
    entries.reserve(files.size());
    for (const QString &file : files)
        entries.append(readEntry(dir.filePath(file)));
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.started != b.started)
            return a.started > b.started;
        return a.jobId > b.jobId;
    });
    return entries;
}

QList<JobHistory::Entry> JobHistory::resumable() const
{
    QList<Entry> result;
    for (const Entry &entry : entries()) {
        if (entry.isResumable())
            result.append(entry);
    }
    return result;
}

std::optional<JobHistory::Entry> JobHistory::entry(const QString &jobId) const
{
    const QString path = journalPath(jobId);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    return readEntry(path);
}

std::optional<JobHistory::Entry> JobHistory::lastResumable() const
{
    const QList<Entry> list = resumable();
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

bool JobHistory::remove(const QString &jobId, QString *error)
{
    const QString path = journalPath(jobId);
    if (isHeld(path)) {
        *error = u"job %1 is running; it cannot be removed"_s.arg(jobId);
        return false;
    }
    if (!QFile::remove(path)) {
        *error = u"cannot remove %1"_s.arg(path);
        return false;
    }
    QFile::remove(JournalWriter::lockPathFor(path));
    return true;
}

} // namespace Ops
