#include "cloud/oneshotbody.h"

#include <algorithm>
#include <cstring>

namespace Cloud {

OneShotBody::OneShotBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly);
}

OneShotBody::~OneShotBody() = default;

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
    if (count <= 0)
        return m_position >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(count));
    m_position += count;
    return count;
}

qint64 OneShotBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Cloud
