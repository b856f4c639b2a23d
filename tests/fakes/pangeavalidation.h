// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// FakePangea's request checks, producing Pangea's result.errors[] entries
// ({code, detail, source}) with the codes of the spec's enum and JSON-pointer sources. Each
// check looks at one optional key and appends nothing when the key is absent.
class PangeaValidation final
{
public:
    static QJsonObject error(const QString &code, const QString &detail, const QString &source);

    // UnexpectedProperty for keys outside `allowed` (the spec's additionalProperties: false).
    static void checkProperties(const QJsonObject &body, const QStringList &allowed, QJsonArray &errors);
    // `id` is required and must match ^pvi_[a-z2-7]{32}$.
    static void checkItemId(const QJsonObject &body, QJsonArray &errors);
    static void checkEnum(const QJsonObject &body, const QString &key, const QStringList &values, QJsonArray &errors);
    // A Pangea duration, or one of the `keywords` ("never", "inherited").
    static void checkDuration(
        const QJsonObject &body, const QString &key, const QStringList &keywords, QJsonArray &errors);
    static void checkBool(const QJsonObject &body, const QString &key, QJsonArray &errors);
    static void checkString(const QJsonObject &body, const QString &key, QJsonArray &errors);
    static void checkStringArray(const QJsonObject &body, const QString &key, QJsonArray &errors);
    static void checkStringMap(const QJsonObject &body, const QString &key, QJsonArray &errors);
    static void checkDateTime(const QJsonObject &body, const QString &key, QJsonArray &errors);
    static void checkInteger(const QJsonObject &body, const QString &key, int minimum, int maximum, QJsonArray &errors);
};
