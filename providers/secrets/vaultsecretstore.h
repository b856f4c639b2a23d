// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretjob.h"
#include "secretstore.h"

#include <QPointer>

#include <chrono>

class VaultKvClient;
struct ApiError;

// The SecretStore over a HashiCorp Vault (or OpenBao) KV v2 mount, for teams that keep
// credentials in Vault rather than in each admin's keychain; an account's admin credential can
// then be a SecretRef of backend Vault. Each key is one KV secret at "<prefix>/<key>" with the
// single field "value" (locationFor() gives the SecretRef location).
//
// write() reads the key's metadata and writes with check-and-set (cas = current_version, or 0
// for a new key), so it never silently replaces a version written between the two calls: on a
// CAS mismatch it reads the metadata again and tries once more, then reports the conflict.
// remove() deletes the metadata, i.e. every version. Vault's statuses become SecretJob errors:
// 404 NotFound, 403 AccessDenied, a sealed Vault Locked, no connection NoBackend.
//
// The client is not owned and must outlive the store.
class VaultSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultSecretStore)

public:
    static constexpr QLatin1StringView FieldName {"value"};
    // Two tries: a second conflict in a row means someone else is writing this key right now.
    static constexpr int MaxWriteAttempts = 2;

    VaultSecretStore(VaultKvClient *client, QString prefix, QObject *parent = nullptr);
    ~VaultSecretStore() override;

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const SecretBytes &value) override;
    SecretJob *remove(const QString &key) override;
    QString backendName() const override;

    const QString &prefix() const { return m_prefix; }
    // The KV path of `key`, or empty when the key cannot be one.
    QString pathFor(const QString &key) const;
    // "<mount>/<prefix>/<key>#value", for SecretRef::vault().
    QString locationFor(const QString &key) const;

private:
    SecretJob *start(SecretJob::Operation operation, const QString &key, int calls);
    void writeAttempt(SecretJob *job, const QString &path, const SecretBytes &value, int attempt);
    void finishWithError(SecretJob *job, const ApiError &error);
    static SecretJob::Error mapError(SecretJob::Operation operation, const ApiError &error);

    QPointer<VaultKvClient> m_client;
    QString m_prefix;
};
