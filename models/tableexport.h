#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

// Turns a table into the formats people paste and save: CSV (RFC 4180: fields with a comma, a
// quote or a line break are quoted, quotes doubled, CRLF between records, UTF-8), TSV for the
// clipboard (what spreadsheets paste into cells) and JSON (the resources themselves).
class TableExport final
{
public:
    [[nodiscard]] static QByteArray toCsv(const QStringList &headers, const QList<QStringList> &rows);
    [[nodiscard]] static QString csvField(const QString &value);
    // Tabs and line breaks inside cells become spaces: TSV has no quoting that spreadsheets agree on.
    [[nodiscard]] static QString toTsv(const QStringList &headers, const QList<QStringList> &rows);
    [[nodiscard]] static QByteArray toJson(const QJsonArray &items);

    // Writes `bytes` to `path` atomically (QSaveFile) on a worker thread, so the UI never waits on
    // the disk; `done` gets "" or what went wrong, on the main thread (not at all if `context`, a
    // main-thread object, is gone by then).
    static void writeFile(const QString &path, const QByteArray &bytes, QObject *context,
                          std::function<void(const QString &error)> done);

private:
    TableExport() = default;
};
