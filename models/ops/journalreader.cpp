#include "ops/journalreader.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

bool parseRecord(const QByteArray &line, QJsonObject *record)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *record = document.object();
    return true;
}

} // namespace

JournalContents JournalReader::read(const QString &path)
{
    JournalContents contents;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = u"cannot read job journal %1: %2"_s.arg(path, file.errorString());
        return contents;
    }
    const QByteArray bytes = file.readAll();
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < bytes.size()) {
        ++lineNumber;
        qsizetype end = bytes.indexOf('\n', start);
        const bool complete = end >= 0;
        if (!complete)
            end = bytes.size();
        const QByteArray line = bytes.mid(start, end - start);
        const bool last = !complete || end + 1 >= bytes.size();
        QJsonObject record;
        if (line.trimmed().isEmpty()) {
            // blank lines carry nothing
        } else if (parseRecord(line, &record)) {
            contents.records.append(record);
            contents.lastSeq = std::max<qint64>(contents.lastSeq, record.value(u"seq"_s).toInteger());
        } else if (last) {
            contents.note = u"the last line (%1) of job journal %2 was cut short, most likely by a crash while "
                            u"writing it; it is ignored"_s.arg(lineNumber)
                                .arg(path);
            break;
        } else {
            contents.error = u"job journal %1 is damaged: line %2 is not a JSON record"_s.arg(path).arg(lineNumber);
            return contents;
        }
        contents.validSize = complete ? end + 1 : end;
        start = end + 1;
    }
    return contents;
}

JournalContents JournalReader::readEnds(const QString &path)
{
    JournalContents contents;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = u"cannot read job journal %1: %2"_s.arg(path, file.errorString());
        return contents;
    }
    QJsonObject first;
    if (!parseRecord(file.readLine(), &first)) {
        contents.error = u"job journal %1 does not start with a record"_s.arg(path);
        return contents;
    }
    contents.records.append(first);

    // The last complete record lies in the tail; grow the window until a whole line fits.
    const qint64 size = file.size();
    for (qint64 window = qint64(64) * 1024;; window *= 4) {
        const qint64 from = std::max<qint64>(0, size - window);
        if (!file.seek(from))
            break;
        const QByteArray tail = file.read(size - from);
        QList<QByteArray> lines = tail.split('\n');
        if (from > 0)
            lines.removeFirst(); // starts mid-line
        bool found = false;
        bool cutShort = false;
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            if (lines.at(i).trimmed().isEmpty())
                continue;
            QJsonObject record;
            if (parseRecord(lines.at(i), &record)) {
                if (record != first)
                    contents.records.append(record);
                contents.lastSeq = record.value(u"seq"_s).toInteger();
                found = true;
                break;
            }
            cutShort = true;
        }
        if (cutShort)
            contents.note
                = u"the last line of job journal %1 was cut short, most likely by a crash while writing it"_s.arg(path);
        if (found || from == 0)
            break;
    }
    contents.validSize = size;
    return contents;
}

} // namespace Ops
