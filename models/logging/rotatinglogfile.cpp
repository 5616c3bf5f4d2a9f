#include "logging/rotatinglogfile.h"

#include <QDir>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Logging {

RotatingLogFile::RotatingLogFile(QString directory, QString baseName, qint64 maxBytes, int keepFiles)
    : m_directory(std::move(directory))
    , m_baseName(std::move(baseName))
    , m_maxBytes(std::max<qint64>(maxBytes, 1))
    , m_keepFiles(std::max(keepFiles, 1))
{ }

bool RotatingLogFile::open(QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = u"cannot create the log folder %1"_s.arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    m_file.setFileName(currentPath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = u"cannot open %1: %2"_s.arg(QDir::toNativeSeparators(currentPath()), m_file.errorString());
        return false;
    }
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void RotatingLogFile::append(QByteArrayView line)
{
    if (!m_file.isOpen())
        return;
    if (m_file.size() > 0 && m_file.size() + line.size() + 1 > m_maxBytes)
        rotate();
    if (!m_file.isOpen())
        return;
    m_file.write(line.data(), line.size());
    m_file.write("\n", 1);
    m_file.flush();
}

QString RotatingLogFile::currentPath() const
{
    return m_directory + u'/' + m_baseName + u".log"_s;
}

QString RotatingLogFile::rotatedPath(int generation) const
{
    return m_directory + u'/' + m_baseName + u'.' + QString::number(generation) + u".log"_s;
}

void RotatingLogFile::rotate()
{
    m_file.close();
    if (m_keepFiles > 1) {
        QFile::remove(rotatedPath(m_keepFiles - 1));
        for (int generation = m_keepFiles - 2; generation >= 1; --generation)
            QFile::rename(rotatedPath(generation), rotatedPath(generation + 1));
        QFile::rename(currentPath(), rotatedPath(1));
    }
    // With keepFiles == 1 (or if the rename failed) the current file starts again from empty.
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace Logging
