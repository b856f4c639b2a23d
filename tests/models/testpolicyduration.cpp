// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/policyduration.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;

// Lets QCOMPARE print durations instead of "<unknown>".
char *toString(const PolicyDuration &duration)
{
    return QTest::toString(duration.isNull() ? u"(null)"_s : duration.toPangea());
}

namespace {

QDateTime utc(int year, int month, int day, int hour = 12, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

QTimeZone berlin()
{
    return QTimeZone(QByteArrayLiteral("Europe/Berlin"));
}

QDateTime inBerlin(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), berlin());
}

bool isCalendarUnit(Unit unit)
{
    return unit == Unit::Months || unit == Unit::Years;
}

// One duration per unit, so loops cover every case of the switch statements.
const QList<Unit> AllUnits {
    Unit::Seconds, Unit::Minutes, Unit::Hours, Unit::Days, Unit::Weeks, Unit::Months, Unit::Years};

} // namespace

class TestPolicyDuration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void arithmetic_data();
    void arithmetic();
    void localInputReturnsUtc_data();
    void localInputReturnsUtc();
    void nominalSeconds_data();
    void nominalSeconds();
    void nominalOrdering_data();
    void nominalOrdering();
    void displayString_data();
    void displayString();
    void storedIsoRoundTrip_data();
    void storedIsoRoundTrip();
    void storedIsoRejectsOtherForms_data();
    void storedIsoRejectsOtherForms();
    void nullDuration();
    void nonPositiveCountsAreNull_data();
    void nonPositiveCountsAreNull();
};

void TestPolicyDuration::initTestCase()
{
    // A local zone with daylight saving time, so "local" inputs really differ from UTC.
    qputenv("TZ", "Europe/Berlin");
    tzset();
    QVERIFY2(berlin().isValid(), "tzdata for Europe/Berlin is missing");
    QCOMPARE(QDateTime(QDate(2026, 7, 1), QTime(12, 0), Qt::LocalTime).offsetFromUtc(), 7200);
}

void TestPolicyDuration::arithmetic_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<PolicyDuration>("duration");
    QTest::addColumn<bool>("subtract");
    QTest::addColumn<QDateTime>("expected");

    const auto add = [](const char *name, const QDateTime &start, PolicyDuration duration, const QDateTime &expected) {
        QTest::newRow(name) << start << duration << false << expected;
    };
    const auto sub = [](const char *name, const QDateTime &start, PolicyDuration duration, const QDateTime &expected) {
        QTest::newRow(name) << start << duration << true << expected;
    };

    // Months and years clamp to the end of a shorter month instead of spilling into the next.
    add("31 Jan 2026 + 1 month", utc(2026, 1, 31), {1, Unit::Months}, utc(2026, 2, 28));
    add("31 Jan 2028 + 1 month (leap)", utc(2028, 1, 31), {1, Unit::Months}, utc(2028, 2, 29));
    add("29 Feb 2028 + 1 year", utc(2028, 2, 29), {1, Unit::Years}, utc(2029, 2, 28));
    add("29 Feb 2028 + 4 years", utc(2028, 2, 29), {4, Unit::Years}, utc(2032, 2, 29));
    add("31 Aug 2026 + 6 months", utc(2026, 8, 31), {6, Unit::Months}, utc(2027, 2, 28));
    add("30 Apr + 1 month keeps the day", utc(2026, 4, 30), {1, Unit::Months}, utc(2026, 5, 30));
    add("31 Dec + 1 month", utc(2026, 12, 31), {1, Unit::Months}, utc(2027, 1, 31));
    add("15 Jan + 13 months", utc(2026, 1, 15, 8, 30), {13, Unit::Months}, utc(2027, 2, 15, 8, 30));
    add("1 Jan + 100 years", utc(2026, 1, 1), {100, Unit::Years}, utc(2126, 1, 1));
    sub("31 Mar 2026 - 1 month", utc(2026, 3, 31), {1, Unit::Months}, utc(2026, 2, 28));
    sub("31 Mar 2028 - 1 month (leap)", utc(2028, 3, 31), {1, Unit::Months}, utc(2028, 2, 29));
    sub("29 Feb 2028 - 1 year", utc(2028, 2, 29), {1, Unit::Years}, utc(2027, 2, 28));
    sub("31 May - 3 months", utc(2026, 5, 31), {3, Unit::Months}, utc(2026, 2, 28));

    // Arithmetic is in UTC, so a day across a DST change stays 24 hours (25 or 23 on the wall clock).
    add("1 day across Berlin spring-forward", inBerlin(2026, 3, 28, 12), {1, Unit::Days}, utc(2026, 3, 29, 11));
    add("1 day across Berlin fall-back", inBerlin(2026, 10, 24, 12), {1, Unit::Days}, utc(2026, 10, 25, 10));
    sub("1 day back across spring-forward", inBerlin(2026, 3, 29, 12), {1, Unit::Days}, utc(2026, 3, 28, 10));
    add("24 hours across spring-forward", inBerlin(2026, 3, 28, 12), {24, Unit::Hours}, utc(2026, 3, 29, 11));

    add("2 weeks", utc(2026, 1, 1, 0), {2, Unit::Weeks}, utc(2026, 1, 15, 0));
    sub("1 week back across the year", utc(2027, 1, 3), {1, Unit::Weeks}, utc(2026, 12, 27));
    add("2 days across leap day", utc(2028, 2, 28), {2, Unit::Days}, utc(2028, 3, 1));
    add("3 hours across midnight", utc(2026, 12, 31, 22, 30), {3, Unit::Hours}, utc(2027, 1, 1, 1, 30));
    sub("90 minutes back across midnight", utc(2026, 3, 1, 0, 30), {90, Unit::Minutes}, utc(2026, 2, 28, 23, 0));
    add("45 seconds across a minute", utc(2026, 6, 1, 9, 59, 30), {45, Unit::Seconds}, utc(2026, 6, 1, 10, 0, 15));
}

void TestPolicyDuration::arithmetic()
{
    QFETCH(QDateTime, start);
    QFETCH(PolicyDuration, duration);
    QFETCH(bool, subtract);
    QFETCH(QDateTime, expected);

    const QDateTime result = subtract ? duration.subtractFrom(start) : duration.addTo(start);
    QCOMPARE(result, expected);
    QCOMPARE(result.timeSpec(), Qt::UTC);
    // QDateTime equality compares instants; the wall-clock text shows the date really matches.
    QCOMPARE(result.toString(Qt::ISODate), expected.toString(Qt::ISODate));

    if (!isCalendarUnit(duration.unit())) {
        // Fixed-length units move by exactly their length in seconds, and are reversible.
        QCOMPARE(qAbs(start.secsTo(result)), duration.nominalSeconds());
        const QDateTime back = subtract ? duration.addTo(result) : duration.subtractFrom(result);
        QCOMPARE(back, start);
    }
}

void TestPolicyDuration::localInputReturnsUtc_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<PolicyDuration>("duration");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime localMidsummer(QDate(2026, 7, 1), QTime(12, 0), Qt::LocalTime);
    QTest::newRow("local time + 1 day") << localMidsummer << PolicyDuration(1, Unit::Days) << utc(2026, 7, 2, 10);
    QTest::newRow("local time + 2 hours") << localMidsummer << PolicyDuration(2, Unit::Hours) << utc(2026, 7, 1, 12);
    QTest::newRow("offset + 1 week") << QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::OffsetFromUTC, -5 * 3600)
                                     << PolicyDuration(1, Unit::Weeks) << utc(2026, 1, 8, 14);
    // 00:30 on 1 Feb in Berlin is still 31 Jan in UTC, so the month clamps to 28 Feb UTC.
    QTest::newRow("zone + 1 month uses the UTC date")
        << inBerlin(2026, 2, 1, 0, 30) << PolicyDuration(1, Unit::Months) << utc(2026, 2, 28, 23, 30);
    QTest::newRow("local midnight + 1 month") << QDateTime(QDate(2026, 1, 1), QTime(0, 30), Qt::LocalTime)
                                              << PolicyDuration(1, Unit::Months) << utc(2026, 1, 31, 23, 30);
}

void TestPolicyDuration::localInputReturnsUtc()
{
    QFETCH(QDateTime, start);
    QFETCH(PolicyDuration, duration);
    QFETCH(QDateTime, expected);

    QVERIFY(start.timeSpec() != Qt::UTC);
    const QDateTime result = duration.addTo(start);
    QCOMPARE(result.timeSpec(), Qt::UTC);
    QCOMPARE(result, expected);
    QCOMPARE(result.toString(Qt::ISODate), expected.toString(Qt::ISODate));

    const QDateTime back = duration.subtractFrom(start);
    QCOMPARE(back.timeSpec(), Qt::UTC);
}

void TestPolicyDuration::nominalSeconds_data()
{
    QTest::addColumn<PolicyDuration>("duration");
    QTest::addColumn<qint64>("seconds");

    QTest::newRow("1 second") << PolicyDuration(1, Unit::Seconds) << qint64(1);
    QTest::newRow("1 minute") << PolicyDuration(1, Unit::Minutes) << qint64(60);
    QTest::newRow("1 hour") << PolicyDuration(1, Unit::Hours) << qint64(3600);
    QTest::newRow("1 day") << PolicyDuration(1, Unit::Days) << qint64(86400);
    QTest::newRow("1 week") << PolicyDuration(1, Unit::Weeks) << qint64(604800);
    QTest::newRow("1 month is 30 days") << PolicyDuration(1, Unit::Months) << qint64(2592000);
    QTest::newRow("1 year is 365 days") << PolicyDuration(1, Unit::Years) << qint64(31536000);
    QTest::newRow("100 years is the maximum")
        << PolicyDuration(100, Unit::Years) << PolicyDuration::MaximumNominalSeconds;
    QTest::newRow("3 days") << PolicyDuration(3, Unit::Days) << qint64(259200);
}

void TestPolicyDuration::nominalSeconds()
{
    QFETCH(PolicyDuration, duration);
    QFETCH(qint64, seconds);
    QCOMPARE(duration.nominalSeconds(), seconds);
}

void TestPolicyDuration::nominalOrdering_data()
{
    QTest::addColumn<PolicyDuration>("shorter");
    QTest::addColumn<PolicyDuration>("longer");

    QTest::newRow("59 s < 1 min") << PolicyDuration(59, Unit::Seconds) << PolicyDuration(1, Unit::Minutes);
    QTest::newRow("59 min < 1 h") << PolicyDuration(59, Unit::Minutes) << PolicyDuration(1, Unit::Hours);
    QTest::newRow("23 h < 1 d") << PolicyDuration(23, Unit::Hours) << PolicyDuration(1, Unit::Days);
    QTest::newRow("6 d < 1 w") << PolicyDuration(6, Unit::Days) << PolicyDuration(1, Unit::Weeks);
    QTest::newRow("4 w < 1 month") << PolicyDuration(4, Unit::Weeks) << PolicyDuration(1, Unit::Months);
    QTest::newRow("29 d < 1 month") << PolicyDuration(29, Unit::Days) << PolicyDuration(1, Unit::Months);
    QTest::newRow("11 months < 1 y") << PolicyDuration(11, Unit::Months) << PolicyDuration(1, Unit::Years);
    // With 30-day months, twelve of them are five days short of a 365-day year.
    QTest::newRow("12 months < 1 y") << PolicyDuration(12, Unit::Months) << PolicyDuration(1, Unit::Years);
    QTest::newRow("364 d < 1 y") << PolicyDuration(364, Unit::Days) << PolicyDuration(1, Unit::Years);
    QTest::newRow("1 y < 13 months") << PolicyDuration(1, Unit::Years) << PolicyDuration(13, Unit::Months);
    QTest::newRow("5 min < 301 s") << PolicyDuration(5, Unit::Minutes) << PolicyDuration(301, Unit::Seconds);
}

void TestPolicyDuration::nominalOrdering()
{
    QFETCH(PolicyDuration, shorter);
    QFETCH(PolicyDuration, longer);
    QVERIFY2(shorter.nominalSeconds() < longer.nominalSeconds(),
        qPrintable(QString::number(shorter.nominalSeconds()) + u" vs "_s + QString::number(longer.nominalSeconds())));
}

void TestPolicyDuration::displayString_data()
{
    QTest::addColumn<PolicyDuration>("duration");

    for (const Unit unit : AllUnits) {
        for (const qint64 count : {qint64(1), qint64(5)}) {
            const PolicyDuration duration(count, unit);
            QTest::addRow("%s", qPrintable(duration.toPangea())) << duration;
        }
    }
    // More than INT_MAX, which %n cannot take.
    QTest::newRow("100 years in seconds") << PolicyDuration(3153600000LL, Unit::Seconds);
}

void TestPolicyDuration::displayString()
{
    QFETCH(PolicyDuration, duration);
    const QString text = duration.toDisplayString();
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(QString::number(duration.count())), qPrintable(text));
    QVERIFY2(!text.contains(u'%'), qPrintable(text)); // an unfilled placeholder
    QVERIFY(text != PolicyDuration().toDisplayString());
}

void TestPolicyDuration::storedIsoRoundTrip_data()
{
    QTest::addColumn<PolicyDuration>("duration");
    QTest::addColumn<QString>("iso");

    // The largest count each unit may have, next to small ones.
    const auto largest
        = [](Unit unit) { return PolicyDuration::MaximumNominalSeconds / PolicyDuration(1, unit).nominalSeconds(); };
    for (const Unit unit : AllUnits) {
        for (const qint64 count : {qint64(1), qint64(7), qint64(12), largest(unit)}) {
            const PolicyDuration duration(count, unit);
            QTest::addRow("%s", qPrintable(duration.toPangea())) << duration << duration.toIso8601();
        }
    }
    QTest::newRow("exact ISO text") << PolicyDuration(36, Unit::Hours) << u"PT36H"_s;
    QTest::newRow("exact ISO months") << PolicyDuration(6, Unit::Months) << u"P6M"_s;
    QTest::newRow("exact ISO minutes") << PolicyDuration(6, Unit::Minutes) << u"PT6M"_s;
}

void TestPolicyDuration::storedIsoRoundTrip()
{
    QFETCH(PolicyDuration, duration);
    QFETCH(QString, iso);
    QCOMPARE(duration.toIso8601(), iso);
    const PolicyDuration restored = PolicyDuration::fromIso8601Stored(iso);
    QCOMPARE(restored, duration);
    QCOMPARE(restored.nominalSeconds(), duration.nominalSeconds());
}

void TestPolicyDuration::storedIsoRejectsOtherForms_data()
{
    QTest::addColumn<QString>("text");

    // The stored form is what toIso8601() writes and nothing else; user input goes through PolicyParser.
    QTest::newRow("empty") << QString();
    QTest::newRow("combined") << u"P1DT12H"_s;
    QTest::newRow("lowercase") << u"p30d"_s;
    QTest::newRow("pangea") << u"30days"_s;
    QTest::newRow("days after T") << u"PT5D"_s;
    QTest::newRow("hours without T") << u"P5H"_s;
    QTest::newRow("fraction") << u"PT1.5H"_s;
    QTest::newRow("negative") << u"P-3D"_s;
    QTest::newRow("zero") << u"P0D"_s;
    QTest::newRow("too many digits") << u"P12345678901D"_s;
    QTest::newRow("surrounding space") << u" P30D"_s;
}

void TestPolicyDuration::storedIsoRejectsOtherForms()
{
    QFETCH(QString, text);
    const PolicyDuration duration = PolicyDuration::fromIso8601Stored(text);
    QVERIFY2(duration.isNull(), qPrintable(duration.toPangea()));
}

void TestPolicyDuration::nullDuration()
{
    const PolicyDuration none;
    QVERIFY(none.isNull());
    QCOMPARE(none.count(), qint64(0));
    QCOMPARE(none.nominalSeconds(), qint64(0));
    QVERIFY(none.toPangea().isEmpty());
    QVERIFY(none.toIso8601().isEmpty());
    QCOMPARE(none.toDisplayString(), u"not set"_s);
    QVERIFY(PolicyDuration::fromIso8601Stored(none.toIso8601()).isNull());

    // A null duration leaves the instant alone, but still answers in UTC like every other one.
    const QDateTime start = inBerlin(2026, 3, 29, 12);
    QCOMPARE(none.addTo(start), start);
    QCOMPARE(none.addTo(start).timeSpec(), Qt::UTC);
    QCOMPARE(none.subtractFrom(start), start);
    QCOMPARE(none.subtractFrom(start).timeSpec(), Qt::UTC);

    QVERIFY(!none.addTo(QDateTime()).isValid());
    QVERIFY(!PolicyDuration(1, Unit::Days).addTo(QDateTime()).isValid());
    QVERIFY(!PolicyDuration(1, Unit::Days).subtractFrom(QDateTime()).isValid());
}

void TestPolicyDuration::nonPositiveCountsAreNull_data()
{
    QTest::addColumn<PolicyDuration>("duration");
    QTest::newRow("0 hours") << PolicyDuration(0, Unit::Hours);
    QTest::newRow("-5 days") << PolicyDuration(-5, Unit::Days);
    QTest::newRow("-1 month") << PolicyDuration(-1, Unit::Months);
}

void TestPolicyDuration::nonPositiveCountsAreNull()
{
    QFETCH(PolicyDuration, duration);
    QVERIFY(duration.isNull());
    QCOMPARE(duration.nominalSeconds(), qint64(0));
    QVERIFY(duration.toIso8601().isEmpty());
    QVERIFY(duration.toPangea().isEmpty());
    // A negative count must not move time backwards through addTo().
    const QDateTime start = utc(2026, 5, 31);
    QCOMPARE(duration.addTo(start), start);
    QCOMPARE(duration.subtractFrom(start), start);
}

QTEST_GUILESS_MAIN(TestPolicyDuration)
#include "testpolicyduration.moc"
