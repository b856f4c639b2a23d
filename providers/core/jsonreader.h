// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <limits>
#include <optional>

// Type-checked reads from a provider's JSON answer for the pure parsers. A reader wraps one
// object and knows its path in the answer ("result.item_versions[2]"); every read checks presence
// and type, and the first problem is kept in the shared ApiError as a Malformed error naming the
// path. Parsers read all they need, then look at failed() once, instead of testing every field.
// Messages name paths and types, never values, because answers carry secrets. (Qt's JSON classes
// keep copies of every string they parse, which nobody scrubs; parsers move a secret into
// SecretBytes at once and let the document go.)
class JsonReader final
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    // Every answer we parse is a few kilobytes; anything past this is refused unparsed.
    static constexpr qsizetype MaxBodyBytes = 8 * 1024 * 1024;

    enum class Presence {
        Required,
        Optional, // absent and null read as "not there"
    };

    // The root of an answer. Refuses, before parsing, bodies over MaxBodyBytes and empty ones;
    // then invalid JSON (truncated, trailing garbage, nesting deeper than Qt's limit) and a root
    // of the other type.
    static std::optional<QJsonObject> parseObject(const QByteArray &body, ApiError &error);
    static std::optional<QJsonArray> parseArray(const QByteArray &body, ApiError &error);

    // ISO 8601 in UTC; a time without an offset is taken as UTC, as every provider here means.
    static QDateTime parseIsoDateTime(const QString &text);
    // A value for a message, cut short: only for enum-like words, never for secrets.
    static QString quoteValue(const QString &value);

    JsonReader(QJsonObject object, QString path, ApiError &error);

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }
    bool failed() const { return m_error->isError(); }
    // Present and not null.
    bool has(QLatin1StringView key) const;
    QString pathOf(QLatin1StringView key) const;
    // Records a problem at `path` unless an earlier one is already recorded.
    void fail(const QString &path, const QString &problem) const;

    QString string(QLatin1StringView key, Presence presence = Presence::Required) const;
    // Required, and an empty string counts as missing: ids, names of things, secrets.
    QString nonEmptyString(QLatin1StringView key) const;
    std::optional<qint64> integer(QLatin1StringView key, Presence presence = Presence::Required,
        qint64 minimum = std::numeric_limits<qint64>::min(), qint64 maximum = std::numeric_limits<qint64>::max()) const;
    std::optional<bool> boolean(QLatin1StringView key, Presence presence = Presence::Required) const;
    // ISO 8601 string; an empty string reads as absent (Vault's "deletion_time": "").
    QDateTime dateTime(QLatin1StringView key, Presence presence = Presence::Optional) const;
    // Either Unix milliseconds (a number) or an ISO 8601 string (Dynatrace v1 answers use both).
    QDateTime dateTimeOrMillis(QLatin1StringView key, Presence presence = Presence::Optional) const;
    QStringList stringList(QLatin1StringView key, Presence presence = Presence::Optional) const;
    // An object whose values must all be strings (user metadata).
    QHash<QString, QString> stringMap(QLatin1StringView key, Presence presence = Presence::Optional) const;
    std::optional<QJsonArray> array(QLatin1StringView key, Presence presence = Presence::Required) const;
    std::optional<JsonReader> child(QLatin1StringView key, Presence presence = Presence::Required) const;
    // Element `index` of the array read from `key`, which must be an object.
    std::optional<JsonReader> element(const QJsonArray &array, QLatin1StringView key, qsizetype index) const;
    // The same for an array that is the whole answer (path "[2]") or is known by its path only.
    static std::optional<JsonReader> elementOf(
        const QJsonArray &array, const QString &arrayPath, qsizetype index, ApiError &error);

    static QString typeName(const QJsonValue &value);

private:
    // The value at key when present, or nothing (recording "missing" when it is required).
    std::optional<QJsonValue> present(QLatin1StringView key, Presence presence) const;
    void failType(const QString &path, const QString &expected, const QJsonValue &actual) const;

    QJsonObject m_object;
    QString m_path;
    ApiError *m_error;
};
