#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>

#include <memory>

class QLockFile;

namespace Ops {

// Appends a job's records to its journal, `<directory>/<jobId>.jsonl`: one compact JSON object per
// line, each written with a single write() and flushed to the operating system at once, so a crash
// or `kill -9` loses at most the record being written. Adds "seq" and "time" to every record and
// redacts anything secret-looking (SecretScreen) before it reaches the disk — except a "plan" field,
// which the caller has screened (Job::start() refuses plans that hold secrets). While a writer is
// open it holds `<jobId>.lock`, so other processes see the job as running, not as resumable.
class JournalWriter : public QObject
{
    Q_OBJECT

public:
    ~JournalWriter() override;
    Q_DISABLE_COPY_MOVE(JournalWriter)

    // Starts a new journal; fails if it exists, cannot be created, or the lock is taken.
    [[nodiscard]] static std::unique_ptr<JournalWriter> create(const QString &directory, const QString &jobId,
                                                               QString *error);
    // Continues an existing journal after a crash, a cancel or a finished run: cuts everything after
    // `validSize` (the complete records; a crash can leave half a line) and numbers on from `lastSeq`.
    [[nodiscard]] static std::unique_ptr<JournalWriter> reopen(const QString &path, qint64 validSize, qint64 lastSeq,
                                                               QString *error);

    // Writes one record; false (see errorString()) when the disk refused it.
    bool append(const QJsonObject &record);
    // Writes a job-start record: `record` plus a "plan" field holding `plan`, whose compact JSON
    // the caller already has as `compactPlan` (serialising a plan of a thousand targets again
    // would keep the GUI thread busy for milliseconds).
    bool appendWithPlan(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan);

    [[nodiscard]] QString path() const { return m_file.fileName(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] static QString lockPathFor(const QString &journalPath);

Q_SIGNALS:
    // After a record reached the file (with its "seq" and "time").
    void appended(const QJsonObject &record);

private:
    JournalWriter();
    [[nodiscard]] bool lock(QString *error);
    // Adds "seq" and "time" to `line` and writes it, with `compactPlan` (when not empty) as its "plan".
    [[nodiscard]] bool write(QJsonObject &line, const QByteArray &compactPlan);

    QFile m_file;
    std::unique_ptr<QLockFile> m_lock;
    qint64 m_seq = 0;
    QString m_error;
};

} // namespace Ops
