#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

class QLockFile;

namespace Ops {

// Appends a job's records to its journal, `<directory>/<jobId>.jsonl`: one compact JSON object per
// line, each written with a single write() and flushed to the operating system at once, so a crash
// or `kill -9` loses at most the records not written yet. Adds "seq" and "time" to every record and
// redacts anything secret-looking (SecretScreen) before it reaches the disk — except a "plan" field,
// which the caller has screened (Job::start() refuses plans that hold secrets). While a writer is
// open it holds `<jobId>.lock`, so other processes see the job as running, not as resumable.
//
// The disk work (redacting, serialising, write(), creating the file and its lock) runs on a writer
// thread of its own, in the order the records were appended: a slow disk never stalls the thread
// that appends (the GUI thread in the app). Whoever must know a record is on disk before going on
// (a step's intent, before the call that makes the change) passes `written` and goes on from there.
class JournalWriter : public QObject
{
    Q_OBJECT

public:
    // Runs `written(true)` once a record is on disk, `written(false)` if it never will be.
    using Written = std::function<void(bool written)>;

    // Finishes writing what was appended before it releases the lock: a job deleted right after its
    // last record leaves a complete journal that another writer may continue at once.
    ~JournalWriter() override;
    Q_DISABLE_COPY_MOVE(JournalWriter)

    // Starts a new journal; fails if it exists, cannot be created, or the lock is taken.
    [[nodiscard]] static std::unique_ptr<JournalWriter> create(const QString &directory, const QString &jobId,
                                                               QString *error);
    // The same on the writer thread: returns at once; when the journal cannot be made, failed()
    // follows and nothing is written.
    [[nodiscard]] static std::unique_ptr<JournalWriter> createLater(const QString &directory, const QString &jobId);
    // Continues an existing journal after a crash, a cancel or a finished run: cuts everything after
    // `validSize` (the complete records; a crash can leave half a line) and numbers on from `lastSeq`.
    [[nodiscard]] static std::unique_ptr<JournalWriter> reopen(const QString &path, qint64 validSize, qint64 lastSeq,
                                                               QString *error);

    // Queues one record for the writer thread; false (see errorString()) once the disk has refused
    // one. `written`, when given, runs on this object's thread after the record reached the file
    // or failed (after failed()), unless `context` has been deleted by then.
    bool append(const QJsonObject &record, const QObject *context = nullptr, Written written = {});
    // Queues a job-start record: `record` plus a "plan" field holding `plan`, whose compact JSON
    // the caller already has as `compactPlan` (serialising a plan of a thousand targets again
    // would keep a thread busy for milliseconds).
    bool appendWithPlan(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan,
                        const QObject *context = nullptr, Written written = {});

    [[nodiscard]] QString path() const { return m_path; }
    // Why the journal stopped, once failed() was emitted.
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] static QString lockPathFor(const QString &journalPath);

Q_SIGNALS:
    // A record has reached the file (with its "seq" and "time"), in the order they were appended.
    // Emitted on the writer thread, at once: connect with a receiver (or context) on your own thread
    // to get it queued there.
    void appended(const QJsonObject &record);
    // Once, when the journal could not be created or a record could not be written: nothing after
    // that record is written (a journal with a gap could not be trusted).
    void failed();

private:
    explicit JournalWriter(const QString &path);
    // On the writer thread (or in create()): the lock, then the file.
    [[nodiscard]] bool lock(QString *error);
    [[nodiscard]] bool openNew(const QString &directory, QString *error);
    void enqueue(const QJsonObject &record, const QJsonObject &plan, const QByteArray &compactPlan,
                 const QObject *context, Written written);
    // On the writer thread: adds "seq" and "time" to `line` and writes it, with `compactPlan` (when
    // not empty) as its "plan".
    [[nodiscard]] bool write(QJsonObject &line, const QByteArray &compactPlan, QString *error);
    // Back on this object's thread: the first failure.
    void settle(const QString &error);

    const QString m_path;
    // The writer thread's, once the writer exists.
    QFile m_file;
    std::unique_ptr<QLockFile> m_lock;
    qint64 m_seq = 0;
    std::atomic_bool m_stopped{false}; // a write failed: the writer thread writes nothing more
    // This object's thread's.
    QString m_error;
    bool m_failed = false;
    // Last: destroyed (and waited for) first, while what its tasks use still exists.
    QThreadPool m_writer;
};

} // namespace Ops
