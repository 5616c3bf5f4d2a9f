#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Ops {

// A journal as read back from disk.
struct JournalContents
{
    QList<QJsonObject> records;
    qint64 validSize = 0; // bytes up to the end of the last complete record
    qint64 lastSeq = 0;
    QString note; // e.g. a last line cut short by a crash mid-write, which is ignored
    QString error; // unreadable, or damaged before its last line: not safe to resume

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Reads journals written by JournalWriter. A last line cut short (the process died while writing
// it) is tolerated and reported in `note`; any other line that is not a JSON object is damage, and
// reading stops with `error` naming the line.
class JournalReader
{
public:
    [[nodiscard]] static JournalContents read(const QString &path);
    // Only the first and the last complete records, for listing many journals quickly.
    [[nodiscard]] static JournalContents readEnds(const QString &path);
};

} // namespace Ops
