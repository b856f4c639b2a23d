// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangeavalidation.h"

#include "pangeaitemstore.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString pointer(const QString &key)
{
    return u"/"_s + key;
}

} // namespace

QJsonObject PangeaValidation::error(const QString &code, const QString &detail, const QString &source)
{
    return {{u"code"_s, code}, {u"detail"_s, detail}, {u"source"_s, source}};
}

void PangeaValidation::checkProperties(const QJsonObject &body, const QStringList &allowed, QJsonArray &errors)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            errors.append(
                error(u"UnexpectedProperty"_s, u"'%1' is not an expected property"_s.arg(it.key()), pointer(it.key())));
    }
}

void PangeaValidation::checkItemId(const QJsonObject &body, QJsonArray &errors)
{
    static const QRegularExpression pattern(u"^pvi_[a-z2-7]{32}$"_s);
    if (!body.contains(u"id"_s)) {
        errors.append(error(u"FieldRequired"_s, u"'id' is a required property"_s, u"/"_s));
        return;
    }
    const QJsonValue id = body.value(u"id"_s);
    if (!id.isString())
        errors.append(error(u"InvalidString"_s, u"'id' must be a string"_s, u"/id"_s));
    else if (!pattern.match(id.toString()).hasMatch())
        errors.append(error(
            u"DoesNotMatchPattern"_s, u"'%1' does not match '^pvi_[a-z2-7]{32}$'"_s.arg(id.toString()), u"/id"_s));
}

void PangeaValidation::checkEnum(
    const QJsonObject &body, const QString &key, const QStringList &values, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    const QJsonValue value = body.value(key);
    if (!value.isString())
        errors.append(error(u"InvalidString"_s, u"'%1' must be a string"_s.arg(key), pointer(key)));
    else if (!values.contains(value.toString()))
        errors.append(error(u"NotEnumMember"_s,
            u"'%1' is not one of ['%2']"_s.arg(value.toString(), values.join(u"', '"_s)), pointer(key)));
}

void PangeaValidation::checkDuration(
    const QJsonObject &body, const QString &key, const QStringList &keywords, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    const QJsonValue value = body.value(key);
    if (!value.isString()) {
        errors.append(error(u"InvalidString"_s, u"'%1' must be a string"_s.arg(key), pointer(key)));
        return;
    }
    const QString text = value.toString();
    if (!keywords.contains(text) && !PangeaItemStore::isDuration(text))
        errors.append(error(u"BadFormatPangeaDuration"_s,
            u"'%1' is not a valid duration: a positive number followed by secs, mins, hrs, days, "
            u"weeks, months or years"_s.arg(text),
            pointer(key)));
}

void PangeaValidation::checkBool(const QJsonObject &body, const QString &key, QJsonArray &errors)
{
    if (body.contains(key) && !body.value(key).isBool())
        errors.append(error(u"InvalidBool"_s, u"'%1' must be a boolean"_s.arg(key), pointer(key)));
}

void PangeaValidation::checkString(const QJsonObject &body, const QString &key, QJsonArray &errors)
{
    if (body.contains(key) && !body.value(key).isString())
        errors.append(error(u"InvalidString"_s, u"'%1' must be a string"_s.arg(key), pointer(key)));
}

void PangeaValidation::checkStringArray(const QJsonObject &body, const QString &key, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    if (!body.value(key).isArray()) {
        errors.append(error(u"InvalidArray"_s, u"'%1' must be an array"_s.arg(key), pointer(key)));
        return;
    }
    const QJsonArray array = body.value(key).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            errors.append(error(u"InvalidString"_s, u"'%1' items must be strings"_s.arg(key),
                pointer(key) + u"/"_s + QString::number(i)));
    }
}

void PangeaValidation::checkStringMap(const QJsonObject &body, const QString &key, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    if (!body.value(key).isObject()) {
        errors.append(error(u"InvalidObject"_s, u"'%1' must be an object"_s.arg(key), pointer(key)));
        return;
    }
    const QJsonObject map = body.value(key).toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isString())
            errors.append(
                error(u"InvalidString"_s, u"'%1' values must be strings"_s.arg(key), pointer(key) + u"/"_s + it.key()));
    }
}

void PangeaValidation::checkDateTime(const QJsonObject &body, const QString &key, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    const QJsonValue value = body.value(key);
    if (!value.isString() || !QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
        errors.append(error(u"BadFormatDateTime"_s, u"'%1' must be an RFC 3339 date-time"_s.arg(key), pointer(key)));
}

void PangeaValidation::checkInteger(
    const QJsonObject &body, const QString &key, int minimum, int maximum, QJsonArray &errors)
{
    if (!body.contains(key))
        return;
    const QJsonValue value = body.value(key);
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number) {
        errors.append(error(u"InvalidInteger"_s, u"'%1' must be an integer"_s.arg(key), pointer(key)));
        return;
    }
    if (number < minimum || number > maximum)
        errors.append(error(
            u"NotWithinRange"_s, u"'%1' must be between %2 and %3"_s.arg(key).arg(minimum).arg(maximum), pointer(key)));
}
