// SPDX-License-Identifier: GPL-3.0-or-later
#include "countingmanager.h"

QNetworkReply *CountingManager::createRequest(Operation operation, const QNetworkRequest &request, QIODevice *data)
{
    ++m_created;
    return QNetworkAccessManager::createRequest(operation, request, data);
}
