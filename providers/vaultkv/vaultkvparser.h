// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/parsed.h"
#include "domain/secretbytes.h"
#include "vaultsecretmetadata.h"
#include "vaultsecretversion.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>

#include <optional>

// Turns HashiCorp Vault (and OpenBao) KV v2 answers into values, and builds KV v2 request
// bodies; pure, no network. Answers come in the envelope {request_id, lease_id, renewable,
// lease_duration, data, wrap_info, warnings, auth}; errors are {"errors": [...]}, often empty,
// and become Provider errors. Vault has no error codes, so the cases the engine must tell apart
// get codes of ours (the constants below), derived from the status and Vault's message.
class VaultKvParser final
{
    Q_DECLARE_TR_FUNCTIONS(VaultKvParser)

public:
    static constexpr QLatin1StringView CasMismatchCode {"cas_mismatch"}; // re-read metadata, write again
    static constexpr QLatin1StringView CasRequiredCode {"cas_required"};
    static constexpr QLatin1StringView PermissionDeniedCode {"permission_denied"};
    static constexpr QLatin1StringView NotFoundCode {"not_found"};
    static constexpr QLatin1StringView VersionDeletedCode {"version_deleted"}; // soft-deleted, can be undeleted
    static constexpr QLatin1StringView VersionDestroyedCode {"version_destroyed"};
    static constexpr QLatin1StringView SealedCode {"sealed"}; // retryable

    // GET /v1/<m>/data/<p>: data.metadata and the value of data.data[fieldName], which must be a
    // non-empty string.
    static Parsed<VaultSecretVersion> parseRead(const HttpAnswer &answer, const QString &fieldName);
    // POST /v1/<m>/data/<p>: the new version's metadata (no value).
    static Parsed<VaultSecretVersion> parseWrite(const HttpAnswer &answer);
    // GET /v1/<m>/metadata/<p>.
    static Parsed<VaultSecretMetadata> parseMetadata(const HttpAnswer &answer);
    // Metadata writes, deletes and destroys answer 204: no error (kind None) on 2xx.
    static ApiError parseNoContent(const HttpAnswer &answer);
    // The error of a non-2xx answer.
    static ApiError errorFor(const HttpAnswer &answer);

    // {"data": {"<fieldName>": "<value>"}, "options"?: {"cas": N}}. CARRIES THE SECRET: returned
    // as SecretBytes so it is scrubbed after sending; never log it. Empty if the value is not
    // valid UTF-8. cas 0 = only if the key does not exist yet.
    static SecretBytes writeBody(const QString &fieldName, const SecretBytes &value, std::optional<int> cas);
    // {"custom_metadata", "max_versions"?, "cas_required"?} for POST /v1/<m>/metadata/<p>.
    static QByteArray metadataBody(const QHash<QString, QString> &customMetadata,
        std::optional<int> maxVersions = std::nullopt, std::optional<bool> casRequired = std::nullopt);
};
