// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class SecretBytes;

// Puts a secret on the clipboard for a limited time and takes it off again, but only if the
// clipboard still holds that secret: whatever the admin copied since is left alone. Only a hash
// of the secret is kept to recognise it. Clipboard managers are asked not to keep it in their
// history (the KDE/KeePassXC password hint). Leaving TokenDesk clears it too.
class ClipboardGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardGuard)

public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void copy(const SecretBytes &secret, std::chrono::seconds clearAfter);
    bool isHolding() const { return !m_hash.isEmpty(); }
    int remainingSeconds() const;
    // Clears the clipboard now if it still holds the secret.
    void clearNow();

Q_SIGNALS:
    // `wasOurs`: false when the clipboard had been replaced by something else meanwhile.
    void cleared(bool wasOurs);

private:
    QByteArray m_hash;
    QTimer m_timer;
};
