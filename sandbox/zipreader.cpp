#include "sandbox/zipreader.h"

#include <QtEndian>

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr quint32 kEndOfDirectory = 0x06054b50u;
constexpr quint32 kDirectoryHeader = 0x02014b50u;
constexpr quint32 kLocalHeader = 0x04034b50u;
constexpr qsizetype kEndRecordSize = 22;
constexpr qsizetype kDirectoryHeaderSize = 46;
constexpr qsizetype kLocalHeaderSize = 30;

quint16 le16(const QByteArray &data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.constData() + at);
}

quint32 le32(const QByteArray &data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.constData() + at);
}

} // namespace

ZipReader::ZipReader(QByteArray archive)
    : m_archive(std::move(archive))
{
    readDirectory();
}

void ZipReader::readDirectory()
{
    const qsizetype size = m_archive.size();
    if (size < kEndRecordSize) {
        m_error = u"The file is not a zip archive (too short)."_s;
        return;
    }
    // The end-of-central-directory record is last, followed only by a comment of up to 64 KiB.
    qsizetype end = -1;
    const qsizetype lowest = std::max<qsizetype>(0, size - kEndRecordSize - 0xFFFF);
    for (qsizetype at = size - kEndRecordSize; at >= lowest; --at) {
        if (le32(m_archive, at) == kEndOfDirectory && at + kEndRecordSize + le16(m_archive, at + 20) == size) {
            end = at;
            break;
        }
    }
    if (end < 0) {
        m_error = u"The file is not a zip archive (no end of central directory)."_s;
        return;
    }
    const quint16 disk = le16(m_archive, end + 4);
    const quint16 directoryDisk = le16(m_archive, end + 6);
    const quint16 entriesHere = le16(m_archive, end + 8);
    const quint16 entries = le16(m_archive, end + 10);
    const quint32 directorySize = le32(m_archive, end + 12);
    const quint32 directoryOffset = le32(m_archive, end + 16);
    if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
        m_error = u"Multi-disk zip archives are not supported."_s;
        return;
    }
    if (entries == 0xFFFF || directorySize == 0xFFFFFFFFu || directoryOffset == 0xFFFFFFFFu) {
        m_error = u"Zip64 archives are not supported."_s;
        return;
    }
    if (qint64(directoryOffset) + directorySize > end) {
        m_error = u"The zip archive's central directory lies outside the file."_s;
        return;
    }
    qsizetype at = directoryOffset;
    const qsizetype directoryEnd = qsizetype(directoryOffset) + directorySize;
    for (int i = 0; i < entries; ++i) {
        if (at + kDirectoryHeaderSize > directoryEnd || le32(m_archive, at) != kDirectoryHeader) {
            m_error = u"The zip archive's central directory is damaged at entry %1."_s.arg(i + 1);
            return;
        }
        Entry entry;
        entry.flags = le16(m_archive, at + 8);
        entry.method = le16(m_archive, at + 10);
        entry.crc = le32(m_archive, at + 16);
        entry.compressedSize = le32(m_archive, at + 20);
        entry.size = le32(m_archive, at + 24);
        const quint16 nameLength = le16(m_archive, at + 28);
        const quint16 extraLength = le16(m_archive, at + 30);
        const quint16 commentLength = le16(m_archive, at + 32);
        entry.localHeaderOffset = le32(m_archive, at + 42);
        const qsizetype next = at + kDirectoryHeaderSize + nameLength + extraLength + commentLength;
        if (next > directoryEnd || nameLength == 0) {
            m_error = u"The zip archive's central directory is damaged at entry %1."_s.arg(i + 1);
            return;
        }
        const QByteArray rawName = m_archive.mid(at + kDirectoryHeaderSize, nameLength);
        // Bit 11: UTF-8 names; otherwise CP437, of which ASCII is what extension authors use.
        entry.name = (entry.flags & 0x0800) ? QString::fromUtf8(rawName) : QString::fromLatin1(rawName);
        m_entries.append(entry);
        at = next;
    }
}

QStringList ZipReader::fileNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries) {
        if (!entry.name.endsWith(u'/'))
            names.append(entry.name);
    }
    return names;
}

bool ZipReader::contains(const QString &name) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&name](const Entry &entry) { return entry.name == name && !name.endsWith(u'/'); });
}

std::optional<QByteArray> ZipReader::file(const QString &name, QString *error) const
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                 [&name](const Entry &entry) { return entry.name == name; });
    if (it == m_entries.cend() || name.endsWith(u'/')) {
        *error = u"The archive has no file '%1'."_s.arg(name);
        return std::nullopt;
    }
    const Entry &entry = *it;
    if (entry.flags & 0x0001) {
        *error = u"'%1' is encrypted in the archive."_s.arg(name);
        return std::nullopt;
    }
    if (entry.size > kMaxEntrySize) {
        *error = u"'%1' is larger than %2 bytes uncompressed."_s.arg(name).arg(kMaxEntrySize);
        return std::nullopt;
    }
    const qsizetype local = entry.localHeaderOffset;
    if (local + kLocalHeaderSize > m_archive.size() || le32(m_archive, local) != kLocalHeader) {
        *error = u"The archive's local header of '%1' is damaged."_s.arg(name);
        return std::nullopt;
    }
    const qsizetype dataStart = local + kLocalHeaderSize + le16(m_archive, local + 26) + le16(m_archive, local + 28);
    if (dataStart + qsizetype(entry.compressedSize) > m_archive.size()) {
        *error = u"The archive's data of '%1' lies outside the file."_s.arg(name);
        return std::nullopt;
    }
    const QByteArrayView compressed(m_archive.constData() + dataStart, entry.compressedSize);

    QByteArray content;
    if (entry.method == 0) {
        if (entry.compressedSize != entry.size) {
            *error = u"The stored entry '%1' has inconsistent sizes."_s.arg(name);
            return std::nullopt;
        }
        content = compressed.toByteArray();
    } else if (entry.method == 8) {
        content.resize(entry.size);
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
            *error = u"zlib could not start inflating '%1'."_s.arg(name);
            return std::nullopt;
        }
        // zlib's API takes non-const input; it never writes there.
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
        stream.avail_in = static_cast<uInt>(compressed.size());
        stream.next_out = reinterpret_cast<Bytef *>(content.data());
        stream.avail_out = static_cast<uInt>(content.size());
        const int result = inflate(&stream, Z_FINISH);
        const uLong produced = stream.total_out;
        inflateEnd(&stream);
        if (result != Z_STREAM_END || produced != entry.size) {
            *error = u"'%1' cannot be inflated: the compressed data is damaged."_s.arg(name);
            return std::nullopt;
        }
    } else {
        *error
            = u"'%1' uses zip compression method %2; only stored and deflated entries are supported."_s.arg(name).arg(
                entry.method);
        return std::nullopt;
    }
    const quint32 crc
        = static_cast<quint32>(::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(content.constData()),
                                       static_cast<uInt>(content.size())));
    if (crc != entry.crc) {
        *error = u"'%1' fails its CRC check: the archive is damaged."_s.arg(name);
        return std::nullopt;
    }
    return content;
}

} // namespace Sandbox
