// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultkvclient.h"

#include "http/apicall.h"
#include "http/apirequest.h"
#include "http/apiresult.h"
#include "http/httpclient.h"
#include "vaultkvparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

QString encodedPath(const QString &normalised)
{
    QStringList segments;
    for (const QString &segment : normalised.split(u'/'))
        segments << QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return segments.join(u'/');
}

bool isPlainNotFound(const ApiResult &result)
{
    if (result.httpStatus != 404)
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(result.body);
    return result.body.trimmed().isEmpty()
        || (document.isObject() && document.object().value(u"errors"_s).toArray().isEmpty());
}

ApiError refusal(const QString &why)
{
    ApiError error;
    error.kind = ApiError::Kind::Refused;
    error.message = why;
    return error;
}

} // namespace

VaultKvClient::VaultKvClient(HttpClient *http, Settings settings, SecretBytes token, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_settings(std::move(settings))
    , m_token(std::move(token))
{
    const QString mount = normalisedPath(m_settings.mount);
    if (!m_settings.baseUrl.isValid() || m_settings.baseUrl.host().isEmpty())
        m_configurationError = tr("The Vault address is not a valid URL.");
    else if (mount.isEmpty())
        m_configurationError = tr("No KV v2 mount is configured for Vault.");
    else if (m_token.isEmpty())
        m_configurationError = tr("No Vault token is configured.");
    m_mountPath = encodedPath(mount);
}

VaultKvClient::~VaultKvClient() = default;

void VaultKvClient::setCallDeadline(std::chrono::milliseconds deadline)
{
    m_callDeadline = std::max(deadline, std::chrono::milliseconds(1));
}

QString VaultKvClient::normalisedPath(const QString &path)
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        if (segment == u"."_s || segment == u".."_s)
            return {};
    }
    return segments.join(u'/');
}

QString VaultKvClient::location(const QString &path, const QString &field) const
{
    return normalisedPath(m_settings.mount) + u'/' + normalisedPath(path) + u'#' + field;
}

ApiCall VaultKvClient::call(
    const QByteArray &method, const QString &operation, const QString &path, QByteArray body) const
{
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    // Every KV route is under /v1; accept a base URL given with or without it.
    if (!base.endsWith(u"/v1"_s))
        base += u"/v1"_s;
    url.setPath(base + u'/' + m_mountPath + u'/' + operation + u'/' + encodedPath(path));
    url.setQuery(QString());
    url.setFragment(QString());

    ApiCall request(method, url, std::move(body));
    request.setHeader("X-Vault-Token", m_token.exposeBytes());
    if (!m_settings.ns.isEmpty())
        request.setHeader("X-Vault-Namespace", m_settings.ns.toUtf8());
    // Vault Agent and Proxy may insist on it (require_request_header); Vault itself ignores it.
    request.setHeader("X-Vault-Request", "true");
    request.setHeader("Accept", "application/json");
    request.caCertificatePath = m_settings.caCertificatePath;
    request.deadline = m_callDeadline;
    return request;
}

VaultOperation *VaultKvClient::refuse(const QString &why)
{
    auto *operation = new VaultOperation(this);
    operation->finishWithError(refusal(why));
    return operation;
}

QString VaultKvClient::checkedPath(VaultOperation *operation, const QString &path)
{
    if (!m_configurationError.isEmpty()) {
        operation->finishWithError(refusal(m_configurationError));
        return {};
    }
    const QString normalised = normalisedPath(path);
    if (normalised.isEmpty())
        operation->finishWithError(refusal(tr("“%1” is not a Vault secret path.").arg(path.left(200))));
    return normalised;
}

void VaultKvClient::send(VaultOperation *operation, ApiCall request, ResultHandler onResult)
{
    ApiRequest *sent = m_http->send(std::move(request));
    QPointer<VaultOperation> guard(operation);
    connect(sent, &ApiRequest::finished, operation, [guard, onResult = std::move(onResult)](const ApiResult &result) {
        if (!guard || guard->isFinished())
            return;
        // No answer, or one cut off after its headers (a reset mid-body): the transport's error
        // says what happened, where a parser would only see truncated JSON.
        if (result.httpStatus == 0 || (result.error.isError() && result.error.kind != ApiError::Kind::Http)) {
            guard->finishWithError(result.error);
            return;
        }
        onResult(result);
    });
}

VaultOperation *VaultKvClient::readSecret(const QString &path, const QString &field, int version)
{
    auto *operation = new VaultOperation(this);
    const QString normalised = checkedPath(operation, path);
    if (normalised.isEmpty())
        return operation;
    if (field.isEmpty() || version < 0) {
        operation->finishWithError(refusal(tr("A Vault read needs a field name and a version of 0 or more.")));
        return operation;
    }
    ApiCall request = call("GET", u"data"_s, normalised);
    if (version > 0)
        request.url.setQuery(QUrlQuery {{u"version"_s, QString::number(version)}});
    send(operation, std::move(request), [operation, field](const ApiResult &result) {
        Parsed<VaultSecretVersion> read = VaultKvParser::parseRead(result.answer(), field);
        operation->noteRequestId(read.requestId);
        if (read.ok())
            operation->finishWithVersion(std::move(*read.value));
        else
            operation->finishWithError(read.error);
    });
    return operation;
}

VaultOperation *VaultKvClient::writeSecret(
    const QString &path, const QString &field, const SecretBytes &value, std::optional<int> cas)
{
    auto *operation = new VaultOperation(this);
    const QString normalised = checkedPath(operation, path);
    if (normalised.isEmpty())
        return operation;
    if (field.isEmpty() || value.isEmpty() || (cas && *cas < 0)) {
        operation->finishWithError(refusal(tr("A Vault write needs a field name, a value and a cas of 0 or more.")));
        return operation;
    }
    const SecretBytes body = VaultKvParser::writeBody(field, value, cas);
    if (body.isEmpty()) {
        operation->finishWithError(refusal(tr("The secret is not valid UTF-8, so Vault's JSON cannot carry it.")));
        return operation;
    }
    ApiCall request = call("POST", u"data"_s, normalised, body.exposeBytes());
    // Without cas every attempt that lands adds a version; with it, a repeat fails the check.
    request.idempotent = cas.has_value();
    // `body` rides along in the handler so that it outlives the request's copy of the bytes and,
    // as the last owner, scrubs them.
    send(
        operation, std::move(request), [this, operation, normalised, field, value, cas, body](const ApiResult &result) {
            Parsed<VaultSecretVersion> written = VaultKvParser::parseWrite(result.answer());
            operation->noteRequestId(written.requestId);
            if (written.ok()) {
                operation->finishWithVersion(std::move(*written.value));
                return;
            }
            ApiError error = written.error;
            if (cas && result.attempts > 1 && error.providerCode == VaultKvParser::CasMismatchCode) {
                confirmWrite(operation, normalised, field, value, *cas, error);
                return;
            }
            if (!cas && result.httpStatus >= 500) {
                // The version may have been stored before the error; a repeat would add another.
                error.retryable = false;
                error.message += u' '
                    + tr("Vault may have stored the new version anyway: read the metadata before writing again.");
            }
            operation->finishWithError(error);
        });
    return operation;
}

void VaultKvClient::confirmWrite(VaultOperation *operation, const QString &path, const QString &field,
    const SecretBytes &value, int cas, const ApiError &casError)
{
    ApiCall request = call("GET", u"data"_s, path);
    request.url.setQuery(QUrlQuery {{u"version"_s, QString::number(cas + 1)}});
    send(operation, std::move(request), [operation, field, value, casError](const ApiResult &result) {
        Parsed<VaultSecretVersion> read = VaultKvParser::parseRead(result.answer(), field);
        operation->noteRequestId(read.requestId);
        if (read.ok() && read.value->fieldNames == QStringList {field} && read.value->value.constantTimeEquals(value)) {
            // An earlier attempt landed and only its answer was lost.
            VaultSecretVersion version = std::move(*read.value);
            version.value.clear();
            version.fieldNames.clear();
            operation->finishWithVersion(std::move(version));
            return;
        }
        operation->finishWithError(casError);
    });
}

VaultOperation *VaultKvClient::readMetadata(const QString &path)
{
    auto *operation = new VaultOperation(this);
    const QString normalised = checkedPath(operation, path);
    if (normalised.isEmpty())
        return operation;
    send(operation, call("GET", u"metadata"_s, normalised), [operation](const ApiResult &result) {
        Parsed<VaultSecretMetadata> metadata = VaultKvParser::parseMetadata(result.answer());
        operation->noteRequestId(metadata.requestId);
        if (metadata.ok())
            operation->finishWithMetadata(std::move(*metadata.value));
        else
            operation->finishWithError(metadata.error);
    });
    return operation;
}

VaultOperation *VaultKvClient::destroyVersions(const QString &path, const QList<int> &versions)
{
    auto *operation = new VaultOperation(this);
    const QString normalised = checkedPath(operation, path);
    if (normalised.isEmpty())
        return operation;
    QJsonArray numbers;
    for (const int version : versions) {
        if (version < 1) {
            operation->finishWithError(refusal(tr("Vault versions start at 1.")));
            return operation;
        }
        numbers.append(version);
    }
    if (numbers.isEmpty()) {
        operation->finishWithError(refusal(tr("No Vault version to destroy was given.")));
        return operation;
    }
    const QByteArray body = QJsonDocument(QJsonObject {{u"versions"_s, numbers}}).toJson(QJsonDocument::Compact);
    // POST, as Vault's OpenAPI document declares it (Vault takes PUT too); retried all the same,
    // because destroying a destroyed version changes nothing.
    ApiCall request = call("POST", u"destroy"_s, normalised, body);
    request.idempotent = true;
    send(operation, std::move(request), [operation](const ApiResult &result) {
        const ApiError error = VaultKvParser::parseNoContent(result.answer());
        if (error.isError())
            operation->finishWithError(error);
        else
            operation->finishOk();
    });
    return operation;
}

VaultOperation *VaultKvClient::deleteMetadata(const QString &path)
{
    auto *operation = new VaultOperation(this);
    const QString normalised = checkedPath(operation, path);
    if (normalised.isEmpty())
        return operation;
    send(operation, call("DELETE", u"metadata"_s, normalised), [operation](const ApiResult &result) {
        // Gone already is the outcome we wanted. Vault answers 204 then, but a plain 404 (no
        // message) means the same; a 404 naming a missing route is a wrong mount, not success.
        const ApiError error = isPlainNotFound(result) ? ApiError() : VaultKvParser::parseNoContent(result.answer());
        if (error.isError())
            operation->finishWithError(error);
        else
            operation->finishOk();
    });
    return operation;
}
