// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakedynatrace.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QByteArray JsonType = "application/json; charset=utf-8";

QString scopeLabel(const QString &scope)
{
    if (scope == u"apiTokens.read"_s)
        return u"Read API tokens"_s;
    if (scope == u"apiTokens.write"_s)
        return u"Write API tokens"_s;
    if (scope == u"TenantTokenManagement"_s)
        return u"Token management"_s;
    return scope;
}

} // namespace

FakeDynatrace::FakeDynatrace(const Clock &clock, QObject *parent)
    : FakeServer(clock, parent)
    , m_store([this](qsizetype length, QStringView alphabet) { return randomString(length, alphabet); })
{
    const QString v2 = u"/api/v2/apiTokens"_s;
    addTokenRoute("GET", v2, u"apiTokens.read"_s, &FakeDynatrace::v2List);
    addTokenRoute("POST", v2, u"apiTokens.write"_s, &FakeDynatrace::v2Create);
    addTokenRoute("POST", v2 + u"/lookup"_s, {}, &FakeDynatrace::v2Lookup);
    addTokenRoute("GET", v2 + u"/([^/]+)"_s, u"apiTokens.read"_s, &FakeDynatrace::v2Get);
    addTokenRoute("PUT", v2 + u"/([^/]+)"_s, u"apiTokens.write"_s, &FakeDynatrace::v2Update);
    addTokenRoute("DELETE", v2 + u"/([^/]+)"_s, u"apiTokens.write"_s, &FakeDynatrace::remove);
    const QString v1 = u"/api/v1/tokens"_s;
    addTokenRoute("GET", v1, u"TenantTokenManagement"_s, &FakeDynatrace::v1List);
    addTokenRoute("POST", v1, u"TenantTokenManagement"_s, &FakeDynatrace::v1Create);
    addTokenRoute("POST", v1 + u"/lookup"_s, {}, &FakeDynatrace::v1Lookup);
    addTokenRoute("GET", v1 + u"/([^/]+)"_s, u"TenantTokenManagement"_s, &FakeDynatrace::v1Get);
    addTokenRoute("PUT", v1 + u"/([^/]+)"_s, u"TenantTokenManagement"_s, &FakeDynatrace::v1Update);
    addTokenRoute("DELETE", v1 + u"/([^/]+)"_s, u"TenantTokenManagement"_s, &FakeDynatrace::remove);
}

SecretBytes FakeDynatrace::addToken(const DynatraceTokenSeed &seed, QString *id)
{
    DynatraceToken token = m_store.mint();
    token.name = seed.name;
    token.owner = seed.owner;
    token.scopes = seed.scopes;
    token.creationDate = seed.creationDate.isValid() ? seed.creationDate.toUTC() : clock().nowUtc().addDays(-30);
    token.expirationDate = seed.expirationDate.toUTC();
    token.lastUsedDate = seed.lastUsedDate.toUTC();
    if (token.lastUsedDate.isValid())
        token.lastUsedIpAddress = u"10.0.0.12"_s;
    token.personalAccessToken = seed.personalAccessToken;
    token.enabled = seed.enabled;
    if (id)
        *id = token.id;
    return SecretBytes::fromUtf8(m_store.add(token).secret);
}

std::optional<DynatraceToken> FakeDynatrace::token(const QString &idOrSecret) const
{
    if (const DynatraceToken *found = m_store.find(idOrSecret))
        return *found;
    return std::nullopt;
}

bool FakeDynatrace::isSecretValid(const SecretBytes &secret) const
{
    const DynatraceToken *found = const_cast<DynatraceTokenStore &>(m_store).findBySecret(secret.exposeUtf8());
    return found && m_store.isUsable(*found, clock().nowUtc());
}

int FakeDynatrace::enabledCount() const
{
    return static_cast<int>(std::count_if(
        m_store.tokens().cbegin(), m_store.tokens().cend(), [](const DynatraceToken &token) { return token.enabled; }));
}

QList<DynatraceToken> FakeDynatrace::tokens() const
{
    return QList<DynatraceToken>(m_store.tokens().cbegin(), m_store.tokens().cend());
}

int FakeDynatrace::orphanCount() const
{
    return static_cast<int>(std::count_if(m_store.tokens().cbegin(), m_store.tokens().cend(),
        [](const auto &token) { return token.createdViaApi && token.enabled && !token.lastUsedDate.isValid(); }));
}

FakeResponse FakeDynatrace::jsonAnswer(int status, const QJsonObject &object)
{
    return FakeResponse::json(status, object, JsonType);
}

FakeResponse FakeDynatrace::error(int status, const QString &message, const QJsonArray &violations)
{
    QJsonObject inner {{u"code"_s, status}, {u"message"_s, message}};
    if (!violations.isEmpty())
        inner.insert(u"constraintViolations"_s, violations);
    return jsonAnswer(status, {{u"error"_s, inner}});
}

QJsonObject FakeDynatrace::violation(const QString &path, const QString &message, const QString &location)
{
    return {{u"path"_s, path}, {u"message"_s, message}, {u"parameterLocation"_s, location}};
}

FakeResponse FakeDynatrace::notFound() const
{
    return error(404, u"The requested token was not found"_s);
}

void FakeDynatrace::addTokenRoute(const QByteArray &method, const QString &path, const QString &scope, Handler handler)
{
    addRoute(method, path, [this, scope, handler](const FakeRequest &request) {
        QString secret = QString::fromUtf8(request.authorization("Api-Token"));
        if (secret.isEmpty())
            secret = request.queryValue(u"api-token"_s);
        if (secret.isEmpty())
            return error(401, u"Missing authorization parameter."_s);
        DynatraceToken *caller = m_store.findBySecret(secret);
        const QDateTime now = clock().nowUtc();
        if (!caller || !m_store.isUsable(*caller, now))
            return error(401, u"Token Authentication failed"_s);
        caller->lastUsedDate = now;
        caller->lastUsedIpAddress = u"127.0.0.1"_s;
        if (!scope.isEmpty() && !caller->scopes.contains(scope))
            return error(403, u"Token is missing required scope. Use one of: %1 (%2)"_s.arg(scope, scopeLabel(scope)));
        return (this->*handler)(request, *caller);
    });
}

FakeResponse FakeDynatrace::faultResponse(FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &) const
{
    if (kind != FaultKind::Throttle)
        return error(status, status == 503 ? u"Service Unavailable"_s : u"Internal Server Error"_s);
    const qint64 resetMicros = clock().nowUtc().addSecs(retryAfterSeconds).toMSecsSinceEpoch() * 1000;
    FakeResponse response = error(status, u"Too Many Requests"_s);
    response.withHeader("X-RateLimit-Limit", "50")
        .withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Reset", QByteArray::number(resetMicros));
    return response;
}

FakeResponse FakeDynatrace::routeNotFound(const FakeRequest &, bool otherMethodMatched) const
{
    return otherMethodMatched ? error(405, u"HTTP 405 Method Not Allowed"_s) : error(404, u"HTTP 404 Not Found"_s);
}

void FakeDynatrace::checkScopes(const QJsonObject &body, bool required, QJsonArray &violations)
{
    if (!body.contains(u"scopes"_s)) {
        if (required)
            violations.append(violation(u"scopes"_s, u"must not be null"_s, u"PAYLOAD_BODY"_s));
        return;
    }
    const QJsonArray scopes = body.value(u"scopes"_s).toArray();
    const bool allStrings = std::all_of(
        scopes.cbegin(), scopes.cend(), [](const QJsonValue &v) { return v.isString() && !v.toString().isEmpty(); });
    if (!body.value(u"scopes"_s).isArray() || scopes.isEmpty() || !allStrings)
        violations.append(violation(u"scopes"_s, u"must contain at least one valid scope"_s, u"PAYLOAD_BODY"_s));
}

DynatraceToken &FakeDynatrace::createToken(const QString &name, const QStringList &scopes, const QDateTime &expiration,
    bool personal, const DynatraceToken &caller)
{
    DynatraceToken token = m_store.mint();
    token.name = name;
    token.scopes = scopes;
    token.owner = caller.owner; // owned by whoever owns the calling token
    token.personalAccessToken = personal;
    token.creationDate = clock().nowUtc();
    token.expirationDate = expiration;
    token.createdViaApi = true;
    return m_store.add(token);
}

FakeResponse FakeDynatrace::v2List(const FakeRequest &request, DynatraceToken &)
{
    QList<std::pair<QString, QString>> params;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"api-token"_s)
            params.append({key, value});
    }
    DynatraceTokenStore::ListQuery query;
    if (const auto problem = m_store.parseListQuery(params, clock().nowUtc(), query))
        return error(400, u"Constraints violated."_s,
            {violation(problem->second, problem->second + u" "_s + problem->first, u"QUERY"_s)});
    const QList<const DynatraceToken *> all = m_store.select(query);
    QJsonArray page;
    for (qsizetype i = query.offset; i < all.size() && page.size() < query.pageSize; ++i)
        page.append(m_store.v2Json(*all.at(i), query.fields));
    QJsonObject body {{u"totalCount"_s, all.size()}, {u"pageSize"_s, query.pageSize}, {u"apiTokens"_s, page}};
    if (query.offset + page.size() < all.size()) {
        DynatraceTokenStore::ListQuery next = query;
        next.offset += page.size();
        body.insert(u"nextPageKey"_s, DynatraceTokenStore::encodePageKey(next));
    }
    return jsonAnswer(200, body);
}

FakeResponse FakeDynatrace::v2Create(const FakeRequest &request, DynatraceToken &caller)
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok)
        return error(400, u"Could not map JSON at '' near line 1 column 1"_s);
    QJsonArray violations;
    if (body.value(u"name"_s).toString().trimmed().isEmpty())
        violations.append(violation(u"name"_s, u"must not be empty"_s, u"PAYLOAD_BODY"_s));
    checkScopes(body, true, violations);
    if (body.contains(u"personalAccessToken"_s) && !body.value(u"personalAccessToken"_s).isBool())
        violations.append(violation(u"personalAccessToken"_s, u"must be a boolean"_s, u"PAYLOAD_BODY"_s));
    const QDateTime now = clock().nowUtc();
    QDateTime expiration;
    if (body.contains(u"expirationDate"_s)) {
        expiration = DynatraceTokenStore::parseTime(body.value(u"expirationDate"_s).toString(), now);
        if (!expiration.isValid() || expiration <= now)
            violations.append(
                violation(u"expirationDate"_s, u"must be a valid time in the future"_s, u"PAYLOAD_BODY"_s));
    }
    if (!violations.isEmpty())
        return error(400, u"Constraints violated."_s, violations);
    const DynatraceToken &created
        = createToken(body.value(u"name"_s).toString(), body.value(u"scopes"_s).toVariant().toStringList(), expiration,
            body.value(u"personalAccessToken"_s).toBool(), caller);
    QJsonObject answer {{u"id"_s, created.id}, {u"token"_s, created.secret}};
    if (created.expirationDate.isValid())
        answer.insert(u"expirationDate"_s, DynatraceTokenStore::isoTime(created.expirationDate));
    return jsonAnswer(201, answer);
}

FakeResponse FakeDynatrace::v2Get(const FakeRequest &request, DynatraceToken &)
{
    const DynatraceToken *target = m_store.find(request.captures.value(0));
    if (!target)
        return notFound();
    return jsonAnswer(200, m_store.v2Json(*target, DynatraceTokenStore::allFields()));
}

FakeResponse FakeDynatrace::v2Lookup(const FakeRequest &request, DynatraceToken &)
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok || !body.value(u"token"_s).isString())
        return error(
            400, u"Constraints violated."_s, {violation(u"token"_s, u"must not be null"_s, u"PAYLOAD_BODY"_s)});
    const DynatraceToken *target = m_store.findBySecret(body.value(u"token"_s).toString());
    if (!target)
        return notFound();
    return jsonAnswer(200, m_store.v2Json(*target, DynatraceTokenStore::allFields()));
}

FakeResponse FakeDynatrace::v2Update(const FakeRequest &request, DynatraceToken &caller)
{
    DynatraceToken *target = m_store.find(request.captures.value(0));
    if (!target)
        return notFound();
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok)
        return error(400, u"Could not map JSON at '' near line 1 column 1"_s);
    QJsonArray violations;
    if (body.contains(u"name"_s) && body.value(u"name"_s).toString().trimmed().isEmpty())
        violations.append(violation(u"name"_s, u"must not be empty"_s, u"PAYLOAD_BODY"_s));
    if (body.contains(u"enabled"_s) && !body.value(u"enabled"_s).isBool())
        violations.append(violation(u"enabled"_s, u"must be a boolean"_s, u"PAYLOAD_BODY"_s));
    checkScopes(body, false, violations);
    if (!violations.isEmpty())
        return error(400, u"Constraints violated."_s, violations);
    if (target->id == caller.id && body.contains(u"enabled"_s) && !body.value(u"enabled"_s).toBool())
        return error(400, u"A token cannot disable itself."_s);
    if (body.contains(u"name"_s))
        target->name = body.value(u"name"_s).toString();
    if (body.contains(u"enabled"_s))
        target->enabled = body.value(u"enabled"_s).toBool();
    if (body.contains(u"scopes"_s))
        target->scopes = body.value(u"scopes"_s).toVariant().toStringList();
    target->modifiedDate = clock().nowUtc();
    return FakeResponse::empty(204);
}

FakeResponse FakeDynatrace::remove(const FakeRequest &request, DynatraceToken &caller)
{
    const DynatraceToken *target = m_store.find(request.captures.value(0));
    if (!target)
        return notFound();
    if (target->id == caller.id)
        return error(400, u"A token cannot delete itself."_s);
    m_store.remove(target->id);
    return FakeResponse::empty(204);
}

FakeResponse FakeDynatrace::v1List(const FakeRequest &request, DynatraceToken &)
{
    bool ok = true;
    const int limit = request.hasQueryItem(u"limit"_s) ? request.queryValue(u"limit"_s).toInt(&ok) : 1000;
    if (!ok || limit < 0 || limit > 1000000)
        return error(
            400, u"Constraints violated."_s, {violation(u"limit"_s, u"must be between 0 and 1000000"_s, u"QUERY"_s)});
    const QString user = request.queryValue(u"user"_s);
    const QStringList permissions = request.queryValues(u"permissions"_s);
    const QString fromText = request.queryValue(u"from"_s);
    const QString toText = request.queryValue(u"to"_s);
    QJsonArray values;
    for (const DynatraceToken &token : m_store.tokens()) {
        if (values.size() >= limit)
            break;
        if (!user.isEmpty() && token.owner != user)
            continue;
        if (!std::all_of(permissions.cbegin(), permissions.cend(),
                [&token](const QString &scope) { return token.scopes.contains(scope); }))
            continue;
        const qint64 lastUse = token.lastUsedDate.isValid() ? token.lastUsedDate.toMSecsSinceEpoch() : -1;
        if ((!fromText.isEmpty() && lastUse < fromText.toLongLong())
            || (!toText.isEmpty() && (lastUse < 0 || lastUse > toText.toLongLong())))
            continue;
        values.append(QJsonObject {{u"id"_s, token.id}, {u"name"_s, token.name}});
    }
    return jsonAnswer(200, {{u"values"_s, values}});
}

FakeResponse FakeDynatrace::v1Create(const FakeRequest &request, DynatraceToken &caller)
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok)
        return error(400, u"Could not map JSON at '' near line 1 column 1"_s);
    QJsonArray violations;
    if (body.value(u"name"_s).toString().trimmed().isEmpty())
        violations.append(violation(u"name"_s, u"must not be empty"_s, u"PAYLOAD_BODY"_s));
    checkScopes(body, true, violations);
    QDateTime expiration;
    if (body.contains(u"expiresIn"_s)) {
        const QJsonObject expiresIn = body.value(u"expiresIn"_s).toObject();
        const QString unit = expiresIn.value(u"unit"_s).toString(u"MILLIS"_s);
        static const QHash<QString, qint64> millisPer {{u"MILLIS"_s, 1LL}, {u"SECONDS"_s, 1000LL},
            {u"MINUTES"_s, 60'000LL}, {u"HOURS"_s, 3'600'000LL}, {u"DAYS"_s, 86'400'000LL}};
        if (!expiresIn.value(u"value"_s).isDouble() || expiresIn.value(u"value"_s).toInteger() <= 0
            || !millisPer.contains(unit))
            violations.append(violation(u"expiresIn"_s, u"must be a positive duration"_s, u"PAYLOAD_BODY"_s));
        else
            expiration = clock().nowUtc().addMSecs(expiresIn.value(u"value"_s).toInteger() * millisPer.value(unit));
    }
    if (!violations.isEmpty())
        return error(400, u"Constraints violated."_s, violations);
    const DynatraceToken &created = createToken(body.value(u"name"_s).toString(),
        body.value(u"scopes"_s).toVariant().toStringList(), expiration, false, caller);
    // v1 answers with the secret only; clients look the token up to learn its id.
    return jsonAnswer(201, {{u"token"_s, created.secret}});
}

FakeResponse FakeDynatrace::v1Get(const FakeRequest &request, DynatraceToken &)
{
    const DynatraceToken *target = m_store.find(request.captures.value(0));
    if (!target)
        return notFound();
    return jsonAnswer(200, m_store.v1Json(*target));
}

FakeResponse FakeDynatrace::v1Lookup(const FakeRequest &request, DynatraceToken &)
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok || !body.value(u"token"_s).isString())
        return error(
            400, u"Constraints violated."_s, {violation(u"token"_s, u"must not be null"_s, u"PAYLOAD_BODY"_s)});
    const DynatraceToken *target = m_store.findBySecret(body.value(u"token"_s).toString());
    if (!target)
        return notFound();
    return jsonAnswer(200, m_store.v1Json(*target));
}

FakeResponse FakeDynatrace::v1Update(const FakeRequest &request, DynatraceToken &caller)
{
    DynatraceToken *target = m_store.find(request.captures.value(0));
    if (!target)
        return notFound();
    if (target->id == caller.id)
        return error(400, u"A token cannot update itself."_s);
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok)
        return error(400, u"Could not map JSON at '' near line 1 column 1"_s);
    QJsonArray violations;
    if (body.contains(u"revoked"_s) && !body.value(u"revoked"_s).isBool())
        violations.append(violation(u"revoked"_s, u"must be a boolean"_s, u"PAYLOAD_BODY"_s));
    checkScopes(body, false, violations);
    if (!violations.isEmpty())
        return error(400, u"Constraints violated."_s, violations);
    if (body.contains(u"revoked"_s))
        target->enabled = !body.value(u"revoked"_s).toBool();
    if (body.contains(u"name"_s))
        target->name = body.value(u"name"_s).toString();
    if (body.contains(u"scopes"_s))
        target->scopes = body.value(u"scopes"_s).toVariant().toStringList();
    target->modifiedDate = clock().nowUtc();
    return FakeResponse::empty(204);
}
