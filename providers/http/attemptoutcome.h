// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"

#include <QCoreApplication>
#include <QStringList>

#include <chrono>
#include <optional>

class QNetworkReply;

// What one finished QNetworkReply came to, in TokenDesk's terms: the answer (status, headers,
// body, request id) with an ApiError when it failed, whether another attempt could go better
// (`transient`), and whether the request may have reached the server, which decides if a
// non-idempotent call may be sent again. Aborts that ApiRequest caused itself (cancel, deadline,
// refused redirect) are not seen here: it knows their reason better than the reply does.
struct AttemptOutcome
{
    Q_DECLARE_TR_FUNCTIONS(AttemptOutcome)

public:
    ApiResult result;
    bool transient = false;
    bool reachedServer = true;
    std::optional<std::chrono::seconds> retryAfter; // from a 429 or 503 answer

    // `sslErrors` are the texts of QNetworkReply::sslErrors(), kept for the message: the reply's
    // own errorString() only says that the handshake failed.
    static AttemptOutcome fromReply(
        QNetworkReply *reply, const QStringList &sslErrors, std::chrono::milliseconds inactivityTimeout);

    // The first request id found in the usual response headers (X-Request-Id and kin).
    static QString requestIdFrom(const QList<std::pair<QByteArray, QByteArray>> &headers);
};
