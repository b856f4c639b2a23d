// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretbytes.h"

#include <cstring>

namespace {

// Writes through a volatile pointer so the compiler cannot drop the store as dead.
void scrub(QByteArray &bytes)
{
    if (bytes.isEmpty() || !bytes.isDetached())
        return;
    volatile char *data = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        data[i] = 0;
}

} // namespace

SecretBytes::SecretBytes(QByteArray value)
    : m_value(std::move(value))
{ }

SecretBytes SecretBytes::fromUtf8(const QString &text)
{
    return SecretBytes(text.toUtf8());
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        clear();
        m_value = other.m_value;
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_value(std::exchange(other.m_value, QByteArray()))
{ }

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_value = std::exchange(other.m_value, QByteArray());
    }
    return *this;
}

void SecretBytes::clear()
{
    scrub(m_value);
    m_value.clear();
}

bool SecretBytes::constantTimeEquals(const SecretBytes &other) const
{
    if (m_value.size() != other.m_value.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < m_value.size(); ++i)
        diff |= static_cast<unsigned char>(m_value.at(i) ^ other.m_value.at(i));
    return diff == 0;
}
