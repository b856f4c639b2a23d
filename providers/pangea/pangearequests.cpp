// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangearequests.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr auto TokenType = "pangea_token"_L1;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QString PangeaRequests::formatDuration(const PolicyDuration &duration)
{
    if (duration.isNull())
        return {};
    // The short forms of the spec's examples ("1d", "44h", "2M") where it has them, else the unit
    // words its format description lists (secs, mins, weeks, years).
    QLatin1StringView unit;
    switch (duration.unit()) {
    case PolicyDuration::Unit::Seconds:
        unit = "secs"_L1;
        break;
    case PolicyDuration::Unit::Minutes:
        unit = "mins"_L1;
        break;
    case PolicyDuration::Unit::Hours:
        unit = "h"_L1;
        break;
    case PolicyDuration::Unit::Days:
        unit = "d"_L1;
        break;
    case PolicyDuration::Unit::Weeks:
        unit = "weeks"_L1;
        break;
    case PolicyDuration::Unit::Months:
        unit = "M"_L1;
        break;
    case PolicyDuration::Unit::Years:
        unit = "years"_L1;
        break;
    }
    return QString::number(duration.count()) + unit;
}

QByteArray PangeaRequests::rotateBody(const QString &id, const PolicyDuration &gracePeriod)
{
    QJsonObject body {{"id"_L1, id}};
    if (!gracePeriod.isNull())
        body.insert("rotation_grace_period"_L1, formatDuration(gracePeriod));
    return compact(body);
}

QByteArray PangeaRequests::updatePolicyBody(
    const QString &id, const PolicyDuration &frequency, const PolicyDuration &gracePeriod, const QString &rotationState)
{
    QJsonObject body {{"id"_L1, id}};
    body.insert("rotation_frequency"_L1, frequency.isNull() ? u"never"_s : formatDuration(frequency));
    if (!gracePeriod.isNull())
        body.insert("rotation_grace_period"_L1, formatDuration(gracePeriod));
    if (!rotationState.isEmpty())
        body.insert("rotation_state"_L1, rotationState);
    return compact(body);
}

QByteArray PangeaRequests::listBody(int size, const QString &last)
{
    QJsonObject body {{"filter"_L1, QJsonObject {{"type"_L1, TokenType}}}, {"size"_L1, std::clamp(size, 1, 100)}};
    if (!last.isEmpty())
        body.insert("last"_L1, last);
    return compact(body);
}

QByteArray PangeaRequests::getBody(const QString &id, const QString &version)
{
    QJsonObject body {{"id"_L1, id}};
    bool isNumber = false;
    const int number = version.toInt(&isNumber);
    if (isNumber && number > 0)
        body.insert("version"_L1, number); // the documented integer form
    else if (!version.isEmpty())
        body.insert("version"_L1, version);
    return compact(body);
}

QByteArray PangeaRequests::stateChangeBody(const QString &id, int version, const QString &state)
{
    QJsonObject body {{"id"_L1, id}, {"state"_L1, state}};
    if (version > 0)
        body.insert("version"_L1, version);
    return compact(body);
}
