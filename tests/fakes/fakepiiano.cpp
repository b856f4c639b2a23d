// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakepiiano.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString DataPrefix = u"/api/pvlt/1.0/data/collections/([a-zA-Z][a-zA-Z0-9_]{0,39})"_s;

const QStringList &accessReasons()
{
    static const QStringList reasons {u"AppFunctionality"_s, u"Analytics"_s, u"Notifications"_s, u"Marketing"_s,
        u"ThirdPartyMarketing"_s, u"FraudPreventionSecurityAndCompliance"_s, u"AccountManagement"_s, u"Maintenance"_s,
        u"DataSubjectRequest"_s, u"Other"_s};
    return reasons;
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

FakePiiano::FakePiiano(const Clock &clock, QObject *parent)
    : FakeServer(clock, parent)
{
    const auto health = [](const FakeRequest &) {
        return FakeResponse::json(200, QJsonObject {{u"status"_s, u"pass"_s}});
    };
    addRoute("GET", u"/api/pvlt/1.0/data/info/health"_s, health);
    addRoute("GET", u"/api/pvlt/1.0/ctl/info/health"_s, health);
    addDataRoute("POST", u"/rotate/tokens"_s, Capability::Writer, &FakePiiano::rotate);
    addDataRoute("POST", u"/query/tokens"_s, Capability::Reader, &FakePiiano::query);
    addDataRoute("GET", u"/tokens"_s, Capability::Detokenizer, &FakePiiano::detokenize);
}

void FakePiiano::addApiKey(const SecretBytes &apiKey, const QString &user, const PiianoRole &role)
{
    m_apiKeys.insert(apiKey.exposeUtf8(), {user, role});
}

void FakePiiano::addCollection(const QString &name)
{
    if (!m_collections.contains(name))
        m_collections.insert(name, {});
}

QString FakePiiano::addToken(const QString &collection, const PiianoTokenSeed &seed)
{
    PiianoToken token;
    token.tokenId = randomUuid();
    token.type = seed.type;
    token.objectId = seed.objectId.isEmpty() ? randomUuid() : seed.objectId;
    token.fields = seed.fields;
    token.tags = seed.tags;
    token.creationTime = clock().nowUtc().addDays(-7);
    token.expirationTime = seed.expirationTime.toUTC();
    m_collections[collection].append(token);
    return token.tokenId;
}

std::optional<PiianoToken> FakePiiano::token(const QString &collection, const QString &tokenId) const
{
    for (const PiianoToken &candidate : m_collections.value(collection)) {
        if (candidate.tokenId == tokenId)
            return candidate;
    }
    return std::nullopt;
}

bool FakePiiano::hasToken(const QString &collection, const QString &tokenId) const
{
    return token(collection, tokenId).has_value();
}

int FakePiiano::tokenCount(const QString &collection) const
{
    return static_cast<int>(m_collections.value(collection).size());
}

int FakePiiano::orphanCount() const
{
    int count = 0;
    for (const QList<PiianoToken> &collection : m_collections)
        count += static_cast<int>(std::count_if(
            collection.cbegin(), collection.cend(), [](const PiianoToken &t) { return t.minted && !t.referenced; }));
    return count;
}

FakeResponse FakePiiano::error(int status, const QString &code, const QString &message, const QJsonObject &context)
{
    return FakeResponse::json(
        status, QJsonObject {{u"error_code"_s, code}, {u"message"_s, message}, {u"context"_s, context}});
}

void FakePiiano::addDataRoute(const QByteArray &method, const QString &suffix, Capability capability, Handler handler)
{
    addRoute(method, DataPrefix + suffix, [this, capability, handler](const FakeRequest &request) {
        const auto key = m_apiKeys.constFind(QString::fromUtf8(request.authorization("Bearer")));
        if (key == m_apiKeys.constEnd())
            return error(401, u"PV1005"_s, u"The request is unauthorized."_s);
        const bool allowed = (capability == Capability::Reader && key->role.tokensReader)
            || (capability == Capability::Writer && key->role.tokensWriter)
            || (capability == Capability::Detokenizer && key->role.tokensDetokenizer);
        if (!allowed)
            return error(403, u"PV1007"_s, u"The operation is forbidden due to missing capabilities."_s,
                {{u"username"_s, key->user}});
        if (const auto failure = checkReason(request))
            return *failure;
        const auto collection = m_collections.find(request.captures.value(0));
        if (collection == m_collections.end())
            return error(404, u"PV1004"_s, u"The collection is not found."_s);
        return (this->*handler)(request, *collection);
    });
}

std::optional<FakeResponse> FakePiiano::checkReason(const FakeRequest &request) const
{
    const QString reason = request.queryValue(u"reason"_s);
    if (reason.isEmpty()) {
        if (!m_forceReason)
            return std::nullopt;
        // The published example puts `"reason": null` in the context, but the schema only allows
        // string values there; an empty context keeps the answer valid against the schema.
        return error(400, u"PV1001"_s, u"The access reason is missing."_s);
    }
    if (!accessReasons().contains(reason))
        return error(404, u"PV1001"_s, u"The access reason is not found."_s, {{u"reason"_s, reason}});
    if (reason == u"Other"_s && request.queryValue(u"adhoc_reason"_s).trimmed().isEmpty())
        return error(
            404, u"PV1001"_s, u"An ad-hoc reason is required when the reason is Other."_s, {{u"reason"_s, reason}});
    return std::nullopt;
}

bool FakePiiano::isArchived(const PiianoToken &token) const
{
    return token.expirationTime.isValid() && token.expirationTime <= clock().nowUtc();
}

QJsonObject FakePiiano::metadataJson(const PiianoToken &token) const
{
    const QJsonValue expiration
        = token.expirationTime.isValid() ? QJsonValue(timestamp(token.expirationTime)) : QJsonValue(QJsonValue::Null);
    const QJsonObject reference {{u"object_id"_s, token.objectId}, {u"creation_time"_s, timestamp(token.creationTime)},
        {u"expiration_time"_s, expiration}, {u"effective_expiration_time"_s, expiration},
        {u"tags"_s, QJsonArray::fromStringList(token.tags)}};
    return {{u"token_id"_s, token.tokenId}, {u"type"_s, token.type}, {u"scope"_s, token.scope},
        {u"agg"_s, QJsonObject {{u"max_effective_expiration_time"_s, expiration}}},
        {u"tokens"_s, QJsonArray {reference}}};
}

FakeResponse FakePiiano::rotate(const FakeRequest &request, QList<PiianoToken> &collection)
{
    const QStringList requested = request.queryValues(u"token_ids"_s);
    if (requested.isEmpty())
        return error(
            400, u"PV1001"_s, u"The request is invalid: token_ids is required."_s, {{u"param"_s, u"token_ids"_s}});
    // All or nothing: find every id first, change nothing if one is missing.
    QStringList missing;
    for (const QString &id : requested) {
        const bool known = std::any_of(collection.cbegin(), collection.cend(),
            [&id](const PiianoToken &t) { return t.tokenId == id && !t.tokenId.isEmpty(); });
        if (!known && !missing.contains(id))
            missing.append(id);
    }
    if (!missing.isEmpty())
        return error(404, u"PV3087"_s, u"One or more token IDs not found."_s, {{u"token_ids"_s, missing.join(u',')}});
    QJsonObject mapping;
    const QSet<QString> unique(requested.cbegin(), requested.cend());
    for (PiianoToken &token : collection) {
        if (!unique.contains(token.tokenId))
            continue;
        const QString next = randomUuid();
        mapping.insert(token.tokenId, next);
        token.rotatedFrom = token.tokenId;
        token.tokenId = next;
        token.minted = true;
        token.referenced = false;
    }
    return FakeResponse::json(200, mapping);
}

FakeResponse FakePiiano::query(const FakeRequest &request, QList<PiianoToken> &collection)
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    static const QStringList allowed {u"token_ids"_s, u"object_ids"_s, u"tags"_s};
    const QStringList keys = body.keys();
    const bool onlyKnownKeys
        = std::all_of(keys.cbegin(), keys.cend(), [](const QString &key) { return allowed.contains(key); });
    if (!ok || !onlyKnownKeys)
        return error(400, u"PV3003"_s, u"One or more values are invalid."_s);
    const QStringList tokenIds = body.value(u"token_ids"_s).toVariant().toStringList();
    const QStringList objectIds = body.value(u"object_ids"_s).toVariant().toStringList();
    const QStringList tags = body.value(u"tags"_s).toVariant().toStringList();
    const bool archived = request.queryValues(u"options"_s).contains(u"archived"_s);
    QJsonArray result;
    for (PiianoToken &token : collection) {
        const bool matches = tokenIds.contains(token.tokenId) || objectIds.contains(token.objectId)
            || std::any_of(
                tags.cbegin(), tags.cend(), [&token](const QString &tag) { return token.tags.contains(tag); });
        if (!matches || (isArchived(token) && !archived))
            continue;
        token.referenced = true;
        result.append(metadataJson(token));
    }
    return FakeResponse::json(200, result);
}

FakeResponse FakePiiano::detokenize(const FakeRequest &request, QList<PiianoToken> &collection)
{
    const QStringList tokenIds = request.queryValues(u"token_ids"_s);
    const QStringList objectIds = request.queryValues(u"object_ids"_s);
    const QStringList tags = request.queryValues(u"tags"_s);
    const QStringList props = request.queryValues(u"props"_s);
    const bool withMetadata = request.queryValues(u"options"_s).contains(u"include_metadata"_s);
    QJsonArray result;
    for (PiianoToken &token : collection) {
        const bool matches = tokenIds.contains(token.tokenId) || objectIds.contains(token.objectId)
            || std::any_of(
                tags.cbegin(), tags.cend(), [&token](const QString &tag) { return token.tags.contains(tag); });
        if (!matches || isArchived(token))
            continue;
        token.referenced = true;
        QJsonObject fields;
        for (auto it = token.fields.constBegin(); it != token.fields.constEnd(); ++it) {
            if (props.isEmpty() || props.contains(it.key()))
                fields.insert(it.key(), it.value());
        }
        QJsonObject entry {{u"token_id"_s, token.tokenId}, {u"fields"_s, fields}};
        if (withMetadata)
            entry.insert(u"metadata"_s, metadataJson(token));
        result.append(entry);
    }
    return FakeResponse::json(200, result);
}

FakeResponse FakePiiano::faultResponse(FaultKind kind, int status, int, const FakeRequest &) const
{
    // Vault has no documented 429 body; a throttling gateway in front of it is answered in
    // Vault's own shape with the "retry later" code of its 503.
    if (kind == FaultKind::Throttle)
        return error(status, u"PV1009"_s, u"Too many requests, try again later."_s);
    if (status == 503)
        return error(status, u"PV1009"_s, u"The operation timed out on the server."_s);
    return error(status, u"PV1000"_s, u"Something went wrong"_s);
}

FakeResponse FakePiiano::routeNotFound(const FakeRequest &, bool otherMethodMatched) const
{
    if (otherMethodMatched)
        return error(405, u"PV1026"_s, u"The operation is not allowed."_s);
    return error(404, u"PV1004"_s, u"The requested resource is not found."_s);
}
