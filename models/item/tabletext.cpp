// SPDX-License-Identifier: GPL-3.0-or-later
#include "tabletext.h"

#include <QLocale>

#include <algorithm>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

QString TableText::dateText(const QDateTime &when, const QString &whenUnknown)
{
    if (!when.isValid())
        return whenUnknown;
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString TableText::dateToolTip(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return tr("%1 (local time)\n%2 UTC")
        .arg(QLocale().toString(when.toLocalTime(), QLocale::LongFormat),
            when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

QVariant TableText::dateRawValue(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toUTC()) : QVariant();
}

QString TableText::dueInText(qint64 secondsUntilDue)
{
    if (std::abs(secondsUntilDue) < 60)
        return tr("now");
    const QString span = ageText(std::abs(secondsUntilDue));
    return secondsUntilDue > 0 ? tr("in %1").arg(span) : tr("overdue by %1").arg(span);
}

QString TableText::ageText(qint64 seconds)
{
    // A creation date slightly in the future (clock skew with the provider) reads as new.
    const qint64 clamped = std::max<qint64>(seconds, 0);
    if (clamped < 3600)
        return tr("%n minute(s)", nullptr, int(clamped / 60));
    if (clamped < 86400)
        return tr("%n hour(s)", nullptr, int(clamped / 3600));
    return tr("%n day(s)", nullptr, int(std::min<qint64>(clamped / 86400, std::numeric_limits<int>::max())));
}
