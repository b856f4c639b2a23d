// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypreview.h"

#include "domain/rotationdue.h"
#include "retirementschedule.h"
#include "scheduler.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Unit = PolicyDuration::Unit;

// RotationDue's default expiry margin: a token is due a day before it expires.
constexpr qint64 ExpiryMarginSeconds = 24 * 3600;

// A length in seconds in its largest exact unit, for messages ("7 days", "90 minutes").
PolicyDuration exactDuration(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return {seconds / 86400, Unit::Days};
    if (seconds > 0 && seconds % 3600 == 0)
        return {seconds / 3600, Unit::Hours};
    if (seconds > 0 && seconds % 60 == 0)
        return {seconds / 60, Unit::Minutes};
    return {seconds, Unit::Seconds};
}

// How long a token lives after each rotation (VersionLedger::promote keeps it); 0 = no expiry.
qint64 lifetimeSeconds(const Token &token)
{
    if (!token.expiresAt.isValid() || !token.createdAt.isValid())
        return 0;
    return std::max<qint64>(0, token.createdAt.secsTo(token.expiresAt));
}

} // namespace

PolicyPreview::PolicyPreview(ProviderKind kind, ProviderCapabilities capabilities)
    : m_kind(kind)
    , m_capabilities(std::move(capabilities))
{ }

PolicyDuration PolicyPreview::effectiveGrace(const RotationPolicy &policy) const
{
    if (m_capabilities.fixedGracePeriod)
        return exactDuration(m_capabilities.fixedGracePeriod->count());
    if (!policy.gracePeriod.isNull())
        return policy.gracePeriod;
    return exactDuration(qint64(RetirementSchedule::DefaultGraceMinutes) * 60);
}

PolicyPreview::Result PolicyPreview::compute(
    const RotationPolicy &policy, const Token &token, const QDateTime &nowUtc, int count) const
{
    Result result;
    result.manualOnly = !policy.automatic;
    result.warnings = warnings(policy, token);
    if (m_kind == ProviderKind::VaultKv || token.state == TokenState::Revoked || !nowUtc.isValid())
        return result;

    // The token as the engine will see it after each rotation: VersionLedger::promote sets the
    // rotation time as created and last-rotated time and keeps the token's lifetime.
    Token next = token;
    next.policy = policy;
    const qint64 lifetime = lifetimeSeconds(token);
    const QDateTime now = nowUtc.toUTC();
    QDateTime previous;
    for (int i = 0; i < count; ++i) {
        const QDateTime due = RotationDue::nextDue(next);
        if (!due.isValid())
            break;
        const QDateTime start = policy.automatic ? Scheduler::startTime(next, due) : due;
        Entry entry;
        entry.due = due;
        entry.overdue = start < now;
        entry.rotateAt = std::max(start, now);
        if (previous.isValid() && entry.rotateAt <= previous) {
            result.warnings << tr("After each rotation this token would be due again at once: it expires within a "
                                  "day of being rotated, and TokenDesk rotates a day before an expiry.");
            break;
        }
        entry.revokeAt = RetirementSchedule::graceEnd(policy, m_capabilities, entry.rotateAt);
        entry.deleteAt = RetirementSchedule::deleteAt(policy, m_capabilities, entry.revokeAt);
        result.rotations << entry;

        previous = entry.rotateAt;
        next.lastRotatedAt = entry.rotateAt;
        next.createdAt = entry.rotateAt;
        if (lifetime > 0)
            next.expiresAt = entry.rotateAt.addSecs(lifetime);
    }
    return result;
}

QStringList PolicyPreview::warnings(const RotationPolicy &policy, const Token &token) const
{
    QStringList found;
    if (m_kind == ProviderKind::VaultKv) {
        found << tr("A HashiCorp Vault account stores secrets; it has no tokens to rotate.");
        return found;
    }
    if (token.state == TokenState::Revoked) {
        found << tr("This token is revoked: nothing will be rotated.");
        return found;
    }
    found << policy.problems();

    if (!policy.isNull() && !token.createdAt.isValid() && !token.lastRotatedAt.isValid()
        && !token.expiresAt.isValid()) {
        found << tr("TokenDesk does not know when this token was created or last rotated, so it cannot schedule "
                    "it: rotate it once by hand to start the schedule.");
    }

    // The policy's own grace check (problems()) cannot see a grace the provider or the engine sets.
    const PolicyDuration grace = effectiveGrace(policy);
    const bool graceFromPolicy = !m_capabilities.fixedGracePeriod && !policy.gracePeriod.isNull();
    if (!policy.revokeAfter.isNull() && !graceFromPolicy
        && policy.revokeAfter.nominalSeconds() < grace.nominalSeconds())
        found << tr("The old version stays valid for %1 after a rotation, longer than revoke-after (%2).")
                     .arg(grace.toDisplayString(), policy.revokeAfter.toDisplayString());

    if (const qint64 lifetime = lifetimeSeconds(token); lifetime > ExpiryMarginSeconds && !policy.isNull()
        && policy.interval.nominalSeconds() > lifetime - ExpiryMarginSeconds) {
        found << tr("This token expires %1 after each rotation, before the interval (%2) ends: TokenDesk rotates it "
                    "a day before each expiry instead, every %3.")
                     .arg(exactDuration(lifetime).toDisplayString(), policy.interval.toDisplayString(),
                         exactDuration(lifetime - ExpiryMarginSeconds).toDisplayString());
    }
    addProviderWarnings(policy, token, found);
    found.removeDuplicates();
    return found;
}

void PolicyPreview::addProviderWarnings(const RotationPolicy &policy, const Token &token, QStringList &found) const
{
    const QString provider = ProviderKindInfo::displayName(m_kind);
    switch (m_kind) {
    case ProviderKind::Glean:
        if (const qint64 lifetime = lifetimeSeconds(token); lifetime > 0) {
            found << tr("Glean fixes this token's rotation period (%1) when the token is created in the Glean "
                        "console; TokenDesk cannot change it. A secret not rotated within it stops working, so "
                        "schedule rotations well inside it.")
                         .arg(exactDuration(lifetime).toDisplayString());
        } else {
            found << tr("Glean fixes the rotation period when the token is created in the Glean console; TokenDesk "
                        "cannot change it. A secret not rotated within that period stops working, so choose an "
                        "interval well inside it.");
        }
        if (!policy.gracePeriod.isNull())
            found << tr("Glean ends an old secret %1 after a rotation, whatever the grace period says.")
                         .arg(effectiveGrace(policy).toDisplayString());
        break;
    case ProviderKind::PangeaVault:
        if (policy.automatic && !policy.interval.isNull()) {
            found << tr("Pangea rotates this item on its own every %1 (its rotation frequency), even while "
                        "TokenDesk is not running.")
                         .arg(policy.interval.toDisplayString());
        } else {
            found << tr("Automatic rotation is off, so Pangea's own schedule for this item is switched off too "
                        "(rotation frequency “never”).");
        }
        if (policy.gracePeriod.isNull())
            found << tr("No grace period is set: Pangea keeps the item's own grace period, and without one the old "
                        "version stops working at the rotation.");
        if (!policy.revokeAfter.isNull() || !policy.notifyBefore.isNull())
            found << tr("Pangea stores only the rotation frequency and the grace period: revoke-after and "
                        "notify-before are applied by TokenDesk alone.");
        break;
    case ProviderKind::PiianoVault:
        if (!policy.gracePeriod.isNull())
            found << tr("Piiano's old ids stop working at the rotation: the grace period has no effect, and every "
                        "application must switch to the new ids at once.");
        break;
    case ProviderKind::Dynatrace:
    case ProviderKind::VaultKv:
        break;
    }
    if (!m_capabilities.deleteToken && !policy.deleteAfter.isNull())
        found << tr("TokenDesk never deletes %1 tokens: delete-after has no effect.").arg(provider);
}
