// SPDX-License-Identifier: GPL-3.0-or-later
#include "retirementschedule.h"

QDateTime RetirementSchedule::graceEnd(
    const RotationPolicy &policy, const ProviderCapabilities &capabilities, const QDateTime &rotatedAt)
{
    if (capabilities.fixedGracePeriod)
        return rotatedAt.addSecs(capabilities.fixedGracePeriod->count());
    if (!policy.gracePeriod.isNull())
        return policy.gracePeriod.addTo(rotatedAt);
    return rotatedAt.addSecs(DefaultGraceMinutes * 60);
}

QDateTime RetirementSchedule::deleteAt(
    const RotationPolicy &policy, const ProviderCapabilities &capabilities, const QDateTime &revokedAt)
{
    if (!capabilities.deleteToken)
        return {};
    return policy.deleteAfter.isNull() ? revokedAt.addDays(DefaultDeleteAfterDays)
                                       : policy.deleteAfter.addTo(revokedAt);
}
