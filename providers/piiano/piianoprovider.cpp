// SPDX-License-Identifier: GPL-3.0-or-later
#include "piianoprovider.h"

#include "core/httpanswer.h"
#include "domain/clock.h"
#include "http/apicall.h"
#include "piianoparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

const QString ApiPrefix = u"/api/pvlt/1.0/data/collections/"_s;
// Listing and the connection test only read token metadata, which is maintenance work.
const QString ReadReason = u"Maintenance"_s;
// Piiano requires an ad-hoc reason with "Other"; the audit log then says who asked.
const QString AdhocReason = u"TokenDesk token rotation"_s;
// The nil UUID: a well-formed token id no tokenize call ever issues.
const QString ProbeTokenId = u"00000000-0000-0000-0000-000000000000"_s;

QUrlQuery reasonQuery(const QString &reason)
{
    QUrlQuery query;
    if (!reason.isEmpty())
        query.addQueryItem(u"reason"_s, reason);
    if (reason == u"Other"_s)
        query.addQueryItem(u"adhoc_reason"_s, AdhocReason);
    return query;
}

} // namespace

PiianoProvider::PiianoProvider(
    Account account, SecretBytes credential, HttpClient *http, const Clock &clock, QObject *parent)
    : Provider(std::move(account), std::move(credential), http, clock, parent)
{
    const QUrlQuery query(this->account().baseUrl);
    m_collection = query.queryItemValue(u"collection"_s, QUrl::FullyDecoded);
    for (const QString &tag : query.allQueryItemValues(u"tag"_s, QUrl::FullyDecoded)) {
        if (!tag.isEmpty() && !m_tags.contains(tag))
            m_tags.append(tag);
    }
    if (m_collection.isEmpty()) {
        m_configurationError = tr("The Piiano Vault base URL names no collection: add ?collection=<name> to it.");
    } else if (!PiianoParser::isValidCollectionName(m_collection)) {
        m_configurationError = tr("“%1” is not a Piiano collection name: it must start with a letter and have at "
                                  "most %2 letters, digits and underscores.")
                                   .arg(m_collection.left(PiianoParser::MaxCollectionNameLength + 1))
                                   .arg(PiianoParser::MaxCollectionNameLength);
    }
}

ProviderCapabilities PiianoProvider::capabilities() const
{
    ProviderCapabilities caps;
    caps.listTokens = m_configurationError.isEmpty() && !m_tags.isEmpty();
    caps.rotate = m_configurationError.isEmpty();
    caps.replacesIds = true;
    // The old ids stop resolving the moment the rotate call returns.
    caps.fixedGracePeriod = std::chrono::seconds(0);
    if (!m_configurationError.isEmpty())
        caps.limitations << m_configurationError;
    caps.limitations
        << tr("Piiano rotation issues new ids for the same data and the old ids stop working at once: every "
              "application that stores them must switch to the new ids TokenDesk reports.")
        << tr("One rotation is all or nothing: if Piiano does not know one of the ids, it rotates none of them.")
        << tr("TokenDesk neither revokes nor deletes Piiano tokens: rotation already retires the old ids, and "
              "deleting a data token would cut applications off from the data it stands for.");
    if (m_tags.isEmpty())
        caps.limitations << tr("Piiano cannot list a whole collection: name the tags of the tokens to manage in the "
                               "base URL (…&tag=<tag>) to list them.");
    return caps;
}

ApiCall PiianoProvider::call(
    const QByteArray &method, const QString &suffix, const QUrlQuery &query, QByteArray body) const
{
    QUrl url = endpoint(ApiPrefix + m_collection + suffix);
    // The account's own query configures TokenDesk; it is not for the server.
    url.setQuery(query);
    url.setFragment({});
    ApiCall request(method, url, std::move(body));
    request.setHeader("Authorization", "Bearer " + credential().exposeBytes());
    request.setHeader("Accept", "application/json");
    return request;
}

ProviderOperation *PiianoProvider::refuse(const QString &why)
{
    auto *operation = new ProviderOperation(this);
    ApiError error;
    error.kind = ApiError::Kind::Refused;
    error.message = why;
    operation->finishWithError(error);
    return operation;
}

void PiianoProvider::search(ProviderOperation *operation, QByteArray body, bool keepTokens)
{
    ApiCall request = call("POST", u"/query/tokens"_s, reasonQuery(ReadReason), std::move(body));
    // A metadata search changes nothing, so it may be retried like a GET.
    request.idempotent = true;
    exchange(operation, request, [operation, keepTokens](const HttpAnswer &answer) {
        Parsed<RemoteTokenPage> page = PiianoParser::parseTokenSearch(answer);
        if (!page.ok()) {
            operation->finishWithError(page.error);
            return;
        }
        operation->reportProgress(static_cast<int>(page.value->tokens.size()), page.value->totalCount);
        operation->finishWithTokens(keepTokens ? std::move(page.value->tokens) : QList<RemoteToken>());
    });
}

ProviderOperation *PiianoProvider::testConnection()
{
    if (!m_configurationError.isEmpty())
        return refuse(m_configurationError);
    auto *operation = new ProviderOperation(this);
    search(operation, PiianoParser::searchBody({ProbeTokenId}), false);
    return operation;
}

ProviderOperation *PiianoProvider::listTokens()
{
    if (!m_configurationError.isEmpty())
        return refuse(m_configurationError);
    if (m_tags.isEmpty())
        return refuse(tr("Piiano cannot list a whole collection: name the tags of the tokens to manage in the base "
                         "URL (…&tag=<tag>)."));
    auto *operation = new ProviderOperation(this);
    const QByteArray body
        = QJsonDocument(QJsonObject {{u"tags"_s, QJsonArray::fromStringList(m_tags)}}).toJson(QJsonDocument::Compact);
    search(operation, body, true);
    return operation;
}

ProviderOperation *PiianoProvider::rotate(const RotateRequest &request)
{
    if (!m_configurationError.isEmpty())
        return refuse(m_configurationError);
    QStringList ids;
    for (const QString &id : request.tokenIds.isEmpty() ? QStringList {request.providerId} : request.tokenIds) {
        // The ids travel comma-separated in the query, so a comma would split one id in two.
        if (id.isEmpty() || id.contains(u','))
            return refuse(tr("“%1” is not a Piiano token id TokenDesk can rotate.").arg(id.left(80)));
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.size() > MaxIdsPerRotation)
        return refuse(tr("%1 token ids are too many for one Piiano rotation (at most %2); rotate them in batches.")
                          .arg(ids.size())
                          .arg(MaxIdsPerRotation));

    QUrlQuery query = reasonQuery(request.accessReason);
    query.addQueryItem(u"token_ids"_s, ids.join(u','));
    ApiCall rotateCall = call("POST", u"/rotate/tokens"_s, query);
    // Rotating twice would replace the fresh ids again, and the first set would be lost with the
    // lost answer: never sent again blindly.
    rotateCall.idempotent = false;

    auto *operation = new ProviderOperation(this);
    exchange(operation, rotateCall, [this, operation, ids, providerId = request.providerId](const HttpAnswer &answer) {
        Parsed<RotationResult> rotated = PiianoParser::parseRotate(answer, ids);
        if (!rotated.ok()) {
            ApiError error = rotated.error;
            if (error.providerCode == u"PV3087"_s) {
                error.message += u' ' + tr("Piiano rotated none of the requested tokens.");
            } else if (answer.status >= 500) {
                // A server error does not say whether the rotation was committed first; sending it
                // again could retire the ids this one issued before anyone learned them.
                error.retryable = false;
                error.retryAfter.reset();
                error.message
                    += u' ' + tr("The rotation may have happened anyway: list the tokens before trying again.");
            }
            operation->finishWithError(error);
            return;
        }
        RotationResult result = std::move(*rotated.value);
        result.newProviderId = result.replacedIds.value(providerId);
        result.createdAt = clock().nowUtc();
        operation->finishWithRotation(std::move(result));
    });
    return operation;
}
