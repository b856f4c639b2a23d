// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

// A hand-written scanner rather than a regular expression: every error has to point at the
// offending characters, and a linear scan cannot backtrack catastrophically on hostile input.

namespace {

using Unit = PolicyDuration::Unit;

// Any count above this is too long whatever its unit (a second is the smallest one), so digits
// stop accumulating here and a 40-digit number can never overflow qint64.
constexpr qint64 CountCap = PolicyDuration::MaximumNominalSeconds + 1;

// PolicyDuration's own nominal lengths (30-day months, 365-day years), so the two never disagree.
qint64 secondsPer(Unit unit)
{
    return PolicyDuration(1, unit).nominalSeconds();
}

bool exceedsMaximum(qint64 count, Unit unit)
{
    // Divide instead of multiplying so that a capped count cannot overflow.
    return count > PolicyDuration::MaximumNominalSeconds / secondsPer(unit);
}

QString quoted(QStringView part)
{
    return u"“"_s + part.toString() + u"”"_s;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isMinus(QChar c)
{
    // U+2212 arrives when people paste from word processors.
    return c == u'-' || c == QChar(0x2212);
}

// Length of the character at pos, so that a quoted character never splits a surrogate pair.
qsizetype charLength(QStringView text, qsizetype pos)
{
    if (pos + 1 < text.size() && text[pos].isHighSurrogate() && text[pos + 1].isLowSurrogate())
        return 2;
    return 1;
}

// The Pangea unit spellings; only the single letters "M" and "m" are case-sensitive.
struct UnitSpelling
{
    QStringView name;
    Unit unit;
};

constexpr std::array UnitSpellings {
    UnitSpelling {u"second", Unit::Seconds},
    UnitSpelling {u"seconds", Unit::Seconds},
    UnitSpelling {u"sec", Unit::Seconds},
    UnitSpelling {u"secs", Unit::Seconds},
    UnitSpelling {u"s", Unit::Seconds},
    UnitSpelling {u"minute", Unit::Minutes},
    UnitSpelling {u"minutes", Unit::Minutes},
    UnitSpelling {u"min", Unit::Minutes},
    UnitSpelling {u"mins", Unit::Minutes},
    UnitSpelling {u"hour", Unit::Hours},
    UnitSpelling {u"hours", Unit::Hours},
    UnitSpelling {u"hr", Unit::Hours},
    UnitSpelling {u"hrs", Unit::Hours},
    UnitSpelling {u"h", Unit::Hours},
    UnitSpelling {u"day", Unit::Days},
    UnitSpelling {u"days", Unit::Days},
    UnitSpelling {u"d", Unit::Days},
    UnitSpelling {u"week", Unit::Weeks},
    UnitSpelling {u"weeks", Unit::Weeks},
    UnitSpelling {u"wk", Unit::Weeks},
    UnitSpelling {u"wks", Unit::Weeks},
    UnitSpelling {u"w", Unit::Weeks},
    UnitSpelling {u"month", Unit::Months},
    UnitSpelling {u"months", Unit::Months},
    UnitSpelling {u"mo", Unit::Months},
    UnitSpelling {u"mon", Unit::Months},
    UnitSpelling {u"year", Unit::Years},
    UnitSpelling {u"years", Unit::Years},
    UnitSpelling {u"yr", Unit::Years},
    UnitSpelling {u"yrs", Unit::Years},
    UnitSpelling {u"y", Unit::Years},
};

std::optional<Unit> unitFromWord(QStringView word)
{
    // "2M" is two months and "2m" two minutes, as in Pangea and most cron-like tools.
    if (word == u"M")
        return Unit::Months;
    if (word == u"m")
        return Unit::Minutes;
    for (const UnitSpelling &spelling : UnitSpellings) {
        if (word.compare(spelling.name, Qt::CaseInsensitive) == 0)
            return spelling.unit;
    }
    return std::nullopt;
}

// Optimal string alignment distance, so that the transposition in "yaer" counts as one edit.
qsizetype editDistance(QStringView a, QStringView b)
{
    const qsizetype rows = a.size() + 1;
    const qsizetype cols = b.size() + 1;
    std::vector<qsizetype> d(static_cast<std::size_t>(rows * cols));
    const auto at = [&](qsizetype i, qsizetype j) -> qsizetype & { return d[static_cast<std::size_t>(i * cols + j)]; };
    for (qsizetype i = 0; i < rows; ++i)
        at(i, 0) = i;
    for (qsizetype j = 0; j < cols; ++j)
        at(0, j) = j;
    for (qsizetype i = 1; i < rows; ++i) {
        for (qsizetype j = 1; j < cols; ++j) {
            const qsizetype cost = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded() ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1].toCaseFolded() == b[j - 2].toCaseFolded()
                && a[i - 2].toCaseFolded() == b[j - 1].toCaseFolded())
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, cols - 1);
}

// The closest unit spelling, or empty when nothing is close enough to be a likely typo.
// Single letters are left out: "x" is one edit from "s", "h" and "d" alike, which helps no one.
QStringView closestUnit(QStringView word)
{
    if (word.size() < 2 || word.size() > 12)
        return {};
    QStringView best;
    qsizetype bestScore = std::numeric_limits<qsizetype>::max();
    for (const UnitSpelling &spelling : UnitSpellings) {
        if (spelling.name.size() < 3)
            continue;
        // Ties go to the spelling with the same last letter: "minuts" means "minutes", not "minute".
        const bool sameEnd = spelling.name.back().toCaseFolded() == word.back().toCaseFolded();
        const qsizetype score = editDistance(word, spelling.name) * 2 + (sameEnd ? 0 : 1);
        if (score < bestScore) {
            best = spelling.name;
            bestScore = score;
        }
    }
    const qsizetype allowed = word.size() <= 3 ? 1 : 2;
    return bestScore / 2 <= allowed ? best : QStringView();
}

// Scans the input and records the first error; positions are in the caller's original text.
class Scanner
{
    // Messages belong to the "PolicyParser" context, where lupdate also finds them.
    Q_DECLARE_TR_FUNCTIONS(PolicyParser)

public:
    Scanner(QStringView text, PolicyParser::BareNumber bareNumber)
        : m_text(text)
        , m_bareNumber(bareNumber)
    { }

    DurationParseResult parse()
    {
        m_begin = 0;
        m_end = m_text.size();
        while (m_begin < m_end && m_text[m_begin].isSpace())
            ++m_begin;
        while (m_end > m_begin && m_text[m_end - 1].isSpace())
            --m_end;

        if (m_begin == m_end)
            return fail(0, m_text.size(), tr("Enter a duration such as 30days or P30D."));

        const QChar first = m_text[m_begin];
        if (isMinus(first))
            return failNegative(m_begin);
        if ((first == u'P' || first == u'p')
            && (m_begin + 1 == m_end || isAsciiDigit(m_text[m_begin + 1]) || m_text[m_begin + 1] == u'T'
                || m_text[m_begin + 1] == u't'))
            return parseIso();
        return parsePangea();
    }

private:
    DurationParseResult fail(qsizetype start, qsizetype length, const QString &message) const
    {
        DurationParseResult result;
        result.error = message;
        result.errorStart = start;
        result.errorLength = length;
        return result;
    }

    // message is translated and has one placeholder, %1, for the quoted bad part.
    DurationParseResult failAt(qsizetype start, qsizetype end, const QString &message) const
    {
        return fail(start, end - start, message.arg(quoted(part(start, end))));
    }

    static DurationParseResult succeed(qint64 count, Unit unit)
    {
        DurationParseResult result;
        result.duration = PolicyDuration(count, unit);
        return result;
    }

    QStringView part(qsizetype start, qsizetype end) const { return m_text.sliced(start, end - start); }

    qsizetype skipSpaces(qsizetype pos) const
    {
        while (pos < m_end && m_text[pos].isSpace())
            ++pos;
        return pos;
    }

    qsizetype skipDigits(qsizetype pos) const
    {
        while (pos < m_end && isAsciiDigit(m_text[pos]))
            ++pos;
        return pos;
    }

    qsizetype skipLetters(qsizetype pos) const
    {
        while (pos < m_end && m_text[pos].isLetter())
            ++pos;
        return pos;
    }

    qsizetype skipNonSpaces(qsizetype pos) const
    {
        while (pos < m_end && !m_text[pos].isSpace())
            ++pos;
        return pos;
    }

    // Digits in [start, end) as a count, capped at CountCap instead of overflowing.
    qint64 countOf(qsizetype start, qsizetype end) const
    {
        qint64 value = 0;
        for (qsizetype i = start; i < end; ++i) {
            value = value * 10 + (m_text[i].unicode() - u'0');
            if (value >= CountCap)
                return CountCap;
        }
        return value;
    }

    // True for "1.5" and "1,5": whole units only, since a fraction of a month has no calendar meaning.
    bool fractionAt(qsizetype pos) const
    {
        return pos + 1 < m_end && (m_text[pos] == u'.' || m_text[pos] == u',') && isAsciiDigit(m_text[pos + 1]);
    }

    DurationParseResult failFraction(qsizetype numberStart, qsizetype separator) const
    {
        return failAt(numberStart, skipDigits(separator + 1), tr("Use a whole number instead of %1."));
    }

    // Names "-3" in "-3days", or the whole word in "-P3D".
    DurationParseResult failNegative(qsizetype sign) const
    {
        const qsizetype afterSign = sign + 1;
        qsizetype end
            = afterSign < m_end && isAsciiDigit(m_text[afterSign]) ? skipDigits(afterSign) : skipNonSpaces(afterSign);
        if (end == afterSign) // "- 3days": include what the sign was meant for
            end = skipNonSpaces(skipSpaces(afterSign));
        return failAt(sign, end, tr("Durations must be positive: remove the minus sign from %1."));
    }

    DurationParseResult failTrailing(qsizetype validEnd, qsizetype extraStart) const
    {
        const QString valid = quoted(part(m_begin, validEnd));
        const QString extra = quoted(part(extraStart, m_end));
        if (isAsciiDigit(m_text[extraStart])) {
            return fail(extraStart, m_end - extraStart,
                tr("Use a single number and unit: remove %1 after %2, or convert the whole duration to one unit.")
                    .arg(extra, valid));
        }
        return fail(extraStart, m_end - extraStart, tr("Unexpected %1 after %2.").arg(extra, valid));
    }

    DurationParseResult parsePangea()
    {
        const qsizetype numberStart = m_begin;
        const qsizetype numberEnd = skipDigits(numberStart);

        if (numberEnd == numberStart) {
            const qsizetype wordEnd = skipLetters(numberStart);
            if (wordEnd == numberStart) {
                return failAt(numberStart, numberStart + charLength(m_text, numberStart),
                    tr("Unexpected %1: start with a number."));
            }
            if (unitFromWord(part(numberStart, wordEnd)))
                return failAt(numberStart, wordEnd, tr("Enter a number before %1, e.g. 30days."));
            return failAt(numberStart, wordEnd, tr("%1 is not a duration. Enter one such as 30days or P30D."));
        }
        if (fractionAt(numberEnd))
            return failFraction(numberStart, numberEnd);

        const qint64 count = countOf(numberStart, numberEnd);
        const qsizetype unitStart = skipSpaces(numberEnd);
        const qsizetype unitEnd = skipLetters(unitStart);

        if (unitStart == unitEnd) {
            if (unitStart < m_end) {
                return failAt(unitStart, unitStart + charLength(m_text, unitStart),
                    tr("Unexpected %1: expected a unit such as days."));
            }
            if (count == 0)
                return failAt(numberStart, numberEnd, tr("Durations must be positive, not %1."));
            if (m_bareNumber == PolicyParser::BareNumber::Minutes) {
                if (exceedsMaximum(count, Unit::Minutes))
                    return failTooLong(numberStart, numberEnd);
                return succeed(count, Unit::Minutes);
            }
            const QStringView number = part(numberStart, numberEnd);
            return fail(numberStart, numberEnd - numberStart,
                tr("Add a unit to %1, e.g. %2days.").arg(quoted(number), number.toString()));
        }

        const QStringView word = part(unitStart, unitEnd);
        const std::optional<Unit> unit = unitFromWord(word);
        if (!unit) {
            const QStringView suggestion = closestUnit(word);
            const QString message = suggestion.isEmpty()
                ? tr("Unknown unit %1 in %2. Use seconds, minutes, hours, days, weeks, months or years.")
                      .arg(quoted(word), quoted(part(numberStart, unitEnd)))
                : tr("Unknown unit %1 in %2. Did you mean %3?")
                      .arg(quoted(word), quoted(part(numberStart, unitEnd)), quoted(suggestion));
            return fail(unitStart, unitEnd - unitStart, message);
        }

        const qsizetype rest = skipSpaces(unitEnd);
        if (rest < m_end)
            return failTrailing(unitEnd, rest);
        if (count == 0)
            return failAt(numberStart, numberEnd, tr("Durations must be positive, not %1."));
        if (exceedsMaximum(count, *unit))
            return failTooLong(numberStart, unitEnd);
        return succeed(count, *unit);
    }

    DurationParseResult failTooLong(qsizetype start, qsizetype end) const
    {
        const qint64 years = PolicyDuration::MaximumNominalSeconds / secondsPer(Unit::Years);
        return fail(start, end - start,
            tr("%1 exceeds the %2-year maximum.").arg(quoted(part(start, end)), QString::number(years)));
    }

    // ISO 8601 "PnYnMnWnDTnHnMnS", folded into the finest unit present when that is exact.
    DurationParseResult parseIso()
    {
        struct Component
        {
            Unit unit;
            qint64 count = 0;
            qsizetype numberStart = -1;
            qsizetype numberEnd = -1;
            bool present() const { return numberStart >= 0; }
        };
        // In the order ISO 8601 requires; designators may not repeat or go backwards.
        std::array<Component, 7> components {Component {Unit::Years}, Component {Unit::Months}, Component {Unit::Weeks},
            Component {Unit::Days}, Component {Unit::Hours}, Component {Unit::Minutes}, Component {Unit::Seconds}};
        constexpr std::size_t FirstTimeComponent = 4;

        qsizetype pos = m_begin + 1;
        bool timePart = false;
        qsizetype timeDesignator = -1;
        std::size_t next = 0; // first component still allowed
        std::size_t found = 0;

        while (pos < m_end && !m_text[pos].isSpace()) {
            const QChar c = m_text[pos];
            if (c == u'T' || c == u't') {
                if (timePart)
                    return failAt(pos, pos + 1, tr("Unexpected second %1: the time part starts only once."));
                timePart = true;
                timeDesignator = pos;
                next = FirstTimeComponent;
                ++pos;
                continue;
            }
            if (!isAsciiDigit(c)) {
                if (isMinus(c))
                    return failNegative(pos);
                return failAt(pos, pos + charLength(m_text, pos), tr("Unexpected %1: expected a number."));
            }
            const qsizetype numberStart = pos;
            const qsizetype numberEnd = skipDigits(pos);
            if (fractionAt(numberEnd))
                return failFraction(numberStart, numberEnd);
            if (numberEnd == m_end || m_text[numberEnd].isSpace())
                return failAt(numberStart, numberEnd, tr("Add a unit letter after %1, e.g. P30D or PT5H."));

            const QChar letter = m_text[numberEnd].toUpper();
            std::size_t index = components.size();
            if (!timePart) {
                if (letter == u'Y')
                    index = 0;
                else if (letter == u'M')
                    index = 1;
                else if (letter == u'W')
                    index = 2;
                else if (letter == u'D')
                    index = 3;
                else if (letter == u'H' || letter == u'S')
                    return failAt(numberStart, numberEnd + 1, tr("%1 needs a T before it, as in PT5H or P1DT12H."));
            } else {
                if (letter == u'H')
                    index = 4;
                else if (letter == u'M')
                    index = 5;
                else if (letter == u'S')
                    index = 6;
                else if (letter == u'Y' || letter == u'W' || letter == u'D')
                    return failAt(numberStart, numberEnd + 1, tr("%1 must come before the T, as in P1DT12H."));
            }
            if (index == components.size()) {
                return failAt(numberEnd, numberEnd + charLength(m_text, numberEnd),
                    tr("Unknown unit %1. Use Y, M, W or D, and H, M or S after T."));
            }
            if (index < next)
                return failAt(numberStart, numberEnd + 1,
                    tr("%1 is repeated or out of order; ISO 8601 goes from years to seconds."));

            components[index].count = countOf(numberStart, numberEnd);
            components[index].numberStart = numberStart;
            components[index].numberEnd = numberEnd;
            next = index + 1;
            ++found;
            pos = numberEnd + 1;
        }

        const qsizetype isoEnd = pos;
        if (found == 0)
            return failAt(m_begin, isoEnd, tr("%1 has no number and unit; write e.g. P30D or PT5H."));
        if (timePart && !components[4].present() && !components[5].present() && !components[6].present())
            return failAt(timeDesignator, timeDesignator + 1, tr("%1 must be followed by hours, minutes or seconds."));
        if (isoEnd < m_end)
            return failTrailing(isoEnd, skipSpaces(isoEnd));

        // Months and years have no fixed length in days, so they fold only with each other.
        const bool calendar = components[0].count > 0 || components[1].count > 0;
        bool exact = false;
        for (std::size_t i = 2; i < components.size(); ++i)
            exact = exact || components[i].count > 0;
        if (calendar && exact) {
            return failAt(m_begin, isoEnd,
                tr("%1 mixes years or months with weeks, days or time, which cannot be expressed in one unit."));
        }

        // Fold into the finest unit with a non-zero count. Each count is capped near 3.2e9 and
        // the largest factor is 604800 (a week in seconds), so the sum stays far from overflow.
        std::size_t finest = components.size();
        for (std::size_t i = 0; i < components.size(); ++i) {
            if (components[i].count > 0)
                finest = i;
        }
        if (finest == components.size()) {
            if (found == 1) {
                for (const Component &component : components) {
                    if (component.present())
                        return failAt(
                            component.numberStart, component.numberEnd, tr("Durations must be positive, not %1."));
                }
            }
            return failAt(m_begin, isoEnd, tr("Durations must be positive, not %1."));
        }

        const Unit unit = components[finest].unit;
        qint64 count = 0;
        for (const Component &component : components) {
            if (component.count == 0)
                continue;
            const qint64 factor = unit == Unit::Months ? (component.unit == Unit::Years ? 12 : 1)
                                                       : secondsPer(component.unit) / secondsPer(unit);
            count += std::min(component.count, CountCap) * factor;
        }
        if (exceedsMaximum(count, unit))
            return failTooLong(m_begin, isoEnd);
        return succeed(count, unit);
    }

    QStringView m_text;
    PolicyParser::BareNumber m_bareNumber;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
};

} // namespace

DurationParseResult PolicyParser::parseDuration(QStringView text, BareNumber bareNumber)
{
    return Scanner(text, bareNumber).parse();
}
