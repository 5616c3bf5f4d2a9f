#pragma once

#include "ops/jobstate.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Ops {

// A job's rollout report (issue 7): one row per target × step with what was done, the ids created
// or updated (e.g. the published app's id), how long it took, and Qlik's error code and traceId
// when it failed. Built from a JobState, so a live job and a past one (replayed from its journal)
// give the same report; the activity panel exports it and tenantryctl can print it. Error
// messages pass through SecretScreen.
class JobReport
{
public:
    enum class Format { Csv, Json };

    struct Row
    {
        QString jobId;
        QString targetId;
        QString hostname;
        QString targetStatus; // targetStatusName()
        QString stepId;
        QString stepType;
        QString status; // stepStatusName(): "created", "updated", "no-change", "failed", ...
        QString action; // the probe's: "create" | "update" | "no-change" | "blocked"; empty when never probed
        QStringList created; // "kind id"
        QStringList updated;
        qint64 durationMs = -1; // -1: the step did not both start and finish
        int attempts = 0;
        QString error; // one line for people (or the blocked reason)
        QString errorCode; // Qlik's, e.g. "AssignmentConflict"
        int httpStatus = 0;
        QString traceId;
    };

    [[nodiscard]] static JobReport fromState(const JobState &state);

    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }
    [[nodiscard]] static QStringList headers();
    // The CSV cells of a row, in headers() order.
    [[nodiscard]] static QStringList cells(const Row &row);

    // RFC 4180 through TableExport (quotes, commas and line breaks in messages are quoted).
    [[nodiscard]] QByteArray toCsv() const;
    // An array of row objects with the same fields (ids as arrays, numbers as numbers).
    [[nodiscard]] QJsonArray toJson() const;
    [[nodiscard]] QByteArray toBytes(Format format) const;
    // Csv for "*.csv", Json for "*.json" (any case); false for any other suffix.
    [[nodiscard]] static bool formatForPath(const QString &path, Format *format);

private:
    QList<Row> m_rows;
};

} // namespace Ops
