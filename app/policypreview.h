// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/providerkind.h"
#include "domain/rotationpolicy.h"
#include "domain/token.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

// What a rotation policy would do to one token, before it is saved: the next rotations, when
// each old version would be revoked and deleted, and where the provider cannot honour the policy.
// It follows the engine's own rules (RotationDue for the due time, Scheduler::startTime for when
// an automatic rotation starts, RetirementSchedule for the old version, the token's lifetime
// carried over as VersionLedger::promote does), so the policy editor shows exactly what will
// happen. Pure: nothing is sent, read or stored. Build one per provider account, call compute().
class PolicyPreview final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyPreview)

public:
    static constexpr int DefaultCount = 5;

    struct Entry
    {
        QDateTime due; // when the rotation falls due (interval, or a day before an expiry)
        // When it runs: the scheduler's start time (due less its margin and jitter) for an automatic
        // policy, the due time for a manual one; never before "now" (an overdue rotation runs at once).
        QDateTime rotateAt;
        QDateTime revokeAt; // the old version stops working: end of its grace period
        QDateTime deleteAt; // the old version is deleted; invalid when the provider never deletes
        bool overdue = false; // its start time has already passed
    };

    struct Result
    {
        QList<Entry> rotations; // up to `count`; fewer when the token cannot be scheduled
        bool manualOnly = false; // automatic is off: nothing rotates unless someone starts it
        QStringList warnings; // translated, one sentence each
    };

    PolicyPreview(ProviderKind kind, ProviderCapabilities capabilities);

    // `token` gives the dates (created, last rotated, expiry), its id (the scheduler's jitter)
    // and its state; its own policy is ignored in favour of `policy`.
    Result compute(
        const RotationPolicy &policy, const Token &token, const QDateTime &nowUtc, int count = DefaultCount) const;
    // Only the warnings, for a selection of many tokens.
    QStringList warnings(const RotationPolicy &policy, const Token &token) const;

private:
    // How long the old version really stays valid: the provider's fixed period, the policy's, or
    // the engine's default.
    PolicyDuration effectiveGrace(const RotationPolicy &policy) const;
    void addProviderWarnings(const RotationPolicy &policy, const Token &token, QStringList &found) const;

    ProviderKind m_kind;
    ProviderCapabilities m_capabilities;
};
