#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sandbox {

// Writes a zip archive with stored (uncompressed) entries: enough for the seeded extensions and
// themes to be real zips that any unzip tool opens.
class ZipArchive
{
public:
    void addFile(const QString &name, const QByteArray &content);
    [[nodiscard]] QByteArray data() const;

    [[nodiscard]] static quint32 crc32(const QByteArray &data);

private:
    struct Entry
    {
        QByteArray name;
        QByteArray content;
    };
    QList<Entry> m_entries;
};

} // namespace Sandbox
