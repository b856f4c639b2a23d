// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "core/httpanswer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <utility>

// The outcome of one ApiRequest, delivered once by ApiRequest::finished(). On an HTTP error the
// status, headers and body of the last answer stay here so that the provider's parser can turn
// them into its own Provider error; `error` then holds the transport's view (kind Http).
struct ApiResult
{
    int httpStatus = 0; // 0 when no answer arrived
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    ApiError error;
    QString correlationId;
    QString requestId; // the server's, from X-Request-Id and similar headers; parsers may know better
    int attempts = 0; // requests actually started; 0 when refused before sending
    std::chrono::milliseconds elapsed {0};

    bool ok() const { return !error.isError(); }
    // First value of a response header, matched case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The answer as the provider parsers take it.
    HttpAnswer answer() const;
};

Q_DECLARE_METATYPE(ApiResult)
