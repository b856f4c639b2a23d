// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangeaparser.h"

#include "core/jsonreader.h"
#include "domain/policyparser.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

constexpr auto TokenType = "pangea_token"_L1;

// Statuses the Pangea SDKs treat as worth another try.
bool isRetryableStatus(const QString &status)
{
    return status == "TooManyRequests"_L1 || status == "ServiceNotAvailable"_L1 || status == "InternalError"_L1;
}

// Pangea's SDKs retry 500 as well as the usual transient statuses.
bool isRetryableHttp(int status)
{
    return status == 500 || HttpAnswer::isTransientStatus(status);
}

// Validation details of a failure: "/id: DoesNotMatchPattern: …". Best effort on purpose: a
// badly shaped detail list must not hide the provider's own error behind a Malformed one.
QString validationDetails(const QJsonObject &result)
{
    constexpr qsizetype MaximumDetails = 10;
    QStringList details;
    const QJsonArray errors = result.value("errors"_L1).toArray();
    for (const QJsonValue &entry : errors) {
        if (details.size() == MaximumDetails)
            break;
        const QJsonObject error = entry.toObject();
        const QString code = error.value("code"_L1).toString();
        const QString detail = error.value("detail"_L1).toString();
        const QString source = error.value("source"_L1).toString();
        if (code.isEmpty() && detail.isEmpty())
            continue;
        QString line = source.isEmpty() ? QString() : source + u": "_s;
        line += code.isEmpty() ? detail : (detail.isEmpty() ? code : code + u": "_s + detail);
        details.append(line);
    }
    return details.join(u"; "_s);
}

template<typename T, typename U> PangeaReply<T> carryOver(const PangeaReply<U> &reply)
{
    PangeaReply<T> result;
    result.accepted = reply.accepted;
    result.error = reply.error;
    result.requestId = reply.requestId;
    return result;
}

template<typename T>
PangeaReply<T> finish(std::optional<T> value, ApiError error, const PangeaReply<QJsonObject> &envelope, int status)
{
    if (error.isError() || !value) {
        error.httpStatus = status;
        error.requestId = envelope.requestId;
        return PangeaReply<T>::failure(std::move(error));
    }
    PangeaReply<T> reply;
    reply.value = std::move(value);
    reply.requestId = envelope.requestId;
    return reply;
}

PolicyDuration readDuration(const JsonReader &reader, QLatin1StringView key)
{
    const QString text = reader.string(key, Presence::Optional);
    const Parsed<PolicyDuration> duration = PangeaParser::parseDuration(text);
    if (!duration.ok()) {
        reader.fail(reader.pathOf(key), PangeaParser::tr("is not a Pangea duration: %1").arg(duration.error.message));
        return {};
    }
    return *duration.value;
}

// Item versions sorted by number, with VersionState as the class comment describes.
QList<RemoteVersion> readVersions(const JsonReader &item, const QDateTime &responseTime)
{
    const std::optional<QJsonArray> entries = item.array("item_versions"_L1, Presence::Optional);
    if (!entries)
        return {};
    QList<RemoteVersion> versions;
    QSet<int> seen;
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const std::optional<JsonReader> entry = item.element(*entries, "item_versions"_L1, i);
        if (!entry)
            return {};
        RemoteVersion version;
        version.number
            = static_cast<int>(entry->integer("version"_L1, Presence::Required, 1, 1'000'000'000).value_or(0));
        version.providerState = entry->nonEmptyString("state"_L1);
        version.createdAt = entry->dateTime("created_at"_L1);
        version.rotatedAt = entry->dateTime("rotated_at"_L1);
        version.destroyedAt = entry->dateTime("destroyed_at"_L1);
        if (item.failed())
            return {};
        if (seen.contains(version.number)) {
            item.fail(entry->pathOf("version"_L1), PangeaParser::tr("repeats version %1").arg(version.number));
            return {};
        }
        seen.insert(version.number);
        const QString &state = version.providerState;
        if (state == "active"_L1)
            version.state = VersionState::Current;
        else if (state == "destroyed"_L1)
            version.state = VersionState::Destroyed;
        else if (state == "deactivated"_L1 || state == "suspended"_L1 || state == "compromised"_L1)
            version.state = VersionState::Revoked;
        else {
            item.fail(entry->pathOf("state"_L1),
                PangeaParser::tr("is %1, not a Pangea version state").arg(JsonReader::quoteValue(state)));
            return {};
        }
        if (version.state != VersionState::Current && responseTime.isValid() && version.destroyedAt > responseTime)
            version.state = VersionState::Grace;
        versions.append(version);
    }
    std::sort(versions.begin(), versions.end(),
        [](const RemoteVersion &a, const RemoteVersion &b) { return a.number < b.number; });
    // Only the highest active version is current; older active ones are in their grace period.
    bool currentSeen = false;
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        if (it->state != VersionState::Current)
            continue;
        if (currentSeen)
            it->state = VersionState::Grace;
        currentSeen = true;
    }
    return versions;
}

// A pangea_token item as a RemoteToken. Never reads item_versions[].token: values stay out.
RemoteToken readToken(const JsonReader &item, const QDateTime &responseTime)
{
    RemoteToken token;
    token.providerId = item.nonEmptyString("id"_L1);
    token.name = item.string("name"_L1, Presence::Optional);
    token.enabled = item.boolean("enabled"_L1, Presence::Optional).value_or(true);
    token.createdAt = item.dateTime("created_at"_L1);
    token.lastRotatedAt = item.dateTime("last_rotated"_L1);
    token.nextRotationAt = item.dateTime("next_rotation"_L1);
    token.expiresAt = item.dateTime("disabled_at"_L1);
    token.policy.interval = readDuration(item, "rotation_frequency"_L1);
    token.policy.gracePeriod = readDuration(item, "rotation_grace_period"_L1);
    token.policy.automatic = !token.policy.interval.isNull();
    token.providerRotationState = item.string("rotation_state"_L1, Presence::Optional);
    token.versions = readVersions(item, responseTime);
    return token;
}

// The result of get/update/state-change/rotate must be a token, not another kind of item.
bool requireTokenType(const JsonReader &item)
{
    const QString type = item.nonEmptyString("type"_L1);
    if (!item.failed() && type != TokenType) {
        item.fail(item.pathOf("type"_L1),
            PangeaParser::tr("is %1, not a Pangea API token").arg(JsonReader::quoteValue(type)));
    }
    return !item.failed();
}

PangeaReply<QJsonObject> acceptedReply(const JsonReader &envelope, const QString &requestId)
{
    PangeaAccepted accepted;
    accepted.requestId = requestId;
    if (const std::optional<JsonReader> result = envelope.child("result"_L1, Presence::Optional)) {
        accepted.location = result->string("location"_L1, Presence::Optional);
        accepted.ttlMinutes
            = static_cast<int>(result->integer("ttl_mins"_L1, Presence::Optional, 0, 1'000'000).value_or(-1));
        accepted.retryCounter
            = static_cast<int>(result->integer("retry_counter"_L1, Presence::Optional, 0, 1'000'000).value_or(-1));
    }
    PangeaReply<QJsonObject> reply;
    reply.accepted = accepted;
    reply.requestId = requestId;
    return reply;
}

ApiError providerError(
    const HttpAnswer &answer, const QJsonObject &root, const QString &status, const QString &requestId)
{
    ApiError failure;
    failure.kind = ApiError::Kind::Provider;
    failure.httpStatus = answer.status;
    failure.providerCode = status;
    failure.requestId = requestId;
    const QString summary = root.value("summary"_L1).toString();
    failure.message = summary.isEmpty() ? status : summary;
    const QString details = validationDetails(root.value("result"_L1).toObject());
    if (!details.isEmpty())
        failure.message += u" ("_s + details + u')';
    failure.retryable = isRetryableStatus(status) || isRetryableHttp(answer.status);
    failure.retryAfter = answer.retryAfter();
    return failure;
}

// The envelope of any answer; `responseTime` (may be null) receives Pangea's response_time.
PangeaReply<QJsonObject> readEnvelope(const HttpAnswer &answer, QDateTime *responseTime)
{
    ApiError error;
    if (const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, error)) {
        const JsonReader envelope(*root, {}, error);
        const QString requestId = envelope.nonEmptyString("request_id"_L1);
        const QString status = envelope.nonEmptyString("status"_L1);
        const QDateTime answeredAt = envelope.dateTime("response_time"_L1);
        if (responseTime)
            *responseTime = answeredAt;
        if (!error.isError()) {
            if (status == "Accepted"_L1 || answer.status == 202) {
                PangeaReply<QJsonObject> reply = acceptedReply(envelope, requestId);
                if (!error.isError())
                    return reply;
            } else if (status != "Success"_L1) {
                return PangeaReply<QJsonObject>::failure(providerError(answer, *root, status, requestId));
            } else if (!answer.isSuccess()) {
                // The envelope and the HTTP status contradict each other: trust neither.
                ApiError contradiction
                    = ApiError::malformed(PangeaParser::tr("status “Success” came with HTTP %1").arg(answer.status));
                contradiction.httpStatus = answer.status;
                contradiction.requestId = requestId;
                return PangeaReply<QJsonObject>::failure(contradiction);
            } else if (const std::optional<JsonReader> result = envelope.child("result"_L1)) {
                PangeaReply<QJsonObject> reply;
                reply.value = result->object();
                reply.requestId = requestId;
                return reply;
            }
        }
        error.requestId = requestId;
    }
    // No usable envelope: an HTTP error status says more than the shape of its body (a proxy's
    // HTML page, an empty 503).
    if (answer.status >= 400) {
        ApiError failure = answer.httpError(
            PangeaParser::tr("Pangea answered HTTP %1 without its error envelope").arg(answer.status));
        failure.retryable = isRetryableHttp(answer.status);
        failure.requestId = error.requestId;
        return PangeaReply<QJsonObject>::failure(failure);
    }
    error.httpStatus = answer.status;
    return PangeaReply<QJsonObject>::failure(error);
}

} // namespace

PangeaReply<QJsonObject> PangeaParser::parseEnvelope(const HttpAnswer &answer)
{
    return readEnvelope(answer, nullptr);
}

PangeaReply<RemoteTokenPage> PangeaParser::parseList(const HttpAnswer &answer)
{
    QDateTime responseTime;
    const PangeaReply<QJsonObject> envelope = readEnvelope(answer, &responseTime);
    if (!envelope.ok())
        return carryOver<RemoteTokenPage>(envelope);
    ApiError error;
    const JsonReader result(*envelope.value, u"result"_s, error);
    RemoteTokenPage page;
    page.nextPage = result.string("last"_L1, Presence::Optional);
    page.totalCount = static_cast<int>(result.integer("count"_L1, Presence::Optional, 0, 1'000'000'000).value_or(-1));
    const std::optional<QJsonArray> items = result.array("items"_L1);
    QSet<QString> ids;
    for (qsizetype i = 0; items && i < items->size() && !error.isError(); ++i) {
        const std::optional<JsonReader> item = result.element(*items, "items"_L1, i);
        if (!item)
            break;
        // Other item types (keys, secrets, folders) share the listing; they are not ours.
        if (item->nonEmptyString("type"_L1) != TokenType)
            continue;
        RemoteToken token = readToken(*item, responseTime);
        if (error.isError())
            break;
        if (ids.contains(token.providerId)) {
            item->fail(item->pathOf("id"_L1), tr("repeats an id listed before"));
            break;
        }
        ids.insert(token.providerId);
        page.tokens.append(std::move(token));
    }
    return finish<RemoteTokenPage>(
        error.isError() ? std::nullopt : std::optional(std::move(page)), error, envelope, answer.status);
}

PangeaReply<RemoteToken> PangeaParser::parseItem(const HttpAnswer &answer)
{
    QDateTime responseTime;
    const PangeaReply<QJsonObject> envelope = readEnvelope(answer, &responseTime);
    if (!envelope.ok())
        return carryOver<RemoteToken>(envelope);
    ApiError error;
    const JsonReader item(*envelope.value, u"result"_s, error);
    std::optional<RemoteToken> token;
    if (requireTokenType(item))
        token = readToken(item, responseTime);
    return finish<RemoteToken>(error.isError() ? std::nullopt : token, error, envelope, answer.status);
}

PangeaReply<RotationResult> PangeaParser::parseRotate(const HttpAnswer &answer)
{
    QDateTime responseTime;
    const PangeaReply<QJsonObject> envelope = readEnvelope(answer, &responseTime);
    if (!envelope.ok())
        return carryOver<RotationResult>(envelope);
    ApiError error;
    const JsonReader item(*envelope.value, u"result"_s, error);
    if (!requireTokenType(item))
        return finish<RotationResult>(std::nullopt, error, envelope, answer.status);
    RotationResult rotation;
    rotation.token = readToken(item, responseTime);
    rotation.newProviderId = rotation.token.providerId;

    // The highest active version is the one the rotation minted; its entry holds the value.
    const auto &versions = rotation.token.versions;
    const auto current = std::find_if(versions.rbegin(), versions.rend(),
        [](const RemoteVersion &version) { return version.state == VersionState::Current; });
    if (!error.isError() && current == versions.rend())
        item.fail(item.pathOf("item_versions"_L1), tr("has no active version"));
    if (error.isError())
        return finish<RotationResult>(std::nullopt, error, envelope, answer.status);

    rotation.newVersion = current->number;
    rotation.createdAt = current->createdAt;
    const QJsonArray entries = item.object().value("item_versions"_L1).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        if (entry.value("version"_L1).toInteger() != current->number)
            continue;
        const std::optional<JsonReader> reader = item.element(entries, "item_versions"_L1, i);
        rotation.newSecret = SecretBytes(reader->nonEmptyString("token"_L1).toUtf8());
        break;
    }
    // The old secret works until Pangea destroys the previous version, or for the grace period.
    const auto previous = std::next(current);
    if (previous != versions.rend() && previous->destroyedAt.isValid())
        rotation.oldValidUntil = previous->destroyedAt;
    else if (!rotation.token.policy.gracePeriod.isNull() && rotation.createdAt.isValid())
        rotation.oldValidUntil = rotation.token.policy.gracePeriod.addTo(rotation.createdAt);
    return finish<RotationResult>(
        error.isError() ? std::nullopt : std::optional(std::move(rotation)), error, envelope, answer.status);
}

PangeaReply<RotationResult> PangeaParser::parseRotateV1(const HttpAnswer &answer)
{
    const PangeaReply<QJsonObject> envelope = readEnvelope(answer, nullptr);
    if (!envelope.ok())
        return carryOver<RotationResult>(envelope);
    ApiError error;
    const JsonReader result(*envelope.value, u"result"_s, error);
    RotationResult rotation;
    rotation.newProviderId = result.nonEmptyString("id"_L1);
    rotation.newVersion
        = static_cast<int>(result.integer("version"_L1, Presence::Required, 1, 1'000'000'000).value_or(0));
    const QString type = result.string("type"_L1, Presence::Optional);
    if (!type.isEmpty() && type != TokenType)
        result.fail(result.pathOf("type"_L1), tr("is %1, not a Pangea API token").arg(JsonReader::quoteValue(type)));
    rotation.newSecret = SecretBytes(result.nonEmptyString("secret"_L1).toUtf8());
    rotation.token.providerId = rotation.newProviderId;
    return finish<RotationResult>(
        error.isError() ? std::nullopt : std::optional(std::move(rotation)), error, envelope, answer.status);
}

Parsed<PolicyDuration> PangeaParser::parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare("never"_L1, Qt::CaseInsensitive) == 0
        || trimmed.compare("inherited"_L1, Qt::CaseInsensitive) == 0)
        return Parsed<PolicyDuration>::success(PolicyDuration());
    const DurationParseResult parsed = PolicyParser::parseDuration(trimmed);
    if (!parsed.ok()) {
        ApiError error;
        error.kind = ApiError::Kind::Malformed;
        error.message = parsed.error;
        return Parsed<PolicyDuration>::failure(error);
    }
    return Parsed<PolicyDuration>::success(*parsed.duration);
}
