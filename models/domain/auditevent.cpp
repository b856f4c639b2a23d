// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditevent.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString AuditEvent::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Started:
        return u"started"_s;
    case Outcome::Succeeded:
        return u"succeeded"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Skipped:
        return u"skipped"_s;
    }
    return {};
}

AuditEvent::Outcome AuditEvent::outcomeFromId(const QString &id)
{
    if (id == u"started")
        return Outcome::Started;
    if (id == u"failed")
        return Outcome::Failed;
    if (id == u"skipped")
        return Outcome::Skipped;
    return Outcome::Succeeded;
}

QString AuditEvent::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Started:
        return QCoreApplication::translate("AuditEvent", "Started");
    case Outcome::Succeeded:
        return QCoreApplication::translate("AuditEvent", "Succeeded");
    case Outcome::Failed:
        return QCoreApplication::translate("AuditEvent", "Failed");
    case Outcome::Skipped:
        return QCoreApplication::translate("AuditEvent", "Skipped");
    }
    return {};
}
