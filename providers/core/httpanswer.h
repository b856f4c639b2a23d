// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <chrono>
#include <optional>

// The bytes of one HTTP answer as the provider parsers see them, with no socket or
// QNetworkReply behind it, so parsers are tested on fixtures alone. `headers` has the shape of
// QNetworkReply::rawHeaderPairs().
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isSuccess() const { return status >= 200 && status < 300; }
    // First value of a header, matched case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // Retry-After in its delta-seconds form. The HTTP-date form needs a clock and is left to the
    // caller's own back-off.
    std::optional<std::chrono::seconds> retryAfter() const;
    // An Http error for a status without a usable provider error body. Retryable for 408, 429 and
    // 502-504, where waiting can help; `message` says what the status means for this call.
    ApiError httpError(const QString &message) const;
    static bool isTransientStatus(int status);
};
