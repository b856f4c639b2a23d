// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakepangea.h"

#include "pangeavalidation.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

FakePangea::FakePangea(const Clock &clock, QObject *parent)
    : FakeServer(clock, parent)
    , m_store([this](qsizetype length, QStringView alphabet) { return randomString(length, alphabet); })
{
    addPangeaRoute("POST", u"/v2/list"_s, Caller::AdminOnly, &FakePangea::v2List);
    addPangeaRoute("POST", u"/v2/get"_s, Caller::AnyToken, &FakePangea::v2Get);
    addPangeaRoute("POST", u"/v2/secret/rotate"_s, Caller::AdminOnly, &FakePangea::v2Rotate);
    addPangeaRoute("POST", u"/v2/update"_s, Caller::AdminOnly, &FakePangea::v2Update);
    addPangeaRoute("POST", u"/v2/state/change"_s, Caller::AdminOnly, &FakePangea::v2StateChange);
    addPangeaRoute("POST", u"/v1/secret/rotate"_s, Caller::AdminOnly, &FakePangea::v1Rotate);
    addPangeaRoute("POST", u"/v1/get"_s, Caller::AnyToken, &FakePangea::v1Get);
    addPangeaRoute("GET", u"/request/([^/]+)"_s, Caller::AdminOnly, &FakePangea::poll);
}

void FakePangea::addAdminToken(const SecretBytes &token)
{
    m_adminTokens.append(token.exposeUtf8());
}

QString FakePangea::addTokenItem(const PangeaTokenSeed &seed)
{
    const QDateTime now = clock().nowUtc();
    const int count = std::max(1, seed.versions);
    PangeaItem item;
    item.id = m_store.newItemId();
    item.name = seed.name;
    item.folder = seed.folder;
    item.tags = seed.tags;
    item.metadata = seed.metadata;
    item.createdAt = seed.createdAt.isValid() ? seed.createdAt.toUTC() : now.addDays(-30LL * count);
    item.rotationFrequency = seed.rotationFrequency;
    item.rotationState = seed.rotationState;
    item.rotationGracePeriod = seed.rotationGracePeriod;
    const qint64 step = std::max<qint64>(1, item.createdAt.secsTo(now) / count);
    for (int i = 1; i <= count; ++i) {
        PangeaVersion version;
        version.version = i;
        version.createdAt = item.createdAt.addSecs(step * (i - 1));
        version.token = m_store.newTokenValue();
        if (i < count) {
            version.state = item.rotationState;
            version.rotatedAt = item.createdAt.addSecs(step * i);
            version.destroyedAt = version.rotatedAt;
            item.lastRotated = version.rotatedAt;
        }
        item.versions.append(version);
    }
    return m_store.add(item).id;
}

std::optional<PangeaItem> FakePangea::item(const QString &id) const
{
    if (const PangeaItem *found = m_store.find(id))
        return *found;
    return std::nullopt;
}

SecretBytes FakePangea::currentToken(const QString &id) const
{
    const PangeaItem *found = m_store.find(id);
    return found && found->latest() ? SecretBytes::fromUtf8(found->latest()->token) : SecretBytes();
}

bool FakePangea::isSecretValid(const SecretBytes &token) const
{
    const QString value = token.exposeUtf8();
    return m_adminTokens.contains(value) || m_store.isTokenValid(value, clock().nowUtc());
}

int FakePangea::versionCount(const QString &state) const
{
    int count = 0;
    for (const PangeaItem &item : m_store.items())
        count += static_cast<int>(std::count_if(item.versions.cbegin(), item.versions.cend(),
            [&state](const PangeaVersion &v) { return v.state == state; }));
    return count;
}

int FakePangea::orphanCount() const
{
    int count = 0;
    for (const PangeaItem &item : m_store.items())
        count += static_cast<int>(std::count_if(item.versions.cbegin(), item.versions.cend(),
            [](const PangeaVersion &v) { return v.minted && !v.presented; }));
    return count;
}

void FakePangea::addPangeaRoute(const QByteArray &method, const QString &path, Caller caller, Handler handler)
{
    addRoute(method, path, [this, caller, handler](const FakeRequest &request) {
        const QString requestId = newRequestId();
        if (!authenticate(request, caller))
            return envelope(request, requestId, 401, u"Unauthorized"_s, u"Not authorized to access this resource"_s,
                QJsonValue::Null);
        return (this->*handler)(request, requestId);
    });
}

bool FakePangea::authenticate(const FakeRequest &request, Caller caller)
{
    const QString token = QString::fromUtf8(request.authorization("Bearer"));
    if (token.isEmpty())
        return false;
    if (m_adminTokens.contains(token))
        return true;
    if (caller != Caller::AnyToken || !m_store.isTokenValid(token, clock().nowUtc()))
        return false;
    m_store.findToken(token).second->presented = true;
    return true;
}

QString FakePangea::newRequestId()
{
    return u"prq_"_s + randomString(32, u"abcdefghijklmnopqrstuvwxyz234567");
}

FakeResponse FakePangea::envelope(const FakeRequest &request, const QString &requestId, int httpStatus,
    const QString &status, const QString &summary, const QJsonValue &result) const
{
    const QJsonObject body {{u"request_id"_s, requestId},
        {u"request_time"_s, PangeaItemStore::timestamp(request.receivedAt)},
        {u"response_time"_s, PangeaItemStore::timestamp(clock().nowUtc())}, {u"status"_s, status},
        {u"summary"_s, summary}, {u"result"_s, result}};
    return FakeResponse::json(httpStatus, body);
}

FakeResponse FakePangea::validationError(
    const FakeRequest &request, const QString &requestId, const QJsonArray &errors) const
{
    return envelope(request, requestId, 400, u"ValidationError"_s,
        u"There was %1 error(s) in the given payload."_s.arg(errors.size()), QJsonObject {{u"errors"_s, errors}});
}

FakeResponse FakePangea::notFound(const FakeRequest &request, const QString &requestId, const QString &id) const
{
    return envelope(
        request, requestId, 400, u"VaultItemNotFound"_s, u"Item '%1' not found"_s.arg(id), QJsonValue::Null);
}

QJsonObject FakePangea::parseBody(const FakeRequest &request, const QStringList &allowed, QJsonArray &errors) const
{
    bool ok = false;
    const QJsonObject body = request.jsonObject(&ok);
    if (!ok) {
        errors.append(PangeaValidation::error(u"InvalidObject"_s, u"The request body must be a JSON object"_s, u"/"_s));
        return {};
    }
    PangeaValidation::checkProperties(body, allowed, errors);
    if (allowed.contains(u"id"_s))
        PangeaValidation::checkItemId(body, errors);
    return body;
}

FakeResponse FakePangea::faultResponse(FaultKind kind, int status, int, const FakeRequest &request) const
{
    const QString requestId = u"prq_"_s + QString(32, u'f');
    if (kind == FaultKind::Throttle)
        return envelope(request, requestId, status, u"TooManyRequests"_s,
            u"Too many requests, retry after the Retry-After interval"_s, QJsonValue::Null);
    if (status == 502)
        return envelope(
            request, requestId, status, u"ProviderError"_s, u"Error from upstream provider"_s, QJsonValue::Null);
    if (status == 503)
        return envelope(
            request, requestId, status, u"ServiceNotAvailable"_s, u"Service is not available"_s, QJsonValue::Null);
    return envelope(request, requestId, status, u"InternalError"_s, u"There was an unknown internal server error"_s,
        QJsonValue::Null);
}

FakeResponse FakePangea::routeNotFound(const FakeRequest &request, bool otherMethodMatched) const
{
    return envelope(request, u"prq_"_s + QString(32, u'n'), otherMethodMatched ? 405 : 404, u"NotFound"_s,
        otherMethodMatched ? u"Method not allowed"_s : u"Resource not found"_s, QJsonValue::Null);
}

FakeResponse FakePangea::maybeAccepted(const FakeRequest &request, const QString &requestId, FakeResponse response)
{
    if (m_acceptedPolls <= 0 || response.status != 200)
        return response;
    m_pending.insert(requestId, {response, m_acceptedPolls - 1});
    QUrl location = baseUrl();
    location.setPath(u"/request/"_s + requestId);
    return envelope(request, requestId, 202, u"Accepted"_s,
        u"Your request is in progress. Use 'result.location' below to poll for results."_s,
        QJsonObject {{u"ttl_mins"_s, 5760}, {u"retry_counter"_s, 0}, {u"location"_s, location.toString()}});
}

FakeResponse FakePangea::poll(const FakeRequest &request, const QString &requestId)
{
    const QString polled = request.captures.value(0);
    const auto found = m_pending.find(polled);
    if (found == m_pending.end())
        return envelope(
            request, requestId, 404, u"NotFound"_s, u"Request '%1' not found"_s.arg(polled), QJsonValue::Null);
    if (found->pollsLeft > 0) {
        --found->pollsLeft;
        QUrl location = baseUrl();
        location.setPath(u"/request/"_s + polled);
        return envelope(request, polled, 202, u"Accepted"_s, u"Your request is in progress."_s,
            QJsonObject {{u"ttl_mins"_s, 5760}, {u"retry_counter"_s, m_acceptedPolls - 1 - found->pollsLeft},
                {u"location"_s, location.toString()}});
    }
    return found->response;
}

std::optional<FakeResponse> FakePangea::rotateItem(
    const FakeRequest &request, const QString &requestId, PangeaItem *&item, const PangeaVersion *&version)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request, {u"id"_s, u"rotation_state"_s, u"rotation_grace_period"_s}, errors);
    PangeaValidation::checkEnum(body, u"rotation_state"_s, {u"deactivated"_s, u"suspended"_s, u"destroyed"_s}, errors);
    PangeaValidation::checkDuration(body, u"rotation_grace_period"_s, {}, errors);
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);
    const QString id = body.value(u"id"_s).toString();
    item = m_store.find(id);
    if (!item)
        return notFound(request, requestId, id);
    if (!item->enabled)
        return envelope(request, requestId, 400, u"ForbiddenVaultOperation"_s, u"Item '%1' is disabled"_s.arg(id),
            QJsonValue::Null);
    version = &m_store.rotate(*item, clock().nowUtc(), body.value(u"rotation_state"_s).toString(),
        body.value(u"rotation_grace_period"_s).toString());
    return std::nullopt;
}

FakeResponse FakePangea::v2Rotate(const FakeRequest &request, const QString &requestId)
{
    PangeaItem *item = nullptr;
    const PangeaVersion *version = nullptr;
    if (auto failure = rotateItem(request, requestId, item, version))
        return *failure;
    return maybeAccepted(request, requestId,
        envelope(request, requestId, 200, u"Success"_s, u"Item rotated"_s, m_store.itemJson(*item, {version})));
}

FakeResponse FakePangea::v1Rotate(const FakeRequest &request, const QString &requestId)
{
    PangeaItem *item = nullptr;
    const PangeaVersion *version = nullptr;
    if (auto failure = rotateItem(request, requestId, item, version))
        return *failure;
    const QJsonObject result {{u"id"_s, item->id}, {u"version"_s, version->version}, {u"type"_s, u"pangea_token"_s},
        {u"secret"_s, version->token}};
    return maybeAccepted(
        request, requestId, envelope(request, requestId, 200, u"Success"_s, u"Item rotated"_s, result));
}

FakeResponse FakePangea::v2Get(const FakeRequest &request, const QString &requestId)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request, {u"id"_s, u"version"_s}, errors);
    const QJsonValue versionValue = body.value(u"version"_s);
    if (body.contains(u"version"_s) && !versionValue.isString() && !versionValue.isDouble())
        errors.append(
            PangeaValidation::error(u"InvalidString"_s, u"'version' must be a string or an integer"_s, u"/version"_s));
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);
    const QString id = body.value(u"id"_s).toString();
    const PangeaItem *item = m_store.find(id);
    if (!item)
        return notFound(request, requestId, id);

    // "all", N, "-N" (N steps back, -1 = current), "-N:" (the last N), absent = current.
    const QString selector
        = versionValue.isDouble() ? QString::number(versionValue.toInteger()) : versionValue.toString();
    static const QRegularExpression shape(u"^(all|-?[1-9][0-9]*:?)$"_s);
    QList<const PangeaVersion *> selected;
    const qsizetype count = item->versions.size();
    if (selector.isEmpty()) {
        selected.append(item->latest());
    } else if (!shape.match(selector).hasMatch() || (selector.endsWith(u':') && !selector.startsWith(u'-'))) {
        return validationError(request, requestId,
            {PangeaValidation::error(
                u"BadFormat"_s, u"'%1' is not a valid version selector"_s.arg(selector), u"/version"_s)});
    } else if (selector == u"all"_s) {
        for (const PangeaVersion &version : item->versions)
            selected.append(&version);
    } else if (selector.endsWith(u':')) {
        const qsizetype last = selector.mid(1, selector.size() - 2).toLongLong();
        for (qsizetype i = std::max<qsizetype>(0, count - last); i < count; ++i)
            selected.append(&item->versions.at(i));
    } else if (selector.startsWith(u'-')) {
        const qsizetype back = selector.mid(1).toLongLong();
        if (back <= count)
            selected.append(&item->versions.at(count - back));
    } else {
        const int wanted = selector.toInt();
        for (const PangeaVersion &version : item->versions) {
            if (version.version == wanted)
                selected.append(&version);
        }
    }
    if (selected.isEmpty())
        return envelope(request, requestId, 400, u"VaultItemNotFound"_s,
            u"Version '%1' of item '%2' not found"_s.arg(selector, id), QJsonValue::Null);
    return envelope(request, requestId, 200, u"Success"_s, u"Item retrieved"_s, m_store.itemJson(*item, selected));
}

FakeResponse FakePangea::v2List(const FakeRequest &request, const QString &requestId)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request, {u"filter"_s, u"size"_s, u"order"_s, u"order_by"_s, u"last"_s}, errors);
    PangeaValidation::checkInteger(body, u"size"_s, 1, 100, errors);
    PangeaValidation::checkEnum(body, u"order"_s, {u"asc"_s, u"desc"_s}, errors);
    PangeaValidation::checkEnum(
        body, u"order_by"_s, {u"id"_s, u"created_at"_s, u"name"_s, u"folder"_s, u"last_rotated"_s}, errors);
    PangeaValidation::checkString(body, u"last"_s, errors);
    const QJsonObject filter = body.value(u"filter"_s).toObject();
    if (body.contains(u"filter"_s) && !body.value(u"filter"_s).isObject())
        errors.append(PangeaValidation::error(u"InvalidObject"_s, u"'filter' must be an object"_s, u"/filter"_s));
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        if (!PangeaItemStore::filterKeys().contains(it.key()))
            errors.append(PangeaValidation::error(
                u"UnexpectedProperty"_s, u"'%1' is not a supported filter"_s.arg(it.key()), u"/filter/"_s + it.key()));
    }
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);

    const QList<const PangeaItem *> matching = m_store.select(
        filter, body.value(u"order_by"_s).toString(u"created_at"_s), body.value(u"order"_s).toString() == u"desc"_s);
    qsizetype start = 0;
    if (body.contains(u"last"_s)) {
        const QString after = QString::fromUtf8(QByteArray::fromBase64(body.value(u"last"_s).toString().toLatin1()));
        const auto at = std::find_if(
            matching.cbegin(), matching.cend(), [&after](const PangeaItem *item) { return item->id == after; });
        if (at == matching.cend())
            return validationError(request, requestId,
                {PangeaValidation::error(u"BadFormat"_s, u"'last' is not a valid cursor"_s, u"/last"_s)});
        start = (at - matching.cbegin()) + 1;
    }
    const qsizetype size = body.value(u"size"_s).toInt(50);
    QJsonArray items;
    for (qsizetype i = start; i < matching.size() && items.size() < size; ++i)
        items.append(m_store.listItemJson(*matching.at(i)));
    QJsonObject result {{u"items"_s, items}};
    if (start + items.size() < matching.size())
        result.insert(u"last"_s, QString::fromLatin1(matching.at(start + items.size() - 1)->id.toUtf8().toBase64()));
    return envelope(request, requestId, 200, u"Success"_s, u"Listed %1 item(s)"_s.arg(items.size()), result);
}

FakeResponse FakePangea::v2Update(const FakeRequest &request, const QString &requestId)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request,
        {u"id"_s, u"name"_s, u"folder"_s, u"metadata"_s, u"tags"_s, u"enabled"_s, u"disabled_at"_s,
            u"rotation_frequency"_s, u"rotation_state"_s, u"rotation_grace_period"_s},
        errors);
    PangeaValidation::checkString(body, u"name"_s, errors);
    PangeaValidation::checkString(body, u"folder"_s, errors);
    PangeaValidation::checkStringMap(body, u"metadata"_s, errors);
    PangeaValidation::checkStringArray(body, u"tags"_s, errors);
    PangeaValidation::checkBool(body, u"enabled"_s, errors);
    PangeaValidation::checkDateTime(body, u"disabled_at"_s, errors);
    PangeaValidation::checkDuration(body, u"rotation_frequency"_s, {u"never"_s, u"inherited"_s}, errors);
    PangeaValidation::checkEnum(body, u"rotation_state"_s, {u"deactivated"_s, u"destroyed"_s, u"inherited"_s}, errors);
    PangeaValidation::checkDuration(body, u"rotation_grace_period"_s, {u"inherited"_s}, errors);
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);
    const QString id = body.value(u"id"_s).toString();
    PangeaItem *item = m_store.find(id);
    if (!item)
        return notFound(request, requestId, id);

    if (body.contains(u"name"_s))
        item->name = body.value(u"name"_s).toString();
    if (body.contains(u"folder"_s))
        item->folder = body.value(u"folder"_s).toString();
    if (body.contains(u"metadata"_s))
        item->metadata = body.value(u"metadata"_s).toObject();
    if (body.contains(u"tags"_s))
        item->tags = body.value(u"tags"_s).toVariant().toStringList();
    if (body.contains(u"enabled"_s))
        item->enabled = body.value(u"enabled"_s).toBool();
    if (body.contains(u"disabled_at"_s))
        item->disabledAt = QDateTime::fromString(body.value(u"disabled_at"_s).toString(), Qt::ISODateWithMs).toUTC();
    // "inherited" falls back to the project defaults: no schedule, destroy at once, no grace.
    const auto setting = [&body](const QString &key, const QString &inherited) {
        const QString value = body.value(key).toString();
        return value == u"inherited"_s ? inherited : value;
    };
    if (body.contains(u"rotation_frequency"_s))
        item->rotationFrequency = setting(u"rotation_frequency"_s, {});
    if (body.contains(u"rotation_state"_s))
        item->rotationState = setting(u"rotation_state"_s, u"destroyed"_s);
    if (body.contains(u"rotation_grace_period"_s))
        item->rotationGracePeriod = setting(u"rotation_grace_period"_s, {});
    return envelope(
        request, requestId, 200, u"Success"_s, u"Item updated"_s, m_store.itemJson(*item, {item->latest()}));
}

FakeResponse FakePangea::v2StateChange(const FakeRequest &request, const QString &requestId)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request, {u"id"_s, u"version"_s, u"state"_s, u"destroy_period"_s}, errors);
    if (!body.contains(u"state"_s) && !body.isEmpty())
        errors.append(PangeaValidation::error(u"FieldRequired"_s, u"'state' is a required property"_s, u"/"_s));
    PangeaValidation::checkEnum(
        body, u"state"_s, {u"active"_s, u"deactivated"_s, u"suspended"_s, u"compromised"_s, u"destroyed"_s}, errors);
    PangeaValidation::checkInteger(body, u"version"_s, 1, std::numeric_limits<int>::max(), errors);
    PangeaValidation::checkDuration(body, u"destroy_period"_s, {}, errors);
    const QString state = body.value(u"state"_s).toString();
    if (body.contains(u"destroy_period"_s) && state != u"compromised"_s)
        errors.append(PangeaValidation::error(u"IsDependentOn"_s,
            u"'destroy_period' applies only when 'state' is 'compromised'"_s, u"/destroy_period"_s));
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);
    const QString id = body.value(u"id"_s).toString();
    PangeaItem *item = m_store.find(id);
    if (!item)
        return notFound(request, requestId, id);
    PangeaVersion *version = item->versions.isEmpty() ? nullptr : &item->versions.last();
    if (body.contains(u"version"_s)) {
        version = nullptr;
        for (PangeaVersion &candidate : item->versions) {
            if (candidate.version == body.value(u"version"_s).toInt())
                version = &candidate;
        }
    }
    if (!version)
        return envelope(request, requestId, 400, u"VaultItemNotFound"_s,
            u"Version %1 of item '%2' not found"_s.arg(body.value(u"version"_s).toInt()).arg(id), QJsonValue::Null);
    if (version->state == u"destroyed"_s && state != u"destroyed"_s)
        return validationError(request, requestId,
            {PangeaValidation::error(u"BadState"_s, u"A destroyed version cannot change state"_s, u"/state"_s)});
    const QDateTime now = clock().nowUtc();
    m_store.changeState(*version, state, now);
    if (body.contains(u"destroy_period"_s))
        version->destroyedAt = PangeaItemStore::addDuration(now, body.value(u"destroy_period"_s).toString());
    return envelope(request, requestId, 200, u"Success"_s, u"State changed"_s, m_store.itemJson(*item, {version}));
}

FakeResponse FakePangea::v1Get(const FakeRequest &request, const QString &requestId)
{
    QJsonArray errors;
    const QJsonObject body = parseBody(request, {u"id"_s, u"version"_s, u"version_state"_s, u"verbose"_s}, errors);
    PangeaValidation::checkEnum(body, u"version_state"_s,
        {u"active"_s, u"deactivated"_s, u"suspended"_s, u"compromised"_s, u"destroyed"_s}, errors);
    PangeaValidation::checkBool(body, u"verbose"_s, errors);
    if (!errors.isEmpty())
        return validationError(request, requestId, errors);
    const QString id = body.value(u"id"_s).toString();
    const PangeaItem *item = m_store.find(id);
    if (!item)
        return notFound(request, requestId, id);
    const QJsonValue selector = body.value(u"version"_s);
    const bool all = selector.toString() == u"all"_s;
    const int wanted = selector.isDouble() ? selector.toInt() : selector.toString().toInt();
    const QString wantedState = body.value(u"version_state"_s).toString();
    const PangeaVersion *version = nullptr;
    for (const PangeaVersion &candidate : item->versions) {
        if ((wanted == 0 || candidate.version == wanted) && (wantedState.isEmpty() || candidate.state == wantedState))
            version = &candidate;
    }
    if (!version && !all)
        return envelope(request, requestId, 400, u"VaultItemNotFound"_s, u"No matching version of item '%1'"_s.arg(id),
            QJsonValue::Null);
    return envelope(request, requestId, 200, u"Success"_s, u"Item retrieved"_s,
        m_store.legacyItemJson(*item, version, all || body.value(u"verbose"_s).toBool()));
}
