// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apicall.h"
#include "apiresult.h"
#include "hostqueue.h"
#include "retrypolicy.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
struct AttemptOutcome;

// One call's job, made by HttpClient::send(): it waits for a slot on the host, sends, follows
// same-origin redirects itself (at most MaximumRedirects, same verb and body, see OriginPolicy),
// retries what may be retried, and emits finished() exactly once, from the event loop, then
// deletes itself. Connect to finished() right after send(): the work starts on the next turn of
// the event loop, so nothing is missed.
//
// Retries: idempotent calls are tried again (up to maxAttempts, with RetryPolicy's back-off) on
// network errors, inactivity timeouts, 429 and 500/502/503/504; 429 and 503 wait for their
// Retry-After instead. A non-idempotent call is tried again only when it cannot have reached the
// server (connection refused, host not found). Nothing waits past the call's deadline: a wait that
// would end after it finishes the call at once with the last error, carrying Retry-After.
class ApiRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequest)

public:
    // What the client lends each job; all of it outlives the job.
    struct Context
    {
        QNetworkAccessManager *manager = nullptr;
        HostQueue *queue = nullptr;
        RetryPolicy retryPolicy;
        QByteArray userAgent;
    };

    ApiRequest(ApiCall call, Context context, QObject *parent = nullptr);
    ~ApiRequest() override;

    const ApiCall &call() const { return m_call; }
    QString correlationId() const { return m_call.correlationId; }
    int attempts() const { return m_attempts; }
    bool isFinished() const { return m_state == State::Finished; }

    // Stops the call: finished() is emitted with a Cancelled error before abort() returns, unless
    // the call had already finished.
    void abort();

    static constexpr int MaximumRedirects = 5;

Q_SIGNALS:
    void finished(const ApiResult &result);

private:
    enum class State { Created, Queued, Running, Waiting, Finished };
    enum class AbortReason { None, Cancelled, Deadline };

    void start();
    void enqueue(bool ahead);
    void startAttempt();
    void sendToCurrentUrl();
    QNetworkRequest buildRequest(const QUrl &url) const;
    QNetworkReply *sendRequest(QNetworkRequest request);
    void onReplyFinished(QNetworkReply *reply);
    // Follows or refuses a redirect answer; false when the answer is not one.
    bool followRedirect(QNetworkReply *reply);
    void onDeadline();
    void handleOutcome(AttemptOutcome outcome);
    void abortReply(AbortReason reason);
    void releaseSlot();
    void finishWithError(ApiError::Kind kind, const QString &message, bool retryable = false);
    void finish(ApiResult result);

    ApiCall m_call;
    Context m_context;
    QString m_hostKey;
    QSslConfiguration m_tls;
    State m_state = State::Created;
    HostQueue::Ticket m_ticket = 0;
    bool m_holdsSlot = false;
    QPointer<QNetworkReply> m_reply;
    QUrl m_currentUrl;
    int m_attempts = 0;
    int m_redirects = 0;
    AbortReason m_abortReason = AbortReason::None;
    QStringList m_sslErrors;
    QElapsedTimer m_elapsed;
    QDeadlineTimer m_deadline;
    QTimer m_deadlineTimer;
    QTimer m_retryTimer;
};
