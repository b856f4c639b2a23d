// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// A rotation-policy duration such as "30 days" or "6 months", kept in the unit the admin or
// provider gave so that calendar arithmetic stays correct (31 Jan + 1 month = 28/29 Feb).
// Parse text with PolicyParser; a default-constructed duration is null ("not set").
class PolicyDuration final
{
public:
    enum class Unit {
        Seconds,
        Minutes,
        Hours,
        Days,
        Weeks,
        Months,
        Years,
    };

    // Upper bound for any policy duration: longer periods are typing mistakes, and they would
    // push QDateTime arithmetic past the range every provider accepts.
    static constexpr qint64 MaximumNominalSeconds = 100LL * 365 * 24 * 3600;

    PolicyDuration() = default;
    PolicyDuration(qint64 count, Unit unit);

    bool isNull() const { return m_count <= 0; }
    qint64 count() const { return m_count; }
    Unit unit() const { return m_unit; }

    // Calendar-correct arithmetic in UTC; months and years clamp to the end of a shorter month.
    QDateTime addTo(const QDateTime &when) const;
    QDateTime subtractFrom(const QDateTime &when) const;

    // Length with 30-day months and 365-day years, only for ordering and validation.
    qint64 nominalSeconds() const;

    // "30days", the <number><unit> form Pangea accepts.
    QString toPangea() const;
    // "P30D", "PT5H", "P6M": ISO 8601, the form the workspace stores.
    QString toIso8601() const;
    // "30 days", translated, for people.
    QString toDisplayString() const;

    static PolicyDuration fromIso8601Stored(const QString &text);

    friend bool operator==(const PolicyDuration &, const PolicyDuration &) = default;

private:
    qint64 m_count = 0;
    Unit m_unit = Unit::Days;
};

Q_DECLARE_METATYPE(PolicyDuration)
