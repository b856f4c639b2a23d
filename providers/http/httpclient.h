// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apicall.h"
#include "apierror.h"
#include "apirequest.h"
#include "hostqueue.h"
#include "retrypolicy.h"

#include <QObject>

class QNetworkAccessManager;

// The gate every provider call goes through. send() turns an ApiCall into an ApiRequest job and
// enforces what no provider may get wrong: https only (plain http to this computer excepted),
// redirects only within the origin, TLS 1.2+ with verification always on, a TokenDesk User-Agent,
// at most perHostLimit() calls at once per host with the rest queued in order, and one redacted
// log line per call. The QNetworkAccessManager is the application's single one, lent to the client
// (not owned); it must outlive the client.
//
//     ApiRequest *request = http->send(ApiCall("GET", url));
//     connect(request, &ApiRequest::finished, this, [](const ApiResult &result) { ... });
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QNetworkAccessManager *manager, QObject *parent = nullptr);
    // Cancels the calls still running (each emits finished() with Cancelled).
    ~HttpClient() override;

    // Never null. A call refused before sending (plain http to a remote host, unreadable CA file)
    // still answers through finished(), from the event loop.
    ApiRequest *send(ApiCall call);

    int perHostLimit() const { return m_queue.limit(); }
    void setPerHostLimit(int limit);
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    // For calls sent from now on; tests use it to make back-off short and deterministic.
    void setRetryPolicy(RetryPolicy policy);
    QNetworkAccessManager *networkAccessManager() const { return m_manager; }

    // "TokenDesk/<version>": who we are, and nothing about the machine.
    static QByteArray userAgent();

Q_SIGNALS:
    // For the audit log, once per call after the job's own finished(). `url` is redacted (see
    // HttpLog); `httpStatus` is 0 when no answer arrived, and `error` says why.
    void requestFinished(const QString &correlationId, const QByteArray &method, const QString &url, int httpStatus,
        int attempts, qint64 elapsedMs, const ApiError &error);

private:
    QNetworkAccessManager *m_manager;
    HostQueue m_queue;
    RetryPolicy m_retryPolicy;
};
