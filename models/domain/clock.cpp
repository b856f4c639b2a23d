// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

QDateTime Clock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &Clock::system()
{
    static const Clock wallClock;
    return wallClock;
}
