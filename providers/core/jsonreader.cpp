// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// True for a number with no fraction that fits qint64; toInteger() falls back to its argument
// otherwise, so two different fallbacks disagree exactly when the value is not integral.
bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toInteger(0) == value.toInteger(1);
}

bool isBlank(const QByteArray &body)
{
    for (const char c : body) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

std::optional<QJsonDocument> parseDocument(const QByteArray &body, ApiError &error)
{
    if (body.size() > JsonReader::MaxBodyBytes) {
        error = ApiError::malformed(JsonReader::tr("the answer is %1 bytes, more than the %2 MiB TokenDesk accepts")
                                        .arg(body.size())
                                        .arg(JsonReader::MaxBodyBytes / (1024 * 1024)));
        return std::nullopt;
    }
    if (isBlank(body)) {
        error = ApiError::malformed(JsonReader::tr("the answer is empty"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = ApiError::malformed(JsonReader::tr("the answer is not valid JSON (%1 at byte %2)")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        return std::nullopt;
    }
    return document;
}

} // namespace

std::optional<QJsonObject> JsonReader::parseObject(const QByteArray &body, ApiError &error)
{
    const std::optional<QJsonDocument> document = parseDocument(body, error);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        error = ApiError::malformed(tr("the answer should be a JSON object, not an array"));
        return std::nullopt;
    }
    return document->object();
}

std::optional<QJsonArray> JsonReader::parseArray(const QByteArray &body, ApiError &error)
{
    const std::optional<QJsonDocument> document = parseDocument(body, error);
    if (!document)
        return std::nullopt;
    if (!document->isArray()) {
        error = ApiError::malformed(tr("the answer should be a JSON array, not an object"));
        return std::nullopt;
    }
    return document->array();
}

QDateTime JsonReader::parseIsoDateTime(const QString &text)
{
    // Qt accepts a date alone too; an API timestamp always has a time part.
    if (text.size() < 16 || text.size() > 64 || (text.at(10) != u'T' && text.at(10) != u't' && text.at(10) != u' '))
        return {};
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), QTimeZone::utc()).toUTC();
    return parsed.toUTC();
}

QString JsonReader::quoteValue(const QString &value)
{
    constexpr qsizetype MaximumLength = 40;
    QString shown = value.left(MaximumLength);
    if (value.size() > MaximumLength)
        shown += u'…';
    return u"“"_s + shown + u"”"_s;
}

JsonReader::JsonReader(QJsonObject object, QString path, ApiError &error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(&error)
{ }

bool JsonReader::has(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

QString JsonReader::pathOf(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

void JsonReader::fail(const QString &path, const QString &problem) const
{
    if (m_error->isError())
        return;
    *m_error = ApiError::malformed(u"“"_s + path + u"” "_s + problem);
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("missing");
}

void JsonReader::failType(const QString &path, const QString &expected, const QJsonValue &actual) const
{
    fail(path, tr("should be %1, not %2").arg(expected, typeName(actual)));
}

std::optional<QJsonValue> JsonReader::present(QLatin1StringView key, Presence presence) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (presence == Presence::Required)
            fail(pathOf(key), value.isNull() ? tr("is null") : tr("is missing"));
        return std::nullopt;
    }
    return value;
}

QString JsonReader::string(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = present(key, presence);
    if (!value)
        return {};
    if (!value->isString()) {
        failType(pathOf(key), tr("a string"), *value);
        return {};
    }
    return value->toString();
}

QString JsonReader::nonEmptyString(QLatin1StringView key) const
{
    const QString value = string(key, Presence::Required);
    if (value.isEmpty() && has(key) && m_object.value(key).isString())
        fail(pathOf(key), tr("is empty"));
    return value;
}

std::optional<qint64> JsonReader::integer(
    QLatin1StringView key, Presence presence, qint64 minimum, qint64 maximum) const
{
    const std::optional<QJsonValue> value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!isInteger(*value)) {
        failType(pathOf(key), tr("a whole number"), *value);
        return std::nullopt;
    }
    const qint64 number = value->toInteger();
    if (number < minimum || number > maximum) {
        fail(pathOf(key), tr("is out of range (%1 to %2)").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        failType(pathOf(key), tr("true or false"), *value);
        return std::nullopt;
    }
    return value->toBool();
}

QDateTime JsonReader::dateTime(QLatin1StringView key, Presence presence) const
{
    const QString text = string(key, presence);
    if (text.isEmpty()) {
        if (presence == Presence::Required && m_object.value(key).isString())
            fail(pathOf(key), tr("is empty"));
        return {};
    }
    const QDateTime when = parseIsoDateTime(text);
    if (!when.isValid())
        fail(pathOf(key), tr("is not an ISO 8601 date and time"));
    return when;
}

QDateTime JsonReader::dateTimeOrMillis(QLatin1StringView key, Presence presence) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble())
        return dateTime(key, presence);
    // Year 1970 to 9999: anything else is a unit mix-up (seconds or microseconds).
    constexpr qint64 LatestMillis = 253402300799999;
    const std::optional<qint64> millis = integer(key, presence, 0, LatestMillis);
    if (!millis)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*millis, QTimeZone::utc()).toUTC();
}

QStringList JsonReader::stringList(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonArray> values = array(key, presence);
    if (!values)
        return {};
    QStringList result;
    result.reserve(values->size());
    for (qsizetype i = 0; i < values->size(); ++i) {
        const QJsonValue value = values->at(i);
        if (!value.isString()) {
            failType(pathOf(key) + u'[' + QString::number(i) + u']', tr("a string"), value);
            return {};
        }
        result.append(value.toString());
    }
    return result;
}

QHash<QString, QString> JsonReader::stringMap(QLatin1StringView key, Presence presence) const
{
    const std::optional<JsonReader> map = child(key, presence);
    if (!map)
        return {};
    QHash<QString, QString> result;
    for (auto it = map->object().begin(); it != map->object().end(); ++it) {
        if (!it.value().isString()) {
            failType(map->path() + u'.' + it.key(), tr("a string"), it.value());
            return {};
        }
        result.insert(it.key(), it.value().toString());
    }
    return result;
}

std::optional<QJsonArray> JsonReader::array(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        failType(pathOf(key), tr("an array"), *value);
        return std::nullopt;
    }
    return value->toArray();
}

std::optional<JsonReader> JsonReader::child(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        failType(pathOf(key), tr("an object"), *value);
        return std::nullopt;
    }
    return JsonReader(value->toObject(), pathOf(key), *m_error);
}

std::optional<JsonReader> JsonReader::element(const QJsonArray &array, QLatin1StringView key, qsizetype index) const
{
    return elementOf(array, pathOf(key), index, *m_error);
}

std::optional<JsonReader> JsonReader::elementOf(
    const QJsonArray &array, const QString &arrayPath, qsizetype index, ApiError &error)
{
    const QString path = arrayPath + u'[' + QString::number(index) + u']';
    const QJsonValue value = array.at(index);
    JsonReader reader(value.toObject(), path, error);
    if (!value.isObject()) {
        reader.failType(path, tr("an object"), value);
        return std::nullopt;
    }
    return reader;
}
