// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// A secret value in memory (a token, an admin credential). It cannot be printed, converted
// implicitly or compared by accident, and it overwrites its buffer when it is destroyed or
// cleared. Qt's implicit sharing limits the guarantee: a buffer still shared with another
// QByteArray (for example one handed to QNetworkRequest) is only scrubbed by its last owner,
// so callers hand secrets on by move and keep copies short-lived.
class SecretBytes final
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray value);
    static SecretBytes fromUtf8(const QString &text);
    ~SecretBytes();

    SecretBytes(const SecretBytes &other) = default;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;

    bool isEmpty() const { return m_value.isEmpty(); }
    qsizetype size() const { return m_value.size(); }
    // Deliberately named: every place that touches the raw bytes is easy to find in review.
    const QByteArray &exposeBytes() const { return m_value; }
    QString exposeUtf8() const { return QString::fromUtf8(m_value); }

    void clear();
    bool constantTimeEquals(const SecretBytes &other) const;

private:
    QByteArray m_value;
};
