// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangealegacyparser.h"

#include "core/jsonreader.h"
#include "pangeaparser.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

PolicyDuration readDuration(const JsonReader &reader, QLatin1StringView key)
{
    const Parsed<PolicyDuration> duration = PangeaParser::parseDuration(reader.string(key, Presence::Optional));
    if (!duration.ok()) {
        reader.fail(
            reader.pathOf(key), PangeaLegacyParser::tr("is not a Pangea duration: %1").arg(duration.error.message));
        return {};
    }
    return *duration.value;
}

std::optional<RemoteVersion> readVersion(const JsonReader &entry, const QDateTime &responseTime)
{
    RemoteVersion version;
    version.number = static_cast<int>(entry.integer("version"_L1, Presence::Required, 1, 1'000'000'000).value_or(0));
    version.providerState = entry.nonEmptyString("state"_L1);
    version.createdAt = entry.dateTime("created_at"_L1);
    version.destroyedAt = entry.dateTime("destroy_at"_L1);
    if (entry.failed())
        return std::nullopt;
    const QString &state = version.providerState;
    if (state == "active"_L1)
        version.state = VersionState::Current;
    else if (state == "destroyed"_L1)
        version.state = VersionState::Destroyed;
    else if (state == "deactivated"_L1 || state == "suspended"_L1 || state == "compromised"_L1)
        version.state = VersionState::Revoked;
    else {
        entry.fail(entry.pathOf("state"_L1),
            PangeaLegacyParser::tr("is %1, not a Pangea version state").arg(JsonReader::quoteValue(state)));
        return std::nullopt;
    }
    // Retired but still accepted until Pangea destroys it, on Pangea's own clock.
    if (version.state != VersionState::Current && responseTime.isValid() && version.destroyedAt > responseTime)
        version.state = VersionState::Grace;
    return version;
}

QList<RemoteVersion> readVersions(const JsonReader &item, const QDateTime &responseTime)
{
    QList<RemoteVersion> versions;
    if (const std::optional<QJsonArray> entries = item.array("versions"_L1, Presence::Optional)) {
        QSet<int> seen;
        for (qsizetype i = 0; i < entries->size(); ++i) {
            const std::optional<JsonReader> entry = item.element(*entries, "versions"_L1, i);
            const std::optional<RemoteVersion> version = entry ? readVersion(*entry, responseTime) : std::nullopt;
            if (!version)
                return {};
            if (seen.contains(version->number)) {
                item.fail(
                    entry->pathOf("version"_L1), PangeaLegacyParser::tr("repeats version %1").arg(version->number));
                return {};
            }
            seen.insert(version->number);
            versions.append(*version);
        }
    } else if (const std::optional<JsonReader> current = item.child("current_version"_L1, Presence::Optional)) {
        if (const std::optional<RemoteVersion> version = readVersion(*current, responseTime))
            versions.append(*version);
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

} // namespace

PangeaReply<RemoteToken> PangeaLegacyParser::parseItem(const HttpAnswer &answer)
{
    const PangeaReply<QJsonObject> envelope = PangeaParser::parseEnvelope(answer);
    if (!envelope.ok()) {
        PangeaReply<RemoteToken> reply;
        reply.accepted = envelope.accepted;
        reply.error = envelope.error;
        reply.requestId = envelope.requestId;
        return reply;
    }
    // The envelope parsed, so the body is a JSON object; response_time dates the grace periods.
    ApiError ignored;
    const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, ignored);
    const QDateTime responseTime
        = root ? JsonReader::parseIsoDateTime(root->value("response_time"_L1).toString()) : QDateTime();

    ApiError error;
    const JsonReader item(*envelope.value, u"result"_s, error);
    RemoteToken token;
    const QString type = item.nonEmptyString("type"_L1);
    if (!item.failed() && type != "pangea_token"_L1)
        item.fail(item.pathOf("type"_L1), tr("is %1, not a Pangea API token").arg(JsonReader::quoteValue(type)));
    token.providerId = item.nonEmptyString("id"_L1);
    token.name = item.string("name"_L1, Presence::Optional);
    token.enabled = item.string("item_state"_L1, Presence::Optional) != "disabled"_L1;
    token.createdAt = item.dateTime("created_at"_L1);
    token.lastRotatedAt = item.dateTime("last_rotated"_L1);
    token.nextRotationAt = item.dateTime("next_rotation"_L1);
    token.expiresAt = item.dateTime("expiration"_L1);
    token.policy.interval = readDuration(item, "rotation_frequency"_L1);
    token.policy.gracePeriod = readDuration(item, "rotation_grace_period"_L1);
    token.policy.automatic = !token.policy.interval.isNull();
    token.providerRotationState = item.string("rotation_state"_L1, Presence::Optional);
    if (!item.failed())
        token.versions = readVersions(item, responseTime);

    if (error.isError()) {
        error.httpStatus = answer.status;
        error.requestId = envelope.requestId;
        return PangeaReply<RemoteToken>::failure(error);
    }
    PangeaReply<RemoteToken> reply;
    reply.value = std::move(token);
    reply.requestId = envelope.requestId;
    return reply;
}
