// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>

// A QNetworkAccessManager that counts the requests it is asked to make, to prove that a refused
// call caused no network traffic at all (not even a DNS lookup).
class CountingManager final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountingManager)

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int created() const { return m_created; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request, QIODevice *data) override;

private:
    int m_created = 0;
};
