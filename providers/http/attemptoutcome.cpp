// SPDX-License-Identifier: GPL-3.0-or-later
#include "attemptoutcome.h"

#include "retrypolicy.h"

#include <QDateTime>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {

// Errors below the HTTP layer: the answer, if any, is incomplete. Everything else that comes with
// a status code (ContentNotFoundError for 404, InternalServerError for 500, ...) is Qt's name for
// that status, and the status is what counts.
bool isTransportFailure(QNetworkReply::NetworkError error)
{
    const int code = error;
    if (code >= 1 && code <= 99)
        return true;
    if (code >= 101 && code <= 199 && error != QNetworkReply::ProxyAuthenticationRequiredError)
        return true;
    return error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::ProtocolFailure;
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 3);
}

QDateTime answerDate(const ApiResult &result)
{
    // Retry-After dates are counted from the server's own clock where it says what time it is.
    QString date = QString::fromLatin1(result.header("Date").trimmed());
    if (date.endsWith(u" GMT"_s)) {
        date.chop(3);
        const QDateTime parsed = QDateTime::fromString(date + u"+0000"_s, Qt::RFC2822Date);
        if (parsed.isValid())
            return parsed;
    }
    return QDateTime::currentDateTimeUtc();
}

} // namespace

AttemptOutcome AttemptOutcome::fromReply(
    QNetworkReply *reply, const QStringList &sslErrors, std::chrono::milliseconds inactivityTimeout)
{
    AttemptOutcome outcome;
    ApiResult &result = outcome.result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.requestId = requestIdFrom(result.headers);

    ApiError &error = result.error;
    error.requestId = result.requestId;
    const QString host = reply->url().host();
    const QNetworkReply::NetworkError code = reply->error();

    if (code == QNetworkReply::SslHandshakeFailedError || (!sslErrors.isEmpty() && code != QNetworkReply::NoError)) {
        error.kind = ApiError::Kind::Tls;
        error.message = tr("Secure connection to %1 failed: %2")
                            .arg(host, sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(u"; "_s));
        outcome.reachedServer = false; // nothing is sent before the handshake succeeds
        return outcome;
    }

    // Qt 6.4 can end a reply as successful when the connection dies mid-body: it stops reading
    // at the close whatever Content-Length announced. A short body is a lost answer, not data.
    const QByteArray announced = result.header("Content-Length").trimmed();
    bool lengthKnown = false;
    const qint64 expected = announced.toLongLong(&lengthKnown);
    if (result.httpStatus > 0 && code == QNetworkReply::NoError && lengthKnown
        && result.header("Content-Encoding").isEmpty() && result.body.size() < expected) {
        error.kind = ApiError::Kind::Network;
        error.message = tr("The connection to %1 closed after %2 of %3 bytes of the answer")
                            .arg(host)
                            .arg(result.body.size())
                            .arg(expected);
        outcome.transient = true;
        return outcome;
    }

    if (result.httpStatus > 0 && !isTransportFailure(code)) {
        if (result.httpStatus >= 200 && result.httpStatus < 300)
            return outcome;
        const int status = result.httpStatus;
        const QString reason
            = QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        error.kind = ApiError::Kind::Http;
        error.httpStatus = status;
        error.message = reason.isEmpty() ? tr("The server answered with an error status")
                                         : tr("The server answered: %1").arg(reason);
        outcome.transient = RetryPolicy::isRetryableStatus(status);
        if (RetryPolicy::honoursRetryAfter(status)) {
            outcome.retryAfter = RetryPolicy::parseRetryAfter(result.header("Retry-After"), answerDate(result));
            error.retryAfter = outcome.retryAfter;
        }
        return outcome;
    }

    switch (code) {
    case QNetworkReply::OperationCanceledError: // Qt's name for an expired transfer timeout
    case QNetworkReply::TimeoutError:
        error.kind = ApiError::Kind::Timeout;
        error.message = tr("No data from %1 for %2 s").arg(host, seconds(inactivityTimeout));
        outcome.transient = true;
        break;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        // Refused or never found: the request cannot have left this machine.
        error.kind = ApiError::Kind::Network;
        error.message = tr("Cannot connect to %1: %2").arg(host, reply->errorString());
        outcome.transient = true;
        outcome.reachedServer = false;
        break;
    case QNetworkReply::ContentReSendError:
        // Qt wanted to send a non-idempotent call again after the connection dropped (see
        // OneShotBody); it may have been carried out already.
        error.kind = ApiError::Kind::Network;
        error.message = tr("The connection to %1 closed before an answer came; the call was not sent again "
                           "because it must not run twice")
                            .arg(host);
        outcome.transient = true;
        break;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProtocolUnknownError:
        error.kind = ApiError::Kind::Refused;
        error.message = tr("Refused by TokenDesk: %1").arg(reply->errorString());
        break;
    default:
        error.kind = ApiError::Kind::Network;
        error.message = tr("Network error with %1: %2").arg(host, reply->errorString());
        outcome.transient = true;
        break;
    }
    return outcome;
}

QString AttemptOutcome::requestIdFrom(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    static const char *const names[]
        = {"X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-Amz-Request-Id", "X-Trace-Id"};
    for (const char *name : names) {
        for (const auto &[key, value] : headers) {
            if (key.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0 && !value.trimmed().isEmpty())
                return QString::fromLatin1(value.trimmed().left(200));
        }
    }
    return {};
}
