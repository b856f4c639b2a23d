// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangeaprovider.h"

#include "core/httpanswer.h"
#include "core/jsonreader.h"
#include "domain/clock.h"
#include "http/apicall.h"
#include "pangealegacyparser.h"
#include "pangeaparser.h"
#include "pangearequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The error of a reply that has no value. A reply still "Accepted" here would be a 202 that
// send() did not poll, which cannot happen; it must not pass for a success either way.
template<typename T> ApiError failureOf(const PangeaReply<T> &reply)
{
    if (reply.error.isError())
        return reply.error;
    ApiError error = ApiError::malformed(PangeaProvider::tr("Pangea answered “Accepted” where a result was due"));
    error.requestId = reply.requestId;
    return error;
}

// Does the answer of a get made with `secret` hold that secret as the item's current value? Pangea
// returns the value in item_versions[].token (v2) or current_version.secret (v1). Compared in
// constant time, and never copied further than this function.
bool answerHoldsSecret(const HttpAnswer &answer, const SecretBytes &secret)
{
    const PangeaReply<QJsonObject> envelope = PangeaParser::parseEnvelope(answer);
    if (!envelope.ok())
        return false;
    const auto matches = [&secret](const QJsonValue &value) {
        return value.isString() && SecretBytes::fromUtf8(value.toString()).constantTimeEquals(secret);
    };
    const QJsonArray versions = envelope.value->value("item_versions"_L1).toArray();
    const bool inVersions = std::any_of(versions.begin(), versions.end(),
        [&matches](const QJsonValue &version) { return matches(version.toObject().value("token"_L1)); });
    return inVersions || matches(envelope.value->value("current_version"_L1).toObject().value("secret"_L1));
}

} // namespace

ProviderCapabilities PangeaProvider::capabilities() const
{
    ProviderCapabilities caps;
    caps.listTokens = true;
    caps.listVersions = true;
    caps.rotate = true;
    caps.revoke = true;
    caps.setPolicy = true;
    caps.rotationIsServerSide = true;
    caps.limitations
        << tr("Pangea rotates tokens on its own schedule: TokenDesk pushes the rotation policy (frequency, grace "
              "period, old versions deactivated) and tracks the versions Pangea reports.")
        << tr("Revoking deactivates one named version of a Pangea item; a version Pangea has already destroyed "
              "but still accepts during its grace period is destroyed at once instead.")
        << tr("Checking a new Pangea token reads its own item from Vault with it, so the token needs Vault access.")
        << tr("Pangea items are created and deleted in the Pangea console, not by TokenDesk.");
    return caps;
}

void PangeaProvider::setPollSchedule(std::chrono::milliseconds firstDelay, int maxPolls)
{
    m_firstPollDelay = std::max(std::chrono::milliseconds(1), firstDelay);
    m_maxPolls = std::max(1, maxPolls);
}

ApiCall PangeaProvider::call(const QString &path, QByteArray body, const SecretBytes &bearer, bool idempotent) const
{
    ApiCall request("POST", endpoint(path), std::move(body));
    request.setHeader("Authorization", "Bearer " + bearer.exposeBytes());
    request.setHeader("Accept", "application/json");
    // Pangea answers every call with a POST; reads and settings may be sent twice, rotations not.
    request.idempotent = idempotent;
    return request;
}

void PangeaProvider::send(ProviderOperation *operation, ApiCall request, FinalAnswer onFinal)
{
    exchange(operation, std::move(request), [this, operation, onFinal = std::move(onFinal)](const HttpAnswer &answer) {
        const PangeaReply<QJsonObject> envelope = PangeaParser::parseEnvelope(answer);
        if (!envelope.isAccepted()) {
            onFinal(answer, false);
            return;
        }
        PollState state;
        state.nextDelay = m_firstPollDelay;
        if (envelope.accepted->ttlMinutes >= 0)
            state.keptUntil = clock().nowUtc().addSecs(static_cast<qint64>(envelope.accepted->ttlMinutes) * 60);
        pollLater(operation, answer, *envelope.accepted, state, onFinal);
    });
}

void PangeaProvider::pollLater(ProviderOperation *operation, const HttpAnswer &answer, const PangeaAccepted &accepted,
    PollState state, FinalAnswer onFinal)
{
    const auto stillRunning = [&accepted](const QString &message) {
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        error.providerCode = u"Accepted"_s;
        error.requestId = accepted.requestId;
        error.message = message;
        return error;
    };
    if (accepted.requestId.isEmpty()) {
        operation->finishWithError(ApiError::malformed(tr("Pangea accepted a request without giving its request_id")));
        return;
    }
    if (state.polls >= m_maxPolls) {
        // The work may still complete on Pangea's side (a rotation then mints a version nobody
        // stored), so this is not worth repeating blindly: the message says where to look.
        operation->finishWithError(stillRunning(
            tr("Pangea accepted the request but had not finished it after %n poll(s); its outcome can be read at "
               "/request/%1. Refresh the item before trying again.",
                nullptr, state.polls)
                .arg(accepted.requestId)));
        return;
    }
    std::chrono::milliseconds wait = state.nextDelay;
    if (const std::optional<std::chrono::seconds> retryAfter = answer.retryAfter())
        wait = std::min<std::chrono::milliseconds>(*retryAfter, MaximumRetryAfter);
    if (state.keptUntil.isValid() && clock().nowUtc().addMSecs(wait.count()) > state.keptUntil) {
        operation->finishWithError(
            stillRunning(tr("Pangea no longer keeps the result of request %1.").arg(accepted.requestId)));
        return;
    }
    state.nextDelay = std::min(state.nextDelay * 2, MaximumPollDelay);
    ++state.polls;

    ApiCall poll("GET", endpoint(u"/request/"_s + QString::fromLatin1(QUrl::toPercentEncoding(accepted.requestId))));
    poll.setHeader("Authorization", "Bearer " + credential().exposeBytes());
    poll.setHeader("Accept", "application/json");
    // The timer belongs to the operation: it dies with it, and with the provider that owns it.
    QTimer::singleShot(wait, operation, [this, operation, poll, state, onFinal]() {
        exchange(operation, poll, [this, operation, state, onFinal](const HttpAnswer &next) {
            const PangeaReply<QJsonObject> envelope = PangeaParser::parseEnvelope(next);
            if (envelope.isAccepted())
                pollLater(operation, next, *envelope.accepted, state, onFinal);
            else
                onFinal(next, true);
        });
    });
}

bool PangeaProvider::isMissingRoute(const HttpAnswer &answer, bool polled) const
{
    if (m_legacy || polled || answer.status != 404)
        return false;
    // An item Pangea does not know is its own error, not a sign of an older server.
    const PangeaReply<QJsonObject> envelope = PangeaParser::parseEnvelope(answer);
    return envelope.error.providerCode != "VaultItemNotFound"_L1;
}

ProviderOperation *PangeaProvider::testConnection()
{
    auto *operation = new ProviderOperation(this);
    send(operation, call(u"/v2/list"_s, PangeaRequests::listBody(1), credential(), true),
        [operation](const HttpAnswer &answer, bool) {
            const PangeaReply<RemoteTokenPage> page = PangeaParser::parseList(answer);
            if (page.ok())
                operation->finishOk();
            else
                operation->finishWithError(failureOf(page));
        });
    return operation;
}

ProviderOperation *PangeaProvider::listTokens()
{
    auto *operation = new ProviderOperation(this);
    listPage(operation, {}, {});
    return operation;
}

void PangeaProvider::listPage(ProviderOperation *operation, QList<RemoteToken> collected, const QString &last)
{
    send(operation, call(u"/v2/list"_s, PangeaRequests::listBody(ListPageSize, last), credential(), true),
        [this, operation, collected, last](const HttpAnswer &answer, bool) mutable {
            const PangeaReply<RemoteTokenPage> page = PangeaParser::parseList(answer);
            if (!page.ok()) {
                operation->finishWithError(failureOf(page));
                return;
            }
            collected += page.value->tokens;
            operation->reportProgress(static_cast<int>(collected.size()), page.value->totalCount);
            const QString &next = page.value->nextPage;
            if (next.isEmpty()) {
                operation->finishWithTokens(std::move(collected));
            } else if (next == last) {
                // Following it would ask for the same page for ever.
                operation->finishWithError(ApiError::malformed(tr("Pangea's list cursor did not move")));
            } else {
                listPage(operation, std::move(collected), next);
            }
        });
}

ProviderOperation *PangeaProvider::getToken(const QString &providerId)
{
    auto *operation = new ProviderOperation(this);
    readItem(operation, providerId);
    return operation;
}

void PangeaProvider::readItem(ProviderOperation *operation, const QString &providerId)
{
    const bool legacy = m_legacy;
    // verbose asks v1 for the version list that v2 gives with version "all".
    const QByteArray body = legacy
        ? QJsonDocument(QJsonObject {{"id"_L1, providerId}, {"verbose"_L1, true}}).toJson(QJsonDocument::Compact)
        : PangeaRequests::getBody(providerId, u"all"_s);
    send(operation, call(legacy ? u"/v1/get"_s : u"/v2/get"_s, body, credential(), true),
        [this, operation, providerId, legacy](const HttpAnswer &answer, bool polled) {
            if (isMissingRoute(answer, polled)) {
                m_legacy = true;
                readItem(operation, providerId);
                return;
            }
            const PangeaReply<RemoteToken> item
                = legacy ? PangeaLegacyParser::parseItem(answer) : PangeaParser::parseItem(answer);
            if (item.ok())
                operation->finishWithTokens({*item.value});
            else
                operation->finishWithError(failureOf(item));
        });
}

ProviderOperation *PangeaProvider::rotate(const RotateRequest &request)
{
    if (request.providerId.isEmpty())
        return unsupported(tr("A Pangea rotation needs the item id (pvi_…) of the token."));
    auto *operation = new ProviderOperation(this);
    sendRotate(operation, request);
    return operation;
}

void PangeaProvider::sendRotate(ProviderOperation *operation, const RotateRequest &request)
{
    const bool legacy = m_legacy;
    // Both versions take the same body; omitting the grace period applies the item's own.
    ApiCall rotation = call(legacy ? u"/v1/secret/rotate"_s : u"/v2/secret/rotate"_s,
        PangeaRequests::rotateBody(request.providerId, request.gracePeriod), credential(), false);
    send(operation, std::move(rotation), [this, operation, request, legacy](const HttpAnswer &answer, bool polled) {
        if (isMissingRoute(answer, polled)) {
            // Nothing was rotated: the server has no such route.
            m_legacy = true;
            sendRotate(operation, request);
            return;
        }
        PangeaReply<RotationResult> parsed
            = legacy ? PangeaParser::parseRotateV1(answer) : PangeaParser::parseRotate(answer);
        if (!parsed.ok()) {
            ApiError error = failureOf(parsed);
            // A failed rotation may still have minted a version, so it is worth repeating only
            // when the server declined it before doing anything (throttled, unavailable).
            error.retryable = error.httpStatus == 429 || error.httpStatus == 503;
            operation->finishWithError(std::move(error));
            return;
        }
        RotationResult result = std::move(*parsed.value);
        if (result.newProviderId.isEmpty())
            result.newProviderId = request.providerId;
        if (!result.createdAt.isValid())
            result.createdAt = clock().nowUtc(); // v1 does not say when
        // The answer's own destroyed_at of the previous version is best; without it, a grace period
        // given with this call overrides the item's, which the parser used.
        const bool previousDated = std::any_of(
            result.token.versions.cbegin(), result.token.versions.cend(), [&result](const RemoteVersion &version) {
                return version.number < result.newVersion && version.destroyedAt.isValid();
            });
        if (!previousDated && !request.gracePeriod.isNull())
            result.oldValidUntil = request.gracePeriod.addTo(result.createdAt);
        operation->finishWithRotation(std::move(result));
    });
}

ProviderOperation *PangeaProvider::verifySecret(const QString &providerId, const SecretBytes &secret)
{
    if (secret.isEmpty())
        return unsupported(tr("There is no secret to check."));
    auto *operation = new ProviderOperation(this);
    readWithSecret(operation, providerId, secret);
    return operation;
}

void PangeaProvider::readWithSecret(ProviderOperation *operation, const QString &providerId, const SecretBytes &secret)
{
    const bool legacy = m_legacy;
    // No version: Pangea answers with the current one, whose value must be this secret.
    const QByteArray body = legacy ? QJsonDocument(QJsonObject {{"id"_L1, providerId}}).toJson(QJsonDocument::Compact)
                                   : PangeaRequests::getBody(providerId, QString());
    send(operation, call(legacy ? u"/v1/get"_s : u"/v2/get"_s, body, secret, true),
        [this, operation, providerId, secret, legacy](const HttpAnswer &answer, bool polled) {
            if (isMissingRoute(answer, polled)) {
                m_legacy = true;
                readWithSecret(operation, providerId, secret);
                return;
            }
            const PangeaReply<RemoteToken> item
                = legacy ? PangeaLegacyParser::parseItem(answer) : PangeaParser::parseItem(answer);
            if (!item.ok()) {
                operation->finishWithError(failureOf(item));
                return;
            }
            if (!answerHoldsSecret(answer, secret)) {
                ApiError error
                    = ApiError::malformed(tr("the secret is not the current token of item %1").arg(providerId));
                error.requestId = item.requestId;
                operation->finishWithError(std::move(error));
                return;
            }
            operation->finishWithTokens({*item.value});
        });
}

ProviderOperation *PangeaProvider::revoke(const QString &providerId, int version)
{
    if (version <= 0) {
        return unsupported(tr("Pangea revokes one version of an item: name the version to deactivate (the current "
                              "one is never implied)."));
    }
    auto *operation = new ProviderOperation(this);
    // The state to ask for depends on where the version is: after a rotation under Pangea's default
    // policy it is already "destroyed" but still accepted until its grace period ends, and Pangea
    // lets a destroyed version change only to "destroyed" again.
    send(operation,
        call(u"/v2/get"_s, PangeaRequests::getBody(providerId, QString::number(version)), credential(), true),
        [this, operation, providerId, version](const HttpAnswer &answer, bool) {
            const PangeaReply<RemoteToken> item = PangeaParser::parseItem(answer);
            if (!item.ok()) {
                operation->finishWithError(failureOf(item));
                return;
            }
            const QList<RemoteVersion> &versions = item.value->versions;
            const auto found = std::find_if(versions.cbegin(), versions.cend(),
                [version](const RemoteVersion &candidate) { return candidate.number == version; });
            if (found == versions.cend()) {
                operation->finishWithError(ApiError::malformed(
                    tr("Pangea's answer does not have version %1 of %2").arg(version).arg(providerId)));
                return;
            }
            const bool gone = (found->providerState == "destroyed"_L1 && found->state != VersionState::Grace)
                || found->providerState == "compromised"_L1;
            if (gone) {
                operation->finishWithTokens({*item.value}); // nothing accepts it any more
                return;
            }
            const QString state = found->providerState == "destroyed"_L1 ? u"destroyed"_s : u"deactivated"_s;
            send(operation,
                call(u"/v2/state/change"_s, PangeaRequests::stateChangeBody(providerId, version, state), credential(),
                    true),
                [this, operation](const HttpAnswer &changed, bool) { finishWithItem(operation, changed); });
        });
    return operation;
}

ProviderOperation *PangeaProvider::setPolicy(const QString &providerId, const RotationPolicy &policy)
{
    auto *operation = new ProviderOperation(this);
    // Old versions end deactivated, as revoke() leaves them, so that an emergency can bring one back;
    // a policy TokenDesk does not apply automatically must not make Pangea rotate on its own.
    const QByteArray body = PangeaRequests::updatePolicyBody(
        providerId, policy.automatic ? policy.interval : PolicyDuration(), policy.gracePeriod, u"deactivated"_s);
    send(operation, call(u"/v2/update"_s, body, credential(), true),
        [this, operation](const HttpAnswer &answer, bool) { finishWithItem(operation, answer); });
    return operation;
}

void PangeaProvider::finishWithItem(ProviderOperation *operation, const HttpAnswer &answer)
{
    const PangeaReply<RemoteToken> item = PangeaParser::parseItem(answer);
    if (item.ok())
        operation->finishWithTokens({*item.value});
    else
        operation->finishWithError(failureOf(item));
}
