// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/policyparser.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;
using BareNumber = PolicyParser::BareNumber;

// Lets QCOMPARE print durations instead of "<unknown>".
char *toString(const PolicyDuration &duration)
{
    return QTest::toString(duration.isNull() ? u"(null)"_s : duration.toPangea());
}

namespace {

// Records which translation contexts are asked for, to prove messages are translatable.
class RecordingTranslator final : public QTranslator
{
public:
    QString translate(
        const char *context, const char *sourceText, const char * /*disambiguation*/, int /*n*/) const override
    {
        contexts.append(QByteArray(context));
        // A recognisable translation shows the parser uses what the translator returns.
        if (QByteArray(sourceText).startsWith("Unknown unit"))
            return u"TRANSLATED %1 %2 %3"_s;
        return {};
    }
    bool isEmpty() const override { return false; }

    mutable QByteArrayList contexts;
};

} // namespace

class TestPolicyParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validInputs_data();
    void validInputs();
    void invalidInputs_data();
    void invalidInputs();
    void bareNumberDependsOnMode();
    void hugeInputStaysLinearAndSafe();
    void randomInputKeepsInvariants();
    void messagesUseThePolicyParserContext();
};

void TestPolicyParser::validInputs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("bareMinutes");
    QTest::addColumn<PolicyDuration>("expected");

    const auto row = [](const char *name, const QString &input, qint64 count, Unit unit, bool bareMinutes = false) {
        QTest::newRow(name) << input << bareMinutes << PolicyDuration(count, unit);
    };

    // Pangea and human forms.
    row("1year", u"1year"_s, 1, Unit::Years);
    row("6months", u"6months"_s, 6, Unit::Months);
    row("6 months", u"6 months"_s, 6, Unit::Months);
    row("30days", u"30days"_s, 30, Unit::Days);
    row("5hours", u"5hours"_s, 5, Unit::Hours);
    row("10minutes", u"10minutes"_s, 10, Unit::Minutes);
    row("1d", u"1d"_s, 1, Unit::Days);
    row("44h", u"44h"_s, 44, Unit::Hours);
    row("2M is months", u"2M"_s, 2, Unit::Months);
    row("2m is minutes", u"2m"_s, 2, Unit::Minutes);
    row("15mins", u"15mins"_s, 15, Unit::Minutes);
    row("2hrs", u"2hrs"_s, 2, Unit::Hours);
    row("30secs", u"30secs"_s, 30, Unit::Seconds);
    row("1 Year", u"1 Year"_s, 1, Unit::Years);
    row("45s", u"45s"_s, 45, Unit::Seconds);
    row("1sec", u"1sec"_s, 1, Unit::Seconds);
    row("1 second", u"1 second"_s, 1, Unit::Seconds);
    row("1min", u"1min"_s, 1, Unit::Minutes);
    row("1 minute", u"1 minute"_s, 1, Unit::Minutes);
    row("1hr", u"1hr"_s, 1, Unit::Hours);
    row("1 hour", u"1 hour"_s, 1, Unit::Hours);
    row("1 day", u"1 day"_s, 1, Unit::Days);
    row("2w", u"2w"_s, 2, Unit::Weeks);
    row("1wk", u"1wk"_s, 1, Unit::Weeks);
    row("3wks", u"3wks"_s, 3, Unit::Weeks);
    row("1 week", u"1 week"_s, 1, Unit::Weeks);
    row("4 weeks", u"4 weeks"_s, 4, Unit::Weeks);
    row("2mo", u"2mo"_s, 2, Unit::Months);
    row("3mon", u"3mon"_s, 3, Unit::Months);
    row("1 month", u"1 month"_s, 1, Unit::Months);
    row("2y", u"2y"_s, 2, Unit::Years);
    row("1yr", u"1yr"_s, 1, Unit::Years);
    row("5yrs", u"5yrs"_s, 5, Unit::Years);
    row("10 years", u"10 years"_s, 10, Unit::Years);
    // Only the single letter is case-sensitive; longer abbreviations are not.
    row("2MO", u"2MO"_s, 2, Unit::Months);
    row("2MIN", u"2MIN"_s, 2, Unit::Minutes);
    row("3 DAYS", u"3 DAYS"_s, 3, Unit::Days);
    row("7D", u"7D"_s, 7, Unit::Days);
    row("surrounding whitespace", u"  \t30 days \n"_s, 30, Unit::Days);
    row("several spaces", u"30    days"_s, 30, Unit::Days);
    row("no-break space", u"30\u00A0days"_s, 30, Unit::Days);
    row("leading zero", u"030days"_s, 30, Unit::Days);
    // The 100-year maximum itself is allowed, in every unit that reaches it exactly.
    row("100 years", u"100years"_s, 100, Unit::Years);
    row("36500 days", u"36500days"_s, 36500, Unit::Days);
    row("1216 months", u"1216months"_s, 1216, Unit::Months);
    row("max seconds", u"3153600000s"_s, 3153600000LL, Unit::Seconds);

    // ISO 8601.
    row("P30D", u"P30D"_s, 30, Unit::Days);
    row("PT5H", u"PT5H"_s, 5, Unit::Hours);
    row("P1Y", u"P1Y"_s, 1, Unit::Years);
    row("P6M", u"P6M"_s, 6, Unit::Months);
    row("P2W", u"P2W"_s, 2, Unit::Weeks);
    row("PT10M", u"PT10M"_s, 10, Unit::Minutes);
    row("PT30S", u"PT30S"_s, 30, Unit::Seconds);
    row("p30d", u"p30d"_s, 30, Unit::Days);
    row("p6m is months", u"p6m"_s, 6, Unit::Months);
    row("pt10m is minutes", u"pt10m"_s, 10, Unit::Minutes);
    row("P1DT12H folds", u"P1DT12H"_s, 36, Unit::Hours);
    row("P1Y6M folds", u"P1Y6M"_s, 18, Unit::Months);
    row("PT1H30M folds", u"PT1H30M"_s, 90, Unit::Minutes);
    row("PT1M30S folds", u"PT1M30S"_s, 90, Unit::Seconds);
    row("P1W2D folds", u"P1W2D"_s, 9, Unit::Days);
    row("P1DT1S folds", u"P1DT1S"_s, 86401, Unit::Seconds);
    row("P0Y6M zero part", u"P0Y6M"_s, 6, Unit::Months);
    row("P1Y0M zero part", u"P1Y0M"_s, 1, Unit::Years);
    row("P100Y", u"P100Y"_s, 100, Unit::Years);
    row("ISO with whitespace", u" PT5H "_s, 5, Unit::Hours);

    // Glean's bare minutes.
    row("bare 1440 minutes", u"1440"_s, 1440, Unit::Minutes, true);
    row("bare 90 with spaces", u" 90 "_s, 90, Unit::Minutes, true);
    row("unit wins over bare", u"2days"_s, 2, Unit::Days, true);
}

void TestPolicyParser::validInputs()
{
    QFETCH(QString, input);
    QFETCH(bool, bareMinutes);
    QFETCH(PolicyDuration, expected);

    const BareNumber mode = bareMinutes ? BareNumber::Minutes : BareNumber::Reject;
    const DurationParseResult result = PolicyParser::parseDuration(input, mode);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.errorStart, qsizetype(-1));
    QCOMPARE(result.errorLength, qsizetype(0));
    const PolicyDuration duration = *result.duration;
    QCOMPARE(duration.count(), expected.count());
    QCOMPARE(static_cast<int>(duration.unit()), static_cast<int>(expected.unit()));
    QVERIFY(!duration.isNull());
    QVERIFY(duration.nominalSeconds() <= PolicyDuration::MaximumNominalSeconds);

    // What we write must read back as the same duration, in both output forms.
    const QString pangea = duration.toPangea();
    const DurationParseResult fromPangea = PolicyParser::parseDuration(pangea);
    QVERIFY2(fromPangea.ok(), qPrintable(pangea + u": "_s + fromPangea.error));
    QCOMPARE(*fromPangea.duration, duration);

    const QString iso = duration.toIso8601();
    const DurationParseResult fromIso = PolicyParser::parseDuration(iso);
    QVERIFY2(fromIso.ok(), qPrintable(iso + u": "_s + fromIso.error));
    QCOMPARE(*fromIso.duration, duration);
    QCOMPARE(PolicyDuration::fromIso8601Stored(iso), duration);
}

void TestPolicyParser::invalidInputs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("bareMinutes");
    QTest::addColumn<QString>("badPart");
    QTest::addColumn<qsizetype>("badStart");
    QTest::addColumn<QString>("hint"); // a fragment the message must contain

    const auto row
        = [](const char *name, const QString &input, const QString &badPart, qsizetype badStart, const QString &hint,
              bool bareMinutes = false) { QTest::newRow(name) << input << bareMinutes << badPart << badStart << hint; };

    row("empty", QString(), QString(), 0, u"Enter a duration such as 30days or P30D."_s);
    row("blank", u"   "_s, u"   "_s, 0, u"Enter a duration such as 30days or P30D."_s);
    row("blank with minutes", u"\t"_s, u"\t"_s, 0, u"Enter a duration"_s, true);
    row("typo in unit", u"1yaer"_s, u"yaer"_s, 1, u"Did you mean “year”?"_s);
    row("typo in minutes", u"10 minuts"_s, u"minuts"_s, 3, u"Did you mean “minutes”?"_s);
    row("unknown unit", u"5 fortnights"_s, u"fortnights"_s, 2, u"Unknown unit"_s);
    row("unknown single letter", u"5x"_s, u"x"_s, 1, u"Unknown unit"_s);
    row("negative", u"-3days"_s, u"-3"_s, 0, u"positive"_s);
    row("negative after spaces", u"  -3days"_s, u"-3"_s, 2, u"positive"_s);
    row("unicode minus", u"\u22123 days"_s, u"\u22123"_s, 0, u"positive"_s);
    row("negative ISO", u"-P3D"_s, u"-P3D"_s, 0, u"positive"_s);
    row("negative inside ISO", u"PT-5H"_s, u"-5"_s, 2, u"positive"_s);
    row("zero", u"0days"_s, u"0"_s, 0, u"positive"_s);
    row("zero ISO", u"P0D"_s, u"0"_s, 1, u"positive"_s);
    row("zero ISO all parts", u"P0DT0H"_s, u"P0DT0H"_s, 0, u"positive"_s);
    row("zero bare minutes", u"0"_s, u"0"_s, 0, u"positive"_s, true);
    row("too long", u"99999years"_s, u"99999years"_s, 0, u"100-year maximum"_s);
    row("just over maximum", u"101 years"_s, u"101 years"_s, 0, u"100-year maximum"_s);
    row("months over maximum", u"1217months"_s, u"1217months"_s, 0, u"100-year maximum"_s);
    row("overflow", u"99999999999999999999days"_s, u"99999999999999999999days"_s, 0, u"100-year maximum"_s);
    row("overflow ISO", u"P99999999999999999999999D"_s, u"P99999999999999999999999D"_s, 0, u"100-year"_s);
    row("too long ISO folded", u"P100Y20M"_s, u"P100Y20M"_s, 0, u"100-year"_s);
    row("too long bare minutes", u"52560001"_s, u"52560001"_s, 0, u"100-year"_s, true);
    row("missing number", u"days"_s, u"days"_s, 0, u"number"_s);
    row("never is not a duration", u"never"_s, u"never"_s, 0, u"not a duration"_s);
    row("inherited is not a duration", u" inherited"_s, u"inherited"_s, 1, u"not a duration"_s);
    row("trailing word", u"30days x"_s, u"x"_s, 7, u"Unexpected"_s);
    row("trailing number", u"30 days 2"_s, u"2"_s, 8, u"single number and unit"_s);
    row("trailing dot", u"30days."_s, u"."_s, 6, u"Unexpected"_s);
    row("trailing emoji", u"1 day 😀"_s, u"😀"_s, 6, u"Unexpected"_s);
    row("two units", u"1y2d"_s, u"2d"_s, 2, u"single number and unit"_s);
    row("two units spaced", u"1 year 6 months"_s, u"6 months"_s, 7, u"single number and unit"_s);
    row("bare number rejected", u"30"_s, u"30"_s, 0, u"Add a unit to “30”, e.g. 30days"_s);
    row("bare 1440 rejected", u"1440"_s, u"1440"_s, 0, u"Add a unit"_s);
    row("fraction", u"1.5days"_s, u"1.5"_s, 0, u"whole number"_s);
    row("decimal comma", u"1,5 days"_s, u"1,5"_s, 0, u"whole number"_s);
    row("bad character before unit", u"30#"_s, u"#"_s, 2, u"Unexpected"_s);
    row("plus sign", u"+3days"_s, u"+"_s, 0, u"Unexpected"_s);
    row("ISO mix months and days", u"P1M2D"_s, u"P1M2D"_s, 0, u"cannot be expressed in one unit"_s);
    row("ISO mix years and hours", u"P1YT2H"_s, u"P1YT2H"_s, 0, u"cannot be expressed in one unit"_s);
    row("ISO mix years and weeks", u"P1Y2W"_s, u"P1Y2W"_s, 0, u"cannot be expressed in one unit"_s);
    row("ISO fraction", u"PT1.5H"_s, u"1.5"_s, 2, u"whole number"_s);
    row("ISO P alone", u"P"_s, u"P"_s, 0, u"no number"_s);
    row("ISO PT alone", u"PT"_s, u"PT"_s, 0, u"no number"_s);
    row("ISO empty time part", u"P1DT"_s, u"T"_s, 3, u"hours, minutes or seconds"_s);
    row("ISO missing designator", u"P30"_s, u"30"_s, 1, u"unit letter"_s);
    row("ISO hours without T", u"P3H"_s, u"3H"_s, 1, u"needs a T"_s);
    row("ISO days after T", u"PT3D"_s, u"3D"_s, 2, u"before the T"_s);
    row("ISO out of order", u"P1D1Y"_s, u"1Y"_s, 3, u"out of order"_s);
    row("ISO repeated", u"PT1H2H"_s, u"2H"_s, 4, u"repeated"_s);
    row("ISO unknown designator", u"P3X"_s, u"X"_s, 2, u"Unknown unit"_s);
    row("ISO double T", u"PT1HT"_s, u"T"_s, 4, u"only once"_s);
    row("ISO trailing", u"P30D x"_s, u"x"_s, 5, u"Unexpected"_s);
    row("ISO split by space", u"P1Y 6M"_s, u"6M"_s, 4, u"single number and unit"_s);
}

void TestPolicyParser::invalidInputs()
{
    QFETCH(QString, input);
    QFETCH(bool, bareMinutes);
    QFETCH(QString, badPart);
    QFETCH(qsizetype, badStart);
    QFETCH(QString, hint);

    const BareNumber mode = bareMinutes ? BareNumber::Minutes : BareNumber::Reject;
    const DurationParseResult result = PolicyParser::parseDuration(input, mode);
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result.duration->toPangea() : QString()));
    QVERIFY(!result.error.isEmpty());
    QVERIFY2(result.error.contains(hint), qPrintable(result.error));

    // The message quotes the bad part, and the range selects exactly that part of the input.
    if (!badPart.trimmed().isEmpty())
        QVERIFY2(result.error.contains(u"“"_s + badPart + u"”"_s), qPrintable(result.error));
    QCOMPARE(result.errorStart, badStart);
    QCOMPARE(result.errorLength, badPart.size());
    QCOMPARE(input.mid(result.errorStart, result.errorLength), badPart);
}

void TestPolicyParser::bareNumberDependsOnMode()
{
    // The same text is minutes for Glean and a missing unit everywhere else.
    const DurationParseResult glean = PolicyParser::parseDuration(u"1440", BareNumber::Minutes);
    QVERIFY(glean.ok());
    QCOMPARE(*glean.duration, PolicyDuration(1440, Unit::Minutes));

    const DurationParseResult rejected = PolicyParser::parseDuration(u"1440");
    QVERIFY(!rejected.ok());
    QVERIFY(rejected.error.contains(u"“1440”"_s));
}

void TestPolicyParser::hugeInputStaysLinearAndSafe()
{
    // A long pasted blob must neither overflow nor take long; QTest's timeout would catch a hang.
    const QString digits = QString(100000, u'9');
    const QString digitsAndUnit = digits + u"days"_s;
    const DurationParseResult number = PolicyParser::parseDuration(digitsAndUnit);
    QVERIFY(!number.ok());
    QVERIFY(number.error.contains(u"100-year"_s));
    QCOMPARE(number.errorLength, digits.size() + 4);

    const QString letters = u"1"_s + QString(100000, u'a');
    const DurationParseResult word = PolicyParser::parseDuration(letters);
    QVERIFY(!word.ok());
    QCOMPARE(word.errorStart, qsizetype(1));
    QCOMPARE(word.errorLength, qsizetype(100000));

    const QString iso = u"P"_s + QString(50000, u'1') + u"D"_s + QString(50000, u'1');
    const DurationParseResult isoResult = PolicyParser::parseDuration(iso);
    QVERIFY(!isoResult.ok());
    QCOMPARE(isoResult.errorStart, qsizetype(50002));
}

void TestPolicyParser::randomInputKeepsInvariants()
{
    // Fixed seed: reproducible, while covering combinations no one writes by hand (run under ASan in CI).
    QRandomGenerator random(20260131);
    const QString alphabet = u"0123456789 PTpt-.,YMWDHSymwdhs\u2212\u00A0ae😀"_s;
    for (int i = 0; i < 20000; ++i) {
        QString input;
        const int length = random.bounded(12);
        for (int j = 0; j < length; ++j)
            input.append(alphabet.at(random.bounded(alphabet.size())));

        const DurationParseResult result = PolicyParser::parseDuration(input, BareNumber::Minutes);
        if (result.ok()) {
            QVERIFY2(result.error.isEmpty(), qPrintable(input));
            QVERIFY2(!result.duration->isNull(), qPrintable(input));
            QVERIFY2(result.duration->nominalSeconds() <= PolicyDuration::MaximumNominalSeconds, qPrintable(input));
        } else {
            QVERIFY2(!result.error.isEmpty(), qPrintable(input));
            QVERIFY2(result.errorStart >= 0 && result.errorLength >= 0, qPrintable(input));
            QVERIFY2(result.errorStart + result.errorLength <= input.size(), qPrintable(input));
        }
    }
}

void TestPolicyParser::messagesUseThePolicyParserContext()
{
    RecordingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const DurationParseResult result = PolicyParser::parseDuration(u"1yaer");
    QCoreApplication::removeTranslator(&translator);

    QVERIFY(translator.contexts.contains("PolicyParser"));
    QCOMPARE(result.error, u"TRANSLATED “yaer” “1yaer” “year”"_s);
}

QTEST_GUILESS_MAIN(TestPolicyParser)
#include "testpolicyparser.moc"
