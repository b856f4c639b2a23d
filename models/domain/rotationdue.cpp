// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationdue.h"

QDateTime RotationDue::nextDue(const Token &token, const PolicyDuration &expiryMargin)
{
    QDateTime due;
    const QDateTime base = token.lastRotatedAt.isValid() ? token.lastRotatedAt : token.createdAt;
    if (!token.policy.isNull() && base.isValid())
        due = token.policy.interval.addTo(base);
    if (token.expiresAt.isValid()) {
        // Rotating after the provider expired the token would break its consumers: the expiry,
        // less a safety margin, is a deadline even for tokens rotated by hand.
        const QDateTime beforeExpiry = expiryMargin.subtractFrom(token.expiresAt);
        if (!due.isValid() || beforeExpiry < due)
            due = beforeExpiry;
    }
    return due.isValid() ? due.toUTC() : QDateTime();
}

DueState RotationDue::dueState(const Token &token, const QDateTime &nowUtc)
{
    return dueStateFor(token, nextDue(token), nowUtc);
}

DueState RotationDue::dueStateFor(const Token &token, const QDateTime &due, const QDateTime &nowUtc)
{
    // A revoked token is gone at the provider: there is nothing left to rotate.
    if (!due.isValid() || !nowUtc.isValid() || token.state == TokenState::Revoked)
        return DueState::None;
    if (nowUtc >= due)
        return DueState::Overdue;
    const PolicyDuration window = token.policy.notifyBefore.isNull()
        ? PolicyDuration(DefaultNotifyBeforeDays, PolicyDuration::Unit::Days)
        : token.policy.notifyBefore;
    if (nowUtc >= window.subtractFrom(due))
        return DueState::DueSoon;
    return DueState::Ok;
}
