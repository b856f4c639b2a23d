// SPDX-License-Identifier: GPL-3.0-or-later
#include "mockclock.h"

MockClock::MockClock(const QDateTime &start)
    : m_now(start.toUTC())
{ }
