// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyduration.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

QDateTime shifted(const QDateTime &when, qint64 count, PolicyDuration::Unit unit)
{
    const QDateTime utc = when.toUTC();
    switch (unit) {
    case PolicyDuration::Unit::Seconds:
        return utc.addSecs(count);
    case PolicyDuration::Unit::Minutes:
        return utc.addSecs(count * 60);
    case PolicyDuration::Unit::Hours:
        return utc.addSecs(count * 3600);
    case PolicyDuration::Unit::Days:
        return utc.addDays(count);
    case PolicyDuration::Unit::Weeks:
        return utc.addDays(count * 7);
    case PolicyDuration::Unit::Months:
        return utc.addMonths(static_cast<int>(count));
    case PolicyDuration::Unit::Years:
        return utc.addYears(static_cast<int>(count));
    }
    return utc;
}

qint64 secondsPerUnit(PolicyDuration::Unit unit)
{
    switch (unit) {
    case PolicyDuration::Unit::Seconds:
        return 1;
    case PolicyDuration::Unit::Minutes:
        return 60;
    case PolicyDuration::Unit::Hours:
        return 3600;
    case PolicyDuration::Unit::Days:
        return 86400;
    case PolicyDuration::Unit::Weeks:
        return 7 * 86400;
    case PolicyDuration::Unit::Months:
        return 30 * 86400;
    case PolicyDuration::Unit::Years:
        return 365 * 86400;
    }
    return 1;
}

} // namespace

PolicyDuration::PolicyDuration(qint64 count, Unit unit)
    : m_count(count)
    , m_unit(unit)
{ }

QDateTime PolicyDuration::addTo(const QDateTime &when) const
{
    if (isNull() || !when.isValid())
        return when.toUTC();
    return shifted(when, m_count, m_unit);
}

QDateTime PolicyDuration::subtractFrom(const QDateTime &when) const
{
    if (isNull() || !when.isValid())
        return when.toUTC();
    return shifted(when, -m_count, m_unit);
}

qint64 PolicyDuration::nominalSeconds() const
{
    return isNull() ? 0 : m_count * secondsPerUnit(m_unit);
}

QString PolicyDuration::toPangea() const
{
    if (isNull())
        return {};
    const bool one = m_count == 1;
    QString unit;
    switch (m_unit) {
    case Unit::Seconds:
        unit = one ? u"second"_s : u"seconds"_s;
        break;
    case Unit::Minutes:
        unit = one ? u"minute"_s : u"minutes"_s;
        break;
    case Unit::Hours:
        unit = one ? u"hour"_s : u"hours"_s;
        break;
    case Unit::Days:
        unit = one ? u"day"_s : u"days"_s;
        break;
    case Unit::Weeks:
        unit = one ? u"week"_s : u"weeks"_s;
        break;
    case Unit::Months:
        unit = one ? u"month"_s : u"months"_s;
        break;
    case Unit::Years:
        unit = one ? u"year"_s : u"years"_s;
        break;
    }
    return QString::number(m_count) + unit;
}

QString PolicyDuration::toIso8601() const
{
    if (isNull())
        return {};
    const QString n = QString::number(m_count);
    switch (m_unit) {
    case Unit::Seconds:
        return u"PT"_s + n + u'S';
    case Unit::Minutes:
        return u"PT"_s + n + u'M';
    case Unit::Hours:
        return u"PT"_s + n + u'H';
    case Unit::Days:
        return u"P"_s + n + u'D';
    case Unit::Weeks:
        return u"P"_s + n + u'W';
    case Unit::Months:
        return u"P"_s + n + u'M';
    case Unit::Years:
        return u"P"_s + n + u'Y';
    }
    return {};
}

QString PolicyDuration::toDisplayString() const
{
    if (isNull())
        return QCoreApplication::translate("PolicyDuration", "not set");
    // %n takes an int, yet 100 years in seconds (3.15e9) is a valid duration; a wrapped,
    // negative n would leave "%n" in the text, so such counts get a plain-number form.
    if (m_count > std::numeric_limits<int>::max()) {
        const QString number = QString::number(m_count);
        switch (m_unit) {
        case Unit::Seconds:
            return QCoreApplication::translate("PolicyDuration", "%1 seconds").arg(number);
        case Unit::Minutes:
            return QCoreApplication::translate("PolicyDuration", "%1 minutes").arg(number);
        case Unit::Hours:
            return QCoreApplication::translate("PolicyDuration", "%1 hours").arg(number);
        case Unit::Days:
            return QCoreApplication::translate("PolicyDuration", "%1 days").arg(number);
        case Unit::Weeks:
            return QCoreApplication::translate("PolicyDuration", "%1 weeks").arg(number);
        case Unit::Months:
            return QCoreApplication::translate("PolicyDuration", "%1 months").arg(number);
        case Unit::Years:
            return QCoreApplication::translate("PolicyDuration", "%1 years").arg(number);
        }
        return {};
    }
    const int n = static_cast<int>(m_count);
    switch (m_unit) {
    case Unit::Seconds:
        return QCoreApplication::translate("PolicyDuration", "%n second(s)", nullptr, n);
    case Unit::Minutes:
        return QCoreApplication::translate("PolicyDuration", "%n minute(s)", nullptr, n);
    case Unit::Hours:
        return QCoreApplication::translate("PolicyDuration", "%n hour(s)", nullptr, n);
    case Unit::Days:
        return QCoreApplication::translate("PolicyDuration", "%n day(s)", nullptr, n);
    case Unit::Weeks:
        return QCoreApplication::translate("PolicyDuration", "%n week(s)", nullptr, n);
    case Unit::Months:
        return QCoreApplication::translate("PolicyDuration", "%n month(s)", nullptr, n);
    case Unit::Years:
        return QCoreApplication::translate("PolicyDuration", "%n year(s)", nullptr, n);
    }
    return {};
}

PolicyDuration PolicyDuration::fromIso8601Stored(const QString &text)
{
    // Only the single-unit forms toIso8601() writes; anything else reads as "not set". Ten
    // digits, because 100 years in seconds (3153600000) is valid and must read back.
    static const QRegularExpression pattern(u"^P(T?)(\\d{1,10})([SMHDWY])$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const bool timePart = !match.capturedView(1).isEmpty();
    const qint64 count = match.capturedView(2).toLongLong();
    const QChar letter = match.capturedView(3).front();
    if (timePart) {
        if (letter == u'S')
            return {count, Unit::Seconds};
        if (letter == u'M')
            return {count, Unit::Minutes};
        if (letter == u'H')
            return {count, Unit::Hours};
        return {};
    }
    if (letter == u'D')
        return {count, Unit::Days};
    if (letter == u'W')
        return {count, Unit::Weeks};
    if (letter == u'M')
        return {count, Unit::Months};
    if (letter == u'Y')
        return {count, Unit::Years};
    return {};
}
