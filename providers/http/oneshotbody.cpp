// SPDX-License-Identifier: GPL-3.0-or-later
#include "oneshotbody.h"

#include <algorithm>
#include <cstring>

OneShotBody::OneShotBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_read + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_read);
    if (count <= 0)
        return -1; // end of the body
    std::memcpy(data, m_data.constData() + m_read, static_cast<std::size_t>(count));
    m_read += count;
    return count;
}

qint64 OneShotBody::writeData(const char *, qint64)
{
    return -1;
}
