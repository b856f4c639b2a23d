// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpanswer.h"

QByteArray HttpAnswer::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<std::chrono::seconds> HttpAnswer::retryAfter() const
{
    const QByteArray value = header("Retry-After").trimmed();
    // A day at most: a larger value is a misconfigured server, not advice worth following.
    constexpr qint64 MaximumSeconds = 24 * 3600;
    if (value.isEmpty() || value.size() > 9)
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return std::chrono::seconds(std::min(seconds, MaximumSeconds));
}

ApiError HttpAnswer::httpError(const QString &message) const
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    error.message = message;
    error.retryable = isTransientStatus(status);
    error.retryAfter = retryAfter();
    return error;
}

bool HttpAnswer::isTransientStatus(int status)
{
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
}
