#include "tableexport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;

QString TableExport::csvField(const QString &value)
{
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r');
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QByteArray TableExport::toCsv(const QStringList &headers, const QList<QStringList> &rows)
{
    QString text;
    const auto appendRecord = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += u',';
            text += csvField(fields.at(i));
        }
        text += u"\r\n"_s;
    };
    appendRecord(headers);
    for (const QStringList &row : rows)
        appendRecord(row);
    return text.toUtf8();
}

QString TableExport::toTsv(const QStringList &headers, const QList<QStringList> &rows)
{
    QString text;
    const auto appendRecord = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += u'\t';
            QString field = fields.at(i);
            field.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
            text += field;
        }
        text += u'\n';
    };
    if (!headers.isEmpty())
        appendRecord(headers);
    for (const QStringList &row : rows)
        appendRecord(row);
    return text;
}

QByteArray TableExport::toJson(const QJsonArray &items)
{
    return QJsonDocument(items).toJson(QJsonDocument::Indented);
}

void TableExport::writeFile(const QString &path, const QByteArray &bytes, QObject *context,
                            std::function<void(const QString &error)> done)
{
    QPointer<QObject> receiver(context);
    QThreadPool::globalInstance()->start([path, bytes, receiver, done = std::move(done)] {
        QString error;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        else if (file.write(bytes) != bytes.size() || !file.commit())
            error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        // Back through the application object, which outlives any receiver: the receiver itself
        // may be deleted on its thread at any moment, so only its thread may look at it.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [receiver, done, error] {
                if (receiver)
                    done(error);
            },
            Qt::QueuedConnection);
    });
}
