// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "apiresult.h"
#include "httplog.h"

#include <QNetworkAccessManager>
#include <QUuid>

#include <tokendesk/version.h>

using namespace Qt::StringLiterals;

HttpClient::HttpClient(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    Q_ASSERT(manager);
}

HttpClient::~HttpClient()
{
    // The jobs are children and use m_queue, which dies before QObject deletes children: end
    // them here, while everything they touch still exists.
    const QList<ApiRequest *> requests = findChildren<ApiRequest *>(QString(), Qt::FindDirectChildrenOnly);
    for (ApiRequest *request : requests)
        request->abort();
    qDeleteAll(findChildren<ApiRequest *>(QString(), Qt::FindDirectChildrenOnly));
}

ApiRequest *HttpClient::send(ApiCall call)
{
    if (call.correlationId.isEmpty())
        call.correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray method = call.method;
    const QString url = HttpLog::redactUrl(call.url);
    const QString correlationId = call.correlationId;
    auto *request = new ApiRequest(std::move(call), {m_manager, &m_queue, m_retryPolicy, userAgent()}, this);
    connect(request, &ApiRequest::finished, this, [this, request, method, url, correlationId](const ApiResult &result) {
        HttpLog::callFinished(request->call(), result);
        Q_EMIT requestFinished(correlationId, method, url, result.httpStatus, result.attempts,
            static_cast<qint64>(result.elapsed.count()), result.error);
    });
    return request;
}

void HttpClient::setPerHostLimit(int limit)
{
    m_queue.setLimit(limit);
}

void HttpClient::setRetryPolicy(RetryPolicy policy)
{
    m_retryPolicy = std::move(policy);
}

QByteArray HttpClient::userAgent()
{
    return QByteArrayLiteral("TokenDesk/" TOKENDESK_VERSION);
}
