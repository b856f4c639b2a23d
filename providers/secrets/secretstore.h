// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class SecretBytes;
class SecretJob;

// Where TokenDesk keeps secret values: the OS keychain (KeychainSecretStore) or nothing at all
// (UnavailableSecretStore, which says why). Every call starts one asynchronous SecretJob and
// returns it at once; connect to SecretJob::finished, which is emitted exactly once and never
// before the call has returned. The store owns its jobs (they are its children), and each job
// deletes itself after finished, so keep no pointer to it beyond the slot.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using QObject::QObject;
    ~SecretStore() override;

    // On success the job's value() holds the secret; a key that was never written ends in NotFound.
    virtual SecretJob *read(const QString &key) = 0;
    // Creates or overwrites the secret under `key`.
    virtual SecretJob *write(const QString &key, const SecretBytes &value) = 0;
    // Succeeds as well when there was nothing under `key`, so removing twice is harmless.
    virtual SecretJob *remove(const QString &key) = 0;
    // For people: which keychain this is ("Secret Service", "Windows Credential Manager"…).
    virtual QString backendName() const = 0;
};
