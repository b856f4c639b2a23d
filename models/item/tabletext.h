// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVariant>

// The date and duration conventions every TokenDesk table and panel shares, so that all of them
// read alike: local time in the locale's short format, UTC added in the tooltip (admins compare
// with provider consoles and logs, which mostly show UTC), and spans in their coarsest unit. Its
// strings keep the translation context they had in TokenTableModel.
class TableText final
{
    Q_DECLARE_TR_FUNCTIONS(TokenTableModel)

public:
    static QString dateText(const QDateTime &when, const QString &whenUnknown);
    static QString dateToolTip(const QDateTime &when);
    // UTC; an invalid QVariant, not an invalid QDateTime, when unknown (sorted last).
    static QVariant dateRawValue(const QDateTime &when);
    // "12 days", "3 hours", "5 minutes": the coarsest unit that is at least one.
    static QString ageText(qint64 seconds);
    // "in 3 days", "overdue by 2 hours", "now".
    static QString dueInText(qint64 secondsUntilDue);
};
