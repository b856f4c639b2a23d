// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QString>

#include <optional>
#include <utility>

// A Pangea request still running on the server (HTTP 202, status "Accepted"). The caller polls
// GET /request/{requestId} until the final answer, which parses like the original call's.
struct PangeaAccepted
{
    QString requestId;
    QString location; // result.location, where the final answer will be; may be empty
    int ttlMinutes = -1; // how long the result is kept; -1 = not said
    int retryCounter = -1; // -1 = not said
};

// What PangeaParser makes of one answer: a value, an accepted-poll-later outcome, or an error
// (never two at once). `requestId` is Pangea's request_id whenever the envelope had one.
template<typename T> struct PangeaReply
{
    std::optional<T> value;
    std::optional<PangeaAccepted> accepted;
    ApiError error;
    QString requestId;

    bool ok() const { return value.has_value(); }
    bool isAccepted() const { return accepted.has_value(); }

    static PangeaReply failure(ApiError parseError)
    {
        PangeaReply reply;
        reply.requestId = parseError.requestId;
        reply.error = std::move(parseError);
        return reply;
    }
};
