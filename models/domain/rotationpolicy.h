// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyduration.h"

#include <QMetaType>
#include <QStringList>

// How and when one token rotates: every `interval`, the old version stays valid for
// `gracePeriod`, is revoked `revokeAfter` the rotation (at the latest) and deleted
// `deleteAfter` its revocation. `notifyBefore` warns ahead of a due rotation.
struct RotationPolicy
{
    PolicyDuration interval;
    PolicyDuration gracePeriod;
    PolicyDuration revokeAfter;
    PolicyDuration deleteAfter;
    PolicyDuration notifyBefore;
    bool automatic = false;

    bool isNull() const { return interval.isNull(); }
    // One short line for tables: "every 30 days, grace 1 day, auto".
    QString summary() const;
    // Problems a provider-independent check can see (grace ≥ interval, ...), translated.
    QStringList problems() const;

    friend bool operator==(const RotationPolicy &, const RotationPolicy &) = default;
};

Q_DECLARE_METATYPE(RotationPolicy)
