// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rotationdue.h"
#include "mockclock.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return {QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc()};
}

Token tokenWith(
    const QDateTime &created, const QDateTime &rotated, const QDateTime &expires, const PolicyDuration &interval)
{
    Token token;
    token.id = 1;
    token.name = u"ci-deploy"_s;
    token.createdAt = created;
    token.lastRotatedAt = rotated;
    token.expiresAt = expires;
    token.policy.interval = interval;
    return token;
}

} // namespace

// Lets QCOMPARE print due states instead of "<unknown>".
char *toString(DueState state)
{
    static const char *const names[] = {"None", "Ok", "DueSoon", "Overdue"};
    return qstrdup(names[static_cast<int>(state)]);
}

class TestRotationDue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void nextDue_data()
    {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<QDateTime>("rotated");
        QTest::addColumn<QDateTime>("expires");
        QTest::addColumn<PolicyDuration>("interval");
        QTest::addColumn<QDateTime>("expected");

        const QDateTime none;
        const PolicyDuration manual;
        QTest::newRow("interval from last rotation")
            << utc(2026, 1, 1) << utc(2026, 2, 1, 9) << none << PolicyDuration(30, Unit::Days) << utc(2026, 3, 3, 9);
        QTest::newRow("interval from creation when never rotated")
            << utc(2026, 1, 1, 9) << none << none << PolicyDuration(30, Unit::Days) << utc(2026, 1, 31, 9);
        QTest::newRow("expiry margin wins when earlier")
            << utc(2026, 1, 1) << none << utc(2026, 2, 15, 6) << PolicyDuration(90, Unit::Days) << utc(2026, 2, 14, 6);
        QTest::newRow("interval wins when earlier than expiry")
            << utc(2026, 1, 1) << none << utc(2026, 12, 31) << PolicyDuration(30, Unit::Days) << utc(2026, 1, 31);
        QTest::newRow("calendar month from 31 Jan")
            << utc(2026, 1, 31, 12) << none << none << PolicyDuration(1, Unit::Months) << utc(2026, 2, 28, 12);
        QTest::newRow("calendar month from 31 Jan in a leap year")
            << utc(2028, 1, 31, 12) << none << none << PolicyDuration(1, Unit::Months) << utc(2028, 2, 29, 12);
        QTest::newRow("rotation on 31 Jan, one month") << utc(2025, 6, 1) << utc(2026, 1, 31, 23, 59) << none
                                                       << PolicyDuration(1, Unit::Months) << utc(2026, 2, 28, 23, 59);
        QTest::newRow("hours interval") << utc(2026, 1, 1, 22) << none << none << PolicyDuration(5, Unit::Hours)
                                        << utc(2026, 1, 2, 3);
        QTest::newRow("no policy: expiry less margin")
            << utc(2026, 1, 1) << none << utc(2026, 6, 1, 10) << manual << utc(2026, 5, 31, 10);
        QTest::newRow("no policy, no expiry") << utc(2026, 1, 1) << none << none << manual << none;
        QTest::newRow("policy without any date") << none << none << none << PolicyDuration(30, Unit::Days) << none;
        QTest::newRow("policy without base date, with expiry")
            << none << none << utc(2026, 3, 1) << PolicyDuration(30, Unit::Days) << utc(2026, 2, 28);
        QTest::newRow("non-UTC input answers in UTC")
            << QDateTime(QDate(2026, 1, 1), QTime(12, 0), QTimeZone(3600)) << none << none
            << PolicyDuration(1, Unit::Days) << utc(2026, 1, 2, 11);
    }

    void nextDue()
    {
        QFETCH(QDateTime, created);
        QFETCH(QDateTime, rotated);
        QFETCH(QDateTime, expires);
        QFETCH(PolicyDuration, interval);
        QFETCH(QDateTime, expected);

        const QDateTime due = RotationDue::nextDue(tokenWith(created, rotated, expires, interval));
        QCOMPARE(due.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(due, expected);
            QCOMPARE(due.timeSpec(), Qt::UTC);
        }
    }

    void customExpiryMargin()
    {
        const Token token = tokenWith(utc(2026, 1, 1), {}, utc(2026, 3, 1), PolicyDuration(90, Unit::Days));
        QCOMPARE(RotationDue::nextDue(token, PolicyDuration(1, Unit::Weeks)), utc(2026, 2, 22));
        QCOMPARE(RotationDue::nextDue(token, PolicyDuration(2, Unit::Hours)), utc(2026, 2, 28, 22));
        // A null margin means "rotate by the expiry itself".
        QCOMPARE(RotationDue::nextDue(token, PolicyDuration()), utc(2026, 3, 1));
    }

    void dueState_data()
    {
        QTest::addColumn<PolicyDuration>("notifyBefore");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<DueState>("expected");

        // Created 1 Jan 00:00, every 30 days: due 31 Jan 00:00.
        const PolicyDuration defaultWindow;
        QTest::newRow("well ahead") << defaultWindow << utc(2026, 1, 10) << DueState::Ok;
        QTest::newRow("one second before the 7-day window")
            << defaultWindow << utc(2026, 1, 23, 23, 59, 59) << DueState::Ok;
        QTest::newRow("7-day window starts") << defaultWindow << utc(2026, 1, 24) << DueState::DueSoon;
        QTest::newRow("one second before due") << defaultWindow << utc(2026, 1, 30, 23, 59, 59) << DueState::DueSoon;
        QTest::newRow("exactly due") << defaultWindow << utc(2026, 1, 31) << DueState::Overdue;
        QTest::newRow("long overdue") << defaultWindow << utc(2026, 6, 1) << DueState::Overdue;
        QTest::newRow("2-day window, 3 days ahead")
            << PolicyDuration(2, Unit::Days) << utc(2026, 1, 28) << DueState::Ok;
        QTest::newRow("2-day window, 1 day ahead")
            << PolicyDuration(2, Unit::Days) << utc(2026, 1, 30) << DueState::DueSoon;
        QTest::newRow("3-week window, 20 days ahead")
            << PolicyDuration(3, Unit::Weeks) << utc(2026, 1, 11) << DueState::DueSoon;
    }

    void dueState()
    {
        QFETCH(PolicyDuration, notifyBefore);
        QFETCH(QDateTime, now);
        QFETCH(DueState, expected);

        Token token = tokenWith(utc(2026, 1, 1), {}, {}, PolicyDuration(30, Unit::Days));
        token.policy.notifyBefore = notifyBefore;
        MockClock clock(now);
        QCOMPARE(RotationDue::dueState(token, clock.nowUtc()), expected);
    }

    void dueStateMovesWithTheClock()
    {
        const Token token = tokenWith(utc(2026, 1, 1), {}, {}, PolicyDuration(1, Unit::Months));
        MockClock clock(utc(2026, 1, 20)); // due 1 Feb 00:00, window from 25 Jan 00:00
        QCOMPARE(RotationDue::dueState(token, clock.nowUtc()), DueState::Ok);
        clock.advanceDays(5);
        QCOMPARE(RotationDue::dueState(token, clock.nowUtc()), DueState::DueSoon);
        clock.advanceDays(6);
        clock.advanceMinutes(23 * 60 + 59);
        QCOMPARE(RotationDue::dueState(token, clock.nowUtc()), DueState::DueSoon);
        clock.advanceMinutes(1);
        QCOMPARE(RotationDue::dueState(token, clock.nowUtc()), DueState::Overdue);
    }

    void dueStateNone()
    {
        const MockClock clock;
        // Neither a policy nor an expiry: nothing to schedule.
        QCOMPARE(RotationDue::dueState(tokenWith(utc(2020, 1, 1), {}, {}, {}), clock.nowUtc()), DueState::None);
        // A revoked token is gone at the provider, however old it is.
        Token revoked = tokenWith(utc(2020, 1, 1), {}, {}, PolicyDuration(30, Unit::Days));
        QCOMPARE(RotationDue::dueState(revoked, clock.nowUtc()), DueState::Overdue);
        revoked.state = TokenState::Revoked;
        QCOMPARE(RotationDue::dueState(revoked, clock.nowUtc()), DueState::None);
        // An expiry alone makes a manual token due before it expires.
        const Token expiring = tokenWith(utc(2026, 1, 1), {}, clock.nowUtc().addDays(3), {});
        QCOMPARE(RotationDue::dueState(expiring, clock.nowUtc()), DueState::DueSoon);
    }
};

QTEST_GUILESS_MAIN(TestRotationDue)
#include "testrotationdue.moc"
