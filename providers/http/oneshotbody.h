// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

// The body of a non-idempotent call, handed to Qt as a device that can be read once and never
// rewound. Qt 6 silently sends a request again when the connection closes before any answer
// arrives, even a POST that the server may already have carried out (minting a second token).
// Such a resend has to rewind the body first; this device refuses, so Qt reports
// ContentReSendError instead of sending the call twice. Each send gets a new device.
class OneShotBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotBody)

public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }
    // Qt only rewinds to send the body again; the first send reads from the start without it.
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_read = 0;
};
