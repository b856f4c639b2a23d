// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/parsed.h"
#include "core/rotationresult.h"

#include <QCoreApplication>
#include <QDateTime>

// Turns the answer of Glean's POST /api/index/v1/rotatetoken into a RotationResult; pure, no
// network. A 200 carries {rawSecret, createdAt (Unix seconds), rotationPeriodMinutes}; the error
// statuses have no documented body, so they map by status alone to an Http error whose message
// says what the status means for a rotation.
class GleanParser final
{
    Q_DECLARE_TR_FUNCTIONS(GleanParser)

public:
    // Fixed by Glean and not configurable: the old secret keeps working this long after a rotation.
    static constexpr qint64 OldSecretBufferMinutes = 10;

    // expiresAt = createdAt + rotationPeriodMinutes (rotate again before it); oldValidUntil =
    // `now` + OldSecretBufferMinutes, `now` being the caller's clock when the answer arrived.
    static Parsed<RotationResult> parseRotate(const HttpAnswer &answer, const QDateTime &now);
    // The error for a non-2xx answer: 401 "not valid or already rotated/expired", 403 "source IP
    // not in the allow-list", 429 and 5xx retryable.
    static ApiError errorFor(const HttpAnswer &answer);
};
