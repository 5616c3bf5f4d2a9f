#pragma once

#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace Logging {

// An append-only log file that starts afresh when it would grow past a size: <base>.log is the current
// file, <base>.1.log the one before it, … up to keepFiles files in all; the oldest is deleted. Each line
// is flushed as it is written, so a crash loses nothing already logged. Not thread-safe (ApplicationLog
// serialises writers). Files are readable by their owner only.
class RotatingLogFile final
{
    Q_DISABLE_COPY_MOVE(RotatingLogFile)

public:
    RotatingLogFile(QString directory, QString baseName, qint64 maxBytes, int keepFiles);
    ~RotatingLogFile() = default;

    // Creates the directory if needed and opens the current file for appending. On failure returns
    // false and says why in `error` (naming the path).
    [[nodiscard]] bool open(QString *error);
    [[nodiscard]] bool isOpen() const { return m_file.isOpen(); }

    // Writes `line` and a newline, rotating first if the file would otherwise exceed maxBytes (a line
    // longer than that still gets written, alone in a fresh file).
    void append(QByteArrayView line);

    [[nodiscard]] QString currentPath() const; // <dir>/<base>.log
    [[nodiscard]] QString rotatedPath(int generation) const; // <dir>/<base>.<generation>.log, 1 = newest

private:
    void rotate();

    QString m_directory;
    QString m_baseName;
    qint64 m_maxBytes;
    int m_keepFiles;
    QFile m_file;
};

} // namespace Logging
