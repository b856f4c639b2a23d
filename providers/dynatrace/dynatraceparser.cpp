// SPDX-License-Identifier: GPL-3.0-or-later
#include "dynatraceparser.h"

#include "core/jsonreader.h"
#include "core/secretjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

// The shared frame of every parse: error statuses go to errorFor(), 2xx bodies to `read`.
template<typename T, typename Read> Parsed<T> parseWith(const HttpAnswer &answer, Read read)
{
    if (!answer.isSuccess())
        return Parsed<T>::failure(DynatraceParser::errorFor(answer));
    ApiError error;
    std::optional<T> value;
    if (const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, error)) {
        const JsonReader reader(*root, {}, error);
        T parsed = read(reader);
        if (!error.isError())
            value = std::move(parsed);
    }
    if (!value) {
        error.httpStatus = answer.status;
        return Parsed<T>::failure(error);
    }
    return Parsed<T>::success(std::move(*value));
}

RemoteToken readTokenV2(const JsonReader &reader)
{
    RemoteToken token;
    token.providerId = reader.nonEmptyString("id"_L1);
    token.name = reader.string("name"_L1, Presence::Optional);
    token.enabled = reader.boolean("enabled"_L1, Presence::Optional).value_or(true);
    token.owner = reader.string("owner"_L1, Presence::Optional);
    token.createdAt = reader.dateTime("creationDate"_L1);
    token.expiresAt = reader.dateTime("expirationDate"_L1);
    token.lastUsedAt = reader.dateTime("lastUsedDate"_L1);
    token.scopes = reader.stringList("scopes"_L1);
    return token;
}

RemoteToken readTokenV1(const JsonReader &reader)
{
    RemoteToken token;
    token.providerId = reader.nonEmptyString("id"_L1);
    token.name = reader.string("name"_L1, Presence::Optional);
    token.owner = reader.string("userId"_L1, Presence::Optional);
    token.enabled = !reader.boolean("revoked"_L1, Presence::Optional).value_or(false);
    token.createdAt = reader.dateTimeOrMillis("created"_L1);
    token.expiresAt = reader.dateTimeOrMillis("expires"_L1);
    token.lastUsedAt = reader.dateTimeOrMillis("lastUse"_L1);
    token.scopes = reader.stringList("scopes"_L1, Presence::Required);
    return token;
}

// Appends tokens of `key`[] read by `read`; a repeated id is Malformed (it would merge two rows).
template<typename Read>
QList<RemoteToken> readTokens(const JsonReader &reader, QLatin1StringView key, Presence presence, Read read)
{
    QList<RemoteToken> tokens;
    const std::optional<QJsonArray> entries = reader.array(key, presence);
    QSet<QString> ids;
    for (qsizetype i = 0; entries && i < entries->size(); ++i) {
        const std::optional<JsonReader> entry = reader.element(*entries, key, i);
        if (!entry)
            return {};
        RemoteToken token = read(*entry);
        if (reader.failed())
            return {};
        if (ids.contains(token.providerId)) {
            reader.fail(entry->pathOf("id"_L1), DynatraceParser::tr("repeats an id listed before"));
            return {};
        }
        ids.insert(token.providerId);
        tokens.append(std::move(token));
    }
    return tokens;
}

QString violationsText(const QJsonArray &violations)
{
    constexpr qsizetype MaximumViolations = 10;
    QStringList lines;
    for (const QJsonValue &entry : violations) {
        if (lines.size() == MaximumViolations)
            break;
        const QJsonObject violation = entry.toObject();
        QString where = violation.value("path"_L1).toString();
        if (where.isEmpty())
            where = violation.value("location"_L1).toString();
        const QString location = violation.value("parameterLocation"_L1).toString();
        if (!location.isEmpty())
            where = where.isEmpty() ? location : where + u" ("_s + location + u')';
        const QString message = violation.value("message"_L1).toString();
        if (message.isEmpty() && where.isEmpty())
            continue;
        lines.append(where.isEmpty() ? message : where + u": "_s + message);
    }
    return lines.join(u"; "_s);
}

// Error messages are shown and logged as they are, and a lookup's error could quote the secret
// it was sent: keep a token's public id, mask its secret part.
QString redactSecrets(QString text)
{
    static const QRegularExpression token(u"(dt0c01\\.[A-Za-z0-9]+)\\.[A-Za-z0-9]+"_s);
    return text.replace(token, u"\\1.********"_s);
}

QString statusMessage(int status)
{
    switch (status) {
    case 400:
        return DynatraceParser::tr("Dynatrace rejected the request as invalid");
    case 401:
        return DynatraceParser::tr("The Dynatrace token is missing, invalid or expired");
    case 403:
        return DynatraceParser::tr(
            "The Dynatrace token lacks the scope this call needs (apiTokens.read or apiTokens.write)");
    case 404:
        return DynatraceParser::tr("Dynatrace knows no token with this id or secret");
    case 429:
        return DynatraceParser::tr("Dynatrace is rate-limiting requests; try again later");
    default:
        break;
    }
    return status >= 500 ? DynatraceParser::tr("Dynatrace had a server error (HTTP %1)").arg(status)
                         : DynatraceParser::tr("Dynatrace answered with unexpected HTTP status %1").arg(status);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Parsed<RemoteTokenPage> DynatraceParser::parseTokenList(const HttpAnswer &answer)
{
    return parseWith<RemoteTokenPage>(answer, [](const JsonReader &reader) {
        RemoteTokenPage page;
        page.totalCount
            = static_cast<int>(reader.integer("totalCount"_L1, Presence::Required, 0, 1'000'000'000).value_or(-1));
        page.nextPage = reader.string("nextPageKey"_L1, Presence::Optional);
        reader.integer("pageSize"_L1, Presence::Optional, 0, 1'000'000);
        page.tokens = readTokens(reader, "apiTokens"_L1, Presence::Optional, readTokenV2);
        return page;
    });
}

Parsed<RemoteToken> DynatraceParser::parseToken(const HttpAnswer &answer)
{
    return parseWith<RemoteToken>(answer, readTokenV2);
}

Parsed<RotationResult> DynatraceParser::parseCreated(const HttpAnswer &answer)
{
    return parseWith<RotationResult>(answer, [](const JsonReader &reader) {
        RotationResult rotation;
        rotation.newProviderId = reader.nonEmptyString("id"_L1);
        rotation.expiresAt = reader.dateTime("expirationDate"_L1);
        const QString secret = reader.nonEmptyString("token"_L1);
        if (!reader.failed())
            rotation.newSecret = SecretBytes(secret.toUtf8());
        rotation.token.providerId = rotation.newProviderId;
        rotation.token.expiresAt = rotation.expiresAt;
        return rotation;
    });
}

Parsed<RemoteTokenPage> DynatraceParser::parseTokenListV1(const HttpAnswer &answer)
{
    return parseWith<RemoteTokenPage>(answer, [](const JsonReader &reader) {
        RemoteTokenPage page;
        page.tokens = readTokens(reader, "values"_L1, Presence::Required, [](const JsonReader &entry) {
            RemoteToken token;
            token.providerId = entry.nonEmptyString("id"_L1);
            token.name = entry.string("name"_L1, Presence::Optional);
            return token;
        });
        page.totalCount = static_cast<int>(page.tokens.size());
        return page;
    });
}

Parsed<RemoteToken> DynatraceParser::parseTokenV1(const HttpAnswer &answer)
{
    return parseWith<RemoteToken>(answer, readTokenV1);
}

Parsed<RotationResult> DynatraceParser::parseCreatedV1(const HttpAnswer &answer)
{
    return parseWith<RotationResult>(answer, [](const JsonReader &reader) {
        RotationResult rotation;
        const QString secret = reader.nonEmptyString("token"_L1);
        if (!reader.failed())
            rotation.newSecret = SecretBytes(secret.toUtf8());
        return rotation;
    });
}

ApiError DynatraceParser::parseNoContent(const HttpAnswer &answer)
{
    return answer.isSuccess() ? ApiError() : errorFor(answer);
}

ApiError DynatraceParser::errorFor(const HttpAnswer &answer)
{
    ApiError ignored;
    const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, ignored);
    const QJsonObject envelope = root ? root->value("error"_L1).toObject() : QJsonObject();
    const QJsonValue code = envelope.value("code"_L1);
    const QString message = envelope.value("message"_L1).toString();
    if (envelope.isEmpty() || (message.isEmpty() && code.isUndefined()))
        return answer.httpError(statusMessage(answer.status));

    ApiError error;
    error.kind = ApiError::Kind::Provider;
    error.httpStatus = answer.status;
    error.providerCode = code.isString() ? code.toString()
        : code.isDouble()                ? QString::number(code.toInteger())
                                         : QString::number(answer.status);
    error.message = message.isEmpty() ? statusMessage(answer.status) : message;
    const QString violations = violationsText(envelope.value("constraintViolations"_L1).toArray());
    if (!violations.isEmpty())
        error.message += u" ("_s + violations + u')';
    error.message = redactSecrets(error.message);
    error.retryable = HttpAnswer::isTransientStatus(answer.status);
    error.retryAfter = answer.retryAfter();
    return error;
}

QByteArray DynatraceParser::createBody(const QString &name, const QStringList &scopes, const QDateTime &expiresAt)
{
    QJsonObject body {{"name"_L1, name}, {"scopes"_L1, QJsonArray::fromStringList(scopes)}};
    if (expiresAt.isValid())
        body.insert("expirationDate"_L1, expiresAt.toUTC().toString(Qt::ISODateWithMs));
    return compact(body);
}

QByteArray DynatraceParser::createBodyV1(const QString &name, const QStringList &scopes, std::chrono::seconds expiresIn)
{
    QJsonObject body {{"name"_L1, name}, {"scopes"_L1, QJsonArray::fromStringList(scopes)}};
    const qint64 seconds = expiresIn.count();
    if (seconds > 0) {
        // The largest unit that states the period exactly, as an admin would have typed it.
        QJsonObject duration;
        if (seconds % 86400 == 0)
            duration = {{"value"_L1, seconds / 86400}, {"unit"_L1, "DAYS"_L1}};
        else if (seconds % 3600 == 0)
            duration = {{"value"_L1, seconds / 3600}, {"unit"_L1, "HOURS"_L1}};
        else if (seconds % 60 == 0)
            duration = {{"value"_L1, seconds / 60}, {"unit"_L1, "MINUTES"_L1}};
        else
            duration = {{"value"_L1, seconds}, {"unit"_L1, "SECONDS"_L1}};
        body.insert("expiresIn"_L1, duration);
    }
    return compact(body);
}

QByteArray DynatraceParser::updateEnabledBody(bool enabled)
{
    return compact({{"enabled"_L1, enabled}});
}

QByteArray DynatraceParser::revokeBodyV1()
{
    return compact({{"revoked"_L1, true}});
}

SecretBytes DynatraceParser::lookupBody(const SecretBytes &secret)
{
    return SecretJson::render({{"token"_L1, SecretJson::placeholder()}}, secret);
}
