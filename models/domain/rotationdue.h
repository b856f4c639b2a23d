// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyduration.h"
#include "token.h"

#include <QDateTime>
#include <QMetaType>

// How urgent a token's next rotation is, for the table's colouring and the scheduler's warnings.
enum class DueState {
    None, // nothing to schedule: no policy and no expiry, unknown dates, or the token is revoked
    Ok, // due later than the notify-before window
    DueSoon, // inside the notify-before window (7 days when the policy sets none)
    Overdue, // the due time has passed
};

// When a token should next be rotated. Pure functions of a Token and "now" (from a Clock), so the
// token table, the scheduler and the command line all agree on one definition:
//   due = (lastRotatedAt, else createdAt) + policy.interval,
//   moved earlier to expiresAt − expiryMargin when the provider would expire the token first.
class RotationDue final
{
public:
    static constexpr int DefaultNotifyBeforeDays = 7;

    // Invalid when the token has neither a usable policy base date nor an expiry.
    static QDateTime nextDue(
        const Token &token, const PolicyDuration &expiryMargin = PolicyDuration(1, PolicyDuration::Unit::Days));
    static DueState dueState(const Token &token, const QDateTime &nowUtc);
    // dueState() for a due time computed earlier (the token table caches nextDue per row).
    static DueState dueStateFor(const Token &token, const QDateTime &due, const QDateTime &nowUtc);
};

Q_DECLARE_METATYPE(DueState)
