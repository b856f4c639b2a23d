// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationpolicy.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString RotationPolicy::summary() const
{
    if (isNull())
        return QCoreApplication::translate("RotationPolicy", "manual");
    QString text = QCoreApplication::translate("RotationPolicy", "every %1").arg(interval.toDisplayString());
    if (!gracePeriod.isNull())
        text += QCoreApplication::translate("RotationPolicy", ", grace %1").arg(gracePeriod.toDisplayString());
    if (automatic)
        text += QCoreApplication::translate("RotationPolicy", ", automatic");
    return text;
}

QStringList RotationPolicy::problems() const
{
    QStringList found;
    if (isNull())
        return found;
    if (!gracePeriod.isNull() && gracePeriod.nominalSeconds() >= interval.nominalSeconds())
        found << QCoreApplication::translate("RotationPolicy",
            "The grace period (%1) is not shorter than the interval (%2): old versions would pile up.")
                     .arg(gracePeriod.toDisplayString(), interval.toDisplayString());
    if (!revokeAfter.isNull() && !gracePeriod.isNull() && revokeAfter.nominalSeconds() < gracePeriod.nominalSeconds())
        found << QCoreApplication::translate("RotationPolicy", "Revoke-after (%1) ends before the grace period (%2).")
                     .arg(revokeAfter.toDisplayString(), gracePeriod.toDisplayString());
    if (!notifyBefore.isNull() && notifyBefore.nominalSeconds() >= interval.nominalSeconds())
        found << QCoreApplication::translate(
            "RotationPolicy", "Notify-before (%1) is not shorter than the interval (%2).")
                     .arg(notifyBefore.toDisplayString(), interval.toDisplayString());
    return found;
}
