// SPDX-License-Identifier: GPL-3.0-or-later
#include "piianoparser.h"

#include "core/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isRetryableCode(const QString &code)
{
    return code == "PV3218"_L1 || code == "PV1009"_L1;
}

// "objectid=b56d…, username=WebServer": context values are ids and names, never data; values
// that are not strings (the spec's own example has a null) are shown as JSON or left out.
QString contextText(const QJsonObject &context)
{
    constexpr qsizetype MaximumEntries = 10;
    QStringList entries;
    for (auto it = context.begin(); it != context.end() && entries.size() < MaximumEntries; ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble())
            text = QString::number(value.toDouble());
        else if (value.isBool())
            text = value.toBool() ? u"true"_s : u"false"_s;
        if (!text.isEmpty())
            entries.append(it.key() + u'=' + JsonReader::quoteValue(text).mid(1).chopped(1));
    }
    return entries.join(u", "_s);
}

RemoteToken readMetadata(const JsonReader &entry)
{
    RemoteToken token;
    token.providerId = entry.nonEmptyString("token_id"_L1);
    entry.nonEmptyString("type"_L1);
    const QString scope = entry.string("scope"_L1, Presence::Optional);
    if (!scope.isEmpty())
        token.scopes = {scope};
    if (const std::optional<JsonReader> agg = entry.child("agg"_L1, Presence::Optional))
        token.expiresAt = agg->dateTime("max_effective_expiration_time"_L1);
    const std::optional<QJsonArray> refs = entry.array("tokens"_L1);
    QDateTime latestExpiry;
    for (qsizetype i = 0; refs && i < refs->size(); ++i) {
        const std::optional<JsonReader> ref = entry.element(*refs, "tokens"_L1, i);
        if (!ref)
            break;
        const QDateTime created = ref->dateTime("creation_time"_L1, Presence::Required);
        const QDateTime expires = ref->dateTime("expiration_time"_L1);
        ref->dateTime("effective_expiration_time"_L1);
        ref->string("object_id"_L1, Presence::Optional);
        ref->stringList("tags"_L1);
        if (created.isValid() && (!token.createdAt.isValid() || created < token.createdAt))
            token.createdAt = created;
        if (expires.isValid() && (!latestExpiry.isValid() || expires > latestExpiry))
            latestExpiry = expires;
    }
    if (!token.expiresAt.isValid())
        token.expiresAt = latestExpiry;
    return token;
}

} // namespace

Parsed<RotationResult> PiianoParser::parseRotate(const HttpAnswer &answer, const QStringList &requestedIds)
{
    if (!answer.isSuccess())
        return Parsed<RotationResult>::failure(errorFor(answer));
    ApiError error;
    RotationResult rotation;
    if (const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, error)) {
        const JsonReader reader(*root, {}, error);
        QSet<QString> newIds;
        for (const QString &oldId : requestedIds) {
            if (rotation.replacedIds.contains(oldId))
                continue;
            // Keys are the ids we sent, so they are looked up as given rather than as fixed names.
            const QJsonValue value = root->value(oldId);
            if (value.isUndefined() || value.isNull()) {
                reader.fail(oldId, tr("is missing: the answer does not map this requested token id"));
                break;
            }
            if (!value.isString()) {
                reader.fail(oldId, tr("should be a string, not %1").arg(JsonReader::typeName(value)));
                break;
            }
            if (value.toString().isEmpty()) {
                reader.fail(oldId, tr("is empty"));
                break;
            }
            const QString newId = value.toString();
            if (newIds.contains(newId)) {
                reader.fail(oldId, tr("maps to a new id already given to another token"));
                break;
            }
            newIds.insert(newId);
            rotation.replacedIds.insert(oldId, newId);
        }
    }
    if (error.isError()) {
        error.httpStatus = answer.status;
        return Parsed<RotationResult>::failure(error);
    }
    return Parsed<RotationResult>::success(std::move(rotation));
}

Parsed<RemoteTokenPage> PiianoParser::parseTokenSearch(const HttpAnswer &answer)
{
    if (!answer.isSuccess())
        return Parsed<RemoteTokenPage>::failure(errorFor(answer));
    ApiError error;
    RemoteTokenPage page;
    if (const std::optional<QJsonArray> root = JsonReader::parseArray(answer.body, error)) {
        QSet<QString> ids;
        for (qsizetype i = 0; i < root->size() && !error.isError(); ++i) {
            const std::optional<JsonReader> entry = JsonReader::elementOf(*root, {}, i, error);
            if (!entry)
                break;
            RemoteToken token = readMetadata(*entry);
            if (error.isError())
                break;
            if (ids.contains(token.providerId)) {
                entry->fail(entry->pathOf("token_id"_L1), tr("repeats a token id listed before"));
                break;
            }
            ids.insert(token.providerId);
            page.tokens.append(std::move(token));
        }
        page.totalCount = static_cast<int>(page.tokens.size());
    }
    if (error.isError()) {
        error.httpStatus = answer.status;
        return Parsed<RemoteTokenPage>::failure(error);
    }
    return Parsed<RemoteTokenPage>::success(std::move(page));
}

ApiError PiianoParser::errorFor(const HttpAnswer &answer)
{
    ApiError ignored;
    const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, ignored);
    const QString code = root ? root->value("error_code"_L1).toString() : QString();
    if (code.isEmpty()) {
        ApiError error = answer.httpError(answer.status >= 500
                ? tr("Piiano Vault had a server error (HTTP %1)").arg(answer.status)
                : tr("Piiano Vault answered HTTP %1 without an error code").arg(answer.status));
        return error;
    }
    ApiError error;
    error.kind = ApiError::Kind::Provider;
    error.httpStatus = answer.status;
    error.providerCode = code;
    error.message = root->value("message"_L1).toString();
    if (error.message.isEmpty())
        error.message = tr("Piiano Vault reported an error");
    const QString context = contextText(root->value("context"_L1).toObject());
    if (!context.isEmpty())
        error.message += u" ("_s + context + u')';
    error.retryable = isRetryableCode(code);
    error.retryAfter = answer.retryAfter();
    return error;
}

QByteArray PiianoParser::searchBody(const QStringList &tokenIds)
{
    return QJsonDocument(QJsonObject {{"token_ids"_L1, QJsonArray::fromStringList(tokenIds)}})
        .toJson(QJsonDocument::Compact);
}

bool PiianoParser::isValidCollectionName(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxCollectionNameLength || !isAsciiLetter(name.front()))
        return false;
    for (const QChar c : name) {
        if (!isAsciiLetter(c) && !(c >= u'0' && c <= u'9') && c != u'_')
            return false;
    }
    return true;
}
