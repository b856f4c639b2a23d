// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/rotationpolicy.h"

#include <QDateTime>

// When a rotation's old version is revoked and deleted. One definition shared by the engine
// (RotationRun and OldVersionRetirement), which acts on these times, and PolicyPreview, which shows
// them before a policy is saved, so that what the policy editor promises is what the engine does.
class RetirementSchedule final
{
public:
    // When neither the policy nor the provider sets a grace period, consumers get this long.
    static constexpr int DefaultGraceMinutes = 60;
    // Dynatrace's advice: wait a week after disabling a token before deleting it.
    static constexpr int DefaultDeleteAfterDays = 7;

    // End of the old version's grace period for a rotation promoted at `rotatedAt`: the provider's
    // fixed period (Glean 10 minutes, Piiano none), else the policy's, else the default.
    static QDateTime graceEnd(
        const RotationPolicy &policy, const ProviderCapabilities &capabilities, const QDateTime &rotatedAt);
    // When an old version revoked at `revokedAt` is deleted; invalid when the provider never deletes.
    static QDateTime deleteAt(
        const RotationPolicy &policy, const ProviderCapabilities &capabilities, const QDateTime &revokedAt);
};
