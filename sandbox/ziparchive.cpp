#include "sandbox/ziparchive.h"

#include <QtEndian>

#include <array>

namespace Sandbox {
namespace {

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

std::array<quint32, 256> crcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}

// 1980-01-01 00:00 in DOS format: fixed, so seeded archives are byte-for-byte reproducible.
constexpr quint16 kDosTime = 0;
constexpr quint16 kDosDate = (0 << 9) | (1 << 5) | 1;

} // namespace

quint32 ZipArchive::crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (const char byte : data)
        c = table[(c ^ static_cast<quint8>(byte)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void ZipArchive::addFile(const QString &name, const QByteArray &content)
{
    m_entries.append({name.toUtf8(), content});
}

QByteArray ZipArchive::data() const
{
    QByteArray out;
    QByteArray directory;
    for (const Entry &entry : m_entries) {
        const auto offset = static_cast<quint32>(out.size());
        const quint32 crc = crc32(entry.content);
        const auto size = static_cast<quint32>(entry.content.size());
        put32(out, 0x04034b50u); // local file header
        put16(out, 10); // version needed
        put16(out, 0x0800); // flags: UTF-8 names
        put16(out, 0); // stored
        put16(out, kDosTime);
        put16(out, kDosDate);
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, static_cast<quint16>(entry.name.size()));
        put16(out, 0);
        out += entry.name;
        out += entry.content;

        put32(directory, 0x02014b50u); // central directory header
        put16(directory, 20); // made by
        put16(directory, 10);
        put16(directory, 0x0800);
        put16(directory, 0);
        put16(directory, kDosTime);
        put16(directory, kDosDate);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, static_cast<quint16>(entry.name.size()));
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, offset);
        directory += entry.name;
    }
    const auto directoryOffset = static_cast<quint32>(out.size());
    out += directory;
    put32(out, 0x06054b50u); // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<quint16>(m_entries.size()));
    put16(out, static_cast<quint16>(m_entries.size()));
    put32(out, static_cast<quint32>(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

} // namespace Sandbox
