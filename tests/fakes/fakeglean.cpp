// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeglean.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Glean documents no body for these answers; plain text with the spec's own words.
FakeResponse notAuthorized()
{
    return FakeResponse::text(401, "Not Authorized");
}

FakeResponse badRequest(const QByteArray &why)
{
    return FakeResponse::text(400, "Bad Request: " + why);
}

} // namespace

FakeGlean::FakeGlean(const Clock &clock, QObject *parent)
    : FakeServer(clock, parent)
{
    addRoute("POST", u"/api/index/v1/rotatetoken"_s, [this](const FakeRequest &r) { return rotateToken(r); });
    addRoute(
        "POST", u"/api/index/v1/getdatasourceconfig"_s, [this](const FakeRequest &r) { return datasourceConfig(r); });
    addRoute(
        "POST", u"/api/index/v1/debug/([^/]+)/status"_s, [this](const FakeRequest &r) { return datasourceStatus(r); });
}

QString FakeGlean::newSecretValue()
{
    // Glean's raw secrets look like base64 of 32 random bytes.
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(random().bounded(256));
    return QString::fromLatin1(bytes.toBase64());
}

SecretBytes FakeGlean::addToken(const GleanTokenSeed &seed, QString *tokenId)
{
    GleanToken token;
    token.id = u"glt_"_s + randomString(12, u"0123456789abcdef");
    token.name = seed.name;
    token.rotationPeriodMinutes = seed.rotationPeriodMinutes;
    token.expiresAt = seed.expiresAt.toUTC();
    GleanSecret secret;
    secret.value = newSecretValue();
    secret.createdAt = seed.createdAt.isValid() ? seed.createdAt.toUTC() : clock().nowUtc();
    token.secrets.append(secret);
    m_tokens.append(token);
    if (tokenId)
        *tokenId = token.id;
    return SecretBytes::fromUtf8(secret.value);
}

void FakeGlean::addDatasource(const QString &name, const QString &displayName)
{
    m_datasources.append({name, displayName});
}

void FakeGlean::revokeToken(const QString &tokenId)
{
    for (GleanToken &token : m_tokens) {
        if (token.id == tokenId)
            token.revoked = true;
    }
}

std::pair<GleanToken *, GleanSecret *> FakeGlean::find(const QString &value)
{
    if (value.isEmpty())
        return {nullptr, nullptr};
    for (GleanToken &token : m_tokens) {
        for (GleanSecret &secret : token.secrets) {
            if (secret.value == value)
                return {&token, &secret};
        }
    }
    return {nullptr, nullptr};
}

FakeGlean::SecretState FakeGlean::stateOf(const GleanToken &token, const GleanSecret &secret) const
{
    const QDateTime now = clock().nowUtc();
    if (token.revoked || (token.expiresAt.isValid() && now >= token.expiresAt))
        return SecretState::Dead;
    // A secret must be rotated within the period, or it becomes unusable.
    if (token.rotationPeriodMinutes > 0 && now >= secret.createdAt.addSecs(token.rotationPeriodMinutes * 60))
        return SecretState::Dead;
    if (!secret.supersededAt.isValid())
        return SecretState::Current;
    return now < secret.supersededAt.addSecs(BufferMinutes * 60) ? SecretState::InBuffer : SecretState::Dead;
}

bool FakeGlean::isSecretValid(const SecretBytes &secret) const
{
    const auto [token, found] = const_cast<FakeGlean *>(this)->find(secret.exposeUtf8());
    if (!token)
        return false;
    const SecretState state = stateOf(*token, *found);
    return state == SecretState::Current || state == SecretState::InBuffer;
}

std::optional<GleanToken> FakeGlean::token(const QString &tokenId) const
{
    for (const GleanToken &token : m_tokens) {
        if (token.id == tokenId)
            return token;
    }
    return std::nullopt;
}

std::optional<GleanToken> FakeGlean::tokenForSecret(const SecretBytes &secret) const
{
    const auto [token, found] = const_cast<FakeGlean *>(this)->find(secret.exposeUtf8());
    if (!token)
        return std::nullopt;
    return *token;
}

int FakeGlean::orphanCount() const
{
    int count = 0;
    for (const GleanToken &token : m_tokens)
        count += static_cast<int>(std::count_if(
            token.secrets.cbegin(), token.secrets.cend(), [](const GleanSecret &s) { return s.minted && !s.used; }));
    return count;
}

std::pair<GleanToken *, GleanSecret *> FakeGlean::authenticate(const FakeRequest &request)
{
    const auto [token, secret] = find(QString::fromUtf8(request.authorization("Bearer")));
    if (!token)
        return {nullptr, nullptr};
    const SecretState state = stateOf(*token, *secret);
    if (state != SecretState::Current && state != SecretState::InBuffer)
        return {nullptr, nullptr};
    secret->used = true;
    return {token, secret};
}

FakeResponse FakeGlean::rotateToken(const FakeRequest &request)
{
    const auto [token, secret] = authenticate(request);
    if (!token)
        return notAuthorized();
    if (token->rotationPeriodMinutes <= 0)
        return badRequest("token is not rotatable");
    if (secret->supersededAt.isValid() && m_staleRotation == StaleRotation::Reject)
        return badRequest("token has already been rotated");

    const QDateTime now = clock().nowUtc();
    // Seconds precision on the wire, so keep the stored time on whole seconds as well.
    const QDateTime createdAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc());
    for (GleanSecret &older : token->secrets) {
        if (!older.supersededAt.isValid())
            older.supersededAt = now;
    }
    GleanSecret next;
    next.value = newSecretValue();
    next.createdAt = createdAt;
    next.minted = true;
    token->secrets.append(next);
    return FakeResponse::json(200,
        QJsonObject {{u"rawSecret"_s, next.value}, {u"createdAt"_s, createdAt.toSecsSinceEpoch()},
            {u"rotationPeriodMinutes"_s, token->rotationPeriodMinutes}});
}

FakeResponse FakeGlean::datasourceConfig(const FakeRequest &request)
{
    if (!authenticate(request).first)
        return notAuthorized();
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok || !body.value(u"datasource"_s).isString())
        return badRequest("datasource is required");
    const QString name = body.value(u"datasource"_s).toString();
    const auto found = std::find_if(m_datasources.cbegin(), m_datasources.cend(),
        [&name](const auto &datasource) { return datasource.first == name; });
    if (found == m_datasources.cend())
        return badRequest("unknown datasource");
    return FakeResponse::json(200,
        QJsonObject {{u"name"_s, found->first}, {u"displayName"_s, found->second},
            {u"datasourceCategory"_s, u"PUBLISHED_CONTENT"_s},
            {u"urlRegex"_s, u"^https://%1\\.example\\.com/.*"_s.arg(found->first)}, {u"isOnPrem"_s, false},
            {u"isUserReferencedByEmail"_s, true}, {u"isTestDatasource"_s, false}});
}

FakeResponse FakeGlean::datasourceStatus(const FakeRequest &request)
{
    if (!authenticate(request).first)
        return notAuthorized();
    const QString name = request.captures.value(0);
    const bool known = std::any_of(m_datasources.cbegin(), m_datasources.cend(),
        [&name](const auto &datasource) { return datasource.first == name; });
    if (!known)
        return badRequest("unknown datasource");
    const QJsonObject counts {{u"uploaded"_s, QJsonArray {}}, {u"indexed"_s, QJsonArray {}}};
    return FakeResponse::json(200,
        QJsonObject {
            {u"documents"_s, QJsonObject {{u"counts"_s, counts}}}, {u"datasourceVisibility"_s, u"ENABLED_FOR_ALL"_s}});
}

FakeResponse FakeGlean::faultResponse(FaultKind kind, int status, int, const FakeRequest &) const
{
    if (kind == FaultKind::Throttle)
        return FakeResponse::text(status, "Too Many Requests");
    return FakeResponse::text(status, status == 503 ? "Service Unavailable" : "Internal Server Error");
}
