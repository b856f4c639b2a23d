// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "vaultoperation.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class HttpClient;
struct ApiCall;
struct ApiResult;

// An asynchronous client for one HashiCorp Vault (or OpenBao) KV v2 mount: the secret sink new
// tokens are written to, and a source TokenDesk can read credentials from. Not a Provider: Vault
// issues no tokens here. Every call returns a VaultOperation at once (connect to its finished());
// calls go through the application's HttpClient with X-Vault-Token, X-Vault-Namespace when a
// namespace is set, and the optional CA file.
//
//     VaultOperation *op = vault->readMetadata(u"apps/billing"_s);
//     connect(op, &VaultOperation::finished, this, [](VaultOperation *done) { ... done->metadata() ... });
//
// Retries: reads, metadata, destroy and delete are idempotent and retried by the HTTP layer on
// 429/5xx (a sealed Vault answers 503) and network errors. A write without `cas` is never sent
// twice: each POST adds a version, and a blind repeat could also overwrite a concurrent writer.
// A write with `cas` is retried, because a duplicate cannot land: once the first attempt has
// created version cas+1, the repeat fails the check-and-set. That failure would then be our own
// write coming back, so after a retried attempt a CAS mismatch is checked by reading version
// cas+1: if it holds exactly the value we wrote, the write succeeded and is reported so.
class VaultKvClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultKvClient)

public:
    struct Settings
    {
        QUrl baseUrl; // https://vault.example.com:8200, with or without the /v1
        QString mount; // the KV v2 mount, e.g. "secret" or "team/kv"
        QString ns; // X-Vault-Namespace (Enterprise, HCP, OpenBao ≥ 2.3); empty = none
        QString caCertificatePath; // trusted in addition to the system CAs
    };

    static constexpr std::chrono::milliseconds DefaultCallDeadline {std::chrono::seconds(30)};

    // `http` must outlive the client.
    VaultKvClient(HttpClient *http, Settings settings, SecretBytes token, QObject *parent = nullptr);
    ~VaultKvClient() override;

    const Settings &settings() const { return m_settings; }
    // Why the settings cannot be used (every call then finishes Refused); empty when they can.
    const QString &configurationError() const { return m_configurationError; }
    // Bound on each HTTP call, retries and Retry-After waits included.
    std::chrono::milliseconds callDeadline() const { return m_callDeadline; }
    void setCallDeadline(std::chrono::milliseconds deadline);

    // GET <mount>/data/<path>[?version=N]; version 0 = the current one. version().value holds the
    // field's value. A missing key, or a deleted or destroyed version, fails with HTTP 404 and the
    // codes VaultKvParser::NotFoundCode / VersionDeletedCode / VersionDestroyedCode.
    VaultOperation *readSecret(const QString &path, const QString &field, int version = 0);
    // POST <mount>/data/<path> {"data": {field: value}, "options": {"cas": N}}: a new version with
    // this one field. cas 0 = only if the key has no version yet; cas N = only if N is current.
    // A mismatch fails with VaultKvParser::CasMismatchCode (VaultOperation::isCasMismatch()).
    VaultOperation *writeSecret(
        const QString &path, const QString &field, const SecretBytes &value, std::optional<int> cas = std::nullopt);
    // GET <mount>/metadata/<path>: current_version is the cas of the next write.
    VaultOperation *readMetadata(const QString &path);
    // POST <mount>/destroy/<path> {"versions": [...]}: the values are gone for good.
    VaultOperation *destroyVersions(const QString &path, const QList<int> &versions);
    // DELETE <mount>/metadata/<path>: every version and the metadata. Succeeds when nothing was there.
    VaultOperation *deleteMetadata(const QString &path);

    // "<mount>/<path>#<field>", the location a SecretRef of backend Vault stores.
    QString location(const QString &path, const QString &field) const;
    // `path` without leading, trailing or doubled slashes; empty when it is empty or has a "." or
    // ".." segment, which Vault would resolve differently from what the caller meant.
    static QString normalisedPath(const QString &path);

private:
    using ResultHandler = std::function<void(const ApiResult &)>;

    ApiCall call(const QByteArray &method, const QString &operation, const QString &path, QByteArray body = {}) const;
    VaultOperation *refuse(const QString &why);
    // The checks every call makes first; the normalised path, or empty after finishing `operation`.
    QString checkedPath(VaultOperation *operation, const QString &path);
    // Transport failures finish the operation; any HTTP answer goes to `onResult`.
    void send(VaultOperation *operation, ApiCall request, ResultHandler onResult);
    void confirmWrite(VaultOperation *operation, const QString &path, const QString &field, const SecretBytes &value,
        int cas, const ApiError &casError);

    HttpClient *m_http;
    Settings m_settings;
    SecretBytes m_token;
    QString m_mountPath; // percent-encoded
    QString m_configurationError;
    std::chrono::milliseconds m_callDeadline = DefaultCallDeadline;
};
