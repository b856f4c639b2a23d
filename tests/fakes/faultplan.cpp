// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultplan.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::None:
        return u"none"_s;
    case FaultKind::Throttle:
        return u"throttle"_s;
    case FaultKind::ServerError:
        return u"error"_s;
    case FaultKind::ResetMidBody:
        return u"reset"_s;
    case FaultKind::MalformedJson:
        return u"malformed"_s;
    }
    return {};
}

bool FaultPlan::isEmpty() const
{
    return latencyMs == 0 && throttleCount == 0 && serverErrorCount == 0 && resetCount == 0 && malformedCount == 0
        && randomRate <= 0.0;
}

QString FaultPlan::toString() const
{
    QStringList parts;
    if (latencyMs > 0)
        parts << u"latency=%1"_s.arg(latencyMs);
    if (throttleCount > 0)
        parts << u"throttle=%1,retry-after=%2"_s.arg(throttleCount).arg(retryAfterSeconds);
    if (serverErrorCount > 0 || randomRate > 0.0)
        parts << u"error=%1,error-status=%2"_s.arg(serverErrorCount).arg(serverErrorStatus);
    if (resetCount > 0)
        parts << u"reset=%1"_s.arg(resetCount);
    if (malformedCount > 0)
        parts << u"malformed=%1"_s.arg(malformedCount);
    if (randomRate > 0.0)
        parts << u"rate=%1,seed=%2"_s.arg(randomRate * 100.0).arg(seed);
    return parts.isEmpty() ? u"none"_s : parts.join(u',');
}

std::optional<FaultPlan> FaultPlan::parse(QStringView text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<FaultPlan> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    FaultPlan plan;
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty() || trimmed == u"none"_s)
        return plan;
    const QStringList items = trimmed.split(u',', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0)
            return fail(u"expected key=value, got “%1”"_s.arg(item));
        const QString key = item.left(equals).trimmed();
        const QString value = item.mid(equals + 1).trimmed();
        bool ok = false;
        if (key == u"rate"_s) {
            const double percent = value.toDouble(&ok);
            if (!ok || percent < 0.0 || percent > 100.0)
                return fail(u"rate must be a percentage from 0 to 100, got “%1”"_s.arg(value));
            plan.randomRate = percent / 100.0;
            continue;
        }
        if (key == u"seed"_s) {
            plan.seed = value.toUInt(&ok);
            if (!ok)
                return fail(u"seed must be a non-negative integer, got “%1”"_s.arg(value));
            continue;
        }
        const int number = value.toInt(&ok);
        if (!ok || number < 0)
            return fail(u"%1 must be a non-negative integer, got “%2”"_s.arg(key, value));
        if (key == u"latency"_s)
            plan.latencyMs = number;
        else if (key == u"throttle"_s)
            plan.throttleCount = number;
        else if (key == u"retry-after"_s)
            plan.retryAfterSeconds = number;
        else if (key == u"error"_s)
            plan.serverErrorCount = number;
        else if (key == u"error-status"_s) {
            if (number < 500 || number > 599)
                return fail(u"error-status must be a 5xx status, got %1"_s.arg(number));
            plan.serverErrorStatus = number;
        } else if (key == u"reset"_s)
            plan.resetCount = number;
        else if (key == u"malformed"_s)
            plan.malformedCount = number;
        else
            return fail(u"unknown fault “%1”"_s.arg(key));
    }
    return plan;
}
