// SPDX-License-Identifier: GPL-3.0-or-later
#include "dynatraceprovider.h"

#include "core/httpanswer.h"
#include "domain/clock.h"
#include "dynatraceparser.h"
#include "http/apicall.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// v2 returns only id, name, enabled, owner and creationDate unless asked for more.
const QString listFields = u"+expirationDate,+scopes,+lastUsedDate,+modifiedDate,+personalAccessToken"_s;

QByteArray authorizationFor(const SecretBytes &secret)
{
    return "Api-Token " + secret.exposeBytes();
}

} // namespace

ProviderCapabilities DynatraceProvider::capabilities() const
{
    ProviderCapabilities caps;
    caps.listTokens = true;
    caps.create = true;
    caps.revoke = true;
    caps.deleteToken = true;
    caps.lookupBySecret = true;
    caps.limitations << tr("Dynatrace has no rotate call: TokenDesk creates a replacement with the same name and "
                           "scopes, stores and verifies it, then disables the old token and deletes it later.")
                     << tr("A token cannot disable or delete itself: the account's management token must not be "
                           "one of the tokens it rotates.");
    return caps;
}

QString DynatraceProvider::tokensPath() const
{
    return m_legacy ? u"/api/v1/tokens"_s : u"/api/v2/apiTokens"_s;
}

ApiCall DynatraceProvider::call(const QByteArray &method, const QString &path, QByteArray body) const
{
    ApiCall request(method, endpoint(path), std::move(body));
    request.setHeader("Authorization", authorizationFor(credential()));
    request.setHeader("Accept", "application/json");
    return request;
}

QString DynatraceProvider::idOfSecret(const SecretBytes &secret)
{
    const QList<QByteArray> parts = secret.exposeBytes().split('.');
    if (parts.size() != 3)
        return {};
    return QString::fromLatin1(parts.at(0) + '.' + parts.at(1));
}

ProviderOperation *DynatraceProvider::refuseOwnToken(const QString &providerId, const QString &action)
{
    if (providerId != idOfSecret(credential()))
        return nullptr;
    return unsupported(tr("Dynatrace does not let a token %1 itself, and %2 is this account's management token. "
                          "Use a separate management token for the account.")
                           .arg(action, providerId));
}

ProviderOperation *DynatraceProvider::testConnection()
{
    auto *operation = new ProviderOperation(this);
    lookup(operation, credential(), credential());
    return operation;
}

ProviderOperation *DynatraceProvider::listTokens()
{
    auto *operation = new ProviderOperation(this);
    listPage(operation, {}, {});
    return operation;
}

void DynatraceProvider::listPage(ProviderOperation *operation, QList<RemoteToken> collected, const QString &pageKey)
{
    QUrlQuery query;
    if (m_legacy) {
        query.addQueryItem(u"limit"_s, u"10000"_s);
    } else if (pageKey.isEmpty()) {
        query.addQueryItem(u"pageSize"_s, u"1000"_s);
        query.addQueryItem(u"fields"_s, listFields);
    } else {
        // Dynatrace wants the page key alone on follow-up pages.
        query.addQueryItem(u"nextPageKey"_s, pageKey);
    }
    ApiCall request = call("GET", tokensPath());
    request.url.setQuery(query);
    exchange(operation, request, [this, operation, collected](const HttpAnswer &answer) mutable {
        if (answer.status == 404 && !m_legacy && collected.isEmpty()) {
            // Clusters older than the v2 Tokens API only serve the deprecated v1 routes.
            m_legacy = true;
            listPage(operation, {}, {});
            return;
        }
        const Parsed<RemoteTokenPage> page
            = m_legacy ? DynatraceParser::parseTokenListV1(answer) : DynatraceParser::parseTokenList(answer);
        if (!page.ok()) {
            operation->finishWithError(page.error);
            return;
        }
        collected += page.value->tokens;
        operation->reportProgress(static_cast<int>(collected.size()), page.value->totalCount);
        if (page.value->nextPage.isEmpty())
            operation->finishWithTokens(std::move(collected));
        else
            listPage(operation, std::move(collected), page.value->nextPage);
    });
}

ProviderOperation *DynatraceProvider::getToken(const QString &providerId)
{
    auto *operation = new ProviderOperation(this);
    exchange(operation, call("GET", tokensPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(providerId))),
        [this, operation](const HttpAnswer &answer) {
            const Parsed<RemoteToken> token
                = m_legacy ? DynatraceParser::parseTokenV1(answer) : DynatraceParser::parseToken(answer);
            if (token.ok())
                operation->finishWithTokens({*token.value});
            else
                operation->finishWithError(token.error);
        });
    return operation;
}

ProviderOperation *DynatraceProvider::rotate(const RotateRequest &request)
{
    auto *operation = new ProviderOperation(this);
    if (request.name.isEmpty() || request.scopes.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Refused;
        error.message = tr("A Dynatrace replacement needs the old token's name and scopes; refresh the account first.");
        operation->finishWithError(error);
        return operation;
    }
    QByteArray body = m_legacy
        ? DynatraceParser::createBodyV1(request.name, request.scopes,
            std::chrono::seconds(
                request.expiresAt.isValid() ? std::max<qint64>(1, clock().nowUtc().secsTo(request.expiresAt)) : 0))
        : DynatraceParser::createBody(request.name, request.scopes, request.expiresAt);
    ApiCall create = call("POST", tokensPath(), std::move(body));
    // Creating is not idempotent: a blind retry could mint a second token nobody stores.
    create.idempotent = false;
    exchange(operation, create, [this, operation](const HttpAnswer &answer) {
        Parsed<RotationResult> created
            = m_legacy ? DynatraceParser::parseCreatedV1(answer) : DynatraceParser::parseCreated(answer);
        if (!created.ok()) {
            operation->finishWithError(created.error);
            return;
        }
        RotationResult result = std::move(*created.value);
        if (result.newProviderId.isEmpty())
            result.newProviderId = idOfSecret(result.newSecret); // v1 answers without an id
        result.createdAt = clock().nowUtc();
        operation->finishWithRotation(std::move(result));
    });
    return operation;
}

ProviderOperation *DynatraceProvider::verifySecret(const QString &providerId, const SecretBytes &secret)
{
    auto *operation = new ProviderOperation(this);
    // Lookup works with a token of any scope, so authenticating with the new secret itself
    // proves that it exists, is enabled and is accepted.
    lookup(operation, secret, secret, providerId);
    return operation;
}

ProviderOperation *DynatraceProvider::lookupSecret(const SecretBytes &secret)
{
    auto *operation = new ProviderOperation(this);
    lookup(operation, secret, credential());
    return operation;
}

void DynatraceProvider::lookup(ProviderOperation *operation, const SecretBytes &secret,
    const SecretBytes &authorization, const QString &expectedId)
{
    ApiCall request("POST", endpoint(tokensPath() + u"/lookup"_s), DynatraceParser::lookupBody(secret).exposeBytes());
    request.setHeader("Authorization", authorizationFor(authorization));
    request.setHeader("Accept", "application/json");
    // A lookup changes nothing, so it may be retried like a read.
    request.idempotent = true;
    exchange(operation, request, [this, operation, expectedId](const HttpAnswer &answer) {
        const Parsed<RemoteToken> token
            = m_legacy ? DynatraceParser::parseTokenV1(answer) : DynatraceParser::parseToken(answer);
        if (!token.ok()) {
            operation->finishWithError(token.error);
            return;
        }
        if (!token.value->enabled) {
            ApiError error;
            error.kind = ApiError::Kind::Provider;
            error.httpStatus = answer.status;
            error.message = tr("The token %1 is disabled.").arg(token.value->providerId);
            operation->finishWithError(error);
            return;
        }
        if (!expectedId.isEmpty() && token.value->providerId != expectedId) {
            operation->finishWithError(ApiError::malformed(
                tr("the secret belongs to token %1, not %2").arg(token.value->providerId, expectedId)));
            return;
        }
        operation->finishWithTokens({*token.value});
    });
}

ProviderOperation *DynatraceProvider::revoke(const QString &providerId, int)
{
    if (ProviderOperation *refused = refuseOwnToken(providerId, tr("disable")))
        return refused;
    auto *operation = new ProviderOperation(this);
    const QString path = tokensPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(providerId));
    QByteArray body = m_legacy ? DynatraceParser::revokeBodyV1() : DynatraceParser::updateEnabledBody(false);
    exchange(operation, call("PUT", path, std::move(body)), [operation](const HttpAnswer &answer) {
        const ApiError error = DynatraceParser::parseNoContent(answer);
        if (error.isError())
            operation->finishWithError(error);
        else
            operation->finishOk();
    });
    return operation;
}

ProviderOperation *DynatraceProvider::deleteToken(const QString &providerId)
{
    if (ProviderOperation *refused = refuseOwnToken(providerId, tr("delete")))
        return refused;
    auto *operation = new ProviderOperation(this);
    const QString path = tokensPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(providerId));
    exchange(operation, call("DELETE", path), [operation](const HttpAnswer &answer) {
        // Deleting what is already gone is the outcome we wanted.
        const ApiError error = answer.status == 404 ? ApiError() : DynatraceParser::parseNoContent(answer);
        if (error.isError())
            operation->finishWithError(error);
        else
            operation->finishOk();
    });
    return operation;
}
