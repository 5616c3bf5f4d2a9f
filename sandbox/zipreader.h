#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

// Reads zip archives as uploaded for extensions and themes (FACTS §9): the central directory,
// stored and deflated entries (zlib), CRC checked. Encrypted entries, multi-disk and zip64
// archives are refused with a reason. Every offset and size is checked against the data, and an
// entry never inflates past its declared size, so a hostile archive costs little.
class ZipReader
{
public:
    explicit ZipReader(QByteArray archive);

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }

    // Entry names as stored ("kpi-card/kpi-card.qext"), directories excluded.
    [[nodiscard]] QStringList fileNames() const;
    [[nodiscard]] bool contains(const QString &name) const;
    // The entry's content; nullopt with *error when it cannot be read.
    [[nodiscard]] std::optional<QByteArray> file(const QString &name, QString *error) const;

    // Entries larger than this (uncompressed) are refused.
    static constexpr qint64 kMaxEntrySize = 64 * 1024 * 1024;

private:
    struct Entry
    {
        QString name;
        quint16 method = 0;
        quint16 flags = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localHeaderOffset = 0;
    };

    void readDirectory();

    QByteArray m_archive;
    QList<Entry> m_entries;
    QString m_error;
};

} // namespace Sandbox
