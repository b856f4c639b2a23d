// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultkvparser.h"

#include "core/jsonreader.h"
#include "core/secretjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

constexpr qint64 MaximumVersion = std::numeric_limits<int>::max();

// The frame of every parse: error statuses go to errorFor(), 2xx envelopes to `read` with a
// reader on `data`; request_id is kept for the audit log.
template<typename T, typename Read> Parsed<T> parseWith(const HttpAnswer &answer, Read read)
{
    if (!answer.isSuccess())
        return Parsed<T>::failure(VaultKvParser::errorFor(answer));
    ApiError error;
    std::optional<T> value;
    QString requestId;
    if (const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, error)) {
        const JsonReader envelope(*root, {}, error);
        requestId = envelope.string("request_id"_L1, Presence::Optional);
        if (const std::optional<JsonReader> data = envelope.child("data"_L1)) {
            T parsed = read(*data);
            if (!error.isError())
                value = std::move(parsed);
        }
    }
    if (!value) {
        error.httpStatus = answer.status;
        error.requestId = requestId;
        return Parsed<T>::failure(error);
    }
    return Parsed<T>::success(std::move(*value), requestId);
}

// {version?, created_time, deletion_time, destroyed} as in read/write answers and versions{}.
VaultSecretVersion readVersion(const JsonReader &reader, bool versionRequired)
{
    VaultSecretVersion version;
    version.version = static_cast<int>(
        reader.integer("version"_L1, versionRequired ? Presence::Required : Presence::Optional, 1, MaximumVersion)
            .value_or(0));
    version.createdAt = reader.dateTime("created_time"_L1, Presence::Required);
    version.deletedAt = reader.dateTime("deletion_time"_L1);
    version.destroyed = reader.boolean("destroyed"_L1, Presence::Optional).value_or(false);
    version.customMetadata = reader.stringMap("custom_metadata"_L1);
    return version;
}

QString defaultMessage(int status)
{
    switch (status) {
    case 400:
        return VaultKvParser::tr("Vault rejected the request as invalid");
    case 403:
        return VaultKvParser::tr("Vault denied permission (token invalid, expired or without the needed policy)");
    case 404:
        return VaultKvParser::tr("Vault has no secret at this path (or the token may not see it)");
    case 405:
        return VaultKvParser::tr("Vault does not support this method here");
    case 429:
        return VaultKvParser::tr("Vault answered from a standby node or is rate-limiting");
    case 503:
        return VaultKvParser::tr("Vault is sealed or under maintenance");
    default:
        break;
    }
    return VaultKvParser::tr("Vault answered HTTP %1").arg(status);
}

// Our code for the cases the engine acts on; empty when the status and message say nothing
// more specific.
QString codeFor(int status, const QString &text, const QJsonObject &root)
{
    if (status == 400 && text.contains("check-and-set parameter did not match"_L1, Qt::CaseInsensitive))
        return VaultKvParser::CasMismatchCode;
    if (status == 400 && text.contains("check-and-set parameter required"_L1, Qt::CaseInsensitive))
        return VaultKvParser::CasRequiredCode;
    if (status == 403)
        return VaultKvParser::PermissionDeniedCode;
    if (status == 404) {
        // A deleted or destroyed version still answers with its metadata.
        const QJsonObject metadata = root.value("data"_L1).toObject().value("metadata"_L1).toObject();
        if (metadata.value("destroyed"_L1).toBool())
            return VaultKvParser::VersionDestroyedCode;
        if (!metadata.value("deletion_time"_L1).toString().isEmpty())
            return VaultKvParser::VersionDeletedCode;
        return VaultKvParser::NotFoundCode;
    }
    if (status == 503 && (text.isEmpty() || text.contains("sealed"_L1, Qt::CaseInsensitive)))
        return VaultKvParser::SealedCode;
    return {};
}

} // namespace

Parsed<VaultSecretVersion> VaultKvParser::parseRead(const HttpAnswer &answer, const QString &fieldName)
{
    return parseWith<VaultSecretVersion>(answer, [&fieldName](const JsonReader &data) {
        VaultSecretVersion version;
        if (const std::optional<JsonReader> metadata = data.child("metadata"_L1))
            version = readVersion(*metadata, true);
        const std::optional<JsonReader> fields = data.child("data"_L1);
        if (!fields || data.failed())
            return version;
        version.fieldNames = fields->object().keys();
        // The field name is ours, not a fixed key: look it up as given.
        const QString path = fields->path() + u'.' + fieldName;
        const QJsonValue value = fields->object().value(fieldName);
        if (value.isUndefined() || value.isNull()) {
            data.fail(path, tr("is missing; the secret has the fields %1").arg(version.fieldNames.join(u", "_s)));
        } else if (!value.isString()) {
            data.fail(path, tr("should be a string, not %1").arg(JsonReader::typeName(value)));
        } else if (value.toString().isEmpty()) {
            data.fail(path, tr("is empty"));
        } else {
            version.value = SecretBytes(value.toString().toUtf8());
        }
        return version;
    });
}

Parsed<VaultSecretVersion> VaultKvParser::parseWrite(const HttpAnswer &answer)
{
    return parseWith<VaultSecretVersion>(answer, [](const JsonReader &data) { return readVersion(data, true); });
}

Parsed<VaultSecretMetadata> VaultKvParser::parseMetadata(const HttpAnswer &answer)
{
    return parseWith<VaultSecretMetadata>(answer, [](const JsonReader &data) {
        VaultSecretMetadata metadata;
        metadata.currentVersion
            = static_cast<int>(data.integer("current_version"_L1, Presence::Required, 0, MaximumVersion).value_or(0));
        metadata.oldestVersion
            = static_cast<int>(data.integer("oldest_version"_L1, Presence::Optional, 0, MaximumVersion).value_or(0));
        metadata.maxVersions
            = static_cast<int>(data.integer("max_versions"_L1, Presence::Optional, 0, MaximumVersion).value_or(0));
        metadata.casRequired = data.boolean("cas_required"_L1, Presence::Optional).value_or(false);
        metadata.createdAt = data.dateTime("created_time"_L1);
        metadata.updatedAt = data.dateTime("updated_time"_L1);
        metadata.deleteVersionAfter = data.string("delete_version_after"_L1, Presence::Optional);
        metadata.customMetadata = data.stringMap("custom_metadata"_L1);
        const std::optional<JsonReader> versions = data.child("versions"_L1);
        if (!versions)
            return metadata;
        for (auto it = versions->object().begin(); it != versions->object().end() && !data.failed(); ++it) {
            const QString path = versions->path() + u'.' + it.key();
            bool isNumber = false;
            const int number = it.key().toInt(&isNumber);
            if (!isNumber || number < 1) {
                data.fail(path, tr("is not a version number"));
                break;
            }
            const std::optional<JsonReader> entry = versions->child(QLatin1StringView(it.key().toLatin1()));
            if (!entry)
                break;
            VaultSecretVersion version = readVersion(*entry, false);
            version.version = number;
            metadata.versions.insert(number, version);
        }
        if (!data.failed() && metadata.currentVersion > 0 && !metadata.versions.contains(metadata.currentVersion))
            data.fail(
                data.pathOf("versions"_L1), tr("does not list the current version %1").arg(metadata.currentVersion));
        return metadata;
    });
}

ApiError VaultKvParser::parseNoContent(const HttpAnswer &answer)
{
    return answer.isSuccess() ? ApiError() : errorFor(answer);
}

ApiError VaultKvParser::errorFor(const HttpAnswer &answer)
{
    ApiError ignored;
    const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, ignored);
    // Only Vault's own shape counts as Vault's word; a proxy's page or an empty body is HTTP.
    const bool vaultShaped = root && (root->value("errors"_L1).isArray() || root->value("data"_L1).isObject());
    const QJsonObject object = vaultShaped ? *root : QJsonObject();
    QStringList messages;
    for (const QJsonValue &entry : object.value("errors"_L1).toArray()) {
        if (entry.isString() && !entry.toString().trimmed().isEmpty())
            messages.append(entry.toString().trimmed());
    }
    const QString text = messages.join(u"; "_s);
    const QString code = codeFor(answer.status, text, object);

    ApiError error = answer.httpError(text.isEmpty() ? defaultMessage(answer.status) : text);
    if (vaultShaped || !code.isEmpty()) {
        error.kind = ApiError::Kind::Provider;
        error.providerCode = code;
        error.requestId = object.value("request_id"_L1).toString();
    }
    return error;
}

SecretBytes VaultKvParser::writeBody(const QString &fieldName, const SecretBytes &value, std::optional<int> cas)
{
    QJsonObject skeleton {{"data"_L1, QJsonObject {{fieldName, SecretJson::placeholder()}}}};
    if (cas)
        skeleton.insert("options"_L1, QJsonObject {{"cas"_L1, *cas}});
    return SecretJson::render(skeleton, value);
}

QByteArray VaultKvParser::metadataBody(
    const QHash<QString, QString> &customMetadata, std::optional<int> maxVersions, std::optional<bool> casRequired)
{
    QJsonObject custom;
    for (auto it = customMetadata.begin(); it != customMetadata.end(); ++it)
        custom.insert(it.key(), it.value());
    QJsonObject body {{"custom_metadata"_L1, custom}};
    if (maxVersions)
        body.insert("max_versions"_L1, *maxVersions);
    if (casRequired)
        body.insert("cas_required"_L1, *casRequired);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
