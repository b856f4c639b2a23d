// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

// The source of "now" for everything time-dependent (schedules, grace periods, ages), so that
// tests can move time with a MockClock instead of sleeping. Always answers in UTC.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const;

    // The process-wide wall clock.
    static const Clock &system();
};
