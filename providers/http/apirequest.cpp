// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequest.h"

#include "attemptoutcome.h"
#include "httplog.h"
#include "oneshotbody.h"
#include "originpolicy.h"
#include "tlsconfig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace {

bool isVerb(QByteArrayView method, const char *verb)
{
    return method.compare(QByteArrayView(verb), Qt::CaseInsensitive) == 0;
}

bool carriesBody(QByteArrayView method)
{
    return isVerb(method, "POST") || isVerb(method, "PUT") || isVerb(method, "PATCH");
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 3);
}

} // namespace

ApiRequest::ApiRequest(ApiCall call, Context context, QObject *parent)
    : QObject(parent)
    , m_call(std::move(call))
    , m_context(std::move(context))
    , m_currentUrl(m_call.url)
{
    m_call.maxAttempts = std::max(1, m_call.maxAttempts);
    m_elapsed.start();

    // The deadline runs from send(): time spent queued behind other calls to the same host counts.
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ApiRequest::onDeadline);
    if (m_call.deadline.count() > 0) {
        m_deadline = QDeadlineTimer(m_call.deadline, Qt::PreciseTimer);
        m_deadlineTimer.start(m_call.deadline);
    } else {
        m_deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    }

    m_retryTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, which would call back before Retry-After.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { enqueue(true); });

    // From the event loop, so that the caller has connected finished() before anything can end.
    QMetaObject::invokeMethod(this, &ApiRequest::start, Qt::QueuedConnection);
}

ApiRequest::~ApiRequest()
{
    // Only reached unfinished when the client goes away under a running call.
    if (m_state == State::Queued)
        m_context.queue->cancel(m_hostKey, m_ticket);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    releaseSlot();
}

void ApiRequest::abort()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Running && m_reply)
        abortReply(AbortReason::Cancelled);
    else
        finishWithError(ApiError::Kind::Cancelled, tr("Cancelled"));
}

void ApiRequest::start()
{
    if (m_state != State::Created)
        return;
    if (const QString refusal = OriginPolicy::checkTarget(m_call.url); !refusal.isEmpty()) {
        finishWithError(ApiError::Kind::Refused, refusal);
        return;
    }
    if (m_call.url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0) {
        const TlsConfig::Result tls = TlsConfig::build(m_call.caCertificatePath);
        if (!tls.ok()) {
            finishWithError(ApiError::Kind::Tls, tls.error);
            return;
        }
        m_tls = tls.configuration;
    }
    m_hostKey = HostQueue::keyFor(m_call.url);
    enqueue(false);
}

void ApiRequest::enqueue(bool ahead)
{
    m_state = State::Queued;
    const HostQueue::Ticket ticket = m_context.queue->acquire(
        m_hostKey, [this] { startAttempt(); }, ahead);
    // acquire() may already have started the attempt.
    if (m_state == State::Queued)
        m_ticket = ticket;
}

void ApiRequest::startAttempt()
{
    m_state = State::Running;
    m_ticket = 0;
    m_holdsSlot = true;
    ++m_attempts;
    m_redirects = 0;
    m_currentUrl = m_call.url;
    m_abortReason = AbortReason::None;
    HttpLog::attemptStarted(m_call, m_attempts);
    sendToCurrentUrl();
}

void ApiRequest::sendToCurrentUrl()
{
    m_sslErrors.clear();
    QNetworkReply *reply = sendRequest(buildRequest(m_currentUrl));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Kept for the message only: TLS errors are never waived, so the handshake fails.
        for (const QSslError &error : errors)
            m_sslErrors << error.errorString();
    });
}

QNetworkRequest ApiRequest::buildRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    // Redirects come back as answers and followRedirect() decides. Qt's own following
    // (UserVerifiedRedirectPolicy) cannot be used: on 6.4 it intermittently fails to send the body
    // again after 307/308 (ContentReSendError), and a one-shot body never reaches its redirected()
    // signal at all.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(static_cast<int>(std::clamp<qint64>(m_call.inactivityTimeout.count(), 0, INT_MAX)));
    // Every account brings its own credential: no cookie, cache entry or remembered HTTP
    // authentication may carry one call's identity into another's.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_context.userAgent);
    if (!m_call.contentType.isEmpty() && (!m_call.body.isEmpty() || carriesBody(m_call.method)))
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_call.contentType);
    for (const auto &[name, value] : m_call.headers)
        request.setRawHeader(name, value);
    if (url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0)
        request.setSslConfiguration(m_tls);
    return request;
}

QNetworkReply *ApiRequest::sendRequest(QNetworkRequest request)
{
    QNetworkAccessManager *manager = m_context.manager;
    const QByteArray &method = m_call.method;
    if (!m_call.idempotent) {
        // Unbuffered and not rewindable, so that Qt cannot quietly send the call a second time.
        auto *body = new OneShotBody(m_call.body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_call.body.size());
        QNetworkReply *reply = manager->sendCustomRequest(request, method.toUpper(), body);
        body->setParent(reply);
        return reply;
    }
    if (isVerb(method, "GET"))
        return manager->get(request);
    if (isVerb(method, "HEAD"))
        return manager->head(request);
    if (isVerb(method, "POST"))
        return manager->post(request, m_call.body);
    if (isVerb(method, "PUT"))
        return manager->put(request, m_call.body);
    if (isVerb(method, "DELETE") && m_call.body.isEmpty())
        return manager->deleteResource(request);
    // PATCH, LIST, DELETE with a body.
    if (m_call.body.isEmpty())
        return manager->sendCustomRequest(request, method.toUpper(), static_cast<QIODevice *>(nullptr));
    return manager->sendCustomRequest(request, method.toUpper(), m_call.body);
}

void ApiRequest::onReplyFinished(QNetworkReply *reply)
{
    if (reply != m_reply || m_state != State::Running)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    if (m_abortReason == AbortReason::None && followRedirect(reply))
        return;
    releaseSlot();

    switch (m_abortReason) {
    case AbortReason::Cancelled:
        finishWithError(ApiError::Kind::Cancelled, tr("Cancelled"));
        return;
    case AbortReason::Deadline:
        finishWithError(ApiError::Kind::Timeout,
            tr("No complete answer from %1 within the call's deadline of %2 s")
                .arg(m_call.url.host(), seconds(m_call.deadline)),
            m_call.idempotent);
        return;
    case AbortReason::None:
        break;
    }
    handleOutcome(AttemptOutcome::fromReply(reply, m_sslErrors, m_call.inactivityTimeout));
}

bool ApiRequest::followRedirect(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray location = reply->rawHeader("Location").trimmed();
    const bool isRedirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    // Qt 6.4 still tries to rewind the body for a 307 or 308 and reports ContentReSendError
    // when it cannot (OneShotBody); the answer itself is complete.
    const QNetworkReply::NetworkError error = reply->error();
    if (!isRedirect || location.isEmpty()
        || (error != QNetworkReply::NoError && error != QNetworkReply::ContentReSendError))
        return false;

    const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(location));
    QString refusal = OriginPolicy::checkRedirect(m_currentUrl, target, m_call.method, status, m_call.idempotent);
    if (refusal.isEmpty() && m_redirects >= MaximumRedirects) {
        refusal = tr("Refused to follow more than %1 redirects (the last one to %2)")
                      .arg(QString::number(MaximumRedirects), HttpLog::redactUrl(target));
    }
    if (!refusal.isEmpty()) {
        finishWithError(ApiError::Kind::Refused, refusal);
        return true;
    }
    // Same origin, so the credential headers may go along; same verb and body, within the same
    // attempt and host slot.
    ++m_redirects;
    m_currentUrl = target;
    sendToCurrentUrl();
    return true;
}

void ApiRequest::handleOutcome(AttemptOutcome outcome)
{
    ApiResult &result = outcome.result;
    if (result.ok()) {
        finish(std::move(result));
        return;
    }
    ApiError &error = result.error;
    // Sending a non-idempotent call again could do its work twice (mint two tokens), unless it
    // never reached the server. The caller may still decide to repeat it when the server said it
    // declined the work (429, 503), so that is what `retryable` tells it.
    const bool mayResend = m_call.idempotent || !outcome.reachedServer;
    const bool serverDeclined = error.kind == ApiError::Kind::Http && RetryPolicy::honoursRetryAfter(error.httpStatus);
    error.retryable = outcome.transient && (mayResend || serverDeclined);
    if (!outcome.transient || !mayResend || m_attempts >= m_call.maxAttempts) {
        finish(std::move(result));
        return;
    }

    const std::chrono::milliseconds wait = outcome.retryAfter
        ? std::chrono::duration_cast<std::chrono::milliseconds>(*outcome.retryAfter)
        : m_context.retryPolicy.delay(m_attempts);
    if (!m_deadline.isForever() && wait >= m_deadline.remainingTimeAsDuration()) {
        if (outcome.retryAfter) {
            error.message = tr("%1; it asks to be called again in %2 s, after this call's deadline")
                                .arg(error.message, QString::number(outcome.retryAfter->count()));
        }
        finish(std::move(result));
        return;
    }
    HttpLog::retryScheduled(m_call, m_attempts, error, wait);
    m_state = State::Waiting;
    m_retryTimer.start(wait);
}

void ApiRequest::onDeadline()
{
    const QString host = m_call.url.host();
    switch (m_state) {
    case State::Running:
        abortReply(AbortReason::Deadline);
        break;
    case State::Created:
    case State::Queued:
        finishWithError(ApiError::Kind::Timeout,
            tr("No free connection to %1 within the call's deadline of %2 s").arg(host, seconds(m_call.deadline)),
            true);
        break;
    case State::Waiting:
        finishWithError(ApiError::Kind::Timeout,
            tr("No answer from %1 within the call's deadline of %2 s").arg(host, seconds(m_call.deadline)),
            m_call.idempotent);
        break;
    case State::Finished:
        break;
    }
}

void ApiRequest::abortReply(AbortReason reason)
{
    m_abortReason = reason;
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    // abort() emits finished() at once; should the reply already be over without having told us,
    // handle it here instead.
    reply->abort();
    if (m_reply == reply)
        onReplyFinished(reply);
}

void ApiRequest::releaseSlot()
{
    if (!m_holdsSlot)
        return;
    m_holdsSlot = false;
    m_context.queue->release(m_hostKey);
}

void ApiRequest::finishWithError(ApiError::Kind kind, const QString &message, bool retryable)
{
    ApiResult result;
    result.error.kind = kind;
    result.error.message = message;
    result.error.retryable = retryable;
    finish(std::move(result));
}

void ApiRequest::finish(ApiResult result)
{
    if (m_state == State::Finished)
        return;
    const State previous = m_state;
    m_state = State::Finished;
    m_deadlineTimer.stop();
    m_retryTimer.stop();
    if (previous == State::Queued)
        m_context.queue->cancel(m_hostKey, m_ticket);
    m_ticket = 0;
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    releaseSlot();

    result.correlationId = m_call.correlationId;
    result.attempts = m_attempts;
    result.elapsed = std::chrono::milliseconds(m_elapsed.elapsed());
    if (result.error.isError() && result.error.requestId.isEmpty())
        result.error.requestId = result.requestId;
    Q_EMIT finished(result);
    deleteLater();
}
