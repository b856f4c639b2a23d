// SPDX-License-Identifier: GPL-3.0-or-later
#include "dynatracetokenstore.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Dynatrace's token ids and secrets use the upper-case base32 alphabet.
constexpr QStringView TokenAlphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Splits "owner(\"a\"),scope(\"x\",\"y\")" at the commas that are outside parentheses and quotes.
QStringList splitTopLevel(const QString &text)
{
    QStringList parts;
    QString current;
    int depth = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'(')
            ++depth;
        else if (!quoted && c == u')')
            --depth;
        if (c == u',' && depth == 0 && !quoted) {
            parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current.append(c);
    }
    if (!current.trimmed().isEmpty())
        parts.append(current.trimmed());
    return parts;
}

// One selector criterion, e.g. scope("a","b") → {"scope", ["a", "b"]}; nullopt if malformed.
std::optional<std::pair<QString, QStringList>> parseCriterion(const QString &text)
{
    static const QRegularExpression shape(u"^(owner|personalAccessToken|scope)\\((.*)\\)$"_s);
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QStringList arguments;
    for (const QString &argument : splitTopLevel(match.captured(2))) {
        if (argument.size() >= 2 && argument.startsWith(u'"') && argument.endsWith(u'"'))
            arguments.append(argument.mid(1, argument.size() - 2));
        else if (argument == u"true"_s || argument == u"false"_s)
            arguments.append(argument);
        else
            return std::nullopt;
    }
    if (arguments.isEmpty())
        return std::nullopt;
    return std::make_pair(match.captured(1), arguments);
}

} // namespace

DynatraceTokenStore::DynatraceTokenStore(RandomText randomText)
    : m_randomText(std::move(randomText))
{ }

DynatraceToken DynatraceTokenStore::mint()
{
    DynatraceToken token;
    token.id = u"dt0c01."_s + m_randomText(24, TokenAlphabet);
    token.secret = token.id + u"."_s + m_randomText(64, TokenAlphabet);
    return token;
}

DynatraceToken &DynatraceTokenStore::add(DynatraceToken token)
{
    m_tokens.append(std::move(token));
    return m_tokens.last();
}

bool DynatraceTokenStore::remove(const QString &id)
{
    return m_tokens.removeIf([&id](const DynatraceToken &token) { return token.id == id; }) > 0;
}

DynatraceToken *DynatraceTokenStore::find(const QString &idOrSecret)
{
    for (DynatraceToken &token : m_tokens) {
        if (token.id == idOrSecret || token.secret == idOrSecret)
            return &token;
    }
    return nullptr;
}

const DynatraceToken *DynatraceTokenStore::find(const QString &idOrSecret) const
{
    return const_cast<DynatraceTokenStore *>(this)->find(idOrSecret);
}

DynatraceToken *DynatraceTokenStore::findBySecret(const QString &secret)
{
    for (DynatraceToken &token : m_tokens) {
        if (!secret.isEmpty() && token.secret == secret)
            return &token;
    }
    return nullptr;
}

bool DynatraceTokenStore::isUsable(const DynatraceToken &token, const QDateTime &now) const
{
    return token.enabled && (!token.expirationDate.isValid() || now < token.expirationDate);
}

const QStringList &DynatraceTokenStore::defaultFields()
{
    static const QStringList fields {u"id"_s, u"name"_s, u"enabled"_s, u"owner"_s, u"creationDate"_s};
    return fields;
}

const QStringList &DynatraceTokenStore::allFields()
{
    static const QStringList fields {u"id"_s, u"name"_s, u"enabled"_s, u"owner"_s, u"creationDate"_s,
        u"personalAccessToken"_s, u"expirationDate"_s, u"lastUsedDate"_s, u"lastUsedIpAddress"_s, u"modifiedDate"_s,
        u"scopes"_s, u"additionalMetadata"_s};
    return fields;
}

QDateTime DynatraceTokenStore::parseTime(const QString &text, const QDateTime &now)
{
    static const QRegularExpression digits(u"^[0-9]{1,15}$"_s);
    static const QRegularExpression relative(u"^now(?:([+-])([0-9]+)(ms|s|m|h|d|w|M|y))?(?:/[a-zA-Z]+)?$"_s);
    if (digits.match(text).hasMatch())
        return QDateTime::fromMSecsSinceEpoch(text.toLongLong(), QTimeZone::utc());
    if (const QRegularExpressionMatch match = relative.match(text); match.hasMatch()) {
        if (match.captured(1).isEmpty())
            return now;
        const qint64 amount = (match.captured(1) == u"-"_s ? -1 : 1) * match.captured(2).toLongLong();
        const QString unit = match.captured(3);
        if (unit == u"ms"_s)
            return now.addMSecs(amount);
        if (unit == u"s"_s)
            return now.addSecs(amount);
        if (unit == u"m"_s)
            return now.addSecs(amount * 60);
        if (unit == u"h"_s)
            return now.addSecs(amount * 3600);
        if (unit == u"d"_s)
            return now.addDays(amount);
        if (unit == u"w"_s)
            return now.addDays(amount * 7);
        if (unit == u"M"_s)
            return now.addMonths(static_cast<int>(amount));
        return now.addYears(static_cast<int>(amount));
    }
    QString iso = text;
    iso.replace(u' ', u'T');
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (when.isValid() && when.timeSpec() == Qt::LocalTime)
        when.setTimeZone(QTimeZone::utc()); // no zone given: UTC, as the API documents
    return when.toUTC();
}

QString DynatraceTokenStore::isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<std::pair<QString, QString>> DynatraceTokenStore::parseListQuery(
    const QList<std::pair<QString, QString>> &params, const QDateTime &now, ListQuery &query) const
{
    const auto value = [&params](const QString &key) -> std::optional<QString> {
        for (const auto &[name, text] : params) {
            if (name == key)
                return text;
        }
        return std::nullopt;
    };
    if (const auto key = value(u"nextPageKey"_s)) {
        if (params.size() > 1)
            return std::make_pair(u"must not be combined with other query parameters"_s, u"nextPageKey"_s);
        const auto decoded = decodePageKey(*key);
        if (!decoded)
            return std::make_pair(u"is not a valid page key"_s, u"nextPageKey"_s);
        query = *decoded;
        return std::nullopt;
    }
    query = ListQuery {};
    query.fields = defaultFields();
    if (const auto size = value(u"pageSize"_s)) {
        bool ok = false;
        query.pageSize = size->toInt(&ok);
        if (!ok || query.pageSize < 100 || query.pageSize > 10000)
            return std::make_pair(u"must be between 100 and 10000"_s, u"pageSize"_s);
    }
    if (const auto fields = value(u"fields"_s)) {
        for (QString field : fields->split(u',', Qt::SkipEmptyParts)) {
            field = field.trimmed();
            const bool remove = field.startsWith(u'-');
            if (remove || field.startsWith(u'+'))
                field = field.mid(1);
            if (!allFields().contains(field))
                return std::make_pair(u"contains the unknown field '%1'"_s.arg(field), u"fields"_s);
            if (remove)
                query.fields.removeAll(field);
            else if (!query.fields.contains(field))
                query.fields.append(field);
        }
    }
    if (const auto selector = value(u"apiTokenSelector"_s)) {
        for (const QString &criterion : splitTopLevel(*selector)) {
            if (!parseCriterion(criterion))
                return std::make_pair(u"contains the invalid criterion '%1'"_s.arg(criterion), u"apiTokenSelector"_s);
        }
        query.selector = *selector;
    }
    if (const auto sort = value(u"sort"_s)) {
        static const QRegularExpression shape(u"^[+-]?(name|lastUsedDate|creationDate|expirationDate|modifiedDate)$"_s);
        if (!shape.match(*sort).hasMatch())
            return std::make_pair(u"is not a valid sort order"_s, u"sort"_s);
        query.sort = *sort;
    }
    for (const QString &key : {u"from"_s, u"to"_s}) {
        if (const auto text = value(key)) {
            const QDateTime when = parseTime(*text, now);
            if (!when.isValid())
                return std::make_pair(u"is not a valid timestamp"_s, key);
            (key == u"from"_s ? query.from : query.to) = when;
        }
    }
    return std::nullopt;
}

bool DynatraceTokenStore::matchesSelector(const DynatraceToken &token, const QString &selector)
{
    for (const QString &text : splitTopLevel(selector)) {
        const auto criterion = parseCriterion(text);
        if (!criterion)
            return false;
        const auto &[name, arguments] = *criterion;
        if (name == u"owner"_s && !arguments.contains(token.owner))
            return false;
        if (name == u"personalAccessToken"_s && (arguments.constFirst() == u"true"_s) != token.personalAccessToken)
            return false;
        if (name == u"scope"_s && std::none_of(arguments.cbegin(), arguments.cend(), [&token](const QString &scope) {
                return token.scopes.contains(scope);
            }))
            return false;
    }
    return true;
}

QList<const DynatraceToken *> DynatraceTokenStore::select(const ListQuery &query) const
{
    QList<const DynatraceToken *> matching;
    for (const DynatraceToken &token : m_tokens) {
        if (!query.selector.isEmpty() && !matchesSelector(token, query.selector))
            continue;
        if ((query.from.isValid() || query.to.isValid()) && !token.lastUsedDate.isValid())
            continue;
        if (query.from.isValid() && token.lastUsedDate < query.from)
            continue;
        if (query.to.isValid() && token.lastUsedDate > query.to)
            continue;
        matching.append(&token);
    }
    const bool descending = query.sort.startsWith(u'-');
    const QString field = query.sort.startsWith(u'-') || query.sort.startsWith(u'+') ? query.sort.mid(1) : query.sort;
    // Never used / never modified sort as the earliest time, "never expires" as the latest.
    const auto key = [&field](const DynatraceToken *token) -> qint64 {
        const auto ms
            = [](const QDateTime &when, qint64 missing) { return when.isValid() ? when.toMSecsSinceEpoch() : missing; };
        if (field == u"lastUsedDate"_s)
            return ms(token->lastUsedDate, std::numeric_limits<qint64>::min());
        if (field == u"modifiedDate"_s)
            return ms(token->modifiedDate, std::numeric_limits<qint64>::min());
        if (field == u"expirationDate"_s)
            return ms(token->expirationDate, std::numeric_limits<qint64>::max());
        return ms(token->creationDate, 0);
    };
    std::stable_sort(matching.begin(), matching.end(), [&](const DynatraceToken *a, const DynatraceToken *b) {
        if (field == u"name"_s) {
            const int order = a->name.compare(b->name, Qt::CaseInsensitive);
            if (order != 0)
                return descending ? order > 0 : order < 0;
        } else if (key(a) != key(b)) {
            return descending ? key(a) > key(b) : key(a) < key(b);
        }
        return a->id < b->id;
    });
    return matching;
}

QString DynatraceTokenStore::encodePageKey(const ListQuery &query)
{
    const QJsonObject object {{u"o"_s, query.offset}, {u"p"_s, query.pageSize}, {u"f"_s, query.fields.join(u',')},
        {u"q"_s, query.selector}, {u"s"_s, query.sort},
        {u"from"_s, query.from.isValid() ? query.from.toMSecsSinceEpoch() : -1},
        {u"to"_s, query.to.isValid() ? query.to.toMSecsSinceEpoch() : -1}};
    return QString::fromLatin1(QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64());
}

std::optional<DynatraceTokenStore::ListQuery> DynatraceTokenStore::decodePageKey(const QString &key)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromBase64(key.toLatin1()));
    if (!document.isObject() || !document.object().contains(u"o"_s))
        return std::nullopt;
    const QJsonObject object = document.object();
    ListQuery query;
    query.offset = object.value(u"o"_s).toInteger();
    query.pageSize = object.value(u"p"_s).toInt();
    query.fields = object.value(u"f"_s).toString().split(u',', Qt::SkipEmptyParts);
    query.selector = object.value(u"q"_s).toString();
    query.sort = object.value(u"s"_s).toString();
    const auto time = [&object](const QString &name) {
        const qint64 ms = object.value(name).toInteger(-1);
        return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    };
    query.from = time(u"from"_s);
    query.to = time(u"to"_s);
    return query;
}

QJsonObject DynatraceTokenStore::v2Json(const DynatraceToken &token, const QStringList &fields) const
{
    QJsonObject object;
    const auto date = [&object, &fields](const QString &name, const QDateTime &when) {
        if (fields.contains(name) && when.isValid())
            object.insert(name, isoTime(when));
    };
    if (fields.contains(u"id"_s))
        object.insert(u"id"_s, token.id);
    if (fields.contains(u"name"_s))
        object.insert(u"name"_s, token.name);
    if (fields.contains(u"enabled"_s))
        object.insert(u"enabled"_s, token.enabled);
    if (fields.contains(u"owner"_s))
        object.insert(u"owner"_s, token.owner);
    if (fields.contains(u"personalAccessToken"_s))
        object.insert(u"personalAccessToken"_s, token.personalAccessToken);
    date(u"creationDate"_s, token.creationDate);
    date(u"modifiedDate"_s, token.modifiedDate);
    date(u"expirationDate"_s, token.expirationDate);
    date(u"lastUsedDate"_s, token.lastUsedDate);
    if (fields.contains(u"lastUsedIpAddress"_s) && !token.lastUsedIpAddress.isEmpty())
        object.insert(u"lastUsedIpAddress"_s, token.lastUsedIpAddress);
    if (fields.contains(u"scopes"_s))
        object.insert(u"scopes"_s, QJsonArray::fromStringList(token.scopes));
    if (fields.contains(u"additionalMetadata"_s))
        object.insert(u"additionalMetadata"_s, token.additionalMetadata);
    return object;
}

QJsonObject DynatraceTokenStore::v1Json(const DynatraceToken &token) const
{
    QJsonObject object {{u"id"_s, token.id}, {u"name"_s, token.name}, {u"userId"_s, token.owner},
        {u"revoked"_s, !token.enabled}, {u"created"_s, token.creationDate.toMSecsSinceEpoch()},
        {u"scopes"_s, QJsonArray::fromStringList(token.scopes)}, {u"personalAccessToken"_s, token.personalAccessToken}};
    if (token.expirationDate.isValid())
        object.insert(u"expires"_s, token.expirationDate.toMSecsSinceEpoch());
    if (token.lastUsedDate.isValid())
        object.insert(u"lastUse"_s, token.lastUsedDate.toMSecsSinceEpoch());
    return object;
}
