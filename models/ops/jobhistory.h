#pragma once

#include "ops/jobstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Ops {

// The jobs whose journals are in a folder: what the activity panel lists as history, and what the
// app offers to resume at start (jobs interrupted by a crash or kill, or cancelled, that no running
// process holds).
class JobHistory
{
public:
    struct Entry
    {
        QString jobId;
        QString journalPath;
        QString planName;
        QString planPath;
        bool dryRun = false;
        JobStatus status = JobStatus::Interrupted; // Running when another process holds the job
        QDateTime started;
        QDateTime lastActivity; // time of the journal's last record
        int targets = 0;
        QJsonObject counts; // of a finished job: {"succeeded": n, "failed": n, ...}
        QString note; // e.g. a last line cut short; or why the journal cannot be read
        bool readable = true;

        // Interrupted or cancelled, not a dry run, and no process holds it.
        [[nodiscard]] bool isResumable() const;
    };

    explicit JobHistory(const QString &directory = defaultDirectory());

    // `<GenericDataLocation>/Tenantry/journals` (~/.local/share/Tenantry/journals): shared by the GUI
    // and tenantryctl.
    [[nodiscard]] static QString defaultDirectory();
    [[nodiscard]] QString directory() const { return m_directory; }

    // Newest first. Reads only each journal's first and last records, so it stays quick.
    [[nodiscard]] QList<Entry> entries() const;
    [[nodiscard]] QList<Entry> resumable() const;
    [[nodiscard]] std::optional<Entry> entry(const QString &jobId) const;
    // The most recent resumable job, if any (`tenantryctl apply --resume-last`).
    [[nodiscard]] std::optional<Entry> lastResumable() const;
    [[nodiscard]] QString journalPath(const QString &jobId) const;

    // Deletes a job's journal; refused while a process holds it.
    bool remove(const QString &jobId, QString *error);

    [[nodiscard]] static Entry readEntry(const QString &journalPath);
    // True when a live process holds the job's lock.
    [[nodiscard]] static bool isHeld(const QString &journalPath);

private:
    QString m_directory;
};

} // namespace Ops
