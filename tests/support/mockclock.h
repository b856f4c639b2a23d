// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"

#include <QTimeZone>

// A clock that stands still until a test moves it, so no test ever sleeps.
class MockClock final : public Clock
{
public:
    explicit MockClock(const QDateTime &start = QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
    QDateTime nowUtc() const override { return m_now; }

    void set(const QDateTime &when) { m_now = when.toUTC(); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceMinutes(qint64 minutes) { advanceSeconds(minutes * 60); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};
